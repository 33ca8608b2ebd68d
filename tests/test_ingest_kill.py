"""A process killed mid-ingest leaves a consistent database, and a re-run completes the rest."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from movesboard.models.db import Database

CORPUS = Path(__file__).parent / "corpus" / "shared"
ARTICLES = 120
DEADLINE = 30.0


def make_folder(folder: Path, count: int) -> None:
    """Corpus articles made unique by a trailing line (and without their url: line,
    which would make the copies one article by canonical URL)."""
    folder.mkdir()
    templates = sorted(CORPUS.glob("*.txt"))
    for n in range(count):
        lines = templates[n % len(templates)].read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.startswith("url:"))
        (folder / f"{n:05d}.txt").write_text(f"{text}\nCopy {n}.\n", encoding="utf-8")


def ingest(db_path: Path | str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "movesboard", "--db", str(db_path), "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _rows(db: Path | str, query: str) -> list[tuple[Any, ...]]:
    """Rows read past the app, from a SQLite path or a PostgreSQL URL."""
    database = Database.open(str(db), migrate=False)
    try:
        with database.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        database.dispose()


def count(db: Path | str) -> int:
    try:
        return int(_rows(db, "SELECT count(*) FROM article")[0][0])
    except Exception:  # not created yet
        return 0


def facts_per_article(db: Path | str) -> dict[str, tuple[int, int]]:
    """body (less its "Copy N." line) -> (mentions, moves), for every stored article."""
    return {
        re.sub(r"\nCopy \d+\.$", "", body.rstrip()): (mentions, moves)
        for body, mentions, moves in _rows(
            db,
            "SELECT a.body,"
            " (SELECT count(*) FROM mention m WHERE m.article_id = a.id),"
            " (SELECT count(*) FROM move v WHERE v.article_id = a.id)"
            " FROM article a",
        )
    }


def check_consistent(db: Path | str, reference: dict[str, tuple[int, int]]) -> int:
    if not str(db).startswith("postgresql"):  # PostgreSQL checks both on every write
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = count(db)
    # Each stored article has exactly the mentions and moves a clean run gives it.
    for body, facts in facts_per_article(db).items():
        assert facts == reference[body], body[:60]
    return stored


def test_sigkill_mid_ingest_leaves_every_article_whole(tmp_path: Path, unmigrated_url: str) -> None:
    folder = tmp_path / "articles"
    make_folder(folder, ARTICLES)

    # What an uninterrupted run stores for each corpus article.
    templates = tmp_path / "templates"
    make_folder(templates, len(list(CORPUS.glob("*.txt"))))
    reference_db = tmp_path / "reference.db"
    done = subprocess.run(
        [sys.executable, "-m", "movesboard", "--db", str(reference_db), "ingest", str(templates)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    reference = facts_per_article(reference_db)
    assert len(reference) == len(list(templates.iterdir()))

    db_path = unmigrated_url
    process = ingest(db_path, folder)
    end = time.monotonic() + DEADLINE
    while count(db_path) < 10 and time.monotonic() < end and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=DEADLINE)
    assert process.returncode == -signal.SIGKILL
    stored = check_consistent(db_path, reference)
    assert 0 < stored < ARTICLES, "the kill should land mid-ingest"

    rerun = subprocess.run(
        [sys.executable, "-m", "movesboard", "--db", str(db_path), "ingest", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(
        f"{ARTICLES} articles: {ARTICLES - stored} new, {stored} unchanged, 0 failed;"
    )
    assert check_consistent(db_path, reference) == ARTICLES


def test_sigterm_stops_cleanly_with_a_summary(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    make_folder(folder, 60)
    db_path = tmp_path / "stopped.db"
    process = ingest(db_path, folder)
    end = time.monotonic() + DEADLINE
    while count(db_path) < 5 and time.monotonic() < end and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=DEADLINE)
    assert process.returncode == 130, (out, err)
    assert out.strip().endswith("(interrupted)")
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # The article in flight was finished: the summary counts exactly what is stored.
    assert out.startswith(f"{count(db_path)} articles: {count(db_path)} new"), out
