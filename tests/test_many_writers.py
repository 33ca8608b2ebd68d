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
from movesboard.models.tables import Article, Organization


def _article(person: str) -> tuple[ArticleDoc, Extraction]:
    body = f"{person} joined Nova Fieldworks."
    org_at = body.index("Nova")
    extraction = Extraction(
        language="en",
        people=[PersonEntity(person, [Mention(person, 0, len(person))])],
        organizations=[
            OrgEntity("Nova Fieldworks", mentions=[Mention("Nova Fieldworks", org_at, org_at + 15)])
        ],
    )
    return ArticleDoc(source=f"{person}.txt", title=person, body=body), extraction


def test_two_writers_meeting_one_new_organisation_both_keep_their_articles(
    database: Database,
) -> None:
    first_stored, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with database.session() as session:
                store_article(session, *_article("Ada Quill"), AliasIndex(shared=False))
                first_stored.set()
                release.wait(20)  # the transaction stays open meanwhile
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)
            first_stored.set()

    def second() -> None:
        first_stored.wait(20)
        try:
            with database.session() as session:
                store_article(session, *_article("Bo Lindqvist"), AliasIndex(shared=False))
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
    with database.session() as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == 2
        orgs = session.exec(select(Organization.name)).all()
        assert orgs == ["Nova Fieldworks"]
