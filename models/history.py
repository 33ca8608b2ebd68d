"""The decisions log in words: who decided what, and when, newest first.

Decisions hold stable references (atom uids, organisation keys, move uids);
this names them as a person reads them ("Jason Wei: OpenAI → Meta"), and says
which were undone. Shown by `movesboard decisions` and the review screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from .decisions import undone_ids
from .tables import Decision, Move, Organization, Person

# What each kind of decision says, with {a} and {b} the things it names.
_PHRASES = {
    "same": "{a} and {b} are one person",
    "different": "{a} and {b} are different people",
    "unsure": "unsure whether {a} and {b} are one person",
    "split": "split {b} off {a}",
    "rename": "renamed {a} to {value}",
    "parent": "{a} is part of {b}",
    "confirm": "confirmed {a}",
    "reject": "rejected {a}",
    "undo": "undid decision #{value}",
}


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    decided_at: dt.datetime
    decided_by: str | None  # None: decided before who was recorded
    kind: str
    text: str  # what was decided, in words
    undone: bool


def history(session: Session, *, limit: int = 20) -> list[DecisionRow]:
    """The newest user decisions, undos included."""
    decisions = session.exec(
        select(Decision)
        .where(Decision.actor == "user")
        .order_by(col(Decision.id).desc())
        .limit(limit)
    ).all()
    undone = undone_ids(session)
    return [
        DecisionRow(
            id=d.id,  # type: ignore[arg-type]
            decided_at=d.created_at,
            decided_by=d.decided_by,
            kind=d.kind,
            text=describe(session, d),
            undone=d.id in undone,
        )
        for d in decisions
    ]


def describe(session: Session, decision: Decision) -> str:
    phrase = _PHRASES.get(decision.kind, decision.kind + " {a} {b}")
    a = _name(session, decision.subject, decision.a_ref)
    b = ""  # a move decision's b_ref is the status it replaced: not shown
    if decision.subject != "move":
        b = _name(session, decision.subject, decision.b_ref) if decision.b_ref else "no parent"
    return phrase.format(a=a, b=b, value=decision.value or "").strip()


def _name(session: Session, subject: str, ref: str | None) -> str:
    """A reference as a reader knows it; the reference itself when its row is gone."""
    if ref is None:
        return ""
    if subject == "person":
        person = session.exec(select(Person).where(Person.uid == ref)).first()
        return person.atom_name if person is not None else ref
    if subject == "organization":
        org = session.exec(select(Organization).where(Organization.key == ref)).first()
        return org.name if org is not None else ref
    return _move_name(session, ref)


def _move_name(session: Session, ref: str) -> str:
    move = session.exec(select(Move).where(Move.uid == ref)).first()
    if move is None:
        return ref
    person = session.get(Person, move.person_id)
    origin = session.get(Organization, move.from_org_id) if move.from_org_id else None
    destination = session.get(Organization, move.to_org_id) if move.to_org_id else None
    route = f"{origin.name if origin else '?'} → {destination.name if destination else '?'}"
    return f"{person.atom_name if person else '?'}: {route} ({ref})"
