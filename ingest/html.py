"""HTML pages to articles: main text and metadata, boilerplate left behind.

trafilatura does the extraction (main text, title, author, date, site name,
canonical URL). It is big and slow to import (lxml, dateparser, ...), so it is
imported inside the functions, only when HTML is actually ingested.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .document import ArticleDoc, IngestError
from .encoding import decode
from .text import clean_text, parse_language
from .urls import canonical_url, is_site_root

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# WHATWG's prescan looks at the first 1024 bytes; real pages put <meta charset>
# after long comments or scripts now and then, so look a little further.
_PRESCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_BLOCKS = (
    "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "h1", "h2", "h3",
    "h4", "h5", "h6", "pre", "table", "tr", "br", "figure", "figcaption", "header", "footer",
)  # fmt: skip


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag, if any."""
    match = _META_CHARSET.search(raw[:_PRESCAN])
    return match.group(1).decode("ascii") if match else None


def html_to_text(raw: bytes, source: str, *, charset: str | None = None) -> str:
    """Decode a page: the HTTP header's charset, else <meta charset>, else UTF-8, else detect."""
    if not raw.strip():
        raise IngestError(source, "empty file")
    return decode(raw, source, declared=charset or declared_charset(raw))


def parse_html(
    raw: bytes,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    fallback: ArticleDoc | None = None,
) -> ArticleDoc:
    """One page to one article; raise IngestError naming `source` when there is none.

    `url` is where the page was fetched from (after redirects); the page's own
    canonical link wins over it. `fallback` fills metadata the page lacks (a
    feed entry's title and date, for instance).
    """
    from trafilatura.utils import load_html

    markup = html_to_text(raw, source, charset=charset)
    tree = load_html(markup)
    if tree is None:
        raise IngestError(source, "not an HTML page (no document structure found)")
    page_language = _page_language(tree)
    result = _extract(tree, url, fast=True)
    if not getattr(result, "text", None):
        # The fallback extractors (readability, jusText) cost about three times
        # as much and rescue only pages where the main heuristics find nothing.
        result = _extract(load_html(markup), url, fast=False)
    text = clean_text(getattr(result, "text", None) or "")
    if not text.strip():
        raise IngestError(source, "no article text found in the HTML")
    known = fallback or ArticleDoc(source=source, title="", body="")
    title = _one_line(getattr(result, "title", None)) or known.title
    if not title:
        # A page without a title: its first paragraph stands in, as in text files.
        title, _, text = text.partition("\n")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0] == title:  # the page's <h1>: already the title
        lines = lines[1:]
    body = "\n\n".join(lines)
    if not body:
        raise IngestError(source, "no article text found in the HTML")
    site = _one_line(getattr(result, "sitename", None))
    if site == getattr(result, "hostname", None):
        # trafilatura falls back to the host name; a feed's title names the site better.
        site = known.site or site
    return ArticleDoc(
        source=source,
        title=title,
        body=body,
        published=published or _date(getattr(result, "date", None)) or known.published,
        language=language or page_language or known.language,
        url=_article_url(getattr(result, "url", None), url) or known.url,
        site=site or known.site,
        author=_one_line(getattr(result, "author", None)) or known.author,
    )


def _extract(tree: HtmlElement | None, url: str | None, *, fast: bool):
    import trafilatura

    if tree is None:
        return None
    return trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Dates from the page's metadata only: a date guessed from the body
        # text could be any date the article mentions, and it anchors the moves.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )


def fragment_text(markup: str) -> str:
    """An HTML fragment that is all article (a feed entry's content) to paragraphs of text.

    No boilerplate removal here: a feed's content holds only the article, and
    trafilatura's page heuristics would throw short entries away.
    """
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in markup:
        return clean_text(markup).strip()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style|.//iframe|.//noscript"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    paragraphs = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n\n".join(p for p in (clean_text(p) for p in paragraphs) if p)


def _page_language(tree: HtmlElement) -> str | None:
    raw = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not raw:
        for meta in tree.iterfind(".//meta[@http-equiv]"):
            if meta.get("http-equiv", "").lower() == "content-language":
                raw = meta.get("content")
    try:
        return parse_language(raw.split(",")[0], "") if raw else None
    except IngestError:  # a junk lang attribute: detect from the text instead
        return None


def _article_url(canonical: str | None, fetched: str | None) -> str | None:
    # Some sites point every page's canonical link at the home page; trusting it
    # would make all their articles one article.
    if (
        canonical
        and (canonical.startswith(("http://", "https://")))
        and not is_site_root(canonical)
    ):
        return canonical_url(canonical)
    return canonical_url(fetched)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _one_line(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(clean_text(str(value)).split())
    return text or None
