"""Sources -> extraction -> storage: the one ingest path the CLI, `watch` and the TUI share.

Every article is stored in its own transaction: an interrupted ingest (Ctrl+C,
kill, a crash) leaves each article either fully stored or not at all, and
re-running it completes the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from movesboard.ingest import (
    ArticleDoc,
    IngestError,
    Item,
    ReadOptions,
    items_for,
    read_text_article,
)
from movesboard.ingest.document import MAX_TEXT_CHARS

if TYPE_CHECKING:
    import threading

    from movesboard.ingest.fetch import Limits
    from movesboard.models.db import Database
    from movesboard.models.store import StoreResult

# Tries at storing one article that another writer's transaction aborted
# (a deadlock between two new names): more would mean something else is wrong.
STORE_ATTEMPTS = 3


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    re_extracted: int = 0
    failed: int = 0
    moves: int = 0
    people: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        total = self.new + self.unchanged + self.re_extracted + self.failed
        noun = "article" if total == 1 else "articles"
        again = f", {self.re_extracted} re-extracted" if self.re_extracted else ""
        return (
            f"{total} {noun}: {self.new} new, {self.unchanged} unchanged{again}, "
            f"{self.failed} failed; {self.moves} moves, {self.people} people"
        )

    def add(self, outcome: Outcome) -> None:
        if outcome.status in ("new", "re-extracted"):
            if outcome.status == "new":
                self.new += 1
            else:
                self.re_extracted += 1
            if outcome.result is not None:
                self.moves += outcome.result.moves
                self.people += outcome.result.people
        elif outcome.status == "unchanged":
            self.unchanged += 1
        else:
            self.fail(outcome.error or f"{outcome.item.label}: failed")

    def fail(self, message: str) -> None:
        self.failed += 1
        self.errors.append(message)


Status = Literal["new", "unchanged", "re-extracted", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    item: Item
    status: Status
    result: StoreResult | None = None
    title: str | None = None
    error: str | None = None  # the one-line message when failed

    def line(self) -> str:
        """One line for a person: "new: Title (2 moves) <- source"."""
        if self.error:
            return f"failed: {self.item.label}: {self.error}"
        moves = self.result.moves if self.result is not None else 0
        noun = "move" if moves == 1 else "moves"
        return f"{self.status}: {self.title or '(untitled)'} ({moves} {noun}) <- {self.item.label}"


def ingest_doc(database: Database, doc: ArticleDoc) -> StoreResult:
    """Extract and store one article in one transaction.

    Idempotent by content hash and by canonical URL: the same article arriving
    as a file, a fetched page and a feed entry is stored once. One stored with
    another language or date than `doc` asks for is re-extracted.
    """
    return _ingest_doc(database, doc)[1]


def _ingest_doc(database: Database, doc: ArticleDoc) -> tuple[bool, StoreResult]:
    """(re-extracted?, what was stored)."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from movesboard.extract import extract
    from movesboard.models.alias_index import alias_index
    from movesboard.models.dialect import transient_conflict
    from movesboard.models.store import StoreResult, find_article, store_article

    with database.session() as session:
        existing = find_article(session, doc.content_hash) or _find_by_url(session, doc.url)
        if existing is not None and not _asks_otherwise(session, existing, doc):
            return False, StoreResult(article_id=existing, created=False)
    if existing is not None:
        return True, _re_extract(database, existing, doc)
    if len(doc.body) > MAX_TEXT_CHARS:
        # A page may hold up to 5 MiB of markup: its text is what extraction pays for.
        raise IngestError(
            doc.source, f"article text too long ({len(doc.body) // 1024} K characters, limit 1 M)"
        )
    extraction = extract(doc.body, title=doc.title, published=doc.published, language=doc.language)
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with database.session() as session:
                return False, store_article(session, doc, extraction, alias_index(database.url))
        except IntegrityError:
            # Another process (a `watch` beside an `ingest`) stored the same content
            # between the check above and this write.
            with database.session() as session:
                existing = find_article(session, doc.content_hash)
            if existing is None:
                raise
            return False, StoreResult(article_id=existing, created=False)
        except DBAPIError as error:
            # Two writers waiting on each other's new names: PostgreSQL rolled
            # this article back whole; storing it again goes through.
            if attempt == STORE_ATTEMPTS or not transient_conflict(error):
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")


def _asks_otherwise(session, article_id: int, doc: ArticleDoc) -> bool:
    """Does `doc` ask for another language pack or date than the article was stored with?"""
    from movesboard.extract import _pack_code  # the extractor's own reading of a code
    from movesboard.models.tables import Article

    article = session.get(Article, article_id)
    language = _pack_code(doc.language)
    return (language is not None and language != article.language) or (
        doc.published is not None and doc.published != article.published
    )


def _re_extract(database: Database, article_id: int, doc: ArticleDoc) -> StoreResult:
    """The stored article extracted again with `doc`'s language and date, in one transaction."""
    from movesboard.extract import extract
    from movesboard.models import alias_index
    from movesboard.models.store import replace_facts
    from movesboard.models.tables import Article

    with database.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        published = doc.published or article.published
        extraction = extract(
            article.body,
            title=article.title,
            published=published,
            language=doc.language or article.language,
        )
        names = alias_index.AliasIndex(shared=False)
        result = replace_facts(session, article_id, extraction, published, names)
    alias_index.forget(database.url)  # atoms and their aliases went
    return result


def url_stored(database: Database, url: str | None) -> bool:
    """Is an article with this canonical URL stored already?"""
    if not url:
        return False
    with database.session() as session:
        return _find_by_url(session, url) is not None


def _find_by_url(session, url: str | None) -> int | None:
    if not url:
        return None
    from sqlmodel import select

    from movesboard.models.tables import Article

    return session.exec(select(Article.id).where(Article.url == url).limit(1)).first()


def ingest_item(database: Database, item: Item) -> Outcome:
    """Read, extract and store one article; a failure becomes an Outcome, never an exception.

    KeyboardInterrupt and SystemExit pass through: the article in flight is
    rolled back whole.
    """
    try:
        # A feed entry already stored by its URL: do not fetch its page again.
        if item.url and url_stored(database, item.url):
            return Outcome(item, "unchanged")
        doc = item.read()
        again, result = _ingest_doc(database, doc)
    except IngestError as error:
        return Outcome(item, "failed", error=str(error))
    except Exception as error:  # a bug in one article must not stop the others
        text = str(error).strip().splitlines()
        detail = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
        return Outcome(item, "failed", error=f"{item.label}: {detail}")
    status: Status = "re-extracted" if again else "new" if result.created else "unchanged"
    return Outcome(item, status, result=result, title=doc.title)


def collect_items(
    sources: Iterable[str | Path],
    options: ReadOptions,
    summary: IngestSummary,
    *,
    on_error: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> list[Item]:
    """Expand sources to articles; a source that cannot be read counts as one failure."""
    items: list[Item] = []
    for source in sources:
        if stop is not None and stop.is_set():
            break
        try:
            items.extend(items_for(source, options))
        except IngestError as error:
            summary.fail(str(error))
            if on_error is not None:
                on_error(str(error))
    return items


def ingest_items(
    database: Database,
    items: Iterable[Item],
    *,
    summary: IngestSummary | None = None,
    on_error: Callable[[str], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    stop: threading.Event | None = None,
) -> IngestSummary:
    """Ingest each article in turn, counting what happened into `summary`.

    When `stop` is set, the article in flight is finished and the rest are left.
    """
    summary = summary if summary is not None else IngestSummary()
    for item in items:
        if stop is not None and stop.is_set():
            break
        outcome = ingest_item(database, item)
        summary.add(outcome)
        if outcome.error and on_error is not None:
            on_error(outcome.error)
        if on_outcome is not None:
            on_outcome(outcome)
    return summary


def ingest_sources(
    database: Database,
    sources: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    language: str | None = None,
    limits: Limits | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files, folders, URLs and feeds; a bad one is reported and the others go on."""
    options = _options(published, language, limits)
    summary = IngestSummary()
    items = collect_items(sources, options, summary, on_error=on_error)
    return ingest_items(database, items, summary=summary, on_error=on_error)


def ingest_paths(
    database: Database,
    paths: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    language: str | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders (kept for callers that predate URLs and feeds)."""
    return ingest_sources(
        database, paths, published=published, language=language, on_error=on_error
    )


def seed(database: Database) -> IngestSummary:
    """Ingest the shipped seed articles (the dashboard does this on an empty database)."""
    from movesboard.seeds import seed_articles

    readers = (
        (
            article.path,
            partial(
                _read_seed, article.path, published=article.published, language=article.language
            ),
        )
        for article in seed_articles()
    )
    return ingest_all(database, readers)


def _read_seed(path: Path, *, published: dt.date | None, language: str | None) -> ArticleDoc:
    """A seed article, its source `seeds/<name>`: not a path inside wherever it is installed."""
    from dataclasses import replace

    doc = read_text_article(path, published=published, language=language)
    return replace(doc, source=f"seeds/{path.name}")


def ingest_all(
    database: Database,
    readers: Iterable[tuple[Path, Callable[[], ArticleDoc]]],
    *,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read, extract and store each (label, reader) pair in turn, counting what happened."""
    items = (Item(label=str(path), read=read) for path, read in readers)
    return ingest_items(database, items, on_error=on_error)


def _options(published: dt.date | None, language: str | None, limits: Limits | None) -> ReadOptions:
    if limits is None:
        return ReadOptions(published=published, language=language)
    return ReadOptions(published=published, language=language, limits=limits)
