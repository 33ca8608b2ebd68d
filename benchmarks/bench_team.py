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

While the writers run, the real dashboard is open on the team database
(headless, in this process): for every move it prints how long after its
article's commit the dashboard had read it (median, p95, max). The dashboard
hears commits through LISTEN/NOTIFY; a move older than the rows loaded is
counted when read, as it is then placed where paging will show it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
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


@dataclass
class Heard:
    """When (time.time()) the open dashboard had each article's change and each move."""

    articles: dict[int, float] = field(default_factory=dict)
    moves: dict[int, float] = field(default_factory=dict)


async def ingest_watched(url: str, folders: list[Path]) -> tuple[float, Heard]:
    """`ingest(url, folders)` with a dashboard open on `url`: the wall time, and
    when the dashboard heard of each article and read each move it shows."""
    from movesboard.tui.dashboard import DashboardScreen
    from movesboard.tui.timeline_pane import TimelinePane

    heard = Heard()
    hooks = {
        (DashboardScreen, "changed"): lambda batch: heard.articles.update(
            dict.fromkeys(batch.article_ids, time.time())
        ),
        (TimelinePane, "arrived"): lambda where, ids, moves: [
            heard.moves.setdefault(move.id, time.time()) for move in moves
        ],
    }
    originals = {key: getattr(*key) for key in hooks}
    for (cls, name), note in hooks.items():
        setattr(cls, name, _noting(originals[cls, name], note))
    try:
        seconds = await _with_dashboard(url, folders)
    finally:
        for (cls, name), original in originals.items():
            setattr(cls, name, original)
    return seconds, heard


def _noting(method, note):  # type: ignore[no-untyped-def]
    def noted(self, *args):  # type: ignore[no-untyped-def]
        note(*args)
        return method(self, *args)

    return noted


async def _with_dashboard(url: str, folders: list[Path]) -> float:
    from movesboard.tui.app import MovesboardApp

    app = MovesboardApp(db=url, seed=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()  # migrated and shown: now the writers start
        await pilot.pause()
        seconds = await asyncio.to_thread(ingest, url, folders)
        await asyncio.sleep(3.0)  # the last commits' notifications
    return seconds


def latencies(url: str, heard: Heard) -> tuple[list[float], list[float]]:
    """Seconds from each commit to the dashboard hearing of it, per article and
    per move the timeline shows (a repeated report is shown once, as its
    first); one never heard of counts as infinite."""
    from sqlmodel import Session, select

    from movesboard.models.queries import once
    from movesboard.models.tables import Change, Move

    engine = create_engine(url)
    with Session(engine) as session:
        changes = session.exec(
            select(Change.article_id, Change.committed_at).where(Change.kind == "article")
        ).all()
        shown = once(
            select(Move.id, Change.committed_at).join(
                Change, (Change.article_id == Move.article_id) & (Change.kind == "article")
            )
        )
        moves = session.exec(shown).all()
    engine.dispose()
    return _delays(changes, heard.articles), _delays(moves, heard.moves)


def _delays(committed, heard: dict[int, float]) -> list[float]:  # type: ignore[no-untyped-def]
    return sorted(heard.get(key, float("inf")) - at.timestamp() for key, at in committed)


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
            team_seconds, heard = asyncio.run(ingest_watched(urls[1], folders))
            one, team = contents(urls[0]), contents(urls[1])
            by_article, by_move = latencies(urls[1], heard)
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
    for label, delays in (("articles", by_article), ("moves shown", by_move)):
        if delays:
            median, p95 = delays[len(delays) // 2], delays[int(len(delays) * 0.95)]
            missed = sum(1 for d in delays if d == float("inf"))
            print(
                f"  open dashboard, {len(delays)} {label}: heard {median:.2f} s after their "
                f"commit (median), p95 {p95:.2f} s, max {delays[-1]:.2f} s; {missed} never"
            )
    only_one = sorted(set(one[4]) - set(team[4]))
    only_team = sorted(set(team[4]) - set(one[4]))
    for label, rows in (("only in one", only_one), ("only in team", only_team)):
        for row in rows[:5]:
            print(f"    {label}: {' | '.join(row)}")


if __name__ == "__main__":
    main()
