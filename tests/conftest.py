"""Shared fixtures: every test gets its own database file, never the user's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
# A SQLAlchemy URL of an empty, disposable PostgreSQL database: tests that take the
# `postgres` fixture run on it when set (they drop its public schema), else skip.
POSTGRES_URL = os.environ.get("MOVESBOARD_TEST_POSTGRES")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point MOVESBOARD_DB and the user data dir at a temp folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("MOVESBOARD_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "movesboard.db"


@pytest.fixture
def database(db_path: Path):
    from movesboard.models.db import Database

    db = Database.open(str(db_path))
    yield db
    db.dispose()


@pytest.fixture
def postgres():
    """The PostgreSQL database of MOVESBOARD_TEST_POSTGRES, emptied and migrated."""
    if not POSTGRES_URL:
        pytest.skip("MOVESBOARD_TEST_POSTGRES is not set")
    from sqlalchemy import text

    from movesboard.models import alias_index
    from movesboard.models.db import Database

    database = Database(POSTGRES_URL)
    with database.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    database.migrate()
    # The process-wide name index of this URL remembers the previous test's rows.
    alias_index.forget(POSTGRES_URL)
    yield database
    database.dispose()
    alias_index.forget(POSTGRES_URL)


@pytest.fixture(scope="session")
def tui_fixture_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dashboard tests' hand-made database, built once per run."""
    from tui_fixtures import build_db

    return build_db(tmp_path_factory.mktemp("template") / "fixture.db")


@pytest.fixture
def tui_fixture_db(tui_fixture_template: Path, tmp_path: Path) -> Path:
    """A private copy of it, so a test may write."""
    return Path(shutil.copy(tui_fixture_template, tmp_path / "fixture.db"))
