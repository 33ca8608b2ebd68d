"""Paging the People and Articles panes, from the top and from deep in the list, at scale.

Usage: python benchmarks/bench_paging.py [--db PATH] [--people N] [--articles N]
       [--pages 30]  (built with bench_tui_synthetic.py at 100k articles /
       100k people / 200k moves if missing)

Each page is what a pane's worker reads when the cursor nears the end of what
is loaded: `Pane.fetch(data, last)`, the next page after the last row
(tui/panes.py). Timed per page, `--pages` in a row, from the top and from 90%
of the way down; the row to start deep from is found with plain SQL in the
panes' order, so the figure does not depend on how the panes page.

Issue 14, on a 2-core machine: by OFFSET, a People page 90% down cost ~300 ms
at 100k people and ~6.5 s at 1M (`--people 1000000`); by keyset ~12 ms and
~6 ms (the rest is each person's moves), the same as at the top.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tui_synthetic import build

from movesboard.models.rows import ArticleRow, PersonRow
from movesboard.tui.data import DataSource
from movesboard.tui.panes import ArticlesPane, Pane, PeoplePane

DEEP = 0.9  # where "deep" starts, as a fraction of the list

# The row at a position in each pane's order, read without the code under test.
PERSON_AT = (
    "SELECT id, name FROM person WHERE merged_into_id IS NULL "
    "ORDER BY lower(name), id LIMIT 1 OFFSET ?"
)
ARTICLE_AT = (
    "SELECT id, title, published, language, source FROM article "
    "ORDER BY published IS NULL, published DESC, id DESC LIMIT 1 OFFSET ?"
)


def person_at(connection: sqlite3.Connection, position: int) -> PersonRow:
    person_id, name = connection.execute(PERSON_AT, (position,)).fetchone()
    return PersonRow(person_id, name, None, 0)


def article_at(connection: sqlite3.Connection, position: int) -> ArticleRow:
    article_id, title, published, language, source = connection.execute(
        ARTICLE_AT, (position,)
    ).fetchone()
    day = dt.date.fromisoformat(published) if published else None
    return ArticleRow(article_id, title, day, language, source, 0)


def walk(pane: Pane[Any], data: DataSource, last: Any, pages: int) -> list[float]:
    """Milliseconds per page for `pages` pages after `last`."""
    times = []
    for _ in range(pages):
        started = time.perf_counter()
        page: Sequence[Any] = pane.fetch(data, last)
        times.append((time.perf_counter() - started) * 1000)
        if len(page) < 2:
            break
        last = page[-2]  # the last row shown: the one after it is the peek (tui/data.py)
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(
        f"{label}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ordered[-1]:.1f} ms over {len(times)} pages"
    )


def measure(db: Path, pages: int) -> None:
    data = DataSource(str(db), seed=False)
    data.open()
    connection = sqlite3.connect(db)
    counts = {
        "People": connection.execute(
            "SELECT count(*) FROM person WHERE merged_into_id IS NULL"
        ).fetchone()[0],
        "Articles": connection.execute("SELECT count(*) FROM article").fetchone()[0],
    }
    panes: list[tuple[str, Pane[Any], Callable[[sqlite3.Connection, int], Any]]] = [
        ("People", PeoplePane(), person_at),
        ("Articles", ArticlesPane(), article_at),
    ]
    for name, pane, row_at in panes:
        pane.fetch(data, row_at(connection, 0))  # warm the statement cache
        report(f"{name}, from the top", walk(pane, data, row_at(connection, 0), pages))
        depth = int(counts[name] * DEEP)
        deep = walk(pane, data, row_at(connection, depth), pages)
        report(f"{name}, from row {depth + 1} of {counts[name]}", deep)
    connection.close()
    data.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "big.db"
    if not db.exists():
        build(db, articles=args.articles, people=args.people, moves=200_000)
    measure(db, args.pages)


if __name__ == "__main__":
    main()
