"""The read side: every query the CLI and the dashboard need, as plain rows.

Functions take a session and return frozen dataclasses, never ORM objects, so
the results can cross from a worker thread to the UI safely.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, func, or_
from sqlalchemy import select as sa_select  # typed beyond sqlmodel's four columns
from sqlalchemy.orm import Mapped, aliased
from sqlmodel import Session, col, select

# The rows live in models/rows.py (no SQLAlchemy there); they are made here.
from .rows import ArticleKey, ArticleRow, MoveRow, NameKey, OrganizationRow, PersonRow, Totals
from .tables import Alias, Article, GroupMove, GroupMoveSource, Mention, Move, Organization, Person

# People are clusters of atoms (see models/identity.py): a row's person is the
# atom it was stored with, and the person shown is that atom's root.
ROOT_ID = func.coalesce(Person.merged_into_id, Person.id)


def pk(column: int | None) -> Mapped[int]:
    """A primary key column to select, typed as stored rows hold it: never None.

    SQLModel types `id` as `int | None` (a row not flushed yet has none), which
    would make every id a select reads look optional."""
    return cast("Mapped[int]", col(column))


def cluster_atoms(root_id: int):
    """The ids of every atom of one person (the root included)."""
    return select(Person.id).where(
        or_(col(Person.id) == root_id, col(Person.merged_into_id) == root_id)
    )


# A move counts (timeline, exports, tallies) when it is asserted as fact and
# nobody rejected it. Rumours and denials stay in the table as data.
COUNTED_MODALITIES = ("stated", "reported")


def counted(statement):
    """`statement` narrowed to the moves that count, in SQL."""
    return statement.where(col(Move.modality).in_(COUNTED_MODALITIES), Move.status != "rejected")


def counts(modality: str, status: str) -> bool:
    """The same rule as `counted`, for a move already read."""
    return modality in COUNTED_MODALITIES and status != "rejected"


def once(statement):
    """Counted moves, each once: another article's report of one (models/repeats.py) is
    left out. Per-article views (an article's moves, evaluation) keep every report."""
    # coalesce(): a bare "IS NULL" is an equality SQLite would answer from
    # ix_move_repeat_of_id, walking nearly every move instead of the timeline's
    # or an organisation's index (0.4 s a page at 200k moves).
    return counted(statement).where(func.coalesce(Move.repeat_of_id, 0) == 0)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # person | organization
    entity_id: int


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    row: ArticleRow
    body: str
    url: str | None
    site: str | None
    people: list[tuple[int, str]]
    organizations: list[tuple[int, str]]
    moves: list[MoveRow]
    spans: list[Span]
    group_moves: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PersonDetail:
    id: int
    name: str
    aliases: list[str]
    moves: list[MoveRow]  # career order: oldest first
    articles: list[ArticleRow]


@dataclass(frozen=True, slots=True)
class OrganizationDetail:
    id: int
    name: str
    parent: tuple[int, str] | None
    children: list[tuple[int, str]]
    aliases: list[str]
    arrivals: list[MoveRow]
    departures: list[MoveRow]


def totals(session: Session) -> Totals:
    def count(statement) -> int:
        return session.exec(statement).one()

    return Totals(
        articles=count(select(func.count()).select_from(Article)),
        people=count(
            select(func.count()).select_from(Person).where(col(Person.merged_into_id).is_(None))
        ),
        organizations=count(select(func.count()).select_from(Organization)),
        moves=count(once(select(func.count()).select_from(Move))),
    )


def is_empty(session: Session) -> bool:
    return session.exec(select(Article.id).limit(1)).first() is None


# ---------------------------------------------------------------- lists


# The lists page by keyset, never by offset: a page starts after the last row
# shown and walks an index from there (ix_article_published_id,
# ix_person_root_name, ix_organization_name), as cheap deep in the list as at
# its top. Each order ends on the id, so rows that tie are never skipped or repeated.


def _past(
    key: Any, key_value: Any, row_id: Any, id_value: int, *, descending: bool = False
) -> ColumnElement[bool]:
    """Rows strictly after (key_value, id_value) in the order `key, row_id`, both
    ascending or both descending.

    A range on `key` and a tie test, not a row value `(key, id) > (...)`: SQLite
    seeks an expression index (lower(name)) to a range, but walks it from its
    start to a row value."""
    if descending:
        return and_(key <= key_value, or_(key < key_value, row_id < id_value))
    return and_(key >= key_value, or_(key > key_value, row_id > id_value))


def articles(
    session: Session, *, after: ArticleKey | None = None, limit: int = 500
) -> list[ArticleRow]:
    """Up to `limit` articles after `after` (from the top when None): newest
    first, undated last, ties newest id first.

    Two index walks, dated then undated: one order with NULLS LAST would need
    "after the key, or undated", an OR neither engine seeks an index with (and
    PostgreSQL keeps the NULLs at the other end of its index)."""
    published, article_id = col(Article.published), col(Article.id)
    rows: list[ArticleRow] = []
    if after is None or after[0] is not None:
        dated = _article_select().where(published.is_not(None))
        if after is not None:
            dated = dated.where(_past(published, after[0], article_id, after[1], descending=True))
        dated = dated.order_by(published.desc(), article_id.desc()).limit(limit)
        rows = [ArticleRow(*row) for row in session.exec(dated)]
    if len(rows) < limit:
        undated = _article_select().where(published.is_(None))
        if after is not None and after[0] is None:
            undated = undated.where(article_id < after[1])
        # published (NULL on each) spelled out: PostgreSQL reads the order from
        # the index only when the ORDER BY names its columns.
        undated = undated.order_by(published.desc(), article_id.desc()).limit(limit - len(rows))
        rows += [ArticleRow(*row) for row in session.exec(undated)]
    return rows


def people(session: Session, *, after: NameKey | None = None, limit: int = 500) -> list[PersonRow]:
    """Up to `limit` people (cluster roots) after `after` (from the top when
    None), by name case-folded, ties by id."""
    folded, row_id = func.lower(Person.name), pk(Person.id)
    statement = select(row_id, Person.name).where(col(Person.merged_into_id).is_(None))
    if after is not None:
        statement = statement.where(_past(folded, func.lower(after[0]), row_id, after[1]))
    # merged_into_id is NULL on every row listed, so it changes nothing in the
    # order; spelled out, it lets PostgreSQL read the order from ix_person_root_name
    # (it does not take `IS NULL` for an equality that fixes the leading column).
    statement = statement.order_by(col(Person.merged_into_id), folded, row_id).limit(limit)
    persons = session.exec(statement).all()
    career = careers(session, [person_id for person_id, _ in persons])
    rows = []
    for person_id, name in persons:
        moves = career.get(person_id, [])
        latest = moves[-1].to_org if moves else None
        rows.append(PersonRow(person_id, name, latest, len(moves)))
    return rows


def organizations(
    session: Session, *, after: NameKey | None = None, limit: int = 500
) -> list[OrganizationRow]:
    """Up to `limit` organisations after `after` (from the top when None), by
    name case-folded, ties by id."""
    parent = aliased(Organization)
    arrivals = (
        once(select(func.count(col(Move.id))).where(Move.to_org_id == Organization.id))
        .correlate(Organization)
        .scalar_subquery()
    )
    departures = (
        once(select(func.count(col(Move.id))).where(Move.from_org_id == Organization.id))
        .correlate(Organization)
        .scalar_subquery()
    )
    folded, row_id = func.lower(Organization.name), col(Organization.id)
    statement = (
        select(row_id, Organization.name, parent.name)
        .outerjoin(parent, col(parent.id) == Organization.parent_id)
        .add_columns(arrivals, departures)
    )
    if after is not None:
        statement = statement.where(_past(folded, func.lower(after[0]), row_id, after[1]))
    statement = statement.order_by(folded, row_id).limit(limit)
    return [OrganizationRow(*row) for row in session.execute(statement)]


def timeline(
    session: Session,
    *,
    limit: int | None = 500,
    offset: int = 0,
    person_id: int | None = None,
    organization_id: int | None = None,
    organization_ids: Sequence[int] | None = None,
    repeats: bool = False,
) -> list[MoveRow]:
    """Moves newest first; an undated move sorts by its article's date.

    Narrowed to a person, an organisation or any of several; each move once,
    unless `repeats`: then every article's report of it."""
    statement = move_rows(each_report=repeats)
    if person_id is not None:
        statement = statement.where(col(Move.person_id).in_(cluster_atoms(person_id)))
    if organization_id is not None:
        organization_ids = [organization_id]
    if organization_ids is not None:
        statement = statement.where(
            or_(
                col(Move.from_org_id).in_(organization_ids),
                col(Move.to_org_id).in_(organization_ids),
            )
        )
    statement = statement.order_by(
        func.coalesce(Move.date, Article.published).desc().nulls_last(), col(Move.id).desc()
    )
    return read_move_rows(session, statement.limit(limit).offset(offset))


def flow_counts(session: Session, organization_id: int) -> tuple[int, int]:
    """(arrivals, departures) counted for one organisation."""
    return flow_counts_many(session, [organization_id])[organization_id]


def flow_counts_many(session: Session, organization_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(arrivals, departures) for each organisation, in two grouped queries."""
    flows = {org_id: [0, 0] for org_id in organization_ids}
    if organization_ids:
        for side, column in enumerate((Move.to_org_id, Move.from_org_id)):
            for org_id, count in session.exec(
                once(select(column, func.count(col(Move.id))))
                .where(col(column).in_(organization_ids))
                .group_by(column)
            ).all():
                flows[org_id][side] = count
    return {org_id: (arrivals, departures) for org_id, (arrivals, departures) in flows.items()}


@dataclass(frozen=True, slots=True)
class GroupMoveRow:
    id: int
    article_id: int
    count: int | None
    from_orgs: list[str]
    to_org: str | None
    evidence: str


def group_moves(session: Session, *, article_id: int | None = None) -> list[GroupMoveRow]:
    """Unnamed headcount moves asserted as fact, with the organisations they came from."""
    to_org = aliased(Organization)
    statement = (
        sa_select(
            col(GroupMove.id),
            col(GroupMove.article_id),
            col(GroupMove.count),
            col(to_org.name),
            col(GroupMove.evidence),
        )
        .outerjoin(to_org, col(to_org.id) == GroupMove.to_org_id)
        .where(col(GroupMove.modality).in_(COUNTED_MODALITIES))
        .order_by(col(GroupMove.id))
    )
    if article_id is not None:
        statement = statement.where(col(GroupMove.article_id) == article_id)
    rows = session.execute(statement).all()
    sources: dict[int, list[str]] = defaultdict(list)
    if rows:
        for group_id, name in session.exec(
            select(GroupMoveSource.group_move_id, Organization.name)
            .join(Organization, col(Organization.id) == GroupMoveSource.organization_id)
            .where(col(GroupMoveSource.group_move_id).in_([r[0] for r in rows]))
        ).all():
            sources[group_id].append(name)
    return [
        GroupMoveRow(gid, aid, count, sources.get(gid, []), to_name, evidence)
        for gid, aid, count, to_name, evidence in rows
    ]


# ---------------------------------------------------------------- details


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    moves = read_move_rows(
        session,
        move_rows(each_report=True)
        .where(Move.article_id == article_id)
        .order_by(Move.evidence_start),
    )
    mentions = session.exec(
        select(Mention).where(Mention.article_id == article_id).order_by(col(Mention.start))
    ).all()
    roots = dict(
        session.exec(
            select(Person.id, ROOT_ID).where(
                col(Person.id).in_({m.person_id for m in mentions if m.person_id is not None})
            )
        ).all()
    )
    spans = [
        Span(
            m.start,
            m.end,
            "person" if m.person_id is not None else "organization",
            roots[m.person_id] if m.person_id is not None else m.organization_id,  # type: ignore[arg-type]
        )
        for m in mentions
    ]
    person_ids = {s.entity_id for s in spans if s.kind == "person"}
    org_ids = {s.entity_id for s in spans if s.kind == "organization"}
    found_people = session.exec(
        select(Person.id, Person.name).where(col(Person.id).in_(person_ids)).order_by(Person.name)
    ).all()
    found_orgs = session.exec(
        select(Organization.id, Organization.name)
        .where(col(Organization.id).in_(org_ids))
        .order_by(Organization.name)
    ).all()
    groups = session.exec(
        select(GroupMove.evidence).where(
            GroupMove.article_id == article_id, col(GroupMove.modality).in_(COUNTED_MODALITIES)
        )
    ).all()
    row = ArticleRow(
        article.id,  # type: ignore[arg-type]
        article.title,
        article.published,
        article.language,
        article.source,
        len([m for m in moves if counts(m.modality, m.status)]),
    )
    return ArticleDetail(
        row=row,
        body=article.body,
        url=article.url,
        site=article.site,
        people=[tuple(p) for p in found_people],  # type: ignore[misc]
        organizations=[tuple(o) for o in found_orgs],  # type: ignore[misc]
        moves=moves,
        spans=spans,
        group_moves=list(groups),
    )


def person_detail(session: Session, person_id: int) -> PersonDetail | None:
    person = session.get(Person, person_id)
    if person is None:
        return None
    if person.merged_into_id is not None:  # asked for an atom: show its person
        return person_detail(session, person.merged_into_id)
    atoms = cluster_atoms(person_id)
    aliases = session.exec(
        select(Alias.name).where(col(Alias.person_id).in_(atoms)).order_by(col(Alias.id))
    ).all()
    article_ids = select(Mention.article_id).where(col(Mention.person_id).in_(atoms)).distinct()
    return PersonDetail(
        id=person_id,
        name=person.name,
        aliases=[a for a in dict.fromkeys(aliases) if a != person.name],
        moves=careers(session, [person_id]).get(person_id, []),
        articles=_article_rows(session, article_ids),
    )


def organization_detail(session: Session, organization_id: int) -> OrganizationDetail | None:
    org = session.get(Organization, organization_id)
    if org is None:
        return None
    parent = session.get(Organization, org.parent_id) if org.parent_id else None
    children = session.exec(
        select(Organization.id, Organization.name)
        .where(Organization.parent_id == organization_id)
        .order_by(Organization.name)
    ).all()
    aliases = session.exec(
        select(Alias.name).where(Alias.organization_id == organization_id).order_by(col(Alias.id))
    ).all()
    # A parent counts its children's flows (Meta with Meta Superintelligence
    # Labs); a move inside the family is neither an arrival nor a departure.
    family = _family(session, organization_id)
    moves = timeline(session, organization_ids=sorted(family), limit=None)
    return OrganizationDetail(
        id=organization_id,
        name=org.name,
        parent=(parent.id, parent.name) if parent else None,  # type: ignore[arg-type]
        children=[tuple(c) for c in children],  # type: ignore[misc]
        aliases=[a for a in aliases if a != org.name],
        arrivals=[m for m in moves if m.to_org_id in family and m.from_org_id not in family],
        departures=[m for m in moves if m.from_org_id in family and m.to_org_id not in family],
    )


def _family(session: Session, organization_id: int) -> set[int]:
    """An organisation and everything below it (children, their children ...)."""
    family, frontier = {organization_id}, [organization_id]
    while frontier:
        below = session.exec(
            select(pk(Organization.id)).where(col(Organization.parent_id).in_(frontier))
        ).all()
        frontier = [org_id for org_id in below if org_id not in family]  # a loop ends here
        family.update(frontier)
    return family


# ---------------------------------------------------------------- helpers


@cache
def move_rows(*, each_report: bool = False):
    """The select every move list narrows down: each move once, or `each_report`.

    Built once and shared (statements are immutable). Built afresh, its new
    aliases also missed SQLAlchemy's compiled cache: ~4 ms more per query, most
    of a timeline page."""
    from_org = aliased(Organization)
    to_org = aliased(Organization)
    atom = aliased(Person)
    repeat = aliased(Move)
    reports = (
        select(func.count(col(repeat.id)) + 1)
        .where(repeat.repeat_of_id == Move.id)
        .correlate(Move)
        .scalar_subquery()
    )
    statement: Select[*tuple[Any, ...]] = (
        # Labelled with MoveRow's field names: read_move_rows reads them by name.
        sa_select(
            col(Move.id).label("id"),
            col(Person.id).label("person_id"),
            col(Person.name).label("person"),
            col(Move.from_org_id).label("from_org_id"),
            col(from_org.name).label("from_org"),
            col(Move.to_org_id).label("to_org_id"),
            col(to_org.name).label("to_org"),
            col(Move.role).label("role"),
            col(Move.date).label("date"),
            col(Move.date_precision).label("date_precision"),
            col(Move.article_id).label("article_id"),
            col(Article.title).label("article_title"),
            col(Article.source).label("article_source"),
            col(Article.published).label("published"),
            col(Move.evidence).label("evidence"),
            col(Move.confidence).label("confidence"),
            col(Move.status).label("status"),
            col(Move.modality).label("modality"),
            col(Move.evidence_start).label("evidence_start"),
            reports.label("reports"),
        )
        .join(atom, col(atom.id) == Move.person_id)
        .join(Person, col(Person.id) == func.coalesce(atom.merged_into_id, atom.id))
        .join(Article, col(Article.id) == Move.article_id)
        .outerjoin(from_org, col(from_org.id) == Move.from_org_id)
        .outerjoin(to_org, col(to_org.id) == Move.to_org_id)
    )
    return counted(statement) if each_report else once(statement)


def read_move_rows(session: Session, statement) -> list[MoveRow]:
    """The rows of a `move_rows()` statement as MoveRows, each column by its name."""
    rows = []
    for row in session.exec(statement):
        fields = dict(row._mapping)
        fields["date"] = iso(fields["date"], fields.pop("date_precision"))
        rows.append(MoveRow(**fields))
    return rows


def iso(date: dt.date | None, precision: str | None) -> str | None:
    """A stored date at its precision: 2025, 2025-07 or 2025-07-16."""
    if date is None:
        return None
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def careers(session: Session, person_ids: list[int]) -> dict[int, list[MoveRow]]:
    """Each person's moves in career order: by date (undated by article date), oldest first."""
    if not person_ids:
        return {}
    # Filter on the indexed Move.person_id (the atoms), not on the joined root.
    atoms = select(Person.id).where(
        or_(col(Person.id).in_(person_ids), col(Person.merged_into_id).in_(person_ids))
    )
    statement = (
        move_rows()
        .where(col(Move.person_id).in_(atoms))
        # Within one month, the move reported first came first ("left for B",
        # then two weeks later "returned to A").
        .order_by(
            func.coalesce(Move.date, Article.published).asc().nulls_first(),
            col(Article.published).asc().nulls_last(),
            Move.id,
        )
    )
    career: dict[int, list[MoveRow]] = defaultdict(list)
    for move in read_move_rows(session, statement):
        career[move.person_id].append(move)
    return career


def _article_select():
    move_count = (
        counted(select(func.count(Move.id)).where(Move.article_id == Article.id))
        .correlate(Article)
        .scalar_subquery()
    )
    return select(
        Article.id, Article.title, Article.published, Article.language, Article.source
    ).add_columns(move_count)


def _article_rows(session: Session, article_ids) -> list[ArticleRow]:
    statement = (
        _article_select()
        .where(col(Article.id).in_(article_ids))
        .order_by(col(Article.published).desc().nulls_last())
    )
    return [ArticleRow(*row) for row in session.exec(statement)]
