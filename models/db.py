"""Where the data lives and how to open it.

The database is `--db`, else `MOVESBOARD_DB`, else the config file's `db`
(movesboard/config.py), else a SQLite file in the platform's user data
directory; each is a path or any SQLAlchemy URL (PostgreSQL too).
Nothing here runs at import time: the engine is created on first use, so the
dashboard can paint before SQLAlchemy is even imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from movesboard.config import load_config

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from .migrations import UpgradeNotAllowed

ENV_VAR = "MOVESBOARD_DB"


class DatabaseError(Exception):
    """The database cannot be used as asked; str() is a one-line explanation."""


def default_db_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("movesboard", appauthor=False) / "movesboard.db"


def resolve_url(db: str | None = None) -> str:
    """`--db` beats `MOVESBOARD_DB` beats the config file's `db` beats the default
    file; plain paths become SQLite URLs. A bad config file raises ConfigError."""
    chosen = db or os.environ.get(ENV_VAR) or load_config().db or str(default_db_path())
    if "://" in chosen:
        return _checked(_with_driver(chosen))
    path = Path(chosen).expanduser().resolve()
    return f"sqlite:///{path}"


# A PostgreSQL URL without a driver means psycopg 3 (the `postgres` extra):
# SQLAlchemy 2.0 would pick psycopg2, which movesboard does not install.
_BARE_POSTGRES = ("postgresql://", "postgres://")


def _with_driver(url: str) -> str:
    for bare in _BARE_POSTGRES:
        if url.startswith(bare):
            return "postgresql+psycopg://" + url.removeprefix(bare)
    return url


def _checked(url: str) -> str:
    """`url` when SQLAlchemy can parse it; else DatabaseError, one line that
    shows only the scheme (the rest may hold a password)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except (ArgumentError, ValueError) as error:  # a bad port is a bare ValueError
        scheme = url.split("://", 1)[0]
        shown = f" ({scheme}://…)" if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) else ""
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DatabaseError(f"not a usable database URL{shown}: {reason}") from None
    return url


def describe(url: str) -> str:
    """A short, password-free label for messages and the dashboard header.

    libpq also takes credentials as query parameters (`?password=...`,
    `?sslpassword=...`), which SQLAlchemy's hide_password does not hide: those
    show as `***` too, so the label still says that one was given."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    shown = parsed.set(query={}).render_as_string(hide_password=True)
    query = _shown_query(parsed.query)
    return f"{shown}?{query}" if query else shown


# Query keys that hold a credential, compared lowercased as substrings:
# libpq's password and sslpassword, other drivers' passwd / pwd, and tokens.
_SECRET_QUERY_KEYS = ("password", "passwd", "pwd", "secret", "token")


def _shown_query(query: Mapping[str, str | tuple[str, ...]]) -> str:
    """`query` as a URL's query string, each credential's value as `***`."""
    from urllib.parse import quote_plus

    parts = []
    for key, values in query.items():
        secret = any(word in key.lower() for word in _SECRET_QUERY_KEYS)
        for value in (values,) if isinstance(values, str) else values:
            parts.append(f"{quote_plus(key)}={'***' if secret else quote_plus(value)}")
    return "&".join(parts)


# SQLSTATE insufficient_privilege (psycopg's InsufficientPrivilege).
_INSUFFICIENT_PRIVILEGE = "42501"


def permission_denied(error: BaseException) -> str | None:
    """One line for a PostgreSQL role refused a statement, or None for any other
    error. A team's reader (README, "Team mode") who tries `moves confirm` got
    SQLAlchemy's "(psycopg.errors.InsufficientPrivilege) permission denied for
    table decision" with its SQL; what it needs to hear is that the role only reads."""
    original = getattr(error, "orig", None)
    if getattr(original, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
        return None
    text = str(original).strip()
    reason = text.splitlines()[0] if text else "permission denied"
    statement = str(getattr(error, "statement", "") or "").lstrip().upper()
    if statement.startswith(("SELECT", "WITH")) and "FOR UPDATE" not in statement:
        return f"this database role may not read this database: {reason}"
    return f"this database role may only read: {reason} (ask a writer of this database to do it)"


def prepare_folder(path: Path) -> None:
    """Create the SQLite file's folder; DatabaseError, naming both, if that cannot be done."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = _first_non_folder(folder) or folder
        raise DatabaseError(f"cannot use {path}: {blocker} is a file, not a folder") from None
    except PermissionError as error:
        where = error.filename or folder
        raise DatabaseError(f"cannot use {path}: no permission to create {where}") from None
    except OSError as error:
        where = error.filename or folder
        raise DatabaseError(
            f"cannot use {path}: cannot create {where} ({error.strerror or 'error'})"
        ) from None
    if path.is_dir():
        raise DatabaseError(f"cannot use {path}: it is a folder, not a database file")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(f"cannot use {path}: no permission to create files in {folder}")


def _first_non_folder(folder: Path) -> Path | None:
    """The nearest existing ancestor of `folder` (itself included) when it is not a folder."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def sqlite_file(url: str) -> str:
    """The file an SQLite URL names. A URI filename (`sqlite:///file:PATH?mode=ro&uri=true`,
    how a read-only file is opened) names it between `file:` and the query: taken
    whole, it made prepare_folder create a `file:` folder in the working directory."""
    path = url.removeprefix("sqlite:///")
    if path.startswith("file:") and "uri=true" in path:
        return path.removeprefix("file:").split("?", 1)[0]
    return path


_WAL_SWITCH_WAIT = 30.0  # seconds, as long as the busy timeout


def _use_wal(cursor) -> None:
    """Switch the file to WAL (a no-op once it is). A read-only file keeps the
    journal it has: reading needs no WAL, and the switch is a write that would
    fail the connection.

    When two processes open a new file at once, the switch can fail with
    "database is locked" at once, without SQLite's busy handler waiting (seen
    with two `ingest`s on a new database): it is tried again until the other
    process's switch is done."""
    import sqlite3
    import time

    deadline = time.monotonic() + _WAL_SWITCH_WAIT
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code == sqlite3.SQLITE_READONLY:
                return
            if code != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


class Database:
    """An engine created lazily, migrated once, and sessions per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True) -> Database:
        database = cls(resolve_url(db))
        if migrate:
            database.migrate()
        return database

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._create_engine()
        return self._engine

    def _create_engine(self) -> Engine:
        from sqlalchemy import create_engine, event

        if not self.is_sqlite:
            try:
                return create_engine(self.url, pool_pre_ping=True)
            except ModuleNotFoundError as error:
                raise DatabaseError(
                    f"no driver for {describe(self.url)}: {error.name} is not installed "
                    "(for PostgreSQL: pip install 'movesboard[postgres]')"
                ) from None

        path = sqlite_file(self.url)
        if path and path != ":memory:":
            prepare_folder(Path(path))
        engine = create_engine(self.url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:
            # WAL lets the dashboard read while `movesboard ingest` writes in
            # another process; foreign keys are off by default in SQLite.
            cursor = dbapi_connection.cursor()
            _use_wal(cursor)
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        from sqlmodel import Session

        from . import changes

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                changes.log_noted(session)  # last: numbered in commit order
                session.commit()
            except BaseException:
                changes.forget_noted(session)
                session.rollback()
                raise

    def migrate(self) -> None:
        from sqlalchemy.exc import OperationalError

        from .migrations import UpgradeNotAllowed, upgrade

        try:
            upgrade(self.engine)
        except UpgradeNotAllowed as error:
            raise DatabaseError(self._needs_upgrade(error)) from None
        except OperationalError as error:
            # SQLite says only "unable to open database file", never which one or why.
            if self.is_sqlite and "unable to open database file" in str(error.orig):
                raise DatabaseError(
                    f"cannot open {describe(self.url)}: unable to open the database file"
                ) from None
            raise

    def _needs_upgrade(self, error: UpgradeNotAllowed) -> str:
        """One line: what the schema needs, and who can do it (not this role or file)."""
        who = (
            "with write access to the file"
            if self.is_sqlite
            else "as a role that may change the schema"
        )
        return (
            f"{describe(self.url)} needs upgrading to schema {error.target} "
            f"(it is at {error.current or 'no schema yet'}); "
            f"run any movesboard command once {who}"
        )

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
