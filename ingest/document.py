"""What every source reader yields: an article's text and metadata, nothing stored."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from movesboard.untrusted import strip, strip_line, visible

# Extraction reads about a mebibyte of text in a second or two (it is linear in
# the length: benchmarks/bench_large.py); a longer "article" is no article.
MAX_TEXT_CHARS = 1024 * 1024


class IngestError(Exception):
    """A source that cannot be read as an article; str() is the one-line message."""

    def __init__(self, source: str, problem: str) -> None:
        # Both parts may quote the source (a file name, a URL, a bad value):
        # the message shows their control characters, never sends them.
        super().__init__(visible(f"{source}: {problem}"))
        self.source = source
        self.problem = problem


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    source: str  # the path or URL as it was given
    title: str
    body: str
    published: dt.date | None = None
    language: str | None = None  # None: detect from the text
    url: str | None = None
    site: str | None = None
    # Not stored yet (the Article table has no column for it); kept for display and export.
    author: str | None = None

    def __post_init__(self) -> None:
        """Every reader's output is cleaned here, once, before anything stores it:
        front matter, feed fields, file names and URLs carry no control characters."""
        for name in ("title", "source"):
            object.__setattr__(self, name, strip_line(getattr(self, name)) or "")
        for name in ("language", "url", "site", "author"):
            object.__setattr__(self, name, strip_line(getattr(self, name)))
        object.__setattr__(self, "body", strip(self.body))

    @property
    def content_hash(self) -> str:
        """Identity of the article's content, whatever path or URL it came by."""
        normalised = "\n".join(line.strip() for line in f"{self.title}\n{self.body}".splitlines())
        return hashlib.sha256(normalised.strip().encode("utf-8")).hexdigest()
