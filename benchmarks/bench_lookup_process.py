"""The name index as a process meets it: whole-process lookup, an ingest's first article, memory.

Usage: python benchmarks/bench_lookup_process.py [--sizes 100000,1000000]
       [--runs 5] [--keystrokes 200] [--articles 200] [--cache /tmp/movesboard-bench]

Issue 14 ("Index that persists"): a process should not rebuild the name index
before it can answer. For each size, a SQLite database of that many people
(2 moves each, built with bench_tui_synthetic.py, cached under --cache so a
rerun reuses it; a cached file built before a schema change is upgraded in
place at its first open, which is timed and printed too) and prints:

- `movesboard lookup NAME` as a whole process: wall time, median of --runs;
- `movesboard ingest FILE` of one new article as a whole process, against a
  copy of the database: wall time, and the same against an empty database
  beside it (the difference is what the database's size costs a first article);
- `--articles` corpus copies ingested one by one into a copy, in one process:
  the first article's time and the per-article p50 / p95 after it;
- lookup per keystroke (DataSource.lookup, what the dashboard's `/` screen
  calls): each prefix of stored names with a typo, reordered or cut short,
  from its third character on; p50 / p95;
- the dashboard's resident memory (VmRSS) after the People pane is shown and
  a lookup answered, run headless through Textual's run_test in a subprocess.

Figures are printed, not asserted. Before the persisted index (each process
rebuilt it in memory; measured with this script on the parent commit):
lookup 0.66 s at 100k and 2.70 s at 1M (issue 14 saw 0.9 s and 3.9 s on a
busier day); a first article +1.0 s and +3.4 s later than on an empty
database; keystrokes p50 / p95 4.8 / 7.8 ms at 100k, 17 / 39 ms at 1M; the
dashboard 119 MB and 367 MB resident.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic_names import synthetic_names, typo  # noqa: E402

MOVESBOARD = str(Path(sys.executable).with_name("movesboard"))
ARTICLE = HERE.parent / "tests" / "corpus" / "shared"

# Run in a subprocess: the dashboard headless, People pane shown, one lookup.
RSS_SCRIPT = """
import asyncio, sys
from movesboard.tui.app import MovesboardApp

async def main(db):
    app = MovesboardApp(db=db, seed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("2")  # the People pane
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        for key in "wei chen":
            await pilot.press("space" if key == " " else key)
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        status = open("/proc/self/status").read()
        rss = next(line for line in status.splitlines() if line.startswith("VmRSS"))
        print(int(rss.split()[1]) // 1024)

asyncio.run(main(sys.argv[1]))
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def database(cache: Path, people: int) -> Path:
    """A cached synthetic database of `people` people, built once."""
    from bench_tui_synthetic import build

    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"lookup-{people}.db"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        build(partial, articles=100_000, people=people, moves=2 * people)
        partial.rename(path)
        print(f"  built {path} in {time.perf_counter() - started:.0f} s")
    return path


def upgrade(path: Path) -> None:
    """Open once (runs any pending migration, e.g. a backfill), timed."""
    from movesboard.models.db import Database

    started = time.perf_counter()
    Database.open(str(path)).dispose()
    elapsed = time.perf_counter() - started
    if elapsed > 1.0:
        print(f"  first open (migrations) {elapsed:.1f} s")


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - started


def queries(people: int, count: int) -> list[str]:
    """Stored names with one typo, reordered, or cut to their last two tokens."""
    names = synthetic_names(people)
    rng = random.Random(people)
    out = []
    for n in range(count):
        tokens = names[rng.randrange(people)].split()
        style = n % 3
        if style == 0:
            out.append(typo(" ".join(tokens), rng))
        elif style == 1:
            out.append(" ".join(reversed(tokens)))
        else:
            out.append(" ".join(tokens[-2:]))
    return out


def whole_process_lookup(path: Path, people: int, runs: int) -> None:
    times = [
        wall([MOVESBOARD, "--db", str(path), "lookup", *query.split()])
        for query in queries(people, runs)
    ]
    print(f"  `movesboard lookup NAME`, whole process: median {statistics.median(times):.2f} s")


def first_article(path: Path, scratch: Path, runs: int = 3) -> None:
    """One new article ingested by a fresh process, into a copy of `path` and into an empty DB.

    A fresh copy each run: the article's people, once stored, would be found by
    their exact key the next time, and the fuzzy index never asked.
    """
    from movesboard.models.db import Database

    source = sorted(ARTICLE.glob("*.txt"))[0].read_text(encoding="utf-8")
    article = scratch / "article.txt"
    body = source.replace("url: https://", "url: https://bench.", 1)
    article.write_text(f"{body}\nBench copy.\n", encoding="utf-8")
    times: dict[str, list[float]] = {"large": [], "empty": []}
    for run in range(runs):
        copy, empty = scratch / f"copy{run}.db", scratch / f"empty{run}.db"
        shutil.copyfile(path, copy)
        Database.open(str(empty)).dispose()  # its migrations are not timed
        for label, target in (("large", copy), ("empty", empty)):
            times[label].append(
                wall([MOVESBOARD, "--db", str(target), "-q", "ingest", str(article)])
            )
        copy.unlink()
    large, empty_median = statistics.median(times["large"]), statistics.median(times["empty"])
    print(
        f"  `movesboard ingest FILE` of one new article, whole process: {large:.2f} s "
        f"(empty database: {empty_median:.2f} s; the size costs {large - empty_median:+.2f} s)"
    )


def ingest_run(path: Path, scratch: Path, articles: int) -> None:
    """`articles` corpus copies ingested one by one into a copy of `path`, in one process."""
    from movesboard.ingest import read_text_article
    from movesboard.models.db import Database
    from movesboard.pipeline import ingest_doc

    copy = scratch / "run.db"
    shutil.copyfile(path, copy)
    sources = sorted(ARTICLE.glob("*.txt"))
    folder = scratch / "run"
    folder.mkdir()
    for n in range(articles):
        body = sources[n % len(sources)].read_text(encoding="utf-8")
        body = body.replace("url: https://", f"url: https://run{n}.", 1)
        (folder / f"{n:05d}.txt").write_text(f"{body}\nRun copy {n}.\n", encoding="utf-8")
    database = Database.open(str(copy))
    latencies = []
    for article in sorted(folder.iterdir()):
        started = time.perf_counter()
        ingest_doc(database, read_text_article(article))
        latencies.append((time.perf_counter() - started) * 1000)
    database.dispose()
    rest = latencies[1:]
    print(
        f"  ingest into it, {articles} articles in one process: first {latencies[0]:.0f} ms, "
        f"then p50 {statistics.median(rest):.1f} ms, p95 {percentile(rest, 0.95):.1f} ms"
    )


def keystrokes(path: Path, people: int, count: int) -> None:
    from movesboard.tui.data import DataSource

    data = DataSource(str(path), seed=False)
    data.lookup("warm up")  # the first connection and statement cache
    times = []
    for query in queries(people, count // 8 + 1):
        for end in range(3, len(query) + 1):
            started = time.perf_counter()
            data.lookup(query[:end])
            times.append((time.perf_counter() - started) * 1000)
            if len(times) >= count:
                break
        if len(times) >= count:
            break
    print(
        f"  lookup per keystroke (DataSource.lookup): p50 {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms over {len(times)}"
    )


def dashboard_memory(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RSS_SCRIPT, str(path)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        print(f"  dashboard memory: failed: {result.stderr.strip().splitlines()[-1:]}")
        return
    print(f"  dashboard resident memory (People pane, one lookup): {result.stdout.strip()} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keystrokes", type=int, default=200)
    parser.add_argument("--articles", type=int, default=200, help="for the ingest run")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "movesboard-bench"
    )
    args = parser.parse_args()
    for people in (int(size) for size in args.sizes.split(",")):
        print(f"{people} people:")
        path = database(args.cache, people)
        upgrade(path)
        whole_process_lookup(path, people, args.runs)
        with tempfile.TemporaryDirectory() as scratch:
            first_article(path, Path(scratch))
            ingest_run(path, Path(scratch), args.articles)
        keystrokes(path, people, args.keystrokes)
        dashboard_memory(path)


if __name__ == "__main__":
    main()
