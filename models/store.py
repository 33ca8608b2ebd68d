"""Write one article and what was extracted from it, all or nothing.

The caller owns the transaction (`Database.session()`): everything below is
added to one session, so an error anywhere leaves the database untouched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from . import repeats
from .alias_index import AliasIndex
from .identity import ArticleContext, Resolver, uid
from .names import organization_key, person_key
from .tables import Article, GroupMove, GroupMoveSource, Mention, Move

if TYPE_CHECKING:
    from movesboard.extract.types import Extraction, FuzzyDate
    from movesboard.ingest import ArticleDoc


@dataclass(frozen=True, slots=True)
class StoreResult:
    article_id: int
    created: bool  # False when the same content was already stored
    moves: int = 0
    people: int = 0


def find_article(session: Session, content_hash: str) -> int | None:
    return session.exec(select(Article.id).where(Article.content_hash == content_hash)).first()


def store_article(
    session: Session, doc: ArticleDoc, extraction: Extraction, names: AliasIndex | None = None
) -> StoreResult:
    """Store the article and its facts; `names` is the database's shared name index."""
    existing = find_article(session, doc.content_hash)
    if existing is not None:
        return StoreResult(article_id=existing, created=False)

    article = Article(
        source=doc.source,
        url=doc.url,
        site=doc.site,
        title=doc.title,
        published=doc.published,
        language=extraction.language,
        body=doc.body,
        content_hash=doc.content_hash,
    )
    session.add(article)
    session.flush()
    return store_facts(session, article, extraction, names)


def store_facts(
    session: Session, article: Article, extraction: Extraction, names: AliasIndex | None = None
) -> StoreResult:
    """Store what was extracted from an article already in the session (ingest, rebuild)."""
    assert article.id is not None
    content_hash = article.content_hash
    resolver = Resolver(session, names or AliasIndex(), content_hash)
    context = ArticleContext(
        organizations=frozenset(organization_key(o.name) for o in extraction.organizations),
        people=frozenset(person_key(p.name) for p in extraction.people),
    )

    org_ids: dict[str, int] = {}
    for org_entity in extraction.organizations:
        org = resolver.organization(org_entity.name, org_entity.parent)
        assert org.id is not None
        org_ids[org_entity.name] = org.id
        for alias in org_entity.aliases:
            resolver.add_alias(org, alias)
        session.add_all(
            Mention(
                article_id=article.id, organization_id=org.id, start=m.start, end=m.end, text=m.text
            )
            for m in org_entity.mentions
        )

    person_ids: dict[str, int] = {}
    for person_entity in extraction.people:
        person = resolver.person(person_entity.name, context)
        assert person.id is not None
        person_ids[person_entity.name] = person.id
        for alias in person_entity.aliases:
            resolver.add_alias(person, alias)
        session.add_all(
            Mention(
                article_id=article.id, person_id=person.id, start=m.start, end=m.end, text=m.text
            )
            for m in person_entity.mentions
        )

    def org_id(name: str | None) -> int | None:
        if name is None:
            return None
        if name not in org_ids:  # a move may name an organisation the entity list missed
            org_ids[name] = resolver.organization(name).id  # type: ignore[assignment]
        return org_ids[name]

    moves = 0
    for fact in extraction.moves:
        if fact.person not in person_ids:
            person_ids[fact.person] = resolver.person(fact.person, context).id  # type: ignore[assignment]
        date, precision = _date_columns(fact.date)
        session.add(
            Move(
                uid=uid(
                    "m",
                    content_hash,
                    person_key(fact.person),
                    organization_key(fact.from_org) if fact.from_org else None,
                    organization_key(fact.to_org) if fact.to_org else None,
                    fact.evidence_start,
                ),
                person_id=person_ids[fact.person],
                from_org_id=org_id(fact.from_org),
                to_org_id=org_id(fact.to_org),
                role=fact.role,
                date=date,
                date_precision=precision,
                article_id=article.id,
                evidence=fact.evidence,
                evidence_start=fact.evidence_start,
                confidence=min(1.0, max(0.0, fact.confidence)),
                modality=str(fact.modality),
            )
        )
        moves += fact.modality.counts

    for group in extraction.group_moves:
        date, precision = _date_columns(group.date)
        group_move = GroupMove(
            article_id=article.id,
            count=group.count,
            to_org_id=org_id(group.to_org),
            date=date,
            date_precision=precision,
            evidence=group.evidence,
            evidence_start=group.evidence_start,
            modality=str(group.modality),
        )
        session.add(group_move)
        session.flush()
        source_ids = {org_id(name) for name in group.from_orgs} - {None}
        session.add_all(
            GroupMoveSource(group_move_id=group_move.id, organization_id=source_id)  # type: ignore[arg-type]
            for source_id in source_ids
        )

    session.flush()
    # Another article may have reported these moves already: count each once.
    repeats.mark(
        session,
        set(person_ids.values()),  # type: ignore[arg-type]
        {org for org in org_ids.values() if org is not None},
    )
    return StoreResult(
        article_id=article.id, created=True, moves=moves, people=len(set(person_ids.values()))
    )


def _date_columns(date: FuzzyDate | None) -> tuple[dt.date | None, str | None]:
    if date is None:
        return None, None
    return dt.date(date.year, date.month or 1, date.day or 1), str(date.precision)
