"""`movesboard lookup NAME`: fuzzy-find a person or organisation."""

from __future__ import annotations

import argparse

from movesboard.console import say, warn

from . import open_database
from .arguments import positive_int

NAME = "lookup"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="fuzzy-find a person or organisation",
        description="Best fuzzy matches among people and organisations, with their latest move.",
    )
    parser.add_argument("name", nargs="+", metavar="NAME")
    parser.add_argument("--limit", type=positive_int, default=5, metavar="N")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models.lookup import lookup

    query = " ".join(args.name)
    with open_database(db).session() as session:
        hits = lookup(session, query, limit=args.limit)
    if not hits:
        warn(f"no match for {query!r}")
        return 1
    width = max(len(hit.name) for hit in hits)
    for hit in hits:
        kind = "person" if hit.kind == "person" else "org"
        say(f"{hit.score:5.1f}  {kind:<6}  {hit.name:<{width}}  {hit.detail}")
    return 0
