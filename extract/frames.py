"""The organisations an article is about: where a departure that names no
organisation most likely left from.

A roundup groups its items under section headings that are just an
organisation's name ("TESLA"); a news story is about the organisation its
title names, or the one its text keeps returning to.  A departure in a
section is from the section's organisation; elsewhere from the article's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .normalize import fold
from .orgs import OrgMention
from .sentences import Sentence

# The most named organisation is the article's when it is named this many
# times more than the next one.
_DOMINANCE = 2


@dataclass(frozen=True, slots=True)
class Frames:
    """Section organisations by where their heading starts, and the article's."""

    sections: tuple[tuple[int, str], ...]  # (heading start, organisation), in text order
    topic: str | None

    def at(self, pos: int) -> str | None:
        """The organisation the text at `pos` is framed by."""
        section = None
        for start, org in self.sections:
            if start > pos:
                break
            section = org
        return section or self.topic


def find_frames(
    sentences: list[Sentence], orgs: list[OrgMention], title_orgs: list[str], gaz: Gazetteer
) -> Frames:
    # Organisations the text names, by any casing; the name as prose writes it
    # wins over a shouting heading's.
    named: dict[str, str] = {}
    for o in sorted(orgs, key=lambda o: o.name.isupper()):
        named.setdefault(fold(o.name), o.name)
    sections = tuple(
        (s.start, name)
        for s in sentences
        if s.heading and (name := _heading_org(s.text, gaz, named)) is not None
    )
    # A publication reports the story; it is not what the story is about.
    employers = [o for o in orgs if not gaz.is_media(o.name)]
    return Frames(sections, _topic(employers, [n for n in title_orgs if not gaz.is_media(n)]))


def _heading_org(text: str, gaz: Gazetteer, named: dict[str, str]) -> str | None:
    """A heading that is just an organisation's name ("TESLA", "Helix AI:")."""
    bare = text.strip(" :.-–—")
    return gaz.lookup(bare) or named.get(fold(bare))


def _topic(orgs: list[OrgMention], title_orgs: list[str]) -> str | None:
    """The title's one organisation (the most named of its several), else the
    organisation the text names far more than any other."""
    counts = Counter(o.name for o in orgs)
    named = [n for n in dict.fromkeys(title_orgs)]
    if len(named) == 1:
        return named[0]
    if named:
        return max(named, key=lambda n: counts[n])
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= _DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None
