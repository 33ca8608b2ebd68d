"""`movesboard ingest PATH...`: read articles into the database."""

from __future__ import annotations

import argparse
import sys

from . import open_database
from .arguments import iso_date

NAME = "ingest"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="read articles into the database",
        description=(
            "Read text articles (files, or folders of .txt files) and store the people, "
            "organisations and moves found in them. Re-ingesting an article changes nothing. "
            "Prints a one-line summary; a bad file gets a one-line error and the others go on; "
            "exits 1 if any failed."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    parser.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, for articles whose front matter gives none",
    )
    parser.add_argument(
        "--language", metavar="CODE", help="language of the articles (en, id); default: detect"
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.pipeline import ingest_paths

    summary = ingest_paths(
        open_database(db),
        args.paths,
        published=args.published,
        language=args.language,
        on_error=lambda message: print(f"error: {message}", file=sys.stderr),
    )
    print(summary.line())
    return 0 if summary.ok else 1
