"""The `movesboard` command: the dashboard, and scriptable commands beside it.

Imports stay inside the commands: `movesboard` with no arguments must reach
the dashboard's first paint without loading SQLAlchemy or the extractor.
Each command lives in movesboard/commands/<name>.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from movesboard import __version__
from movesboard.commands import all_commands
from movesboard.console import Verbosity, set_verbosity, warn

DB_HELP = (
    "database: a file path or an SQLAlchemy URL (postgresql://...); "
    "default: $MOVESBOARD_DB, else `db` in the config file (see `movesboard config`), "
    "else movesboard.db in the user data directory"
)
NO_SEED_HELP = "open an empty database without the seed articles"


def dashboard_parser() -> argparse.ArgumentParser:
    """The options of the dashboard alone: `movesboard [--db DB] [--no-seed]`.

    Opening the dashboard parses with this small parser first, so it does not
    import the ten command modules the full parser needs (a few milliseconds
    of the start-up budget).
    """
    parser = argparse.ArgumentParser(
        prog="movesboard", add_help=False, allow_abbrev=False, exit_on_error=False
    )
    parser.add_argument("--db", metavar="DB", default=None, help=DB_HELP)
    parser.add_argument("--no-seed", action="store_true", help=NO_SEED_HELP)
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the command: `movesboard --db X ingest`
    # and `movesboard ingest --db X` both work.
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=DB_HELP)
    loudness = db_parent.add_mutually_exclusive_group()
    loudness.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="say more: a line per article; the dashboard logs debug details",
    )
    loudness.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="say only errors and the data asked for (no progress, no summary)",
    )

    parser = argparse.ArgumentParser(
        prog="movesboard",
        description=(
            "Track who moves where in the AI industry. With no command, opens the "
            "dashboard (seeded with two example articles on first run)."
        ),
        epilog="Keys inside the dashboard: press ? for the full list.",
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"movesboard {__version__}")
    parser.add_argument("--no-seed", action="store_true", help=NO_SEED_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in all_commands():
        command.register(commands, [db_parent])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:  # the shell's completion script asking: answer, exit
        from movesboard.commands.completion import answer_if_asked

        answer_if_asked(build_parser)
    try:
        dashboard, rest = dashboard_parser().parse_known_args(argv)
    except argparse.ArgumentError:
        rest = ["?"]  # the full parser words the error
    if not rest:  # no command, no --help or --version: straight to the dashboard
        return _dashboard(dashboard.db, seed=not dashboard.no_seed, verbose=dashboard.verbose)
    args = build_parser().parse_args(argv)
    db = getattr(args, "db", None)
    set_verbosity(_verbosity(args))
    if args.command is None:
        return _dashboard(db, seed=not args.no_seed, verbose=getattr(args, "verbose", False))
    command = next(c for c in all_commands() if args.command == c.NAME)
    try:
        return command.run(db, args)
    except BrokenPipeError:  # `movesboard export moves | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except Exception as error:
        from movesboard.config import ConfigError
        from movesboard.models.decisions import DecisionError

        if isinstance(error, ConfigError):  # str() names the file and the problem
            warn(f"movesboard: {error}")
            return 2
        if isinstance(error, DecisionError):
            warn(f"movesboard: {error}")
            return 1
        from movesboard.models.db import permission_denied

        denied = permission_denied(error)
        if denied is not None:
            warn(f"movesboard: {denied}")
            return 2
        if _is_database_error(error):
            text = str(error).strip()
            first_line = text.splitlines()[0] if text else repr(error)
            warn(f"movesboard: database error: {first_line}")
            return 2
        raise


def _verbosity(args: argparse.Namespace) -> Verbosity:
    if getattr(args, "quiet", False):
        return Verbosity.QUIET
    return Verbosity.VERBOSE if getattr(args, "verbose", False) else Verbosity.NORMAL


def _is_database_error(error: Exception) -> bool:
    module = type(error).__module__
    return module.startswith(("sqlalchemy", "alembic", "movesboard.models.db"))


def _dashboard(db: str | None, *, seed: bool, verbose: bool = False) -> int:
    from movesboard.config import ConfigError, load_config

    # Read now: a broken file inside the running app would be a traceback
    # (or a header error) instead of one line; the app then reuses this read.
    try:
        load_config()
    except ConfigError as error:
        warn(f"movesboard: {error}")
        return 2
    from movesboard.logs import start_logging
    from movesboard.tui.app import MovesboardApp

    start_logging(verbose=verbose)
    MovesboardApp(db=db, seed=seed).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
