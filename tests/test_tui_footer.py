"""The footer keeps what a user must always find: at 80 columns and below, the
least essential keys go first and Quit, Keys and Lookup stay (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_fixtures import make_app, screen_text, settle, sync


@pytest.mark.parametrize("width", [60, 80, 120])
@sync
async def test_quit_keys_and_lookup_stay_in_the_footer(tui_fixture_db: Path, width: int) -> None:
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        footer = screen_text(app).splitlines()[-1]
        for key in ("q Quit", "? Keys", "/ Lookup"):
            assert key in footer, (width, footer)
        if width >= 120:
            assert "r Reload" in footer  # room for all: nothing hidden
