"""The dashboard's window on the database, called from worker threads only.

Nothing heavy is imported here at module level: SQLAlchemy, the models and
the pipeline load on the first call, inside a worker, after the first paint.
Every method returns frozen dataclasses from `movesboard.models.queries`, safe
to hand to the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movesboard.models.changes import ChangeBatch, Waiter
    from movesboard.models.db import Database
    from movesboard.models.decisions import Decision
    from movesboard.models.history import DecisionRow
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
    from movesboard.models.rows import ArticleKey, NameKey, SortKey
    from movesboard.models.views import MergeCase, TimelineFilter
    from movesboard.pipeline import IngestSummary, Outcome

# Rows per page; panes load the next page as the cursor nears the end. A page
# is ~3 screens: enough to scroll into while the next one loads, small enough
# that a filtered timeline page at 200k moves reads in ~10 ms.
PAGE = 100
# A page is read with one row more than it shows: that row says whether there
# is a next page, so a title says "(100)" and not "(100+)" when that is all.
PEEK = PAGE + 1


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the dashboard shows at once."""

    location: str
    totals: Totals
    articles: list[ArticleRow]
    people: list[PersonRow]
    organizations: list[OrganizationRow]
    timeline: list[MoveRow]
    latest_change_id: int  # live updates read the changes committed after this one


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
                from movesboard.models.dialect import may_store_articles

                database = Database.open(self.db)
                if self.seed:
                    with database.session() as session:
                        empty = queries.is_empty(session) and may_store_articles(session)
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
        self,
        where: TimelineFilter | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> Overview:
        from movesboard.models import changes, queries, views

        database = self.open(progress)
        with database.session() as session:
            # First: what is committed while the pages are read comes live after.
            latest = changes.latest_id(session)
            return Overview(
                location=self.location,
                totals=queries.totals(session),
                articles=queries.articles(session, limit=PEEK),
                people=queries.people(session, limit=PEEK),
                organizations=queries.organizations(session, limit=PEEK),
                timeline=views.timeline_page(session, where or views.TimelineFilter(), limit=PEEK),
                latest_change_id=latest,
            )

    def totals(self) -> Totals:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.totals(session)

    # The lists page by keyset: `after` is the last row shown (its key), None for the top.

    def articles(self, after: ArticleKey | None = None, limit: int = PEEK) -> list[ArticleRow]:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.articles(session, after=after, limit=limit)

    def people(self, after: NameKey | None = None, limit: int = PEEK) -> list[PersonRow]:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.people(session, after=after, limit=limit)

    def organizations(
        self, after: NameKey | None = None, limit: int = PEEK
    ) -> list[OrganizationRow]:
        from movesboard.models import queries

        with self.open().session() as session:
            return queries.organizations(session, after=after, limit=limit)

    # ------------------------------------------------------------ timeline

    def timeline(
        self, where: TimelineFilter, after: SortKey | None = None, limit: int = PEEK
    ) -> list[MoveRow]:
        from movesboard.models import views

        with self.open().session() as session:
            return views.timeline_page(session, where, after=after, limit=limit)

    def moves_of_articles(self, where: TimelineFilter, article_ids: Sequence[int]) -> list[MoveRow]:
        from movesboard.models import views

        with self.open().session() as session:
            return views.moves_of_articles(session, where, article_ids)

    # ------------------------------------------------------------ live

    def latest_change_id(self) -> int:
        from movesboard.models import changes

        with self.open().session() as session:
            return changes.latest_id(session)

    def changes_since(self, change_id: int) -> ChangeBatch:
        from movesboard.models import changes

        with self.open().session() as session:
            return changes.since(session, change_id)

    def waiter(self) -> Waiter:
        """How to hear of changes: LISTEN on PostgreSQL, a poll on SQLite."""
        from movesboard.models import changes

        return changes.waiter(self.open().url)

    def find(self, query: str, kind: str) -> LookupHit | None:
        """The best person or organisation for a name typed in a filter."""
        return next((hit for hit in self.lookup(query, limit=10) if hit.kind == kind), None)

    # ------------------------------------------------------------ review

    def review(self) -> tuple[list[MoveRow], list[MergeCase]]:
        from movesboard.models import views

        with self.open().session() as session:
            return views.review_moves(session), views.merge_cases(session)

    def person_suggestions(self, person_id: int) -> list[MergeCase]:
        from movesboard.models import views

        with self.open().session() as session:
            return views.merge_cases(session, person_id=person_id)

    def set_move_status(self, move_id: int, status: str) -> None:
        from movesboard.models import decisions

        with self.open().session() as session:
            # The row the user is on, by its row id: this process read it.
            decisions.set_move_status(session, decisions.find_move(session, f"#{move_id}"), status)

    def judge(self, case: MergeCase, kind: str) -> None:
        """same | different | unsure, about a suggested merge."""
        from sqlmodel import select

        from movesboard.models import decisions
        from movesboard.models.tables import Person

        with self.open().session() as session:
            atom, candidate = (
                session.exec(select(Person).where(Person.uid == uid)).one()
                for uid in (case.atom_uid, case.candidate_uid)
            )
            decisions.judge_pair(session, candidate, atom, kind)

    def history(self, limit: int) -> list[DecisionRow]:
        """The latest user decisions, with who made them."""
        from movesboard.models.history import history

        with self.open().session() as session:
            return history(session, limit=limit)

    def undo(self) -> str | None:
        """Undo the newest user decision; a description of it, or None when there is none."""
        from movesboard.models import decisions

        with self.open().session() as session:
            last: Decision | None = decisions.last_user_decision(session)
            return decisions.undo(session, last.id) if last is not None else None

    # ------------------------------------------------------------ ingest

    def ingest(
        self, sources: list[str], progress: Callable[[int, int, Outcome], None]
    ) -> IngestSummary:
        """Ingest files, folders, URLs or feeds; `progress(done, total, outcome)` per article."""
        from movesboard.ingest import ReadOptions
        from movesboard.pipeline import IngestSummary, collect_items, ingest_items

        database = self.open()
        summary = IngestSummary()
        items = collect_items(sources, ReadOptions(), summary)
        done = 0

        def counted(outcome: Outcome) -> None:
            nonlocal done
            done += 1
            progress(done, len(items), outcome)

        return ingest_items(database, items, summary=summary, on_outcome=counted)

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

    def warm_index(self) -> int:
        """Open the name index kept in the database (issue 14: nothing is built in
        memory any more; the count reads its pages in before the first keystroke);
        returns the number of names."""
        from movesboard.models.alias_index import alias_index

        database = self.open()
        with database.session() as session:
            return len(alias_index(database.url).refresh(session))

    def lookup(self, query: str, limit: int = 12) -> list[LookupHit]:
        """Fuzzy lookup on the shared index, topped up with aliases stored since last time."""
        from movesboard.models.alias_index import alias_index
        from movesboard.models.lookup import lookup

        database = self.open()
        with database.session() as session:
            index = alias_index(database.url).refresh(session)
            return lookup(session, query, limit=limit, index=index)


def describe_error(error: BaseException) -> str:
    """One readable line for a notification, never a traceback."""
    from movesboard.models.db import permission_denied

    denied = permission_denied(error)  # a reader's `a` in the review queue
    if denied is not None:
        return denied[0].upper() + denied[1:]
    module = type(error).__module__
    if module.startswith(("sqlalchemy", "alembic", "sqlite3")):
        original = getattr(error, "orig", None) or error
        return f"Database error: {str(original).splitlines()[0] if str(original) else original!r}"
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
