"""Organisation anaphors: "the company", "perusahaan tersebut", "the lab"
resolved to the organisation they stand for."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

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
    anaphors = list(ctx.rx["org_anaphor"].finditer(ctx.body))
    if not anaphors:
        return SpanList(orgs)
    out = list(orgs)
    prev = _Antecedents()
    starts = [m.start() for m in anaphors]
    for s in ctx.doc.live:
        here = anaphors[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        in_s = [o for o in orgs.within(s.start, s.end + 1) if o.start < s.end]
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
    before = [o for o in in_sentence if o.end <= m.start()]
    named = _named_by_kind(ctx, m)
    # Same sentence: the closest organisation before; otherwise the
    # subject-like first organisation of the closest earlier sentence.
    ante = named[-1] if named else before[-1] if before else subject
    if ante is None:
        return None
    return OrgMention(m.start(), m.end(), m.group(), ante.name, ante.known)


def _named_by_kind(ctx: MoveContext, m: re.Match[str]) -> list[OrgMention]:
    """ "the lab" names a kind of organisation: the ones before it whose own
    name says so ("... Superintelligence Labs")."""
    heads = [
        fold(w) for w in m.group().split() if len(w) >= 3 and fold(w) not in ctx.pack.stopwords
    ]
    return [
        o
        for o in ctx.doc.orgs.within(0, m.start())
        if any(w.startswith(h) for h in heads for w in _kind_words(o.name))
    ]


@lru_cache(maxsize=4096)
def _kind_words(name: str) -> tuple[str, ...]:
    """The folded words after an organisation name's first ("Labs" in
    "Meta Superintelligence Labs"): the ones that say what kind it is."""
    return tuple(fold(w) for w in name.split()[1:])
