"""Article pages by path or URL: read or fetch the bytes, then parse them as HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .document import ArticleDoc, IngestError
from .encoding import decode
from .fetch import Limits, Response, fetch
from .html import parse_html
from .text import parse_text_article, read_bytes

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the caller knows better than the source, and the limits for fetching."""

    published: dt.date | None = None
    language: str | None = None
    limits: Limits = field(default_factory=Limits)


def read_html_file(path: Path, options: ReadOptions = ReadOptions()) -> ArticleDoc:
    source = str(path)
    return parse_html(
        # A saved page is markup around the article, as a fetched one: the page limit.
        read_bytes(path, source, limit=options.limits.max_bytes),
        source,
        published=options.published,
        language=options.language,
    )


def read_page(
    url: str,
    options: ReadOptions = ReadOptions(),
    *,
    fallback: ArticleDoc | None = None,
) -> ArticleDoc:
    """Fetch an article page and parse it; `fallback` supplies metadata the page lacks."""
    return page_doc(fetch(url, limits=options.limits), url, options, fallback=fallback)


def page_doc(
    response: Response,
    source: str,
    options: ReadOptions,
    *,
    fallback: ArticleDoc | None = None,
) -> ArticleDoc:
    """An article from a fetched response: HTML, or plain text served as such."""
    if response.content_type == "text/plain":
        text = decode(response.body, source, declared=response.charset)
        return parse_text_article(
            text, source, published=options.published, language=options.language
        )
    if response.content_type not in HTML_TYPES and not _sniff_html(response.body):
        raise IngestError(source, f"not an article page ({response.content_type})")
    return parse_html(
        response.body,
        source,
        url=response.url,
        charset=response.charset,
        published=options.published,
        language=options.language,
        fallback=fallback,
    )


def _sniff_html(raw: bytes) -> bool:
    # Servers label pages application/octet-stream now and then; trust the markup.
    head = raw[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta"))
