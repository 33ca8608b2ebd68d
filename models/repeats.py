"""One move, many reports: moves of one person that several articles report are one event.

Two articles announcing that Douglas Chen left Windsurf for Google DeepMind
store two move rows (each article keeps its own, with its evidence), but the
timeline, the tallies and the career path should count it once. Each group of
reports of the same event has a primary row; the others point at it through
`Move.repeat_of_id`, and everything that counts moves skips them.

Two reports are of the same event when they are about the same person
(cluster), come from different articles, go to the same organisation (or one
is part of the other), do not contradict on where the person came from, and
agree on the date as far as both give one. The primary is the most specific
report: the narrower destination, then the more precise date, then a known
origin, then the first published.

The marking is derived data: it is recomputed for the people a change touches
(a new article, a merge or split, a status change) and for everyone after a
rebuild or a change of organisation parents.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, bindparam, or_, update
from sqlalchemy import select as sa_select  # typed beyond sqlmodel's four columns
from sqlalchemy.orm.util import identity_key
from sqlmodel import Session, col, select

from .dialect import unindexed
from .name_keys import Cursor
from .queries import counts, pk
from .tables import Article, Move, Organization, Person

# Reports whose months differ by more than this are different moves (a person
# can leave and come back); a year-only date agrees with any date in that year.
MONTHS_APART = 2
# A report without a date of its own is dated by its article, loosely: news of
# a move may come out months after it, but not years.
UNDATED_MONTHS_APART = 12
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass(slots=True)
class Report:
    id: int
    root: int
    article_id: int
    from_org: int | None
    to_org: int | None
    date: dt.date | None
    precision: str | None
    repeat_of: int | None
    published: dt.date | None = None  # the article's date


def mark(
    session: Session,
    people: Iterable[int] | None = None,
    organizations: Iterable[int] | None = None,
) -> int:
    """Recompute which moves repeat another, for these people (atom or root ids) or all.

    With `organizations` (those a new article's moves name), only the reports
    that could be one event with such a move are read: going to one of them,
    its parent or a child, or leaving one for nowhere stated. A new article
    about a famous person then costs what its own moves touch, not their
    whole career. Returns how many rows changed.
    """
    root_id = col(Person.merged_into_id)
    statement = _report_statement()
    if people is not None:
        roots = _roots(session, set(people))
        if not roots:
            return 0
        atoms = select(Person.id).where(or_(col(Person.id).in_(roots), root_id.in_(roots)))
        statement = statement.where(col(Move.person_id).in_(atoms))
    if organizations is not None:
        statement = statement.where(_going_to(_with_relatives(session, set(organizations))))
    reports, uncounted = _read(session, statement)
    parents = _parents(
        session, {org for rs in reports.values() for r in rs for org in (r.from_org, r.to_org)}
    )
    wanted: dict[int, int | None] = {report.id: None for report in uncounted}
    for person_reports in reports.values():
        for group in _events(person_reports, parents):
            primary = max(group, key=lambda r: _specificity(r, parents))
            for report in group:
                wanted[report.id] = None if report is primary else primary.id
    current = {r.id: r.repeat_of for rs in reports.values() for r in rs}
    current.update({r.id: r.repeat_of for r in uncounted})
    changes = [
        {"move_id": move_id, "repeat_of": repeat_of}
        for move_id, repeat_of in wanted.items()
        if current[move_id] != repeat_of
    ]
    _write(session, changes)
    return len(changes)


def _write(session: Session, changes: list[dict[str, int | None]]) -> None:
    """Set repeat_of_id of each {"move_id", "repeat_of"}."""
    if changes:
        # SQLModel sets __table__ on table models but does not declare it.
        session.connection().execute(
            update(Move.__table__)  # type: ignore[attr-defined]
            .where(Move.__table__.c.id == bindparam("move_id"))  # type: ignore[attr-defined]
            .values(repeat_of_id=bindparam("repeat_of")),
            changes,
        )
        _expire_marking(session, [change["move_id"] for change in changes])


@dataclass(slots=True)
class Event:
    """One move as the stored marking has it, and the reports a new article adds.

    Found by its first report (the full marking files groups under its places,
    and compares a newcomer with it); `primary` is the stored primary, None
    for an event the new article starts."""

    first: Report
    primary: Report | None
    joined: list[Report] = field(default_factory=list)

    def best(self, parents: dict[int, int]) -> Report:
        """The primary once the new reports are in: the most specific of all."""
        members = self.joined if self.primary is None else [self.primary, *self.joined]
        return max(members, key=lambda r: _specificity(r, parents))


def mark_article(session: Session, article_id: int) -> int:
    """Mark the reports of an article just stored; returns how many rows changed.

    Its moves are the last stored (their ids follow every other's), so the
    full marking, which takes reports in order of storage, would leave every
    earlier report's event as it is, add each of the article's reports to the
    first event it is one with (or start one), and make the most specific
    report of each event its primary. That is done here from what is stored:
    the events of the article's people near its organisations, each read as
    its primary and its first report (two index seeks), never their other
    reports. A person reported a thousand times costs what their events near
    the article cost, not a thousand reports; only a more specific report than
    an event's primary re-points the event's reports at itself, in one UPDATE.
    """
    reports, _ = _read(session, _report_statement().where(col(Move.article_id) == article_id))
    new = sorted((r for rs in reports.values() for r in rs), key=lambda r: r.id)
    if not new:  # uncounted reports are stored unmarked already
        return 0
    stored = _stored_events(session, article_id, new)
    places = [r for e in stored for r in (e.first, e.primary) if r is not None] + new
    parents = _parents(session, {org for r in places for org in (r.from_org, r.to_org)})
    return _apply(session, extend_events(stored, new, parents), parents)


def _apply(session: Session, events: list[Event], parents: dict[int, int]) -> int:
    """Write the marking of the events a new article joined; returns the rows changed."""
    marks: list[dict[str, int | None]] = []
    changed = 0
    for event in events:
        if not event.joined:
            continue
        primary = event.best(parents)
        marks.extend(
            {"move_id": r.id, "repeat_of": primary.id} for r in event.joined if r is not primary
        )
        if event.primary is not None and primary is not event.primary:
            changed += _repoint(session, event.primary.id, primary.id)
            marks.append({"move_id": event.primary.id, "repeat_of": primary.id})
    _write(session, marks)
    return changed + len(marks)


def extend_events(events: list[Event], new: list[Report], parents: dict[int, int]) -> list[Event]:
    """Add one new article's reports (in order of storage) to the stored events.

    As `_events` would, had it taken the stored reports and then these: each
    joins the first event, in order of their first reports, filed under one of
    its places, that has no report of its article and whose first report it
    is one with; else it starts an event. Stored events have no report of the
    new article (it was not stored)."""
    events = sorted(events, key=lambda event: event.first.id)
    filed: dict[tuple[int, str, int], list[int]] = {}
    for index, event in enumerate(events):
        for side, org in _places(event.first, parents):
            filed.setdefault((event.first.root, side, org), []).append(index)
    for report in new:
        found = {
            index
            for side, org in _places(report, parents)
            for index in filed.get((report.root, side, org), ())
        }
        for index in sorted(found):
            event = events[index]
            if all(r.article_id != report.article_id for r in event.joined) and same_event(
                report, event.first, parents
            ):
                event.joined.append(report)
                break
        else:
            for side, org in _places(report, parents):
                filed.setdefault((report.root, side, org), []).append(len(events))
            events.append(Event(report, None, [report]))
    return events


def _stored_events(session: Session, article_id: int, new: list[Report]) -> list[Event]:
    """The stored events of the new reports' clusters that could take one of them.

    Their primaries are read: counted reports that repeat nothing, of another
    article, going to (or leaving for nowhere) an organisation within two
    steps of the new reports' own: a primary may be a child of its first
    report's destination, itself a parent of the new report's."""
    roots = {report.root for report in new}
    orgs = {org for r in new for org in (r.from_org, r.to_org) if org is not None}
    near = _with_relatives(session, orgs) if orgs else set()
    around = _with_relatives(session, near) if near - orgs else near
    atoms = select(Person.id).where(
        or_(col(Person.id).in_(roots), col(Person.merged_into_id).in_(roots))
    )
    primaries, _ = _read(
        session,
        _report_statement().where(
            col(Move.person_id).in_(atoms),
            # By the person's atoms, not ix_move_repeat_of_id: most moves repeat nothing.
            unindexed(col(Move.repeat_of_id)).is_(None),
            col(Move.article_id) != article_id,
            _going_to(around),
        ),
    )
    found = [report for reports in primaries.values() for report in reports]
    firsts = _first_reports(session, found)
    return [Event(firsts.get(primary.id, primary), primary) for primary in found]


def _first_reports(session: Session, primaries: list[Report]) -> dict[int, Report]:
    """Primary id -> its event's first report, for events whose first is not the primary."""
    if not primaries:
        return {}
    # One statement; each part is min() of one key of ix_move_repeat_of_id, a
    # seek however many reports repeat the primary.
    statement = " UNION ALL ".join([_EARLIEST_REPEAT] * len(primaries))
    with Cursor(session.connection()) as cursor:
        rows = cursor.all(statement, *(p.id for p in primaries for _ in range(2)))
    earliest = {first: primary for primary, first in rows if first is not None and first < primary}
    if not earliest:
        return {}
    reports, _ = _read(session, _report_statement().where(col(Move.id).in_(earliest)))
    return {earliest[r.id]: r for rs in reports.values() for r in rs}


_EARLIEST_REPEAT = "SELECT ?, (SELECT min(id) FROM move WHERE repeat_of_id = ?)"


def _repoint(session: Session, old: int, new: int) -> int:
    """Point the reports of primary `old` at `new`; returns how many rows changed."""
    result = session.connection().execute(
        update(Move.__table__)  # type: ignore[attr-defined]
        .where(Move.__table__.c.repeat_of_id == old)  # type: ignore[attr-defined]
        .values(repeat_of_id=new)
    )
    for move in [m for m in session.identity_map.values() if isinstance(m, Move)]:
        session.expire(move, ["repeat_of_id"])
    return int(getattr(result, "rowcount", 0) or 0)


def _expire_marking(session: Session, move_ids: list[int | None]) -> None:
    """Forget the session's copy of these moves' marking (the update went past the ORM).

    Only theirs: expiring everything made a batch's later articles read back
    every organisation and person the session held."""
    for move_id in move_ids:
        move = session.identity_map.get(identity_key(Move, move_id))
        if move is not None:
            session.expire(move, ["repeat_of_id"])


def _report_statement() -> Select[*tuple[Any, ...]]:
    """Reports (move, its cluster, its article's date), in order of storage."""
    return (
        sa_select(
            col(Move.id),
            col(Person.merged_into_id),
            col(Person.id),
            col(Move.article_id),
            col(Move.from_org_id),
            col(Move.to_org_id),
            col(Move.date),
            col(Move.date_precision),
            col(Move.repeat_of_id),
            col(Move.status),
            col(Move.modality),
            col(Article.published),
        )
        .join(Person, col(Person.id) == Move.person_id)
        .join(Article, col(Article.id) == Move.article_id)
        .order_by(col(Move.id))
    )


def _going_to(places: set[int]) -> Any:
    """Reports going to one of these organisations, or leaving one for nowhere stated.

    Asked beside a person's atoms: SQLite must find the rows by the person
    (a few), not by the organisation (at a large database, OpenAI's thousands
    of moves: 70 ms an article at 100k people), so the columns are unindexed."""
    to, origin = unindexed(col(Move.to_org_id)), unindexed(col(Move.from_org_id))
    return or_(to.in_(places), to.is_(None) & origin.in_(places))


def _read(session: Session, statement: Any) -> tuple[dict[int, list[Report]], list[Report]]:
    """Counted reports by cluster root, and the uncounted ones (rejected, rumoured,
    denied: never a primary, never a repeat)."""
    reports: dict[int, list[Report]] = defaultdict(list)
    uncounted: list[Report] = []
    for (
        move_id,
        merged_into,
        atom,
        article,
        origin,
        to,
        date,
        precision,
        repeat_of,
        status,
        modality,
        published,
    ) in session.execute(statement).all():
        report = Report(
            move_id, merged_into or atom, article, origin, to, date, precision, repeat_of, published
        )
        (reports[report.root] if counts(modality, status) else uncounted).append(report)
    return reports, uncounted


def _roots(session: Session, people: set[int]) -> set[int]:
    rows = session.exec(
        select(pk(Person.id), Person.merged_into_id).where(col(Person.id).in_(people))
    ).all()
    return {merged_into or person_id for person_id, merged_into in rows}


def _with_relatives(session: Session, organizations: set[int]) -> set[int]:
    """These organisations, their parents and their children."""
    rows = session.exec(
        select(Organization.id, Organization.parent_id).where(
            or_(
                col(Organization.id).in_(organizations),
                col(Organization.parent_id).in_(organizations),
            )
        )
    ).all()
    return organizations | {org for row in rows for org in row if org is not None}


def _parents(session: Session, organizations: set[int | None]) -> dict[int, int]:
    """Parent of each of these organisations that has one."""
    wanted = [org for org in organizations if org is not None]
    if not wanted:
        return {}
    return {
        org_id: parent_id
        for org_id, parent_id in session.exec(
            select(pk(Organization.id), Organization.parent_id).where(
                col(Organization.id).in_(wanted), col(Organization.parent_id).is_not(None)
            )
        ).all()
        if parent_id is not None
    }


def _events(reports: list[Report], parents: dict[int, int]) -> list[list[Report]]:
    """Reports grouped by event, in order of storage.

    Each joins the first group whose first report it matches and none of whose
    reports comes from its article. Groups are filed under the places their
    first report names, so a report is only compared with the groups of its
    own destination (or origin): a person reported a thousand times, going
    to many places over the years, costs what one place's events cost."""
    groups: list[tuple[list[Report], set[int]]] = []  # (reports, their articles)
    filed: dict[tuple[str, int], list[int]] = {}  # place -> indexes of groups, in order
    for report in reports:
        for index in _candidates(report, parents, filed):
            members, articles = groups[index]
            if report.article_id not in articles and same_event(report, members[0], parents):
                members.append(report)
                articles.add(report.article_id)
                break
        else:
            for place in _places(report, parents):
                filed.setdefault(place, []).append(len(groups))
            groups.append(([report], {report.article_id}))
    return [members for members, _ in groups]


def _places(report: Report, parents: dict[int, int]) -> set[tuple[str, int]]:
    """Where a report can meet another of the same event: its destination and
    that one's parent, or (a departure to nowhere stated) its origin and parent.
    Two related organisations (one is the other, or part of it) share a place."""
    side, org = ("to", report.to_org) if report.to_org is not None else ("from", report.from_org)
    if org is None:
        return set()
    return {(side, org), (side, parents.get(org, org))}


def _candidates(
    report: Report, parents: dict[int, int], filed: dict[tuple[str, int], list[int]]
) -> list[int]:
    """Indexes of the groups `report` may join, in the order they were made."""
    found: set[int] = set()
    for place in _places(report, parents):
        found.update(filed.get(place, ()))
    return sorted(found)


def same_event(a: Report, b: Report, parents: dict[int, int]) -> bool:
    if a.to_org is None and b.to_org is None:
        if a.from_org is None or not _related(a.from_org, b.from_org, parents):
            return False  # two departures say the same only when from the same place
    elif not _related(a.to_org, b.to_org, parents):
        return False
    if (
        a.from_org is not None
        and b.from_org is not None
        and not _related(a.from_org, b.from_org, parents)
    ):
        return False
    return _dates_agree(a, b)


def _related(a: int | None, b: int | None, parents: dict[int, int]) -> bool:
    """The same organisation, or one is part of the other."""
    if a is None or b is None:
        return False
    return a == b or parents.get(a) == b or parents.get(b) == a


def _dates_agree(a: Report, b: Report) -> bool:
    if a.date is not None and b.date is not None:
        if "year" in (a.precision, b.precision):
            return a.date.year == b.date.year
        return _months(a.date, b.date) <= MONTHS_APART
    first, second = a.date or a.published, b.date or b.published
    if first is None or second is None:
        return True
    return _months(first, second) <= UNDATED_MONTHS_APART


def _months(a: dt.date, b: dt.date) -> int:
    return abs((a.year - b.year) * 12 + a.month - b.month)


def _specificity(report: Report, parents: dict[int, int]) -> tuple[int, int, int, int, int]:
    narrower = int(report.to_org is not None and report.to_org in parents)
    known_origin = int(report.from_org is not None)
    # Then the first reported: its article's date places the move among others
    # of the same month (a career reads them in that order).
    first = -(report.published.toordinal() if report.published else dt.date.max.toordinal())
    return (narrower, PRECISION_RANK.get(report.precision, 0), known_origin, first, -report.id)
