"""The decision commands: people, orgs, moves, review and rebuild, end to end.

Every test runs on SQLite and on PostgreSQL (the `database` fixture), through
the commands a user types with `--db URL`. Things are named by the references
that survive a rebuild: move and person uids, organisation keys.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from movesboard.cli import main
from movesboard.models.db import Database
from movesboard.models.tables import Alias, Move, Person

CORPUS = Path(__file__).parent / "corpus" / "shared"


@pytest.fixture
def db(database: Database, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", database.url, "ingest", str(CORPUS)]) == 0
    capsys.readouterr()
    return database.url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def people(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, dict]:
    _, out, _ = run(capsys, "--db", db, "export", "people")
    return {p["name"]: p for p in map(json.loads, out.splitlines())}


def moves(capsys: pytest.CaptureFixture[str], db: str, person: str) -> list[list[str]]:
    """`moves list --person` as rows of words: [uid, when, status, ...]."""
    code, out, err = run(capsys, "--db", db, "moves", "list", "--person", person)
    assert code == 0, err
    return [line.split() for line in out.splitlines()]


def person_uid(capsys: pytest.CaptureFixture[str], db: str, name: str) -> str:
    """The uid `lookup` shows for the best person match."""
    code, out, err = run(capsys, "--db", db, "lookup", name, "--limit", "1")
    assert code == 0, err
    _score, kind, uid, *_ = out.split()
    assert kind == "person" and uid.startswith("p-"), out
    return uid


def move_row(database: Database, uid: str) -> Move:
    with database.session() as session:
        return session.exec(select(Move).where(Move.uid == uid)).one()


def one_line_error(code: int, err: str) -> str:
    assert code == 1
    assert err.startswith("movesboard: ") and err.count("\n") == 1, err
    return err


def test_merge_split_rename_and_rebuild(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "people", "merge", "Mira Murati", "Andrej Karpathy")
    assert code == 0 and "merged Andrej Karpathy into" in out
    assert "Andrej Karpathy" not in people(capsys, db) or "Mira Murati" not in people(capsys, db)
    code, out, _ = run(capsys, "--db", db, "people", "split", "Mira Murati", "Andrej Karpathy")
    assert code == 0 and "now its own person p-" in out
    code, out, _ = run(capsys, "--db", db, "people", "rename", "Karpathy", "Andrej K.")
    assert code == 0 and "renamed Andrej Karpathy to Andrej K. (p-" in out
    code, out, _ = run(capsys, "--db", db, "rebuild")
    assert code == 0 and "decisions re-applied" in out
    names = people(capsys, db)
    assert "Andrej K." in names and "Mira Murati" in names and "Andrej Karpathy" not in names


def test_orgs_parent_by_key_and_its_errors(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "lookup", "Eureka Labs", "--limit", "1")
    assert out.split()[1:4] == ["org", "'eureka", "labs'"]  # the key, quoted for a shell
    code, out, _ = run(capsys, "--db", db, "orgs", "parent", "eureka labs", "openai")
    assert code == 0 and "Eureka Labs is now part of OpenAI" in out
    code, _, err = run(capsys, "--db", db, "orgs", "parent", "OpenAI", "Eureka Labs")
    assert code == 1 and "loop" in err
    code, _, err = run(capsys, "--db", db, "orgs", "parent", "Nowhere Inc", "OpenAI")
    assert one_line_error(code, err).strip() == (
        "movesboard: no organisation called 'Nowhere Inc' (try: movesboard lookup 'Nowhere Inc')"
    )
    assert run(capsys, "--db", db, "orgs", "parent", "Eureka Labs", "none")[0] == 0


def test_moves_list_confirm_reject_by_uid(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, *_ = moves(capsys, db, "Karpathy")
    uid = first[0]
    assert uid.startswith("m-") and len(uid) == 15
    assert "Karpathy:" in first and first[2] == "pending"
    code, out, _ = run(capsys, "--db", db, "moves", "reject", uid)
    assert code == 0 and out.strip() == f"move {uid} rejected"
    assert uid not in [row[0] for row in moves(capsys, db, "Karpathy")]  # left the timeline
    code, _, err = run(capsys, "--db", db, "moves", "confirm", "m-0000000000000")
    assert "no move 'm-0000000000000'" in one_line_error(code, err)


def test_a_move_confirmed_by_uid_is_the_same_move_after_rebuild(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    uid, when, status, *_ = moves(capsys, db, "Karpathy")[1]
    assert status == "pending"
    assert run(capsys, "--db", db, "moves", "confirm", uid)[1].strip() == f"move {uid} confirmed"
    before = move_row(database, uid)
    assert run(capsys, "--db", db, "rebuild")[0] == 0
    after = move_row(database, uid)
    assert (after.status, after.evidence, after.role) == ("confirmed", before.evidence, before.role)
    assert [row[:3] for row in moves(capsys, db, "Karpathy") if row[0] == uid] == [
        [uid, when, "confirmed"]
    ]
    # A colleague's command written before the rebuild still hits that move.
    assert run(capsys, "--db", db, "moves", "reject", uid)[1].strip() == f"move {uid} rejected"
    assert move_row(database, uid).status == "rejected"


def test_an_atom_uid_of_a_merged_cluster_names_the_cluster(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    murati = person_uid(capsys, db, "Mira Murati")
    karpathy = person_uid(capsys, db, "Andrej Karpathy")
    hers, his = ({row[0] for row in moves(capsys, db, uid)} for uid in (murati, karpathy))
    code, out, _ = run(capsys, "--db", db, "people", "merge", murati, karpathy)
    assert code == 0 and out.strip().endswith(f"({murati})")  # the cluster kept is Murati's
    with database.session() as session:  # one atom per article naming him, his root among them
        atoms = session.exec(select(Person.uid).where(Person.key == "andrej karpathy")).all()
    assert karpathy in atoms and len(atoms) > 1
    cluster = moves(capsys, db, murati)
    assert {row[0] for row in cluster} & hers and {row[0] for row in cluster} & his
    for atom in atoms:
        assert [row[0] for row in moves(capsys, db, atom)] == [row[0] for row in cluster]
        code, out, err = run(capsys, "--db", db, "people", "rename", atom, "Mira M.")
        assert code == 0, err
        assert out.strip().endswith(f"to Mira M. ({murati})")


def test_a_uid_prefix_names_one_thing_and_an_ambiguous_one_lists_them(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, *_ = (row[0] for row in moves(capsys, db, "Karpathy"))
    code, out, _ = run(capsys, "--db", db, "moves", "confirm", first[:8].upper())
    assert code == 0 and out.strip() == f"move {first} confirmed"
    with database.session() as session:  # make two uids share their first 7 characters
        move = session.exec(select(Move).where(Move.uid == second)).one()
        move.uid = first[:9] + "ffffff"
    code, _, err = run(capsys, "--db", db, "moves", "reject", first[:8])
    assert f"'{first[:8]}' is ambiguous: {first}, {first[:9]}ffffff" in one_line_error(code, err)
    assert move_row(database, first).status == "confirmed"
    code, _, err = run(capsys, "--db", db, "moves", "reject", first[:7])
    assert "too short: give at least 6 characters after 'm-'" in one_line_error(code, err)
    code, _, err = run(capsys, "--db", db, "moves", "reject", "m-000000")
    assert "no move 'm-000000'" in one_line_error(code, err)


def test_a_person_uid_prefix_and_its_errors(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    murati = person_uid(capsys, db, "Mira Murati")
    code, out, _ = run(capsys, "--db", db, "people", "rename", murati[:8], "Mira M.")
    assert code == 0 and out.strip() == f"renamed Mira Murati to Mira M. ({murati})"
    karpathy = person_uid(capsys, db, "Andrej Karpathy")
    with database.session() as session:
        atom = session.exec(select(Person).where(Person.uid == karpathy)).one()
        atom.uid = murati[:8] + "0000000"
    code, _, err = run(capsys, "--db", db, "people", "rename", murati[:8], "M.")
    err = one_line_error(code, err)
    assert "is ambiguous" in err and murati in err and "Andrej Karpathy" in err
    code, _, err = run(capsys, "--db", db, "people", "rename", "p-000000", "M.")
    assert "no person 'p-000000'" in one_line_error(code, err)


def test_a_row_number_is_written_with_a_hash_and_a_bare_number_is_a_name(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    uid = moves(capsys, db, "Karpathy")[0][0]
    row = move_row(database, uid).id
    code, _, err = run(capsys, "--db", db, "moves", "confirm", str(row))
    assert f"a row number is written #{row}" in one_line_error(code, err)
    assert move_row(database, uid).status == "pending"
    code, out, _ = run(capsys, "--db", db, "moves", "confirm", f"#{row}")
    assert code == 0 and out.strip() == f"move {uid} confirmed"

    karpathy, murati = (person_uid(capsys, db, name) for name in ("Karpathy", "Murati"))
    with database.session() as session:
        root = session.exec(select(Person).where(Person.uid == karpathy)).one()
        code, out, _ = run(capsys, "--db", db, "people", "rename", f"#{root.id}", "A. K.")
        assert code == 0 and out.strip() == f"renamed Andrej Karpathy to A. K. ({karpathy})"
        # Murati is also known as Karpathy's row number: the number is her name.
        atom = session.exec(select(Person).where(Person.uid == murati)).one()
        session.add(Alias(person_id=atom.id, name=str(root.id), norm=str(root.id)))
    code, out, _ = run(capsys, "--db", db, "people", "rename", str(root.id), "M. M.")
    assert code == 0 and out.strip() == f"renamed Mira Murati to M. M. ({murati})"


WEI_CHEN = """---
title: {title}
published: {published}
language: en
---
Wei Chen has joined {to} from {origin}.
"""


def test_review_shows_both_uids_and_they_merge(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database.url
    for title, published, to, origin in (
        ("a", "2025-03-04", "Alibaba", "Google"),
        ("b", "2025-05-04", "Baidu", "Tencent"),
    ):
        text = WEI_CHEN.format(title=title, published=published, to=to, origin=origin)
        (tmp_path / f"{title}.txt").write_text(text, encoding="utf-8")
    assert run(capsys, "--db", db, "ingest", str(tmp_path))[0] == 0
    code, out, _ = run(capsys, "--db", db, "review")
    suggestion, footer = out.splitlines()
    _, atom, _, _, _, candidate, *_ = suggestion.split()
    assert atom.startswith("p-") and candidate.startswith("p-") and "#" not in out
    assert footer == "1 pending; merge with: movesboard people merge UID UID"
    code, out, _ = run(capsys, "--db", db, "people", "merge", candidate, atom)
    assert code == 0 and out.strip() == f"merged Wei Chen into Wei Chen ({candidate})"
    assert run(capsys, "--db", db, "review")[1].strip() == "nothing to review"


def test_an_unknown_or_ambiguous_name_is_a_one_line_error(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", db, "people", "merge", "Nobody Atall", "Mira Murati")
    assert "no person called 'Nobody Atall'" in one_line_error(code, err)
