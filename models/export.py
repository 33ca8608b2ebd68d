"""The export contract (keys are stable: other tools build on them).

moves: person, from, to, role, date, article, article_title, published,
evidence, confidence, status. people: name, aliases, organizations.
organizations: name, aliases, parent.

Both formats are safe to print and to open.  No cell or value carries a raw
control character: JSON escapes them (`\u001b`, `\u202e`), so values stay
exact; CSV shows them as symbols.  A CSV cell that a spreadsheet would run as
a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
is prefixed with `'`, as OWASP recommends against CSV injection, so
`=HYPERLINK(...)` in a title reads `'=HYPERLINK(...)` and stays text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

from sqlmodel import Session, col, select

from movesboard.untrusted import has_unsafe, visible

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
            out.write(json_line(row) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(out, fieldnames=FIELDS[kind], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        count += 1
    return count


_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet may safely show it: lists "; "-joined in one
    column, control characters as symbols, a would-be formula kept as text."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_LEADS):
        value = "'" + value
    return visible(value, one_line=False)


def json_line(row: dict[str, Any]) -> str:
    """One JSON line; characters JSON leaves raw outside ASCII (C1 controls,
    bidi overrides) escaped too, so the line is exact and safe to print."""
    line = json.dumps(row, ensure_ascii=False)
    if not has_unsafe(line):
        return line
    return "".join(f"\\u{ord(c):04x}" if has_unsafe(c) else c for c in line)


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


def _aliases(session: Session, condition, name: str) -> list[str]:
    names = session.exec(select(Alias.name).where(condition).order_by(col(Alias.id))).all()
    return [alias for alias in dict.fromkeys(names) if alias != name]


def _people(session: Session) -> Iterator[dict[str, Any]]:
    persons = session.exec(
        select(Person)
        .where(col(Person.merged_into_id).is_(None))
        .order_by(col(Person.name), col(Person.id))
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
