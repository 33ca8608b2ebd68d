"""One move as a single statement gives it, before article-level merging."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import TriggerKind
from ..sentences import Sentence
from ..types import FuzzyDate, Modality


@dataclass(slots=True)
class Hop:
    person: str
    from_org: str | None
    to_org: str | None
    sentence: Sentence
    pos: int  # trigger offset, orders hops in the text
    kind: TriggerKind
    date: FuzzyDate | None = None
    date_explicit: bool = False
    role: str | None = None
    modality: Modality = Modality.STATED
    chained: bool = False  # departure and destination in one statement
    merged: bool = False
    returning: bool = False  # "returned to", "kembali ke": back to a former employer
    from_weak: bool = False  # `from` inferred from a descriptor, not stated
    companion_of: str | None = None  # moved "along with" this person
    date_now: bool = False  # dated by a present or perfect tense: the news itself
