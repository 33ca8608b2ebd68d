"""`movesboard rebuild`: re-extract every stored article from scratch, keep every decision.

Used after the extractor or the identity rules improve. It runs as one
transaction: either the whole database is rebuilt, or nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movesboard.models.db import Database


@dataclass(frozen=True, slots=True)
class RebuildSummary:
    articles: int
    moves: int
    people: int
    decisions: int

    def line(self) -> str:
        return (
            f"rebuilt {self.articles} articles: {self.moves} moves, {self.people} people; "
            f"{self.decisions} decisions re-applied"
        )


def rebuild(database: Database) -> RebuildSummary:
    from sqlalchemy import delete
    from sqlmodel import select

    from movesboard.extract import extract
    from movesboard.models import alias_index, changes, decisions, queries
    from movesboard.models.store import store_facts
    from movesboard.models.tables import (
        Alias,
        Article,
        ClusterTie,
        Decision,
        GroupMove,
        GroupMoveSource,
        Mention,
        Move,
        NameKey,
        Organization,
        Person,
    )

    with database.session() as session:
        # Derived rows go; articles (the sources) and the user's decisions stay.
        # Machine suggestions are derived too: resolution makes them again.
        for table in (GroupMoveSource, GroupMove, Move, Mention, NameKey, Alias, ClusterTie):
            session.execute(delete(table))
        session.execute(delete(Person).where(Person.merged_into_id.is_not(None)))
        session.execute(delete(Person))
        session.execute(delete(Organization).where(Organization.parent_id.is_not(None)))
        session.execute(delete(Organization))
        session.execute(delete(Decision).where(Decision.actor == "machine"))
        session.flush()

        names = alias_index.AliasIndex(shared=False)
        articles = session.exec(select(Article).order_by(Article.id)).all()
        for article in articles:
            extraction = extract(
                article.body,
                title=article.title,
                published=article.published,
                language=article.language,
            )
            store_facts(session, article, extraction, names)
        applied = decisions.replay(session)
        changes.note(session, changes.ChangeKind.REBUILD)  # open dashboards reload
        totals = queries.totals(session)
    alias_index.forget(database.url)
    return RebuildSummary(len(articles), totals.moves, totals.people, applied)
