"""The facts extraction produces: plain, immutable data, no database.

`extract()` returns an `Extraction`; storage (models/) turns it into rows.
Offsets are character offsets into the article *body* as given to `extract()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Modality(StrEnum):
    """How the article asserts a move. Only STATED and REPORTED count as moves."""

    STATED = "stated"
    REPORTED = "reported"
    RUMOURED = "rumoured"
    DENIED = "denied"

    @property
    def counts(self) -> bool:
        return self in (Modality.STATED, Modality.REPORTED)


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to a precision: 2025, 2025-07 or 2025-07-16."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Inverse of `iso()`; raises ValueError on anything else."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not a YYYY[-MM[-DD]] date: {text!r}")
        nums = [int(p) for p in parts] + [None, None]
        return cls(nums[0], nums[1], nums[2])  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity in the body: body[start:end] == text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class PersonEntity:
    """A person named in the article, with every surface form used for them."""

    name: str  # the fullest form in the article, e.g. "Yang Song"
    mentions: list[Mention] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        seen = dict.fromkeys(m.text for m in self.mentions)
        seen.pop(self.name, None)
        return list(seen)


@dataclass(slots=True)
class OrgEntity:
    """An organisation named in the article, canonicalised by the gazetteer."""

    name: str  # canonical name, e.g. "Meta Superintelligence Labs"
    parent: str | None = None  # canonical name of the parent, e.g. "Meta"
    mentions: list[Mention] = field(default_factory=list)
    known: bool = True  # False when recognised from context, not the gazetteer

    @property
    def aliases(self) -> list[str]:
        seen = dict.fromkeys(m.text for m in self.mentions)
        seen.pop(self.name, None)
        return list(seen)


@dataclass(frozen=True, slots=True)
class MoveFact:
    """Person left `from_org` and/or joined `to_org`, as one sentence states."""

    person: str  # PersonEntity.name
    from_org: str | None  # OrgEntity.name, None when the article does not say
    to_org: str | None  # OrgEntity.name, None for a departure with no destination
    evidence: str  # the sentence stating the move, verbatim from the body
    evidence_start: int  # offset of that sentence in the body
    role: str | None = None
    date: FuzzyDate | None = None
    confidence: float = 0.5
    modality: Modality = Modality.STATED


@dataclass(frozen=True, slots=True)
class GroupMoveFact:
    """An unnamed headcount move: "at least 11 researchers from OpenAI, Google ..."."""

    count: int | None
    from_orgs: tuple[str, ...]
    to_org: str | None
    evidence: str
    evidence_start: int
    date: FuzzyDate | None = None
    modality: Modality = Modality.STATED


@dataclass(slots=True)
class Extraction:
    language: str
    people: list[PersonEntity] = field(default_factory=list)
    organizations: list[OrgEntity] = field(default_factory=list)
    moves: list[MoveFact] = field(default_factory=list)
    group_moves: list[GroupMoveFact] = field(default_factory=list)
