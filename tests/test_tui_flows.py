"""The dashboard's working flows: live timeline, paging, filters, review, ingest, copy."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_fixtures import (
    Story,
    build_people,
    make_app,
    run_sql,
    screen_text,
    settle,
    store_story,
    sync,
)

from movesboard.extract.types import FuzzyDate
from movesboard.models import queries
from movesboard.models.db import Database
from movesboard.tui.dashboard import DashboardScreen
from movesboard.tui.data import PAGE
from movesboard.tui.filter_screen import FilterScreen
from movesboard.tui.ingest_screen import IngestScreen
from movesboard.tui.panes import PeoplePane
from movesboard.tui.person_screen import PersonScreen
from movesboard.tui.review_screen import ReviewScreen
from movesboard.tui.timeline_pane import TimelinePane

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

WIDE = (120, 36)

NEW_STORY = Story(
    title="Ilya moves again",
    body="Ilya Sutskever left OpenAI for Safe Superintelligence in June 2024.",
    published=dt.date(2024, 6, 20),
    language="en",
    people={"Ilya Sutskever": ["Ilya Sutskever"]},
    organizations={
        "OpenAI": (None, ["OpenAI"]),
        "Safe Superintelligence": (None, ["Safe Superintelligence"]),
    },
    moves=[
        (
            "Ilya Sutskever",
            "OpenAI",
            "Safe Superintelligence",
            "Ilya Sutskever left OpenAI for Safe Superintelligence in June 2024.",
            None,
            FuzzyDate(2024, 6),
        )
    ],
)


@pytest.fixture
def db(tui_fixture_any_engine: Path | str) -> Path | str:
    return tui_fixture_any_engine


def store(db: Path, story: Story) -> None:
    """Write an article as another process would: its own Database on the same file."""
    database = Database.open(str(db))
    store_story(database, story, "elsewhere.txt")
    database.dispose()


@sync
async def test_a_move_stored_elsewhere_appears_live_without_moving_the_cursor(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TimelinePane)
        await pilot.press("j", "j")  # on Jason Wei's July 2025 move
        before = table.current
        assert before is not None and before.value.person == "Jason Wei"
        await asyncio.to_thread(store, db, NEW_STORY)
        for _ in range(25):  # the poll runs every second: within 2.5 s
            await asyncio.sleep(0.1)
            if table.row_count == 6:
                break
        await settle(pilot)
        assert table.row_count == 6
        assert table.current is not None and table.current.key == before.key
        text = screen_text(app)
        assert "● 2024-06      Ilya Sutskever" in text
        assert "Timeline (6) · 1 new" in text
        assert "6 moves" in text  # the header's totals follow


@sync
async def test_timeline_pages_by_keyset_in_order(tmp_path: Path) -> None:
    from bench_tui_synthetic import build

    db = build(tmp_path / "big.db", articles=300, people=200, moves=700)
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TimelinePane)
        assert table.row_count == PAGE
        for _ in range(700 // PAGE):
            await pilot.press("end")
            await settle(pilot)
        assert table.row_count == 700
        database = Database.open(str(db))
        with database.session() as session:
            expected = [move.id for move in queries.timeline(session, limit=None)]
        database.dispose()
        assert [row.key for row in table.rows] == expected


# 150 people: six who tie on their name (in three cases) straddle the first
# page's end (rows 98 to 103), so the page boundary falls inside the tie.
PEOPLE = (
    [f"Person {n:03d}" for n in range(97)]
    + ["Tie Person", "tie person", "TIE PERSON"] * 2
    + [f"Zed {n:03d}" for n in range(47)]
)


@sync
async def test_people_page_by_keyset_past_the_first_page(tmp_path: Path) -> None:
    db = build_people(tmp_path / "people.db", PEOPLE)
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(PeoplePane)
        assert pane.row_count == PAGE
        # Someone adds a person above the boundary meanwhile: an OFFSET read
        # showed row 100 again as row 101.
        run_sql(
            db,
            "INSERT INTO person (uid, atom_name, name, key, named_by_user, created_at) "
            "VALUES ('p-above', 'Aaron', 'Aaron', 'aaron', false, '2026-01-01 00:00:00')",
        )
        pane.focus()
        await pilot.press("end")
        await settle(pilot)
        database = Database.open(str(db))
        with database.session() as session:
            expected = [p.id for p in queries.people(session, limit=1000) if p.name != "Aaron"]
        database.dispose()
        keys = [row.key for row in pane.rows]
        assert keys == expected
        assert keys.count(expected[PAGE]) == 1  # row 101, once
        assert str(pane.border_title).startswith(f"People ({len(PEOPLE)})")


@sync
async def test_filter_by_organisation_and_date_then_clear(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        await pilot.press(*"  ")  # nothing typed in person
        app.screen.query_one("#person", Input).value = ""
        app.screen.query_one("#organization", Input).value = "openai"
        app.screen.query_one("#since", Input).value = "2023"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        pane = app.screen.query_one(TimelinePane)
        people = [row.value.person for row in pane.rows]
        assert people == ["Yang Song", "Hyung Won Chung", "Jason Wei", "Jason Wei"]
        assert "filter: OpenAI, 2023–…" in screen_text(app)
        await pilot.press("f")
        app.screen.query_one("#since", Input).value = "2025-13"
        await pilot.press("enter")
        assert isinstance(app.screen, FilterScreen)  # a bad date is explained, not applied
        assert "not a date" in screen_text(app) or "month must be" in screen_text(app)
        await pilot.press("escape", "F")
        await settle(pilot)
        assert pane.row_count == 5


async def open_review(pilot) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await pilot.press("v")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def status_of(db: Path | str, person: str) -> list[str]:
    rows = run_sql(
        db,
        "SELECT move.status FROM move JOIN person ON person.id = move.person_id "
        "WHERE person.name = :person ORDER BY move.id",
        person=person,
    )
    return [str(status) for (status,) in rows]


@sync
async def test_review_accept_reject_and_undo_moves(db: Path) -> None:
    run_sql(db, "UPDATE move SET confidence = 0.4 WHERE evidence LIKE 'Wei previously%'")
    run_sql(db, "UPDATE move SET confidence = 0.5 WHERE evidence LIKE 'Song telah%'")
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        review = await open_review(pilot)
        text = screen_text(app)
        assert "Review 1 of 2" in text
        assert "“Wei previously worked at Google before joining OpenAI" in text
        assert "Google → OpenAI" in text
        await pilot.press("a")
        await settle(pilot)
        assert status_of(db, "Jason Wei") == ["pending", "confirmed"]
        assert "Review 1 of 1" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert "rejected" in status_of(db, "Yang Song")
        assert "Nothing to review" in screen_text(app)
        assert "Nothing waits for you" in screen_text(app)  # and why, not a blank pane
        await pilot.press("u")  # the rejection
        await settle(pilot)
        assert "rejected" not in status_of(db, "Yang Song")
        assert "Review 1 of 1" in screen_text(app)
        assert review is app.screen
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_review_suggested_merge_side_by_side(db: Path) -> None:
    uids = dict(run_sql(db, "SELECT name, uid FROM person"))
    run_sql(
        db,
        "INSERT INTO decision (kind, subject, a_ref, b_ref, value, score, actor, created_at) "
        "VALUES ('suggest', 'person', :a, :b, 'same surname', 82, 'machine', '2025-01-01')",
        a=uids["Hyung Won Chung"],
        b=uids["Jason Wei"],
    )
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_review(pilot)
        text = screen_text(app)
        assert "Same person?" in text and "same surname" in text
        assert "As one article names them" in text and "Known person" in text
        assert "Hyung Won Chung" in text and "Jason Wei" in text
        await pilot.press("a")
        await settle(pilot)
        roots = run_sql(db, "SELECT count(*) FROM person WHERE merged_into_id IS NULL")
        assert roots == [(4,)]
        await pilot.press("u")
        await settle(pilot)
        assert "Same person?" in screen_text(app)


@sync
async def test_ingest_from_inside(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "new.txt"
    article.write_text(
        "---\ntitle: Chen joins Anthropic\npublished: 2025-10-02\nlanguage: en\n---\n"
        "Mark Chen has joined Anthropic from OpenAI, the company said on Thursday.\n",
        encoding="utf-8",
    )
    app = make_app(db)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, IngestScreen)
        app.screen.query_one(Input).value = str(article)
        await pilot.press("enter")
        await settle(pilot)
        assert "1 article: 1 new" in screen_text(app)
        await pilot.press("escape")
        for _ in range(25):
            await asyncio.sleep(0.1)
            if "4 articles" in screen_text(app):
                break
        assert "4 articles" in screen_text(app)


@sync
async def test_y_copies_the_move_with_its_evidence(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "y")
        assert app.clipboard.startswith(
            "Jason Wei: OpenAI → Meta Superintelligence Labs as researcher"
        )
        assert "“OpenAI researcher Jason Wei has joined" in app.clipboard
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("y")
        assert app.clipboard.startswith("Jason Wei")
        # The whole career with its evidence, not only the heading (issue 13).
        career = app.clipboard.splitlines()[1:]
        assert len(career) == 2 and all("“" in line for line in career)
        assert career[0].startswith("Jason Wei: Google → OpenAI")


@sync
async def test_palette_finds_people_and_themes_switch(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.theme = "ansi-dark"  # the terminal's own colours
        await pilot.pause()
        assert "Timeline" in screen_text(app)
        await pilot.press("ctrl+p", *"yang song")
        await pilot.pause(0.5)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)


@sync
async def test_profiles_show_path_flow_and_chart(db: Path) -> None:
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # Jason Wei
        await settle(pilot)
        text = screen_text(app)
        assert "Google → OpenAI → Meta Superintelligence Labs" in text
        assert "Waiting for review (0)" in text
        await pilot.press("escape", "4", "j", "j", "j", "enter")  # Meta Superintelligence Labs
        await settle(pilot)
        text = screen_text(app)
        assert "Arrivals and departures per month" in text
        assert "in (max 2)" in text  # July 2025: Jason Wei and Hyung Won Chung
        flow = text[text.index("Net flow by counterpart") : text.index("Joined (")]
        # One form for every row: the counterpart, never "X → us" (issue 13).
        openai = next(line for line in flow.splitlines() if "OpenAI" in line)
        assert "+3" in openai and "→" not in flow
        # The parent counts its child's moves, and says so.
        await pilot.press("escape", "k", "enter")  # Meta
        await settle(pilot)
        text = screen_text(app)
        assert "Net flow by counterpart (with Meta Superintelligence Labs)" in text
        joined = text[text.index("Joined (3)") :]
        assert "· Meta Superintelligence Labs" in joined


@sync
@pytest.mark.parametrize(("moves", "title"), [(PAGE, f"({PAGE})"), (PAGE + 1, f"({PAGE}+)")])
async def test_a_title_says_more_only_when_there_is_more(
    tmp_path: Path, moves: int, title: str
) -> None:
    from bench_tui_synthetic import build

    db = build(tmp_path / "page.db", articles=50, people=50, moves=moves)
    app = make_app(db)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(TimelinePane)
        assert pane.row_count == PAGE
        assert str(pane.border_title).startswith(f"Timeline {title}")
