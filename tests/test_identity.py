"""One person, one row: cross-article identity, and the user's decisions kept.

Articles here are stored with hand-made extractions (the extractor is tested
on its own), and a rebuild re-extracts through a fake that returns the same
facts, so these tests pin the identity layer alone.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from movesboard.extract.types import Extraction, Mention, MoveFact, OrgEntity, PersonEntity
from movesboard.ingest import parse_text_article
from movesboard.models import decisions, queries
from movesboard.models.alias_index import AliasIndex
from movesboard.models.db import Database
from movesboard.models.identity import is_common_name
from movesboard.models.store import store_article
from movesboard.models.tables import Decision, Person
from movesboard.rebuild import rebuild

_counter = itertools.count()


class Newsroom:
    """Writes articles whose extraction is known, and replays it on rebuild."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.extractions: dict[str, Extraction] = {}
        self.names = AliasIndex()

    def publish(
        self,
        people: list[str | tuple[str, list[str]]],
        orgs: list[str | tuple[str, str]] = (),  # type: ignore[assignment]
        moves: list[tuple[str, str | None, str | None]] = (),  # type: ignore[assignment]
    ) -> None:
        n = next(_counter)
        names = [p if isinstance(p, str) else p[0] for p in people]
        org_names = [o if isinstance(o, str) else o[0] for o in orgs]
        body = f"Story {n}. " + ", ".join(names) + " at " + ", ".join(org_names) + "."
        doc = parse_text_article(
            f"Title {n}\n{body}", f"article-{n}.txt", published=dt.date(2025, 1, 1)
        )
        entities = []
        for person in people:
            name, aliases = (person, []) if isinstance(person, str) else person
            start = body.index(name)
            mentions = [Mention(name, start, start + len(name))]
            mentions += [Mention(alias, 0, len(alias)) for alias in aliases]
            entities.append(PersonEntity(name, mentions))
        organizations = []
        for org in orgs:
            name, parent = (org, None) if isinstance(org, str) else org
            start = body.index(name)
            organizations.append(OrgEntity(name, parent, [Mention(name, start, start + len(name))]))
        facts = [MoveFact(p, a, b, body, 0, confidence=0.9) for p, a, b in moves]
        extraction = Extraction("en", entities, organizations, facts)
        self.extractions[doc.body] = extraction
        with self.database.session() as session:
            store_article(session, doc, extraction, self.names)

    def fake_extract(self, body: str, **_: object) -> Extraction:
        return self.extractions[body]


@pytest.fixture
def newsroom(database: Database, monkeypatch: pytest.MonkeyPatch) -> Newsroom:
    room = Newsroom(database)
    monkeypatch.setattr("movesboard.extract.extract", room.fake_extract)
    return room


def people(database: Database) -> dict[str, int]:
    """Display name -> number of people shown with it."""
    with database.session() as session:
        rows = queries.people(session, limit=10_000)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.name] = counts.get(row.name, 0) + 1
    return counts


def root(database: Database, name: str) -> Person:
    with database.session() as session:
        return decisions.find_person(session, name)


# ------------------------------------------------------------------ merges that should happen


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        ("Shengjia Zhao", "Zhao Shengjia", "Shengjia Zhao"),  # name order
        ("Karén Simonyan", "Karen Simonyan", "Karén Simonyan"),  # accents
        ("Ilya Sutskever", "Ilja Sutskever", "Ilya Sutskever"),  # transliteration
        ("Ilya Sutskever", "Ilya Sutzkever", "Ilya Sutskever"),  # a typo
        ("Jason Wei", "J. Wei", "Jason Wei"),  # an initial
        ("Yang Song", "Song Yang", "Yang Song"),  # common name, order, shared org
    ],
)
def test_same_person_under_another_name_is_one(
    newsroom: Newsroom, database: Database, first: str, second: str, shown: str
) -> None:
    newsroom.publish([first], ["OpenAI"])
    newsroom.publish([second], ["OpenAI", "Meta"])
    assert people(database) == {shown: 1}


def test_every_automatic_match_records_score_and_reason(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(["Ilya Sutskever"], ["OpenAI"])
    newsroom.publish(["Ilja Sutskever"], ["OpenAI"])
    with database.session() as session:
        joined = session.exec(select(Person).where(Person.merged_into_id.is_not(None))).one()  # type: ignore[union-attr]
    assert joined.match_score is not None and joined.match_score >= 88
    assert "similar name" in (joined.match_reason or "") and "OpenAI" in joined.match_reason


def test_uncommon_names_join_without_shared_context(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Hyung Won Chung"], ["OpenAI"])
    newsroom.publish(["Hyung Won Chung"], ["Meta"])
    assert people(database) == {"Hyung Won Chung": 1}


def test_colleagues_count_as_shared_context(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Wei Chen", "Aurko Roy"], ["Google"])
    newsroom.publish(["Wei Chen", "Aurko Roy"], ["Microsoft"])
    assert people(database) == {"Wei Chen": 1, "Aurko Roy": 1}


# ------------------------------------------------------------------ merges that must not happen


@pytest.mark.parametrize(
    ("first", "first_org", "second", "second_org"),
    [
        ("Alexandr Wang", "Scale AI", "Jeff Wang", "Windsurf"),  # shared surname
        ("Yang Song", "OpenAI", "Jiaming Song", "Luma AI"),  # shared surname
        ("Zhifeng Chen", "Google", "Douglas Chen", "Windsurf"),
        ("Wei Chen", "Google", "Wei Chen", "Alibaba"),  # common pair, nothing shared
        ("Yang Song", "OpenAI", "Yang Song", "Stanford University"),
    ],
)
def test_namesakes_at_different_organisations_stay_apart(
    newsroom: Newsroom, database: Database, first: str, first_org: str, second: str, second_org: str
) -> None:
    newsroom.publish([first], [first_org])
    newsroom.publish([second], [second_org])
    shown = people(database)
    assert sum(shown.values()) == 2, shown


def test_a_common_namesake_becomes_a_suggestion(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Wei Chen"], ["Google"])
    newsroom.publish(["Wei Chen"], ["Alibaba"])
    with database.session() as session:
        pending = decisions.pending_suggestions(session)
    assert len(pending) == 1
    assert pending[0].atom.name == pending[0].candidate.name == "Wei Chen"
    assert "common name" in pending[0].reason and pending[0].score > 0


def test_common_names_lexicon() -> None:
    assert is_common_name("Yang Song") and is_common_name("Jeff Wang")
    assert not is_common_name("Hyung Won Chung") and not is_common_name("Ilya Sutskever")


# ------------------------------------------------------------------ decisions


def test_merge_split_and_a_different_judgement_survive_rebuild(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(["Wei Chen"], ["Google"])
    newsroom.publish(["Wei Chen"], ["Alibaba"])
    newsroom.publish(["Sam Altman"], ["OpenAI"])
    newsroom.publish(["Samuel Altman"], ["Y Combinator"])
    with database.session() as session:
        first, second = session.exec(select(Person).where(Person.key == "chen wei")).all()
        decisions.merge_people(session, first, second)
        sam = decisions.find_person(session, "Sam Altman")
        decisions.merge_people(session, sam, decisions.find_person(session, "Samuel Altman"))
        decisions.split_person(session, sam, "Samuel Altman")  # changed their mind
    assert people(database) == {"Wei Chen": 1, "Sam Altman": 1, "Samuel Altman": 1}
    summary = rebuild(database)
    assert summary.decisions >= 3
    assert people(database) == {"Wei Chen": 1, "Sam Altman": 1, "Samuel Altman": 1}
    with database.session() as session:
        assert decisions.pending_suggestions(session) == []


def test_rename_parent_and_move_status_survive_rebuild(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(
        ["Alexandr Wang"],
        ["Scale AI", "Meta Superintelligence Labs"],
        [("Alexandr Wang", "Scale AI", "Meta Superintelligence Labs")],
    )
    with database.session() as session:
        decisions.rename_person(
            session, decisions.find_person(session, "Alexandr Wang"), "Alex Wang"
        )
        child = decisions.find_organization(session, "Meta Superintelligence Labs")
        meta = decisions.find_organization(session, "Scale AI")
        decisions.set_parent(session, child, meta)
        move = queries.timeline(session)[0]
        decisions.set_move_status(session, decisions.find_move(session, f"#{move.id}"), "rejected")
    rebuild(database)
    with database.session() as session:
        assert [p.name for p in queries.people(session)] == ["Alex Wang"]
        parents = {o.name: o.parent for o in queries.organizations(session)}
        assert parents["Meta Superintelligence Labs"] == "Scale AI"
        assert queries.timeline(session) == []  # the rejected move stays rejected


def test_a_different_judgement_blocks_a_later_automatic_merge(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(["Hyung Won Chung"], ["OpenAI"])
    newsroom.publish(["Hyung Won Chung"], ["Meta"])  # joins automatically
    with database.session() as session:
        atoms = session.exec(select(Person).order_by(Person.id)).all()
        decisions.judge_pair(session, atoms[0], atoms[1], "different")
    assert people(database) == {"Hyung Won Chung": 2}
    rebuild(database)  # re-resolution would join them; the judgement keeps them apart
    assert people(database) == {"Hyung Won Chung": 2}


def test_machine_suggestions_never_override_a_user_judgement(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(["Wei Chen"], ["Google"])
    newsroom.publish(["Wei Chen"], ["Alibaba"])
    with database.session() as session:
        suggestion = decisions.pending_suggestions(session)[0]
        decisions.judge_pair(session, suggestion.atom, suggestion.candidate, "different")
    rebuild(database)  # the machine suggests again; the user has already answered
    with database.session() as session:
        assert decisions.pending_suggestions(session) == []
        user = session.exec(select(Decision).where(Decision.actor == "user")).all()
        assert [d.kind for d in user] == ["different"]
    assert people(database) == {"Wei Chen": 2}


def test_decisions_are_append_only_with_stable_refs(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Wei Chen"], ["Google"])
    newsroom.publish(["Wei Chen"], ["Alibaba"])
    with database.session() as session:
        a, b = session.exec(select(Person).order_by(Person.id)).all()
        uids = {a.uid, b.uid}
        decisions.merge_people(session, a, b)
    rebuild(database)
    with database.session() as session:
        assert {p.uid for p in session.exec(select(Person)).all()} == uids
        kinds = [d.kind for d in session.exec(select(Decision).where(Decision.actor == "user"))]
    assert kinds == ["same"]


def test_merging_one_person_with_itself_is_refused(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Hyung Won Chung"], ["OpenAI"])
    with database.session() as session:
        person = decisions.find_person(session, "Hyung Won Chung")
        with pytest.raises(decisions.DecisionError, match="already one person"):
            decisions.merge_people(session, person, person)


def test_parent_loops_are_refused(newsroom: Newsroom, database: Database) -> None:
    newsroom.publish(["Hyung Won Chung"], [("Meta Superintelligence Labs", "Meta")])
    with database.session() as session:
        meta = decisions.find_organization(session, "Meta")
        msl = decisions.find_organization(session, "Meta Superintelligence Labs")
        with pytest.raises(decisions.DecisionError, match="loop"):
            decisions.set_parent(session, meta, msl)


# ------------------------------------------------------------------ properties

NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov", "Donald Knuth"]


CHOSEN = st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=CHOSEN, data=st.data())
def test_merge_is_idempotent_and_split_undoes_it(
    tmp_path_factory: pytest.TempPathFactory, chosen: list[str], data: st.DataObject
) -> None:
    database = Database.open(str(tmp_path_factory.mktemp("prop") / "p.db"))
    _merge_then_split(database, chosen, data)
    database.dispose()


# Few examples: each is a database of its own on the server (the SQLite run
# above explores the cases; this one checks PostgreSQL's SQL keeps up).
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=CHOSEN, data=st.data())
def test_merge_is_idempotent_and_split_undoes_it_on_postgresql(
    fresh_postgres: Callable[[], AbstractContextManager[Database]],
    chosen: list[str],
    data: st.DataObject,
) -> None:
    with fresh_postgres() as database:
        _merge_then_split(database, chosen, data)


def _merge_then_split(database: Database, chosen: list[str], data: st.DataObject) -> None:
    room = Newsroom(database)
    for name in chosen:
        room.publish([name], [f"{name.split()[1]} Labs"])
    before = people(database)
    keep, other = data.draw(st.permutations(chosen))[:2]
    with database.session() as session:
        merged = decisions.merge_people(
            session, decisions.find_person(session, keep), decisions.find_person(session, other)
        )
        with pytest.raises(decisions.DecisionError):  # a second merge has nothing to do
            decisions.merge_people(session, merged, decisions.find_person(session, other))
    after_merge = people(database)
    assert sum(after_merge.values()) == len(chosen) - 1
    with database.session() as session:
        decisions.split_person(session, decisions.find_person(session, keep), other)
    assert people(database) == before


def test_undo_reverses_a_merge_and_a_move_judgement_also_after_rebuild(
    newsroom: Newsroom, database: Database
) -> None:
    newsroom.publish(["Wei Chen"], ["Google"], [("Wei Chen", "Google", "Alibaba")])
    newsroom.publish(["Wei Chen"], ["Alibaba"])
    with database.session() as session:
        suggestion = decisions.pending_suggestions(session)[0]
        decisions.judge_pair(session, suggestion.candidate, suggestion.atom, "same")
        move = queries.timeline(session)[0]
        decisions.set_move_status(session, decisions.find_move(session, f"#{move.id}"), "rejected")
    assert people(database) == {"Wei Chen": 1}
    with database.session() as session:
        assert "reject" in decisions.undo(session, decisions.last_user_decision(session).id)
        assert "same" in decisions.undo(session, decisions.last_user_decision(session).id)
        assert decisions.last_user_decision(session) is None
        assert [m.status for m in queries.timeline(session)] == ["pending"]
        assert len(decisions.pending_suggestions(session)) == 1  # back in the queue
    assert people(database) == {"Wei Chen": 2}
    rebuild(database)
    assert people(database) == {"Wei Chen": 2}
    with database.session() as session:
        assert [m.status for m in queries.timeline(session)] == ["pending"]
