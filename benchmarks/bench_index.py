"""The name index: build time, lookup latency and resolution latency at 10k/100k/1M names.

Usage: python benchmarks/bench_index.py [--sizes 10000,100000,1000000] [--queries 300]

Budgets (issue 4): lookup p95 <= 10 ms at 100k and <= 50 ms at 1M; resolving
one mention median <= 1 ms at 1M; building the index at 1M <= 2 s.
Queries are stored names with one typo, or reordered, or a surname only.
The in-memory NameIndex first; then (--load) the same queries against the
index kept in SQLite (models/name_keys.py, issue 14), which every process now
reads instead of building the in-memory one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import synthetic_names, typo

from movesboard.models.index import RESOLVE, NameIndex
from movesboard.models.names import fold


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--load", type=int, default=1_000_000, help="aliases for the index kept in SQLite"
    )
    args = parser.parse_args()

    print(
        f"{'names':>9} {'build s':>8} {'lookup p50':>11} {'lookup p95':>11} "
        f"{'resolve p50':>12} {'top-1 hit':>9}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        names = [fold(name) for name in synthetic_names(size)]
        rows = [("person", i, name) for i, name in enumerate(names)]
        t0 = time.perf_counter()
        index = NameIndex.from_rows(rows)
        build = time.perf_counter() - t0

        queries, targets = sample_queries(names, args.queries)
        lookups, resolves, hits = [], [], 0
        for query, target in zip(queries, targets, strict=True):
            t0 = time.perf_counter()
            result = index.search(query, limit=10)
            lookups.append((time.perf_counter() - t0) * 1000)
            # Resolution asks for the best few people for an already-folded mention.
            t0 = time.perf_counter()
            index.search(query, limit=3, kind="person", folded=True, budget=RESOLVE)
            resolves.append((time.perf_counter() - t0) * 1000)
            # Right when the target is among the best-scored (equally good) names.
            best = [h for h in result if h.score == result[0].score] if result else []
            hits += any(names[h.entity_id] == names[target] for h in best)
        print(
            f"{size:>9} {build:>8.2f} {statistics.median(lookups):>9.2f}ms "
            f"{percentile(lookups, 0.95):>9.2f}ms {statistics.median(resolves):>10.2f}ms "
            f"{hits / len(queries):>9.1%}"
        )
    if args.load:
        load_from_database(args.load, args.queries)


def sample_queries(names: list[str], count: int) -> tuple[list[str], list[int]]:
    """Stored names with one typo, or reordered, or a surname only; and their positions."""
    size = len(names)
    rng = random.Random(size)
    targets = [rng.randrange(size) for _ in range(count)]
    queries = []
    for n, target in enumerate(targets):
        tokens = names[target].split()
        style = n % 3
        if style == 0:
            queries.append(typo(names[target], rng))
        elif style == 1:
            queries.append(" ".join(reversed(tokens)))
        else:
            queries.append(" ".join(tokens[-2:]))
    return queries, targets


def load_from_database(size: int, count: int) -> None:
    """The index a process now reads from the database (models/name_keys.py):
    nothing to load; the same queries as above, through SQLite."""
    import sqlite3
    import tempfile

    from movesboard.models import name_keys
    from movesboard.models.db import Database

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "names.db"
        database = Database.open(str(path))
        names = synthetic_names(size)
        connection = sqlite3.connect(path)
        connection.executemany(
            "INSERT INTO person (id, uid, atom_name, name, key, named_by_user, created_at) "
            "VALUES (?, ?, ?, ?, ?, 0, '2025-01-01')",
            ((i + 1, f"p-{i:013x}", n, n, n) for i, n in enumerate(names)),
        )
        connection.executemany(
            "INSERT INTO alias (person_id, name, norm) VALUES (?, ?, ?)",
            ((i + 1, n, fold(n)) for i, n in enumerate(names)),
        )
        connection.commit()
        connection.close()
        t0 = time.perf_counter()
        with database.engine.begin() as keyed:  # what the 0010 upgrade does once
            name_keys.backfill(keyed)
        keying = time.perf_counter() - t0
        folded = [fold(name) for name in names]
        lookups, resolves = [], []
        with database.session() as session:
            index = name_keys.StoredIndex(session.connection())
            for query, _ in zip(*sample_queries(folded, count), strict=True):
                t0 = time.perf_counter()
                index.search(query, limit=10)
                lookups.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                index.search(query, limit=3, kind="person", folded=True, budget=RESOLVE)
                resolves.append((time.perf_counter() - t0) * 1000)
        database.dispose()
    print(
        f"stored in SQLite, {size} aliases: keyed in {keying:.1f} s (once, at the upgrade); "
        f"lookup p50 {statistics.median(lookups):.2f} ms, p95 {percentile(lookups, 0.95):.2f} ms; "
        f"resolve p50 {statistics.median(resolves):.2f} ms"
    )


if __name__ == "__main__":
    main()
