"""`movesboard rebuild`: re-extract every stored article; every decision is kept."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database

NAME = "rebuild"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    commands.add_parser(
        NAME,
        parents=parents,
        help="re-extract every stored article from scratch, re-applying every decision",
        description=(
            "Runs as one transaction: either everything is rebuilt or nothing changes. "
            "Your merges, splits, renames, parents and move judgements are re-applied."
        ),
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.rebuild import rebuild

    say(rebuild(open_database(db)).line())
    return 0
