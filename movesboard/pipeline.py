"""Sources -> extraction -> storage: the one ingest path the CLI and the TUI share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from movesboard.ingest import ArticleDoc, IngestError, expand_paths, read_text_article

if TYPE_CHECKING:
    from movesboard.models.db import Database
    from movesboard.models.store import StoreResult


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    moves: int = 0
    people: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        total = self.new + self.unchanged + self.failed
        noun = "article" if total == 1 else "articles"
        return (
            f"{total} {noun}: {self.new} new, {self.unchanged} unchanged, {self.failed} failed; "
            f"{self.moves} moves, {self.people} people"
        )


def ingest_doc(database: Database, doc: ArticleDoc) -> StoreResult:
    """Extract and store one article in one transaction (idempotent by content hash)."""
    from movesboard.extract import extract
    from movesboard.models.store import StoreResult, find_article, store_article

    with database.session() as session:
        existing = find_article(session, doc.content_hash)
        if existing is not None:
            return StoreResult(article_id=existing, created=False)
    extraction = extract(doc.body, title=doc.title, published=doc.published, language=doc.language)
    with database.session() as session:
        return store_article(session, doc, extraction)


def ingest_paths(
    database: Database,
    paths: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    language: str | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders; a bad file is reported and the others go on."""
    readers = (
        (path, partial(read_text_article, path, published=published, language=language))
        for path in expand_paths(paths)
    )
    return ingest_all(database, readers, on_error=on_error)


def seed(database: Database) -> IngestSummary:
    """Ingest the shipped seed articles (the dashboard does this on an empty database)."""
    from movesboard.seeds import seed_articles

    readers = (
        (
            article.path,
            partial(
                read_text_article,
                article.path,
                published=article.published,
                language=article.language,
            ),
        )
        for article in seed_articles()
    )
    return ingest_all(database, readers)


def ingest_all(
    database: Database,
    readers: Iterable[tuple[Path, Callable[[], ArticleDoc]]],
    *,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Read, extract and store each source in turn, counting what happened."""
    summary = IngestSummary()
    for path, read in readers:
        try:
            result = ingest_doc(database, read())
        except IngestError as error:
            message = str(error)
        except Exception as error:  # a bug in one article must not stop the others
            message = f"{path}: {type(error).__name__}: {error}"
        else:
            if result.created:
                summary.new += 1
                summary.moves += result.moves
                summary.people += result.people
            else:
                summary.unchanged += 1
            continue
        summary.failed += 1
        summary.errors.append(message)
        if on_error is not None:
            on_error(message)
    return summary
