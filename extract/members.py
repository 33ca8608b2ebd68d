"""A headcount move whose people are named: "hired three researchers from X. The
three, A, B and C, ..." or "six researchers left X, including A" — one move per
person named.

News often reports a group hire first and names its members in the sentence
that follows, opening with a plural anaphor ("The three", "They", "Ketiganya")
and listing exactly as many names as the count; or names some of them in the
same sentence after "including" ("termasuk", "darunter", "notamment"). Those
people moved as the group did; nothing else in the article may say so in a
sentence of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
    including: re.Pattern[str] | None = None,
) -> list[MoveFact]:
    """Moves of the people a group move names in its next sentence, or after
    "including" in its own.

    `plural` matches the pack's plural anaphors; `list_gap` the text between
    two names of one list ("A, B and C"); `including` the pack's words that
    name some of a group. Undated, the move takes the date the group's
    sentence gives ("said on Wednesday")."""
    found: list[MoveFact] = []
    live = [s for s in sentences if not s.noise]
    for group in groups:
        named = _named_group(body, live, group, persons, plural, list_gap)
        if named is None and including is not None:
            named = _included_members(body, live, group, persons, including, list_gap)
        if named is not None:
            found.extend(_member_moves(body, named, [*moves, *found], dates))
    return found


# Words between "including" and the first name ("termasuk anggota staf teknis X").
_INCLUDED_GAP = 6


def _included_members(
    body: str,
    live: Sequence[Sentence],
    group: GroupMoveFact,
    persons: Sequence[PersonMention],
    including: re.Pattern[str],
    list_gap: re.Pattern[str],
) -> _NamedGroup | None:
    """ "six researchers left xAI, including engineer Hang Gao": the names
    listed after the pack's including word, in the group's own sentence."""
    if not group.modality.counts or (group.to_org is None and not group.from_orgs):
        return None
    i = _holding(live, group.evidence_start)
    own = live[i] if i is not None else None
    if own is None:
        return None
    cue = including.search(body, group.evidence_start, own.end)
    if cue is None:
        return None
    after = _starting_in(persons, cue.end(), own.end)
    if not after or len(body[cue.end() : after[0].start].split()) > _INCLUDED_GAP:
        return None
    names = _first_list(body, after, list_gap)
    return _NamedGroup(group, own, names) if names else None


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
    names = _first_list(body, _starting_in(persons, nxt.start, nxt.end), list_gap)
    return _NamedGroup(group, nxt, names) if len(names) == group.count else None


def _member_moves(
    body: str, named: _NamedGroup, moves: Sequence[MoveFact], dates: Sequence[DateMention]
) -> Iterator[MoveFact]:
    """One move per person named, unless a sentence of its own already says so."""
    group, naming = named.group, named.naming
    origin = group.from_orgs[0] if len(group.from_orgs) == 1 else None
    stated = next((d.date for d in dates if group.evidence_start <= d.start < naming.end), None)
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


def _starting_in(persons: Sequence[PersonMention], lo: int, hi: int) -> list[PersonMention]:
    """The mentions (in text order) starting in [lo, hi), found by bisection."""
    first = bisect_left(persons, lo, key=lambda p: p.start)
    return list(persons[first : bisect_left(persons, hi, first, key=lambda p: p.start)])


def _holding(live: Sequence[Sentence], pos: int) -> int | None:
    """The index of the sentence holding `pos`: sentences are in text order
    and never overlap, so only the last one starting at or before it can."""
    i = bisect_right(live, pos, key=lambda s: s.start) - 1
    return i if i >= 0 and pos < live[i].end else None


def _next_sentence(live: Sequence[Sentence], start: int) -> Sentence | None:
    index = _holding(live, start)
    if index is None:
        return None
    return live[index + 1] if index + 1 < len(live) else None


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
