"""`movesboard export moves|people|organizations`: the stable export contract."""

from __future__ import annotations

import argparse
import sys

from . import open_database

NAME = "export"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="write moves, people or organisations as JSON lines or CSV",
        description=(
            "moves: person, from, to, role, date, article, article_title, published, evidence, "
            "confidence, status. people: name, aliases, organizations. "
            "organizations: name, aliases, parent."
        ),
    )
    parser.add_argument("kind", choices=("moves", "people", "organizations"))
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import export

    with open_database(db).session() as session:
        rows = export.records(session, args.kind)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                export.write(rows, args.kind, args.format, out)
        else:
            export.write(rows, args.kind, args.format, sys.stdout)
    return 0
