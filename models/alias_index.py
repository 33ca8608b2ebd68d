"""The name index over the alias table, for resolution and lookup.

The index is kept with the database (models/name_keys.py, issue 14): each
alias is filed under its keys in the transaction that stores it, and a search
reads the keys through the caller's own session. So there is nothing to load
or refresh: a process answers its first query at once, and what it sees is
what its transaction sees.

That settles what the in-memory index (rebuilt per process, then topped up by
alias id) had to guard by hand: another writer's uncommitted, maybe
rolled-back aliases are never visible; a rebuild, one long transaction, sees
the aliases it has stored so far. The names here are kept for their callers.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .name_keys import StoredIndex

if TYPE_CHECKING:
    from sqlmodel import Session


class AliasIndex:
    """A handle on the stored index; entity ids are person atoms and organisations.

    `shared` is kept for its callers: a shared handle (one per database and
    process) and a private one (a rebuild's) now read alike, through the
    session they are given, which is what both wanted.
    """

    def __init__(self, *, shared: bool = True) -> None:
        self.shared = shared

    def refresh(self, session: Session) -> StoredIndex:
        """The index as `session`'s transaction sees it."""
        return StoredIndex(session.connection())


_by_database: dict[str, AliasIndex] = {}
_registry_lock = threading.Lock()


def alias_index(url: str) -> AliasIndex:
    """The process-wide handle for one database URL."""
    with _registry_lock:
        if url not in _by_database:
            _by_database[url] = AliasIndex()
        return _by_database[url]


def forget(url: str) -> None:
    """Drop the handle (after a rebuild re-creates every row); nothing is cached."""
    with _registry_lock:
        _by_database.pop(url, None)
