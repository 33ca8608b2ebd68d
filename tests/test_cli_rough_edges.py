"""Issue 13's command-line rough edges: --language, shell globs, export -o, seed sources."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.commands.arguments import pack_codes
from movesboard.extract.lang import PACK_CODES
from movesboard.models.db import Database

FRENCH = """---
title: Nouvelles
---
Marie Curie a rejoint Beta Corp en provenance de Alpha Labs.
"""
ARTICLE = "Lab news\nAda Lovelace has joined Beta Corp from Alpha Labs.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def moves(capsys: pytest.CaptureFixture[str], db: Path | str) -> list[dict]:
    code, out, _ = run(capsys, "export", "moves", "--db", str(db))
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


# ------------------------------------------------------------------ --language


def test_the_packs_listed_are_the_extractors() -> None:
    assert pack_codes() == sorted(PACK_CODES)


def test_an_unknown_language_is_a_usage_error_listing_the_packs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["ingest", str(tmp_path / "a.txt"), "--language", "xx", "--db", str(db_path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "'xx'" in err and ", ".join(sorted(PACK_CODES)) in err


def test_help_lists_the_real_packs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert ", ".join(sorted(PACK_CODES)) in help_text


def test_another_language_or_date_re_extracts_a_stored_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    path, db = str(tmp_path / "a.txt"), database.url
    Path(path).write_text(FRENCH, encoding="utf-8")
    assert run(capsys, "ingest", path, "--language", "en", "--db", db)[0] == 0
    assert moves(capsys, db) == []

    code, out, _ = run(capsys, "ingest", path, "--language", "fr", "--db", db)
    assert code == 0 and "1 re-extracted" in out and "1 moves" in out
    assert [m["person"] for m in moves(capsys, db)] == ["Marie Curie"]

    code, out, _ = run(capsys, "ingest", path, "--language", "fr", "--db", db)
    assert "1 unchanged" in out and "re-extracted" not in out

    code, out, _ = run(capsys, "ingest", path, "--published", "2024-01-02", "--db", db)
    assert code == 0 and "1 re-extracted" in out
    (move,) = moves(capsys, db)
    assert move["published"] == "2024-01-02" and move["person"] == "Marie Curie"
    code, out, _ = run(capsys, "export", "people", "--db", db)
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["Marie Curie"]


# ------------------------------------------------------------------ globs


def test_a_glob_refuses_what_is_no_article_and_stores_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "README.md").write_text("# Corpus\n\nAda Lovelace joined Beta Corp.\n")
    (corpus / "gold.jsonl").write_text('{"person": "Ada"}\n{"person": "Bob"}\n')
    (corpus / "notes").write_text('[{"person": "Ada"}]')  # JSON without a suffix
    (corpus / "data.gz").write_bytes(b"\x1f\x8b\x08\x00rest")
    (corpus / "photo").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    names = sorted(str(path) for path in corpus.iterdir())
    code, out, err = run(capsys, "ingest", *names, "--db", database.url)
    assert code == 1
    assert "1 new" in out and "5 failed" in out
    lines = err.splitlines()
    assert len(lines) == 5
    assert f"{corpus / 'gold.jsonl'}: not an article: JSON Lines" in err
    assert f"{corpus / 'notes'}: not an article: JSON" in err
    assert f"{corpus / 'README.md'}: not an article: Markdown" in err
    assert f"{corpus / 'data.gz'}: not an article: an archive" in err
    assert f"{corpus / 'photo'}: not an article: an image" in err


def test_a_folder_still_reads_its_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"person": "Ada"}\n')
    code, out, err = run(capsys, "ingest", str(tmp_path), "--db", database.url)
    assert (code, err) == (0, "")
    assert "1 new" in out


# ------------------------------------------------------------------ export -o


def test_export_makes_the_missing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    target = tmp_path / "out" / "deeper" / "moves.csv"
    code, _, err = run(
        capsys, "export", "moves", "--format", "csv", "-o", str(target), "--db", database.url
    )
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("person,")


def test_export_to_a_folder_blocked_by_a_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    (tmp_path / "file").write_text("x")
    target = tmp_path / "file" / "moves.jsonl"
    code, out, err = run(capsys, "export", "moves", "-o", str(target), "--db", database.url)
    assert code == 1 and out == ""
    assert err == f"error: {target}: cannot write (a file is in the way of its folder)\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_export_to_a_read_only_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    code, _, err = run(
        capsys, "export", "moves", "-o", str(locked / "m.jsonl"), "--db", database.url
    )
    assert code == 1 and err.count("\n") == 1 and str(locked / "m.jsonl") in err


# ------------------------------------------------------------------ seeds


def test_seed_articles_name_their_seed_not_the_install(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    from movesboard.pipeline import seed

    seed(database)
    articles = {move["article"] for move in moves(capsys, database.url)}
    assert articles and all(a.startswith("seeds/") and a.endswith(".txt") for a in articles)
    assert all("/" not in a.removeprefix("seeds/") for a in articles)


def test_watch_checks_its_language_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["watch", str(tmp_path), "--language", "xx"])
    assert exit_.value.code == 2
    assert "no language pack for 'xx' (packs: de, en" in capsys.readouterr().err
