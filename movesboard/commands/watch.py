"""`movesboard watch DIR|FEED...`: keep ingesting new files and new feed entries."""

from __future__ import annotations

import argparse
import contextlib
import sys

from movesboard.console import Verbosity, detail, note, say, verbosity, warn

from . import open_database
from .arguments import language_code, pack_codes, positive_seconds
from .ingest import add_fetch_arguments

NAME = "watch"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="keep ingesting new files and feed entries",
        description=(
            "Ingest new and changed article files in folders as they appear (file events, "
            "not rescans) and new entries of RSS/Atom feeds (polled with ETag and "
            "Last-Modified), so the dashboard's timeline grows while it is open. What was "
            "seen is remembered in DB.watch.json beside an SQLite database (else in the user "
            "state directory): a restart re-ingests nothing. Ctrl+C stops after the article "
            "in flight and prints a summary."
        ),
    )
    parser.add_argument(
        "targets",
        nargs="+",
        metavar="DIR|FEED",
        help="a folder, or a feed URL or file; FEED@SECONDS sets that feed's polling interval",
    )
    parser.add_argument(
        "--interval",
        type=positive_seconds,
        default=600.0,
        metavar="SECONDS",
        help="seconds between polls of a feed (default: 600; a feed's <ttl> may ask for more)",
    )
    parser.add_argument(
        "--language",
        type=language_code,
        metavar="CODE",
        help=f"language of the articles ({', '.join(pack_codes())}); default: detect",
    )
    add_fetch_arguments(parser)


def run(db: str | None, args: argparse.Namespace) -> int:
    import threading

    from movesboard.ingest import Item, ReadOptions
    from movesboard.ingest.fetch import Limits
    from movesboard.ingest.signals import Interrupted, stop_on_signals
    from movesboard.ingest.watch import Watcher, WatchState, split_targets, state_path_for
    from movesboard.pipeline import IngestSummary, ingest_item

    folders, feeds, problems = split_targets(args.targets)
    for problem in problems:
        warn(f"error: {problem}")
    if problems:
        return 2
    database = open_database(db)
    summary = IngestSummary()
    stop = threading.Event()

    def handle(items: list[Item]) -> dict[str, str]:
        done: dict[str, str] = {}
        for item in items:
            if stop.is_set():
                break
            try:
                outcome = ingest_item(database, item)
            except Interrupted:
                break  # its fetch was cut short: nothing stored, it stays for next time
            summary.add(outcome)
            done[item.label] = outcome.status
            if outcome.error:
                warn(f"error: {outcome.error}")
            elif outcome.status == "new":
                note(outcome.line())
            else:
                detail(outcome.line())
        return done

    watcher = Watcher(
        folders,
        feeds,
        WatchState.load(state_path_for(database.url)),
        handle,
        options=ReadOptions(language=args.language, limits=Limits(timeout=args.timeout)),
        interval=args.interval,
        on_error=lambda message: warn(f"error: {message}"),
    )
    if verbosity() > Verbosity.QUIET:
        say(
            f"watching {_count(len(folders), 'folder')} and {_count(len(feeds), 'feed')}; "
            "Ctrl+C stops",
            file=sys.stderr,
            flush=True,
        )
    # A feed's fetch cut short by the signal: nothing of it was stored or remembered.
    with stop_on_signals(stop), contextlib.suppress(Interrupted):
        watcher.run(stop)
    note(summary.line())
    return 0 if summary.ok else 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
