"""The timeline's filter dialog (`f`): its Status select, and keys typed fast (issue 13)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.widgets import Input, Select
from tui_fixtures import make_app, screen_text, settle, sync

from movesboard.tui.dashboard import DashboardScreen
from movesboard.tui.filter_screen import FilterScreen
from movesboard.tui.timeline_pane import TimelinePane

WIDE = (120, 36)


def type_at_once(app: App[None], *keys: str) -> None:
    """Queue key presses as a fast typist's terminal delivers them: all before the
    app handles the first (pilot.press waits for the app after each key)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@sync
async def test_the_status_select_shows_its_prompt_inside_a_whole_border(
    tui_fixture_db: Path,
) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row = next(index for index, line in enumerate(lines) if "Status" in line)
        column = lines[row].find("any", lines[row].index("Status") + len("Status"))
        assert column > 0, lines[row]  # the prompt shows, not a blank row
        assert lines[row - 1][column] == "▔"  # the border's top edge above it
        assert lines[row + 1][column] == "▁"  # and its bottom edge below


@sync
async def test_enter_in_the_open_status_list_chooses_and_enter_then_applies(
    tui_fixture_db: Path,
) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f", "tab", "tab", "tab", "tab")  # person, org, from, to, status
        status = app.screen.query_one(Select)
        assert app.screen.focused is status
        await pilot.press("space", "down", "down", "enter")  # open, any → confirmed, choose
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)  # the dialog stays open
        assert status.value == "confirmed" and not status.expanded
        await pilot.press("enter")  # now the whole form applies
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        pane = app.screen.query_one(TimelinePane)
        assert pane.where is not None and pane.where.status == "confirmed"
        assert "filter: confirmed" in screen_text(app)


@sync
async def test_a_name_typed_fast_and_entered_at_once_filters(tui_fixture_db: Path) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        type_at_once(app, *"song", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        pane = app.screen.query_one(TimelinePane)
        assert pane.where is not None and pane.where.person_id is not None
        assert {row.value.person for row in pane.rows} == {"Yang Song"}
        assert "filter: Yang Song" in screen_text(app)


@sync
async def test_keys_typed_while_the_dialog_is_built_go_into_the_person_field(
    tui_fixture_db: Path,
) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.screen.query_one(TimelinePane).action_filter()  # what `f` does
        type_at_once(app, *"song")  # read by the app before the dialog has focus
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        assert app.screen.query_one("#person", Input).value == "song"


@sync
async def test_an_unknown_name_is_said_inside_the_dialog(tui_fixture_db: Path) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f", *"zzqxjv", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)  # still open, to correct the name
        assert "no person matches 'zzqxjv'" in screen_text(app)
        assert [n for n in app._notifications if n.severity == "error"] == []
        await pilot.press(*["backspace"] * 6, *"song", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "filter: Yang Song" in screen_text(app)
