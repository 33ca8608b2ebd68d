"""-q says only errors and the data asked for, -v a line per article; the
dashboard's errors go to a log file with their tracebacks (issue 13)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.console import Verbosity, set_verbosity
from movesboard.logs import log_path, start_logging

ARTICLE = "Lab news\nAda Lovelace has joined Beta Corp from Alpha Labs.\n"


@pytest.fixture(autouse=True)
def _normal_afterwards():  # type: ignore[no-untyped-def]
    yield
    set_verbosity(Verbosity.NORMAL)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_quiet_ingest_prints_nothing_but_errors(
    article: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = article.with_name("missing.txt")
    code = main(["-q", "--db", str(db_path), "ingest", str(article), str(missing)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [f"error: {missing}: no such file"]
    assert main(["--db", str(db_path), "export", "moves", "-q"]) == 0  # data still comes
    assert "Ada Lovelace" in capsys.readouterr().out


def test_verbose_ingest_says_what_became_of_each_article(
    article: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "ingest", "-v", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"new: Lab news (1 move) <- {article}"
    assert lines[1].startswith("1 article: 1 new")
    assert main(["--db", str(db_path), "ingest", str(article)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("1 article: 0 new, 1 unchanged")


def test_quiet_and_verbose_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "-q", "-v", "x.txt"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_the_log_file_is_in_the_user_log_directory_and_keeps_tracebacks() -> None:
    path = start_logging()
    logger = logging.getLogger("movesboard")
    try:
        assert path == log_path() and "state" in str(path)
        try:
            raise ValueError("a bad row")
        except ValueError as error:
            logging.getLogger("movesboard.tui").error("Could not load", exc_info=error)
        for handler in logger.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "ERROR movesboard.tui: Could not load" in text and "Traceback" in text
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
