"""A team on one PostgreSQL database: several `ingest` processes at once lose nothing.

Usage: python benchmarks/bench_team.py [--writers 4] [--articles 250] [--admin URL]

Writes WRITERS x ARTICLES distinct articles (the shared corpus's articles,
each copy made unique by a closing line), ingests them all with one process
into one new database, then with WRITERS concurrent `movesboard ingest`
processes (a folder each) into another, and prints: articles stored and
duplicates, moves and people in each, whether the two hold the same moves,
and both wall times. `--admin` is a URL of any database on the server
(default: postgresql+psycopg://root@127.0.0.1:5432/test); the two databases
are made and dropped by the script.

Not measured yet (issue 12): how long a new move takes to show on an open
dashboard; the dashboard still polls.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "shared"
# Each move: who (by the cluster's name key: which of equally full names a
# cluster shows depends on which article was stored first), from, to, when.
MOVES = """
SELECT p.key, f.name, t.name, m.date, m.modality
FROM move m
JOIN person a ON a.id = m.person_id
JOIN person p ON p.id = coalesce(a.merged_into_id, a.id)
LEFT JOIN organization f ON f.id = m.from_org_id
LEFT JOIN organization t ON t.id = m.to_org_id
"""


def write_articles(folder: Path, writers: int, per_writer: int) -> list[Path]:
    """One folder per writer, its articles numbered across all of them."""
    templates = sorted(CORPUS.glob("*.txt"))
    folders = []
    for writer in range(writers):
        part = folder / f"writer-{writer}"
        part.mkdir(parents=True)
        for i in range(per_writer):
            n = writer * per_writer + i
            lines = templates[n % len(templates)].read_text(encoding="utf-8").splitlines()
            body = "\n".join(line for line in lines if not line.startswith("url:"))
            (part / f"{n:05d}.txt").write_text(f"{body}\nCopy {n}.\n", encoding="utf-8")
        folders.append(part)
    return folders


def admin_execute(admin: str, statement: str) -> None:
    url = make_url(admin)
    with psycopg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
    ) as connection:
        connection.execute(statement)


def ingest(url: str, folders: list[Path]) -> float:
    """Wall time of one `ingest` process per folder, all at once."""
    started = time.perf_counter()
    argv = [sys.executable, "-m", "movesboard", "--db", url, "ingest"]
    procs = [
        subprocess.Popen([*argv, str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in folders
    ]
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"an ingest process failed ({proc.returncode}): {err.strip() or out.strip()}")
    return time.perf_counter() - started


def contents(url: str) -> tuple[int, int, int, int, list[tuple[str, ...]]]:
    """(articles, distinct bodies, moves, people, the moves as read)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        articles = connection.execute(text("SELECT count(*) FROM article")).scalar_one()
        bodies = connection.execute(text("SELECT count(DISTINCT body) FROM article")).scalar_one()
        people = connection.execute(
            text("SELECT count(*) FROM person WHERE merged_into_id IS NULL")
        ).scalar_one()
        moves = sorted(tuple(map(str, row)) for row in connection.execute(text(MOVES)))
    engine.dispose()
    return articles, bodies, len(moves), people, moves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--articles", type=int, default=250, help="per writer")
    parser.add_argument("--admin", default="postgresql+psycopg://root@127.0.0.1:5432/test")
    args = parser.parse_args()
    names = [f"movesboard_bench_{os.getpid()}_{kind}" for kind in ("one", "team")]
    urls = [make_url(args.admin).set(database=n).render_as_string(False) for n in names]
    with tempfile.TemporaryDirectory() as scratch:
        folders = write_articles(Path(scratch), args.writers, args.articles)
        for name in names:
            admin_execute(args.admin, f'CREATE DATABASE "{name}"')
        try:
            one_seconds = ingest(urls[0], [Path(scratch)])
            team_seconds = ingest(urls[1], folders)
            one, team = contents(urls[0]), contents(urls[1])
        finally:
            for name in names:
                admin_execute(args.admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    total = args.writers * args.articles
    print(f"{total} articles, {args.writers} writers of {args.articles} each")
    for label, (articles, bodies, moves, people, _), seconds in (
        ("one process", one, one_seconds),
        (f"{args.writers} processes", team, team_seconds),
    ):
        print(
            f"  {label:<12} {articles:5d} stored ({articles - bodies} duplicates), "
            f"{moves} moves, {people} people, {seconds:6.1f} s wall"
        )
    print(f"  same moves in both: {'yes' if one[4] == team[4] else 'NO'}")
    only_one = sorted(set(one[4]) - set(team[4]))
    only_team = sorted(set(team[4]) - set(one[4]))
    for label, rows in (("only in one", only_one), ("only in team", only_team)):
        for row in rows[:5]:
            print(f"    {label}: {' | '.join(row)}")


if __name__ == "__main__":
    main()
