"""The `movesboard` command: the dashboard, and scriptable commands beside it.

Imports stay inside the commands: `movesboard` with no arguments must reach
the dashboard's first paint without loading SQLAlchemy or the extractor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from movesboard import __version__

DB_HELP = (
    "database: a file path or an SQLAlchemy URL (postgresql://...); "
    "default: $MOVESBOARD_DB, else movesboard.db in the user data directory"
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the command: `movesboard --db X ingest`
    # and `movesboard ingest --db X` both work.
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=DB_HELP)

    parser = argparse.ArgumentParser(
        prog="movesboard",
        description=(
            "Track who moves where in the AI industry. With no command, opens the "
            "dashboard (seeded with two example articles on first run)."
        ),
        epilog="Keys inside the dashboard: press ? for the full list.",
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"movesboard {__version__}")
    parser.add_argument(
        "--no-seed", action="store_true", help="open an empty database without the seed articles"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest",
        parents=[db_parent],
        help="read articles into the database",
        description=(
            "Read text articles (files, or folders of .txt files) and store the people, "
            "organisations and moves found in them. Re-ingesting an article changes nothing. "
            "Prints a one-line summary; a bad file gets a one-line error and the others go on; "
            "exits 1 if any failed."
        ),
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    ingest.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date, for articles whose front matter gives none",
    )
    ingest.add_argument(
        "--language", metavar="CODE", help="language of the articles (en, id); default: detect"
    )

    export = commands.add_parser(
        "export",
        parents=[db_parent],
        help="write moves, people or organisations as JSON lines or CSV",
        description=(
            "moves: person, from, to, role, date, article, article_title, published, evidence, "
            "confidence, status. people: name, aliases, organizations. "
            "organizations: name, aliases, parent."
        ),
    )
    export.add_argument("kind", choices=("moves", "people", "organizations"))
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    lookup = commands.add_parser(
        "lookup",
        parents=[db_parent],
        help="fuzzy-find a person or organisation",
        description="Best fuzzy matches among people and organisations, with their latest move.",
    )
    lookup.add_argument("name", nargs="+", metavar="NAME")
    lookup.add_argument("--limit", type=_positive, default=5, metavar="N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db = getattr(args, "db", None)
    handlers = {"ingest": _ingest, "export": _export, "lookup": _lookup}
    if args.command is None:
        return _dashboard(db, seed=not args.no_seed)
    try:
        return handlers[args.command](db, args)
    except BrokenPipeError:  # `movesboard export moves | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if _is_database_error(error):
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            print(f"movesboard: database error: {first_line}", file=sys.stderr)
            return 2
        raise


def _is_database_error(error: Exception) -> bool:
    module = type(error).__module__
    return module.startswith(("sqlalchemy", "alembic", "movesboard.models"))


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from movesboard.models.db import Database

    return Database.open(db)


def _dashboard(db: str | None, *, seed: bool) -> int:
    from movesboard.tui.app import MovesboardApp

    MovesboardApp(db=db, seed=seed).run()
    return 0


def _ingest(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.pipeline import ingest_paths

    database = _open(db)
    summary = ingest_paths(
        database,
        args.paths,
        published=args.published,
        language=args.language,
        on_error=lambda message: print(f"error: {message}", file=sys.stderr),
    )
    print(summary.line())
    return 0 if summary.ok else 1


def _export(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import export

    database = _open(db)
    with database.session() as session:
        rows = export.records(session, args.kind)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                export.write(rows, args.kind, args.format, out)
        else:
            export.write(rows, args.kind, args.format, sys.stdout)
    return 0


def _lookup(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models.lookup import lookup

    database = _open(db)
    query = " ".join(args.name)
    with database.session() as session:
        hits = lookup(session, query, limit=args.limit)
    if not hits:
        print(f"no match for {query!r}", file=sys.stderr)
        return 1
    width = max(len(hit.name) for hit in hits)
    for hit in hits:
        kind = "person" if hit.kind == "person" else "org"
        print(f"{hit.score:5.1f}  {kind:<6}  {hit.name:<{width}}  {hit.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
