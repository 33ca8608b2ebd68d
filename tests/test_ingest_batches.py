"""Batched ingest (issue 14): many articles per transaction, each its own atomic unit.

`ingest_items` stores articles in batches with a savepoint per article, and
extracts ahead in a worker process. An article that fails to store rolls
back alone: the others of its batch are stored, it is reported failed, and a
re-run stores it. The order of storage is the order of the articles, with a
worker or without.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from movesboard import pipeline
from movesboard.ingest import ReadOptions
from movesboard.models import store
from movesboard.models.db import Database
from movesboard.pipeline import IngestSummary, Outcome, collect_items, ingest_items

CORPUS = Path(__file__).parent / "corpus" / "shared"


def make_folder(folder: Path, count: int) -> list[Path]:
    """`count` corpus articles made unique by a trailing line and their own URL."""
    folder.mkdir()
    templates = sorted(CORPUS.glob("*.txt"))
    paths = []
    for n in range(count):
        template = templates[n % len(templates)].read_text(encoding="utf-8")
        template = template.replace("url: https://", f"url: https://copy{n}.", 1)
        path = folder / f"{n:03d}.txt"
        path.write_text(f"{template}\nCopy {n}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_folder(database: Database, folder: Path) -> tuple[IngestSummary, list[Outcome]]:
    summary = IngestSummary()
    outcomes: list[Outcome] = []
    items = collect_items([folder], ReadOptions(), summary)
    ingest_items(database, items, summary=summary, on_outcome=outcomes.append)
    return summary, outcomes


def rows(database: Database, query: str) -> list[tuple[Any, ...]]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


def test_an_article_failing_to_store_rolls_back_alone_and_is_stored_on_a_rerun(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_folder(tmp_path / "articles", 6)
    doomed = str(paths[2])
    real_store = store.store_article

    def store_then_fail(session, doc, extraction, names=None):  # type: ignore[no-untyped-def]
        result = real_store(session, doc, extraction, names)
        if doc.source == doomed:
            raise RuntimeError("disk on fire")  # after its rows were written
        return result

    monkeypatch.setattr(store, "store_article", store_then_fail)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 60.0)  # all six in one batch
    summary, outcomes = ingest_folder(database, tmp_path / "articles")

    assert [outcome.status for outcome in outcomes] == ["new", "new", "failed", "new", "new", "new"]
    assert summary.failed == 1 and "disk on fire" in summary.errors[0]
    assert rows(database, "SELECT count(*) FROM article") == [(5,)]
    # Nothing of the failed article stayed: its rows went with its savepoint,
    # and the change log names only stored articles.
    assert rows(database, f"SELECT count(*) FROM article WHERE source = '{doomed}'") == [(0,)]
    assert rows(
        database,
        "SELECT count(*) FROM change_log WHERE article_id NOT IN (SELECT id FROM article)",
    ) == [(0,)]
    moves_before = rows(database, "SELECT count(*) FROM move")

    monkeypatch.setattr(store, "store_article", real_store)
    again, outcomes = ingest_folder(database, tmp_path / "articles")
    assert [outcome.status for outcome in outcomes] == ["unchanged"] * 2 + ["new"] + [
        "unchanged"
    ] * 3
    assert again.ok
    assert rows(database, "SELECT count(*) FROM article") == [(6,)]
    assert rows(database, "SELECT count(*) FROM move")[0][0] > moves_before[0][0]


def test_batches_are_committed_whole_and_reported_in_order(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_folder(tmp_path / "articles", 7)
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", 3)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 60.0)  # a slow machine ends none early
    seen: list[int] = []

    def stored_so_far(outcome: Outcome) -> None:
        # Reported only once its batch is committed: another connection sees it.
        assert outcome.result is not None
        found = rows(
            database, f"SELECT count(*) FROM article WHERE id = {outcome.result.article_id}"
        )
        assert found == [(1,)]
        seen.append(outcome.result.article_id)

    writing: set[int] = set()  # connections whose transaction stored an article
    commits: list[int] = []

    def on_statement(connection, cursor, statement, *_: object) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO article "):
            writing.add(id(connection))

    def on_commit(connection) -> None:  # type: ignore[no-untyped-def]
        if id(connection) in writing:
            writing.discard(id(connection))
            commits.append(1)

    event.listen(database.engine, "before_cursor_execute", on_statement)
    event.listen(database.engine, "commit", on_commit)
    try:
        summary = IngestSummary()
        items = collect_items([tmp_path / "articles"], ReadOptions(), summary)
        ingest_items(database, items, summary=summary, on_outcome=stored_so_far)
    finally:
        event.remove(database.engine, "before_cursor_execute", on_statement)
        event.remove(database.engine, "commit", on_commit)
    assert summary.new == 7 and seen == sorted(seen)
    assert len(commits) == 3  # 3 + 3 + 1 articles, not a transaction each


def test_a_worker_stores_what_this_process_would_in_the_same_order(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_folder(tmp_path / "articles", 8)
    monkeypatch.setattr(pipeline, "POOL_MIN_ARTICLES", 1)
    monkeypatch.setattr(pipeline, "_workers_for", lambda articles: 1)
    summary, _ = ingest_folder(database, tmp_path / "articles")
    assert summary.ok and summary.new == 8

    here = Database.open(str(tmp_path / "here.db"))
    try:
        monkeypatch.setattr(pipeline, "_workers_for", lambda articles: 0)
        ingest_folder(here, tmp_path / "articles")
        query = (
            "SELECT a.source, p.name, v.evidence FROM move v"
            " JOIN article a ON a.id = v.article_id JOIN person p ON p.id = v.person_id"
            " ORDER BY v.id"
        )
        assert rows(database, query) == rows(here, query)
    finally:
        here.dispose()


def test_re_ingesting_stores_nothing_new(database: Database, tmp_path: Path) -> None:
    make_folder(tmp_path / "articles", 5)
    first, _ = ingest_folder(database, tmp_path / "articles")
    counts = rows(database, "SELECT (SELECT count(*) FROM move), (SELECT count(*) FROM person)")
    again, _ = ingest_folder(database, tmp_path / "articles")
    assert (first.new, again.new, again.unchanged) == (5, 0, 5)
    assert (
        rows(database, "SELECT (SELECT count(*) FROM move), (SELECT count(*) FROM person)")
        == counts
    )


def test_an_article_whose_batch_cannot_begin_is_stored_alone_and_reported(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write lock not granted in time (SQLite's busy timeout) for the batch's
    first savepoint: the article is not lost from the summary, it goes alone."""
    from sqlalchemy.exc import OperationalError

    make_folder(tmp_path / "articles", 3)
    real_begin = pipeline._begin_for_savepoints
    calls = []

    def locked_once(session):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
        real_begin(session)

    monkeypatch.setattr(pipeline, "_begin_for_savepoints", locked_once)
    summary, outcomes = ingest_folder(database, tmp_path / "articles")
    assert [outcome.status for outcome in outcomes] == ["new", "new", "new"]
    assert summary.new == 3
    assert rows(database, "SELECT count(*) FROM article") == [(3,)]
