"""Argument types shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
from pathlib import Path

# A day: longer overflows the timers under a timeout, and no source is worth it.
MAX_SECONDS = 86400.0


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
    return int(text)


def positive_seconds(text: str) -> float:
    """A duration in seconds: finite, above 0, at most MAX_SECONDS (nan, inf, 0, -1 are not)."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_SECONDS:  # false for nan too
        raise argparse.ArgumentTypeError(
            f"not a number of seconds above 0 and at most {MAX_SECONDS:g}: {text!r}"
        )
    return seconds


def pack_codes() -> list[str]:
    """The codes of the extractor's language packs (extract/lang/*.toml), sorted.

    Read from the folder rather than by importing the extractor, which would
    cost every command a fifth of a second just to print --help."""
    spec = importlib.util.find_spec("movesboard.extract")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return []
    return sorted(path.stem for path in (Path(folders[0]) / "lang").glob("*.toml"))


def language_code(text: str) -> str:
    """A language with a pack ("fr", "fr-FR", "in" for Indonesian): its pack code."""
    from movesboard.extract import _pack_code  # the extractor's own reading of a code

    code = _pack_code(text)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"no language pack for {text!r} (packs: {', '.join(pack_codes())})"
        )
    return code
