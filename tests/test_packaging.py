"""The package as a user gets it: a wheel holding every data file and the
licence, and a plain `pip install .` (no lock, Python 3.11's own pip) into a
clean virtualenv whose `movesboard` ingests an HTML page (issue 13).

Both build from a copy of the source tree in a temp folder, so the working
tree gets no build/ or egg-info from the suite. Both need a package index
(the build backend, and the dependencies for the install); when none answers
they skip, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

# Folder in the repository -> package folder in the wheel, and the data files
# each must carry (code files come with the packages themselves).
DATA_FILES = [
    ("extract/data", "movesboard/extract/data", "*.toml"),
    ("extract/lang", "movesboard/extract/lang", "*.toml"),
    ("models/data", "movesboard/models/data", "*.txt"),
    ("models/migrations/versions", "movesboard/models/migrations/versions", "*.py"),
    ("seeds", "movesboard/seeds", "*.txt"),
    ("seeds", "movesboard/seeds", "*.toml"),
    ("tui", "movesboard/tui", "*.tcss"),
]

NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".ci",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "tests",
    "screenshots",
    "benchmarks",
    "*.db",
    "*.db-*",
)

OFFLINE = (
    "Failed to establish a new connection",
    "Network is unreachable",
    "Temporary failure in name resolution",
    "Could not find a version that satisfies the requirement",
    "No matching distribution found",
)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("source") / "movesboard"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    return copy


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"):
        env.pop(name, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _pip(python: Path | str, *args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "pip", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(),
    )


def _fail_or_skip(
    python: Path | str, what: str, result: subprocess.CompletedProcess[str], scratch: Path
) -> None:
    """A failed pip run is the package's fault unless no index answers (pip
    cannot fetch even setuptools): then skip."""
    output = result.stdout + result.stderr
    if any(sign in output for sign in OFFLINE):
        probe = _pip(
            python, "download", "--no-deps", "--dest", str(scratch), "setuptools", timeout=120
        )
        if probe.returncode != 0:
            pytest.skip(f"{what}: no package index answers (pip cannot fetch setuptools)")
    pytest.fail(f"{what} failed (exit {result.returncode}):\n{output[-4000:]}")


def test_the_wheel_holds_every_data_file_and_the_licence(source: Path, tmp_path: Path) -> None:
    result = _pip(
        sys.executable, "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(source), timeout=300
    )
    if result.returncode != 0:
        _fail_or_skip(sys.executable, "pip wheel .", result, tmp_path / "probe")
    output = result.stdout + result.stderr
    assert "absent from the `packages` configuration" not in output
    assert "Package would be ignored" not in output

    (wheel,) = tmp_path.glob("movesboard-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, installed, pattern in DATA_FILES:
        files = sorted((ROOT / folder).glob(pattern))
        assert files, f"nothing matches {folder}/{pattern}"
        for file in files:
            assert f"{installed}/{file.name}" in names, f"{folder}/{file.name} not in the wheel"
    licences = [name for name in names if name.endswith(".dist-info/licenses/LICENSE")]
    assert licences, "LICENSE not in the wheel's dist-info"
    metadata = zipfile.ZipFile(wheel).read(
        next(name for name in names if name.endswith(".dist-info/METADATA"))
    )
    assert b"License-Expression: MIT" in metadata


def test_a_plain_pip_install_in_a_clean_venv_ingests_html(source: Path, tmp_path: Path) -> None:
    """No lock: only what pyproject.toml declares, resolved by the pip that
    `python -m venv` bundles (23.2 on Python 3.11). Every HTML page failed
    when lxml_html_clean came only with the lock."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120, env=_env())
    python = venv / "bin" / "python"
    install = _pip(python, "install", "--quiet", str(source), timeout=600)
    if install.returncode != 0:
        _fail_or_skip(python, "pip install . into a clean venv", install, tmp_path / "probe")

    page = ROOT / "tests" / "fixtures" / "web" / "en-article.html"
    ingest = subprocess.run(
        [str(venv / "bin" / "movesboard"), "--db", str(tmp_path / "x.db"), "ingest", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=_env(),
    )
    output = ingest.stdout + ingest.stderr
    assert ingest.returncode == 0, output
    assert "1 new" in output, output
    assert "0 failed" in output, output
