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
_ROWS_AFTER = (
    "SELECT id, person_id, organization_id, norm FROM alias WHERE id > {after:d} ORDER BY id"
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
                with session.get_bind().connect() as connection:
                    rows = self._rows(connection)
            else:
                rows = self._rows(session.connection())
            if rows:
                entries = (
                    ("organization", org, norm) if person is None else ("person", person, norm)
                    for _, person, org, norm in rows
                )
                if len(self.index) == 0:
                    self.index = NameIndex.from_rows(entries)
                else:
                    for kind, entity_id, norm in entries:
                        self.index.add(kind, entity_id, norm)
                self.last_alias_id = rows[-1][0]
            return self.index

    def _rows(self, connection: Connection) -> list[tuple[int, int | None, int | None, str]]:
        cursor = connection.connection.cursor()  # the DBAPI cursor, same transaction
        try:
            cursor.execute(_ROWS_AFTER.format(after=int(self.last_alias_id)))
            return cursor.fetchall()
        finally:
            cursor.close()


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
