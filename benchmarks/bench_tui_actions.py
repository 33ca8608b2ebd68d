"""Lookup and timeline latency measured through the real app (Pilot), at scale.

Usage: python benchmarks/bench_tui_actions.py [--db PATH]  (built with
bench_tui_synthetic.py at 100k articles / 100k people / 200k moves if missing)

Lookup: from a keystroke in `/` to the result list showing that query's
results (budget 50 ms). Timeline: a page-down keystroke (the next page loads
in a worker when the cursor nears the end) and applying a filter, each until
the screen shows the result (budget 50 ms).
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

from movesboard.tui.app import MovesboardApp
from movesboard.tui.filter_screen import FilterForm
from movesboard.tui.lookup_screen import LookupScreen
from movesboard.tui.timeline_pane import TimelinePane


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def measure(db: Path) -> None:
    app = MovesboardApp(db=str(db), seed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        idle = []
        for _ in range(10):  # what the measuring itself costs: a press of an unbound key
            started = time.perf_counter()
            await pilot.press("f12")
            await settle(pilot)
            idle.append((time.perf_counter() - started) * 1000)
        print(f"measuring overhead (unbound key + settle): median {statistics.median(idle):.1f} ms")
        bare = []
        for _ in range(10):  # what Pilot.press alone costs, for the page-down figure
            started = time.perf_counter()
            await pilot.press("f12")
            bare.append((time.perf_counter() - started) * 1000)
            await settle(pilot)
        print(f"Pilot.press of an unbound key: median {statistics.median(bare):.1f} ms")
        # Lookup: each keystroke of a few names, until the hits for that text are shown.
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, LookupScreen)
        # Timed from the keystroke to the moment the screen has shown the
        # results for the text typed so far (LookupScreen.show), polled every
        # millisecond: the Pilot's own settling costs would swamp the figure.
        shown: dict[str, float] = {}
        show = screen.show

        def timed_show(query, hits):  # type: ignore[no-untyped-def]
            show(query, hits)
            shown[query] = time.perf_counter()

        screen.show = timed_show  # type: ignore[method-assign]
        times = []
        for name in ("james chen", "lab 12", "wei mary"):
            for n, key in enumerate(name, start=1):
                shown.clear()
                started = time.perf_counter()
                await pilot.press("space" if key == " " else key)
                while name[:n] not in shown and time.perf_counter() - started < 2:
                    await asyncio.sleep(0.001)
                times.append((shown.get(name[:n], time.perf_counter()) - started) * 1000)
                await settle(pilot)
            for _ in name:
                await pilot.press("backspace")
            await settle(pilot)
        print(
            f"lookup, keystroke to results shown: median {statistics.median(times):.1f} ms, "
            f"p95 {sorted(times)[int(len(times) * 0.95)]:.1f} ms (budget 50)"
        )
        await pilot.press("escape")
        pane = app.screen.query_one(TimelinePane)
        pane.focus()
        # Page-down: until the key is handled and the screen refreshed (what
        # Pilot.press waits for); a page fetched from SQL on the way, until
        # its rows are appended.
        appended: list[float] = []
        append = pane.append

        def timed_append(items):  # type: ignore[no-untyped-def]
            append(items)
            appended.append(time.perf_counter())

        pane.append = timed_append  # type: ignore[method-assign]
        scroll, loads = [], []
        for _ in range(40):
            appended.clear()
            started = time.perf_counter()
            await pilot.press("pagedown")
            scroll.append((time.perf_counter() - started) * 1000)
            await settle(pilot)
            loads += [(t - started) * 1000 for t in appended]
        print(
            f"timeline page-down: median {statistics.median(scroll):.1f} ms, "
            f"max {max(scroll):.1f} ms; next page appended after median "
            f"{statistics.median(loads) if loads else 0:.1f} ms; "
            f"{pane.row_count} rows loaded (budget 50)"
        )
        refiltered: list[float] = []
        refilter = pane.refiltered

        arrived: list[float] = []

        def timed_refilter(*args):  # type: ignore[no-untyped-def]
            arrived.append(time.perf_counter())
            refilter(*args)
            refiltered.append(time.perf_counter())

        pane.refiltered = timed_refilter  # type: ignore[method-assign]
        filters: list[float] = []
        showing: list[float] = []
        for form in (
            FilterForm(language="id"),
            FilterForm(since="2020", until="2020"),
            FilterForm(status="pending"),
            FilterForm(organization="OpenAI"),
            FilterForm(),
        ):
            refiltered.clear()
            arrived.clear()
            started = time.perf_counter()
            pane.apply(form)
            while not refiltered and time.perf_counter() - started < 5:
                await asyncio.sleep(0.001)
            filters.append((refiltered[0] - started) * 1000 if refiltered else float("inf"))
            if refiltered:
                showing.append((refiltered[0] - arrived[0]) * 1000)
            await settle(pilot)
        print("timeline filter: " + ", ".join(f"{t:.0f}" for t in filters) + " ms (budget 50)")
        print("  of which drawing the rows: " + ", ".join(f"{t:.0f}" for t in showing) + " ms")


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
