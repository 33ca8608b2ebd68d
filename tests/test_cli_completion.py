"""Shell completion from the parser itself (argcomplete): commands, options and
choices complete in bash, zsh and fish (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from movesboard.cli import main


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete"),
        ("zsh", "#compdef movesboard"),
        ("fish", "complete --command movesboard"),
    ],
)
def test_each_shell_gets_a_script(
    shell: str, marker: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", shell]) == 0
    assert marker in capsys.readouterr().out


def complete(line: str, tmp_path: Path) -> list[str]:
    """What the shell script would get for `line`, the cursor at its end."""
    answer = tmp_path / "answer"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "_ARGCOMPLETE_IFS": "\n",
    }
    subprocess.run([sys.executable, "-m", "movesboard"], env=env, timeout=30, check=True)
    return answer.read_text(encoding="utf-8").split()


def test_commands_options_and_choices_complete(tmp_path: Path) -> None:
    assert complete("movesboard exp", tmp_path) == ["export"]
    assert complete("movesboard export --for", tmp_path) == ["--format"]
    assert sorted(complete("movesboard export --format ", tmp_path)) == ["csv", "jsonl"]
    assert {"bash", "zsh", "fish"} <= set(complete("movesboard completion ", tmp_path))
