"""The README's team setup, as written, for normal roles (issue 12).

README.md ("Team mode") has the database owned by a group role that writers
`SET ROLE` to at login, and gives readers SELECT by default privileges. Tried
before with a role that was not the owner, on PostgreSQL 15 it failed twice:
"needs upgrading ... run any movesboard command once as a role that may
change the schema", then "permission denied for table alembic_version"; and a
reader's `GRANT SELECT ON ALL TABLES` did not cover tables a later upgrade made.
PostgreSQL only: SQLite has no roles.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import col, select
from test_read_only import admin_execute

from movesboard.cli import main
from movesboard.models import alias_index
from movesboard.models.db import Database
from movesboard.models.tables import Decision, Move

SHARED = Path(__file__).parent / "corpus" / "shared"
_teams = itertools.count()


@dataclass
class Team:
    """URLs of one database set up as the README says, one per person."""

    admin: str
    writers: str  # the group role that owns the database; nobody logs in as it
    alice: str
    bob: str
    reader: str

    def url(self, role: str) -> str:
        return make_url(self.admin).set(username=role, password=None).render_as_string()


@pytest.fixture
def team(postgres_server) -> Iterator[Team]:  # type: ignore[no-untyped-def]
    """An empty database owned by a writers group, two writers who SET ROLE to
    it at login, and a reader granted SELECT before any table exists (so only
    the default privileges can let it read). Roles and database go afterwards."""
    prefix = f"movesboard_team_{os.getpid()}_{next(_teams)}"
    writers, alice, bob, reader = (f"{prefix}_{who}" for who in ("writers", "a", "b", "r"))
    url = postgres_server.empty()
    name = make_url(url).database
    postgres_server._execute(
        f'CREATE ROLE "{writers}" NOLOGIN',
        *(f'CREATE ROLE "{who}" LOGIN' for who in (alice, bob, reader)),
        f'ALTER DATABASE "{name}" OWNER TO "{writers}"',  # createdb -O
        *(f'GRANT "{writers}" TO "{who}"' for who in (alice, bob)),
        *(f'ALTER ROLE "{who}" SET role "{writers}"' for who in (alice, bob)),
    )
    admin_execute(
        postgres_server,
        url,
        f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{reader}"',
        f'ALTER DEFAULT PRIVILEGES FOR ROLE "{writers}" IN SCHEMA public '
        f'GRANT SELECT ON TABLES TO "{reader}"',
    )
    built = Team(url, writers, alice, bob, reader)
    yield built
    for who in (alice, bob, reader):
        alias_index.forget(built.url(who))
    postgres_server.drop(url)
    for who in (alice, bob, reader, writers):
        with contextlib.suppress(Exception):  # a failed set-up made only some
            postgres_server._execute(f'DROP ROLE IF EXISTS "{who}"')


def ingest(url: str, article: str) -> None:
    assert main(["--db", url, "ingest", str(SHARED / article)]) == 0


def test_writers_of_the_group_migrate_ingest_and_decide_as_themselves(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest(team.url(team.alice), "en-001-wang-scale-meta.txt")  # the first opener migrates
    ingest(team.url(team.bob), "en-006-murati-leaves-openai.txt")  # tables the group owns
    database = Database(team.admin)
    with database.session() as session:
        move = session.exec(select(Move.uid).order_by(col(Move.id))).first()
    capsys.readouterr()
    assert main(["--db", team.url(team.bob), "moves", "confirm", str(move)]) == 0
    with database.session() as session:
        decision = session.exec(select(Decision)).one()
        owners = session.execute(
            text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        assert decision.decided_by == team.bob  # the person, not the group (current_user)
        assert set(owners) == {team.writers}  # so the next writer's upgrade may alter them
    database.dispose()
    assert main(["--db", team.url(team.alice), "decisions"]) == 0
    assert team.bob in capsys.readouterr().out


def test_the_reader_reads_tables_made_after_its_grant(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    ingest(team.url(team.alice), "en-001-wang-scale-meta.txt")
    capsys.readouterr()
    assert main(["--db", team.url(team.reader), "export", "moves"]) == 0
    assert "Alexandr Wang" in capsys.readouterr().out
    engine = create_engine(team.url(team.reader))
    with engine.connect() as connection:
        may_insert = connection.execute(text("SELECT has_table_privilege('move', 'INSERT')"))
        assert may_insert.scalar() is False
    engine.dispose()
