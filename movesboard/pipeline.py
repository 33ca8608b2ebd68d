"""Sources -> extraction -> storage: the one ingest path the CLI, `watch` and the TUI share.

Every article is stored atomically: an interrupted ingest (Ctrl+C, kill, a
crash) leaves each article either fully stored or not at all, and re-running
it completes the rest. `ingest_items` stores articles in batches, one
transaction per batch and a savepoint per article (a commit per article was
a tenth of its cost), while a worker process extracts the articles ahead
(extraction is a pure function); an article that fails rolls back alone.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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
    import multiprocessing.process
    import threading
    from concurrent.futures import Future, ProcessPoolExecutor

    from sqlalchemy.engine import Connection
    from sqlmodel import Session

    from movesboard.extract.types import Extraction
    from movesboard.ingest.fetch import Limits
    from movesboard.models.alias_index import AliasIndex
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
    from movesboard.extract import extract
    from movesboard.models.store import StoreResult, find_article

    with database.session() as session:
        existing = find_article(session, doc.content_hash) or _find_by_url(session, doc.url)
        if existing is not None and not _asks_otherwise(session, existing, doc):
            return False, StoreResult(article_id=existing, created=False)
    if existing is not None:
        return True, _re_extract(database, existing, doc)
    _check_length(doc)
    extraction = extract(doc.body, title=doc.title, published=doc.published, language=doc.language)
    return False, _store_alone(database, doc, extraction)


def _check_length(doc: ArticleDoc) -> None:
    if len(doc.body) > MAX_TEXT_CHARS:
        # A page may hold up to 5 MiB of markup: its text is what extraction pays for.
        raise IngestError(
            doc.source, f"article text too long ({len(doc.body) // 1024} K characters, limit 1 M)"
        )


def _store_alone(database: Database, doc: ArticleDoc, extraction: Extraction) -> StoreResult:
    """Store one extracted article in a transaction of its own, retried when another
    writer's transaction aborted it."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from movesboard.models.alias_index import alias_index
    from movesboard.models.dialect import transient_conflict
    from movesboard.models.store import StoreResult, find_article, store_article

    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with database.session() as session:
                return store_article(session, doc, extraction, alias_index(database.url))
        except IntegrityError:
            # Another process (a `watch` beside an `ingest`) stored the same content
            # between the check above and this write.
            with database.session() as session:
                existing = find_article(session, doc.content_hash)
            if existing is None:
                raise
            return StoreResult(article_id=existing, created=False)
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
    except Exception as error:  # a bug in one article must not stop the others
        return _failure(item, error)
    status: Status = "re-extracted" if again else "new" if result.created else "unchanged"
    return Outcome(item, status, result=result, title=doc.title)


def _failure(item: Item, error: Exception) -> Outcome:
    """A failed article's outcome: an IngestError says it all, anything else is named."""
    if isinstance(error, IngestError):
        return Outcome(item, "failed", error=str(error))
    text = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
    return Outcome(item, "failed", error=f"{item.label}: {detail}")


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
    """Ingest the articles in order, counting what happened into `summary`.

    Articles are stored in batches (a savepoint each) and reported, in order,
    once their batch is committed: what was reported is stored. When `stop` is
    set, the batch in flight is committed and the rest are left.
    """
    summary = summary if summary is not None else IngestSummary()
    items = list(items)

    def report(outcome: Outcome) -> None:
        summary.add(outcome)
        if outcome.error and on_error is not None:
            on_error(outcome.error)
        if on_outcome is not None:
            on_outcome(outcome)

    with _Extractor(_workers_for(len(items))) as extractor:
        queue = _prepared(database, items, extractor, stop)
        while _store_batch(database, queue, report):
            pass
    return summary


# Articles stored per transaction, and how long one stays open at most: readers
# (the dashboard, `watch`) see a batch's articles when it commits, and on
# SQLite another writer waits for it meanwhile.
BATCH_ARTICLES = 50
BATCH_SECONDS = 0.5
# Articles read, checked and handed to extraction ahead of the one being stored.
LOOKAHEAD = 8
# Below this many articles, extracting in this process beats starting a worker.
POOL_MIN_ARTICLES = 16
MAX_WORKERS = 2


def _workers_for(articles: int) -> int:
    """Extraction workers for a run: the cores storage leaves free, if worth starting."""
    if articles < POOL_MIN_ARTICLES:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(0, min(MAX_WORKERS, (cores or 1) - 1))


def _start_worker() -> None:
    """A worker leaves Ctrl+C to the ingest that started it (which finishes its
    batch), and ends with it: killed, the ingest would otherwise leave it
    waiting forever, holding the ingest's stdout open (spawned workers keep
    both ends of their task queue, so they never see it close)."""
    import multiprocessing
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process is gone
    os._exit(1)


def _extract_doc(doc: ArticleDoc) -> Extraction:
    from movesboard.extract import extract

    return extract(doc.body, title=doc.title, published=doc.published, language=doc.language)


class _Extractor:
    """Extracts articles in worker processes, or here when there are none.

    Extraction is a pure function of the article: a worker's result is what
    this process would have found. Results are taken in submission order, so
    the order of storage is the order of the articles."""

    def __init__(self, workers: int) -> None:
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                workers,
                # Not fork: the dashboard ingests from a thread beside others.
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)

    def submit(self, doc: ArticleDoc) -> Callable[[], Extraction]:
        """A call that returns the article's extraction (waiting for it if need be)."""
        if self._pool is None:
            return partial(_extract_doc, doc)
        return partial(_result, self._pool.submit(_extract_doc, doc), doc)


def _result(future: Future[Extraction], doc: ArticleDoc) -> Extraction:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:  # a worker died (killed, out of memory): extract here
        return _extract_doc(doc)


@dataclass(slots=True)
class _Pending:
    """One article on its way to storage: read, checked, its extraction under way."""

    item: Item
    outcome: Outcome | None = None  # settled already: unchanged, or failed before storing
    doc: ArticleDoc | None = None
    stored_as: int | None = None  # stored with another language or date: re-extract it
    extraction: Callable[[], Extraction] | None = None


def _prepare(database: Database, item: Item, extractor: _Extractor) -> _Pending:
    """Read the article and hand it to extraction, unless it is stored already."""
    from movesboard.models.store import StoreResult

    try:
        # A feed entry already stored by its URL: do not fetch its page again.
        if item.url and url_stored(database, item.url):
            return _Pending(item, Outcome(item, "unchanged"))
        doc = item.read()
        with database.engine.connect() as connection:  # no ORM session for one read
            existing = _stored_id(connection, doc)
        if existing is not None:
            with database.session() as session:
                if _asks_otherwise(session, existing, doc):
                    return _Pending(item, doc=doc, stored_as=existing)
            stored = StoreResult(article_id=existing, created=False)
            return _Pending(item, Outcome(item, "unchanged", result=stored, title=doc.title))
        _check_length(doc)
        return _Pending(item, doc=doc, extraction=extractor.submit(doc))
    except Exception as error:  # a bug in one article must not stop the others
        return _Pending(item, _failure(item, error))


# The article stored with this content, else with this canonical URL.
_STORED = (
    "SELECT id, 0 FROM article WHERE content_hash = ?"
    " UNION ALL SELECT id, 1 FROM article WHERE url = ? ORDER BY 2 LIMIT 1"
)


def _stored_id(connection: Connection, doc: ArticleDoc) -> int | None:
    """What ingest_doc's checks find, in one statement through the driver's cursor."""
    from movesboard.models.name_keys import Cursor

    with Cursor(connection) as cursor:
        row = cursor.all(_STORED, doc.content_hash, doc.url)
    return int(row[0][0]) if row else None


def _prepared(
    database: Database, items: list[Item], extractor: _Extractor, stop: threading.Event | None
) -> Iterator[_Pending]:
    """The articles in order, each prepared LOOKAHEAD articles ahead of its storage."""
    ahead: deque[_Pending] = deque()
    upcoming = iter(items)
    while stop is None or not stop.is_set():
        while len(ahead) < LOOKAHEAD and (item := next(upcoming, None)) is not None:
            ahead.append(_prepare(database, item, extractor))
        if not ahead:
            return
        yield ahead.popleft()


@dataclass(slots=True)
class _Stored:
    """An article stored in the batch: stored again alone if the batch fails to commit."""

    pending: _Pending
    extraction: Extraction
    outcome: Outcome


@dataclass(slots=True)
class _Batch:
    """What one transaction did: outcomes in article order, and an article left to
    store alone after it (re-extraction, or one another writer's transaction aborted)."""

    entries: list[Outcome | _Stored] = field(default_factory=list)
    alone: _Pending | None = None
    extraction: Extraction | None = None  # the article left alone's, when extracted
    more: bool = True  # were there articles left when it ended?


def _store_batch(
    database: Database, queue: Iterator[_Pending], report: Callable[[Outcome], None]
) -> bool:
    """Store articles from `queue` in one transaction and report them; False when done."""
    batch = _Batch()
    try:
        with database.session() as session:
            _fill(session, database.url, queue, batch)
    except Exception:
        # The transaction itself failed (a lost connection): each of its articles
        # is stored again on its own, and fails, if it does, alone.
        batch.entries = [_again_alone(database, entry) for entry in batch.entries]
    for entry in batch.entries:
        report(entry.outcome if isinstance(entry, _Stored) else entry)
    if batch.alone is not None:
        report(_store_left_alone(database, batch.alone, batch.extraction))
    return batch.more


def _fill(session: Session, url: str, queue: Iterator[_Pending], batch: _Batch) -> None:
    """Store articles from `queue` into `session` until the batch is full or time is up."""
    from movesboard.models.alias_index import alias_index

    names = alias_index(url)
    deadline = time.monotonic() + BATCH_SECONDS
    for count, pending in enumerate(queue, start=1):
        if pending.outcome is not None:
            batch.entries.append(pending.outcome)
        elif pending.stored_as is not None or pending.extraction is None:
            batch.alone = pending
            return
        else:
            entry = _store_one(session, pending, names, batch)
            if entry is None:  # left alone for after the commit
                return
            batch.entries.append(entry)
        if count >= BATCH_ARTICLES or time.monotonic() > deadline:
            return
    batch.more = False


def _begin_for_savepoints(session: Session) -> None:
    """Open the transaction before the first savepoint on SQLite: pysqlite begins
    one only before a write, and a SAVEPOINT outside a transaction would start
    one that its RELEASE commits. IMMEDIATE: the batch is a writer, it waits for
    the write lock (busy timeout) here, not at a later read-to-write upgrade."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _store_one(
    session: Session, pending: _Pending, names: AliasIndex, batch: _Batch
) -> Outcome | _Stored | None:
    """Store one article under a savepoint: a failure rolls back this article alone.
    None when it is to be stored alone after the batch (`batch.alone`)."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from movesboard.models import changes
    from movesboard.models.dialect import transient_conflict

    assert pending.doc is not None and pending.extraction is not None
    try:
        extraction = pending.extraction()
    except Exception as error:
        return _failure(pending.item, error)
    try:
        _begin_for_savepoints(session)
    except DBAPIError:
        # No write lock within the busy timeout: after this batch, the article
        # goes alone (and is reported, stored or failed), not unaccounted for.
        batch.alone, batch.extraction = pending, extraction
        return None
    noted = changes.noted_count(session)
    try:
        with session.begin_nested():
            result = _store_in(session, pending.doc, extraction, names)
    except Exception as error:
        changes.forget_noted_since(session, noted)
        if isinstance(error, IntegrityError) or (
            isinstance(error, DBAPIError) and transient_conflict(error)
        ):
            # Another writer's doing: after this batch commits, the article
            # goes alone, with the retries and checks that handle it.
            batch.alone, batch.extraction = pending, extraction
            return None
        return _failure(pending.item, error)
    return _Stored(pending, extraction, _stored_outcome(pending, result))


def _store_in(
    session: Session, doc: ArticleDoc, extraction: Extraction, names: AliasIndex
) -> StoreResult:
    """Store the article in `session`, unless it (or one of its URL) came in meanwhile."""
    from movesboard.models.store import StoreResult, store_article

    existing = _stored_id(session.connection(), doc)
    if existing is not None:
        return StoreResult(article_id=existing, created=False)
    return store_article(session, doc, extraction, names)


def _stored_outcome(pending: _Pending, result: StoreResult) -> Outcome:
    status: Status = "new" if result.created else "unchanged"
    title = pending.doc.title if pending.doc is not None else None
    return Outcome(pending.item, status, result=result, title=title)


def _again_alone(database: Database, entry: Outcome | _Stored) -> Outcome:
    if isinstance(entry, Outcome):
        return entry
    return _store_left_alone(database, entry.pending, entry.extraction)


def _store_left_alone(
    database: Database, pending: _Pending, extraction: Extraction | None
) -> Outcome:
    """Store (or re-extract) one article in a transaction of its own."""
    assert pending.doc is not None
    try:
        if pending.stored_as is not None:
            result = _re_extract(database, pending.stored_as, pending.doc)
            return Outcome(pending.item, "re-extracted", result=result, title=pending.doc.title)
        if extraction is None:
            assert pending.extraction is not None
            extraction = pending.extraction()
        return _stored_outcome(pending, _store_alone(database, pending.doc, extraction))
    except Exception as error:
        return _failure(pending.item, error)


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
