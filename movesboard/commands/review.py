"""`movesboard review`: what waits for the user's judgement."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database

NAME = "review"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    commands.add_parser(
        NAME,
        parents=parents,
        help="list pending suggestions (possible duplicates) to review",
        description=(
            "Lists the people the resolver thought might be the same but would not merge on "
            "its own, with its score, both people's uids and the reason. Answer with "
            "`movesboard people merge UID UID` (same) or leave them apart."
        ),
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import decisions

    with open_database(db).session() as session:
        pending = decisions.pending_suggestions(session)
        if not pending:
            say("nothing to review")
            return 0
        for suggestion in pending:
            say(
                f"{suggestion.score:5.1f}  {suggestion.atom.uid} {suggestion.atom.name}  ~  "
                f"{suggestion.candidate.uid} {suggestion.candidate.name}  ({suggestion.reason})"
            )
        say(f"{len(pending)} pending; merge with: movesboard people merge UID UID")
    return 0
