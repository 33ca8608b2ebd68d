"""The change log: writers number their commits, open dashboards read what is new.

A unit of work notes what it changed (`note`); `Database.session()` logs the
notes as the transaction's last statements (`log_noted`), under a lock held
until commit, then commits. Change ids therefore follow commit order on every
engine, and a reader that has seen change N has seen all before it: it asks
for the changes after the last one it read (`since`) and never misses a
move, whatever order move ids were handed out in by concurrent writers.

On PostgreSQL each change is also sent to `CHANNEL` with NOTIFY, delivered
at commit, so dashboards wake at once instead of polling (tui/live.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlmodel import Session, col, func, select

from .dialect import lock_change_log, notify
from .tables import Change

CHANNEL = "movesboard_changes"
_NOTED = "movesboard.changes"  # key in Session.info


class ChangeKind(StrEnum):
    ARTICLE = "article"  # an article and its facts were stored
    DECISION = "decision"  # a user's decision (or its undo) changed rows
    REBUILD = "rebuild"  # everything derived was made again


def note(session: Session, kind: ChangeKind, article_id: int | None = None) -> None:
    """Remember that this unit of work changed something; logged when it commits."""
    session.info.setdefault(_NOTED, []).append((kind, article_id))


def log_noted(session: Session) -> None:
    """Write the noted changes: call it last before commit (the lock lasts until then)."""
    noted: list[tuple[ChangeKind, int | None]] = session.info.pop(_NOTED, [])
    if not noted:
        return
    lock_change_log(session)
    if any(kind is ChangeKind.REBUILD for kind, _ in noted):
        noted = [(ChangeKind.REBUILD, None)]  # readers reload everything anyway
    changes = [Change(kind=str(kind), article_id=article_id) for kind, article_id in noted]
    session.add_all(changes)
    session.flush()
    notify(session, CHANNEL, str(changes[-1].id))


def forget_noted(session: Session) -> None:
    """The unit of work rolled back: nothing it noted happened."""
    session.info.pop(_NOTED, None)


def noted_count(session: Session) -> int:
    """How many changes are noted so far: where a savepoint's notes would start."""
    return len(session.info.get(_NOTED, ()))


def forget_noted_since(session: Session, count: int) -> None:
    """A savepoint rolled back: what it noted (after the first `count`) did not happen."""
    del session.info.get(_NOTED, [])[count:]


@dataclass(frozen=True, slots=True)
class ChangeBatch:
    """What changed after a reader's last change, read in commit order."""

    latest_id: int  # the newest change read: the next read starts after it
    article_ids: tuple[int, ...]  # articles stored, oldest first
    decided: bool  # rows already shown may have changed (status, merge, rename)
    rebuilt: bool  # everything was made again: reload

    @property
    def empty(self) -> bool:
        return not (self.article_ids or self.decided or self.rebuilt)


def latest_id(session: Session) -> int:
    """The newest change's id (0 in an empty log): a reader starts after it."""
    newest: int | None = session.exec(select(func.max(Change.id))).one()
    return newest or 0


def since(session: Session, after_id: int, *, limit: int = 1000) -> ChangeBatch:
    """Up to `limit` changes after `after_id`, in commit order."""
    rows = session.exec(
        select(Change.id, Change.kind, Change.article_id)
        .where(col(Change.id) > after_id)
        .order_by(col(Change.id))
        .limit(limit)
    ).all()
    kinds = {kind for _, kind, _ in rows}
    return ChangeBatch(
        latest_id=int(rows[-1][0] or 0) if rows else after_id,
        article_ids=tuple(a for _, kind, a in rows if kind == ChangeKind.ARTICLE and a is not None),
        decided=ChangeKind.DECISION in kinds,
        rebuilt=ChangeKind.REBUILD in kinds,
    )


# ------------------------------------------------------------------ hearing about them


class Waiter(Protocol):
    look_every: float  # seconds: read the log this often even when not told of a change

    def wait(self, seconds: float) -> bool:
        """Block up to `seconds`; True when told of a change (False: look anyway)."""
        ...

    def close(self) -> None: ...


class Sleeper:
    """SQLite has no notifications: the reader looks every second (one index read)."""

    look_every = 1.0

    def wait(self, seconds: float) -> bool:
        time.sleep(seconds)
        return False

    def close(self) -> None:
        pass


class Listener:
    """A PostgreSQL connection of its own that LISTENs on `CHANNEL`."""

    # Readers look unprompted now and then, in case a notification was lost
    # (one sent while a listener was reconnecting).
    look_every = 15.0

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        # psycopg takes the URL without SQLAlchemy's "+psycopg" driver part.
        conninfo = make_url(url).set(drivername="postgresql")
        self._connection = psycopg.connect(
            conninfo.render_as_string(hide_password=False), autocommit=True
        )
        self._connection.execute(f"LISTEN {CHANNEL}")

    def wait(self, seconds: float) -> bool:
        return any(True for _ in self._connection.notifies(timeout=seconds, stop_after=1))

    def close(self) -> None:
        self._connection.close()


def waiter(url: str) -> Waiter:
    """How a reader of the database at `url` hears about changes."""
    return Listener(url) if url.startswith("postgresql") else Sleeper()
