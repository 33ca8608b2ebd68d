"""Cluster ties stay exactly what the clusters' articles name, whatever the user decides.

`ClusterTie` is derived data kept up incrementally (as articles are stored)
and recomputed for the clusters a decision changes. After any sequence of
merges, splits, judgements, undos and rebuilds it must equal a recompute from
the mentions, and hold no rows for people who are no longer roots.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlmodel import Session, select
from test_identity import Newsroom

from movesboard.models import decisions, ties
from movesboard.models.db import Database
from movesboard.models.migrations import HEAD, current_revision, downgrade
from movesboard.models.tables import ClusterTie, Person
from movesboard.rebuild import rebuild

Tie = tuple[str, str, str]  # (root's uid, kind, key)


def _rows(session: Session) -> set[Tie]:
    uid_of = {p.id: p.uid for p in session.exec(select(Person)).all()}
    return {(uid_of[t.root_id], t.kind, t.key) for t in session.exec(select(ClusterTie)).all()}


def assert_ties_are_derived(database: Database) -> None:
    with database.session() as session:
        kept = _rows(session)
        roots = {p.id for p in session.exec(select(Person).where(Person.merged_into_id == None))}  # noqa: E711
        assert {t.root_id for t in session.exec(select(ClusterTie)).all()} <= roots
        ties.recompute(session)
        assert kept == _rows(session)
        session.rollback()


@pytest.fixture
def room(database: Database, monkeypatch: pytest.MonkeyPatch) -> Newsroom:
    newsroom = Newsroom(database)
    monkeypatch.setattr("movesboard.extract.extract", newsroom.fake_extract)
    return newsroom


def _publish_some(room: Newsroom) -> None:
    room.publish(["Yang Song", "Jiaming Song"], ["OpenAI"])
    room.publish([("Song Yang", ["Dr. Song"])], ["OpenAI", "Google"])
    room.publish(["Yang Song", "Ilya Sutskever"], ["OpenAI", "Safe Superintelligence"])
    room.publish(["Jiaming Song"], ["Luma AI"])
    room.publish(["Y. Song", "Ilya Sutskever"], ["Google"])


def test_storing_articles_ties_each_cluster_to_what_they_name(
    room: Newsroom, database: Database
) -> None:
    _publish_some(room)
    assert_ties_are_derived(database)
    with database.session() as session:
        yang = decisions.find_person(session, "Yang Song")
        names = ties.shared(
            session,
            yang.id,
            yang.key,
            ["openai", "luma ai", "google"],
            ["ilya sutskever", "yang song", "jiaming song"],
        )
    # Luma AI is only Jiaming's, and Yang Song is no colleague of himself.
    assert names == ["Google", "OpenAI", "Ilya Sutskever", "Jiaming Song"]


OPERATIONS = ["merge", "split", "different", "undo", "rebuild"]


def _apply(database: Database, operation: str, pick: st.DataObject) -> None:
    with database.session() as session:
        roots = session.exec(
            select(Person).where(Person.merged_into_id == None).order_by(Person.id)  # noqa: E711
        ).all()
        try:
            if operation == "merge" and len(roots) > 1:
                keep, other = pick.draw(st.permutations(list(roots)))[:2]
                decisions.merge_people(session, keep, other)
            elif operation == "split":
                root = pick.draw(st.sampled_from(list(roots)))
                atoms = session.exec(select(Person).where(Person.merged_into_id == root.id)).all()
                if atoms:
                    decisions.split_person(
                        session, root, pick.draw(st.sampled_from(atoms)).atom_name
                    )
            elif operation == "different":
                atoms = session.exec(select(Person).where(Person.merged_into_id != None)).all()  # noqa: E711
                if atoms:
                    atom = pick.draw(st.sampled_from(list(atoms)))
                    root = session.get(Person, atom.merged_into_id)
                    decisions.judge_pair(session, root, atom, "different")
            elif operation == "undo":
                last = decisions.last_user_decision(session)
                if last is not None:
                    decisions.undo(session, last.id)  # type: ignore[arg-type]
        except decisions.DecisionError:
            session.rollback()
    if operation == "rebuild":
        rebuild(database)


def _ties_survive(
    database: Database, monkeypatch: pytest.MonkeyPatch, operations: list[str], pick: st.DataObject
) -> None:
    room = Newsroom(database)
    with monkeypatch.context() as patch:
        patch.setattr("movesboard.extract.extract", room.fake_extract)
        _publish_some(room)
        for operation in operations:
            _apply(database, operation, pick)
            assert_ties_are_derived(database)


SEQUENCES = st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=6)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=SEQUENCES, pick=st.data())
def test_ties_survive_any_sequence_of_decisions(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    operations: list[str],
    pick: st.DataObject,
) -> None:
    database = Database.open(str(tmp_path_factory.mktemp("ties") / "t.db"))
    _ties_survive(database, monkeypatch, operations, pick)
    database.dispose()


# Few examples: each is a database of its own on the server (the SQLite run
# above explores the sequences; this one checks PostgreSQL's SQL keeps up).
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=SEQUENCES, pick=st.data())
def test_ties_survive_any_sequence_of_decisions_on_postgresql(
    fresh_postgres: Callable[[], AbstractContextManager[Database]],
    monkeypatch: pytest.MonkeyPatch,
    operations: list[str],
    pick: st.DataObject,
) -> None:
    with fresh_postgres() as database:
        _ties_survive(database, monkeypatch, operations, pick)


def test_a_database_from_before_ties_gets_them_on_upgrade(
    sqlite_database: Database, db_path: Path
) -> None:
    _publish_some(Newsroom(sqlite_database))
    with sqlite_database.session() as session:
        expected = _rows(session)
    assert expected
    downgrade(sqlite_database.engine, "0005")
    sqlite_database.dispose()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as connection:
        assert "clustertie" not in {
            name for (name,) in connection.execute(text("SELECT name FROM sqlite_master"))
        }
    engine.dispose()

    reopened = Database.open(str(db_path))
    assert current_revision(reopened.engine) == HEAD
    with reopened.session() as session:
        assert _rows(session) == expected
    reopened.dispose()


def test_ties_on_postgresql_follow_merges_splits_and_undos(
    postgres: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = Newsroom(postgres)
    monkeypatch.setattr("movesboard.extract.extract", room.fake_extract)
    _publish_some(room)
    assert_ties_are_derived(postgres)
    with postgres.session() as session:
        jiaming = decisions.find_person(session, "Jiaming Song")
        ilya = decisions.find_person(session, "Ilya Sutskever")
        decisions.merge_people(session, jiaming, ilya)
    assert_ties_are_derived(postgres)
    with postgres.session() as session:
        decisions.split_person(
            session, decisions.find_person(session, "Jiaming Song"), "Ilya Sutskever"
        )
    assert_ties_are_derived(postgres)
    with postgres.session() as session:
        decisions.undo(session, decisions.last_user_decision(session).id)  # type: ignore[union-attr, arg-type]
    assert_ties_are_derived(postgres)
    rebuild(postgres)
    assert_ties_are_derived(postgres)


def test_shared_names_organisations_then_colleagues_and_seeks_the_index(
    sqlite_database: Database,
) -> None:
    """What a cluster shares with an article: its organisations, then its
    colleagues (never itself), each asked by the unique index, so a cluster
    with thousands of ties costs a few seeks."""
    with sqlite_database.session() as session:
        person = Person(
            uid="p-x", atom_name="Ada Lovelace", name="Ada Lovelace", key="ada lovelace"
        )
        session.add(person)
        session.flush()
        assert person.id is not None
        ties.add(
            session,
            person.id,
            {"beta": "Beta Corp", "alpha": "Alpha Labs", "gamma": "Gamma"},
            {"ada lovelace": "Ada Lovelace", "grace hopper": "Grace Hopper"},
        )
        asked = {"alpha": "x", "beta": "x", "delta": "x"}
        named = {"grace hopper": "x", "ada lovelace": "x", "alan turing": "x"}

        found = ties.shared(session, person.id, "ada lovelace", asked, named)
        assert found == ["Alpha Labs", "Beta Corp", "Grace Hopper"]
        # The statement it ran (through the driver's cursor), as SQLite plans it.
        statement, *params = ties.shared_query(
            person.id, [("organization", list(asked)), ("person", ["grace hopper", "alan turing"])]
        )
        raw = session.connection().connection
        plans = [
            row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
        ]
        searches = [plan for plan in plans if "clustertie" in plan]
        assert len(searches) == 2
        assert all("(root_id=? AND kind=? AND key=?)" in plan for plan in searches), plans
        # Nothing asked of a kind: that part is not asked at all.
        assert ties.shared(session, person.id, "ada lovelace", [], {"ada lovelace": "x"}) == []
