"""Organisation anaphors: "the company", "perusahaan tersebut", "the lab"
resolved to the organisation they stand for."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ..analysis import TriggerKind
from ..normalize import fold
from ..orgs import OrgMention
from ..spans import SpanList
from .arguments import after_preposition
from .context import MoveContext


@dataclass(slots=True)
class _Antecedents:
    """The subject-like organisation of the closest earlier sentence naming any."""

    orgs: list[OrgMention] = field(default_factory=list)  # of the latest sentence naming any
    sentence_start: int = 0
    subject: OrgMention | None = None


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
    starts = [m.start() for m in anaphors]
    for s in ctx.doc.live:
        here = anaphors[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        # A publication is never what "the company" refers to ("told WIRED").
        in_s = [
            o
            for o in orgs.within(s.start, s.end + 1)
            if o.start < s.end and not ctx.doc.gaz.is_media(o.name)
        ]
        if here and prev.orgs:
            # The subject-like organisation of that sentence (of its last
            # clause after a semicolon, the closest), else its last.
            subj = [o for o in prev.orgs if not after_preposition(ctx, o, prev.sentence_start)]
            last = [o for o in subj if ";" not in ctx.body[o.end : prev.orgs[-1].end]]
            prev.subject = (last or subj)[0] if subj else prev.orgs[-1]
        for m in here:
            mention = _resolve(ctx, m, in_s, prev.subject)
            if mention is not None:
                out.append(mention)
                in_s.append(mention)
                in_s.sort(key=lambda o: o.start)
        if in_s:
            prev.orgs, prev.sentence_start = in_s, s.start
    return SpanList(out)


def _resolve(
    ctx: MoveContext, m: re.Match[str], in_sentence: list[OrgMention], subject: OrgMention | None
) -> OrgMention | None:
    if any(o.start <= m.start() < o.end or 0 <= o.start - m.end() <= 2 for o in in_sentence):
        return None  # inside a name, or naming one: "the start-up Foo"
    # "the former Foo chief X joined the company": a former employer named
    # as such is not what the same sentence's anaphor refers to; nor is one
    # inside a relative clause that closed before it.
    before = [
        o
        for o in in_sentence
        if o.end <= m.start()
        and not _named_former(ctx, o)
        and not _in_closed_relative(ctx, o, m.start())
    ]
    named = _named_by_kind(ctx, m)
    # Same sentence: the closest organisation before; otherwise the
    # subject-like first organisation of the closest earlier sentence.
    ante = named[-1] if named else before[-1] if before else subject
    if ante is None:
        return None
    return OrgMention(m.start(), m.end(), m.group(), ante.name, ante.known)


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


def _named_by_kind(ctx: MoveContext, m: re.Match[str]) -> list[OrgMention]:
    """ "the lab" names a kind of organisation: the ones before it whose own
    name says so ("... Superintelligence Labs")."""
    heads = [
        fold(w) for w in m.group().split() if len(w) >= 3 and fold(w) not in ctx.pack.stopwords
    ]
    return [
        o
        for o in ctx.doc.orgs.within(0, m.start())
        if any(_same_kind(h, w) for h in heads for w in _kind_words(o.name))
    ]


def _same_kind(head: str, word: str) -> bool:
    """ "lab" and "Labs"; also a name's short English kind word for a longer
    noun of another language ("laboratorio", "laboratoire" and "Lab")."""
    stem = word.rstrip("s")
    return word.startswith(head) or (len(stem) >= 3 and head.startswith(stem))


@lru_cache(maxsize=4096)
def _kind_words(name: str) -> tuple[str, ...]:
    """The folded words after an organisation name's first ("Labs" in
    "Meta Superintelligence Labs"): the ones that say what kind it is."""
    return tuple(fold(w) for w in name.split()[1:])
