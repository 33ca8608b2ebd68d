"""One article, analysed once: the typed record every extraction stage reads.

`extract()` fills an `Analysis` stage by stage (sentences, triggers, dates,
organisations, people, affiliations); the move, group and member finders then
read it instead of passing each other lists.  Offsets are into `body`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from .dates import DateMention
from .frames import Frames
from .gazetteer import Gazetteer
from .lang import LanguagePack
from .orgs import OrgMention
from .people import PersonMention
from .sentences import Sentence
from .spans import SpanList
from .types import PersonEntity


class TriggerKind(StrEnum):
    """The argument structure of a move statement (see extract/moves/handlers.py)."""

    HIRE_PASSIVE = "hire_passive"  # PERSON was hired [by] ORG
    FOUND_PASSIVE = "found_passive"  # ORG was founded by PERSON
    JOIN = "join"  # PERSON joined ORG
    FOUND = "found"  # PERSON founded ORG
    HIRE = "hire"  # ORG hired PERSON
    LEAVE = "leave"  # PERSON left ORG
    LEAVE_NOOBJ = "leave_noobj"  # PERSON resigned
    LOSE = "lose"  # ORG lost PERSON
    NOW_AT = "now_at"  # PERSON now runs ORG: a move only from a former employer
    LED_BY = "led_by"  # ORG (is) led by PERSON: a move only from a former employer

    @property
    def subject_moves(self) -> bool:
        """The mover is the verb's subject ("Jane Roe joined"), not its object."""
        return self not in _OBJECT_MOVES

    @property
    def arrives(self) -> bool:
        """The organisation after the verb is joined, not left."""
        return self in (TriggerKind.JOIN, TriggerKind.FOUND)


_OBJECT_MOVES = frozenset(
    {TriggerKind.HIRE, TriggerKind.LOSE, TriggerKind.FOUND_PASSIVE, TriggerKind.LED_BY}
)


class Trigger(NamedTuple):
    """A move verb the pack's lexicon found: its kind and its span in the body."""

    kind: TriggerKind
    start: int
    end: int


@dataclass(slots=True)
class Analysis:
    """Everything found in one article before moves are read off it."""

    body: str
    pack: LanguagePack
    gaz: Gazetteer
    published: dt.date | None
    sentences: list[Sentence]
    triggers: SpanList[Trigger]
    dates: SpanList[DateMention]  # outside noise lines
    named_orgs: SpanList[OrgMention] = field(default_factory=SpanList)  # as the text names them
    orgs: SpanList[OrgMention] = field(default_factory=SpanList)  # plus resolved anaphors
    persons: SpanList[PersonMention] = field(default_factory=SpanList)
    people: list[PersonEntity] = field(default_factory=list)
    # Each person's described employer ("Jane Roe, an OpenAI researcher"):
    # the fallback origin of a move whose statement names none.
    affiliations: dict[str, str] = field(default_factory=dict)
    # The people described there as former ("a former Google researcher").
    former_affiliations: frozenset[str] = frozenset()
    # The organisations the article and its sections are about.
    frames: Frames = field(default_factory=lambda: Frames((), None))
    # Descriptions already read (moves/descriptors.py): a cache, keyed by the
    # mentions described and how.
    descriptions: dict[tuple[object, ...], str | None] = field(default_factory=dict)

    # Read per sentence or per move: computed once, on first use, so that no
    # stage rescans every sentence or person per question (quadratic in size).
    _live: list[Sentence] | None = field(default=None, init=False, repr=False)
    _sentence_starts: list[int] | None = field(default=None, init=False, repr=False)
    _mentions_by_person: dict[str, list[PersonMention]] | None = field(
        default=None, init=False, repr=False
    )

    @property
    def live(self) -> list[Sentence]:
        """The prose: sentences that are not bylines, captions or "read also" lines."""
        if self._live is None:
            self._live = [s for s in self.sentences if not s.noise]
        return self._live

    def triggers_in(self, sentence: Sentence) -> list[Trigger]:
        return self.triggers.within(sentence.start, sentence.end)

    def sentence_at(self, pos: int) -> Sentence | None:
        """The prose sentence holding offset `pos`."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.sentences]
        # Sentences follow each other without overlapping: only the last one
        # starting at or before `pos` can hold it.
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 0 or pos >= self.sentences[i].end:
            return None
        s = self.sentences[i]
        return None if s.noise else s

    def mentions_of(self, person: str) -> list[PersonMention]:
        """The mentions of one person, in text order (`persons` is final by then)."""
        if self._mentions_by_person is None:
            self._mentions_by_person = {}
            for p in self.persons:
                self._mentions_by_person.setdefault(p.person, []).append(p)
        return self._mentions_by_person.get(person, [])

    def left_former_employer(self, person: str, org: str, pos: int) -> bool:
        """Whether a departure at `pos` with no organisation of its own may be
        from `org`, where the article describes the person: not when they are
        a former employee there and the story at `pos` is about another
        organisation ("xAI's founders ... X, a former Google researcher, left
        in February": Google is history, the departure is from xAI)."""
        if person not in self.former_affiliations:
            return True
        frame = self.frames.at(pos)
        return frame is None or org in self.gaz.family(frame)

    def trigger_between(self, a: int, b: int) -> bool:
        """A move verb starts inside body[a:b]."""
        return self.triggers.first_at(a, b) is not None
