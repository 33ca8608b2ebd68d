"""Live for everyone: the change log numbers commits in commit order, PostgreSQL
readers are woken by NOTIFY, and an open dashboard follows other writers in
every pane (issue 12)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from tui_fixtures import (
    STORIES,
    Story,
    extraction,
    make_app,
    screen_text,
    settle,
    store_story,
    sync,
)

from movesboard.extract.types import FuzzyDate
from movesboard.ingest import ArticleDoc
from movesboard.models import changes, views
from movesboard.models.db import Database
from movesboard.models.store import store_article
from movesboard.models.tables import Change, Move
from movesboard.tui.panes import ArticlesPane, PeoplePane
from movesboard.tui.review_screen import ReviewScreen
from movesboard.tui.timeline_pane import TimelinePane


def story(person: str, origin: str, destination: str, year: int) -> Story:
    sentence = f"{person} left {origin} for {destination} in March {year}."
    return Story(
        title=f"{person} joins {destination}",
        body=sentence,
        published=dt.date(year, 3, 20),
        language="en",
        people={person: [person]},
        organizations={origin: (None, [origin]), destination: (None, [destination])},
        moves=[(person, origin, destination, sentence, None, FuzzyDate(year, 3))],
    )


EARLY = story("Noam Brown", "Meta", "OpenAI", 2023)
# No organisation in common: the two writers never wait for each other.
LATE = story("Alexandr Wang", "Scale AI", "Safe Superintelligence", 2025)


def doc(s: Story) -> ArticleDoc:
    return ArticleDoc(source="t.txt", title=s.title, body=s.body, published=s.published)


def logged(database: Database) -> list[tuple[str, int | None]]:
    with database.session() as session:
        rows = session.exec(select(Change).order_by(col(Change.id))).all()
    return [(row.kind, row.article_id) for row in rows]


def test_stores_decisions_and_rebuilds_are_logged_and_a_rollback_is_not(
    database: Database,
) -> None:
    store_story(database, EARLY, "a.txt")
    with pytest.raises(RuntimeError), database.session() as session:
        store_article(session, doc(LATE), extraction(LATE))
        raise RuntimeError("the article fails half-way")
    store_story(database, LATE, "b.txt")
    kinds = [kind for kind, _ in logged(database)]
    assert kinds == ["article", "article"]  # the failed one left no change behind
    with database.session() as session:
        batch = changes.since(session, 0)
        ids = batch.article_ids
        assert batch.latest_id == changes.latest_id(session)
        assert not batch.decided and not batch.rebuilt
        assert changes.since(session, batch.latest_id).empty
        moves = views.moves_of_articles(session, views.TimelineFilter(), ids[1:])
    assert [m.person for m in moves] == ["Alexandr Wang"]


def test_a_move_committed_late_with_a_lower_id_is_still_read(postgres: Database) -> None:
    """Two writers: the first flushes (lower move ids), the second commits first.
    A reader of max(move.id) would skip the first writer's move for good."""
    with Session(postgres.engine, expire_on_commit=False) as slow:
        store_article(slow, doc(EARLY), extraction(EARLY))
        slow.flush()
        slow_ids = slow.exec(select(Move.id)).all()
        store_story(postgres, LATE, "fast.txt")  # another connection, committed now
        with postgres.session() as reader:
            seen = changes.latest_id(reader)
            fast_ids = reader.exec(select(Move.id)).all()
        assert max(slow_ids) < min(fast_ids)  # type: ignore[type-var]
        changes.log_noted(slow)
        slow.commit()
    with postgres.session() as reader:
        batch = changes.since(reader, seen)
        moves = views.moves_of_articles(reader, views.TimelineFilter(), batch.article_ids)
    assert [m.person for m in moves] == ["Noam Brown"]


def test_a_listener_is_woken_by_a_commit_and_not_by_a_rollback(postgres: Database) -> None:
    waiter = changes.waiter(postgres.url)
    try:
        assert isinstance(waiter, changes.Listener)
        assert not waiter.wait(0.2)  # nothing yet
        with pytest.raises(RuntimeError), postgres.session() as session:
            store_article(session, doc(EARLY), extraction(EARLY))
            raise RuntimeError("rolled back")
        assert not waiter.wait(0.5)
        writer = threading.Timer(0.3, store_story, (postgres, EARLY, "a.txt"))
        start = time.monotonic()
        writer.start()
        assert waiter.wait(5.0)
        assert time.monotonic() - start < 2.0  # woken at the commit, not at the timeout
        writer.join()
    finally:
        waiter.close()


def test_sqlite_readers_look_every_second() -> None:
    waiter = changes.waiter("sqlite:///x.db")
    assert isinstance(waiter, changes.Sleeper) and waiter.look_every == 1.0


# ------------------------------------------------------------------ the dashboard


async def wait_until(pilot, condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        await asyncio.sleep(0.05)
    await settle(pilot)


@pytest.fixture
def dashboard_db(tui_fixture_any_engine: Path | str) -> Path | str:
    return tui_fixture_any_engine


@sync
async def test_every_pane_follows_another_writer(dashboard_db: Path | str) -> None:
    app = make_app(dashboard_db)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticlesPane)
        people = app.screen.query_one(PeoplePane)
        timeline = app.screen.query_one(TimelinePane)
        before = (articles.row_count, people.row_count, timeline.row_count)
        database = Database.open(str(dashboard_db))
        await asyncio.to_thread(store_story, database, LATE, "elsewhere.txt")
        await wait_until(pilot, lambda: timeline.row_count > before[2])
        assert articles.row_count == before[0] + 1
        assert people.row_count == before[1] + 1
        assert "Alexandr Wang" in screen_text(app)
        # A decision elsewhere: the move is rejected, and leaves the timeline in place.
        with database.session() as session:
            from movesboard.models import decisions

            move = session.exec(select(Move).where(Move.evidence == LATE.body)).one()
            decisions.set_move_status(session, move, "rejected")
        database.dispose()
        await wait_until(pilot, lambda: timeline.row_count == before[2])
        assert timeline.row_count == before[2]


@sync
async def test_the_dashboard_reads_a_late_commit_with_a_lower_id(postgres: Database) -> None:
    for index, fixture in enumerate(STORIES[:1]):
        store_story(postgres, fixture, f"story-{index}.txt")
    app = make_app(postgres.url)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(TimelinePane)
        before = timeline.row_count
        with Session(postgres.engine, expire_on_commit=False) as slow:
            store_article(slow, doc(EARLY), extraction(EARLY))
            slow.flush()
            await asyncio.to_thread(store_story, postgres, LATE, "fast.txt")
            await wait_until(pilot, lambda: timeline.row_count == before + 1)
            changes.log_noted(slow)
            slow.commit()
        await wait_until(pilot, lambda: timeline.row_count == before + 2)
        text = screen_text(app)
        assert "Noam Brown" in text and "Alexandr Wang" in text


@sync
async def test_a_repeated_report_raises_the_count_live(dashboard_db: Path | str) -> None:
    app = make_app(dashboard_db)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(TimelinePane)
        database = Database.open(str(dashboard_db))
        await asyncio.to_thread(store_story, database, LATE, "first.txt")
        await wait_until(pilot, lambda: "Alexandr Wang" in screen_text(app))
        again = Story(**{**LATE.__dict__, "title": "Another outlet on the same move"})
        count = timeline.row_count
        await asyncio.to_thread(store_story, database, again, "second.txt")
        database.dispose()

        def reports() -> int:
            row = next(r for r in timeline.rows if r.value.person == "Alexandr Wang")
            return int(row.value.reports)

        await wait_until(pilot, lambda: reports() == 2)
        assert reports() == 2  # shown "×2" (past the Move column's width here)
        assert timeline.row_count == count  # shown once


# ------------------------------------------------------------------ the review queue


def unsure(person: str, origin: str, destination: str, confidence: float) -> Story:
    """A story whose move waits in the review queue (below REVIEW_THRESHOLD)."""
    return dataclasses.replace(story(person, origin, destination, 2024), confidence=confidence)


@sync
async def test_an_open_review_screen_follows_other_writers(dashboard_db: Path | str) -> None:
    database = Database.open(str(dashboard_db))
    store_story(database, unsure("Ada Quill", "Quill Works", "Acme Labs", 0.4), "a.txt")
    store_story(database, unsure("Bo Ferris", "Ferris Forge", "Brightline", 0.5), "b.txt")
    app = make_app(dashboard_db)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("s")  # on the second item: Bo Ferris
        assert "Review 2 of 2" in screen_text(app) and "Bo Ferris" in screen_text(app)

        # A less sure move stored elsewhere joins the queue ahead of the cursor's
        # item; the cursor stays on Bo Ferris.
        newest = unsure("Cy Marlow", "Marlow Mills", "Cobalt AI", 0.2)
        await asyncio.to_thread(store_story, database, newest, "c.txt")
        await wait_until(pilot, lambda: len(review.items) == 3)
        assert "Review 3 of 3" in screen_text(app) and "Bo Ferris" in screen_text(app)

        # Bo Ferris's move rejected elsewhere: it leaves the queue, the cursor stays put.
        with database.session() as session:
            from movesboard.models import decisions

            move = session.exec(select(Move).where(col(Move.evidence).contains("Ferris"))).one()
            decisions.set_move_status(session, move, "rejected")
        database.dispose()
        await wait_until(pilot, lambda: len(review.items) == 2)
        text = screen_text(app)
        assert "Review 2 of 2" in text and "Ada Quill" in text
        assert review is app.screen
