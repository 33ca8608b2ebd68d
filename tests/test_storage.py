"""The database: location, SQLite settings, schema versioning, and transactional stores."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from movesboard.extract.types import (
    Extraction,
    FuzzyDate,
    GroupMoveFact,
    Mention,
    Modality,
    MoveFact,
    OrgEntity,
    PersonEntity,
)
from movesboard.ingest import parse_text_article
from movesboard.models import queries
from movesboard.models.db import Database, default_db_path, resolve_url
from movesboard.models.migrations import HEAD, alembic_config, current_revision
from movesboard.models.store import store_article
from movesboard.models.tables import Alias, Article, Move, Organization, Person

BODY = "Ada Lovelace left Alpha Labs to join Beta Corp. Lovelace starts in May."


def sample() -> tuple:
    doc = parse_text_article(f"A title\n{BODY}", "sample.txt", published=dt.date(2025, 6, 1))
    extraction = Extraction(
        language="en",
        people=[
            PersonEntity(
                "Ada Lovelace", [Mention("Ada Lovelace", 0, 12), Mention("Lovelace", 48, 56)]
            )
        ],
        organizations=[
            OrgEntity("Alpha Labs", None, [Mention("Alpha Labs", 18, 28)]),
            OrgEntity("Beta Corp", None, [Mention("Beta Corp", 37, 46)]),
            OrgEntity("Beta AI", "Beta Corp"),
        ],
        moves=[
            MoveFact(
                "Ada Lovelace",
                "Alpha Labs",
                "Beta Corp",
                BODY[:47],
                0,
                "researcher",
                FuzzyDate(2025, 5),
                0.9,
            ),
            MoveFact("Ada Lovelace", "Beta Corp", "Gamma", "rumour", 0, modality=Modality.RUMOURED),
        ],
        group_moves=[GroupMoveFact(3, ("Alpha Labs", "Beta Corp"), "Gamma", "three left", 0)],
    )
    return doc, extraction


def test_default_location_is_the_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    url = resolve_url(None)
    assert url == f"sqlite:///{default_db_path()}"
    assert "movesboard" in url and url.endswith("movesboard.db")
    monkeypatch.setenv("MOVESBOARD_DB", "/tmp/from-env.db")
    assert resolve_url(None) == "sqlite:////tmp/from-env.db"
    assert resolve_url("other.db") == f"sqlite:///{Path('other.db').resolve()}"
    # A bare PostgreSQL URL names the driver movesboard ships (psycopg 3), whatever
    # SQLAlchemy's own default; one that names a driver is kept as given.
    assert resolve_url("postgresql://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    assert resolve_url("postgres://u@host/db") == "postgresql+psycopg://u@host/db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_no_engine_at_import_and_lazy_open(db_path: Path) -> None:
    database = Database(resolve_url(str(db_path)))
    assert database._engine is None and not db_path.exists()
    database.migrate()
    assert db_path.exists()


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_database: Database, db_path: Path) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(Exception, match="FOREIGN KEY"), sqlite_database.session() as session:
        session.add(Move(uid="m-x", person_id=999, article_id=999, evidence="x"))


class _SwitchingCursor:
    """A cursor whose `PRAGMA journal_mode=WAL` fails with `errors` first, in order."""

    def __init__(self, *errors: int) -> None:
        self.errors = list(errors)
        self.tries = 0

    def execute(self, sql: str) -> None:
        self.tries += 1
        if self.errors:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = self.errors.pop(0)  # type: ignore[attr-defined]
            raise error


def test_the_wal_switch_waits_out_another_process_switching() -> None:
    """Two processes opening a new file at once: SQLite may refuse the switch
    at once, busy handler or not; the loser tries again instead of failing."""
    from movesboard.models import db

    cursor = _SwitchingCursor(sqlite3.SQLITE_BUSY, sqlite3.SQLITE_BUSY)
    db._use_wal(cursor)
    assert cursor.tries == 3


def test_the_wal_switch_gives_up_on_other_errors_and_after_its_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from movesboard.models import db

    broken = _SwitchingCursor(sqlite3.SQLITE_IOERR)
    with pytest.raises(sqlite3.OperationalError):
        db._use_wal(broken)
    assert broken.tries == 1  # not retried: only a busy file is worth waiting for
    read_only = _SwitchingCursor(sqlite3.SQLITE_READONLY)
    db._use_wal(read_only)  # keeps its journal, no error
    monkeypatch.setattr(db, "_WAL_SWITCH_WAIT", 0.05)
    with pytest.raises(sqlite3.OperationalError):
        db._use_wal(_SwitchingCursor(*[sqlite3.SQLITE_BUSY] * 1000))


def test_schema_is_at_head_and_head_is_the_newest_revision(database: Database) -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
    assert current_revision(database.engine) == HEAD


# SQLite cannot reflect expression indexes (lower(name)), so autogenerate skips
# them there, saying so; PostgreSQL compares them, and test_queries_paging checks
# SQLite's plans use them.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_models_and_migrations_agree(database: Database) -> None:
    """A change to tables.py without a migration shows up here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from movesboard.models.tables import metadata

    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_reopening_keeps_data_and_skips_migration(db_path: Path) -> None:
    first = Database.open(str(db_path))
    doc, extraction = sample()
    with first.session() as session:
        store_article(session, doc, extraction)
    first.dispose()
    again = Database.open(str(db_path))
    with again.session() as session:
        assert queries.totals(session).articles == 1


def test_store_is_idempotent_and_complete(database: Database) -> None:
    doc, extraction = sample()
    with database.session() as session:
        result = store_article(session, doc, extraction)
    assert result.created and result.moves == 1 and result.people == 1
    with database.session() as session:
        again = store_article(session, doc, extraction)
    assert not again.created and again.article_id == result.article_id
    with database.session() as session:
        assert queries.totals(session) == queries.Totals(1, 1, 4, 1)
        beta_ai = session.exec(select(Organization).where(Organization.name == "Beta AI")).one()
        parent = session.get(Organization, beta_ai.parent_id)
        assert parent is not None and parent.name == "Beta Corp"
        aliases = session.exec(select(Alias.name).where(Alias.person_id.is_not(None))).all()
        assert sorted(aliases) == ["Ada Lovelace", "Lovelace"]
        # The rumour is kept as data but never counted.
        assert len(session.exec(select(Move)).all()) == 2
        timeline = queries.timeline(session)
        assert [(m.person, m.from_org, m.to_org, m.date, m.role) for m in timeline] == [
            ("Ada Lovelace", "Alpha Labs", "Beta Corp", "2025-05", "researcher")
        ]


def test_a_failed_store_leaves_nothing_behind(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movesboard.models import store

    doc, extraction = sample()
    real = store._date_columns
    calls = []

    def fail_late(date):  # the group move comes after the article, people and moves
        calls.append(date)
        if len(calls) == len(extraction.moves) + 1:
            raise RuntimeError("disk on fire")
        return real(date)

    monkeypatch.setattr(store, "_date_columns", fail_late)
    with pytest.raises(RuntimeError), database.session() as session:
        store_article(session, doc, extraction)
    with database.session() as session:
        for table in (Article, Person, Organization, Alias, Move):
            assert session.exec(select(table)).all() == []


def test_people_with_the_same_name_in_another_order_are_one(database: Database) -> None:
    doc, extraction = sample()
    other = parse_text_article("Other\nLovelace Ada moved.", "b.txt")
    with database.session() as session:
        store_article(session, doc, extraction)
        store_article(session, other, Extraction("en", people=[PersonEntity("Lovelace Ada")]))
    with database.session() as session:
        assert [p.name for p in queries.people(session)] == ["Ada Lovelace"]


def test_a_second_process_sees_committed_rows(sqlite_database: Database, db_path: Path) -> None:
    doc, extraction = sample()
    with sqlite_database.session() as session:
        store_article(session, doc, extraction)
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT count(*) FROM article").fetchone() == (1,)
    connection.close()


def test_sentence_around_a_name_at_the_very_start() -> None:
    from movesboard.models.views import sentence_around

    body = "Yang Song has joined Tencent. Song led a group. Then more."
    assert sentence_around(body, 0, 9) == "Yang Song has joined Tencent."
    assert sentence_around(body, 30, 34) == "Song led a group."
