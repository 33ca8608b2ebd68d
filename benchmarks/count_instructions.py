"""Instructions per extracted article, counted by valgrind's callgrind.

Wall-clock extraction speed on a shared machine varies by tens of percent from
run to run (`bench_extract.py`); instruction counts repeat exactly, so two
versions of the engine are compared with this. Runs the interpreter under
callgrind twice, once warming up the packs only and once also extracting N of
bench_extract's articles, and prints the difference per article.

    python benchmarks/count_instructions.py [--articles 40]

Needs `valgrind` on the PATH (about a minute for 40 articles).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_COLLECTED = re.compile(r"Collected : (\d+)")


def worker(count: int) -> None:
    """Extract one article per language (compiling its pack), then `count` more."""
    sys.path.insert(0, str(HERE))
    from bench_extract import articles

    from movesboard.extract import extract

    arts = articles()
    seen: set[str | None] = set()
    for title, body, published, language in arts:
        if language not in seen:
            seen.add(language)
            extract(body, title=title, published=published, language=language)
    step = max(1, len(arts) // max(count, 1))
    for title, body, published, language in arts[::step][:count]:
        extract(body, title=title, published=published, language=language)


def instructions(count: int, out_dir: str) -> int:
    """Instructions callgrind counts for a worker extracting `count` articles."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out_dir}/callgrind.{count}",
            sys.executable,
            __file__,
            "--worker",
            str(count),
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
    args = ap.parse_args()
    if args.worker is not None:
        worker(args.worker)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("count_instructions: valgrind is not installed")
    with tempfile.TemporaryDirectory() as out_dir:
        base = instructions(0, out_dir)
        total = instructions(args.articles, out_dir)
    per_article = (total - base) / args.articles
    print(f"{per_article / 1e6:.2f} M instructions per article ({args.articles} articles)")


if __name__ == "__main__":
    main()
