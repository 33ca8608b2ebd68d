"""Sorted lists of spans (mentions, dates) with fast "which lie inside [a, b)"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
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

    def iter_within(self, a: int, b: int) -> Iterator[T]:
        """Items lying inside [a, b), one at a time: a caller that stops at the
        first it wants does not pay for the rest of a long range."""
        for i in range(bisect_left(self.starts, a), bisect_left(self.starts, b)):
            if self[i].end <= b:
                yield self[i]

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


class Claimed:
    """Character ranges, added in any order, asked "does any overlap [a, b)?".

    Ranges are filed under every fixed-width bucket of text they touch, so a
    question looks at the ranges near it only: constant time per question for
    ranges as short as names are, however many the text holds."""

    __slots__ = ("_buckets",)
    _WIDTH = 64

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        for start, end in ranges:
            self.add(start, end)

    def _keys(self, start: int, end: int) -> range:
        # An empty range is filed under the bucket of its offset, so that it is
        # found by (and finds) the ranges strictly around it.
        return range(start // self._WIDTH, max(start, end - 1) // self._WIDTH + 1)

    def add(self, start: int, end: int) -> None:
        for key in self._keys(start, end):
            self._buckets.setdefault(key, []).append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return any(
            start < other_end and other_start < end
            for key in self._keys(start, end)
            for other_start, other_end in self._buckets.get(key, ())
        )
