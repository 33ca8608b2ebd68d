"""Lookup and timeline latency measured through the real app (Pilot), at scale.

Usage: python benchmarks/bench_tui_actions.py [--db PATH]  (built with
bench_tui_synthetic.py at 100k articles / 100k people / 200k moves if missing)

Each action is timed from the key event entering the app to the first frame
painted after its effect (budget 50 ms each): a keystroke in `/` until the
hits for that text are painted; page-down on the timeline until the moved
cursor is painted (the next page loads in a worker when the cursor nears the
end, timed apart); applying a filter until the filtered rows are painted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui_synthetic import build
from textual import events

from movesboard.tui.app import MovesboardApp
from movesboard.tui.filter_screen import FilterForm
from movesboard.tui.lookup_screen import LookupScreen
from movesboard.tui.timeline_pane import TimelinePane


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


class Frames:
    """When the app paints (headless, each update is still rendered, then dropped).

    Timing stops at the first frame painted after the change, without
    Pilot.press's own waiting (~45 ms for an unbound key) or a polling loop
    that would take the GIL from the worker being measured.
    """

    def __init__(self, app: MovesboardApp) -> None:
        self.times: list[float] = []
        self.painted = asyncio.Event()
        display = app._display

        def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is not None:
                self.times.append(time.perf_counter())
                self.painted.set()

        app._display = timed_display  # type: ignore[method-assign]

    async def after(self, moment: float) -> float:
        """The time of the first frame painted after `moment`."""
        while not self.times or self.times[-1] <= moment:
            self.painted.clear()
            await asyncio.wait_for(self.painted.wait(), 5)
        return next(t for t in self.times if t > moment)


class Signal:
    """When `obj.name` (a method the UI thread runs) last ran."""

    def __init__(self, obj: object, name: str) -> None:
        self.ran = asyncio.Event()
        self.at = 0.0
        method = getattr(obj, name)

        def signalled(*args):  # type: ignore[no-untyped-def]
            method(*args)
            self.at = time.perf_counter()
            self.ran.set()

        setattr(obj, name, signalled)

    def clear(self) -> None:
        self.ran.clear()

    async def wait(self) -> float:
        await asyncio.wait_for(self.ran.wait(), 5)
        return self.at


def press(app: MovesboardApp, key: str) -> None:
    """A keystroke as the terminal driver delivers it."""
    character = key if len(key) == 1 else (" " if key == "space" else None)
    app.post_message(events.Key(key, character))


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label}: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ordered[-1]:.1f} ms over {len(times)} (budget 50); in order: "
        + " ".join(f"{t:.0f}" for t in times)
    )


async def measure(db: Path) -> None:
    app = MovesboardApp(db=str(db), seed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        frames = Frames(app)
        # Lookup: each keystroke of a few names, until the hits for that text are painted.
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, LookupScreen)
        shown = Signal(screen, "show")
        times = []
        for name in ("james chen", "lab 12", "wei mary"):
            for key in name:
                shown.clear()
                started = time.perf_counter()
                press(app, "space" if key == " " else key)
                painted = await frames.after(await shown.wait())
                times.append((painted - started) * 1000)
                await settle(pilot)
            for _ in name:
                await pilot.press("backspace")
            await settle(pilot)
        report("lookup, keystroke to results painted", times)
        await pilot.press("escape")
        await settle(pilot)
        pane = app.screen.query_one(TimelinePane)
        pane.focus()
        await settle(pilot)
        # Page-down: until the moved cursor is painted. Near the end of what
        # is loaded, the next page is fetched in a worker: timed separately,
        # until its rows are appended.
        appended = Signal(pane, "append")
        scroll, loads = [], []
        for _ in range(40):
            appended.clear()
            loading = pane.row_count
            started = time.perf_counter()
            press(app, "pagedown")
            scroll.append((await frames.after(started) - started) * 1000)
            await settle(pilot)
            if pane.row_count > loading:
                loads.append((await appended.wait() - started) * 1000)
        report("timeline page-down, key to cursor painted", scroll)
        if loads:
            print(
                f"  next page appended (a worker, while scrolling on): median "
                f"{statistics.median(loads):.1f} ms; {pane.row_count} rows loaded"
            )
        # Filter: from applying it to the filtered rows painted.
        refiltered = Signal(pane, "refiltered")
        filters: list[float] = []
        for _ in range(3):
            for form in (
                FilterForm(language="id"),
                FilterForm(since="2020", until="2020"),
                FilterForm(status="pending"),
                FilterForm(organization="OpenAI"),
                FilterForm(),
            ):
                refiltered.clear()
                started = time.perf_counter()
                pane.apply(form)
                painted = await frames.after(await refiltered.wait())
                filters.append((painted - started) * 1000)
                await settle(pilot)
        report("timeline filter, applied to rows painted", filters)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "big.db"
    if not db.exists():
        build(db, articles=100_000, people=100_000, moves=200_000)
    asyncio.run(measure(db))


if __name__ == "__main__":
    main()
