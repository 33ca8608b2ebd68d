"""`movesboard orgs parent CHILD PARENT`: say which organisation is part of which."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database

NAME = "orgs"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="set an organisation's parent (decisions survive a rebuild)",
        description=(
            "An organisation is named by its key (shown by `movesboard lookup`), its name "
            "or any alias. Every change is recorded as a decision and survives "
            "`movesboard rebuild`."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    parent = actions.add_parser(
        "parent", parents=parents, help="CHILD is part of PARENT ('none' to clear)"
    )
    parent.add_argument("child", metavar="CHILD")
    parent.add_argument("parent", metavar="PARENT")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import decisions

    with open_database(db).session() as session:
        child = decisions.find_organization(session, args.child)
        parent = (
            None
            if args.parent.lower() == "none"
            else decisions.find_organization(session, args.parent)
        )
        decisions.set_parent(session, child, parent)
        say(
            f"{child.name} is now part of {parent.name}"
            if parent
            else f"{child.name} has no parent"
        )
    return 0
