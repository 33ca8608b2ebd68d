"""An existing database is upgraded in place, keeping every row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from movesboard.models import queries
from movesboard.models.db import Database
from movesboard.models.migrations import HEAD, current_revision, downgrade, upgrade


def test_a_first_revision_database_upgrades_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, source, title, language, body, content_hash, "
                "ingested_at) VALUES (1, 'a.txt', 'T', 'en', 'Ada Lovelace joined Beta.', "
                "'hash1', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO organization (id, name, key, created_at) "
                "VALUES (1, 'Beta', 'beta', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO person (id, name, key, created_at) "
                "VALUES (1, 'Ada Lovelace', 'ada lovelace', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO mention (article_id, person_id, start, "end", text) '
                "VALUES (1, 1, 0, 12, 'Ada Lovelace')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO move (person_id, to_org_id, article_id, evidence, evidence_start, "
                "confidence, status, modality, created_at) VALUES (1, 1, 1, "
                "'Ada Lovelace joined Beta.', 0, 0.9, 'confirmed', 'stated', '2025-01-01 00:00:00')"
            )
        )
    engine.dispose()
    assert current_revision(create_engine(f"sqlite:///{path}")) == "0001"

    database = Database.open(str(path))
    assert current_revision(database.engine) == HEAD
    with database.session() as session:
        assert [p.name for p in queries.people(session)] == ["Ada Lovelace"]
        moves = queries.timeline(session)
        assert [(m.person, m.to_org, m.status) for m in moves] == [
            ("Ada Lovelace", "Beta", "confirmed")
        ]
    with database.engine.connect() as connection:
        uids = connection.execute(text("SELECT uid FROM person UNION ALL SELECT uid FROM move"))
        assert all(uid and len(uid) <= 16 for (uid,) in uids)


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    database = Database.open(str(tmp_path / "x.db"))
    downgrade(database.engine, "0001")
    assert current_revision(database.engine) == "0001"
    database.migrate()
    assert current_revision(database.engine) == HEAD


# SQLite cannot reflect expression indexes (lower(name)), so autogenerate skips
# them there, saying so; PostgreSQL compares them, and test_queries_paging checks
# SQLite's plans use them.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_the_migrations_build_what_the_tables_declare(tmp_path: Path) -> None:
    # A change to models/tables.py without its revision shows up here.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from movesboard.models.tables import metadata

    engine = create_engine(f"sqlite:///{tmp_path / 'head.db'}")
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_two_processes_opening_a_new_database_at_once_both_succeed(
    tmp_path: Path, unmigrated_url: str
) -> None:
    """The first `ingest` in two shells: one makes the schema, the other waits
    for it instead of failing on a table that already exists."""
    import subprocess
    import sys

    for part in ("x", "y"):
        folder = tmp_path / part
        folder.mkdir()
        for i in range(20):
            (folder / f"{part}{i}.txt").write_text(
                f"---\ntitle: {part} {i}\nlanguage: en\n---\n{part.upper()}{i} Doe joined Beta.\n",
                encoding="utf-8",
            )
    argv = [sys.executable, "-m", "movesboard", "--db", unmigrated_url, "ingest"]
    procs = [
        subprocess.Popen([*argv, str(tmp_path / p)], stderr=subprocess.PIPE, text=True)
        for p in ("x", "y")
    ]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    database = Database.open(unmigrated_url, migrate=False)
    with database.engine.connect() as connection:
        assert connection.execute(text("select count(*) from article")).scalar() == 40
        assert current_revision(database.engine) == HEAD
    database.dispose()


def test_postgresql_openers_take_turns_under_an_advisory_lock(
    postgres_server,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """Four openers of a new PostgreSQL database at once: each migration waits
    for the lock, none needs the fall-back that waits out a failed one."""
    import threading

    from movesboard.models import migrations

    def no_fallback(engine) -> bool:  # type: ignore[no-untyped-def]
        raise AssertionError("a migration failed and fell back to waiting")

    monkeypatch.setattr(migrations, "_migrated_elsewhere", no_fallback)
    url = postgres_server.empty()
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            Database.open(url).dispose()
        except BaseException as error:
            errors.append(error)

    try:
        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not errors, errors
        engine = create_engine(url)
        assert current_revision(engine) == HEAD
        engine.dispose()
    finally:
        postgres_server.drop(url)


def test_an_upgrade_from_0010_keeps_one_alias_per_owner_and_form(unmigrated_url: str) -> None:
    """Aliases written twice before 0011 (two writers at once, issue 12): the
    oldest row of each owner and form stays, the others go with their name
    keys, and the schema then refuses a new duplicate."""
    from sqlalchemy.exc import IntegrityError

    from movesboard.models import name_keys

    old = Database.open(unmigrated_url, migrate=False)
    upgrade(old.engine, "0010")
    aliases = [  # (person_id, organization_id, name, norm), in id order
        (None, 1, "Anysphere", "anysphere"),
        (None, 1, "Cursor", "cursor"),
        (None, 1, "CURSOR", "cursor"),
        (1, None, "Cursor", "cursor"),  # another owner: stays
        (None, 1, "Cursor", "cursor"),
        (1, None, "Michael Truell", "michael truell"),
        (1, None, "Michael Truell", "michael truell"),
        (None, 2, "Cursor", "cursor"),  # another organisation: stays
    ]
    with old.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (id, uid, atom_name, name, key, named_by_user, created_at) "
                "VALUES (1, 'p-1', 'Michael Truell', 'Michael Truell', 'michael truell', "
                "false, '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO organization (id, name, key, created_at) VALUES "
                "(1, 'Anysphere', 'anysphere', '2025-01-01 00:00:00'), "
                "(2, 'Cursor Labs', 'cursor labs', '2025-01-01 00:00:00')"
            )
        )
        ids = []
        for person_id, organization_id, name, norm in aliases:
            ids.append(
                connection.execute(
                    text(
                        "INSERT INTO alias (person_id, organization_id, name, norm) "
                        "VALUES (:p, :o, :name, :norm) RETURNING id"
                    ),
                    {"p": person_id, "o": organization_id, "name": name, "norm": norm},
                ).scalar_one()
            )
        name_keys.write(connection, [(i, alias[3]) for i, alias in zip(ids, aliases, strict=True)])
    old.dispose()

    database = Database.open(unmigrated_url)
    try:
        assert current_revision(database.engine) == HEAD
        kept = [ids[0], ids[1], ids[3], ids[5], ids[7]]
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT id, person_id, organization_id, name FROM alias ORDER BY id")
            ).all()
            assert [tuple(row) for row in rows] == [
                (ids[0], None, 1, "Anysphere"),
                (ids[1], None, 1, "Cursor"),
                (ids[3], 1, None, "Cursor"),
                (ids[5], 1, None, "Michael Truell"),
                (ids[7], None, 2, "Cursor"),
            ]
            keyed = connection.execute(text("SELECT key, alias_id FROM name_key")).all()
            assert sorted(keyed) == sorted(
                name_keys.rows((i, aliases[ids.index(i)][3]) for i in kept)
            )
        with pytest.raises(IntegrityError), database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO alias (organization_id, name, norm) VALUES (1, 'cursor', 'cursor')"
                )
            )
    finally:
        database.dispose()
