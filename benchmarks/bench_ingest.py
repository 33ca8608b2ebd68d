"""Ingest throughput: the whole path (read, extract, resolve, store) into a fresh SQLite file.

Usage: python benchmarks/bench_ingest.py [--articles N]

Copies of the repo's corpus articles, each made unique by a trailing line, are
ingested one transaction each, as `movesboard ingest FOLDER` does. Prints
articles per second and per-article latency percentiles.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from movesboard.ingest import read_text_article
from movesboard.models.db import Database
from movesboard.pipeline import ingest_doc

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    args = parser.parse_args()

    sources = sorted(CORPUS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        for n in range(args.articles):
            template = sources[n % len(sources)].read_text(encoding="utf-8")
            # Unique URL and content: otherwise copies are (rightly) stored once.
            template = template.replace("url: https://", f"url: https://copy{n}.", 1)
            (folder / f"{n:06d}.txt").write_text(f"{template}\nCopy {n}.\n", encoding="utf-8")

        database = Database.open(str(Path(scratch) / "bench.db"))
        latencies = []
        started = time.perf_counter()
        for path in sorted(folder.iterdir()):
            t0 = time.perf_counter()
            ingest_doc(database, read_text_article(path))
            latencies.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - started

        # Re-ingesting is the idempotent fast path: hash lookup, no extraction.
        t0 = time.perf_counter()
        for path in sorted(folder.iterdir()):
            ingest_doc(database, read_text_article(path))
        again = time.perf_counter() - t0
        database.dispose()

    # Flat cost across the run (issue 14): the first and last tenth side by side.
    tenth = max(1, len(latencies) // 10)
    first = statistics.median(latencies[:tenth]) * 1000
    last = statistics.median(latencies[-tenth:]) * 1000
    latencies.sort()
    ms = [value * 1000 for value in latencies]
    print(f"articles            {args.articles}")
    print(f"ingest rate         {args.articles / elapsed:8.1f} articles/s")
    print(f"per article p50     {statistics.median(ms):8.2f} ms")
    print(f"per article p95     {ms[int(len(ms) * 0.95) - 1]:8.2f} ms")
    print(f"per article max     {ms[-1]:8.2f} ms")
    print(f"first tenth p50     {first:8.2f} ms")
    print(f"last tenth p50      {last:8.2f} ms   ({last / first:.2f}x the first)")
    print(f"re-ingest (no-op)   {args.articles / again:8.1f} articles/s")


if __name__ == "__main__":
    main()
