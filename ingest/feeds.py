"""RSS and Atom feeds to entries: full content where the feed has it, else a page to fetch.

feedparser is imported on first use. It is always handed bytes, never a
string: given a string it would take it for a URL or a path and open it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass

from .document import ArticleDoc, IngestError
from .encoding import looks_binary
from .html import fragment_text
from .text import parse_language
from .urls import canonical_url

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+xml",
    }
)
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_-]+:)?(rss|feed|RDF)[\s>]")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # stable identity within the feed: its id, else its link
    url: str | None  # canonical link to the article page
    title: str
    published: dt.date | None
    language: str | None
    site: str | None
    author: str | None
    content: str | None  # the article's full text, when the feed carries it
    summary: str  # plain text; the body of last resort

    @property
    def summary_only(self) -> bool:
        return self.content is None

    def doc(self, source: str, *, strict: bool = True) -> ArticleDoc:
        """The article from the feed alone (full content, or the summary if that is all).

        strict=False gives the entry's metadata even without text, as a fallback
        for the page the entry links to.
        """
        body = self.content or self.summary
        if strict and (not self.title or not body.strip()):
            raise IngestError(source, "feed entry without a title or text")
        return ArticleDoc(
            source=source,
            title=self.title,
            body=body,
            published=self.published,
            language=self.language,
            url=self.url,
            site=self.site,
            author=self.author,
        )


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    ttl: int | None = None  # seconds the publisher asks readers to wait between polls


def looks_like_feed(raw: bytes, content_type: str = "") -> bool:
    """RSS / Atom / RDF by media type, or by the root element in the first bytes."""
    if content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = raw[:2048].lstrip()
    return bool(_FEED_ROOT.search(head)) and not head[:200].lower().startswith(
        (b"<!doctype html", b"<html")
    )


def parse_feed(raw: bytes, source: str, *, base_url: str | None = None) -> Feed:
    import feedparser

    if not raw.strip():
        raise IngestError(source, "empty feed")
    if looks_binary(raw):
        raise IngestError(source, "binary file, not a feed")
    headers = {"content-location": base_url} if base_url else {}
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        if parsed.get("bozo"):
            raise IngestError(
                source, f"malformed feed ({_first_line(parsed.get('bozo_exception'))})"
            )
        raise IngestError(source, "not an RSS or Atom feed")
    if parsed.get("bozo") and not parsed.entries:
        raise IngestError(source, f"malformed feed ({_first_line(parsed.get('bozo_exception'))})")
    info = parsed.feed
    site = _text(info.get("title"))
    language = _language(info.get("language"))
    entries = tuple(
        entry
        for entry in (_entry(raw_entry, site, language) for raw_entry in parsed.entries)
        if entry
    )
    return Feed(source=source, title=site, entries=entries, ttl=_ttl(info))


def _entry(raw: dict, site: str | None, feed_language: str | None) -> FeedEntry | None:
    link = canonical_url(raw.get("link"))
    title = _text(raw.get("title")) or ""
    summary = fragment_text(raw.get("summary") or "")
    content, language = _best_content(raw.get("content") or [])
    if content is not None and len(content) <= len(summary):
        content = None  # a "content" that only repeats the summary is a teaser too
    if not (title or summary or content):
        return None
    key = (
        raw.get("id")
        or raw.get("link")
        or hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    )
    return FeedEntry(
        key=str(key),
        url=link,
        title=title,
        published=_date(raw.get("published_parsed") or raw.get("updated_parsed")),
        language=language or _language(raw.get("language")) or feed_language,
        site=site,
        author=_text(raw.get("author")),
        content=content,
        summary=summary,
    )


def _best_content(contents: list[dict]) -> tuple[str | None, str | None]:
    best: tuple[str | None, str | None] = (None, None)
    for item in contents:
        text = fragment_text(item.get("value") or "")
        if text and len(text) > len(best[0] or ""):
            best = (text, _language(item.get("language")))
    return best


def _date(parsed: object) -> dt.date | None:
    # feedparser normalises every date format to a UTC struct_time.
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _ttl(info: dict) -> int | None:
    ttl = str(info.get("ttl") or "").strip()
    return int(ttl) * 60 if ttl.isdigit() and int(ttl) > 0 else None  # RSS <ttl> is in minutes


def _language(value: object) -> str | None:
    if not value:
        return None
    try:
        return parse_language(str(value).split(",")[0].strip(), "")
    except IngestError:
        return None


def _text(value: object) -> str | None:
    if not value:
        return None
    text = " ".join(fragment_text(str(value)).split())
    return text or None


def _first_line(error: object) -> str:
    text = str(error or "unreadable").strip()
    return text.splitlines()[0] if text else "unreadable"
