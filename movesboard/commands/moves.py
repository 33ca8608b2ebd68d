"""`movesboard moves list|confirm|reject`: review individual moves."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database
from .arguments import positive_int

NAME = "moves"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME, parents=parents, help="list moves with their ids; confirm or reject one"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=parents, help="moves, newest first, with ids")
    listing.add_argument("--person", metavar="NAME", help="only this person's moves")
    listing.add_argument("--limit", type=positive_int, default=50, metavar="N")
    for action, text in (("confirm", "the move is right"), ("reject", "the move is wrong")):
        sub = actions.add_parser(action, parents=parents, help=text)
        sub.add_argument("move", metavar="ID", help="the move's number (from `moves list`)")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import decisions, queries

    with open_database(db).session() as session:
        if args.action == "list":
            person_id = decisions.find_person(session, args.person).id if args.person else None
            for move in queries.timeline(session, person_id=person_id, limit=args.limit):
                role = f" as {move.role}" if move.role else ""
                say(
                    f"#{move.id:<6} {move.when:<11} {move.status:<9} {move.person}: "
                    f"{move.summary()}{role}"
                )
            return 0
        move = decisions.find_move(session, args.move)
        status = "confirmed" if args.action == "confirm" else "rejected"
        decisions.set_move_status(session, move, status)
        say(f"move #{move.id} {status}")
    return 0
