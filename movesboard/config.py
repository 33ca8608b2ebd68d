"""The config file: settings written once instead of passed on every run.

`config.toml` in the platform's user config directory (or the file named by
`MOVESBOARD_CONFIG`) holds the database, the name decisions are recorded
under, the theme and key bindings.  A missing file means the defaults; a bad
one raises ConfigError with one line naming the file and the problem.

Imported on the dashboard's start-up path: stdlib and platformdirs only.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ENV_VAR = "MOVESBOARD_CONFIG"
KNOWN = ("db", "user", "theme", "keys")
_STRINGS = ("db", "user", "theme")

# What the user wrote, in TOML's words rather than Python's.
_TOML_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    list: "an array",
    dict: "a table",
}


class ConfigError(Exception):
    """The config file cannot be used; str() is one line naming the file and the problem."""


@dataclass(frozen=True)
class Config:
    path: Path
    db: str | None = None
    user: str | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def config_path() -> Path:
    """Where the config file is (it may not exist); `MOVESBOARD_CONFIG` moves it."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return platformdirs.user_config_path("movesboard", appauthor=False) / "config.toml"


@cache
def load_config() -> Config:
    """The settings in force, read once per process (tests call `load_config.cache_clear()`)."""
    path = config_path()
    data = _read(path)
    if data is None:
        return Config(path=path)
    return _parse(path, data)


def _read(path: Path) -> dict[str, Any] | None:
    """The file's TOML table; None when there is no file."""
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        return None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except OSError as error:  # a folder, no permission ...
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None


def _parse(path: Path, data: dict[str, Any]) -> Config:
    for name in data:
        if name not in KNOWN:
            raise ConfigError(f"{path}: unknown setting {name!r} (known: {', '.join(KNOWN)})")
    db, user, theme = (_string(path, name, data.get(name)) for name in _STRINGS)
    return Config(
        path=path,
        db=_db_near(path, db),
        user=user,
        theme=theme,
        keys=_keys(path, data.get("keys", {})),
    )


def _string(path: Path, name: str, value: object) -> str | None:
    return None if value is None else _required_string(path, name, value)


def _required_string(path: Path, name: str, value: object) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {name} must be a string, not {_toml_type(value)}")
    if not value.strip():
        raise ConfigError(f"{path}: {name} is empty (leave it out for the default)")
    return value


def _keys(path: Path, table: object, prefix: str = "") -> dict[str, str]:
    """Binding id -> keys. Ids are dotted ("app.quit"): written bare, TOML reads
    them as nested tables ([keys] app.quit = ...), flattened back here."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: keys must be a table ([keys]), not {_toml_type(table)}")
    keymap: dict[str, str] = {}
    for name, value in table.items():
        binding = f"{prefix}{name}"
        if isinstance(value, dict):
            keymap.update(_keys(path, value, f"{binding}."))
        else:
            keymap[binding] = _required_string(path, f"keys.{binding}", value)
    return keymap


def _db_near(path: Path, db: str | None) -> str | None:
    """A relative database path counts from the config file's folder, not from
    wherever the command happens to run: the file names one database."""
    if db is None or "://" in db:
        return db
    file = Path(db).expanduser()
    return str(file if file.is_absolute() else path.parent / file)


def _toml_type(value: object) -> str:
    for kind, name in _TOML_TYPES.items():  # bool before int: True is an int too
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"  # datetime, date, time


# ------------------------------------------------------------------ remembering


_TOP_LEVEL_SETTING = r"^\s*{name}\s*="
_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def remember(name: str, value: str) -> None:
    """Set a top-level string setting in the config file, keeping the rest of it
    (comments included) as the user wrote it; the file is replaced whole, so a
    crash leaves the old one. ConfigError if the file cannot be written."""
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    line = f"{name} = {_toml_string(value)}"
    setting = re.compile(_TOP_LEVEL_SETTING.format(name=re.escape(name)) + r".*$", re.MULTILINE)
    first_table = _TABLE.search(text)
    top = text[: first_table.start()] if first_table else text
    present = setting.search(top)
    top = setting.sub(lambda _: line, top, count=1) if present else f"{line}\n{top}"
    updated = top + (text[first_table.start() :] if first_table else "")
    try:  # never write a file that would not load
        _parse(path, tomllib.loads(updated))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML, not changed: {error}") from None
    _replace(path, updated)
    load_config.cache_clear()


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and controls escaped."""
    escaped = "".join(
        f"\\u{ord(char):04x}" if ord(char) < 0x20 or char in '"\\' or ord(char) == 0x7F else char
        for char in value
    )
    return f'"{escaped}"'


def _replace(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        raise ConfigError(f"{path}: cannot write: {error.strerror or error}") from None
