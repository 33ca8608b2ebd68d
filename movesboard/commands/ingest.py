"""`movesboard ingest SOURCE...`: read articles into the database."""

from __future__ import annotations

import argparse

from movesboard.console import Verbosity, detail, note, verbosity, warn

from . import open_database
from .arguments import iso_date, language_code, pack_codes, positive_seconds

NAME = "ingest"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="read articles into the database",
        description=(
            "Read articles and store the people, organisations and moves found in them. "
            "A SOURCE is a text or HTML file, a folder (its .txt and .html files), an RSS or "
            "Atom feed file, or an http(s) URL of a page or a feed; JSON, JSON Lines, archives, "
            "images and other binaries named explicitly are refused. Re-ingesting an article "
            "changes nothing, whether it comes back as a file, a page or a feed entry, unless "
            "--language or --published differ from what it was stored with: then it is "
            "re-extracted. "
            "Shows a progress bar on a terminal and prints a one-line summary; a bad source "
            "gets a one-line error and the others go on; exits 1 if any failed."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="SOURCE", help="file, folder, feed, or http(s) URL"
    )
    parser.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, for articles whose metadata gives none",
    )
    parser.add_argument(
        "--language",
        type=language_code,
        metavar="CODE",
        help=f"language of the articles ({', '.join(pack_codes())}); default: detect",
    )
    add_fetch_arguments(parser)


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=15.0,
        metavar="SECONDS",
        help=(
            "give up on a URL after this long, connecting, redirects and download "
            "included (default: 15)"
        ),
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    import threading

    from movesboard.ingest import ReadOptions
    from movesboard.ingest.fetch import Limits
    from movesboard.ingest.progress import progress_bar
    from movesboard.ingest.signals import stop_on_signals
    from movesboard.pipeline import IngestSummary, Outcome, collect_items, ingest_items

    database = open_database(db)
    options = ReadOptions(
        published=args.published, language=args.language, limits=Limits(timeout=args.timeout)
    )
    summary = IngestSummary()
    # Ctrl+C or `kill` (SIGTERM) stop after the article in flight, so the summary
    # counts exactly what was stored; a second Ctrl+C stops at once, rolling back.
    stop = threading.Event()
    try:
        with stop_on_signals(stop):
            items = collect_items(args.paths, options, summary, on_error=_print_error, stop=stop)
            # A bar at the normal level only: -q wants none, -v prints a line per article.
            bar = len(items) if verbosity() == Verbosity.NORMAL else 0
            with progress_bar(bar) as (advance, report):

                def stored(outcome: Outcome) -> None:
                    advance()
                    detail(outcome.line())

                ingest_items(
                    database,
                    items,
                    summary=summary,
                    on_error=report,
                    on_outcome=stored,
                    stop=stop,
                )
    except KeyboardInterrupt:
        stop.set()
    if stop.is_set():
        note(f"{summary.line()} (interrupted)")
        return 130
    note(summary.line())
    return 0 if summary.ok else 1


def _print_error(message: str) -> None:
    warn(f"error: {message}")
