"""What the group finder reads of an article and passes between its steps.

`GroupFinder.find` (groups.py) builds a `GroupScan` per article: the article
(`ArticleView`), its named moves (`NamedMoves`) and the groups found so far
(`FoundGroups`).  Each sentence with a move verb becomes a `Clause`; each group
phrase in it a `Statement` (the phrase and the verbs on either side), which the
`Reading`s turn into a `Role`.  Only groups.py uses these types.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from .orgs import OrgMention
from .sentences import Sentence
from .spans import SpanList, within
from .types import GroupMoveFact, MoveFact

_WORD = re.compile(r"\S+")  # a word as str.split() sees one (the same whitespace)

# The types made per sentence or per phrase are plain (not frozen) slotted
# dataclasses: a frozen one takes three times as long to build.  Treat them as
# values all the same.


@dataclass(slots=True)
class Trigger:
    """A move verb in the body; `kind` is the pack's trigger name ("hire", "join", ...).

    Compared by value: a verb is a group-only bring verb when it equals one of
    its sentence's `Clause.brings`."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class GroupPhrase:
    """Where a group is named: "at least seven researchers", or a bare "peneliti"."""

    start: int
    end: int
    count: int | None  # None: "some", "sejumlah", a bare plural


@dataclass(slots=True)
class Role:
    """What a statement says a group did.  No destination means a departure."""

    to_org: str | None = None
    from_orgs: tuple[str, ...] = ()


@dataclass(slots=True)
class Candidate:
    """A group the sentence states, before its modality is read."""

    phrase: GroupPhrase
    role: Role


class People:
    """Where persons are named: a group whose members are named is no unnamed headcount.

    Looked up by bisection over sorted offsets: the finder asks per group
    phrase, and a scan of every mention per question is quadratic in size."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]]) -> None:
        self._body = body
        self._spans = sorted(spans)  # (start, end) of each person mention
        self._starts = [start for start, _ in self._spans]
        self._ends = sorted(end for _, end in self._spans)
        self._start_set = frozenset(self._starts)
        self._names: dict[tuple[int, int], frozenset[str]] = {}  # asked once per sentence

    def _range(self, lo: int, hi: int) -> tuple[int, int]:
        return bisect_left(self._starts, lo), bisect_left(self._starts, hi)

    def starts_between(self, lo: int, hi: int) -> list[int]:
        """Starts of the mentions starting in [lo, hi)."""
        i, j = self._range(lo, hi)
        return self._starts[i:j]

    def any_starts_between(self, lo: int, hi: int) -> bool:
        i, j = self._range(lo, hi)
        return i < j

    def any_ends_between(self, lo: int, hi: int) -> bool:
        """A mention ending in [lo, hi], both bounds included."""
        return bisect_left(self._ends, lo) < bisect_right(self._ends, hi)

    def starts_at(self, pos: int) -> bool:
        return pos in self._start_set

    def names_between(self, lo: int, hi: int) -> frozenset[str]:
        """The distinct surface forms of the mentions starting in [lo, hi)."""
        names = self._names.get((lo, hi))
        if names is None:
            i, j = self._range(lo, hi)
            names = self._names[lo, hi] = frozenset(
                self._body[start:end] for start, end in self._spans[i:j]
            )
        return names


@dataclass(slots=True)
class ArticleView:
    """What the steps read of one article (the shared per-article analysis can
    later provide it)."""

    body: str
    low: str  # body.lower(): the phrase and bring scans run on it
    sentences: list[Sentence]
    orgs: SpanList[OrgMention]  # anaphors resolved, sorted by start
    people: People
    sentence_starts: list[int] = field(default_factory=list)  # filled on first use
    first_at: dict[str, int] = field(default_factory=dict)  # text -> first offset in body

    def at_most_words(self, start: int, end: int, limit: int) -> bool:
        """Whether body[start:end] holds at most `limit` words (as str.split
        counts them), read no further than the word past the limit."""
        for count, _ in enumerate(_WORD.finditer(self.body, start, end), start=1):
            if count > limit:
                return False
        return True

    def last_word(self, start: int, end: int) -> str | None:
        words = self.body[start:end].split()
        return words[-1] if words else None

    def orgs_between(self, start: int, end: int) -> list[OrgMention]:
        return within(self.orgs, start, end)

    def iter_orgs_between(self, start: int, end: int) -> Iterator[OrgMention]:
        return self.orgs.iter_within(start, end)

    def first_org(self, start: int, end: int) -> OrgMention | None:
        return next(self.orgs.iter_within(start, end), None)

    def sentence_after(self, sentence: Sentence) -> Sentence | None:
        """The first sentence starting at or after this one's end, noise included."""
        if not self.sentence_starts:
            self.sentence_starts = [s.start for s in self.sentences]
        i = bisect_left(self.sentence_starts, sentence.end)
        return self.sentences[i] if i < len(self.sentences) else None

    def seen_before(self, text: str, end: int) -> bool:
        """Whether `text` occurs in body[:end]; its first occurrence is looked
        for once per text, not once per question."""
        first = self.first_at.get(text)
        if first is None:
            first = self.first_at[text] = self.body.find(text)
        return first >= 0 and first + len(text) <= end


@dataclass(frozen=True, slots=True)
class NamedMoves:
    """The article's named moves that count: they settle what a group statement
    leaves open, and a group that repeats one of them is no extra move."""

    counting: list[MoveFact]
    main_to: str | None  # the first destination: the hirer when a hire's subject is no org
    main_from: str | None  # the first move's origin: that of a departure naming none

    @classmethod
    def of(cls, moves: Sequence[MoveFact]) -> NamedMoves:
        counting = [m for m in moves if m.modality.counts]
        return cls(
            counting,
            next((m.to_org for m in counting if m.to_org), None),
            counting[0].from_org if counting else None,
        )

    def include(self, to_org: str, from_orgs: tuple[str, ...]) -> bool:
        return any(m.to_org == to_org and m.from_org in from_orgs for m in self.counting)


@dataclass(frozen=True, slots=True)
class _Emitted:
    fact: GroupMoveFact
    sentence_index: int


class FoundGroups:
    """The groups found so far, in body order, each with its sentence's index."""

    def __init__(self) -> None:
        self._items: list[_Emitted] = []

    def facts(self) -> list[GroupMoveFact]:
        return [item.fact for item in self._items]

    def add(self, fact: GroupMoveFact, sentence_index: int) -> None:
        self._items.append(_Emitted(fact, sentence_index))

    def last_hirer(self) -> str | None:
        return next((i.fact.to_org for i in reversed(self._items) if i.fact.to_org), None)

    def take_departure_before(self, sentence_index: int, to_org: str) -> tuple[str, ...] | None:
        """The origins of a departure group stated in the sentence right before,
        which is removed: "Several researchers have left Foo. Two have returned
        to Bar." is one group, Foo -> Bar."""
        if not self._items:
            return None
        last = self._items[-1]
        if (
            last.sentence_index != sentence_index - 1
            or last.fact.to_org is not None
            or to_org in last.fact.from_orgs
        ):
            return None
        self._items.pop()
        return last.fact.from_orgs


class Recorded(Enum):
    """What recording a group did to the groups found."""

    NOTHING = "nothing"  # a stay or a denial: no move
    NEW = "new"  # one group more
    MERGED = "merged"  # it replaced the previous sentence's departure group


@dataclass(slots=True)
class GroupScan:
    """One `find` call: the article, its named moves and the groups found so far."""

    article: ArticleView
    named: NamedMoves
    found: FoundGroups


@dataclass(slots=True)
class Clause:
    """A sentence that can state a group move, with the verbs in it."""

    index: int  # in the article's sentences
    sentence: Sentence
    verbs: list[Trigger]  # from the pack's trigger scan
    brings: list[Trigger]  # group-only bring verbs ("which brought in", "yang membawa")


@dataclass(slots=True)
class Statement:
    """A group phrase with the verbs of its sentence on either side."""

    clause: Clause
    phrase: GroupPhrase
    # The last verb ending before the phrase (a bring verb right before it included).
    verb_before: Trigger | None
    verb_after: Trigger | None  # the first verb starting after it
    # The verb before is a group-only bring verb, which also brings people to
    # conferences: such a group needs an origin.
    brought: bool


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a group's statement.  The first reading that `applies`
    decides: `role` says what the group did, or None when it is no move."""

    applies: Callable[[GroupScan, Statement], bool]
    role: Callable[[GroupScan, Statement], Role | None]
