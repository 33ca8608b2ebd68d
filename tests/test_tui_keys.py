"""`[keys]` in the config file remaps bindings by id, `?` shows the ids and the
keys in force, and an id no binding has is a warning (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

from tui_fixtures import make_app, screen_text, settle, sync

from movesboard.config import load_config
from movesboard.tui.dashboard import DashboardScreen
from movesboard.tui.filter_screen import FilterScreen
from movesboard.tui.help_screen import HelpScreen
from movesboard.tui.keys import binding_ids


def configure(text: str) -> None:
    path = Path(os.environ["MOVESBOARD_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    load_config.cache_clear()


def test_the_main_bindings_have_ids() -> None:
    ids = binding_ids()
    for expected in ("app.quit", "app.help", "app.lookup", "timeline.filter", "review.accept"):
        assert expected in ids
    assert all("." in binding_id for binding_id in ids)


@sync
async def test_keys_from_the_config_replace_the_defaults(tui_fixture_db: Path) -> None:
    configure('[keys]\n"app.quit" = "ctrl+q"\n"timeline.filter" = "ctrl+f"\n')
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(160, 40)) as pilot:  # wide: ? shows every group at once
        await settle(pilot)
        await pilot.press("f")  # no longer the filter
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "ctrl+q" in text and "app.quit" in text and "timeline.filter" in text
        await pilot.press("escape")
        await pilot.press("q")  # no longer quits
        await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


@sync
async def test_an_unknown_binding_id_is_a_warning(tui_fixture_db: Path) -> None:
    configure('[keys]\n"app.qiut" = "ctrl+q"\n')
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("app.qiut" in message for message in warnings)


def test_binding_ids_may_be_written_bare_or_quoted() -> None:
    configure('[keys]\napp.quit = "ctrl+q"\n"timeline.filter" = "ctrl+f"\n')
    assert load_config().keys == {"app.quit": "ctrl+q", "timeline.filter": "ctrl+f"}
