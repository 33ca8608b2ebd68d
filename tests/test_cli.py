"""The scriptable commands, run in a subprocess-free way through cli.main().

What they store, export and look up is tested on SQLite and on PostgreSQL (the
`database` fixture, passed as `--db URL`); argument parsing and the SQLite file
itself only on SQLite.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.models.db import Database
from movesboard.models.export import FIELDS

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLE = """---
title: Lab news
published: 2025-03-04
language: en
---
Ada Lovelace has joined Beta Corp from Alpha Labs.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, True)),
        (["--db", "x.db"], ("x.db", True)),
        (["--no-seed", "--db=y.db"], ("y.db", False)),
        (["-v", "--db", "z.db"], ("z.db", True, True)),
    ],
)
def test_dashboard_options_open_the_dashboard(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: tuple[str | None, bool]
) -> None:
    opened: list[tuple[str | None, bool] | tuple[str | None, bool, bool]] = []

    def dashboard(db: str | None, *, seed: bool, verbose: bool = False) -> int:
        opened.append((db, seed, True) if verbose else (db, seed))
        return 0

    monkeypatch.setattr("movesboard.cli._dashboard", dashboard)
    assert main(argv) == 0
    assert opened == [expected]


def test_a_bad_dashboard_option_gets_the_full_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err and "--db: expected one argument" in err


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    for command in ("ingest", "export", "lookup", "--db", "--no-seed"):
        assert command in text
    for command in ("ingest", "export", "lookup"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "--db" in capsys.readouterr().out


def test_ingest_prints_a_summary_and_is_idempotent(
    tmp_path: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "--db", database.url, "ingest", str(tmp_path / "a.txt"))
    assert code == 0 and err == ""
    assert out.startswith("1 article: 1 new, 0 unchanged, 0 failed;")
    code, out, _ = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", database.url)
    assert code == 0 and out.startswith("1 article: 0 new, 1 unchanged, 0 failed;")


def test_a_bad_file_is_named_and_the_others_go_on(
    tmp_path: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    (folder / "c.txt").write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "--db", database.url, "ingest", str(folder), str(missing))
    assert code == 1
    assert out.strip().startswith("4 articles: 1 new, 0 unchanged, 3 failed;")
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert any(str(folder / "b.txt") in line and "binary" in line for line in errors)
    assert any(str(folder / "c.txt") in line and "empty" in line for line in errors)
    assert any(str(missing) in line and "no such file" in line for line in errors)


def test_published_flag_and_bad_date(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db_path), "ingest", "x.txt", "--published", "yesterday"])
    assert exited.value.code == 2
    assert "not a YYYY-MM-DD date" in capsys.readouterr().err


def test_scriptable_commands_never_seed(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", database.url, "export", "moves")
    assert code == 0 and out == ""
    code, _, err = run(capsys, "--db", database.url, "lookup", "song")
    assert code == 1 and "no match" in err


def test_env_var_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("MOVESBOARD_DB", str(target))
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "ingest", str(tmp_path / "a.txt"))[0] == 0
    assert target.exists()


@pytest.fixture
def seeded(database: Database, capsys: pytest.CaptureFixture[str]) -> str:
    """The two seed articles, stored through the CLI; its `--db` URL."""
    code, _, err = run(
        capsys,
        "--db",
        database.url,
        "ingest",
        str(SEEDS / "000_f00bfcd6e123efef.txt"),
        "--published",
        "2025-07-16",
        "--language",
        "en",
    )
    assert code == 0, err
    code, _, err = run(
        capsys,
        "--db",
        database.url,
        "ingest",
        str(SEEDS / "004_c8c79002a466a9d2.txt"),
        "--published",
        "2025-09-25",
        "--language",
        "id",
    )
    assert code == 0, err
    return database.url


@pytest.mark.parametrize("kind", ["moves", "people", "organizations"])
def test_export_jsonl_and_csv_share_the_contract(
    seeded: str, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", seeded, "export", kind)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records, f"no {kind} exported"
    assert all(list(r) == FIELDS[kind] for r in records)
    target = tmp_path / f"{kind}.csv"
    code, out, _ = run(capsys, "--db", seeded, "export", kind, "--format", "csv", "-o", str(target))
    assert code == 0 and out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == len(records)
    assert list(rows[0]) == FIELDS[kind]


def test_lookup_finds_a_researcher_by_surname(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", seeded, "lookup", "song", "--limit", "3")
    assert code == 0
    first = out.splitlines()[0]
    assert "Yang Song" in first and "person" in first
    assert "Meta Superintelligence Labs" in first
    code, out, _ = run(capsys, "--db", seeded, "lookup", "Superintelligence")
    assert "Meta Superintelligence Labs" in out.splitlines()[0]


def test_lookup_shows_the_references_other_commands_take(
    seeded: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person's uid (its cluster root's) and an organisation's key, never a row id."""
    from sqlmodel import col, select

    from movesboard.models.tables import Person

    _, out, _ = run(capsys, "--db", seeded, "lookup", "Yang Song", "--limit", "1")
    with database.session() as session:
        [root] = session.exec(
            select(Person).where(Person.name == "Yang Song", col(Person.merged_into_id).is_(None))
        ).all()
    assert re.match(rf" *[\d.]+  person  {root.uid}  Yang Song  ", out)
    _, out, _ = run(capsys, "--db", seeded, "lookup", "Meta Superintelligence Labs")
    line = out.splitlines()[0]
    assert re.match(r" *[\d.]+  org +'meta superintelligence labs'  Meta Superintelligence", line)
    assert "#" not in out


def test_an_unreachable_database_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--db", "postgresql://nobody@127.0.0.1:1/none", "export", "moves")
    assert code == 2 and out == ""
    assert err.startswith("movesboard: database error:")


@pytest.mark.parametrize(
    "url",
    ["postgresql://alice:s3cr3t@127.0.0.1:notaport/team", "post gres:/alice:s3cr3t@x://y"],
)
def test_an_unparsable_url_is_a_one_line_error_without_its_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", url, "export", "moves")
    assert code == 2 and out == ""
    assert err.startswith("movesboard: database error: not a usable database URL")
    assert len(err.strip().splitlines()) == 1 and "s3cr3t" not in err
