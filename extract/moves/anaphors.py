"""Organisation anaphors: "the company", "perusahaan tersebut", "the lab"
resolved to the organisation they stand for."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..analysis import TriggerKind
from ..gazetteer import Gazetteer
from ..normalize import fold
from ..orgs import OrgMention, seat_at
from ..spans import SpanList
from .arguments import WORD, after_preposition
from .context import MoveContext


@dataclass(slots=True)
class _Antecedents:
    """The subject-like organisation of the closest earlier sentence naming any."""

    orgs: list[OrgMention] = field(default_factory=list)  # of the latest sentence naming any
    sentence_start: int = 0
    subject: OrgMention | None = None
    # Mentions per organisation in the sentences read so far (the article's
    # topic), and the latest mention of each.
    told: Counter[str] = field(default_factory=Counter)
    latest: dict[str, OrgMention] = field(default_factory=dict)


def resolve_org_anaphors(ctx: MoveContext) -> SpanList[OrgMention]:
    """The article's organisation mentions plus one per resolved anaphor.

    The antecedent is the subject-like organisation: the first one of the
    same sentence before the anaphor, else the first one of the closest
    earlier sentence that names any."""
    orgs = ctx.doc.orgs
    anaphors = list(ctx.rx["org_anaphor"].finditer(ctx.body)) + _agent_pronouns(ctx)
    anaphors.sort(key=lambda m: m.start())
    if not anaphors:
        return SpanList(orgs)
    out = list(orgs)
    prev = _Antecedents()
    kinds = _KindIndex(orgs, ctx.doc.gaz)
    starts = [m.start() for m in anaphors]
    for s in ctx.doc.live:
        here = anaphors[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        # A publication is never what "the company" refers to ("told WIRED").
        in_s = _SentenceOrgs(
            o
            for o in orgs.within(s.start, s.end + 1)
            if o.start < s.end and not ctx.doc.gaz.is_media(o.name)
        )
        if here and prev.orgs and prev.subject is None:
            prev.subject = _subject_of(ctx, prev)
        for m in here:
            mention = _resolve(ctx, m, in_s, prev.subject, kinds)
            if mention is not None:
                out.append(mention)
                in_s.add(mention)
        if in_s.items:
            prev.orgs, prev.sentence_start, prev.subject = in_s.items, s.start, None
            prev.told.update(o.name for o in in_s.items)
            prev.latest.update((o.name, o) for o in in_s.items)
    return SpanList(out)


def _subject_of(ctx: MoveContext, prev: _Antecedents) -> OrgMention:
    """The subject-like organisation of that sentence (of its last clause
    after a semicolon, the closest); where all follow a preposition ("passou
    pela Tesla"), the organisation the article has named most so far, its
    topic, over a passing mention ("... deixaram a empresa": OpenAI, not Tesla)."""
    subj = [o for o in prev.orgs if not after_preposition(ctx, o, prev.sentence_start)]
    if not subj:
        top, count = prev.told.most_common(1)[0]
        return prev.latest[top] if count > prev.told[prev.orgs[-1].name] else prev.orgs[-1]
    # One look for the last semicolon, not one slice of the sentence per organisation.
    semicolon = ctx.body.rfind(";", prev.sentence_start, prev.orgs[-1].end)
    last = [o for o in subj if semicolon < o.end]
    return (last or subj)[0]


class _SentenceOrgs:
    """A sentence's organisation mentions, sorted by start, looked up by
    position: a one-sentence article of thousands of them stays linear."""

    def __init__(self, items: Iterable[OrgMention]) -> None:
        self.items = list(items)  # sorted by start: a slice of a SpanList
        self.starts = [o.start for o in self.items]
        self.longest = max((o.end - o.start for o in self.items), default=0)

    def add(self, o: OrgMention) -> None:
        """After the mentions starting where `o` does (as a stable sort would)."""
        i = bisect_right(self.starts, o.start)
        self.items.insert(i, o)
        self.starts.insert(i, o.start)
        self.longest = max(self.longest, o.end - o.start)

    def touches(self, a: int, b: int) -> bool:
        """One holds offset `a`, or starts within two characters after `b`."""
        if bisect_left(self.starts, b) < bisect_right(self.starts, b + 2):
            return True
        # Only a mention starting less than the longest one's length before
        # `a` can hold it.
        lo = bisect_left(self.starts, a - self.longest)
        return any(o.start <= a < o.end for o in self.items[lo : bisect_right(self.starts, a)])

    def last_ending_by(self, pos: int, usable: Callable[[OrgMention], bool]) -> OrgMention | None:
        """The last (by start) usable mention ending at or before `pos`."""
        for i in range(bisect_right(self.starts, pos) - 1, -1, -1):
            o = self.items[i]
            if o.end <= pos and usable(o):
                return o
        return None


def _resolve(
    ctx: MoveContext,
    m: re.Match[str],
    in_sentence: _SentenceOrgs,
    subject: OrgMention | None,
    kinds: _KindIndex,
) -> OrgMention | None:
    if in_sentence.touches(m.start(), m.end()):
        return None  # inside a name, or naming one: "the start-up Foo"
    seat = _seat_named(ctx, m)
    if seat is not None:  # "a gigante de Mountain View"
        return OrgMention(m.start(), m.end(), m.group(), seat, True)
    # Same sentence: the closest organisation before; otherwise the
    # subject-like first organisation of the closest earlier sentence.
    # "the former Foo chief X joined the company": a former employer named
    # as such is not what the same sentence's anaphor refers to; nor is one
    # inside a relative clause that closed before it.
    ante = (
        kinds.last_named_before(_kind_heads(ctx, m), m.start())
        or in_sentence.last_ending_by(
            m.start(),
            lambda o: not _named_former(ctx, o) and not _in_closed_relative(ctx, o, m.start()),
        )
        or subject
    )
    if ante is None:
        return None
    return OrgMention(m.start(), m.end(), m.group(), ante.name, ante.known)


def _seat_named(ctx: MoveContext, m: re.Match[str]) -> str | None:
    """The company whose headquarters town the anaphor names after a
    preposition: "la firme de Cupertino", "a gigante de Mountain View"."""
    link = WORD.search(ctx.body, m.end(), m.end() + 12)
    if link is None or not ctx.rx["prepositions"].fullmatch(link.group().lower()):
        return None
    seat = seat_at(ctx.body, link.end() + 1, list(ctx.doc.gaz.by_seat))
    return ctx.doc.gaz.by_seat[seat] if seat is not None else None


_AGENT_KINDS = frozenset({TriggerKind.HIRE, TriggerKind.LOSE})


def _agent_pronouns(ctx: MoveContext) -> list[re.Match[str]]:
    """ "In 2024 it brought in Zhou Chang": a pronoun right before a hiring
    verb (one adverb may stand between) stands for an organisation."""
    starts = [t.start for t in ctx.doc.triggers if t.kind in _AGENT_KINDS]
    if not starts:
        return []
    out = []
    for m in ctx.rx["org_pronoun"].finditer(ctx.body):
        i = bisect_left(starts, m.end())
        if i < len(starts) and len(ctx.body[m.end() : starts[i]].split()) <= 1:
            out.append(m)
    return out


def _in_closed_relative(ctx: MoveContext, o: OrgMention, anaphor_start: int) -> bool:
    """ "X, who left Google to co-found Character.AI, was brought back by the
    search giant": an organisation inside a relative clause that closed
    before the anaphor is no antecedent of it."""
    body = ctx.body
    opening = body.rfind(", ", max(0, o.start - 120), o.start)
    if opening < 0 or not ctx.rx["relative"].match(body, opening + 2):
        return False
    closing = body.find(",", o.end, anaphor_start)
    return closing >= 0


def _named_former(ctx: MoveContext, o: OrgMention) -> bool:
    """A former-word right before the organisation ("the former Foo chief")."""
    return bool(ctx.rx["former"].search(ctx.body[max(0, o.start - 12) : o.start]))


def _kind_heads(ctx: MoveContext, m: re.Match[str]) -> tuple[str, ...]:
    """ "the lab" names a kind of organisation: its folded content words."""
    return tuple(
        fold(w) for w in m.group().split() if len(w) >= 3 and fold(w) not in ctx.pack.stopwords
    )


class _KindIndex:
    """The organisations whose own name says what kind they are ("... Superintelligence
    Labs" for "the lab"), found once per distinct anaphor wording instead of
    by a scan of every earlier organisation per anaphor."""

    def __init__(self, orgs: SpanList[OrgMention], gaz: Gazetteer) -> None:
        self.orgs = orgs
        self.gaz = gaz
        self.by_heads: dict[tuple[str, ...], SpanList[OrgMention]] = {}

    def last_named_before(self, heads: tuple[str, ...], pos: int) -> OrgMention | None:
        """The last (by start) such organisation lying before `pos`."""
        named = self.by_heads.get(heads)
        if named is None:
            named = self.by_heads[heads] = SpanList(
                o
                for o in self.orgs
                if any(_same_kind(h, w) for h in heads for w in self._kinds_of(o.name))
            )
        for i in range(bisect_left(named.starts, pos) - 1, -1, -1):
            if named[i].end <= pos:
                return named[i]
        return None

    def _kinds_of(self, name: str) -> tuple[str, ...]:
        """What a name says it is, and what the gazetteer says ("Windsurf" is a
        startup: "a startup" after it is Windsurf)."""
        rec = self.gaz.records.get(name)
        own = _kind_words(name)
        return (*own, rec.kind) if rec is not None and rec.kind in _NAMED_KINDS else own


# Gazetteer kinds an anaphor names by the same word ("the startup"; not "the lab":
# every AI lab is one, and "the lab" mostly names a unit called "... Labs").
_NAMED_KINDS = frozenset({"startup"})


def _same_kind(head: str, word: str) -> bool:
    """ "lab" and "Labs"; also a name's short English kind word for a longer
    noun of another language ("laboratorio", "laboratoire" and "Lab")."""
    head = head.replace("-", "")  # "start-up"
    stem = word.rstrip("s")
    return word.startswith(head) or (len(stem) >= 3 and head.startswith(stem))


@lru_cache(maxsize=4096)
def _kind_words(name: str) -> tuple[str, ...]:
    """The folded words after an organisation name's first ("Labs" in
    "Meta Superintelligence Labs"): the ones that say what kind it is."""
    return tuple(fold(w) for w in name.split()[1:])
