"""Moves announced for a list: "以下11人已加入Meta超级智能实验室:" followed by one
line per person ("- 毕树超(Shuchao Bi):此前在OpenAI ...").

Memos of hires are published as such lists: the announcing sentence names the
destination with a move verb and ends in a colon; each bulleted item opens
with the person's name and describes where they come from ("- Jane Roe
(OpenAI): reasoning", "1. Jane Roe - previously at Foo").  A departure verb
announces the list too when the sentence names where they went ("moved from
Foo to Bar:").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import DateMention
from .gazetteer import Gazetteer
from .lang import LanguagePack
from .normalize import fold
from .orgs import OrgMention
from .people import PersonMention
from .sentences import Sentence
from .spans import SpanList
from .types import FuzzyDate, Modality, MoveFact

CONFIDENCE = 0.6  # a list item read with its announcing sentence
_BRACKET = re.compile(r"\s*\(([^\W\d_][\w.&-]*(?: [^\W\d_][\w.&-]*)?)\)")
_BULLET = re.compile(r"\s*(?:[-•*·‧▪●]|\d{1,2}[.、)])\s*")


@dataclass(frozen=True, slots=True)
class ListIntro:
    """The announcing sentence: where the listed people went, from where
    ("several Apple engineers joined Meta:", "moved from Foo to Bar:"), and when."""

    sentence: Sentence
    to_org: str
    date: FuzzyDate | None
    from_org: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the list reader needs of an article."""

    body: str
    sentences: Sequence[Sentence]
    orgs: Sequence[OrgMention]
    persons: Sequence[PersonMention]
    dates: Sequence[DateMention]
    published: dt.date | None


def listed_moves(
    art: ArticleText,
    pack: LanguagePack,
    gaz: Gazetteer,
    triggers: Sequence[tuple[str, int, int]],
    moves: Sequence[MoveFact],
) -> list[MoveFact]:
    """One move per listed person, unless a sentence of its own says so."""
    out: list[MoveFact] = []
    # Looked up per announcing sentence and per item: sorted once, and the
    # moves already made kept as a set, not scanned per item.
    orgs = art.orgs if isinstance(art.orgs, SpanList) else SpanList(art.orgs)
    trigger_starts = [ts for _, ts, _ in triggers]  # in text order, as the scan gives them
    # Where each person is already said to go: an item adds nothing a
    # sentence of its own says, even naming a unit of it ("Microsoft AI").
    made: dict[str, set[str | None]] = {}
    for m in moves:
        made.setdefault(m.person, set()).add(m.to_org)
    for s in art.sentences:
        lo, hi = bisect_left(trigger_starts, s.start), bisect_left(trigger_starts, s.end)
        intro = _intro(art, pack, triggers[lo:hi], orgs, s)
        if intro is None:
            continue
        home = gaz.family(intro.to_org)
        for line_start, line_end in _items(art.body, s.end):
            move = _item_move(art, pack, gaz, intro, line_start, line_end)
            if move is None or made.get(move.person, set()) & (home | {move.to_org}):
                continue
            out.append(move)
            made.setdefault(move.person, set()).add(move.to_org)
    return out


def _intro(
    art: ArticleText,
    pack: LanguagePack,
    triggers: Sequence[tuple[str, int, int]],
    all_orgs: SpanList[OrgMention],
    s: Sentence,
) -> ListIntro | None:
    """The sentence announcing a list; `triggers` are those starting in it."""
    if s.noise or not s.text.rstrip().endswith(":"):
        return None
    if pack.rx["rumour"].search(s.text) or pack.rx["denial"].search(s.text):
        return None
    orgs = [o for o in all_orgs.within(s.start, s.end) if not o.modifier]
    for kind, ts, te in triggers:
        if s.start <= ts < s.end:
            dest = _destination(art, pack, kind, ts, te, orgs)
            if dest is not None:
                return ListIntro(s, dest, _date(art, pack, s), _origin(art, dest, orgs))
    if not triggers and pack.rx["newcomers"].search(s.text):
        # "Berikut profil kedua eksekutif baru OpenAI:": the one organisation named.
        named = {o.name for o in orgs}
        if len(named) == 1:
            return ListIntro(s, named.pop(), _date(art, pack, s), None)
    return None


def _origin(art: ArticleText, dest: str, orgs: list[OrgMention]) -> str | None:
    """The one other organisation the announcing sentence names: where the
    listed people came from."""
    others = {o.name for o in orgs if o.name != dest}
    return others.pop() if len(others) == 1 else None


def _destination(
    art: ArticleText, pack: LanguagePack, kind: str, ts: int, te: int, orgs: list[OrgMention]
) -> str | None:
    """Where the announced people went: a join's object, a hire's agent, or
    what follows a departure's destination word ("dari Foo ke Bar")."""
    if kind == "join":
        after = [o for o in orgs if o.start >= te]
        return after[0].name if after else None
    if kind == "hire":
        before = [o for o in orgs if o.end <= ts]
        return before[0].name if before else None
    if kind == "leave":
        for o in orgs:
            gap = art.body[te : o.start]
            if o.start >= te and (
                pack.rx["switch_to"].search(gap) or pack.rx["dest_prep"].search(gap)
            ):
                return o.name
    return None


def _date(art: ArticleText, pack: LanguagePack, s: Sentence) -> FuzzyDate | None:
    """The sentence's own date, else the last one earlier in its paragraph,
    else (a language without tense) the publication month."""
    own = [d for d in art.dates if s.start <= d.start < s.end]
    if own:
        return own[0].date
    earlier = [
        d.date
        for p in art.sentences
        if p.paragraph == s.paragraph and p.end <= s.start
        for d in art.dates
        if p.start <= d.start < p.end
    ]
    if earlier:
        return earlier[-1]
    if art.published is not None and pack.untensed_is_current:
        return FuzzyDate(art.published.year, art.published.month)
    return None


def _items(body: str, after: int) -> list[tuple[int, int]]:
    """(start, end) of the bulleted lines that follow `after`, blank lines between allowed."""
    out: list[tuple[int, int]] = []
    pos = body.find("\n", after)
    while 0 <= pos < len(body):
        start = pos + 1
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        line = body[start:end]
        if line.strip():
            bullet = _BULLET.match(line)
            if bullet is None or bullet.end() == 0:
                break
            out.append((start + bullet.end(), end))
        pos = end if end < len(body) else -1
    return out


def _item_move(
    art: ArticleText, pack: LanguagePack, gaz: Gazetteer, intro: ListIntro, start: int, end: int
) -> MoveFact | None:
    """The item's leading name moves; its origin is the one it names in
    brackets, else the first other employer named."""
    lead = [p for p in art.persons if start <= p.start <= start + 1]
    if not lead:
        return None
    person = lead[0]
    home = gaz.family(intro.to_org)
    origins = [o.name for o in art.orgs if person.end <= o.start < end and o.name not in home]
    bracket = _bracketed_employer(art, pack, person.end, end)
    if bracket is not None and bracket not in home:
        origins.insert(0, bracket)
    return MoveFact(
        person=person.person,
        from_org=origins[0] if origins else intro.from_org,
        to_org=intro.to_org,
        evidence=art.body[start:end].strip(),  # the item; its list's sentence says "joined"
        evidence_start=start,
        date=intro.date,
        confidence=CONFIDENCE,
        modality=Modality.STATED,
    )


def _bracketed_employer(art: ArticleText, pack: LanguagePack, a: int, end: int) -> str | None:
    """ "- Jane Roe (Foo): ...": a memo names each item's employer in brackets
    right after the name, one the gazetteer may not know; capitalised words,
    none a common noun or a title ("(Forscherin)")."""
    m = _BRACKET.match(art.body, a, end)
    if m is None:
        return None
    known = [o for o in art.orgs if m.start(1) <= o.start < m.end(1)]
    if known:
        return known[0].name
    words = m.group(1).split()
    if any(
        not w[0].isupper() or fold(w) in pack.not_name_words or pack.is_title(fold(w))
        for w in words
    ):
        return None
    return m.group(1)
