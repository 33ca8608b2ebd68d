"""Article content is data: markup and escape sequences in titles, names,
bodies and evidence show literally on every screen and never act."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_fixtures import HOSTILE_STORY, build_db, make_app, screen_text, settle, sync

from movesboard.tui.article_screen import ArticleScreen
from movesboard.tui.company_screen import CompanyScreen
from movesboard.tui.lookup_screen import LookupScreen
from movesboard.tui.person_screen import PersonScreen
from movesboard.tui.review_screen import ReviewScreen
from movesboard.tui.text import clean, plain

VISIBLE_TITLE = "[bold]x [/foo] [@click=app.quit]click[/] ␛[31mred␛[0m"


def assert_literal(text: str, *expected: str) -> None:
    assert "\x1b" not in text
    for fragment in expected:
        assert fragment in text, f"{fragment!r} not shown literally"


def test_plain_text_makes_controls_visible_and_keeps_offsets() -> None:
    raw = "a\x1b[31mb\x07c\x9bd\ne\tf"
    assert clean(raw) == "a␛[31mb␇c�d\ne\tf"
    assert len(clean(raw)) == len(raw)
    assert plain("[bold]x[/]").plain == "[bold]x[/]"
    assert plain("[bold]x[/]").spans == []


@sync
async def test_hostile_content_shows_literally_everywhere(tmp_path: Path) -> None:
    db = build_db(tmp_path / "hostile.db", [HOSTILE_STORY])
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert_literal(
            screen_text(app),
            "[bold]x [/foo] [@click=app.quit]click[/] ␛[31mred",  # truncated by the column
            "[@click=app.qui",
            "[/foo] Labs → [bold]Evil Co",
            "[red]boss",
        )
        # Clicking where the hostile title is drawn must not run its "action".
        await pilot.click("#articles", offset=(40, 1))
        await pilot.pause()
        assert app.is_running

        await pilot.press("1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert_literal(
            screen_text(app),
            VISIBLE_TITLE,
            "[@click=app.quit]Mallory[/] left [/foo] Labs for [bold]Evil Corp as [red]boss.",
            "Body with ␛[31mred␛[0m escape and [link=https://x]link[/link] markup.",
        )
        await pilot.click("#heading", offset=(20, 0))
        await pilot.pause()
        assert app.is_running

        await pilot.press("escape", "2", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert_literal(
            screen_text(app),
            "[@click=app.quit]Mallory[/]  now at [bold]Evil Corp",
            "[/foo] Labs → [bold]Evil Corp",
            "as [red]boss",
            VISIBLE_TITLE,
        )

        await pilot.press("escape", "4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompanyScreen)
        assert_literal(
            screen_text(app), "[/foo] Labs", "[@click=app.quit]Mallory[/]", "to [bold]Evil Corp"
        )

        await pilot.press("escape", "slash", *"mallory")
        await settle(pilot)
        assert isinstance(app.screen, LookupScreen)
        assert app.screen.query_one(Input).value == "mallory"
        assert_literal(
            screen_text(app), "[@click=app.quit]Mallory[/]", "[/foo] Labs → [bold]Evil Corp"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert app.is_running

        await pilot.press("escape", "v")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert_literal(
            screen_text(app),
            "[@click=app.quit]Mallory[/]",
            "[/foo] Labs",
            "[bold]Evil Corp",
            "as [red]boss.",
        )
        await pilot.click("#left-body", offset=(5, 1))
        await pilot.pause()
        assert app.is_running
