"""One module per scriptable command; each exposes `register()` and `run()`.

`register(commands, parents)` adds the command's subparser; `run(db, args)`
does the work and returns the exit status. Heavy imports stay inside `run()`.
"""

from __future__ import annotations

import argparse
from typing import Protocol


class Command(Protocol):
    NAME: str

    def register(
        self, commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
    ) -> None: ...

    def run(self, db: str | None, args: argparse.Namespace) -> int: ...


def all_commands() -> list[Command]:
    from . import (
        completion,
        config,
        decisions,
        eval,
        export,
        ingest,
        lookup,
        moves,
        orgs,
        people,
        rebuild,
        review,
        watch,
    )

    commands = [ingest, watch, export, lookup, people, orgs, moves, review, decisions, rebuild]
    return [*commands, eval, config, completion]


def open_database(db: str | None):
    from movesboard.models.db import Database

    return Database.open(db)
