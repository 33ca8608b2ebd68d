"""The export contract (keys are stable: other tools build on them).

moves: person, from, to, role, date, article, article_title, published,
evidence, confidence, status. people: name, aliases, organizations.
organizations: name, aliases, parent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlmodel import Session, col, select

from . import queries
from .tables import Alias, Organization, Person

KINDS = ("moves", "people", "organizations")
FIELDS = {
    "moves": [
        "person",
        "from",
        "to",
        "role",
        "date",
        "article",
        "article_title",
        "published",
        "evidence",
        "confidence",
        "status",
        "reports",  # articles reporting the move; each move is one row
    ],
    "people": ["name", "aliases", "organizations"],
    "organizations": ["name", "aliases", "parent"],
}


def records(session: Session, kind: str) -> Iterator[dict[str, Any]]:
    if kind == "moves":
        yield from _moves(session)
    elif kind == "people":
        yield from _people(session)
    elif kind == "organizations":
        yield from _organizations(session)
    else:
        raise ValueError(f"unknown export kind: {kind}")


def write(rows: Iterator[dict[str, Any]], kind: str, fmt: str, out: IO[str]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(out, fieldnames=FIELDS[kind], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # Lists become "; "-joined cells so a spreadsheet shows them in one column.
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    return count


def _moves(session: Session) -> Iterator[dict[str, Any]]:
    for move in reversed(queries.timeline(session, limit=None)):
        yield {
            "person": move.person,
            "from": move.from_org,
            "to": move.to_org,
            "role": move.role,
            "date": move.date,
            "article": move.article_source,
            "article_title": move.article_title,
            "published": move.published.isoformat() if move.published else None,
            "evidence": move.evidence,
            "confidence": round(move.confidence, 3),
            "status": move.status,
            "reports": move.reports,
        }


def _aliases(session: Session, condition, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    names = session.exec(select(Alias.name).where(condition).order_by(Alias.id)).all()
    return [alias for alias in dict.fromkeys(names) if alias != name]


def _people(session: Session) -> Iterator[dict[str, Any]]:
    persons = session.exec(
        select(Person).where(col(Person.merged_into_id).is_(None)).order_by(Person.name, Person.id)
    ).all()
    career = queries.careers(session, [p.id for p in persons])  # type: ignore[misc]
    for person in persons:
        orgs: list[str] = []
        for move in career.get(person.id, []):  # type: ignore[arg-type]
            for name in (move.from_org, move.to_org):
                if name and name not in orgs:
                    orgs.append(name)
        yield {
            "name": person.name,
            "aliases": _aliases(
                session,
                col(Alias.person_id).in_(queries.cluster_atoms(person.id)),  # type: ignore[arg-type]
                person.name,
            ),
            "organizations": orgs,
        }


def _organizations(session: Session) -> Iterator[dict[str, Any]]:
    names = dict(session.exec(select(Organization.id, Organization.name)).all())
    for org in session.exec(select(Organization).order_by(Organization.name)).all():
        yield {
            "name": org.name,
            "aliases": _aliases(session, Alias.organization_id == org.id, org.name),
            "parent": names.get(org.parent_id) if org.parent_id else None,
        }
