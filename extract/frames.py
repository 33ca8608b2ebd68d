"""The organisations an article is about: where a departure that names no
organisation most likely left from.

A roundup groups its items under section headings that are just an
organisation's name ("TESLA"); a news story is about the organisation its
title names, or the one its text keeps returning to.  A departure in a
section is from the section's organisation; elsewhere from the article's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

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
    # (start, end, organisation): a paragraph opened by "Chez Foo, ..."
    scenes: tuple[tuple[int, int, str], ...] = field(default=())

    def at(self, pos: int) -> str | None:
        """The organisation the text at `pos` is framed by."""
        for start, end, org in self.scenes:
            if start <= pos < end:
                return org
        section = None
        for start, org in self.sections:
            if start > pos:
                break
            section = org
        return section or self.topic


def find_frames(
    sentences: list[Sentence],
    orgs: list[OrgMention],
    title_orgs: list[str],
    gaz: Gazetteer,
    lead: re.Pattern[str] | None = None,
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
    topic = _topic(employers, [n for n in title_orgs if not gaz.is_media(n)])
    scenes = _scenes(sentences, orgs, lead) if lead is not None else ()
    return Frames(sections, topic, scenes)


def _scenes(
    sentences: list[Sentence], orgs: list[OrgMention], lead: re.Pattern[str]
) -> tuple[tuple[int, int, str], ...]:
    """ "Chez OpenAI, l'hémorragie continue. ...": a paragraph opening with a
    place phrase naming one organisation, then a comma, is about it."""
    out: list[tuple[int, int, str]] = []
    for i, s in enumerate(sentences):
        if s.heading or s.noise or (i and sentences[i - 1].paragraph == s.paragraph):
            continue
        m = lead.match(s.text)
        org = next((o for o in orgs if o.start == s.start + m.end() + 1), None) if m else None
        if org is None or s.text[org.end - s.start : org.end - s.start + 1] != ",":
            continue
        end = next((t.start for t in sentences[i:] if t.paragraph != s.paragraph), 1 << 30)
        out.append((s.start, end, org.name))
    return tuple(out)


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
