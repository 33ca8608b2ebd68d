"""The user's decisions: recorded as data, applied to the rows, replayed after a rebuild.

Every decision is appended to the Decision table with stable references
(person atom uids, organisation keys, move uids) and then applied. `replay()`
applies them all again, in order, to a freshly rebuilt database, which is how
nothing a user decided is lost. Applying a decision twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from . import repeats, ties
from .identity import uid
from .names import fold, organization_key, person_key
from .queries import cluster_atoms
from .tables import Alias, Decision, Mention, Move, Organization, Person


class DecisionError(Exception):
    """A decision that cannot be applied as asked; str() is a one-line explanation."""


# ------------------------------------------------------------------ finding things


def find_person(session: Session, name: str) -> Person:
    """The person (a cluster root) a user means by `name`: exact name, key or alias."""
    if name.isdigit():
        person = session.get(Person, int(name))
        if person is not None:
            return root_of(session, person)
    roots: dict[int, Person] = {}
    for atom in session.exec(select(Person).where(Person.key == person_key(name))).all():
        root = root_of(session, atom)
        roots[root.id] = root  # type: ignore[index]
    if not roots:
        owners = session.exec(
            select(Person)
            .join(Alias, col(Alias.person_id) == Person.id)
            .where(Alias.norm == fold(name))
        ).all()
        for atom in owners:
            root = root_of(session, atom)
            roots[root.id] = root  # type: ignore[index]
    if not roots:
        raise DecisionError(f"no person called {name!r} (try: movesboard lookup {name!r})")
    if len(roots) > 1:
        listed = ", ".join(f"#{r.id} {r.name}" for r in roots.values())
        raise DecisionError(f"{name!r} is ambiguous: {listed}; give the number instead")
    return next(iter(roots.values()))


def find_organization(session: Session, name: str) -> Organization:
    key = organization_key(name)
    org = session.exec(select(Organization).where(Organization.key == key)).first()
    if org is None:
        org = session.exec(
            select(Organization)
            .join(Alias, col(Alias.organization_id) == Organization.id)
            .where(Alias.norm == fold(name))
        ).first()
    if org is None:
        raise DecisionError(f"no organisation called {name!r}")
    return org


def find_move(session: Session, ref: str) -> Move:
    move = session.get(Move, int(ref)) if ref.isdigit() else None
    if move is None:
        move = session.exec(select(Move).where(Move.uid == ref)).first()
    if move is None:
        raise DecisionError(f"no move {ref!r} (ids are shown by: movesboard moves list)")
    return move


def root_of(session: Session, atom: Person) -> Person:
    if atom.merged_into_id is None:
        return atom
    root = session.get(Person, atom.merged_into_id)
    assert root is not None, "merged_into_id always points at a root"
    return root


def _atoms(session: Session, root: Person) -> list[Person]:
    return list(
        session.exec(select(Person).where(col(Person.id).in_(cluster_atoms(root.id)))).all()  # type: ignore[arg-type]
    )


# ------------------------------------------------------------------ people


def merge_people(session: Session, keep: Person, other: Person) -> Person:
    """Say `keep` and `other` are the same person; returns the surviving root."""
    keep, other = root_of(session, keep), root_of(session, other)
    if keep.id == other.id:
        raise DecisionError(f"{keep.name} and {other.name} are already one person")
    moved = " ".join(atom.uid for atom in _atoms(session, other))  # what an undo detaches
    _record(session, "same", "person", keep.uid, other.uid, value=moved)
    keep = _merge(session, keep, other)
    repeats.mark(session, [keep.id])  # type: ignore[list-item]
    return keep


def _merge(session: Session, keep: Person, other: Person) -> Person:
    if keep.id == other.id:
        return keep
    session.execute(
        update(Person)
        .where(or_(Person.id == other.id, Person.merged_into_id == other.id))
        .values(merged_into_id=keep.id)
    )
    session.expire_all()
    ties.recompute(session, [keep.id, other.id])
    keep = session.get(Person, keep.id)  # type: ignore[assignment]
    if other.named_by_user and not keep.named_by_user:
        keep.name, keep.named_by_user = other.name, True
    _refresh_name(session, keep)
    return keep


def _refresh_name(session: Session, root: Person) -> None:
    """A cluster shows the user's name for it, else the fullest name of its atoms."""
    if not root.named_by_user:
        root.name = max((atom.atom_name for atom in _atoms(session, root)), key=len)
    session.flush()


def split_person(session: Session, person: Person, alias: str) -> Person:
    """Take `alias` off `person`: it names someone else. Returns the new person.

    Atoms created under that name are detached whole (this undoes a merge);
    otherwise the alias and its mentions move to a new person of that name.
    """
    stays, detached = _split(session, root_of(session, person), alias)
    _record(session, "split", "person", stays.uid, detached.uid, value=alias)
    repeats.mark(session, [stays.id, detached.id])  # type: ignore[list-item]
    return detached


def _split(session: Session, root: Person, alias: str) -> tuple[Person, Person]:
    """(the root that stays, the root split off)."""
    atoms = _atoms(session, root)
    key = person_key(alias)
    matching = [atom for atom in atoms if atom.key == key]
    if matching:
        if len(matching) == len(atoms):
            raise DecisionError(f"every record of {root.name} is named {alias!r}: nothing to split")
        return _detach(session, root, matching)

    norm = fold(alias)
    carriers = session.exec(
        select(Alias).where(col(Alias.person_id).in_([a.id for a in atoms]), Alias.norm == norm)
    ).all()
    if not carriers:
        raise DecisionError(f"{root.name} is not known as {alias!r}")
    new_atoms = []
    for carrier in carriers:
        source = session.get(Person, carrier.person_id)
        assert source is not None
        atom = Person(uid=uid("p", source.uid, "split", norm), atom_name=alias, name=alias, key=key)
        session.add(atom)
        session.flush()
        session.execute(
            update(Mention)
            .where(col(Mention.person_id) == source.id, Mention.text == carrier.name)
            .values(person_id=atom.id)
        )
        carrier.person_id = atom.id
        new_atoms.append(atom)
    _reroot(session, new_atoms[0], new_atoms[1:])
    ties.recompute(session, [root.id, new_atoms[0].id])
    return root, new_atoms[0]


def _detach(session: Session, root: Person, leaving: list[Person]) -> tuple[Person, Person]:
    """Move `leaving` atoms out of `root`'s cluster into one of their own."""
    leaving_ids = {atom.id for atom in leaving}
    staying = [atom for atom in _atoms(session, root) if atom.id not in leaving_ids]
    stays = root if root.id not in leaving_ids else staying[0]
    _reroot(session, leaving[0], leaving[1:])
    _reroot(session, stays, [atom for atom in staying if atom.id != stays.id])
    if root.id in leaving_ids and root.named_by_user:  # the user's name stays with the cluster
        stays.name, stays.named_by_user = root.name, True
        root.named_by_user = False
    _refresh_name(session, stays)
    _refresh_name(session, leaving[0])
    ties.recompute(session, [root.id, stays.id, leaving[0].id])
    return stays, leaving[0]


def _reroot(session: Session, root: Person, members: list[Person]) -> None:
    root.merged_into_id = None
    root.match_score = root.match_reason = None
    for member in members:
        member.merged_into_id = root.id
    session.flush()


def rename_person(session: Session, person: Person, name: str) -> Person:
    root = root_of(session, person)
    if not name.strip():
        raise DecisionError("a name cannot be empty")
    _record(session, "rename", "person", root.uid, value=name.strip())
    root.name, root.named_by_user = name.strip(), True
    session.flush()
    return root


def judge_pair(session: Session, a: Person, b: Person, kind: str) -> None:
    """Record a same / different / unsure judgement on two people and apply it."""
    if kind == "same":
        merge_people(session, a, b)
    elif kind == "different":
        _record(session, "different", "person", a.uid, b.uid)
        if root_of(session, a).id == root_of(session, b).id:
            _detach(session, root_of(session, a), [b])
            repeats.mark(session, [a.id, b.id])  # type: ignore[list-item]
    elif kind == "unsure":
        _record(session, "unsure", "person", a.uid, b.uid)
    else:
        raise DecisionError(f"unknown judgement {kind!r}")


# ------------------------------------------------------------ organisations


def set_parent(session: Session, child: Organization, parent: Organization | None) -> None:
    if parent is not None:
        ancestor: Organization | None = parent
        while ancestor is not None:
            if ancestor.id == child.id:
                raise DecisionError(f"{parent.name} is part of {child.name}: that makes a loop")
            ancestor = session.get(Organization, ancestor.parent_id) if ancestor.parent_id else None
    _record(session, "parent", "organization", child.key, parent.key if parent else None)
    child.parent_id = parent.id if parent else None
    session.flush()
    repeats.mark(session)  # which reports name the same destination may change anywhere


# -------------------------------------------------------------------- moves


def set_move_status(session: Session, move: Move, status: str) -> Move:
    kinds = {"confirmed": "confirm", "rejected": "reject", "pending": "reopen"}
    if status not in kinds:
        raise DecisionError(f"unknown status {status!r}")
    # b_ref keeps the status before, for an undo.
    _record(session, kinds[status], "move", move.uid, move.status)
    move.status = status
    session.flush()
    repeats.mark(session, [move.person_id])  # a rejected report cannot be the primary
    return move


# --------------------------------------------------------------- suggestions


@dataclass(frozen=True, slots=True)
class Suggestion:
    decision_id: int
    atom: Person  # the person as named in the newer article
    candidate: Person  # the cluster root it may belong to
    score: float
    reason: str


def pending_suggestions(session: Session) -> list[Suggestion]:
    """Machine suggestions nobody has judged, whose two people are still apart."""
    machine = session.exec(
        select(Decision).where(Decision.actor == "machine", Decision.kind == "suggest")
    ).all()
    undone = _undone(session)
    judged = {
        frozenset((d.a_ref, d.b_ref))
        for d in session.exec(
            select(Decision).where(
                Decision.actor == "user",
                Decision.subject == "person",
                col(Decision.kind).in_(("same", "different", "unsure", "split")),
            )
        ).all()
        if d.id not in undone
    }
    pending = []
    for suggestion in machine:
        if frozenset((suggestion.a_ref, suggestion.b_ref)) in judged:
            continue
        atom = session.exec(select(Person).where(Person.uid == suggestion.a_ref)).first()
        other = session.exec(select(Person).where(Person.uid == suggestion.b_ref)).first()
        if atom is None or other is None:
            continue
        if root_of(session, atom).id == root_of(session, other).id:
            continue
        pending.append(
            Suggestion(
                suggestion.id,  # type: ignore[arg-type]
                atom,
                root_of(session, other),
                suggestion.score or 0.0,
                suggestion.value or "",
            )
        )
    return pending


# --------------------------------------------------------------------- undo


def undo(session: Session, decision_id: int) -> str:
    """Reverse one user decision (merges, splits, judgements, move statuses).

    The decision stays in the log; an "undo" decision naming it is appended,
    and replay skips both. Returns a one-line description of what was undone.
    """
    decision = session.get(Decision, decision_id)
    if decision is None or decision.actor != "user" or decision.kind == "undo":
        raise DecisionError(f"no user decision #{decision_id} to undo")
    if decision.id in _undone(session):
        raise DecisionError(f"decision #{decision_id} is already undone")
    touched: list[int] = []
    if decision.subject == "person":
        a = _atom(session, decision.a_ref)
        b = _atom(session, decision.b_ref) if decision.b_ref else None
        touched = [atom.id for atom in (a, b) if atom is not None]  # type: ignore[misc]
        if decision.kind == "same" and a is not None:
            moved_uids = set((decision.value or "").split())
            root = root_of(session, a)
            moved = [atom for atom in _atoms(session, root) if atom.uid in moved_uids]
            if moved and len(moved) < len(_atoms(session, root)):
                _detach(session, root, moved)
        elif decision.kind == "split" and a is not None and b is not None:
            _merge(session, root_of(session, a), root_of(session, b))
        elif decision.kind not in ("different", "unsure"):
            raise DecisionError(f"a {decision.kind} decision cannot be undone here")
    elif decision.subject == "move":
        for move in session.exec(select(Move).where(Move.uid == decision.a_ref)).all():
            move.status = decision.b_ref or "pending"
            touched.append(move.person_id)
    else:
        raise DecisionError(f"a {decision.kind} decision cannot be undone here")
    _record(
        session, "undo", decision.subject, decision.a_ref, decision.b_ref, value=str(decision.id)
    )
    session.flush()
    repeats.mark(session, touched)
    return f"undid {decision.kind} #{decision.id}"


def last_user_decision(session: Session) -> Decision | None:
    """The newest user decision that is not undone and can be undone (for a review's undo key)."""
    undone = _undone(session)
    for decision in session.exec(
        select(Decision)
        .where(Decision.actor == "user", Decision.kind != "undo")
        .order_by(col(Decision.id).desc())
    ).all():
        if decision.id not in undone:
            return decision
    return None


def _undone(session: Session) -> set[int]:
    values = session.exec(
        select(Decision.value).where(Decision.actor == "user", Decision.kind == "undo")
    ).all()
    return {int(value) for value in values if value and value.isdigit()}


# ------------------------------------------------------------------- replay


def replay(session: Session) -> int:
    """Apply every user decision again, in order (after a rebuild). Returns how many applied."""
    applied = 0
    undone = _undone(session)
    for decision in session.exec(
        select(Decision).where(Decision.actor == "user").order_by(Decision.id)
    ).all():
        if decision.kind == "undo" or decision.id in undone:
            continue
        try:
            applied += _apply(session, decision)
        except DecisionError:
            continue  # what it named is no longer extracted; keep the record, skip it
    session.flush()
    repeats.mark(session)
    return applied


def _apply(session: Session, decision: Decision) -> bool:
    if decision.subject == "person":
        a = _atom(session, decision.a_ref)
        b = _atom(session, decision.b_ref) if decision.b_ref else None
        if a is None:
            return False
        if decision.kind == "same" and b is not None:
            _merge(session, root_of(session, a), root_of(session, b))
        elif decision.kind == "split" and decision.value:
            # Only if the rebuild joined them again (or the split-off person is gone).
            if b is None or root_of(session, a).id == root_of(session, b).id:
                _split(session, root_of(session, a), decision.value)
        elif decision.kind == "different" and b is not None:
            if root_of(session, a).id == root_of(session, b).id:
                _detach(session, root_of(session, a), [b])
        elif decision.kind == "rename" and decision.value:
            root = root_of(session, a)
            root.name, root.named_by_user = decision.value, True
        else:
            return False
        session.flush()
        return True
    if decision.subject == "organization" and decision.kind == "parent":
        child = session.exec(select(Organization).where(Organization.key == decision.a_ref)).first()
        parent = (
            session.exec(select(Organization).where(Organization.key == decision.b_ref)).first()
            if decision.b_ref
            else None
        )
        if child is None:
            return False
        child.parent_id = parent.id if parent else None
        return True
    if decision.subject == "move":
        statuses = {"confirm": "confirmed", "reject": "rejected", "reopen": "pending"}
        moves = session.exec(select(Move).where(Move.uid == decision.a_ref)).all()
        for move in moves:
            move.status = statuses.get(decision.kind, move.status)
        return bool(moves)
    return False


def _atom(session: Session, ref: str) -> Person | None:
    return session.exec(select(Person).where(Person.uid == ref)).first()


def _record(
    session: Session,
    kind: str,
    subject: str,
    a_ref: str,
    b_ref: str | None = None,
    *,
    value: str | None = None,
) -> None:
    session.add(Decision(kind=kind, subject=subject, a_ref=a_ref, b_ref=b_ref, value=value))
    session.flush()
