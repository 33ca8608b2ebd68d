"""What the user names (paths, folders, URLs, feeds) to the articles to read.

Each article becomes an `Item`: a label for messages and a reader that does the
slow part (reading, fetching, parsing) only when called, so a bad source fails
on its own and the others go on. Expanding a URL fetches it once, because only
the response says whether it is a page or a feed.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .document import ArticleDoc, IngestError
from .feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from .fetch import Response, fetch
from .files import OnUnreadable, not_an_article, not_regular, open_regular, walk_files
from .pages import ReadOptions, page_doc, read_html_file, read_page
from .text import read_bytes, read_text_article
from .urls import canonical_url, is_site_root, is_url

# In a folder, only these are articles (a corpus folder also holds README.md,
# gold.jsonl ...). A file named explicitly is read whatever its suffix, unless
# it is JSON, Markdown, an archive, an image or another binary (files.not_an_article).
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/html;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Item:
    label: str  # the path or URL that messages name
    read: Callable[[], ArticleDoc]
    url: str | None = None  # canonical URL known before reading: lets a stored one be skipped
    key: str | None = None  # a feed entry's id, for remembering what was seen


def expand_paths(
    paths: Iterable[str | Path], on_unreadable: OnUnreadable | None = None
) -> Iterator[Path]:
    """Files as given; folders recursively, article files only, in path order.

    Missing paths are yielded too, so the reader reports them by name. A folder
    that cannot be read goes to `on_unreadable`; without one it raises IngestError.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from folder_articles(path, on_unreadable or _raise_unreadable)
        else:
            yield path


def folder_articles(folder: Path, on_unreadable: OnUnreadable) -> list[Path]:
    """The article files under `folder`, in path order; unreadable folders go to the callback."""
    return sorted(
        path for path in walk_files(folder, on_unreadable) if is_article_file(path, folder)
    )


def is_article_file(path: Path, root: Path) -> bool:
    """A file in a watched or named folder that is an article (not hidden, known suffix).

    FIFOs, sockets and devices with such a name count too: reading them fails
    with a message saying what they are, rather than their being skipped unseen.
    """
    try:
        relative = path.relative_to(root)
    except ValueError:
        return False
    if path.suffix.lower() not in ARTICLE_SUFFIXES or any(
        part.startswith(".") for part in relative.parts
    ):
        return False
    try:
        return not stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False  # gone already, or a dangling symlink


def items_for(source: str | Path, options: ReadOptions = ReadOptions()) -> list[Item]:  # noqa: B008
    """The articles one source holds; raise IngestError if the source itself is unusable."""
    if isinstance(source, str) and is_url(source):
        response = fetch(source, limits=options.limits, accept=FEED_ACCEPT)
        if looks_like_feed(response.body, response.content_type):
            return feed_items(parse_feed(response.body, source, base_url=response.url), options)
        return [
            Item(
                label=source,
                read=partial(page_doc, response, source, options),
                url=_page_url(response.url),
            )
        ]
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except OSError:
        return [file_item(path, options)]  # missing or unreadable: the reader says which
    if stat.S_ISDIR(mode):
        return folder_items(path, options)
    # Checked before anything opens it: opening a FIFO blocks until a writer comes.
    problem = not_regular(path, str(path), mode)
    if problem is not None:
        raise problem
    _refuse_non_article(path)
    if is_feed_file(path):
        feed, _ = load_feed(str(path), options)
        return feed_items(feed, options) if feed else []
    return [file_item(path, options)]


def _refuse_non_article(path: Path) -> None:
    """IngestError for a file that is no article (a shell glob names everything)."""
    try:
        raw = read_bytes(path, str(path))
    except IngestError:
        return  # missing, too large, unreadable: the reader says which
    kind = not_an_article(path.name, raw)
    if kind is not None:
        raise IngestError(str(path), f"not an article: {kind}")


def folder_items(folder: Path, options: ReadOptions = ReadOptions()) -> list[Item]:  # noqa: B008
    """A folder's articles, and one failing item per folder inside it that cannot be read."""
    unreadable: list[Item] = []

    def note(where: Path, problem: str) -> None:
        unreadable.append(Item(label=str(where), read=partial(_fail, str(where), problem)))

    items = [file_item(path, options) for path in folder_articles(folder, note)]
    return sorted(items + unreadable, key=lambda item: Path(item.label))


def _fail(source: str, problem: str) -> ArticleDoc:
    raise IngestError(source, problem)


def _raise_unreadable(folder: Path, problem: str) -> None:
    raise IngestError(str(folder), problem)


def file_item(path: Path, options: ReadOptions = ReadOptions()) -> Item:  # noqa: B008
    """An article file (text or HTML, by suffix or, failing that, by content)."""
    reader = read_html_file if _file_kind(path) == "html" else _read_text
    return Item(label=str(path), read=partial(reader, path, options))


def is_feed_file(path: Path) -> bool:
    return _file_kind(path) == "feed"


def load_feed(
    source: str,
    options: ReadOptions = ReadOptions(),  # noqa: B008
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> tuple[Feed | None, Response | None]:
    """A feed by URL (conditional GET: None when not modified) or by path."""
    if is_url(source):
        response = fetch(
            source,
            limits=options.limits,
            etag=etag,
            last_modified=last_modified,
            accept=FEED_ACCEPT,
        )
        if response.not_modified:
            return None, response
        return parse_feed(response.body, source, base_url=response.url), response
    raw = read_bytes(Path(source), source, limit=options.limits.max_bytes)
    return parse_feed(raw, source), None


def feed_items(feed: Feed, options: ReadOptions = ReadOptions()) -> list[Item]:  # noqa: B008
    return [
        Item(
            label=entry.url or f"{feed.source}#{entry.key}",
            read=partial(_entry_doc, entry, feed.source, options),
            url=entry.url,
            key=entry.key,
        )
        for entry in feed.entries
    ]


def _entry_doc(entry: FeedEntry, feed_source: str, options: ReadOptions) -> ArticleDoc:
    label = entry.url or f"{feed_source}#{entry.key}"
    if entry.summary_only and entry.url and is_url(entry.url):
        # A teaser: the article is on its page. The entry's title and date fill
        # in what the page does not say.
        return read_page(entry.url, options, fallback=entry.doc(label, strict=False))
    doc = entry.doc(label)
    if options.published or options.language:
        return _override(doc, options)
    return doc


def _override(doc: ArticleDoc, options: ReadOptions) -> ArticleDoc:
    from dataclasses import replace

    return replace(
        doc,
        published=options.published or doc.published,
        language=options.language or doc.language,
    )


def _read_text(path: Path, options: ReadOptions) -> ArticleDoc:
    return read_text_article(path, published=options.published, language=options.language)


def _file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in FEED_SUFFIXES:
        return "feed"
    # Any other name: look at the first bytes.
    try:
        with open_regular(path, str(path)) as file:
            head = file.read(2048)
    except (OSError, IngestError):
        return "text"  # the reader reports the problem by name
    if looks_like_feed(head):
        return "feed"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _page_url(url: str) -> str | None:
    canonical = canonical_url(url)
    return None if canonical is None or is_site_root(canonical) else canonical
