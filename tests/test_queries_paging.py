"""The People, Companies and Articles lists page by keyset: every row once, in order,
from an index, however deep the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pytest
from sqlalchemy import event

from movesboard.models import queries
from movesboard.models.db import Database
from movesboard.models.names import organization_key, person_key
from movesboard.models.rows import article_key, name_key
from movesboard.models.tables import Article, Organization, Person

Row = TypeVar("Row")

# Ties in every case the lists fold: equal names in other cases, and ids that
# do not follow the names. "Émile" folds differently on each engine (SQLite's
# lower() is ASCII only): paging must follow the engine, not Python.
NAMES = [
    "Ada Lovelace",
    "ada lovelace",
    "Zed Zulu",
    "ADA LOVELACE",
    "Émile Zola",
    "émile zola",
    "Bob Byte",
    "Ada Lovelace",
    "bob byte",
    "Carol Code",
    "Ada Lovelace",
]
DAY = dt.date(2025, 6, 1)
# Articles: ties on a date, dates out of id order, and undated ones among them.
PUBLISHED = [DAY, None, dt.date(2024, 1, 2), DAY, None, DAY, dt.date(2026, 1, 1), None, DAY, None]


def add_people(database: Database) -> None:
    """Every name as a root, plus an atom merged into the first (never listed)."""
    with database.session() as session:
        for index, name in enumerate(NAMES):
            session.add(Person(uid=f"p-{index:013x}", atom_name=name, name=name, key=f"k{index}"))
        session.flush()
        session.add(
            Person(
                uid="p-atom", atom_name="Ada", name="Ada", key=person_key("Ada"), merged_into_id=1
            )
        )
        session.commit()


def add_organizations(database: Database) -> None:
    with database.session() as session:
        for index, name in enumerate(NAMES):
            session.add(Organization(name=name, key=f"{organization_key(name)}-{index}"))
        session.commit()


def add_articles(database: Database) -> None:
    with database.session() as session:
        for index, published in enumerate(PUBLISHED):
            session.add(
                Article(
                    source=f"a{index}.txt",
                    title=f"Article {index}",
                    published=published,
                    language="en",
                    body="Nobody moved.",
                    content_hash=f"{index:064d}",
                )
            )
        session.commit()


def every_page(read: Callable[[Any], list[Row]], key: Callable[[Row], Any]) -> list[Row]:
    """All rows, read page after page from the last row of the one before
    (at most one page per row: paging that repeats a row stops)."""
    rows: list[Row] = []
    for _ in range(len(NAMES) + len(PUBLISHED)):
        page = read(key(rows[-1]) if rows else None)
        if not page:
            break
        rows += page
    return rows


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_people_page_through_every_root_once_in_order(database: Database, limit: int) -> None:
    add_people(database)
    with database.session() as session:
        whole = queries.people(session, limit=100)
        paged = every_page(
            lambda after: queries.people(session, after=after, limit=limit), name_key
        )
    assert paged == whole
    assert sorted(row.id for row in whole) == list(range(1, len(NAMES) + 1))  # no atom
    ascii_names = [(row.name.lower(), row.id) for row in whole if row.name.isascii()]
    assert ascii_names == sorted(ascii_names)  # by name case-folded, ties by id


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_companies_page_through_every_row_once_in_order(database: Database, limit: int) -> None:
    add_organizations(database)
    with database.session() as session:
        whole = queries.organizations(session, limit=100)
        paged = every_page(
            lambda after: queries.organizations(session, after=after, limit=limit), name_key
        )
    assert paged == whole
    assert len({row.id for row in whole}) == len(NAMES)
    ascii_names = [(row.name.lower(), row.id) for row in whole if row.name.isascii()]
    assert ascii_names == sorted(ascii_names)


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 7])
def test_articles_page_from_dated_to_undated_once_in_order(database: Database, limit: int) -> None:
    add_articles(database)
    with database.session() as session:
        whole = queries.articles(session, limit=100)
        paged = every_page(
            lambda after: queries.articles(session, after=after, limit=limit), article_key
        )
    assert paged == whole
    dated = sorted(((day, index + 1) for index, day in enumerate(PUBLISHED) if day), reverse=True)
    undated = sorted((index + 1 for index, day in enumerate(PUBLISHED) if not day), reverse=True)
    assert [row.id for row in whole] == [article_id for _, article_id in dated] + undated


def test_a_row_added_above_the_last_one_read_moves_no_page(database: Database) -> None:
    """What an offset got wrong: a row added before the page boundary while the
    list is open repeated the last row read on the next page."""
    add_people(database)
    with database.session() as session:
        first = queries.people(session, limit=4)
        session.add(Person(uid="p-new", atom_name="Aaron A", name="Aaron A", key="knew"))
        session.commit()
        rest = queries.people(session, after=name_key(first[-1]), limit=100)
    assert not {row.id for row in first} & {row.id for row in rest}
    assert len(first) + len(rest) == len(NAMES)  # the new row sorts above: not on a later page


@contextmanager
def statements(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """The SQL the database runs meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def plan(database: Database, read: Callable[[Any], object]) -> str:
    """SQLite's plan for the first statement `read` runs."""
    with statements(database) as seen, database.session() as session:
        read(session)
    statement, parameters = seen[0]
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        return "\n".join(row[3] for row in rows)


@pytest.mark.parametrize(
    ("read", "index"),
    [
        (lambda s: queries.people(s, after=("Bob Byte", 7), limit=101), "ix_person_root_name"),
        (
            lambda s: queries.organizations(s, after=("Bob Byte", 7), limit=101),
            "ix_organization_name",
        ),
        (lambda s: queries.articles(s, after=(DAY, 4), limit=101), "ix_article_published_id"),
        (lambda s: queries.articles(s, after=(None, 8), limit=101), "ix_article_published_id"),
    ],
    ids=["people", "companies", "dated articles", "undated articles"],
)
def test_a_deep_page_walks_its_index_without_sorting(
    sqlite_database: Database, read: Callable[[Any], object], index: str
) -> None:
    """Also what notices an expression index dropped by a later SQLite batch
    migration (SQLite's reflection cannot see them to copy them)."""
    found = plan(sqlite_database, read)
    assert f"USING INDEX {index} (" in found or f"USING COVERING INDEX {index} (" in found
    assert "TEMP B-TREE" not in found
