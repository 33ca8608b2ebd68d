"""The user's decisions: recorded as data, applied to the rows, replayed after a rebuild.

Every decision is appended to the Decision table with stable references
(person atom uids, organisation keys, move uids) and then applied. `replay()`
applies them all again, in order, to a freshly rebuilt database, which is how
nothing a user decided is lost. Applying a decision twice changes nothing.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from . import changes, repeats, ties
from .dialect import database_role
from .identity import uid
from .names import fold, organization_key, person_key
from .queries import cluster_atoms
from .tables import Alias, Decision, Mention, Move, Organization, Person

T = TypeVar("T")


class DecisionError(Exception):
    """A decision that cannot be applied as asked; str() is a one-line explanation."""


# ------------------------------------------------------------------ finding things
#
# What a user types to name something, on the command line or to a colleague:
# stable references first (they survive `rebuild` and mean the same on every
# machine), then names. A bare number is never a row id: "43" meant another
# move after a rebuild. `#43` is this database's row, until the next rebuild.

# A uid (`p-3f2a9c1b0d4e7`) or a prefix of one, as git takes a hash.
_UID = re.compile(r"[a-z]-[0-9a-f]{1,13}")
MIN_UID_PREFIX = 6  # characters after the dash
_ROW_ID = re.compile(r"#(\d+)")
_LISTED = 5  # candidates named in an "ambiguous" error


def find_person(session: Session, ref: str) -> Person:
    """The person (a cluster root) a user means by `ref`.

    A uid (`p-…`) of any of its atoms, or a unique prefix of one; an exact
    name, key or alias; `#N`, this database's row number (until a rebuild).
    """
    ref = ref.strip()
    row = _row_id(ref)
    if row is not None:
        atom = session.get(Person, row)
        if atom is None:
            raise DecisionError(f"no person {ref} in this database (try: movesboard lookup NAME)")
        return root_of(session, atom)
    if _is_uid(ref, "p"):
        return _person_by_uid(session, ref.lower())
    roots = _roots(session, session.exec(select(Person).where(Person.key == person_key(ref))).all())
    if not roots:
        aliased = select(Person).join(Alias, col(Alias.person_id) == Person.id)
        roots = _roots(session, session.exec(aliased.where(Alias.norm == fold(ref))).all())
    hint = f"; a row number is written #{ref}" if ref.isdigit() else ""
    missing = f"no person called {ref!r} (try: movesboard lookup {ref!r}{hint})"
    return _the_one(roots, ref, missing, lambda r: f"{r.uid} {r.name}", "uid")


def find_organization(session: Session, ref: str) -> Organization:
    """The organisation a user means by `ref`: its key (what `lookup` shows), name or alias."""
    ref = ref.strip()
    for key in dict.fromkeys((ref, organization_key(ref))):
        org = session.exec(select(Organization).where(Organization.key == key)).first()
        if org is not None:
            return org
    owners = session.exec(
        select(Organization)
        .join(Alias, col(Alias.organization_id) == Organization.id)
        .where(Alias.norm == fold(ref))
        .order_by(col(Organization.id))
    ).all()
    orgs = list({org.id: org for org in owners}.values())
    missing = f"no organisation called {ref!r} (try: movesboard lookup {ref!r})"
    return _the_one(orgs, ref, missing, lambda org: f"{org.key!r} ({org.name})", "key")


def _the_one(
    found: Sequence[T], ref: str, missing: str, shown: Callable[[T], str], instead: str
) -> T:
    """The one thing `ref` names; DecisionError when it names none or several."""
    if not found:
        raise DecisionError(missing)
    if len(found) > 1:
        listed = _listing(shown(thing) for thing in found)
        raise DecisionError(f"{ref!r} is ambiguous: {listed}; give the {instead} instead")
    return found[0]


def find_move(session: Session, ref: str) -> Move:
    """The move a user means by `ref`: its uid (`m-…`) or a unique prefix of one,
    or `#N`, this database's row number (until a rebuild)."""
    ref = ref.strip()
    row = _row_id(ref)
    if row is not None:
        move = session.get(Move, row)
        if move is None:
            raise DecisionError(f"no move {ref} in this database (try: movesboard moves list)")
        return move
    if not _is_uid(ref, "m"):
        hint = f"; a row number is written #{ref}" if ref.isdigit() else ""
        raise DecisionError(
            f"no move {ref!r}: give its uid, m-… (try: movesboard moves list{hint})"
        )
    moves = _uid_matches(session, Move, ref.lower())
    uids = sorted({move.uid for move in moves})
    if not uids:
        raise DecisionError(f"no move {ref!r} (try: movesboard moves list)")
    if len(uids) > 1:
        raise DecisionError(f"{ref!r} is ambiguous: {_listing(uids)}; give more of the uid")
    return moves[0]


def _row_id(ref: str) -> int | None:
    match = _ROW_ID.fullmatch(ref)
    return int(match.group(1)) if match else None


def _is_uid(ref: str, letter: str) -> bool:
    """Whether `ref` is written as a uid of this kind (too short a prefix raises)."""
    ref = ref.lower()
    if not (_UID.fullmatch(ref) and ref.startswith(f"{letter}-")):
        return False
    if len(ref) - 2 < MIN_UID_PREFIX:
        raise DecisionError(
            f"{ref!r} is too short: give at least {MIN_UID_PREFIX} characters after '{letter}-'"
        )
    return True


def _uid_matches(session: Session, table: type[Person] | type[Move], ref: str) -> list:
    """Rows whose uid is `ref`, else those whose uid starts with it (oldest first)."""
    exact = session.exec(select(table).where(table.uid == ref).order_by(col(table.id))).all()
    if exact:
        return list(exact)
    starting = select(table).where(col(table.uid).startswith(ref, autoescape=True))
    return list(session.exec(starting.order_by(col(table.id)).limit(100)).all())


def _person_by_uid(session: Session, ref: str) -> Person:
    atoms: list[Person] = _uid_matches(session, Person, ref)
    roots = _roots(session, atoms)
    if not roots:
        raise DecisionError(f"no person {ref!r} (uids are shown by: movesboard lookup NAME)")
    if len(roots) > 1:
        listed = _listing(f"{a.uid} {root_of(session, a).name}" for a in atoms)
        raise DecisionError(f"{ref!r} is ambiguous: {listed}; give more of the uid")
    return roots[0]


def _roots(session: Session, atoms: Sequence[Person]) -> list[Person]:
    """The distinct clusters these atoms belong to, in the atoms' order."""
    roots: dict[int, Person] = {}
    for atom in atoms:
        root = root_of(session, atom)
        roots.setdefault(root.id, root)  # type: ignore[arg-type]
    return list(roots.values())


def _listing(items: Iterable[str]) -> str:
    shown = list(items)
    more = f" and {len(shown) - _LISTED} more" if len(shown) > _LISTED else ""
    return ", ".join(shown[:_LISTED]) + more


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
        .where(or_(col(Person.id) == other.id, col(Person.merged_into_id) == other.id))
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
            .where(col(Mention.person_id) == source.id, col(Mention.text) == carrier.name)
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
    undone = undone_ids(session)
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
    if decision.id in undone_ids(session):
        raise DecisionError(f"decision #{decision_id} is already undone")
    kind = KINDS.get(decision.kind)
    if kind is None:
        raise DecisionError(f"a {decision.kind} decision cannot be undone here")
    touched = kind.undo(session, decision)
    _record(
        session, "undo", decision.subject, decision.a_ref, decision.b_ref, value=str(decision.id)
    )
    session.flush()
    repeats.mark(session, touched)
    return f"undid {decision.kind} #{decision.id}"


def last_user_decision(session: Session) -> Decision | None:
    """The newest user decision that is not undone and can be undone (for a review's undo key)."""
    undone = undone_ids(session)
    for decision in session.exec(
        select(Decision)
        .where(Decision.actor == "user", Decision.kind != "undo")
        .order_by(col(Decision.id).desc())
    ).all():
        if decision.id not in undone:
            return decision
    return None


def undone_ids(session: Session) -> set[int]:
    """The ids of the user decisions an undo has reversed."""
    values = session.exec(
        select(Decision.value).where(Decision.actor == "user", Decision.kind == "undo")
    ).all()
    return {int(value) for value in values if value and value.isdigit()}


# ------------------------------------------------------------------- replay


def replay(session: Session) -> int:
    """Apply every user decision again, in order (after a rebuild). Returns how many applied."""
    applied = 0
    undone = undone_ids(session)
    for decision in session.exec(
        select(Decision).where(Decision.actor == "user").order_by(col(Decision.id))
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
    """Apply one recorded decision again (replay); False when it names nothing now."""
    kind = KINDS.get(decision.kind)
    return kind.apply(session, decision) if kind is not None else False


# ------------------------------------------------------------------- one object per kind


class Kind(Protocol):
    """What a kind of decision does when (re)applied, and how it is undone."""

    def apply(self, session: Session, decision: Decision) -> bool:
        """Apply it to the rows as they are now; False when it names nothing."""
        ...

    def undo(self, session: Session, decision: Decision) -> list[int]:
        """Reverse it; the person ids whose repeats need marking again."""
        ...


def _pair(session: Session, decision: Decision) -> tuple[Person | None, Person | None]:
    a = _atom(session, decision.a_ref)
    return a, (_atom(session, decision.b_ref) if decision.b_ref else None)


def _ids(*atoms: Person | None) -> list[int]:
    return [atom.id for atom in atoms if atom is not None and atom.id is not None]


class Same:
    """A and B are one person: merged; undone by detaching what the merge brought."""

    def apply(self, session: Session, decision: Decision) -> bool:
        a, b = _pair(session, decision)
        if a is None or b is None:
            return False
        _merge(session, root_of(session, a), root_of(session, b))
        session.flush()
        return True

    def undo(self, session: Session, decision: Decision) -> list[int]:
        a, b = _pair(session, decision)
        if a is not None:
            moved_uids = set((decision.value or "").split())
            root = root_of(session, a)
            atoms = _atoms(session, root)
            moved = [atom for atom in atoms if atom.uid in moved_uids]
            if moved and len(moved) < len(atoms):
                _detach(session, root, moved)
        return _ids(a, b)


class Split:
    """An alias names someone else: split off; undone by merging the two again."""

    def apply(self, session: Session, decision: Decision) -> bool:
        a, b = _pair(session, decision)
        if a is None or not decision.value:
            return False
        # Only if the rebuild joined them again (or the split-off person is gone).
        if b is None or root_of(session, a).id == root_of(session, b).id:
            _split(session, root_of(session, a), decision.value)
        session.flush()
        return True

    def undo(self, session: Session, decision: Decision) -> list[int]:
        a, b = _pair(session, decision)
        if a is not None and b is not None:
            _merge(session, root_of(session, a), root_of(session, b))
        return _ids(a, b)


class Different:
    """A and B are two people: kept apart (the resolver reads it too)."""

    def apply(self, session: Session, decision: Decision) -> bool:
        a, b = _pair(session, decision)
        if a is None or b is None:
            return False
        if root_of(session, a).id == root_of(session, b).id:
            _detach(session, root_of(session, a), [b])
        session.flush()
        return True

    def undo(self, session: Session, decision: Decision) -> list[int]:
        return _ids(*_pair(session, decision))  # the record alone kept them apart


class Unsure:
    """No answer yet: nothing to apply; the suggestion stops asking."""

    def apply(self, session: Session, decision: Decision) -> bool:
        return False

    def undo(self, session: Session, decision: Decision) -> list[int]:
        return _ids(*_pair(session, decision))


class Rename:
    """The cluster shows the user's name for it."""

    def apply(self, session: Session, decision: Decision) -> bool:
        a = _atom(session, decision.a_ref)
        if a is None or not decision.value:
            return False
        root = root_of(session, a)
        root.name, root.named_by_user = decision.value, True
        session.flush()
        return True

    def undo(self, session: Session, decision: Decision) -> list[int]:
        raise DecisionError("a rename decision cannot be undone here")


class Parent:
    """An organisation is part of another (or of none)."""

    def apply(self, session: Session, decision: Decision) -> bool:
        child = session.exec(select(Organization).where(Organization.key == decision.a_ref)).first()
        if child is None:
            return False
        parent = (
            session.exec(select(Organization).where(Organization.key == decision.b_ref)).first()
            if decision.b_ref
            else None
        )
        child.parent_id = parent.id if parent else None
        return True

    def undo(self, session: Session, decision: Decision) -> list[int]:
        raise DecisionError("a parent decision cannot be undone here")


@dataclass(frozen=True, slots=True)
class MoveStatus:
    """A move is right, wrong or open again; b_ref keeps the status it replaced."""

    status: str

    def apply(self, session: Session, decision: Decision) -> bool:
        moves = session.exec(select(Move).where(Move.uid == decision.a_ref)).all()
        for move in moves:
            move.status = self.status
        return bool(moves)

    def undo(self, session: Session, decision: Decision) -> list[int]:
        touched = []
        for move in session.exec(select(Move).where(Move.uid == decision.a_ref)).all():
            move.status = decision.b_ref or "pending"
            touched.append(move.person_id)
        return touched


KINDS: dict[str, Kind] = {
    "same": Same(),
    "split": Split(),
    "different": Different(),
    "unsure": Unsure(),
    "rename": Rename(),
    "parent": Parent(),
    "confirm": MoveStatus("confirmed"),
    "reject": MoveStatus("rejected"),
    "reopen": MoveStatus("pending"),
}


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
    session.add(
        Decision(
            kind=kind,
            subject=subject,
            a_ref=a_ref,
            b_ref=b_ref,
            value=value,
            decided_by=decider(session),
        )
    )
    session.flush()
    changes.note(session, changes.ChangeKind.DECISION)  # open dashboards re-read


def decider(session: Session) -> str:
    """Who is deciding: the config's `user`, else the database role on
    PostgreSQL (what a team's server knows people by), else the OS user."""
    from movesboard.config import load_config

    configured = load_config().user
    if configured:
        return configured
    role = database_role(session)
    if role is not None:
        return role
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container's)
        return f"uid {os.getuid()}"
