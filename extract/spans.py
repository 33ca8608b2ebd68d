"""Sorted lists of spans (mentions, dates) with fast "which lie inside [a, b)"."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any


class SpanList(list):  # type: ignore[type-arg]
    """Items with `.start`/`.end`, sorted by start, and their starts cached
    once so that range look-ups are two plain bisects."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(sorted(items, key=lambda x: x.start))
        self.starts = [x.start for x in self]


def within(items: list[Any], a: int, b: int) -> list[Any]:
    """Items (sorted by start) lying inside [a, b)."""
    starts = getattr(items, "starts", None)
    if starts is None:
        starts = [x.start for x in items]
    lo = bisect_left(starts, a)
    hi = bisect_left(starts, b)
    return [x for x in items[lo:hi] if x.end <= b]
