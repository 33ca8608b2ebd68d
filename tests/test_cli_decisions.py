"""The decision commands: people, orgs, moves, review and rebuild, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from movesboard.cli import main

CORPUS = Path(__file__).parent / "corpus" / "shared"


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(db_path), "ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    return str(db_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def people(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, dict]:
    _, out, _ = run(capsys, "--db", db, "export", "people")
    return {p["name"]: p for p in map(json.loads, out.splitlines())}


def test_merge_split_rename_and_rebuild(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "people", "merge", "Mira Murati", "Andrej Karpathy")
    assert code == 0 and "merged Andrej Karpathy into" in out
    assert "Andrej Karpathy" not in people(capsys, db) or "Mira Murati" not in people(capsys, db)
    code, out, _ = run(capsys, "--db", db, "people", "split", "Mira Murati", "Andrej Karpathy")
    assert code == 0 and "now its own person" in out
    code, out, _ = run(capsys, "--db", db, "people", "rename", "Karpathy", "Andrej K.")
    assert code == 0 and "renamed Andrej Karpathy to Andrej K." in out
    code, out, _ = run(capsys, "--db", db, "rebuild")
    assert code == 0 and "decisions re-applied" in out
    names = people(capsys, db)
    assert "Andrej K." in names and "Mira Murati" in names and "Andrej Karpathy" not in names


def test_orgs_parent_and_its_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "orgs", "parent", "Eureka Labs", "OpenAI")
    assert code == 0 and "Eureka Labs is now part of OpenAI" in out
    code, _, err = run(capsys, "--db", db, "orgs", "parent", "OpenAI", "Eureka Labs")
    assert code == 1 and "loop" in err
    code, _, err = run(capsys, "--db", db, "orgs", "parent", "Nowhere Inc", "OpenAI")
    assert code == 1 and err.strip() == "movesboard: no organisation called 'Nowhere Inc'"
    assert run(capsys, "--db", db, "orgs", "parent", "Eureka Labs", "none")[0] == 0


def test_moves_list_confirm_reject(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "moves", "list", "--person", "Karpathy")
    assert code == 0
    first = out.splitlines()[0]
    move_id = first.split()[0].lstrip("#")
    assert "Andrej Karpathy" in first and "pending" in first
    assert run(capsys, "--db", db, "moves", "reject", move_id)[1].strip().endswith("rejected")
    code, out, _ = run(capsys, "--db", db, "moves", "list", "--person", "Karpathy")
    assert f"#{move_id} " not in out  # rejected moves leave the timeline
    code, _, err = run(capsys, "--db", db, "moves", "confirm", "999999")
    assert code == 1 and "no move" in err


def test_review_and_ambiguous_names(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "review")
    assert code == 0 and out.strip()
    code, _, err = run(capsys, "--db", db, "people", "merge", "Nobody Atall", "Mira Murati")
    assert code == 1 and "no person called 'Nobody Atall'" in err
