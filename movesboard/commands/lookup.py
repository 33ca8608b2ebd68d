"""`movesboard lookup NAME`: fuzzy-find a person or organisation."""

from __future__ import annotations

import argparse
import shlex

from movesboard.console import say, warn

from . import open_database
from .arguments import positive_int

NAME = "lookup"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="fuzzy-find a person or organisation",
        description=(
            "Best fuzzy matches among people and organisations, with their latest move. "
            "Each comes with the reference the other commands take: a person's uid (p-…), "
            "an organisation's key; both survive `movesboard rebuild` and are the same on "
            "every machine."
        ),
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
    refs = [shlex.quote(hit.ref) for hit in hits]  # a key with spaces, ready to paste
    ref_width = max(len(ref) for ref in refs)
    width = max(len(hit.name) for hit in hits)
    for hit, ref in zip(hits, refs, strict=True):
        kind = "person" if hit.kind == "person" else "org"
        say(f"{hit.score:5.1f}  {kind:<6}  {ref:<{ref_width}}  {hit.name:<{width}}  {hit.detail}")
    return 0
