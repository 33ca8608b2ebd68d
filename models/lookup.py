"""Fuzzy lookup of people and organisations by any name they are known by."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from . import queries
from .names import fold
from .tables import Alias, Organization, Person


@dataclass(frozen=True, slots=True)
class LookupHit:
    kind: str  # person | organization
    id: int
    name: str
    matched: str  # the alias that matched best
    score: float  # 0..100
    detail: str  # latest move for a person, in/out counts for an organisation


class NameIndex:
    """Every alias of every entity, folded, ready for rapidfuzz scoring."""

    def __init__(self, entries: list[tuple[str, int, str, str]]) -> None:
        # (kind, entity id, display name, alias as seen)
        self.entries = entries
        self.folded = [fold(alias) for _, _, _, alias in entries]

    @classmethod
    def load(cls, session: Session) -> NameIndex:
        people = session.exec(
            select(Person.id, Person.name, Alias.name).join(Alias, Alias.person_id == Person.id)
        ).all()
        orgs = session.exec(
            select(Organization.id, Organization.name, Alias.name).join(
                Alias, Alias.organization_id == Organization.id
            )
        ).all()
        entries = [("person", *row) for row in people] + [("organization", *row) for row in orgs]
        return cls(entries)  # type: ignore[arg-type]

    def search(self, query: str, limit: int = 10) -> list[tuple[str, int, str, str, float]]:
        from rapidfuzz import fuzz, process

        needle = fold(query)
        if not needle:
            return []
        matches = process.extract(
            needle,
            self.folded,
            scorer=fuzz.WRatio,
            processor=None,
            limit=limit * 8,
            score_cutoff=50,
        )
        best: dict[tuple[str, int], tuple[str, int, str, str, float]] = {}
        for _, score, position in matches:
            kind, entity_id, name, alias = self.entries[position]
            current = best.get((kind, entity_id))
            if current is None or score > current[4]:
                best[(kind, entity_id)] = (kind, entity_id, name, alias, float(score))
        ranked = sorted(best.values(), key=lambda hit: (-hit[4], len(hit[2]), hit[2]))
        return ranked[:limit]


def lookup(session: Session, query: str, *, limit: int = 10) -> list[LookupHit]:
    hits = []
    for kind, entity_id, name, matched, score in NameIndex.load(session).search(query, limit):
        hits.append(
            LookupHit(kind, entity_id, name, matched, score, _detail(session, kind, entity_id))
        )
    return hits


def _detail(session: Session, kind: str, entity_id: int) -> str:
    if kind == "person":
        moves = queries.timeline(session, person_id=entity_id, limit=1)
        if not moves:
            return "no moves recorded"
        latest = moves[0]
        return f"{latest.summary()} · {latest.when}"
    org = queries.organization_detail(session, entity_id)
    if org is None:
        return ""
    return f"{len(org.arrivals)} in, {len(org.departures)} out"
