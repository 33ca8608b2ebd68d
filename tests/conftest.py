"""Shared fixtures: every test gets its own database file, never the user's."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pg_server import PostgresServer

    from movesboard.models.db import Database

CORPUS = Path(__file__).parent / "corpus"
# CI sets this: there, a missing PostgreSQL server fails the suite instead of
# skipping its half (a laptop without one skips it, with the reason).
REQUIRE_POSTGRES = os.environ.get("MOVESBOARD_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point MOVESBOARD_DB, the user data dir and the config file at a temp folder
    for every test: none reads the developer's database or config."""
    from movesboard.config import load_config

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the dashboard's log file
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))  # remembered first pages
    monkeypatch.delenv("MOVESBOARD_DB", raising=False)
    monkeypatch.setenv("MOVESBOARD_CONFIG", str(home / "config" / "config.toml"))  # not created
    load_config.cache_clear()  # a config read by an earlier test, or at import


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "movesboard.db"


@pytest.fixture
def sqlite_database(db_path: Path):
    """A fresh SQLite database file (for tests about the file itself)."""
    from movesboard.models.db import Database

    db = Database.open(str(db_path))
    yield db
    db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest):
    """A fresh, migrated database on each engine: every test that takes it runs twice."""
    engine = "sqlite_database" if request.param == "sqlite" else "postgres"
    return request.getfixturevalue(engine)


# Where the PostgreSQL half's skips are reported from: one place, so `-ra` folds
# them into one line (see pytest_runtest_makereport below).
_NO_SERVER: dict[str, str] = {}


@pytest.fixture(scope="session")
def postgres_server():
    """This run's PostgreSQL server (see tests/pg_server.py); skips without one.

    pytest keeps a session fixture's skip, so the server is looked for once."""
    from pg_server import PostgresServer

    server, reason = PostgresServer.find()
    if server is None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"MOVESBOARD_REQUIRE_POSTGRES is set but {reason}")
        _NO_SERVER["reason"] = reason
        _NO_SERVER["line"] = str(sys._getframe().f_code.co_firstlineno)
        pytest.skip(reason)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def unmigrated_url(request: pytest.FixtureRequest, tmp_path: Path):
    """Where a database with no schema yet is (a SQLite path, a PostgreSQL URL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "new.db")
        return
    server = request.getfixturevalue("postgres_server")
    url = server.empty()
    yield url
    server.drop(url)


@contextmanager
def _fresh_postgres(server: PostgresServer) -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    from movesboard.models import alias_index
    from movesboard.models.db import Database

    url = server.fresh()
    database = Database(url)
    database.migrate()
    try:
        yield database
    finally:
        database.dispose()
        alias_index.forget(url)  # the process-wide name index of this URL
        server.drop(url)


@pytest.fixture
def postgres(postgres_server: PostgresServer) -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    with _fresh_postgres(postgres_server) as database:
        yield database


@pytest.fixture
def fresh_postgres(
    postgres_server: PostgresServer,
) -> Callable[[], AbstractContextManager[Database]]:
    """`with fresh_postgres() as database:` for hypothesis tests, whose every
    example needs a database of its own where a fixture gives one per test."""
    return lambda: _fresh_postgres(postgres_server)


@pytest.fixture(scope="session")
def tui_fixture_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dashboard tests' hand-made database, built once per run."""
    from tui_fixtures import build_db

    return build_db(tmp_path_factory.mktemp("template") / "fixture.db")


@pytest.fixture
def tui_fixture_db(tui_fixture_template: Path, tmp_path: Path) -> Path:
    """A private copy of it, so a test may write."""
    return Path(shutil.copy(tui_fixture_template, tmp_path / "fixture.db"))


@pytest.fixture(params=["sqlite", "postgresql"])
def tui_fixture_any_engine(request: pytest.FixtureRequest) -> Path | str:
    """The dashboard tests' stories in a database of each engine (a path or a URL)."""
    if request.param == "sqlite":
        return request.getfixturevalue("tui_fixture_db")  # type: ignore[no-any-return]
    from tui_fixtures import STORIES, store_story

    database = request.getfixturevalue("postgres")
    for index, story in enumerate(STORIES):
        store_story(database, story, f"fixtures/story-{index}.txt")
    return database.url  # type: ignore[no-any-return]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Report every "no PostgreSQL server" skip from the fixture, not from its test.

    `-ra` folds skips by place and reason; each test being its own place, a
    laptop without a server printed the same reason once per test (hundreds of
    lines). From one place it is one line: `SKIPPED [N] tests/conftest.py:...`."""
    outcome = yield
    report = outcome.get_result()
    reason = _NO_SERVER.get("reason")
    if reason is None or not report.skipped or not isinstance(report.longrepr, tuple):
        return
    _path, _line, message = report.longrepr
    if reason in message:
        where = os.path.relpath(__file__, item.config.rootpath)
        report.longrepr = (where, int(_NO_SERVER["line"]), message)
