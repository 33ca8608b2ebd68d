"""SQL that differs between SQLite and PostgreSQL: the one place it may.

Everything else in models/ is written once for both engines; what one of them
spells differently (or needs as a planner hint) is a construct here, compiled
per dialect by SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlmodel import Session


class unindexed(FunctionElement[Any]):
    """A column that SQLite's planner must not answer from an index (`+move.date`):
    on the timeline's undated stream it would scan ix_move_timeline whole and
    sort, instead of walking article.published. PostgreSQL plans it well as is."""

    name = "unindexed"
    inherit_cache = True


@compiles(unindexed)
def _plain(element: unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(unindexed, "sqlite")
def _unary_plus(element: unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    """An INSERT into `table` (a model) that can skip rows a unique constraint
    already holds (`.on_conflict_do_nothing()`), whoever wrote them first."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


# Namespace of the advisory locks taken on person names (the other int of the pair
# is the name's hash); migrations use a single-int lock, so the two never meet.
NAME_LOCKS = 1


def lock_names(session: Session, keys: Iterable[str]) -> None:
    """Hold these person keys until the transaction ends.

    Two writers storing articles about the same new person would otherwise
    each judge against what the other has not committed, and make two
    people of one. On PostgreSQL the second waits for the first's commit, then
    sees its rows. Keys are taken in one sorted pass, so two writers cannot
    deadlock. SQLite has one writer at a time: nothing to do."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
            {"space": NAME_LOCKS, "key": key},
        )


# Namespace of the change log's lock (see models/changes.py); key 0.
CHANGE_LOCK = 2


def lock_change_log(session: Session) -> None:
    """Hold the change log until this transaction ends, so the next writer's
    change is numbered after this one is visible. SQLite's writers take turns
    already: nothing to do there."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:space, 0)"), {"space": CHANGE_LOCK})


def notify(session: Session, channel: str, payload: str) -> None:
    """Tell PostgreSQL listeners on `channel`, at commit (never if it rolls back).
    SQLite has no listeners: its readers poll."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload}
        )


def database_role(session: Session) -> str | None:
    """The role this session logged in as (PostgreSQL); SQLite has no roles.

    `session_user`, not `current_user`: a team's writers log in as themselves
    and `SET ROLE` to the group that owns the schema (README, "Team mode"),
    which makes `current_user` the group for everyone; the decision must
    still name the person."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.execute(text("SELECT session_user")).scalar_one())


def may_store_articles(session: Session) -> bool:
    """Whether this role may add articles: a read-only team member's dashboard
    must not try to seed an empty database. SQLite: whoever opens the file."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.execute(text("SELECT has_table_privilege('article', 'INSERT')")).scalar())


# PostgreSQL aborts one of two writers that wait on each other's rows (deadlock)
# or, under stricter isolation, on a serialisation conflict: the article was
# rolled back whole and storing it again will succeed.
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})


def transient_conflict(error: BaseException) -> bool:
    """Whether a failed transaction was aborted only for another writer's sake."""
    return getattr(getattr(error, "orig", None), "sqlstate", None) in _TRANSIENT_SQLSTATES
