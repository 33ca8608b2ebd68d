"""`movesboard config`: where the config file is and which settings are in force.

Read-only: it never opens or creates the database, and never prints a
password. Every line goes out through `say`, which shows control characters
from the file as symbols.
"""

from __future__ import annotations

import argparse
import os

from movesboard.config import Config, config_path, load_config
from movesboard.console import say

NAME = "config"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="show the config file's path and the settings in force",
        description=(
            "The config file's path, then each setting in force and where it comes "
            "from (--db, MOVESBOARD_DB, the file, or the default). Passwords are hidden."
        ),
    )
    parser.add_argument(
        "--path",
        action="store_true",
        help='print only the file\'s path (for $EDITOR "$(movesboard config --path)")',
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    if args.path:  # without reading the file: a broken one can still be opened to fix it
        say(config_path())
        return 0
    config = load_config()
    found = "exists" if config.exists else "not found: all defaults"
    say(f"config file: {config.path}  ({found})")
    value, source = _db_setting(db, config)
    say(f"db = {value}  ({source})")
    say(_user_line(config))
    if config.theme:
        say(f"theme = {config.theme}  (from {config.path})")
    else:
        say("theme = (not set)  (default: the dashboard's own)")
    if not config.keys:
        say("keys = (none set)  (default: the dashboard's own)")
    for binding, key in config.keys.items():
        say(f"keys.{binding} = {key}  (from {config.path})")
    return 0


def _db_setting(db: str | None, config: Config) -> tuple[str, str]:
    """The database in force, password hidden, and where it was chosen.

    The order is resolve_url's; tests check both say the same."""
    from movesboard.models.db import ENV_VAR, DatabaseError, resolve_url

    if db:
        source = "from --db"
    elif os.environ.get(ENV_VAR):
        source = f"from {ENV_VAR}"
    elif config.db:
        source = f"from {config.path}"
    else:
        source = "default: movesboard.db in the user data directory"
    try:
        return _hidden(resolve_url(db)), source
    except DatabaseError as error:  # unparsable: the error shows only the scheme
        return str(error), source


def _hidden(url: str) -> str:
    """`url` without its password; only the scheme when it cannot be parsed,
    because then there is no telling which part is the password."""
    from movesboard.models.db import describe

    try:
        return describe(url)
    except Exception:  # SQLAlchemy's ArgumentError, ValueError for a bad port ...
        return url.split("://", 1)[0] + "://... (not shown: not a valid URL)"


def _user_line(config: Config) -> str:
    if config.user:
        return f"user = {config.user}  (from {config.path})"
    return f"user = {_os_user()}  (default: the OS user name; on PostgreSQL, the database role)"


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "unknown"
