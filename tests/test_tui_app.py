"""Driving the dashboard with the keyboard, on a fixture database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_fixtures import make_app, screen_text, settle, sync

from movesboard.tui.app import MovesboardApp
from movesboard.tui.article_screen import ArticleScreen
from movesboard.tui.company_screen import CompanyScreen
from movesboard.tui.dashboard import DashboardScreen
from movesboard.tui.help_screen import HelpScreen
from movesboard.tui.lookup_screen import LookupScreen
from movesboard.tui.panes import ArticlesPane, Pane, PeoplePane
from movesboard.tui.person_screen import PersonScreen
from movesboard.tui.rowlist import RowList
from movesboard.tui.timeline_pane import TimelinePane

WIDE = (120, 36)
SMALL = (80, 24)


@pytest.fixture
def db(tui_fixture_any_engine: Path | str) -> Path | str:
    return tui_fixture_any_engine


def focused_pane(app: MovesboardApp) -> str | None:
    focused = app.focused
    return focused.id if isinstance(focused, Pane) else None


@sync
async def test_panes_show_the_fixture(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one(ArticlesPane).row_count == 3
        assert app.screen.query_one(PeoplePane).row_count == 5
        text = screen_text(app)
        assert "3 articles  ·  5 people  ·  6 companies  ·  5 moves" in text
        assert "fixture.db" in text
        # Timeline: newest first, an undated move placed by its article and marked.
        timeline = text[text.index("Timeline (5)") :]
        assert timeline.index("~2025-09-25  Yang Song") < timeline.index("2022         Yang Song")
        assert "July 2025" in timeline  # grouped by month
        # The move whole; the role, which gives way first, cut (issue 13).
        assert "OpenAI → Meta Superintelligence Labs" in timeline
        assert "peneli…" in timeline


@sync
async def test_tab_and_shift_tab_move_between_panes(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert focused_pane(app) == "timeline"
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(focused_pane(app))
        assert seen == ["companies", "articles", "people", "timeline"]
        await pilot.press("shift+tab")
        assert focused_pane(app) == "people"
        await pilot.press("2", "1")
        assert focused_pane(app) == "articles"


@sync
async def test_the_mouse_picks_a_row_and_a_double_click_opens_it(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        people = app.screen.query_one(PeoplePane)
        # Inside the border: line 0 holds the column labels, line 1 the first row.
        await pilot.click("#people", offset=(5, 3))
        assert focused_pane(app) == "people"
        assert people.cursor_row == 1
        await pilot.click("#people", offset=(5, 1))  # the labels: nothing to pick
        assert people.cursor_row == 1
        first = people.rows[0].value
        await pilot.double_click("#people", offset=(5, 2))
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert first.name in screen_text(app)


@sync
async def test_j_and_k_move_the_cursor(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TimelinePane)
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("down")
        assert table.cursor_row == 2


@sync
async def test_enter_opens_an_article_and_escape_returns(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("1", "j", "enter")  # second article: the English one
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        text = screen_text(app)
        assert "Jason Wei and Hyung Won Chung Join Meta" in text
        assert "OpenAI researcher Jason Wei has joined Meta Superintelligence Labs" in text
        assert "Moves reported (3)" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        assert focused_pane(app) == "articles"


@sync
async def test_timeline_opens_person_and_source_article(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Yang Song" in screen_text(app)
        await pilot.press("escape", "a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "Meta Rekrut Ilmuwan OpenAI" in screen_text(app)


@sync
async def test_company_view_shows_arrivals_and_group(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("4", "j", "j", "j", "enter")  # Meta Superintelligence Labs
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        text = screen_text(app)
        assert "Meta Superintelligence Labs  part of Meta" in text
        assert "Joined (3)" in text
        for name in ("Yang Song", "Hyung Won Chung", "Jason Wei"):
            assert name in text
        # Links lead on: enter on the first person opens their profile.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_lookup_song_opens_his_profile(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, LookupScreen)
        await pilot.press(*"song")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "song"
        text = screen_text(app)
        assert "Yang Song" in text
        assert "OpenAI → Meta Superintelligence Labs" in text  # the latest move
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        text = screen_text(app)
        assert "Yang Song  now at Meta Superintelligence Labs" in text
        assert "Career: 2 moves" in text
        assert "Stanford University → OpenAI" in text
        assert "Song telah bergabung dengan OpenAI sejak 2022" in text  # evidence
        assert "Meta Rekrut Ilmuwan OpenAI" in text  # source article


@sync
async def test_lookup_escape_closes_and_typing_q_does_not_quit(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q", "x")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one(Input).value == "qx"
        assert "No match" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_help_lists_bindings_of_pane_screen_and_app(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for expected in (
            "Timeline pane",
            "Source article",
            "down j",
            "Dashboard screen",
            "Focus Next",
            "Reload",
            "Everywhere",
            "Lookup",
            "Quit",
        ):
            assert expected in text, expected
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_q_quits(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@sync
async def test_empty_database_without_seed(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty.db", seed=False)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No articles yet: movesboard ingest PATH" in text
        assert "No moves yet" in text
        assert "0 articles  ·  0 people  ·  0 companies  ·  0 moves" in text
        await pilot.press("enter", "j", "k")  # nothing to open; nothing breaks
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_small_terminal_expands_the_focused_pane(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        heights = {pane.id: pane.size.height for pane in app.screen.query(Pane)}
        assert heights["timeline"] > 10
        assert heights["articles"] == heights["people"] == heights["companies"] == 0
        assert "~2025-09-25  Yang Song" in screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#companies", Pane).size.height > 10
        assert app.screen.query_one("#timeline", Pane).size.height == 0
        await pilot.press("3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Career: 2 moves" in screen_text(app)


@sync
async def test_database_error_is_a_notification(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    app = make_app(blocker / "movesboard.db")
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        assert app.is_running
        notifications = list(app._notifications)
        assert len(notifications) == 1
        assert notifications[0].severity == "error"
        assert notifications[0].title == "Could not open the database"
        assert "Could not open the database" in screen_text(app)


@sync
async def test_first_run_seeds_the_two_seed_articles(tmp_path: Path) -> None:
    app = MovesboardApp(db=str(tmp_path / "seeded.db"), seed=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticlesPane)
        assert table.row_count == 2
        titles = [table.rows[index].value.title for index in range(2)]
        assert titles == [
            "Meta Rekrut Ilmuwan OpenAI untuk Memimpin Lab Kecerdasan Buatan",
            "The New Wave of AI Talent: Jason Wei and Hyung Won Chung Join Meta",
        ]
        assert app.data.seeded is not None and app.data.seeded.articles == 2


def test_first_paint_imports_no_database_code() -> None:
    heavy = ("sqlalchemy", "sqlmodel", "rapidfuzz", "movesboard.models", "movesboard.pipeline")
    script = (
        "import sys, movesboard.tui.app\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_row_list_has_vi_keys() -> None:
    keys = {key for binding in RowList.BINDINGS for key in binding.key.split(",")}  # type: ignore[union-attr]
    assert {"j", "k", "g", "G"} <= keys
