"""The theme chosen in the dashboard is remembered in the config file, and the
next start opens in it; the rest of the file stays as the user wrote it (issue 13)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tui_fixtures import make_app, settle, sync

from movesboard.config import ConfigError, load_config, remember

CONFIG = '# my settings\nuser = "alice"  # me\n\n[keys]\nquit = "ctrl+q"\n'


def config_file() -> Path:
    return Path(os.environ["MOVESBOARD_CONFIG"])


def test_remember_sets_one_setting_and_keeps_comments_and_tables() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CONFIG, encoding="utf-8")
    remember("theme", "nord")
    assert load_config().theme == "nord" and load_config().keys == {"quit": "ctrl+q"}
    remember("theme", 'gru"vbox')  # quoted as TOML
    text = path.read_text(encoding="utf-8")
    assert text.count("theme =") == 1 and "# my settings" in text and 'user = "alice"  # me' in text
    assert load_config().theme == 'gru"vbox'


def test_remember_creates_the_file_and_refuses_to_spoil_a_broken_one() -> None:
    path = config_file()
    assert not path.exists()
    remember("theme", "nord")
    assert load_config().theme == "nord"
    path.write_text("user = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not changed"):
        remember("theme", "dracula")
    assert path.read_text(encoding="utf-8") == "user = [\n"


@sync
async def test_a_theme_chosen_in_the_dashboard_is_the_next_starts(tui_fixture_db: Path) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        app.theme = "nord"  # what the T picker and the palette do
        await pilot.pause(0.1)
    assert load_config().theme == "nord"
    again = make_app(tui_fixture_db)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


@sync
async def test_an_unknown_theme_in_the_config_is_a_warning_not_a_crash(
    tui_fixture_db: Path,
) -> None:
    remember("theme", "no-such-theme")
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("no-such-theme" in message for message in warnings)
