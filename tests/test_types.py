"""The extraction engine type-checks: its typed API is what other stages and the
dashboard rely on, so a wrong annotation is a bug the suite should catch."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parent.parent


def test_extraction_engine_type_checks() -> None:
    stdout, stderr, status = api.run(
        ["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "extract")]
    )
    assert status == 0, stdout + stderr


def test_ingest_cli_and_dashboard_type_check() -> None:
    """ingest/, movesboard/, tui/ and models/ are clean too (issue 13). models/ passes
    column expressions through sqlmodel.col() and builds selects of more than four
    columns with sqlalchemy.select: SQLModel's stubs type neither otherwise."""
    folders = [str(ROOT / name) for name in ("extract", "ingest", "movesboard", "tui", "models")]
    # No stale "type: ignore": each one left must still silence something.
    config = ["--config-file", str(ROOT / "pyproject.toml"), "--warn-unused-ignores"]
    stdout, stderr, status = api.run([*config, *folders])
    assert status == 0, stdout + stderr
