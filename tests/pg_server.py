"""The PostgreSQL server the suite runs its second engine on.

Every machine that runs the suite in earnest (developers', CI's) has a server
at 127.0.0.1:5432 with trust authentication, user `root` or `postgres`, and a
database `test` to connect to; `MOVESBOARD_TEST_POSTGRES` names another
(an SQLAlchemy URL of any database on it). The suite never writes to that
database: it migrates one template database per run and gives each test a
fresh copy (`CREATE DATABASE ... TEMPLATE`, ~40 ms), dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
import re

from sqlalchemy.engine import URL, make_url

CANDIDATES = [
    "postgresql+psycopg://root@127.0.0.1:5432/test",
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
]
PREFIX = "movesboard_test_"


class PostgresServer:
    """Creates and drops this run's databases on one server."""

    def __init__(self, admin_url: str) -> None:
        self.admin: URL = make_url(admin_url)
        self.run = f"{PREFIX}{os.getpid()}_"
        self.template = f"{self.run}template"
        self._numbers = itertools.count()

    @classmethod
    def find(cls) -> tuple[PostgresServer | None, str]:
        """The server to use, or None and why there is none."""
        explicit = os.environ.get("MOVESBOARD_TEST_POSTGRES")
        errors = []
        for url in [explicit] if explicit else CANDIDATES:
            try:
                server = cls(url)
                server._execute("SELECT 1")
                return server, ""
            except Exception as error:  # any failure to connect: try the next
                first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
                errors.append(f"{make_url(url).render_as_string()}: {first_line}")
        return None, "no PostgreSQL server reachable (" + "; ".join(errors) + ")"

    def url(self, database: str) -> str:
        return self.admin.set(database=database).render_as_string(hide_password=False)

    def _execute(self, *statements: str) -> list[tuple[object, ...]]:
        import psycopg

        rows: list[tuple[object, ...]] = []
        with psycopg.connect(
            host=self.admin.host,
            port=self.admin.port or 5432,
            user=self.admin.username,
            password=self.admin.password,
            dbname=self.admin.database,
            autocommit=True,
            connect_timeout=3,
        ) as connection:
            for statement in statements:
                cursor = connection.execute(statement)
                if cursor.description is not None:
                    rows = cursor.fetchall()
        return rows

    def start(self) -> None:
        """Drop what crashed runs left behind, then make this run's migrated template."""
        from movesboard.models.db import Database

        self._drop_leftovers()
        self._execute(f'CREATE DATABASE "{self.template}"')
        template = Database(self.url(self.template))
        template.migrate()
        template.dispose()

    def fresh(self) -> str:
        """The URL of a new, migrated, empty database."""
        name = f"{self.run}{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self.url(name)

    def empty(self) -> str:
        """The URL of a new database with no schema at all (for migration tests)."""
        name = f"{self.run}{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')

    def _drop_leftovers(self) -> None:
        rows = self._execute(f"SELECT datname FROM pg_database WHERE datname LIKE '{PREFIX}%'")
        for (name,) in rows:
            match = re.match(rf"{PREFIX}(\d+)_", str(name))
            if match and not _alive(int(match.group(1))):
                self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
