"""`movesboard export moves|people|organizations`: the stable export contract."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from movesboard.console import warn

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

    out = sys.stdout
    if args.output:
        try:
            out = _open_output(Path(args.output))
        except OSError as error:
            warn(f"error: {args.output}: cannot write ({_reason(error)})")
            return 1
    try:
        with open_database(db).session() as session:
            export.write(export.records(session, args.kind), args.kind, args.format, out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _open_output(path: Path) -> TextIO:
    """The output file, opened for writing; its missing folders are made first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")  # closed by the caller


def _reason(error: OSError) -> str:
    if isinstance(error, FileExistsError | NotADirectoryError):
        return "a file is in the way of its folder"
    return error.strerror or "error"
