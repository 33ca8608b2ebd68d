"""The dashboard's window on the database, called from worker threads only.

Nothing heavy is imported here at module level: SQLAlchemy, the models and
the pipeline load on the first call, inside a worker, after the first paint.
Every method returns frozen dataclasses from `movesboard.models.queries`, safe
to hand to the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movesboard.models.db import Database
    from movesboard.models.lookup import LookupHit
    from movesboard.models.queries import (
        ArticleDetail,
        ArticleRow,
        MoveRow,
        OrganizationDetail,
        OrganizationRow,
        PersonDetail,
        PersonRow,
        Totals,
    )

PAGE = 500  # rows per pane; paging beyond this comes with a later slice


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the dashboard shows at once."""

    location: str
    totals: Totals
    articles: list[ArticleRow]
    people: list[PersonRow]
    organizations: list[OrganizationRow]
    timeline: list[MoveRow]


@dataclass(frozen=True, slots=True)
class SeedReport:
    articles: int
    moves: int
    errors: list[str]


class DataSource:
    """Opens (migrates, seeds) the database on first use; one session per call."""

    def __init__(self, db: str | None = None, *, seed: bool = True) -> None:
        self.db = db
        self.seed = seed
        self._database: Database | None = None
        self._lock = threading.Lock()
        self.seeded: SeedReport | None = None

    @property
    def location(self) -> str:
        """Where the data lives, for the header; safe before the database is open."""
        from movesboard.models.db import describe, resolve_url

        return describe(resolve_url(self.db))

    def open(self, progress: Callable[[str], None] | None = None) -> Database:
        """The migrated database; seeds it when empty and seeding is on. Thread-safe.

        `progress` hears about slow steps (seeding runs the extractor).
        """
        with self._lock:
            if self._database is None:
                from movesboard.models import queries
                from movesboard.models.db import Database

                database = Database.open(self.db)
                if self.seed:
                    with database.session() as session:
                        empty = queries.is_empty(session)
                    if empty:
                        from movesboard.pipeline import seed

                        if progress is not None:
                            progress("adding the example articles…")
                        summary = seed(database)
                        self.seeded = SeedReport(summary.new, summary.moves, summary.errors)
                self._database = database
            return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()

    def overview(
        self, limit: int = PAGE, progress: Callable[[str], None] | None = None
    ) -> Overview:
        from movesboard.models import queries

        database = self.open(progress)
        with database.session() as session:
            return Overview(
                location=self.location,
                totals=queries.totals(session),
                articles=queries.articles(session, limit=limit),
                people=queries.people(session, limit=limit),
                organizations=queries.organizations(session, limit=limit),
                timeline=queries.timeline(session, limit=limit),
            )

    def article(self, article_id: int) -> ArticleDetail | None:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.article_detail(session, article_id)

    def person(self, person_id: int) -> PersonDetail | None:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.person_detail(session, person_id)

    def organization(self, organization_id: int) -> OrganizationDetail | None:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.organization_detail(session, organization_id)

    def lookup(self, query: str, limit: int = 12) -> list[LookupHit]:
        from movesboard.models.lookup import lookup

        with self.open().session() as session:
            return lookup(session, query, limit=limit)


def describe_error(error: BaseException) -> str:
    """One readable line for a notification, never a traceback."""
    module = type(error).__module__
    if module.startswith(("sqlalchemy", "alembic", "sqlite3")):
        original = getattr(error, "orig", None) or error
        return f"Database error: {str(original).splitlines()[0] if str(original) else original!r}"
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
