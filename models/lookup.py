"""Fuzzy lookup of people and organisations by any name they are known by."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from . import queries
from .index import NameIndex
from .name_keys import StoredIndex
from .queries import ROOT_ID
from .tables import Alias, Organization, Person

# Below this, a hit shares little more than a letter or two with the query.
MIN_SCORE = 50.0


@dataclass(frozen=True, slots=True)
class LookupHit:
    kind: str  # person | organization
    id: int
    name: str
    matched: str  # the (folded) alias that matched best
    score: float  # 0..100
    detail: str  # latest move for a person, in/out counts for an organisation
    # What to name it by on the command line, stable across a rebuild and the
    # same on every machine: a person's uid (its cluster root's), an organisation's key.
    ref: str


def load_index(session: Session) -> StoredIndex:
    """The index over every stored alias, as kept in the database: nothing to load."""
    return StoredIndex(session.connection())


def lookup(
    session: Session,
    query: str,
    *,
    limit: int = 10,
    index: NameIndex | StoredIndex | None = None,
) -> list[LookupHit]:
    """Best people and organisations for `query`, each with its latest move or tallies.

    Index hits name person atoms; each is shown as its person (the cluster root),
    once, with the best score any of its names got.
    """
    if index is None:
        index = load_index(session)
    hits = [hit for hit in index.search(query, limit=limit * 3) if hit.score >= MIN_SCORE]
    atom_ids = [h.entity_id for h in hits if h.kind == "person"]
    roots = (
        dict(session.exec(select(Person.id, ROOT_ID).where(col(Person.id).in_(atom_ids))).all())
        if atom_ids
        else {}
    )
    best: dict[tuple[str, int], tuple[float, str]] = {}
    for hit in hits:
        entity_id = roots.get(hit.entity_id) if hit.kind == "person" else hit.entity_id
        if entity_id is None:  # gone since the index was built
            continue
        key = (hit.kind, entity_id)
        if key not in best or hit.score > best[key][0]:
            best[key] = (hit.score, hit.alias)
    written = _written_aliases(session, best)
    people = _names(session, Person, [i for k, i in best if k == "person"])
    orgs = _names(session, Organization, [i for k, i in best if k == "organization"])
    results = []
    details = _details(session, list(best))
    for (kind, entity_id), (score, alias) in best.items():
        names = people if kind == "person" else orgs
        if entity_id in names:
            name, ref = names[entity_id]
            detail = details.get((kind, entity_id), "no moves recorded")
            shown = written.get((kind, entity_id, alias), alias)
            results.append(LookupHit(kind, entity_id, name, shown, score, detail, ref))
    results.sort(key=lambda hit: (-hit.score, len(hit.name), hit.name))
    return results[:limit]


def _written_aliases(
    session: Session, best: dict[tuple[str, int], tuple[float, str]]
) -> dict[tuple[str, int, str], str]:
    """The matched aliases as the articles wrote them (the index keeps them folded)."""
    norms = {alias for _, alias in best.values()}
    if not norms:
        return {}
    rows = session.exec(
        select(Alias.name, Alias.norm, Alias.organization_id, ROOT_ID)
        .outerjoin(Person, col(Person.id) == Alias.person_id)
        .where(col(Alias.norm).in_(norms))
    ).all()
    written: dict[tuple[str, int, str], str] = {}
    for name, norm, organization_id, root_id in rows:
        key = (
            ("organization", organization_id, norm)
            if organization_id
            else ("person", root_id, norm)
        )
        written.setdefault(key, name)
    return written


def _names(
    session: Session, table: type[Person] | type[Organization], ids: list[int]
) -> dict[int, tuple[str, str]]:
    """id -> (name, stable reference): a person's uid, an organisation's key."""
    if not ids:
        return {}
    column = Person.uid if table is Person else Organization.key
    rows = session.exec(select(table.id, table.name, column).where(col(table.id).in_(ids))).all()
    return {row_id: (name, ref) for row_id, name, ref in rows if row_id is not None}


def _details(session: Session, entities: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Latest move per person, in/out tallies per organisation: two queries for all hits."""
    details: dict[tuple[str, int], str] = {}
    person_ids = [i for kind, i in entities if kind == "person"]
    for person_id, moves in queries.careers(session, person_ids).items():
        latest = moves[-1]  # careers are oldest first
        details[("person", person_id)] = f"{latest.summary()} · {latest.when}"
    org_ids = [i for kind, i in entities if kind == "organization"]
    for org_id, (arrivals, departures) in queries.flow_counts_many(session, org_ids).items():
        details[("organization", org_id)] = f"{arrivals} in, {departures} out"
    return details
