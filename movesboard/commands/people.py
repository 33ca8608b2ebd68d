"""`movesboard people merge|split|rename`: the user's word on who is who."""

from __future__ import annotations

import argparse

from movesboard.console import say

from . import open_database

NAME = "people"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="merge, split or rename people (decisions survive a rebuild)",
        description=(
            "A person is named by a uid (p-…, shown by `movesboard lookup`; the uid of any "
            "record merged into them works too, and so does a unique prefix of at least 6 "
            "characters after 'p-'), by their name or by any alias. #N is this database's "
            "row number, until the next rebuild; a bare number is a name. Every change is "
            "recorded as a decision: it is reversible and survives `movesboard rebuild`."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    merge = actions.add_parser("merge", parents=parents, help="A and B are the same person")
    merge.add_argument("a", metavar="A", help="the person to keep (uid or name)")
    merge.add_argument("b", metavar="B", help="the person merged into A (uid or name)")
    split = actions.add_parser(
        "split", parents=parents, help="ALIAS names someone else than NAME (undoes a merge)"
    )
    split.add_argument("name", metavar="NAME")
    split.add_argument("alias", metavar="ALIAS")
    rename = actions.add_parser("rename", parents=parents, help="show NAME as NEW_NAME")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.models import decisions

    with open_database(db).session() as session:
        if args.action == "merge":
            a = decisions.find_person(session, args.a)
            b = decisions.find_person(session, args.b)
            b_name = b.name
            kept = decisions.merge_people(session, a, b)
            say(f"merged {b_name} into {kept.name} ({kept.uid})")
        elif args.action == "split":
            person = decisions.find_person(session, args.name)
            person_name = person.name
            new = decisions.split_person(session, person, args.alias)
            say(f"split {args.alias!r} off {person_name}: now its own person {new.uid}")
        else:
            person = decisions.find_person(session, args.name)
            old = person.name
            renamed = decisions.rename_person(session, person, args.new_name)
            say(f"renamed {old} to {renamed.name} ({renamed.uid})")
    return 0
