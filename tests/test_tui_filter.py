"""The timeline's filter dialog (`f`) (issue 13)."""

from __future__ import annotations

from pathlib import Path

from tui_fixtures import make_app, screen_text, settle, sync

WIDE = (120, 36)


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
