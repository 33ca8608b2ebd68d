"""The config file: read once, overridden by --db and MOVESBOARD_DB, shown by
`movesboard config` without passwords, and a bad file is one line, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.config import Config, ConfigError, config_path, load_config

ARTICLE = """---
title: Lab news
published: 2025-03-04
language: en
---
Ada Lovelace has joined Beta Corp from Alpha Labs.
"""


@pytest.fixture
def config_file() -> Path:
    """The isolated config path conftest chose (not created), its folder made."""
    path = Path(os.environ["MOVESBOARD_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    load_config.cache_clear()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def db_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("db = "))


# --- the loader ---------------------------------------------------------------


def test_no_file_means_the_defaults(config_file: Path) -> None:
    assert not config_file.exists()
    assert load_config() == Config(path=config_file)
    assert load_config().keys == {}


def test_the_file_is_found_in_the_platform_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("MOVESBOARD_CONFIG")
    expected = platformdirs.user_config_path("movesboard", appauthor=False) / "config.toml"
    assert config_path() == expected


def test_every_setting_is_read(config_file: Path) -> None:
    write(
        config_file,
        'db = "postgresql://alice@db.example/team"\n'
        'user = "Alice Martin"\n'
        'theme = "nord"\n'
        "[keys]\n"
        'quit = "ctrl+q"\n'
        'search = "/"\n',
    )
    assert load_config() == Config(
        path=config_file,
        db="postgresql://alice@db.example/team",
        user="Alice Martin",
        theme="nord",
        keys={"quit": "ctrl+q", "search": "/"},
    )


def test_the_file_is_read_once_per_process(config_file: Path) -> None:
    write(config_file, 'user = "first"\n')
    assert load_config().user == "first"
    config_file.write_text('user = "second"\n', encoding="utf-8")
    assert load_config().user == "first"
    load_config.cache_clear()
    assert load_config().user == "second"


def test_a_relative_db_path_counts_from_the_config_folder(config_file: Path) -> None:
    write(config_file, 'db = "data/moves.db"\n')
    assert load_config().db == str(config_file.parent / "data" / "moves.db")
    write(config_file, 'db = "sqlite:///relative.db"\n')  # a URL is left as written
    assert load_config().db == "sqlite:///relative.db"


# --- precedence, through the real CLI ----------------------------------------


def test_the_config_file_chooses_the_database_a_command_opens(
    tmp_path: Path, config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "from-config.db"
    write(config_file, f'db = "{chosen}"\n')
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "ingest", str(tmp_path / "a.txt"))[0] == 0
    assert chosen.exists()
    code, out, _ = run(capsys, "export", "moves")
    assert code == 0 and "Ada Lovelace" in out  # read back from the same file
    default = Path(os.environ["XDG_DATA_HOME"]) / "movesboard" / "movesboard.db"
    assert not default.exists()


def test_env_and_db_beat_the_config_file(
    tmp_path: Path,
    config_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from_file, from_env, from_flag = (tmp_path / f"{n}.db" for n in ("file", "env", "flag"))
    write(config_file, f'db = "{from_file}"\n')
    monkeypatch.setenv("MOVESBOARD_DB", str(from_env))
    assert run(capsys, "export", "moves")[0] == 0
    assert from_env.exists() and not from_file.exists()
    assert run(capsys, "--db", str(from_flag), "export", "moves")[0] == 0
    assert from_flag.exists() and not from_file.exists()


def test_config_shows_each_level_of_precedence(
    tmp_path: Path,
    config_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    default = Path(os.environ["XDG_DATA_HOME"]) / "movesboard" / "movesboard.db"
    assert db_line(run(capsys, "config")[1]) == (
        f"db = {default}  (default: movesboard.db in the user data directory)"
    )
    write(config_file, f'db = "{tmp_path / "file.db"}"\n')
    assert db_line(run(capsys, "config")[1]) == f"db = {tmp_path / 'file.db'}  (from {config_file})"
    monkeypatch.setenv("MOVESBOARD_DB", str(tmp_path / "env.db"))
    assert db_line(run(capsys, "config")[1]) == f"db = {tmp_path / 'env.db'}  (from MOVESBOARD_DB)"
    line = db_line(run(capsys, "config", "--db", str(tmp_path / "flag.db"))[1])
    assert line == f"db = {tmp_path / 'flag.db'}  (from --db)"
    assert not any(tmp_path.glob("*.db")) and not default.exists()  # nothing opened


def test_config_reports_the_file_and_every_setting(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "config")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"config file: {config_file}  (not found: all defaults)"
    assert any(line.startswith("user = ") and "OS user name" in line for line in lines)
    assert any(line.startswith("theme = (not set)") for line in lines)
    write(config_file, 'user = "Alice"\ntheme = "nord"\n[keys]\nquit = "ctrl+q"\n')
    code, out, _ = run(capsys, "config")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"config file: {config_file}  (exists)"
    assert f"user = Alice  (from {config_file})" in lines
    assert f"theme = nord  (from {config_file})" in lines
    assert f"keys.quit = ctrl+q  (from {config_file})" in lines


def test_config_path_prints_only_the_path(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "config", "--path") == (0, f"{config_file}\n", "")
    write(config_file, "db = [\n")  # still printed for a broken file: that is when it is needed
    assert run(capsys, "config", "--path") == (0, f"{config_file}\n", "")


# --- passwords and hostile values ----------------------------------------------


@pytest.mark.parametrize("where", ["file", "env", "flag"])
def test_a_password_is_never_shown(
    where: str,
    config_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql://alice:s3cr3t-pw@db.example:5432/team"
    argv = ["config"]
    if where == "file":
        write(config_file, f'db = "{url}"\n')
    elif where == "env":
        monkeypatch.setenv("MOVESBOARD_DB", url)
    else:
        argv += ["--db", url]
    code, out, err = run(capsys, *argv)
    assert code == 0
    assert "s3cr3t-pw" not in out + err
    assert "alice:***@db.example:5432/team" in db_line(out)


@pytest.mark.parametrize("key", ["password", "PASSWORD", "sslpassword", "Passwd", "pwd"])
def test_a_password_in_the_query_is_never_shown(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """libpq takes `?password=`; SQLAlchemy's hide_password masks only the
    user:password part, so `config` printed this one whole."""
    url = f"postgresql://bob@db.example:1/team?sslmode=require&{key}=qsecretq"
    code, out, err = run(capsys, "--db", url, "config")
    assert code == 0
    assert "qsecretq" not in out + err
    assert f"bob@db.example:1/team?sslmode=require&{key}=***" in db_line(out)


def test_a_password_in_an_unparsable_url_is_not_shown(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(config_file, 'db = "postgresql://alice:s3cr3t-pw@db.example:port/team"\n')
    code, out, err = run(capsys, "config")
    assert code == 0
    assert "s3cr3t-pw" not in out + err and "not a usable database URL" in db_line(out)


def test_control_characters_from_the_file_are_not_printed_raw(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        config_file,
        'user = "Eve\\u001b]0;owned\\u0007"\n'
        'theme = "dark\\u009b31m"\n'
        '[keys]\n"quit\\u001b[2J" = "q\\nforged line"\n',
    )
    code, out, _ = run(capsys, "config")
    assert code == 0
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in out
    assert "Eve␛]0;owned␇" in out
    assert len(out.splitlines()) == 5  # the newline in a value forged no line


# --- bad files: one line naming the file, exit 2 ------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("db = \n", "invalid TOML: Invalid value (at line 1, column 6)"),
        ("db = 3\n", "db must be a string, not an integer"),
        ('user = ["a"]\n', "user must be a string, not an array"),
        ("theme = true\n", "theme must be a string, not a boolean"),
        ('theme = ""\n', "theme is empty (leave it out for the default)"),
        ('dbx = "a"\n', "unknown setting 'dbx' (known: db, user, theme, keys)"),
        ("[keys]\nquit = 1\n", "keys.quit must be a string, not an integer"),
        ('keys = "q"\n', "keys must be a table ([keys]), not a string"),
        ("[keys.app]\nquit = ['q']\n", "keys.app.quit must be a string, not an array"),
    ],
)
@pytest.mark.parametrize("argv", [["config"], ["export", "moves"]])
def test_a_bad_file_is_one_line_and_exit_2(
    config_file: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    problem: str,
    argv: list[str],
) -> None:
    write(config_file, text)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"movesboard: {config_file}: {problem}"]
    with pytest.raises(ConfigError) as raised:
        load_config()
    assert str(raised.value) == f"{config_file}: {problem}"


def test_a_file_that_cannot_be_read_is_one_line(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.mkdir()  # a folder where the file should be
    code, _, err = run(capsys, "config")
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"movesboard: {config_file}: cannot read:")
    config_file.rmdir()
    config_file.write_bytes(b'user = "\xff"\n')
    load_config.cache_clear()
    code, _, err = run(capsys, "config")
    assert (code, err) == (2, f"movesboard: {config_file}: not UTF-8 text\n")


def test_a_bad_file_stops_the_dashboard_before_it_starts(
    config_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import movesboard.tui.app as app

    started: list[object] = []
    monkeypatch.setattr(app, "MovesboardApp", lambda **kwargs: started.append(kwargs))
    write(config_file, "db = 3\n")
    code, out, err = run(capsys)
    assert code == 2 and out == "" and not started
    assert err == f"movesboard: {config_file}: db must be a string, not an integer\n"
