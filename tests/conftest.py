"""Shared fixtures: every test gets its own database file, never the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"


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


@pytest.fixture(scope="session")
def tui_fixture_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dashboard tests' hand-made database, built once per run."""
    from tui_fixtures import build_db

    return build_db(tmp_path_factory.mktemp("template") / "fixture.db")


@pytest.fixture
def tui_fixture_db(tui_fixture_template: Path, tmp_path: Path) -> Path:
    """A private copy of it, so a test may write."""
    return Path(shutil.copy(tui_fixture_template, tmp_path / "fixture.db"))
