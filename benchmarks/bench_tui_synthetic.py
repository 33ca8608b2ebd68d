"""A large synthetic database for the dashboard benchmarks, filled fast with executemany.

Usage: python benchmarks/bench_tui_synthetic.py OUT.db [--articles 100000]
       [--people 50000] [--moves 200000]

Not through the extractor: rows go straight into SQLite (the schema comes from
the real migrations), so 100k articles / 50k people / 200k moves take seconds.
Deterministic for a given size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_names import synthetic_names

from movesboard.models import name_keys
from movesboard.models.db import Database
from movesboard.models.names import fold, organization_key, person_key

REAL_ORGS = ["OpenAI", "Google DeepMind", "Meta", "Meta Superintelligence Labs", "Anthropic"]


def build(
    path: Path, *, articles: int = 100_000, people: int = 50_000, moves: int = 200_000
) -> Path:
    """Create (or replace) a migrated SQLite database at `path` with synthetic rows."""
    path.unlink(missing_ok=True)
    Database.open(str(path)).dispose()  # the real schema, through the migrations
    rng = random.Random(5)
    now = dt.datetime(2026, 1, 1).isoformat(sep=" ")
    org_names = REAL_ORGS + [f"Lab {n} AI" for n in range(2000)]
    names = synthetic_names(people)
    start = dt.date(2015, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - start

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        connection.executemany(
            "INSERT INTO organization (id, name, key, parent_id, created_at) VALUES (?,?,?,?,?)",
            (
                (i + 1, name, organization_key(name), 3 if name.startswith("Meta S") else None, now)
                for i, name in enumerate(org_names)
            ),
        )
        connection.executemany(
            "INSERT INTO person (id, uid, atom_name, name, key, named_by_user, created_at) "
            "VALUES (?,?,?,?,?,0,?)",
            (
                (i + 1, f"p-{i:013x}", name.title(), name.title(), person_key(name), now)
                for i, name in enumerate(names)
            ),
        )
        aliases = [(i + 1, None, name.title(), fold(name)) for i, name in enumerate(names)]
        aliases += [(None, i + 1, name, fold(name)) for i, name in enumerate(org_names)]
        connection.executemany(
            "INSERT INTO alias (person_id, organization_id, name, norm) VALUES (?,?,?,?)", aliases
        )
        connection.executemany(
            "INSERT INTO article (id, source, title, published, language, body, content_hash, "
            "ingested_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                (
                    i + 1,
                    f"synthetic/{i}.txt",
                    f"Synthetic story {i}: researchers on the move",
                    dt.date.fromordinal(start + rng.randrange(span)).isoformat(),
                    "id" if i % 5 == 0 else "en",
                    f"Synthetic story {i}. Somebody joined somewhere.",
                    hashlib.sha256(str(i).encode()).hexdigest(),
                    now,
                )
                for i in range(articles)
            ),
        )

        def move(i: int) -> tuple[object, ...]:
            dated = rng.random() < 0.8
            date = dt.date.fromordinal(start + rng.randrange(span)) if dated else None
            precision = rng.choice(("day", "month", "year")) if dated else None
            if precision == "month" and date:
                date = date.replace(day=1)
            elif precision == "year" and date:
                date = date.replace(month=1, day=1)
            origin = rng.randrange(len(org_names)) + 1 if rng.random() < 0.9 else None
            confidence = round(rng.uniform(0.3, 1.0), 2)
            return (
                i + 1,
                f"m-{i:013x}",
                rng.randrange(people) + 1,
                origin,
                rng.randrange(len(org_names)) + 1,
                rng.choice((None, "researcher", "engineer", "head of research")),
                date.isoformat() if date else None,
                precision,
                rng.randrange(articles) + 1,
                f"Person {i} joined a lab, the article says.",
                confidence,
                "pending" if confidence < 0.6 else "confirmed",
                now,
            )

        connection.executemany(
            "INSERT INTO move (id, uid, person_id, from_org_id, to_org_id, role, date, "
            "date_precision, article_id, evidence, evidence_start, confidence, status, "
            "modality, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,'stated',?)",
            (move(i) for i in range(moves)),
        )
    connection.close()
    # The name index kept with the aliases (models/name_keys.py): ingest files
    # each alias as it stores it; rows written here by SQL are filed at once.
    database = Database.open(str(path))
    with database.engine.begin() as keyed:
        name_keys.backfill(keyed)
    database.dispose()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--moves", type=int, default=200_000)
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.out, articles=args.articles, people=args.people, moves=args.moves)
    print(
        f"{args.out}: {args.articles} articles, {args.people} people, {args.moves} moves "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
