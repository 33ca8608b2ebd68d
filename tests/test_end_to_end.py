"""From a fresh database: the seed articles give the moves the product was born from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.models import queries
from movesboard.models.db import Database
from movesboard.pipeline import seed

SEED_MOVES = {
    ("Jason Wei", "OpenAI", "Meta"),
    ("Hyung Won Chung", "OpenAI", "Meta"),
    ("Yang Song", "OpenAI", "Meta Superintelligence Labs"),
    ("Shengjia Zhao", "OpenAI", "Meta Superintelligence Labs"),
    ("Aurko Roy", "Meta", "Microsoft AI"),
}


@pytest.fixture
def seeded_db(database: Database) -> Database:
    """Seeded, on SQLite and on PostgreSQL."""
    summary = seed(database)
    assert summary.new == 2 and summary.failed == 0, summary.errors
    return database


def test_seed_moves_with_their_evidence(
    seeded_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", seeded_db.url, "export", "moves", "--format", "jsonl"]) == 0
    moves = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    found = {(m["person"], m["from"], m["to"]) for m in moves}
    assert found >= SEED_MOVES
    bodies = {
        path.name: path.read_text(encoding="utf-8")
        for path in (Path(__file__).parent.parent / "seeds").glob("*.txt")
    }
    for move in moves:
        assert move["evidence"], move
        assert any(move["evidence"] in body for body in bodies.values()), move["evidence"]
        assert move["article"].endswith(".txt")
        assert move["status"] == "pending" and 0 <= move["confidence"] <= 1


def test_surname_mentions_attach_to_the_full_name(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        names = {p.name for p in queries.people(session, limit=1000)}
        song = next(p for p in queries.people(session) if p.name == "Yang Song")
        detail = queries.person_detail(session, song.id)
    assert {"Jason Wei", "Hyung Won Chung", "Yang Song", "Shengjia Zhao", "Aurko Roy"} <= names
    assert not names & {"Song", "Zhao", "Wei", "Chung", "Roy"}
    assert detail is not None and "Song" in detail.aliases


def test_seeding_twice_changes_nothing(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        before = queries.totals(session)
    summary = seed(seeded_db)
    assert summary.new == 0 and summary.unchanged == 2
    with seeded_db.session() as session:
        assert queries.totals(session) == before


def test_organisations_know_their_parents(seeded_db: Database) -> None:
    with seeded_db.session() as session:
        parents = {o.name: o.parent for o in queries.organizations(session)}
    assert parents["Meta Superintelligence Labs"] == "Meta"
    assert parents["Microsoft AI"] == "Microsoft"
