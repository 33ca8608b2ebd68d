"""Many writers on one database lose nothing (issue 12).

Two ingest processes meeting the same new organisation at once used to lose an
article on PostgreSQL (`uq_organization_key`). Here two sessions store two
different articles naming one new organisation, the first holding its
transaction open while the second inserts: both articles must end stored,
with one organisation between them. On SQLite the second writer waits for
the first one's lock instead; the test holds there too.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from movesboard.extract.types import Extraction, Mention, OrgEntity, PersonEntity
from movesboard.ingest.document import ArticleDoc
from movesboard.models import name_keys
from movesboard.models.alias_index import AliasIndex
from movesboard.models.db import Database
from movesboard.models.identity import ArticleContext, Resolver
from movesboard.models.lookup import lookup
from movesboard.models.store import store_article
from movesboard.models.tables import Alias, Article, Organization, Person

ArticleFacts = tuple[ArticleDoc, Extraction]


def _article(person: str, org: str = "Nova Fieldworks") -> tuple[ArticleDoc, Extraction]:
    body = f"{person} joined {org}."
    org_at = body.index(org)
    extraction = Extraction(
        language="en",
        people=[PersonEntity(person, [Mention(person, 0, len(person))])],
        organizations=[OrgEntity(org, mentions=[Mention(org, org_at, org_at + len(org))])],
    )
    return ArticleDoc(source=f"{person} at {org}.txt", title=person, body=body), extraction


def _store_at_once(
    database: Database, first_article: ArticleFacts, second_article: ArticleFacts
) -> None:
    """Store two articles in two sessions, the second while the first's
    transaction is still open (the second writer waits on it, or should)."""
    first_stored, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with database.session() as session:
                store_article(session, *first_article, AliasIndex(shared=False))
                first_stored.set()
                release.wait(20)  # the transaction stays open meanwhile
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
            first_stored.set()

    def second() -> None:
        first_stored.wait(20)
        try:
            with database.session() as session:
                store_article(session, *second_article, AliasIndex(shared=False))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # the second writer is now waiting on the first
    release.set()
    for thread in threads:
        thread.join(60)
    assert not errors, errors


def test_two_writers_meeting_one_new_organisation_both_keep_their_articles(
    database: Database,
) -> None:
    _store_at_once(database, _article("Ada Quill"), _article("Bo Lindqvist"))
    with database.session() as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == 2
        orgs = session.exec(select(Organization.name)).all()
        assert orgs == ["Nova Fieldworks"]


def test_two_writers_meeting_one_new_person_make_one_person(database: Database) -> None:
    """Either article alone would make Ada Quill a new person; stored at once (and
    naming different organisations, so nothing else makes them wait), the
    second must see the first's Ada Quill (it waits for the name) and join her."""
    _store_at_once(database, _article("Ada Quill"), _article("Ada Quill", "Orbit Looms"))
    with database.session() as session:
        roots = session.exec(
            select(Person.name).where(Person.merged_into_id == None)  # noqa: E711
        ).all()
        assert roots == ["Ada Quill"]


def _org_article(person: str, org: str, alias: str) -> ArticleFacts:
    """An article naming `org` once by its name and once as `alias`."""
    body = f"{person} joined {org}. {alias} grew fast."
    org_at, alias_at = body.index(org), body.index(alias)
    extraction = Extraction(
        language="en",
        people=[PersonEntity(person, [Mention(person, 0, len(person))])],
        organizations=[
            OrgEntity(
                org,
                mentions=[
                    Mention(org, org_at, org_at + len(org)),
                    Mention(alias, alias_at, alias_at + len(alias)),
                ],
            )
        ],
    )
    return ArticleDoc(source=f"{person}.txt", title=person, body=body), extraction


def _alias_rows(database: Database, norm: str) -> list[int]:
    with database.session() as session:
        return list(session.exec(select(Alias.id).where(Alias.norm == norm)).all())


def _name_key_rows(database: Database, key: str) -> list[tuple[str, int]]:
    with database.session() as session:
        rows = session.connection().execute(
            text("SELECT key, alias_id FROM name_key WHERE key = :key"), {"key": key}
        )
        return [(k, a) for k, a in rows]


def test_two_writers_meeting_one_new_alias_keep_one(database: Database) -> None:
    """Both articles call the known Anysphere "Cursor" too: stored at once, the
    second writer's check cannot see the first's uncommitted alias; its
    insert must find it instead (waiting for the first's commit on
    PostgreSQL) and add nothing, and the name index must file it once."""
    with database.session() as session:
        Resolver(session, AliasIndex(shared=False), "setup").organization("Anysphere")
    _store_at_once(
        database,
        _org_article("Ada Quill", "Anysphere", "Cursor"),
        _org_article("Bo Lindqvist", "Anysphere", "Cursor"),
    )
    with database.session() as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == 2
    [alias_id] = _alias_rows(database, "cursor")
    assert _name_key_rows(database, "=cursor") == [("=cursor", alias_id)]
    with database.session() as session:
        hits = lookup(session, "cursor", limit=1)
        assert [hit.name for hit in hits] == ["Anysphere"]


@pytest.mark.parametrize("owner", ["organization", "person"])
def test_two_resolvers_adding_one_alias_at_once_both_commit(database: Database, owner: str) -> None:
    """The audit's reproduction: one stored owner, two sessions each add the
    alias "Cursor" to it, the first holding its transaction open while the
    second adds. Both commit; one alias row, filed once in the name index."""
    with database.session() as session:
        resolver = Resolver(session, AliasIndex(shared=False), "setup")
        if owner == "organization":
            owner_id = resolver.organization("Anysphere").id
        else:
            context = ArticleContext(organizations={}, people={})
            owner_id = resolver.person("Michael Truell", context).id
    table = Organization if owner == "organization" else Person
    first_added, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    added: list[int | None] = []

    def add(first: bool) -> None:
        try:
            if not first:
                first_added.wait(20)
            with database.session() as session:
                resolver = Resolver(session, AliasIndex(shared=False), f"writer {first}")
                stored = session.get(table, owner_id)
                assert stored is not None
                added.append(resolver.add_alias(stored, "Cursor"))
                session.flush()
                if first:
                    first_added.set()
                    release.wait(20)  # the transaction stays open meanwhile
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
            first_added.set()

    threads = [threading.Thread(target=add, args=(first,)) for first in (True, False)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # the second writer is now adding, or waiting to
    release.set()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    [alias_id] = _alias_rows(database, "cursor")
    assert added == [alias_id, alias_id]  # both read back the one row
    assert _name_key_rows(database, "=cursor") == [("=cursor", alias_id)]
    with database.session() as session:
        # Nothing else written twice either: every alias's keys, once.
        keys = session.connection().execute(text("SELECT key, alias_id FROM name_key")).all()
        aliases = session.connection().execute(text("SELECT id, norm FROM alias")).all()
        assert sorted(keys) == sorted(name_keys.rows((a, n) for a, n in aliases))


def test_the_schema_refuses_a_second_alias_of_one_form(database: Database) -> None:
    """Whatever writes an alias, the database keeps one row per owner and form."""
    with database.session() as session:
        org = Resolver(session, AliasIndex(shared=False), "setup").organization("Anysphere")
        org_id = org.id
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(Alias(organization_id=org_id, name="ANYSPHERE", norm="anysphere"))
        session.flush()


class _AbortedFor:
    """What a DBAPI error carries: the SQLSTATE the server gave."""

    def __init__(self, sqlstate: str) -> None:
        self.sqlstate = sqlstate


def _store_failing_once(monkeypatch: pytest.MonkeyPatch, sqlstate: str) -> list[int]:
    """store_article raises once as if the server aborted it with `sqlstate`."""
    from sqlalchemy.exc import OperationalError

    from movesboard.models import store

    real, calls = store.store_article, [0]

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == 1:
            raise OperationalError("INSERT ...", {}, _AbortedFor(sqlstate))  # type: ignore[arg-type]
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "store_article", flaky)
    return calls


def test_an_article_aborted_by_a_deadlock_is_stored_on_the_next_try(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movesboard.pipeline import ingest_doc

    calls = _store_failing_once(monkeypatch, "40P01")
    doc = ArticleDoc(source="deadlock.txt", title="t", body="Omar Haddad joined Quantrix.")
    result = ingest_doc(database, doc)
    assert result.created and calls[0] == 2
    with database.session() as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == 1


def test_another_database_error_is_not_retried(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from movesboard.pipeline import ingest_doc

    calls = _store_failing_once(monkeypatch, "42501")  # permission denied: trying again won't help
    doc = ArticleDoc(source="denied.txt", title="t", body="Omar Haddad joined Quantrix.")
    with pytest.raises(OperationalError):
        ingest_doc(database, doc)
    assert calls[0] == 1
