"""Identity on the annotated corpus: every person once, no two people merged.

The whole corpus and the seeds go into one database through the real
pipeline; people named the same way in several articles must end up as one
person, and people the gold keeps apart (Alexandr Wang and Jeff Wang, Douglas
Chen and Zhifeng Chen) must never share one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from movesboard.commands.eval import _ingest
from movesboard.evaluation import load_gold
from movesboard.models.db import Database
from movesboard.models.names import person_key
from movesboard.models.queries import ROOT_ID
from movesboard.models.tables import Person

CORPORA = [Path(__file__).parent / "corpus" / name for name in ("shared", "seeds")]


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[int]]:
    """Gold person key -> the person ids (cluster roots) its atoms ended up in."""
    database = Database.open(str(tmp_path_factory.mktemp("corpus") / "all.db"))
    gold_keys: set[str] = set()
    for corpus in CORPORA:
        gold = load_gold(corpus)
        assert _ingest(database, corpus, gold) == []
        gold_keys |= {person_key(p["name"]) for entry in gold for p in entry["people"]}
    roots: dict[str, set[int]] = {key: set() for key in gold_keys}
    with database.session() as session:
        for key, root in session.exec(select(Person.key, ROOT_ID)).all():
            if key in roots:
                roots[key].add(root)
    database.dispose()
    return roots


def test_no_gold_person_is_fragmented(clusters: dict[str, set[int]]) -> None:
    fragmented = {key: ids for key, ids in clusters.items() if len(ids) > 1}
    assert fragmented == {}


def test_no_two_gold_people_share_a_person(clusters: dict[str, set[int]]) -> None:
    owners: dict[int, list[str]] = {}
    for key, ids in clusters.items():
        for root in ids:
            owners.setdefault(root, []).append(key)
    merged = {root: keys for root, keys in owners.items() if len(keys) > 1}
    assert merged == {}, json.dumps(merged)


def test_most_gold_people_are_found(clusters: dict[str, set[int]]) -> None:
    found = sum(bool(ids) for ids in clusters.values())
    assert found >= 0.9 * len(clusters)
