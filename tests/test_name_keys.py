"""The name index kept in the database (models/name_keys.py, issue 14), on both engines.

It must answer as the in-memory NameIndex does, be written in the same
transaction as each alias (a rolled-back article leaves no keys, another
writer's uncommitted names are never seen), stay in step through a rebuild
and a re-extraction, and be filled in for a database from before it existed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session
from test_name_index import GOLDEN, ORGANIZATIONS, PEOPLE

from movesboard.ingest import ArticleDoc
from movesboard.models import name_keys
from movesboard.models.db import Database
from movesboard.models.index import LOOKUP, RESOLVE, NameIndex
from movesboard.models.lookup import lookup
from movesboard.models.migrations import HEAD, current_revision, upgrade
from movesboard.models.name_keys import StoredIndex
from movesboard.models.names import fold, organization_key, person_key
from movesboard.models.tables import Alias, Organization, Person
from movesboard.pipeline import ingest_doc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic_names import synthetic_names, typo


def store_names(database: Database, people: list[str], organizations: dict[str, list[str]]) -> None:
    """People and organisations with their aliases, through the ORM as ingest stores them."""
    with database.session() as session:
        for n, name in enumerate(people):
            person = Person(uid=f"p-{n:013x}", atom_name=name, name=name, key=person_key(name))
            session.add(person)
            session.flush()
            session.add(Alias(person_id=person.id, name=name, norm=fold(name)))
        for name, aliases in organizations.items():
            org = Organization(name=name, key=organization_key(name))
            session.add(org)
            session.flush()
            for alias in [name, *aliases]:
                session.add(Alias(organization_id=org.id, name=alias, norm=fold(alias)))


def in_memory(session: Session) -> NameIndex:
    """The index as every process used to build it: from the alias table."""
    rows = session.connection().execute(
        text("SELECT person_id, organization_id, norm FROM alias ORDER BY id")
    )
    return NameIndex.from_rows(
        ("person", person, norm) if person is not None else ("organization", org, norm)
        for person, org, norm in rows
    )


def stored_keys(session: Session) -> set[tuple[str, int]]:
    return {
        (k, a) for k, a in session.connection().execute(text("SELECT key, alias_id FROM name_key"))
    }


def expected_keys(session: Session) -> set[tuple[str, int]]:
    aliases = session.connection().execute(text("SELECT id, norm FROM alias")).all()
    return set(name_keys.rows((alias_id, norm) for alias_id, norm in aliases))


def assert_in_step(database: Database) -> None:
    with database.session() as session:
        assert stored_keys(session) == expected_keys(session)


def test_keys_of_an_alias() -> None:
    assert name_keys.keys("jason wei") == ["=jason", "~nosaj", "=wei"]
    # Initials block nothing; a repeated token is filed once.
    assert name_keys.keys("j wei wei") == ["=wei"]


@pytest.mark.parametrize("budget", ["lookup", "resolve"])
def test_the_stored_index_answers_as_the_in_memory_one(database: Database, budget: str) -> None:
    store_names(database, PEOPLE, ORGANIZATIONS)
    with database.session() as session:
        memory, stored = in_memory(session), StoredIndex(session.connection())
        for query, _ in GOLDEN:
            if budget == "lookup":
                assert stored.search(query, limit=5) == memory.search(query, limit=5), query
            else:
                asked = {"kind": "person", "folded": True, "budget": RESOLVE, "limit": 5}
                needle = fold(query)
                assert stored.search(needle, **asked) == memory.search(needle, **asked), query


def test_golden_lookups_through_the_database(database: Database) -> None:
    store_names(database, PEOPLE, ORGANIZATIONS)
    with database.session() as session:
        for query, expected in GOLDEN:
            hits = lookup(session, query, limit=3)
            assert hits and hits[0].name == expected, query


def test_synthetic_names_score_as_in_memory(database: Database) -> None:
    """Beyond the golden set: stored names with a typo, reordered or cut short.
    Ties at a budget's cut may pick other candidates of the same score, so the
    best score is compared, not the list."""
    names = [name.title() for name in synthetic_names(600, seed=3)]
    store_names(database, names, {})
    rng = random.Random(3)
    queries = []
    for name in rng.sample(names, 60):
        queries += [typo(fold(name), rng), " ".join(reversed(fold(name).split())), fold(name)[:5]]
    with database.session() as session:
        memory, stored = in_memory(session), StoredIndex(session.connection())
        for query in queries:
            ours, theirs = stored.search(query, limit=3), memory.search(query, limit=3)
            assert [h.score for h in ours[:1]] == [h.score for h in theirs[:1]], query


def test_an_affix_of_too_many_tokens_blocks_nothing_as_in_memory(database: Database) -> None:
    """Budget.carriers: a prefix shared by more distinct tokens than resolution
    allows is skipped (counted by the loose index scan); lookup's wider budget
    reads it."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    tokens = [f"kor{a}{b}" for a in letters[:10] for b in letters[:20]]  # 200 tokens
    store_names(database, [f"{token} quill" for token in tokens], {})
    with database.session() as session:
        memory, stored = in_memory(session), StoredIndex(session.connection())
        for query in ("korzz", "korab quil", "korxyzzy"):
            for budget in (RESOLVE, LOOKUP):
                asked = {"limit": 5, "budget": budget}
                assert stored.search(query, **asked) == memory.search(query, **asked), query
        assert stored.search("korzz", budget=RESOLVE) == []
        assert stored.search("korzz", budget=LOOKUP)


ARTICLE = ArticleDoc(
    source="a.txt",
    title="Moves",
    body="Zebulon Quartermaine joined Anthropic from OpenAI in March 2025. "
    "Philippa Ravensworth left Google DeepMind to join Meta.",
    published=dt.date(2025, 3, 10),
    language="en",
)


def test_a_rolled_back_article_leaves_no_keys(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movesboard.models import store

    def fail(session: Session, *args: object, **kwargs: object) -> None:
        assert stored_keys(session), "the article's keys are written by now"
        raise RuntimeError("the article fails after its names were stored")

    monkeypatch.setattr(store.repeats, "mark_article", fail)
    with pytest.raises(RuntimeError):
        ingest_doc(database, ARTICLE)
    with database.session() as session:
        assert stored_keys(session) == set()
        assert session.connection().execute(text("SELECT count(*) FROM alias")).scalar() == 0
    monkeypatch.undo()
    ingest_doc(database, ARTICLE)
    assert_in_step(database)
    with database.session() as session:
        hits = lookup(session, "quartermain", limit=1)
        assert hits and hits[0].name == "Zebulon Quartermaine"


def test_another_writers_uncommitted_names_are_not_seen(database: Database) -> None:
    store_names(database, ["Ada Lovelace"], {})
    with database.session() as writer:
        person = Person(uid="p-writer", atom_name="Zebulon Quartermaine", name="x", key="x")
        writer.add(person)
        writer.flush()
        writer.add(
            Alias(person_id=person.id, name="Zebulon Quartermaine", norm="zebulon quartermaine")
        )
        writer.flush()
        # The writer's own transaction sees its keys...
        assert StoredIndex(writer.connection()).search("zebulon")
        # ...another does not, until the writer commits.
        with database.session() as reader:
            assert StoredIndex(reader.connection()).search("zebulon") == []
    with database.session() as reader:
        assert StoredIndex(reader.connection()).search("zebulon")


def test_a_rebuild_and_a_re_extraction_keep_the_keys_in_step(database: Database) -> None:
    from movesboard.rebuild import rebuild

    ingest_doc(database, ARTICLE)
    ingest_doc(
        database,
        ArticleDoc(
            source="b.txt",
            title="More moves",
            body="Zebulon Quartermain left Anthropic. Cordelia Fairweather joined OpenAI.",
            published=dt.date(2025, 6, 1),
            language="en",
        ),
    )
    assert_in_step(database)
    rebuild(database)
    assert_in_step(database)
    # Asking for another date re-extracts the article: its atoms and aliases go and come back.
    ingest_doc(database, dataclasses.replace(ARTICLE, published=dt.date(2025, 4, 1)))
    assert_in_step(database)
    with database.session() as session:
        hits = lookup(session, "cordelia fairwether", limit=1)
        assert hits and hits[0].name == "Cordelia Fairweather"


def test_an_upgrade_from_0009_keys_the_stored_aliases(unmigrated_url: str) -> None:
    old = Database.open(unmigrated_url, migrate=False)
    engine = old.engine
    upgrade(engine, "0009")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (id, uid, atom_name, name, key, named_by_user, created_at) "
                "VALUES (1, 'p-1', 'Ilya Sutskever', 'Ilya Sutskever', 'ilya sutskever', "
                "false, '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO organization (id, name, key, created_at) "
                "VALUES (1, 'Google DeepMind', 'google deepmind', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO alias (person_id, organization_id, name, norm) VALUES "
                "(1, NULL, 'Ilya Sutskever', 'ilya sutskever'), "
                "(NULL, 1, 'Google DeepMind', 'google deepmind'), (NULL, 1, 'GDM', 'gdm')"
            )
        )
    old.dispose()

    database = Database.open(unmigrated_url)
    try:
        assert current_revision(database.engine) == HEAD
        assert_in_step(database)
        with database.session() as session:
            assert len(stored_keys(session)) == 9  # 4 tokens with both keys, "gdm" with one
            assert [h.name for h in lookup(session, "sutzkever", limit=1)] == ["Ilya Sutskever"]
            assert [h.name for h in lookup(session, "gdm", limit=1)] == ["Google DeepMind"]
    finally:
        database.dispose()
