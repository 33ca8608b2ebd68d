"""Every line the CLI prints: whatever part came from a source (a title, a
file name, a URL, a database error quoting a value) shows its control
characters as symbols instead of sending them to the terminal."""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import TextIO

from movesboard.untrusted import visible


def say(
    text: object, *, file: TextIO | None = None, flush: bool = False, lines: bool = False
) -> None:
    """Print `text` made visible; with `lines`, its own newlines are kept
    (a report of several lines), otherwise they show as ␤."""
    print(visible(text, one_line=not lines), file=file or sys.stdout, flush=flush)


def warn(text: object) -> None:
    """One line on stderr, flushed at once (errors interleave with progress)."""
    say(text, file=sys.stderr, flush=True)


class Verbosity(IntEnum):
    QUIET = 0  # -q: errors and the data asked for, nothing else
    NORMAL = 1
    VERBOSE = 2  # -v: a line per article too


_verbosity = Verbosity.NORMAL


def set_verbosity(level: Verbosity) -> None:
    global _verbosity
    _verbosity = level


def verbosity() -> Verbosity:
    return _verbosity


def note(text: object) -> None:
    """A report about the work (a summary line): not with -q."""
    if _verbosity >= Verbosity.NORMAL:
        say(text)


def detail(text: object) -> None:
    """A line of detail (one per article): only with -v."""
    if _verbosity >= Verbosity.VERBOSE:
        say(text, flush=True)
