"""What each cluster of people has been named beside: organisations and colleagues.

Resolution tells namesakes apart by what a new article shares with a
candidate cluster's earlier articles. Reading those articles costs what the
cluster has grown to (a 5,000-entry feed about one researcher made every new
entry slower than the last), so each cluster keeps its ties in
`ClusterTie`, one row per organisation or colleague key, and the question
becomes a few index seeks.

The rows are derived from the mentions: `add` records an article's ties as
its people are attached; `recompute` rebuilds them for clusters whose atoms a
decision moved (merge, split, undo, replay). A cluster's ties are the keys
its articles name, so a recompute gives the keys the adds gave (the names
shown beside them may be another spelling of the same key).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, literal, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from .dialect import insert_ignoring_duplicates
from .name_keys import Cursor
from .tables import ClusterTie, Mention, Organization, Person

ORGANIZATION = "organization"
PERSON = "person"


# Raw statements (name_keys.Cursor): they run for every atom an article makes.
_ADD = (
    "INSERT INTO clustertie (root_id, kind, key, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_SHARED = "SELECT kind, name FROM clustertie WHERE root_id = ? AND kind = ? AND key IN ({marks})"


def add(
    session: Session,
    root_id: int,
    organizations: Mapping[str, str],
    people: Mapping[str, str],
) -> None:
    """Tie the cluster `root_id` to an article's organisations and people (key -> name)."""
    rows = [
        (root_id, kind, key, name)
        for kind, named in ((ORGANIZATION, organizations), (PERSON, people))
        for key, name in named.items()
    ]
    if rows:
        with Cursor(session.connection()) as cursor:
            cursor.many(_ADD, rows)


def shared(
    session: Session,
    root_id: int,
    root_key: str,
    organizations: Iterable[str],
    people: Iterable[str],
) -> list[str]:
    """Names of the organisations, then colleagues (keys given), tied to the cluster.

    A colleague of the cluster's own key is the person themself, not a tie."""
    colleagues = [key for key in people if key != root_key]
    wanted = [
        (kind, list(keys)) for kind, keys in ((ORGANIZATION, organizations), (PERSON, colleagues))
    ]
    asked = [(kind, keys) for kind, keys in wanted if keys]
    if not asked:
        return []
    with Cursor(session.connection()) as cursor:
        rows = cursor.all(*shared_query(root_id, asked))
    names = {
        kind: sorted({name for row_kind, name in rows if row_kind == kind}) for kind, _ in wanted
    }
    return names[ORGANIZATION] + names[PERSON]


def shared_query(root_id: int, asked: list[tuple[str, list[str]]]) -> tuple[Any, ...]:
    """The statement (qmark style) asking a cluster's ties of these (kind, keys), then
    its parameters.

    One statement for both kinds (it runs for every cluster an article's name
    matches); each part seeks uq_cluster_tie_root_kind_key, whatever the
    cluster's size (one OR'ed WHERE would walk all of its ties)."""
    statement = " UNION ALL ".join(_SHARED.format(marks=", ".join("?" * len(k))) for _, k in asked)
    return statement, *(value for kind, keys in asked for value in (root_id, kind, *keys))


def recompute(session: Session, root_ids: Iterable[int | None] | None = None) -> None:
    """Rebuild the ties of these clusters (all with None) from their mentions.

    Ids that are no longer roots simply lose their rows."""
    ids = None if root_ids is None else sorted({i for i in root_ids if i is not None})
    if ids == []:
        return
    session.flush()
    clearing = delete(ClusterTie)
    if ids is not None:
        clearing = clearing.where(col(ClusterTie.root_id).in_(ids))
    session.execute(clearing)
    for selection in _ties_of(ids):
        statement = insert_ignoring_duplicates(session, ClusterTie).from_select(
            ["root_id", "kind", "key", "name"], selection
        )
        session.execute(statement.on_conflict_do_nothing())


def _ties_of(ids: list[int] | None) -> list[Any]:
    """SELECTs of (root, kind, key, name) for the clusters `ids` (None: every cluster)."""
    root = func.coalesce(Person.merged_into_id, Person.id).label("root")
    articles = select(root, Mention.article_id).join(Mention, col(Mention.person_id) == Person.id)
    if ids is not None:
        articles = articles.where(or_(col(Person.id).in_(ids), col(Person.merged_into_id).in_(ids)))
    cluster_articles = articles.distinct().subquery()
    # SQLModel sets __table__ on table models but does not declare it.
    beside = Mention.__table__.alias("beside")  # type: ignore[attr-defined]
    selections = []
    for kind, table, owner in (
        (ORGANIZATION, Organization, beside.c.organization_id),
        (PERSON, Person, beside.c.person_id),
    ):
        named: Any = aliased(table, name=f"named_{kind}")
        selections.append(
            select(cluster_articles.c.root, literal(kind), named.key, func.min(named.name))
            .join(beside, beside.c.article_id == cluster_articles.c.article_id)
            .join(named, named.id == owner)
            .group_by(cluster_articles.c.root, named.key)
        )
    return selections
