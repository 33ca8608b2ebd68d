"""Save SVG screenshots of the dashboard, as a new user would first see it.

Builds a fresh temporary database seeded with the real seed articles (through
`movesboard.pipeline.seed`, so the real extractor runs) plus the example corpus
in tests/corpus/shared and scripts/screenshot_articles (a namesake "Yang
Song" elsewhere, which the resolver puts to review rather than merging), so
that company flows and the review queue have something to show, then drives
the real app
headless at 120x36 and writes screenshots/*.svg: dashboard, lookup, person,
article, company, timeline-filter, timeline (filtered) and review.

    .venv/bin/python scripts/screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from movesboard.models.db import Database
from movesboard.pipeline import ingest_paths, seed
from movesboard.tui.app import MovesboardApp
from movesboard.tui.data import DataSource
from movesboard.tui.person_screen import PersonScreen

SIZE = (120, 36)
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "shared"
EXTRA = ROOT / "scripts" / "screenshot_articles"


class Labelled(DataSource):
    """Shows a neutral label in the header instead of the temporary path."""

    @property
    def location(self) -> str:
        return "movesboard.db (seeds + example corpus)"


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def shoot(db: Path, out: Path) -> list[Path]:
    app = MovesboardApp(db=str(db), seed=False)
    app.data = Labelled(str(db), seed=False)
    written: list[Path] = []

    def save(name: str, title: str) -> None:
        path = out / f"{name}.svg"
        path.write_text(app.export_screenshot(title=title), encoding="utf-8")
        written.append(path)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        save("dashboard", "movesboard")

        await pilot.press("slash", *"song")
        await settle(pilot)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        save("lookup", "movesboard: lookup")

        await pilot.press("enter")
        await settle(pilot)
        if not isinstance(app.screen, PersonScreen):
            raise SystemExit("lookup for 'song' did not open a person: is Yang Song extracted?")
        save("person", "movesboard: Yang Song")

        await pilot.press("escape", "1", "enter")  # newest article
        await settle(pilot)
        save("article", "movesboard: article")

        await pilot.press("escape", "4", "enter")  # first company
        await settle(pilot)
        save("company", "movesboard: company")

        await pilot.press("escape", "3", "f")
        await settle(pilot)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        app.screen.query_one("#organization", Input).value = "openai"
        await pilot.pause()
        save("timeline-filter", "movesboard: timeline filter")
        await pilot.press("enter")
        await settle(pilot)
        save("timeline", "movesboard: timeline filtered by OpenAI")

        await pilot.press("F", "v")
        await settle(pilot)
        save("review", "movesboard: review queue")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="movesboard-shots-") as folder:
        db = Path(folder) / "movesboard.db"
        database = Database.open(str(db))
        for summary in (seed(database), ingest_paths(database, [CORPUS, EXTRA])):
            print(f"ingested into {db}: {summary.line()}")
            for error in summary.errors:
                print(f"  error: {error}")
        database.dispose()
        for path in asyncio.run(shoot(db, args.out)):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
