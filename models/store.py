"""Write one article and what was extracted from it, all or nothing.

The caller owns the transaction (`Database.session()`): everything below is
added to one session, so an error anywhere leaves the database untouched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, or_, update
from sqlmodel import Session, col, select

from . import changes, name_keys, repeats
from .alias_index import AliasIndex
from .dialect import lock_names
from .identity import ArticleContext, Resolver, uid
from .names import organization_key, person_key
from .tables import Article, GroupMove, GroupMoveSource, Mention, Move

if TYPE_CHECKING:
    from collections.abc import Iterable

    from movesboard.extract.types import Extraction, FuzzyDate, OrgEntity, PersonEntity
    from movesboard.extract.types import Mention as ExtractedMention
    from movesboard.ingest import ArticleDoc

    from .tables import Person


@dataclass(frozen=True, slots=True)
class StoreResult:
    article_id: int
    created: bool  # False when the same content was already stored
    moves: int = 0
    people: int = 0


@dataclass(slots=True)
class PersonForms:
    """Everything one article says of one person key: it becomes one atom.

    An atom's uid derives from the article and the person key, so entities whose
    names fold to one key ("Jiahui Yu" and "Yu Jiahui", "José Pérez" and "Jose
    Perez") must share an atom, whatever the extractor listed them as.
    """

    names: list[str]  # the entities' names in listed order; the first names the atom
    mentions: list[ExtractedMention]

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def aliases(self) -> list[str]:
        """Every other form, first seen first: the other names, then mention texts."""
        seen = dict.fromkeys([*self.names[1:], *(m.text for m in self.mentions)])
        seen.pop(self.name, None)
        return list(seen)

    def absorb(self, entity: PersonEntity) -> None:
        self.names.append(entity.name)
        known = set(self.mentions)
        self.mentions.extend(m for m in entity.mentions if m not in known)


def people_by_key(people: Iterable[PersonEntity]) -> dict[str, PersonForms]:
    """The article's people grouped by person key, in the order first listed."""
    grouped: dict[str, PersonForms] = {}
    for entity in people:
        key = person_key(entity.name)
        if key in grouped:
            grouped[key].absorb(entity)
        else:
            grouped[key] = PersonForms([entity.name], list(entity.mentions))
    return grouped


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
    changes.note(session, changes.ChangeKind.ARTICLE, article.id)
    return store_facts(session, article, extraction, names)


def store_facts(
    session: Session, article: Article, extraction: Extraction, names: AliasIndex | None = None
) -> StoreResult:
    """Store what was extracted from an article already in the session (ingest, rebuild)."""
    assert article.id is not None
    content_hash = article.content_hash
    resolver = Resolver(session, names or AliasIndex(), content_hash)
    context = ArticleContext(
        organizations={organization_key(o.name): o.name for o in extraction.organizations},
        people={person_key(p.name): p.name for p in extraction.people},
    )

    lock_names(session, [*context.people, *(person_key(m.person) for m in extraction.moves)])
    mentions: list[dict[str, object]] = []
    org_ids = _store_organizations(resolver, article.id, extraction.organizations, mentions)
    person_ids = _store_people(resolver, article.id, extraction.people, context, mentions)
    if mentions:
        # One executemany: added one by one, the ORM flushed them in dribs
        # between the resolver's queries (27 statements an article).
        session.execute(insert(Mention), mentions)

    def org_id(name: str | None) -> int | None:
        if name is None:
            return None
        if name not in org_ids:  # a move may name an organisation the entity list missed
            org_ids[name] = resolver.organization(name).id  # type: ignore[assignment]
        return org_ids[name]

    moves = 0
    move_rows: list[dict[str, object]] = []
    for fact in extraction.moves:
        key = person_key(fact.person)
        if key not in person_ids:  # a move may name a person the entity list missed
            person_ids[key] = resolver.person(fact.person, context).id  # type: ignore[assignment]
        date, precision = _date_columns(fact.date)
        move_rows.append(
            {
                "uid": uid(
                    "m",
                    content_hash,
                    key,
                    organization_key(fact.from_org) if fact.from_org else None,
                    organization_key(fact.to_org) if fact.to_org else None,
                    fact.evidence_start,
                ),
                "person_id": person_ids[key],
                "from_org_id": org_id(fact.from_org),
                "to_org_id": org_id(fact.to_org),
                "role": fact.role,
                "date": date,
                "date_precision": precision,
                "article_id": article.id,
                "evidence": fact.evidence,
                "evidence_start": fact.evidence_start,
                "confidence": min(1.0, max(0.0, fact.confidence)),
                "modality": str(fact.modality),
            }
        )
        moves += fact.modality.counts
    if move_rows:
        # One executemany, as the mentions: ORM objects cost ~0.5 ms each and
        # were flushed one by one between the resolver's queries.
        session.execute(insert(Move), move_rows)

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
    repeats.mark_article(session, article.id)
    return StoreResult(
        article_id=article.id, created=True, moves=moves, people=len(set(person_ids.values()))
    )


def _store_organizations(
    resolver: Resolver,
    article_id: int,
    organizations: list[OrgEntity],
    mentions: list[dict[str, object]],
) -> dict[str, int]:
    """Each organisation with its aliases; its mentions go to `mentions`.
    Returns name -> organisation id."""
    org_ids: dict[str, int] = {}
    for org_entity in organizations:
        org = resolver.organization(org_entity.name, org_entity.parent)
        assert org.id is not None
        org_ids[org_entity.name] = org.id
        for alias in org_entity.aliases:
            resolver.add_alias(org, alias)
        mentions.extend(
            _mention(article_id, m, organization_id=org.id) for m in org_entity.mentions
        )
    return org_ids


def _store_people(
    resolver: Resolver,
    article_id: int,
    people: list[PersonEntity],
    context: ArticleContext,
    mentions: list[dict[str, object]],
) -> dict[str, int]:
    """One atom per person key, with its aliases; its mentions go to `mentions`.
    Returns key -> atom id.

    By key, as atom uids are: every form of one person finds its one atom.
    """
    person_ids: dict[str, int] = {}
    for key, forms in people_by_key(people).items():
        person = resolver.person(forms.name, context)
        assert person.id is not None
        person_ids[key] = person.id
        for alias in forms.aliases:
            resolver.add_alias(person, alias)
        mentions.extend(_mention(article_id, m, person_id=person.id) for m in forms.mentions)
    return person_ids


def _mention(
    article_id: int,
    mention: ExtractedMention,
    *,
    person_id: int | None = None,
    organization_id: int | None = None,
) -> dict[str, object]:
    """A mention row's columns, for one bulk insert."""
    return {
        "article_id": article_id,
        "person_id": person_id,
        "organization_id": organization_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
    }


def _date_columns(date: FuzzyDate | None) -> tuple[dt.date | None, str | None]:
    if date is None:
        return None, None
    return dt.date(date.year, date.month or 1, date.day or 1), str(date.precision)


def replace_facts(
    session: Session,
    article_id: int,
    extraction: Extraction,
    published: dt.date | None,
    names: AliasIndex | None = None,
) -> StoreResult:
    """Re-extract one stored article: its facts go, `extraction`'s take their place.

    For an article first stored with the wrong language or date. Its moves,
    mentions and group moves go; so do its person atoms (their uids derive
    from the content and the name, and come back with the new facts): a
    cluster they rooted is re-rooted on its earliest other atom. The user's
    decisions on the article's people and moves apply again; organisations stay.
    """
    from . import decisions, ties
    from .tables import Alias, ClusterTie, Decision, Person

    article = session.get(Article, article_id)
    assert article is not None
    keys = {person_key(p.name) for p in extraction.people} | {
        person_key(m.person) for m in extraction.moves
    }
    doomed = _article_atoms(session, article, keys)
    survivors = _drop_from_clusters(session, doomed)
    _delete_article_facts(session, article_id)
    ids = [atom.id for atom in doomed]
    doomed_aliases = select(Alias.id, Alias.norm).where(col(Alias.person_id).in_(ids))
    name_keys.forget(session.connection(), session.exec(doomed_aliases).all())  # type: ignore[arg-type]
    session.execute(delete(Alias).where(col(Alias.person_id).in_(ids)))
    session.execute(delete(ClusterTie).where(col(ClusterTie.root_id).in_(ids)))
    uids = [atom.uid for atom in doomed]
    session.execute(
        delete(Decision).where(col(Decision.actor) == "machine", col(Decision.a_ref).in_(uids))
    )
    session.execute(delete(Person).where(col(Person.id).in_(ids)))
    session.flush()
    session.expire_all()
    for root_id in survivors:
        root = session.get(Person, root_id)
        if root is not None:
            decisions._refresh_name(session, root)
    ties.recompute(session, survivors)

    article = session.get(Article, article_id)
    assert article is not None
    article.language, article.published = extraction.language, published
    result = store_facts(session, article, extraction, names)
    _reapply_decisions(session, article_id)
    repeats.mark(session, survivors)
    changes.note(session, changes.ChangeKind.REBUILD)  # open dashboards reload
    return result


def _article_atoms(session: Session, article: Article, keys: set[str]) -> list[Person]:
    """The article's person atoms: those its mentions and moves name, and those
    its new facts would make again (same uid)."""
    from .tables import Person

    named = select(Mention.person_id).where(Mention.article_id == article.id)
    moved = select(Move.person_id).where(Move.article_id == article.id)
    uids = [uid("p", article.content_hash, key) for key in keys]
    return list(
        session.exec(
            select(Person).where(
                or_(col(Person.id).in_(named), col(Person.id).in_(moved), col(Person.uid).in_(uids))
            )
        ).all()
    )


def _drop_from_clusters(session: Session, doomed: list[Person]) -> list[int]:
    """Take `doomed` atoms out of their clusters; returns the roots that remain.

    A cluster whose root goes is re-rooted on its earliest other atom (the
    user's name for it stays with it)."""
    from .tables import Person

    doomed_ids = {atom.id for atom in doomed}
    survivors: list[int] = []
    for root_id in sorted({atom.merged_into_id or atom.id for atom in doomed}):  # type: ignore[type-var]
        members = session.exec(
            select(Person)
            .where(or_(col(Person.id) == root_id, col(Person.merged_into_id) == root_id))
            .order_by(col(Person.id))
        ).all()
        staying = [atom for atom in members if atom.id not in doomed_ids]
        if not staying:
            continue
        root = next(atom for atom in members if atom.id == root_id)
        new_root = root if root.id not in doomed_ids else staying[0]
        if new_root is not root:
            new_root.merged_into_id = None
            new_root.match_score = new_root.match_reason = None
            for atom in staying[1:]:
                atom.merged_into_id = new_root.id
            if root.named_by_user:
                new_root.name, new_root.named_by_user = root.name, True
        survivors.append(new_root.id)  # type: ignore[arg-type]
    session.flush()
    return survivors


def _delete_article_facts(session: Session, article_id: int) -> None:
    """The article's moves, mentions and group moves (and reports pointing at its moves)."""
    moves = select(Move.id).where(Move.article_id == article_id)
    session.execute(update(Move).where(col(Move.repeat_of_id).in_(moves)).values(repeat_of_id=None))
    groups = select(GroupMove.id).where(GroupMove.article_id == article_id)
    session.execute(delete(GroupMoveSource).where(col(GroupMoveSource.group_move_id).in_(groups)))
    session.execute(delete(GroupMove).where(col(GroupMove.article_id) == article_id))
    session.execute(delete(Move).where(col(Move.article_id) == article_id))
    session.execute(delete(Mention).where(col(Mention.article_id) == article_id))
    session.flush()


def _reapply_decisions(session: Session, article_id: int) -> None:
    """The user's decisions naming the article's atoms or moves, again, in order."""
    from . import decisions
    from .tables import Decision, Person

    atoms = select(Person.uid).where(
        or_(
            col(Person.id).in_(select(Mention.person_id).where(Mention.article_id == article_id)),
            col(Person.id).in_(select(Move.person_id).where(Move.article_id == article_id)),
        )
    )
    moves = select(Move.uid).where(Move.article_id == article_id)
    undone = decisions.undone_ids(session)
    for decision in session.exec(
        select(Decision)
        .where(
            Decision.actor == "user",
            Decision.kind != "undo",
            or_(
                col(Decision.a_ref).in_(atoms),
                col(Decision.b_ref).in_(atoms),
                col(Decision.a_ref).in_(moves),
            ),
        )
        .order_by(col(Decision.id))
    ).all():
        if decision.id in undone:
            continue
        try:
            decisions._apply(session, decision)
        except decisions.DecisionError:
            continue  # what it named is no longer extracted
    session.flush()
