"""The rows the dashboard's panes show, as plain frozen dataclasses.

Kept apart from the queries that make them (models/queries.py) so that they
load without SQLAlchemy: the dashboard paints a remembered first page
(tui/first_page.py) before the database stack is imported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Totals:
    articles: int
    people: int
    organizations: int
    moves: int


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    title: str
    published: dt.date | None
    language: str
    source: str
    moves: int


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    name: str
    organization: str | None  # where the latest move took them
    moves: int


@dataclass(frozen=True, slots=True)
class OrganizationRow:
    id: int
    name: str
    parent: str | None
    arrivals: int
    departures: int


@dataclass(frozen=True, slots=True)
class MoveRow:
    id: int
    person_id: int
    person: str
    from_org_id: int | None
    from_org: str | None
    to_org_id: int | None
    to_org: str | None
    role: str | None
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, at the precision known
    article_id: int
    article_title: str
    article_source: str
    published: dt.date | None
    evidence: str
    confidence: float
    status: str
    modality: str
    evidence_start: int = 0  # offset of the evidence sentence in the article body
    reports: int = 1  # articles reporting this move (models/repeats.py)

    @property
    def when(self) -> str:
        """The move's date, or its article's date marked with '~' when the move has none."""
        if self.date:
            return self.date
        return f"~{self.published.isoformat()}" if self.published else "undated"

    def summary(self) -> str:
        origin = self.from_org or "?"
        destination = self.to_org or "(left)"
        return f"{origin} → {destination}"


# Where a move sits on the timeline: newest first, undated (None) last, ties by id.
SortKey = tuple[dt.date | None, int]
# Where an article sits in its list: the same order, by its published date.
ArticleKey = tuple[dt.date | None, int]
# Where a person or an organisation sits in its list: by name, case-folded by
# the database (so the key keeps the name as stored: Python's lower() is not
# SQLite's), ties by id.
NameKey = tuple[str, int]


def article_key(row: ArticleRow) -> ArticleKey:
    return row.published, row.id


def name_key(row: PersonRow | OrganizationRow) -> NameKey:
    return row.name, row.id


def sort_key(move: MoveRow) -> SortKey:
    """The key a move sorts by: its date (first day of its period), else its article's."""
    if move.date:
        year, month, day = ([*map(int, move.date.split("-")), 1, 1])[:3]
        return dt.date(year, month, day), move.id
    return move.published, move.id


def newer(a: SortKey, b: SortKey) -> bool:
    """Does `a` come before `b` on the timeline (newest first, undated last)?"""
    if (a[0] is None) != (b[0] is None):
        return b[0] is None
    return (a[0], a[1]) > (b[0], b[1]) if a[0] is not None else a[1] > b[1]
