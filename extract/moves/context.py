"""What the move finder reads while it walks an article's sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import Analysis, Trigger, TriggerKind
from ..lang import LanguagePack
from ..people import PersonMention
from ..sentences import Sentence
from .patterns import MovePatterns


@dataclass(slots=True)
class Discourse:
    """Who a pronoun or a plural noun can refer to, as the text goes on."""

    focus: list[str] = field(default_factory=list)  # the singular focus ("he", "ia")
    focus_at: int = -99  # index of the sentence that last set the focus
    group: list[str] = field(default_factory=list)  # the last list of names ("they")


@dataclass(slots=True)
class MoveContext:
    """One article under reading: its analysis, the pack's patterns, the discourse."""

    doc: Analysis
    patterns: MovePatterns
    discourse: Discourse = field(default_factory=Discourse)
    nominals: list[re.Match[str]] = field(default_factory=list)  # "the departure of"
    # Clause separators (start, end) of each sentence, by its start: read per verb.
    separators: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    reported: dict[int, bool] = field(default_factory=dict)  # a sentence says "reported"
    # Described employer -> (end of first mention, person), sorted: built on first use.
    first_named: dict[str, list[tuple[int, str]]] | None = None

    @property
    def body(self) -> str:
        return self.doc.body

    @property
    def pack(self) -> LanguagePack:
        return self.doc.pack

    @property
    def rx(self) -> dict[str, re.Pattern[str]]:
        return self.doc.pack.rx


@dataclass(frozen=True, slots=True)
class SentenceScope:
    """A sentence with the people and move verbs in it."""

    sentence: Sentence
    index: int  # among the article's prose sentences
    following: Sentence | None  # the next prose sentence, for "hired a researcher. Jane ..."
    persons: list[PersonMention]
    triggers: list[Trigger]


@dataclass(frozen=True, slots=True)
class Site:
    """One move verb in its sentence: what every trigger handler is given."""

    scope: SentenceScope
    index: int  # of the trigger among the sentence's triggers

    @property
    def trigger(self) -> Trigger:
        return self.scope.triggers[self.index]

    @property
    def kind(self) -> TriggerKind:
        return self.trigger.kind

    @property
    def start(self) -> int:
        return self.trigger.start

    @property
    def end(self) -> int:
        return self.trigger.end

    @property
    def sentence(self) -> Sentence:
        return self.scope.sentence

    @property
    def persons(self) -> list[PersonMention]:
        return self.scope.persons

    @property
    def next_start(self) -> int:
        """Where the next move verb of the sentence starts (else the sentence end)."""
        nxt = self.index + 1
        return (
            self.scope.triggers[nxt].start if nxt < len(self.scope.triggers) else self.sentence.end
        )


def fold_word(w: str) -> str:
    return w.lower().strip('.,;:()"“”')
