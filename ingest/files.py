"""Opening article files without ever blocking, and walking folders without missing any.

A FIFO named `x.txt` blocks `open()` until a writer comes (forever, and past
SIGTERM), a device never ends, a socket cannot be opened at all: only regular
files are read. The type is checked with stat() before opening, and again on
the open descriptor (opened non-blocking), so a file swapped in between cannot
slip through.

Folders are walked with os.walk and its error callback: pathlib's rglob skips a
folder it cannot read without a word, and then its articles are silently lost.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .document import IngestError
from .encoding import looks_binary

# What stat() says a path is, for the message about a file that is not a regular one.
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

# Called with a folder that cannot be listed and the one-line reason.
OnUnreadable = Callable[[Path, str], None]


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what the file is ("a FIFO", "a socket", ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def not_regular(path: Path, source: str, mode: int) -> IngestError | None:
    kind = kind_of(mode)
    if kind is None:
        return None
    if kind == "a directory":
        return IngestError(source, "is a directory")
    return IngestError(source, f"not a regular file ({kind})")


def open_regular(path: Path, source: str) -> BinaryIO:
    """The file opened for reading; IngestError if it is not a regular file.

    OSError (missing, unreadable) passes through for the caller to word.
    """
    problem = not_regular(path, source, os.stat(path).st_mode)
    if problem is not None:
        raise problem
    # O_NONBLOCK: if a FIFO was swapped in since stat(), open() still returns at once.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        problem = not_regular(path, source, os.fstat(descriptor).st_mode)
        if problem is not None:
            raise problem
        # Non-blocking means nothing for a regular file; clear it all the same.
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def walk_files(folder: Path, on_unreadable: OnUnreadable) -> Iterator[Path]:
    """Every non-folder entry under `folder`, recursively, in no particular order.

    A folder that cannot be listed (the top one included) goes to `on_unreadable`;
    the walk goes on with the others. Hidden folders hold no articles and are not
    entered; symlinked folders are not followed (loops).
    """

    def report(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        on_unreadable(where, f"folder cannot be read ({error.strerror or 'error'})")

    for directory, folders, files in os.walk(folder, onerror=report):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(directory)
        for name in files:
            yield base / name


# What a file named explicitly (a shell glob: `corpus/*`) may be that is no article.
# Markdown too: in a corpus folder it is the documentation (README.md, FORMAT.md);
# an article written in Markdown is read once renamed .txt.
_REFUSED_SUFFIXES = {
    ".json": "JSON",
    ".jsonl": "JSON Lines",
    ".ndjson": "JSON Lines",
    ".md": "Markdown (documentation; rename it .txt to read it as an article)",
    ".markdown": "Markdown (documentation; rename it .txt to read it as an article)",
    **dict.fromkeys((".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".zst"), "an archive"),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".tif", ".tiff"), "an image"
    ),
    **dict.fromkeys((".pdf", ".doc", ".docx", ".odt", ".exe", ".so", ".db", ".sqlite"), "binary"),
}
# Leading bytes of common binary formats (those without NUL bytes early on included).
_MAGIC = (
    (b"PK\x03\x04", "an archive"),
    (b"\x1f\x8b", "an archive"),
    (b"BZh", "an archive"),
    (b"\xfd7zXZ\x00", "an archive"),
    (b"7z\xbc\xaf\x27\x1c", "an archive"),
    (b"\x28\xb5\x2f\xfd", "an archive"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"%PDF-", "binary (PDF)"),
    (b"SQLite format 3\x00", "binary (SQLite)"),
)


def not_an_article(name: str, raw: bytes) -> str | None:
    """Why a file named `name` holding `raw` is no article ("JSON Lines"), or None.

    By suffix first, then by content: magic numbers, NUL bytes, JSON documents.
    """
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _REFUSED_SUFFIXES:
        return _REFUSED_SUFFIXES[suffix]
    kind = next((kind for magic, kind in _MAGIC if raw.startswith(magic)), None)
    if kind is None and raw[257:262] == b"ustar":
        kind = "an archive"
    if kind is None and looks_binary(raw):
        kind = "binary"
    return kind or _json_kind(raw)


def _json_kind(raw: bytes) -> str | None:
    """ "JSON" or "JSON Lines" for a file that is one JSON document or one per line."""
    import json

    if raw.lstrip()[:1] not in (b"{", b"["):
        return None
    try:
        json.loads(raw)
        return "JSON"
    except ValueError:
        pass
    lines = [line for line in raw.splitlines() if line.strip()]
    try:
        for line in lines:
            json.loads(line)
    except ValueError:
        return None
    return "JSON Lines"
