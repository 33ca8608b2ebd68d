"""The suite without a PostgreSQL server (issue 12): a laptop's run skips the
PostgreSQL half with its reason said once; CI's run fails instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
NOWHERE = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # nothing listens on port 1


def run_without_server(*, require: bool) -> subprocess.CompletedProcess[str]:
    """pytest on a PostgreSQL-only file (two tests) with no server to find."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MOVESBOARD_")}
    env["MOVESBOARD_TEST_POSTGRES"] = NOWHERE
    if require:
        env["MOVESBOARD_REQUIRE_POSTGRES"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_team_roles.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_skip_reason_is_said_once_for_all_tests() -> None:
    result = run_without_server(require=False)
    assert result.returncode == 0, result.stdout + result.stderr
    said = [line for line in result.stdout.splitlines() if "no PostgreSQL server" in line]
    assert len(said) == 1, said
    assert said[0].startswith("SKIPPED [2] tests/conftest.py:")
    assert "127.0.0.1:1" in said[0]  # which server was tried, and why it failed


def test_ci_fails_instead_of_skipping() -> None:
    result = run_without_server(require=True)
    assert result.returncode != 0
    assert "MOVESBOARD_REQUIRE_POSTGRES is set but no PostgreSQL server reachable" in result.stdout
    assert "skipped" not in result.stdout.splitlines()[-1]
