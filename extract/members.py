"""A headcount move whose people are named next: "hired three researchers from X. The
three, A, B and C, ..." — one move per person named.

News often reports a group hire first and names its members in the sentence
that follows, opening with a plural anaphor ("The three", "They", "Ketiganya")
and listing exactly as many names as the count. Those people moved as the
group did; nothing else in the article may say so in a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .dates import DateMention
from .people import PersonMention
from .sentences import Sentence
from .types import GroupMoveFact, MoveFact

CONFIDENCE = 0.65  # two sentences read together, a step below a stated move


@dataclass(frozen=True, slots=True)
class _NamedGroup:
    """A group move and the sentence after it that names its people."""

    group: GroupMoveFact
    naming: Sentence
    names: list[str]  # as many as the group counts


def named_members(
    body: str,
    sentences: Sequence[Sentence],
    groups: Sequence[GroupMoveFact],
    moves: Sequence[MoveFact],
    persons: Sequence[PersonMention],
    dates: Sequence[DateMention],
    plural: re.Pattern[str],
    list_gap: re.Pattern[str],
) -> list[MoveFact]:
    """Moves of the people a group move names in its next sentence.

    `plural` matches the pack's plural anaphors; `list_gap` the text between
    two names of one list ("A, B and C"). Undated, the move takes the date the
    group's sentence gives ("said on Wednesday")."""
    found: list[MoveFact] = []
    live = [s for s in sentences if not s.noise]
    for group in groups:
        named = _named_group(body, live, group, persons, plural, list_gap)
        if named is not None:
            found.extend(_member_moves(body, named, moves, dates))
    return found


def _named_group(
    body: str,
    live: Sequence[Sentence],
    group: GroupMoveFact,
    persons: Sequence[PersonMention],
    plural: re.Pattern[str],
    list_gap: re.Pattern[str],
) -> _NamedGroup | None:
    """The group with its people, when the next sentence opens with a plural
    anaphor and lists exactly as many names as the group counts."""
    if not group.count or group.count < 2 or not group.modality.counts:
        return None
    nxt = _next_sentence(live, group.evidence_start)
    if nxt is None or not plural.match(body, nxt.start):
        return None
    names = _first_list(body, [p for p in persons if nxt.start <= p.start < nxt.end], list_gap)
    return _NamedGroup(group, nxt, names) if len(names) == group.count else None


def _member_moves(
    body: str, named: _NamedGroup, moves: Sequence[MoveFact], dates: Sequence[DateMention]
) -> Iterator[MoveFact]:
    """One move per person named, unless a sentence of its own already says so."""
    group, naming = named.group, named.naming
    origin = group.from_orgs[0] if len(group.from_orgs) == 1 else None
    stated = next((d.date for d in dates if group.evidence_start <= d.start < naming.start), None)
    for name in named.names:
        if any(m.person == name and m.to_org == group.to_org for m in moves):
            continue
        yield MoveFact(
            person=name,
            from_org=origin,
            to_org=group.to_org,
            evidence=body[group.evidence_start : naming.end],
            evidence_start=group.evidence_start,
            date=group.date or stated,
            confidence=CONFIDENCE,
            modality=group.modality,
        )


def _next_sentence(live: Sequence[Sentence], start: int) -> Sentence | None:
    for index, sentence in enumerate(live):
        if sentence.start <= start < sentence.end:
            return live[index + 1] if index + 1 < len(live) else None
    return None


def _first_list(body: str, mentions: list[PersonMention], list_gap: re.Pattern[str]) -> list[str]:
    """The names of the first list in the sentence: "A, B and C" -> [A, B, C]."""
    names: list[str] = []
    last: PersonMention | None = None
    for mention in mentions:
        if last is not None and not list_gap.match(body[last.end : mention.start]):
            break
        if mention.person not in names:
            names.append(mention.person)
        last = mention
    return names
