"""`movesboard moves list|confirm|reject`: review individual moves."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from movesboard.console import say

from . import open_database
from .arguments import positive_int

if TYPE_CHECKING:
    from sqlmodel import Session

NAME = "moves"
MOVE_HELP = (
    "the move's uid (m-…, from `moves list`) or a unique prefix of it, at least 6 characters "
    "after 'm-'; #N is this database's row number, until the next rebuild"
)


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME, parents=parents, help="list moves with their uids; confirm or reject one"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=parents, help="moves, newest first, with uids")
    listing.add_argument("--person", metavar="PERSON", help="only this person's (uid or name)")
    listing.add_argument("--limit", type=positive_int, default=50, metavar="N")
    for action, text in (("confirm", "the move is right"), ("reject", "the move is wrong")):
        sub = actions.add_parser(action, parents=parents, help=text)
        sub.add_argument("move", metavar="MOVE", help=MOVE_HELP)


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import decisions

    with open_database(db).session() as session:
        if args.action == "list":
            person_id = decisions.find_person(session, args.person).id if args.person else None
            _list(session, person_id, args.limit)
            return 0
        move = decisions.find_move(session, args.move)
        status = "confirmed" if args.action == "confirm" else "rejected"
        decisions.set_move_status(session, move, status)
        say(f"move {move.uid} {status}")
    return 0


def _list(session: Session, person_id: int | None, limit: int) -> None:
    """One line a move, its uid first: the reference that survives a rebuild."""
    from movesboard.models import queries

    moves = queries.timeline(session, person_id=person_id, limit=limit)
    uids = _uids(session, [move.id for move in moves])
    for move in moves:
        role = f" as {move.role}" if move.role else ""
        say(
            f"{uids[move.id]}  {move.when:<11} {move.status:<9} {move.person}: "
            f"{move.summary()}{role}"
        )


def _uids(session: Session, move_ids: list[int]) -> dict[int, str]:
    """Each move's uid, by row id (in chunks: a long --limit stays under SQLite's
    limit on bound parameters)."""
    from sqlmodel import col, select

    from movesboard.models.tables import Move

    uids: dict[int, str] = {}
    for start in range(0, len(move_ids), 500):
        chunk = move_ids[start : start + 500]
        uids.update(session.exec(select(Move.id, Move.uid).where(col(Move.id).in_(chunk))).all())
    return uids
