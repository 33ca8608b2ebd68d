"""Ingest throughput: the whole path (read, extract, resolve, store) into a SQLite file.

Usage: python benchmarks/bench_ingest.py [--articles N] [--prefill PEOPLE]
       [--cache /tmp/movesboard-bench] [--workers auto|0|1|2]

Copies of the repo's corpus articles, each made unique by a trailing line and
its own URL (so each event is reported again every 30 articles: recurring
people), are ingested as `movesboard ingest FOLDER` does (`ingest_items`:
batches of articles per transaction, extraction in a worker process). Into
an empty database, or with --prefill, a copy of a synthetic one of that many
people (bench_tui_synthetic.py, cached under --cache).

Prints the rate; the cost per article (each batch's time shared among its
articles, since articles are committed and reported a batch at a time), p50
and p95, and for the first and the last tenth of the run (flat cost: issue
14); CPU per article in this process and in the extraction workers; then
re-ingesting the folder (nothing new: the idempotent path).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from movesboard import pipeline
from movesboard.ingest import ReadOptions
from movesboard.models.db import Database
from movesboard.pipeline import IngestSummary, Outcome, collect_items, ingest_items

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "corpus" / "shared"


def make_folder(folder: Path, articles: int) -> None:
    sources = sorted(CORPUS.glob("*.txt"))
    folder.mkdir()
    for n in range(articles):
        template = sources[n % len(sources)].read_text(encoding="utf-8")
        # Unique URL and content: otherwise copies are (rightly) stored once.
        template = template.replace("url: https://", f"url: https://copy{n}.", 1)
        (folder / f"{n:06d}.txt").write_text(f"{template}\nCopy {n}.\n", encoding="utf-8")


def prefilled(cache: Path, people: int, scratch: Path) -> Path:
    """A scratch copy of a cached synthetic database of `people` people."""
    sys.path.insert(0, str(HERE))
    from bench_tui_synthetic import build

    cache.mkdir(parents=True, exist_ok=True)
    cached = cache / f"ingest-{people}.db"
    if not cached.exists():
        started = time.perf_counter()
        partial = cached.with_suffix(".partial")
        build(partial, articles=max(1000, people // 10), people=people, moves=2 * people)
        partial.rename(cached)
        print(f"built {cached} in {time.perf_counter() - started:.0f} s")
    copy = scratch / "bench.db"
    shutil.copyfile(cached, copy)
    Database.open(str(copy)).dispose()  # any migration, before the clock starts
    return copy


class Clock:
    """Each article's share of its batch's time: outcomes come a batch at a time."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.pending = 0
        self.costs: list[float] = []

    def outcome(self, _: Outcome) -> None:
        self.pending += 1
        now = time.perf_counter()
        if now - self.last > 1e-4:  # the first outcome of a batch: it closes the last one
            self.costs.extend([(now - self.last) / self.pending] * self.pending)
            self.last, self.pending = now, 0

    def finish(self) -> None:
        if self.pending:
            now = time.perf_counter()
            self.costs.extend([(now - self.last) / self.pending] * self.pending)


def run(database: Database, folder: Path) -> tuple[IngestSummary, Clock]:
    summary = IngestSummary()
    items = collect_items([folder], ReadOptions(), summary)
    clock = Clock()
    ingest_items(database, items, summary=summary, on_outcome=clock.outcome)
    clock.finish()
    return summary, clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--prefill", type=int, default=0, metavar="PEOPLE")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/movesboard-bench"))
    parser.add_argument("--workers", default="auto")
    args = parser.parse_args()
    if args.workers != "auto":
        pipeline._workers_for = lambda articles: int(args.workers)  # type: ignore[assignment]

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        make_folder(scratch / "articles", args.articles)
        path = prefilled(args.cache, args.prefill, scratch) if args.prefill else None
        database = Database.open(str(path or scratch / "bench.db"))

        started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        summary, clock = run(database, scratch / "articles")
        elapsed = time.perf_counter() - started
        cpu, children = time.process_time() - cpu, _children_cpu() - children

        started = time.perf_counter()
        again, _ = run(database, scratch / "articles")
        again_elapsed = time.perf_counter() - started
        database.dispose()
    assert summary.ok and summary.new == args.articles, summary.line()
    assert again.unchanged == args.articles, again.line()

    # Flat cost across the run (issue 14): the first and last tenth side by side.
    costs = clock.costs
    tenth = max(1, len(costs) // 10)
    first = statistics.median(costs[:tenth]) * 1000
    last = statistics.median(costs[-tenth:]) * 1000
    ms = sorted(value * 1000 for value in costs)
    print(f"articles            {args.articles}" + (f" into {args.prefill} people" if path else ""))
    print(f"ingest rate         {args.articles / elapsed:8.1f} articles/s")
    print(f"per article p50     {statistics.median(ms):8.2f} ms")
    print(f"per article p95     {ms[int(len(ms) * 0.95) - 1]:8.2f} ms")
    print(f"first tenth p50     {first:8.2f} ms")
    print(f"last tenth p50      {last:8.2f} ms   ({last / first:.2f}x the first)")
    print(f"CPU, this process   {cpu / args.articles * 1000:8.2f} ms per article")
    print(f"CPU, workers        {children / args.articles * 1000:8.2f} ms per article")
    print(f"re-ingest (no-op)   {args.articles / again_elapsed:8.1f} articles/s")


def _children_cpu() -> float:
    """CPU seconds of finished child processes (the extraction workers, once shut down)."""
    times = os.times()
    return times.children_user + times.children_system


if __name__ == "__main__":
    main()
