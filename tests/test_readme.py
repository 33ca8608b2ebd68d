"""The README promises two commands; CI runs the test one, and both stay real."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .*?)\n```", text)


def test_readme_has_a_run_and_a_test_command() -> None:
    run, test = readme_commands()
    assert run.endswith(".venv/bin/movesboard")
    assert "requirements/app.lock" in run
    assert test.endswith(".venv/bin/pytest")
    assert "requirements/dev.lock" in test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci


def test_readme_screenshots_exist() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((screenshots/[^)]+)\)", text)
    assert pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
