"""Read queries the dashboard needs beyond `queries`: a paged, filtered, live timeline
and the review queue.

The timeline is read by keyset, never by offset: a page starts after the last
row shown. Ordering by `coalesce(move.date, article.published)` in one query
would sort every move on each page (about 0.7 s at 200k moves), so a page is
merged from streams that each follow an index: dated moves by
`ix_move_timeline (date, id)`, undated ones by their article's date, and
moves with no date at all last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, tuple_
from sqlmodel import Session, col, select

from . import decisions
from .dialect import unindexed
from .queries import ROOT_ID, MoveRow, cluster_atoms, move_rows, read_move_rows

# What orders the timeline lives with the rows (tui/ reads it before SQLAlchemy loads).
from .rows import SortKey, sort_key
from .tables import Article, Mention, Move, Person

TOP: SortKey = (dt.date(9999, 12, 31), 2**62)  # sorts before every move
# Keeps SQLite off ix_move_timeline for the undated stream (see dialect.unindexed).
NOT_INDEXED_DATE = unindexed(Move.date)
STATUSES = ("pending", "confirmed")  # rejected moves are not on the timeline
REVIEW_THRESHOLD = 0.6  # pending moves below this confidence wait for a person


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    person_id: int | None = None
    organization_id: int | None = None
    since: dt.date | None = None  # inclusive, on the date the timeline sorts by
    until: dt.date | None = None  # inclusive
    status: str | None = None  # pending | confirmed
    language: str | None = None

    @property
    def active(self) -> bool:
        return self != TimelineFilter()


def timeline_page(
    session: Session, where: TimelineFilter, *, after: SortKey | None = None, limit: int = 200
) -> list[MoveRow]:
    """Up to `limit` moves that come after `after` (from the top when None), newest first."""
    if where.person_id is not None or where.organization_id is not None:
        return _narrow_page(session, where, after, limit)
    rows: list[MoveRow] = []
    if after is None or after[0] is not None:
        dated = _filtered(move_rows().where(col(Move.date).is_not(None)), where, Move.date)
        undated = _filtered(
            move_rows().where(NOT_INDEXED_DATE.is_(None), col(Article.published).is_not(None)),
            where,
            Article.published,
        )
        # Always bounded, even on the first page: the range on article.published
        # is what makes SQLite walk its index instead of sorting every undated move.
        bound = after if after is not None else TOP
        dated = dated.where(tuple_(Move.date, Move.id) < tuple_(*bound))
        undated = undated.where(tuple_(Article.published, Move.id) < tuple_(*bound))
        dated = dated.order_by(col(Move.date).desc(), col(Move.id).desc()).limit(limit)
        dated_rows = read_move_rows(session, dated)
        if len(dated_rows) == limit:
            # A full page of dated moves: an undated one older than the last of
            # them cannot make this page, so its walk stops at that date instead
            # of crossing every article (a filter made it ~13 ms at 200k moves).
            undated = undated.where(col(Article.published) >= sort_key(dated_rows[-1])[0])
        undated = undated.order_by(col(Article.published).desc(), col(Move.id).desc()).limit(limit)
        merged = dated_rows + read_move_rows(session, undated)
        rows = sorted(merged, key=sort_key, reverse=True)[:limit]
    if len(rows) < limit and (where.since is None and where.until is None):
        # Neither the move nor its article has a date: these close the timeline.
        last_id = after[1] if after is not None and after[0] is None else None
        nowhere = _filtered(
            move_rows().where(col(Move.date).is_(None), col(Article.published).is_(None)),
            where,
            None,
        )
        if last_id is not None:
            nowhere = nowhere.where(col(Move.id) < last_id)
        nowhere = nowhere.order_by(col(Move.id).desc()).limit(limit - len(rows))
        rows += read_move_rows(session, nowhere)
    return rows


def _narrow_page(
    session: Session, where: TimelineFilter, after: SortKey | None, limit: int
) -> list[MoveRow]:
    """One person's or organisation's moves: few enough to sort in one query."""
    when = func.coalesce(Move.date, Article.published)
    statement = _filtered(move_rows(), where, None)
    if after is not None and after[0] is not None:
        statement = statement.where(or_(tuple_(when, Move.id) < tuple_(*after), when.is_(None)))
    elif after is not None:
        statement = statement.where(when.is_(None), col(Move.id) < after[1])
    statement = statement.order_by(when.desc().nulls_last(), col(Move.id).desc()).limit(limit)
    return read_move_rows(session, statement)


def moves_of_articles(
    session: Session, where: TimelineFilter, article_ids: Sequence[int]
) -> list[MoveRow]:
    """The moves these articles reported that pass the filter, newest first.

    The live timeline reads new moves by the articles the change log names
    (models/changes.py), not by id: ids from concurrent writers are not in
    commit order."""
    if not article_ids:
        return []
    statement = _filtered(move_rows().where(col(Move.article_id).in_(article_ids)), where, None)
    rows = read_move_rows(session, statement.order_by(col(Move.id)))
    return sorted(rows, key=sort_key, reverse=True)


def _filtered(statement, where: TimelineFilter, dated):
    """`statement` narrowed by the filter; `dated` is the column the stream sorts by."""
    if where.person_id is not None:
        statement = statement.where(col(Move.person_id).in_(cluster_atoms(where.person_id)))
    if where.organization_id is not None:
        organization = where.organization_id
        statement = statement.where(
            or_(col(Move.from_org_id) == organization, col(Move.to_org_id) == organization)
        )
    if where.status is not None:
        # Wrapped so SQLite does not take it for a selective equality and start
        # the undated stream from a full scan of move (0.1 s at 200k moves).
        statement = statement.where(func.coalesce(Move.status, "") == where.status)
    if where.language is not None:
        statement = statement.where(Article.language == where.language)
    if where.since is not None or where.until is not None:
        column = dated if dated is not None else func.coalesce(Move.date, Article.published)
        if where.since is not None:
            statement = statement.where(column >= where.since)
        if where.until is not None:
            statement = statement.where(column <= where.until)
    return statement


# ---------------------------------------------------------------- review


@dataclass(frozen=True, slots=True)
class Side:
    """One person as the evidence shows them: for a merge suggestion's two sides."""

    person_id: int
    name: str
    aliases: list[str]
    moves: list[str]  # "OpenAI → Meta (2025-07)" lines, newest first
    quotes: list[tuple[str, str]]  # (article title, the sentence naming them)


@dataclass(frozen=True, slots=True)
class MergeCase:
    decision_id: int
    atom_uid: str
    candidate_uid: str
    score: float
    reason: str
    atom: Side
    candidate: Side


def review_moves(
    session: Session, *, threshold: float = REVIEW_THRESHOLD, limit: int = 200
) -> list[MoveRow]:
    """Pending moves the extractor was unsure of, least sure first."""
    statement = (
        move_rows(each_report=True)  # each article's report is judged on its own evidence
        .where(Move.status == "pending", Move.confidence < threshold)
        .order_by(col(Move.confidence), col(Move.id))
        .limit(limit)
    )
    return read_move_rows(session, statement)


def merge_cases(session: Session, *, person_id: int | None = None) -> list[MergeCase]:
    """Suggested merges nobody judged yet (about one person when `person_id` is given)."""
    cases = []
    for suggestion in decisions.pending_suggestions(session):
        atom_root = decisions.root_of(session, suggestion.atom).id
        if person_id is not None and person_id not in (atom_root, suggestion.candidate.id):
            continue
        cases.append(
            MergeCase(
                suggestion.decision_id,
                suggestion.atom.uid,
                suggestion.candidate.uid,
                suggestion.score,
                suggestion.reason,
                _side(session, suggestion.atom, cluster=False),
                _side(session, suggestion.candidate, cluster=True),
            )
        )
    return cases


def _side(session: Session, person: Person, *, cluster: bool) -> Side:
    """What is known of an atom (as one article named them) or of a whole person."""
    from .tables import Alias

    atoms = cluster_atoms(person.id) if cluster else select(Person.id).where(Person.id == person.id)  # type: ignore[arg-type]
    aliases = session.exec(
        select(Alias.name).where(col(Alias.person_id).in_(atoms)).order_by(col(Alias.id))
    ).all()
    moves = read_move_rows(
        session,
        move_rows()
        .where(col(Move.person_id).in_(atoms))
        .order_by(col(Move.date).desc(), col(Move.id).desc())
        .limit(5),
    )
    mentions = session.exec(
        select(Mention.start, Mention.end, Article.title, Article.body)
        .join(Article, col(Article.id) == Mention.article_id)
        .where(col(Mention.person_id).in_(atoms))
        .order_by(col(Mention.article_id).desc(), col(Mention.start))
        .limit(40)
    ).all()
    quotes: dict[str, str] = {}
    for start, end, title, body in mentions:
        quotes.setdefault(title, sentence_around(body, start, end))
        if len(quotes) == 3:
            break
    root_id = session.exec(select(ROOT_ID).where(Person.id == person.id)).one()
    return Side(
        person_id=root_id,
        name=person.name if cluster else person.atom_name,
        aliases=list(dict.fromkeys(a for a in aliases if a != person.name)),
        moves=[f"{m.summary()} ({m.when})" for m in moves],
        quotes=list(quotes.items()),
    )


def sentence_around(body: str, start: int, end: int, *, reach: int = 160) -> str:
    """The sentence holding body[start:end], cut to about `reach` characters each way."""
    full_stop = body.rfind(". ", 0, start)
    after_stop = full_stop + 2 if full_stop >= 0 else 0  # rfind's -1 must not become 1
    left = max(after_stop, body.rfind("\n", 0, start) + 1, start - reach)
    stops = [i for i in (body.find(". ", end), body.find("\n", end)) if i >= 0]
    right = min([*stops, end + reach, len(body)])
    return body[left : right + 1].strip()
