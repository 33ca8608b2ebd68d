"""The name index kept in step with the alias table, for resolution and lookup.

Loaded once per process and database, then refreshed incrementally: aliases
only ever get added (merges move cluster pointers, not aliases), so reading the
rows with an id above the last one seen is enough to catch up with what this
or another process stored since.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .index import NameIndex

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlmodel import Session

# Read through the driver's own cursor: at a million aliases, SQLAlchemy Row
# objects cost about four times the query itself.
_NEWEST = "SELECT max(id) FROM alias"
_PEOPLE = (
    "SELECT person_id, norm FROM alias "
    "WHERE person_id IS NOT NULL AND id > {after:d} AND id <= {upto:d}"
)
_ORGANIZATIONS = (
    "SELECT organization_id, norm FROM alias "
    "WHERE organization_id IS NOT NULL AND id > {after:d} AND id <= {upto:d}"
)


class AliasIndex:
    """A NameIndex over every alias; entity ids are person atoms and organisations.

    A shared index (one per database and process) reads committed rows only,
    on a connection of its own: an uncommitted, maybe rolled-back transaction's
    aliases must never enter it. A private one (a rebuild, which runs as one
    transaction) reads through that transaction's own session.
    """

    def __init__(self, *, shared: bool = True) -> None:
        self.index = NameIndex()
        self.last_alias_id = 0
        self.shared = shared
        self._lock = threading.Lock()

    def refresh(self, session: Session) -> NameIndex:
        """Add the aliases stored since the last refresh; returns the index."""
        with self._lock:
            if self.shared:
                with session.get_bind().engine.connect() as connection, connection.begin():
                    self._catch_up(connection)
            else:
                self._catch_up(session.connection())
            return self.index

    def _catch_up(self, connection: Connection) -> None:
        # The DBAPI cursor: SQLAlchemy Row objects cost several times the query
        # at a million aliases. One transaction, so max(id) and the rows agree.
        cursor = connection.connection.cursor()
        try:
            cursor.execute(_NEWEST)
            row = cursor.fetchone()
            assert row is not None, "an aggregate always returns one row"
            newest = row[0] or 0
            if newest <= self.last_alias_id:
                return
            bounds = {"after": int(self.last_alias_id), "upto": int(newest)}
            cursor.execute(_PEOPLE.format(**bounds))
            people = cursor.fetchall()
            cursor.execute(_ORGANIZATIONS.format(**bounds))
            organizations = cursor.fetchall()
        finally:
            cursor.close()
        self.index.add_many(("person", person, norm) for person, norm in people)
        self.index.add_many(("organization", org, norm) for org, norm in organizations)
        self.last_alias_id = newest


_by_database: dict[str, AliasIndex] = {}
_registry_lock = threading.Lock()


def alias_index(url: str) -> AliasIndex:
    """The process-wide index for one database URL."""
    with _registry_lock:
        if url not in _by_database:
            _by_database[url] = AliasIndex()
        return _by_database[url]


def forget(url: str) -> None:
    """Drop the cached index (after a rebuild re-creates every row)."""
    with _registry_lock:
        _by_database.pop(url, None)
