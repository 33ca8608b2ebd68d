"""HTML to article: milliseconds per page for the extraction step alone (no database).

Usage: python benchmarks/bench_html.py [--rounds N]

Parses the test fixture pages (tests/fixtures/web/*.html, 1-9 KB each) with
`parse_html` N times each and prints the median and p95 per page, plus the
one-off cost of importing trafilatura, which `movesboard ingest` pays only when
a page is actually ingested.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "web"
BASE = "http://127.0.0.1:9"


def import_ms(module: str) -> float:
    """Cold import time in a fresh interpreter (best of three)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(3)
    ]
    return min(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    from movesboard.ingest import IngestError
    from movesboard.ingest.html import parse_html

    pages = {
        path.name: path.read_bytes().replace(b"{{BASE}}", BASE.encode())
        for path in sorted(FIXTURES.glob("*.html"))
    }
    for module in ("trafilatura", "feedparser", "urllib3", "charset_normalizer", "watchfiles"):
        print(f"import {module:<20} {import_ms(module):8.1f} ms")
    parse_html(pages["en-article.html"], "warm-up")

    print(f"{'page':<26} {'KB':>5} {'median ms':>10} {'p95 ms':>8}")
    everything: list[float] = []
    for name, raw in pages.items():
        times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            with contextlib.suppress(IngestError):  # no-text.html: its error path is timed
                parse_html(raw, name)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        everything.extend(times)
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{name:<26} {len(raw) / 1024:5.1f} {statistics.median(times):10.2f} {p95:8.2f}")
    print(f"{'all pages':<26} {'':>5} {statistics.median(everything):10.2f}")


if __name__ == "__main__":
    main()
