"""Schema versioning with Alembic, driven from code (no alembic.ini).

`upgrade()` is cheap when the database is current: it reads the stored
revision and only imports Alembic when there is something to do. At head it
takes no lock and writes nothing, so a role that may only SELECT can open the
database; one that would have to migrate gets `UpgradeNotAllowed`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.exc import DBAPIError
    from sqlmodel import Session

# The newest revision in versions/; tests/test_migrations.py keeps it honest.
HEAD = "0011"

SCRIPT_LOCATION = Path(__file__).parent


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _revision_on(connection)


def _revision_on(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


# PostgreSQL advisory lock key under which one process at a time migrates
# (any fixed number; "mvbd" in ASCII).
MIGRATION_LOCK = 0x6D766264


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


class UpgradeNotAllowed(Exception):
    """The schema needs an upgrade this connection may not make (a read-only
    role or file); `Database.migrate` words it for the user."""

    def __init__(self, current: str | None, target: str) -> None:
        super().__init__(f"schema {current or 'none'} needs upgrading to {target}")
        self.current = current
        self.target = target


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`, keeping every stored row.

    Two processes may open a new database at once (`ingest` in two shells).
    On PostgreSQL they take turns under an advisory lock, so the second
    finds the schema made. SQLite runs DDL outside the transaction: there the
    one that loses the race finds the tables made by the other, and succeeds
    once the schema it wanted is there."""
    from sqlalchemy.exc import DBAPIError

    # A plain read, no lock: at head (the usual case) nothing else happens.
    # Reading HEAD means the migration that wrote it has committed (its version
    # row and derived data commit together), so skipping the lock is safe.
    before = current_revision(engine)
    if revision == "head" and before == HEAD:
        return
    try:
        _upgrade(engine, revision, before)
    except DBAPIError as error:
        if _not_allowed(error):
            _refuse(engine, revision)
            return
        if revision == "head" and _migrated_elsewhere(engine):
            return
        raise


# SQLSTATEs of a connection that may not change the schema:
# insufficient_privilege, read_only_sql_transaction (a standby, or
# default_transaction_read_only).
_NOT_ALLOWED_STATES = frozenset({"42501", "25006"})


def _not_allowed(error: DBAPIError) -> bool:
    """Whether the upgrade failed for want of permission, not for a race or a bug."""
    import sqlite3

    original = error.orig
    if getattr(original, "sqlstate", None) in _NOT_ALLOWED_STATES:
        return True
    code = getattr(original, "sqlite_errorcode", None)  # extended: the low byte is the code
    return code is not None and code & 0xFF == sqlite3.SQLITE_READONLY


def _refuse(engine: Engine, revision: str) -> None:
    """Raise UpgradeNotAllowed, unless another process has brought the schema to
    head meanwhile (one look: a read-only caller has nothing to wait for)."""
    now = current_revision(engine)
    if revision == "head" and now == HEAD:
        return
    raise UpgradeNotAllowed(now, HEAD if revision == "head" else revision)


_RACE_WAIT = 30.0  # seconds: SQLite's busy timeout, the longest another writer holds on


def _migrated_elsewhere(engine: Engine) -> bool:
    """Whether another process is bringing the schema to HEAD (SQLite runs DDL
    outside the transaction, so its tables show before its version does)."""
    import time

    deadline = time.monotonic() + _RACE_WAIT
    while True:
        try:
            if current_revision(engine) == HEAD:
                return True
        except Exception:  # a half-made schema may read oddly: look again
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)


def _upgrade(engine: Engine, revision: str, before: str | None) -> None:
    from alembic import command

    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # SQLite alters a table by copying it and dropping the old one; with
            # foreign keys on, that drop would cascade into every referring row.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                if not sqlite:
                    # The first opener migrates; the others wait here, and find
                    # the schema made when the lock is theirs.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                    before = _revision_on(connection)
                    if revision == "head" and before == HEAD:
                        return
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                _derive(connection, before)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration left a dangling reference: {broken}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` (for tests of upgrades, and for a way back)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _mark_repeats(session: Session) -> None:
    from ..repeats import mark

    mark(session)


def _tie_clusters(session: Session) -> None:
    from ..ties import recompute

    recompute(session)


def _key_names(session: Session) -> None:
    from ..name_keys import backfill

    backfill(session.connection())


# Derived data, filled in by application code for the rows stored before the
# revision that introduced it (a frozen migration would carry a stale copy of
# the code that derives it): (revision, filler).
DERIVED_SINCE: list[tuple[str, Callable[[Session], None]]] = [
    ("0004", _mark_repeats),  # Move.repeat_of_id
    ("0006", _tie_clusters),  # ClusterTie
    ("0010", _key_names),  # NameKey
]


def _derive(connection, before: str | None) -> None:
    from sqlalchemy import text
    from sqlmodel import Session

    reached = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if before is None:
        return  # a new database: nothing stored to derive from
    due = [fill for since, fill in DERIVED_SINCE if before < since <= reached]
    if not due:
        return
    with Session(bind=connection) as session:
        for fill in due:
            fill(session)
        session.flush()
