"""Fixture databases for the dashboard tests, built from hand-made extractions.

The extractor is not involved: what the screens show depends only on the
facts below, so snapshots do not move when extraction improves.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec

from textual.app import App
from textual.pilot import Pilot

from movesboard.extract.types import (
    Extraction,
    FuzzyDate,
    Mention,
    MoveFact,
    OrgEntity,
    PersonEntity,
)
from movesboard.ingest import ArticleDoc
from movesboard.models.db import Database
from movesboard.models.store import store_article
from movesboard.tui.app import MovesboardApp
from movesboard.tui.data import DataSource


@dataclass
class Story:
    """One article and the facts "extracted" from it, by hand."""

    title: str
    body: str
    published: dt.date | None
    language: str
    people: dict[str, list[str]] = field(default_factory=dict)  # name -> surface forms
    organizations: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    moves: list[tuple[str, str | None, str | None, str, str | None, FuzzyDate | None]] = field(
        default_factory=list
    )  # person, from, to, evidence sentence, role, date
    confidence: float = 0.9


def find_mentions(body: str, forms: list[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Every occurrence of each form, longest forms first, never overlapping another."""
    found = []
    for form in sorted(forms, key=len, reverse=True):
        start = body.find(form)
        while start >= 0:
            end = start + len(form)
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                taken.append((start, end))
                found.append(Mention(form, start, end))
            start = body.find(form, end)
    return sorted(found, key=lambda mention: mention.start)


def extraction(story: Story) -> Extraction:
    taken: list[tuple[int, int]] = []
    people = [
        PersonEntity(name, find_mentions(story.body, forms, taken))
        for name, forms in story.people.items()
    ]
    organizations = [
        OrgEntity(name, parent, find_mentions(story.body, forms, taken))
        for name, (parent, forms) in story.organizations.items()
    ]
    moves = []
    for person, origin, destination, evidence, role, date in story.moves:
        start = story.body.index(evidence)
        moves.append(
            MoveFact(person, origin, destination, evidence, start, role, date, story.confidence)
        )
    return Extraction(story.language, people, organizations, moves)


MSL = "Meta Superintelligence Labs"

STORIES = [
    Story(
        title="Jason Wei and Hyung Won Chung Join Meta",
        body=(
            "OpenAI researcher Jason Wei has joined Meta Superintelligence Labs in July 2025. "
            "Wei previously worked at Google before joining OpenAI in 2023.\n\n"
            "Hyung Won Chung, another OpenAI researcher, is also moving to Meta "
            "Superintelligence Labs. Chung and Wei worked together at Google and OpenAI."
        ),
        published=dt.date(2025, 7, 16),
        language="en",
        people={"Jason Wei": ["Jason Wei", "Wei"], "Hyung Won Chung": ["Hyung Won Chung", "Chung"]},
        organizations={
            "OpenAI": (None, ["OpenAI"]),
            MSL: ("Meta", [MSL]),
            "Google": (None, ["Google"]),
        },
        moves=[
            (
                "Jason Wei",
                "OpenAI",
                MSL,
                "OpenAI researcher Jason Wei has joined Meta Superintelligence Labs in July 2025.",
                "researcher",
                FuzzyDate(2025, 7),
            ),
            (
                "Jason Wei",
                "Google",
                "OpenAI",
                "Wei previously worked at Google before joining OpenAI in 2023.",
                None,
                FuzzyDate(2023),
            ),
            (
                "Hyung Won Chung",
                "OpenAI",
                MSL,
                "Hyung Won Chung, another OpenAI researcher, is also moving to Meta "
                "Superintelligence Labs.",
                "researcher",
                None,
            ),
        ],
    ),
    Story(
        title="Meta Rekrut Ilmuwan OpenAI untuk Memimpin Lab Kecerdasan Buatan",
        body=(
            "Mark Zuckerberg telah merekrut seorang peneliti senior dari OpenAI untuk menjabat "
            "sebagai peneliti utama di Meta Superintelligence Labs (MSL). Yang Song, yang "
            "sebelumnya memimpin tim eksplorasi strategis di OpenAI, kini melapor kepada "
            "Shengjia Zhao.\n\n"
            "Song telah bergabung dengan OpenAI sejak 2022, setelah lulus dari Stanford "
            "University."
        ),
        published=dt.date(2025, 9, 25),
        language="id",
        people={
            "Mark Zuckerberg": ["Mark Zuckerberg"],
            "Yang Song": ["Yang Song", "Song"],
            "Shengjia Zhao": ["Shengjia Zhao"],
        },
        organizations={
            "OpenAI": (None, ["OpenAI"]),
            MSL: ("Meta", [MSL, "MSL"]),
            "Stanford University": (None, ["Stanford University"]),
        },
        moves=[
            (
                "Yang Song",
                "OpenAI",
                MSL,
                "Yang Song, yang sebelumnya memimpin tim eksplorasi strategis di OpenAI, kini "
                "melapor kepada Shengjia Zhao.",
                "peneliti utama",
                None,
            ),
            (
                "Yang Song",
                "Stanford University",
                "OpenAI",
                "Song telah bergabung dengan OpenAI sejak 2022, setelah lulus dari Stanford "
                "University.",
                None,
                FuzzyDate(2022),
            ),
        ],
    ),
    Story(
        title="Weekly roundup: compute deals and safety teams",
        body="Anthropic expanded its safety team this week; no names were announced.",
        published=None,
        language="en",
        organizations={"Anthropic": (None, ["Anthropic"])},
    ),
]

HOSTILE_TITLE = "[bold]x [/foo] [@click=app.quit]click[/] \x1b[31mred\x1b[0m"
HOSTILE_PERSON = "[@click=app.quit]Mallory[/]"
HOSTILE_ORG = "[bold]Evil Corp"
HOSTILE_STORY = Story(
    title=HOSTILE_TITLE,
    body=(
        f"{HOSTILE_PERSON} left [/foo] Labs for {HOSTILE_ORG} as [red]boss.\n"
        "Body with \x1b[31mred\x1b[0m escape and [link=https://x]link[/link] markup."
    ),
    published=dt.date(2025, 10, 1),
    language="en",
    people={HOSTILE_PERSON: [HOSTILE_PERSON]},
    organizations={"[/foo] Labs": (None, ["[/foo] Labs"]), HOSTILE_ORG: (None, [HOSTILE_ORG])},
    moves=[
        (
            HOSTILE_PERSON,
            "[/foo] Labs",
            HOSTILE_ORG,
            f"{HOSTILE_PERSON} left [/foo] Labs for {HOSTILE_ORG} as [red]boss.",
            "[red]boss",
            FuzzyDate(2025, 9, 30),
        )
    ],
    confidence=0.4,  # low: the move waits in the review queue too
)


def build_db(path: Path, stories: list[Story] | None = None) -> Path:
    """A migrated SQLite database at `path` holding the stories; returns the path."""
    database = Database.open(str(path))
    try:
        for index, story in enumerate(STORIES if stories is None else stories):
            store_story(database, story, f"fixtures/story-{index}.txt")
    finally:
        database.dispose()
    return path


def store_story(database: Database, story: Story, source: str) -> None:
    doc = ArticleDoc(
        source=source,
        title=story.title,
        body=story.body,
        published=story.published,
        language=story.language,
    )
    # ArticleDoc cleans what it is given; hostile stories put their control
    # characters back, as a database written before ingest cleaned them holds.
    object.__setattr__(doc, "title", story.title)
    object.__setattr__(doc, "body", story.body)
    with database.session() as session:
        store_article(session, doc, extraction(story))


def build_people(path: Path, names: list[str]) -> Path:
    """A migrated SQLite database of people with these names and nothing else,
    stored in a shuffled order (ids do not follow the names); returns the path.

    Straight into the table, not through identity resolution: people who share
    a name stay apart, as the ties of a long list need."""
    import random

    from movesboard.models.tables import Person

    order = list(range(len(names)))
    random.Random(3).shuffle(order)
    database = Database.open(str(path))
    try:
        with database.session() as session:
            for index in order:
                name = names[index]
                session.add(Person(uid=f"p-{index:013x}", atom_name=name, name=name, key=name))
            session.commit()
    finally:
        database.dispose()
    return path


# ---------------------------------------------------------------- app helpers

P = ParamSpec("P")

FIXTURE_LOCATION = "fixture.db"  # shown in the header instead of a tmp path


def make_app(db: Path, *, seed: bool = False) -> MovesboardApp:
    """The real app on `db`; the header shows a fixed label so snapshots are stable."""
    app = MovesboardApp(db=str(db), seed=seed)
    app.data = FixedLocation(str(db), seed=seed)
    return app


class FixedLocation(DataSource):
    @property
    def location(self) -> str:
        return FIXTURE_LOCATION


def sync(test: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async pilot test with asyncio.run (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and the screen catch up."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(app: App[None]) -> str:
    """What the current screen shows, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def run_sql(db: Path | str, statement: str, **params: object) -> list[tuple[object, ...]]:
    """Run one statement on the database at `db` (a path or a URL), past the app,
    committed; returns its rows (none for a write)."""
    from sqlalchemy import text

    database = Database.open(str(db), migrate=False)
    try:
        with database.engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        database.dispose()
