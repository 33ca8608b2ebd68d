"""`movesboard decisions`: the history of what was decided, by whom and when."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database
from .arguments import positive_int

NAME = "decisions"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="who decided what, newest first",
        description=(
            "Every merge, split, rename, parent, confirm, reject and undo, with who made it "
            "(the config's user, else the database role on PostgreSQL, else the OS user) "
            "and when. Undone decisions are marked."
        ),
    )
    parser.add_argument("--limit", type=positive_int, default=20, metavar="N")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models.history import history

    with open_database(db).session() as session:
        rows = history(session, limit=args.limit)
    if not rows:
        say("no decisions yet")
        return 0
    for row in rows:
        when = f"{row.decided_at.astimezone():%Y-%m-%d %H:%M}"  # local time
        who = row.decided_by or "(unrecorded)"
        undone = "  [undone]" if row.undone else ""
        say(f"#{row.id:<5} {when}  {who:<12} {row.text}{undone}")
    return 0
