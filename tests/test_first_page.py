"""The remembered first page: shown in the first frame only while it is still true."""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

import pytest
from tui_fixtures import make_app, screen_text, settle, sync

from movesboard.tui import first_page
from movesboard.tui.data import DataSource, Overview
from movesboard.tui.panes import ArticlesPane, PeoplePane

LOCATION = "the fixture"


def loaded(db: Path) -> Overview:
    return DataSource(str(db), seed=False).overview()


def test_a_page_remembered_comes_back_whole(tui_fixture_db: Path) -> None:
    overview = loaded(tui_fixture_db)
    assert first_page.recall(str(tui_fixture_db), LOCATION) is None  # nothing remembered yet
    first_page.remember(str(tui_fixture_db), overview)
    again = first_page.recall(str(tui_fixture_db), LOCATION)
    assert again is not None
    assert again.totals == overview.totals
    assert again.articles == overview.articles  # dates come back as dates
    assert again.people == overview.people
    assert again.organizations == overview.organizations
    assert again.timeline == overview.timeline
    assert again.location == LOCATION


def test_a_change_since_makes_it_forgotten(tui_fixture_db: Path) -> None:
    """A decision (or an article) stored by anyone notes a change: the page
    remembered before it is never shown."""
    from movesboard.models.db import Database
    from movesboard.models.decisions import set_move_status
    from movesboard.models.tables import Move

    overview = loaded(tui_fixture_db)
    first_page.remember(str(tui_fixture_db), overview)
    assert first_page.recall(str(tui_fixture_db), LOCATION) is not None
    database = Database.open(str(tui_fixture_db))
    with database.session() as session:
        move = session.get(Move, overview.timeline[0].id)
        assert move is not None
        set_move_status(session, move, "rejected")
    database.dispose()
    assert first_page.recall(str(tui_fixture_db), LOCATION) is None


def test_another_file_at_the_same_path_is_not_the_remembered_one(
    tui_fixture_db: Path, tmp_path: Path
) -> None:
    """Same path, same schema, as many changes: a new file, told apart by when
    its newest change was committed."""
    first_page.remember(str(tui_fixture_db), loaded(tui_fixture_db))
    from tui_fixtures import build_db

    other = build_db(tmp_path / "other" / "fixture.db")  # built again, later
    shutil.copy(other, tui_fixture_db)
    assert first_page.recall(str(tui_fixture_db), LOCATION) is None


def test_a_broken_cache_file_is_no_page_and_no_error(tui_fixture_db: Path) -> None:
    first_page.remember(str(tui_fixture_db), loaded(tui_fixture_db))
    path = first_page.database_file(str(tui_fixture_db))
    assert path is not None
    cached = first_page.cache_file(path)
    for broken in ('{"format": 1, "stamp"', '{"format": 1}', "[]", "\x00\xff"):
        cached.write_text(broken, "utf-8", errors="surrogateescape")
        assert first_page.recall(str(tui_fixture_db), LOCATION) is None


def test_only_sqlite_files_are_remembered(tmp_path: Path) -> None:
    assert first_page.database_file("postgresql://user@127.0.0.1/test") is None
    assert first_page.database_file("sqlite://") is None
    assert first_page.database_file(str(tmp_path / "missing.db")) is None


def test_the_cache_keeps_the_most_recent_pages_only(
    tui_fixture_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_page, "KEPT", 3)
    overview = loaded(tui_fixture_template)
    files = []
    for index in range(5):
        copy = Path(shutil.copy(tui_fixture_template, tmp_path / f"copy{index}.db"))
        first_page.remember(str(copy), overview)
        files.append(copy)
    assert len(list(first_page.cache_file(files[0]).parent.glob("*.json"))) == 3
    assert first_page.recall(str(files[-1]), LOCATION) is not None
    assert first_page.recall(str(files[0]), LOCATION) is None


@sync
async def test_the_second_launch_shows_rows_before_the_database_stack_loads(
    tui_fixture_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first launch remembers its page; the next shows it while the real
    load is held back, then the real page takes over."""
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
    held = threading.Event()
    real_overview = DataSource.overview

    def slow_overview(self: DataSource, *args, **kwargs):  # type: ignore[no-untyped-def]
        held.wait(timeout=10)
        return real_overview(self, *args, **kwargs)

    monkeypatch.setattr(DataSource, "overview", slow_overview)
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ArticlesPane).row_count == 3  # remembered
        assert app.screen.query_one(PeoplePane).row_count == 5
        assert "3 articles  ·  5 people" in screen_text(app)
        held.set()
        await asyncio.sleep(0)
        await settle(pilot)
        assert app.screen._follower is not None  # the real page started live updates
        assert app.screen.query_one(ArticlesPane).row_count == 3


def test_recalling_a_page_loads_no_database_stack(tui_fixture_db: Path) -> None:
    """The point of it: the page comes back before SQLAlchemy (~0.5 s) is imported."""
    import subprocess
    import sys

    first_page.remember(str(tui_fixture_db), loaded(tui_fixture_db))
    program = (
        "import sys; from movesboard.tui import first_page;"
        f"page = first_page.recall({str(tui_fixture_db)!r}, 'here');"
        "assert page is not None and page.articles;"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr
