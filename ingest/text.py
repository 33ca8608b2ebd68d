"""Plain-text articles: optional front matter, else the first line is the title.

Format: ../shared/corpus/FORMAT.md (copied to tests/corpus/shared/FORMAT.md).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from movesboard.untrusted import strip, strip_line

from .document import ArticleDoc, IngestError
from .encoding import decode
from .files import open_regular
from .urls import canonical_url

# A news article is kilobytes.  Extraction runs at about 0.7 MB/s (benchmarks/
# bench_large.py), so 1 MiB of text is a second or two: anything bigger is no article.
MAX_BYTES = 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def read_text_article(
    path: Path, *, published: dt.date | None = None, language: str | None = None
) -> ArticleDoc:
    """Read one article file; raise IngestError naming the file and the problem.

    `published` and `language` given by the caller override the front matter.
    """
    source = str(path)
    text = decode(read_bytes(path, source), source)
    return parse_text_article(text, source, published=published, language=language)


def clean_text(text: str) -> str:
    """Unix newlines, and no control characters: they must never reach a terminal."""
    return strip(text)


def parse_text_article(
    text: str, source: str, *, published: dt.date | None = None, language: str | None = None
) -> ArticleDoc:
    text = clean_text(text)
    meta: dict[str, object] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _parse_front_matter(match.group(1), source)
        text = text[match.end() :]

    title = _clean(meta.get("title"))
    body = text.strip("\n")
    if not title:
        first, _, rest = body.lstrip().partition("\n")
        title, body = first.strip(), rest.strip("\n")
    if not title and not body.strip():
        raise IngestError(source, "empty article")
    if not body.strip():
        raise IngestError(source, "no body text after the title")

    return ArticleDoc(
        source=source,
        title=title,
        body=body,
        published=published or _parse_date(meta.get("published"), source),
        language=language or parse_language(meta.get("language"), source),
        url=canonical_url(_clean(meta.get("url"))),
        site=_clean(meta.get("source")),
    )


def read_bytes(path: Path, source: str, *, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, with one-line errors for missing, oversized or unreadable files."""
    try:
        with open_regular(path, source) as file:  # never blocks on a FIFO or device
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise IngestError(source, f"file too large ({size // 1024} KiB, {_limit(limit)})")
            # Read at most one byte past the limit: the file may grow after fstat().
            raw = file.read(limit + 1)
        if len(raw) > limit:
            raise IngestError(source, f"file too large (over {_limit(limit)})")
        return raw
    except IngestError:
        raise
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except IsADirectoryError:
        raise IngestError(source, "is a directory") from None
    except OSError as error:
        raise IngestError(source, error.strerror or "cannot be read") from None


def _limit(limit: int) -> str:
    if limit % (1024 * 1024) == 0:
        return f"limit {limit // (1024 * 1024)} MiB"
    return f"limit {limit // 1024} KiB"


def _parse_front_matter(block: str, source: str) -> dict[str, object]:
    import yaml

    try:
        loaded = yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        return {str(k).lower(): v for k, v in loaded.items()}
    # Not valid YAML (e.g. an unquoted title with a colon): read plain key: value lines.
    meta: dict[str, object] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise IngestError(source, f"front matter line is not 'key: value': {line.strip()!r}")
        meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta


def _clean(value: object) -> str | None:
    # Front matter is YAML: "\e" in a quoted value is an ESC after decoding.
    return strip_line(value)


def _parse_date(value: object, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise IngestError(source, f"published is not a YYYY-MM-DD date: {value!r}") from None


def parse_language(value: object, source: str) -> str | None:
    if value is None or value == "":
        return None
    code = str(value).strip()
    if not _LANGUAGE_CODE.match(code):
        raise IngestError(source, f"language is not a BCP-47 code: {value!r}")
    return code.split("-")[0].lower()
