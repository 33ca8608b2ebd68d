"""Least privilege (issue 12): a role that may only SELECT can open and browse
a current database, gets one clear line when the schema needs an upgrade it
may not make, and a password in a URL never shows in errors, logs or the header."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from tui_fixtures import build_db, screen_text, settle, sync

from movesboard.cli import main
from movesboard.models import alias_index
from movesboard.models.db import Database, DatabaseError, describe
from movesboard.models.migrations import HEAD, alembic_config, current_revision, upgrade
from movesboard.tui.app import MovesboardApp
from movesboard.tui.panes import PeoplePane

SHARED = Path(__file__).parent / "corpus" / "shared"
ARTICLES = [SHARED / "en-001-wang-scale-meta.txt", SHARED / "en-006-murati-leaves-openai.txt"]
WIDE = (120, 36)
PASSWORD = "s3cr3t"

# Statements that change something, or take a lock: none may run when a
# current database is opened or browsed.
WRITES = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE)\b|pg_advisory|pg_notify",
    re.IGNORECASE,
)
_roles = itertools.count()


def previous_revision() -> str:
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(alembic_config()).get_revision(HEAD).down_revision
    assert isinstance(down, str)
    return down


def record_statements(engine: Engine) -> list[str]:
    """Every statement SQLAlchemy sends on `engine` from now on."""
    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    return statements


def writes_in(statements: list[str]) -> list[str]:
    return [statement for statement in statements if WRITES.search(statement)]


# ------------------------------------------------------------------ PostgreSQL


def admin_execute(server, url: str, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """Run statements as the admin inside the database at `url` (grants are per database)."""
    import psycopg

    with psycopg.connect(
        host=server.admin.host,
        port=server.admin.port or 5432,
        user=server.admin.username,
        password=server.admin.password,
        dbname=make_url(url).database,
        autocommit=True,
    ) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.fixture
def read_only(postgres_server) -> Iterator[Callable[[str], str]]:  # type: ignore[no-untyped-def]
    """grant(url) -> the URL of the same database as a LOGIN role that may only
    connect and SELECT; the role is dropped afterwards."""
    role = f"movesboard_ro_{os.getpid()}_{next(_roles)}"
    postgres_server._execute(f'CREATE ROLE "{role}" LOGIN')
    granted: list[str] = []

    def grant(url: str) -> str:
        name = make_url(url).database
        admin_execute(
            postgres_server,
            url,
            f'GRANT CONNECT ON DATABASE "{name}" TO "{role}"',
            f'GRANT USAGE ON SCHEMA public TO "{role}"',
            f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"',
            f'GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
        )
        granted.append(url)
        return make_url(url).set(username=role, password=None).render_as_string()

    yield grant
    postgres_server._execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"
    )
    for url in granted:
        alias_index.forget(make_url(url).set(username=role).render_as_string())
        # The role owns nothing, but its grants must go before it can. When the
        # database was dropped first, its grants went with it.
        with contextlib.suppress(Exception):
            admin_execute(postgres_server, url, f'DROP OWNED BY "{role}"')
    postgres_server._execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def stored(postgres: Database) -> str:
    """A current PostgreSQL database holding two articles (stored by the admin)."""
    for path in ARTICLES:
        assert main(["--db", postgres.url, "ingest", str(path)]) == 0
    return postgres.url


@pytest.fixture
def behind(postgres_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A PostgreSQL database one revision behind head."""
    url = postgres_server.empty()
    engine = create_engine(url)
    upgrade(engine, previous_revision())
    engine.dispose()
    yield url
    postgres_server.drop(url)


def test_a_select_only_role_opens_a_current_database_without_writing_or_locking(
    stored: str, read_only: Callable[[str], str]
) -> None:
    url = read_only(stored)
    database = Database(url)
    statements = record_statements(database.engine)
    database.migrate()
    assert statements, "the revision was not even read"
    assert writes_in(statements) == []
    database.dispose()


def test_a_select_only_role_exports_and_looks_up(
    stored: str, read_only: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = read_only(stored)
    assert main(["--db", url, "export", "moves"]) == 0
    assert "Alexandr Wang" in capsys.readouterr().out
    assert main(["--db", url, "lookup", "Alexandr Wang"]) == 0
    assert "Alexandr Wang" in capsys.readouterr().out


def test_a_select_only_role_that_tries_to_write_is_told_it_may_only_read(
    stored: str, read_only: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    """One line, exit 2: it was SQLAlchemy's "(psycopg.errors.InsufficientPrivilege)
    permission denied for table decision", with the SQL behind it."""
    url = read_only(stored)
    assert main(["--db", url, "moves", "list"]) == 0
    move = capsys.readouterr().out.split()[0]
    assert main(["--db", url, "moves", "confirm", move]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("movesboard: this database role may only read: ")
    assert "permission denied for table" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "psycopg" not in captured.err and "INSERT" not in captured.err


@sync
async def test_a_select_only_role_deciding_in_the_dashboard_is_told_it_may_only_read(
    stored: str,
    read_only: Callable[[str], str],
    postgres_server,  # type: ignore[no-untyped-def]
) -> None:
    admin_execute(postgres_server, stored, "UPDATE move SET confidence = 0.3")  # all in review
    app = MovesboardApp(db=read_only(stored), seed=True)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert errors[0].startswith("This database role may only read: permission denied")


@sync
async def test_a_select_only_role_browses_the_dashboard(
    stored: str, read_only: Callable[[str], str]
) -> None:
    url = read_only(stored)
    statements: list[str] = []

    def _record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", _record)  # the app's engine is its own
    try:
        app = MovesboardApp(db=url, seed=True)
        async with app.run_test(size=WIDE, notifications=True) as pilot:
            await settle(pilot)
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert errors == []
            assert app.screen.query_one(PeoplePane).row_count >= 2
            assert "Alexandr Wang" in screen_text(app)
    finally:
        event.remove(Engine, "before_cursor_execute", _record)
    assert writes_in(statements) == []


@sync
async def test_a_select_only_role_does_not_seed_an_empty_database(
    postgres: Database, read_only: Callable[[str], str]
) -> None:
    """An empty team database opened by a reader: empty panes, no attempt to
    seed it (which would fail with "permission denied" on every article)."""
    url = read_only(postgres.url)
    app = MovesboardApp(db=url, seed=True)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        shown = [n.message for n in app._notifications]
        assert shown == []
        assert app.screen.query_one(PeoplePane).row_count == 0
    assert app.data.seeded is None


def test_a_select_only_role_is_told_the_schema_needs_an_upgrade(
    behind: str,
    read_only: Callable[[str], str],
    postgres_server,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = read_only(behind)
    started = time.monotonic()
    with pytest.raises(DatabaseError) as raised:
        Database.open(url)
    # At once: permission is not a race, there is nothing to wait for.
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert message == (
        f"{describe(url)} needs upgrading to schema {HEAD} (it is at {previous_revision()}); "
        "run any movesboard command once as a role that may change the schema"
    )

    assert main(["--db", url, "export", "moves"]) != 0
    captured = capsys.readouterr()
    assert captured.err.startswith("movesboard: ")
    assert f"needs upgrading to schema {HEAD}" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err + captured.out

    engine = create_engine(behind)  # as the admin: untouched
    assert current_revision(engine) == previous_revision()
    engine.dispose()


# ------------------------------------------------------------------ SQLite


def read_only_sqlite(path: Path) -> str:
    """`path` opened read-only by SQLite itself: works when the tests run as root,
    whom file permissions would not stop."""
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_read_only_sqlite_file_at_head_opens_without_writing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    journal: str,
) -> None:
    """`wal`: a file movesboard made; `delete`: one another tool made or rewrote,
    which opening must not try to switch to WAL (a write)."""
    monkeypatch.chdir(tmp_path)  # where a `file:` folder made by mistake would appear
    path = build_db(tmp_path / "current.db")  # disposes its engine: the switch needs the file alone
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA journal_mode={journal}")
    engine.dispose()
    before = digest(path)
    database = Database(read_only_sqlite(path))
    statements = record_statements(database.engine)
    database.migrate()
    database.dispose()
    assert writes_in(statements) == []
    assert main(["--db", read_only_sqlite(path), "export", "moves"]) == 0
    assert "Jason Wei" in capsys.readouterr().out
    assert digest(path) == before
    assert not (tmp_path / "file:").exists()  # the URI names a file, not folders to make


def test_a_read_only_sqlite_file_behind_head_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a `file:` folder made by mistake lands here, not in the repo
    path = tmp_path / "old.db"
    database = Database(f"sqlite:///{path}")  # a file movesboard made (WAL), then downgraded
    upgrade(database.engine, previous_revision())
    database.dispose()
    url = read_only_sqlite(path)
    started = time.monotonic()
    with pytest.raises(DatabaseError, match=f"needs upgrading to schema {HEAD}") as raised:
        Database.open(url)
    assert time.monotonic() - started < 5
    assert f"(it is at {previous_revision()})" in str(raised.value)
    assert "\n" not in str(raised.value)
    assert main(["--db", url, "export", "moves"]) != 0
    captured = capsys.readouterr()
    assert captured.err.startswith("movesboard: ")
    assert "Traceback" not in captured.err + captured.out


# ------------------------------------------------------------------ passwords


@pytest.fixture(
    params=[
        "unreachable",
        "no such database",
        "unreachable, ?password=",
        "unreachable, ?sslpassword=",
        "no such database, ?password=",
    ]
)
def secret_url(request: pytest.FixtureRequest) -> str:
    """A URL with a password that cannot be opened: in its user:password part,
    or in its query, where libpq takes it too."""
    in_query = {key: PASSWORD for key in re.findall(r"\?(\w+)=", request.param)}
    if request.param.startswith("unreachable"):
        url = make_url(f"postgresql://alice:{PASSWORD}@127.0.0.1:1/nope")
    else:
        server = request.getfixturevalue("postgres_server")  # trust auth: ignores passwords
        url = server.admin.set(password=PASSWORD, database=f"movesboard_absent_{os.getpid()}")
    if in_query:
        url = url.set(password=None, query=in_query)
    return url.render_as_string(hide_password=False)


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records)


def test_the_cli_never_shows_the_password(
    secret_url: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert main(["--db", secret_url, "export", "moves"]) != 0
    captured = capsys.readouterr()
    assert captured.err.startswith("movesboard: ")
    assert "127.0.0.1" in captured.err  # still says which server
    assert PASSWORD not in captured.err + captured.out
    assert PASSWORD not in logged(caplog)


@sync
async def test_the_dashboard_never_shows_the_password(
    secret_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # records from the app's worker threads too
    app = MovesboardApp(db=secret_url, seed=True)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        notifications = list(app._notifications)
        assert [n.title for n in notifications] == ["Could not open the database"]
        shown = screen_text(app)
        assert "Could not open the database" in shown
        assert PASSWORD not in shown
        assert PASSWORD not in " ".join(n.message for n in notifications)
        assert PASSWORD not in app.data.location
        assert "***" in app.data.location  # the header says a password was given
    assert PASSWORD not in logged(caplog)
