"""Argument types shared by the commands."""

from __future__ import annotations

import argparse
import datetime as dt
import math

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
