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

from sqlalchemy import func
from sqlmodel import select

from movesboard.extract.types import Extraction, Mention, OrgEntity, PersonEntity
from movesboard.ingest.document import ArticleDoc
from movesboard.models.alias_index import AliasIndex
from movesboard.models.db import Database
from movesboard.models.store import store_article
from movesboard.models.tables import Article, Organization, Person

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
