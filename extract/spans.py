"""Sorted lists of spans (mentions, dates) with fast "which lie inside [a, b)"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Span)


class SpanList(list[T]):
    """Items with `.start`/`.end`, sorted by start, and their starts cached
    once so that range look-ups are two plain bisects."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(sorted(items, key=lambda x: x.start))
        self.starts = [x.start for x in self]

    def within(self, a: int, b: int) -> list[T]:
        """Items lying inside [a, b)."""
        lo = bisect_left(self.starts, a)
        hi = bisect_left(self.starts, b)
        return [x for x in self[lo:hi] if x.end <= b]

    def starting(self, a: int, b: int) -> list[T]:
        """Items starting inside [a, b), wherever they end."""
        return self[bisect_left(self.starts, a) : bisect_left(self.starts, b)]

    def first_at(self, a: int, b: int) -> T | None:
        """The first item starting inside [a, b)."""
        i = bisect_left(self.starts, a)
        return self[i] if i < len(self) and self.starts[i] < b else None


def within(items: list[Any], a: int, b: int) -> list[Any]:
    """Items (sorted by start) lying inside [a, b)."""
    if isinstance(items, SpanList):
        return items.within(a, b)
    starts = [x.start for x in items]
    lo = bisect_left(starts, a)
    hi = bisect_left(starts, b)
    return [x for x in items[lo:hi] if x.end <= b]
