"""Screenshots of every screen at 120x36 on the fixture database.

Regenerate after an intended change with:
    pytest tests/test_tui_snapshots.py --snapshot-update
and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_fixtures import build_db, make_app, settle

SIZE = (120, 36)
Compare = Callable[..., bool]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("snapshots") / "fixture.db")


def keys(*presses: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the data, press keys, wait again; the Input cursor stops blinking."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await settle(pilot)

    return run


def test_dashboard(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys())


def test_dashboard_small(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=(80, 24), run_before=keys())


def test_article(snap_compare: Compare, db: Path) -> None:
    # The Indonesian article: highlighted people and organisations, marked move sentences.
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys("1", "enter"))


def test_person(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys("enter"))


def test_company(snap_compare: Compare, db: Path) -> None:
    presses = ("4", "j", "j", "j", "enter")  # Meta Superintelligence Labs
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys(*presses))


def test_lookup(snap_compare: Compare, db: Path) -> None:
    presses = ("slash", "s", "o", "n", "g")
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys(*presses))


def test_help(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys("question_mark"))


def test_empty(snap_compare: Compare, tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_review(snap_compare: Compare, tmp_path: Path) -> None:
    import sqlite3

    db = build_db(tmp_path / "review.db")
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE move SET confidence = 0.4 WHERE evidence LIKE 'Wei previously%'")
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys("v"))


def test_timeline_filter(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=SIZE, run_before=keys("f"))


def test_person_small(snap_compare: Compare, db: Path) -> None:
    assert snap_compare(make_app(db), terminal_size=(80, 24), run_before=keys("enter"))
