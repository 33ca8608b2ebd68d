"""Instructions per extracted article, counted by valgrind's callgrind.

Wall-clock extraction speed on a shared machine varies by tens of percent from
run to run (`bench_extract.py`); instruction counts repeat exactly, so two
versions of the engine are compared with this. Runs the interpreter under
callgrind twice, once only warming up (extracting N of bench_extract's articles
once, which compiles the packs and every scan they compile on first use) and
once extracting the same N again after that, and prints the difference per
article: the steady-state cost, as bench_extract times it after its warm-up.

    python benchmarks/count_instructions.py [--articles 40]

Needs `valgrind` on the PATH (about four minutes for the 32 articles of the corpus).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_COLLECTED = re.compile(r"Collected : (\d+)")


def chosen_articles(count: int) -> list[tuple[str, str, dt.date | None, str | None]]:
    """Up to `count` of bench_extract's articles, spread over all of them."""
    sys.path.insert(0, str(HERE))
    from bench_extract import articles

    arts = articles()
    step = max(1, len(arts) // max(count, 1))
    return arts[::step][:count]


def worker(count: int, measured: bool) -> None:
    """Extract the chosen articles once (compiling packs and the scans compiled
    on first use), then, when `measured`, the same articles again."""
    from movesboard.extract import extract

    chosen = chosen_articles(count)
    for _ in range(2 if measured else 1):
        for title, body, published, language in chosen:
            extract(body, title=title, published=published, language=language)


def instructions(count: int, measured: bool, out_dir: str) -> int:
    """Instructions callgrind counts for a worker on `count` articles."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out_dir}/callgrind.{int(measured)}",
            sys.executable,
            __file__,
            "--worker",
            str(count),
            *(["--measured"] if measured else []),
        ],
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict orders every run
        capture_output=True,
        text=True,
        check=True,
    )
    found = _COLLECTED.search(run.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=40, help="articles to extract (default 40)")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--measured", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker is not None:
        worker(args.worker, args.measured)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("count_instructions: valgrind is not installed")
    with tempfile.TemporaryDirectory() as out_dir:
        base = instructions(args.articles, False, out_dir)
        total = instructions(args.articles, True, out_dir)
    # Divided by the articles really extracted (the corpus may hold fewer than asked).
    extracted = len(chosen_articles(args.articles))
    per_article = (total - base) / extracted
    print(f"{per_article / 1e6:.2f} M instructions per article ({extracted} articles)")


if __name__ == "__main__":
    main()
