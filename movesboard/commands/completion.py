"""`movesboard completion bash|zsh|fish`: the shell's completion script, from the parser.

argcomplete reads completions off the same argparse parser the commands use,
so they never drift from the real options: the script asks `movesboard`
itself, which answers from `cli.main` before doing anything else.
"""

from __future__ import annotations

import argparse

from movesboard.console import say

NAME = "completion"
SHELLS = ("bash", "zsh", "fish")


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        help="print the shell completion script (bash, zsh or fish)",
        description=(
            'bash: eval "$(movesboard completion bash)" in ~/.bashrc; zsh: the same in '
            "~/.zshrc; fish: movesboard completion fish > "
            "~/.config/fish/completions/movesboard.fish"
        ),
    )
    parser.add_argument("shell", choices=SHELLS)


def run(db: str | None, args: argparse.Namespace) -> int:
    import argcomplete

    say(argcomplete.shellcode(["movesboard"], shell=args.shell), lines=True)
    return 0


def answer_if_asked(parser_factory) -> None:
    """A shell asking for completions (argcomplete's environment): answer and exit."""
    import argcomplete

    argcomplete.autocomplete(parser_factory())
