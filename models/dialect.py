"""SQL that differs between SQLite and PostgreSQL: the one place it may.

Everything else in models/ is written once for both engines; what one of them
spells differently (or needs as a planner hint) is a construct here, compiled
per dialect by SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

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
