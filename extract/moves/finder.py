"""Move statements, sentence by sentence: each move verb's handler reads its
arguments; the discourse (who "he" and "they" are) follows the text."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import pairwise

from ..analysis import Analysis
from ..people import PersonMention
from ..sentences import Sentence
from .arguments import ordinal_member, possessive_at, titled_list_gap
from .context import MoveContext, SentenceScope, Site
from .handlers import HANDLERS, nominal_departure
from .hop import Hop
from .patterns import MovePatterns


def find_hops(doc: Analysis, patterns: MovePatterns) -> list[Hop]:
    """Every move statement of the article, in text order."""
    ctx = MoveContext(doc, patterns)
    ctx.nominals = list(doc.pack.rx["leave_nominal"].finditer(doc.body))
    hops: list[Hop] = []
    live = doc.live
    for i, s in enumerate(live):
        if s.heading:
            continue
        scope = SentenceScope(
            s,
            i,
            live[i + 1] if i + 1 < len(live) else None,
            doc.persons.within(s.start, s.end),
            doc.triggers_in(s),
        )
        found = _sentence_hops(ctx, scope)
        hops.extend(found)
        _update_focus(ctx, scope, found)
    _announcement_dates(ctx, live, hops)
    return hops


def _sentence_hops(ctx: MoveContext, scope: SentenceScope) -> list[Hop]:
    s = scope.sentence
    hops: list[Hop] = []
    # The nominals are in text order: only those starting in the sentence are read.
    first = bisect_left(ctx.nominals, s.start, key=lambda m: m.start())
    for m in ctx.nominals[first : bisect_left(ctx.nominals, s.end, first, key=lambda m: m.start())]:
        hops.extend(nominal_departure(ctx, s, m, scope.persons))
    consumed: set[int] = set()  # triggers read as the second half of a chain
    for index, trigger in enumerate(scope.triggers):
        if index in consumed:
            continue
        reading = HANDLERS[trigger.kind](ctx, Site(scope, index))
        consumed.update(reading.consumed)
        hops.extend(reading.hops)
    gapped = _gapped_members(ctx, scope, hops)
    if not gapped:
        return hops
    # A gapped member read as a companion of the last move goes where its own
    # clause says ("..., and Li Wei to Apple"), not with the last move.
    members, to_org = {h.person for h in gapped}, hops[-1].to_org
    return [h for h in hops if h.person not in members or h.to_org != to_org] + gapped


def _gapped_members(ctx: MoveContext, scope: SentenceScope, hops: list[Hop]) -> list[Hop]:
    """ "La première a rejoint OpenAI, la seconde Figma", "Anna Schmidt moved to
    Meta, Jan Roth to Google and Li Wei to Apple": after a comma or a
    conjunction, an ordinal or a name and an organisation (that closes its
    clause) repeat the last move's verb for them."""
    if not hops or hops[-1].to_org is None:
        return []
    last, end = hops[-1], scope.sentence.end
    orgs = ctx.doc.orgs.within(last.pos, end)
    out: list[Hop] = []
    for before, o in pairwise(orgs):
        if not _closes_clause(ctx, scope, o.end, end):
            continue
        member = _ordinal_member(ctx, before.end, o.start) or _named_member(
            ctx, scope, before.end, o.start
        )
        if member is not None:
            out.append(replace(last, person=member, to_org=o.name, from_org=None, from_weak=False))
    return out


def _closes_clause(ctx: MoveContext, scope: SentenceScope, at: int, end: int) -> bool:
    """Nothing after `at` but the sentence's end, a comma, or a conjunction
    before the next name ("... to Google and Li Wei to Apple")."""
    rest = ctx.body[at:end]
    if not rest.strip(" .;") or rest.lstrip(" ").startswith(","):
        return True
    after = next((p for p in scope.persons if p.start >= at), None)
    return (
        after is not None and ctx.patterns.coord_tight.match(ctx.body[at : after.start]) is not None
    )


def _ordinal_member(ctx: MoveContext, after: int, org_start: int) -> str | None:
    """ ", la seconde Figma": the list member an ordinal names."""
    comma = ctx.body.rfind(",", after, org_start)
    return ordinal_member(ctx, ctx.body[comma + 1 : org_start]) if comma >= 0 else None


def _named_member(ctx: MoveContext, scope: SentenceScope, after: int, org_start: int) -> str | None:
    """ ", Jan Roth zu Google", " and Li Wei to Apple": a name right after the
    previous organisation's comma or conjunction, then at most the pack's
    switch preposition before the organisation."""
    p = next((p for p in scope.persons if after <= p.start and p.end <= org_start), None)
    if p is None or not ctx.patterns.coord_tight.match(ctx.body[after : p.start]):
        return None
    rest = ctx.body[p.end : org_start].strip()
    return p.person if not rest or ctx.rx["switch_to"].fullmatch(rest) else None


def _update_focus(ctx: MoveContext, scope: SentenceScope, found: list[Hop]) -> None:
    """The singular focus a later "he"/"ia" refers to: the subject of the
    last move statement, else the sentence's first name unless the
    sentence's subject is itself a pronoun (focus carries over)."""
    ps = scope.persons
    if not ps and not found:
        return
    discourse = ctx.discourse
    subjects = list(dict.fromkeys(h.person for h in found))
    if len(subjects) == 1:
        discourse.focus, discourse.focus_at = subjects, scope.index
    elif (first := _first_non_possessive(ctx, ps)) is not None:
        head = ctx.body[scope.sentence.start : first.start]
        if not ctx.rx["pronoun_singular"].search(head):
            discourse.focus, discourse.focus_at = [first.person], scope.index
    lists = coordinated_lists(ctx, ps)
    if len(subjects) >= 2:
        discourse.group = subjects
    elif lists:
        discourse.group = lists[-1]
    elif (pair := _acting_together(ctx, ps)) is not None:
        discourse.group = pair


def _first_non_possessive(ctx: MoveContext, ps: list[PersonMention]) -> PersonMention | None:
    """The sentence's first name that is no possessive ("Musk's SpaceX" is
    about SpaceX): a later "he" may mean that name."""
    return next((p for p in ps if not possessive_at(ctx.body, p.end)), None)


def _acting_together(ctx: MoveContext, ps: list[PersonMention]) -> list[str] | None:
    """ "X co-founded Foo with Y": the pair a later "the pair"/"keduanya" means."""
    first = ps[0].person if ps else None
    for p in ps[1:]:
        if p.person != first and ctx.rx["co_actor"].search(
            ctx.body, max(ps[0].end, p.start - _CO_ACTOR_REACH), p.start
        ):
            return [first, p.person]  # type: ignore[list-item]
    return None


_CO_ACTOR_REACH = 16  # "with his colleague Y": the link stands just before the name


def coordinated_lists(ctx: MoveContext, ps: list[PersonMention]) -> list[list[str]]:
    """The lists of names a sentence holds ("A, B and C")."""
    lists: list[list[str]] = []
    cur: list[PersonMention] = []
    for p in ps:
        gap = ctx.body[cur[-1].end : p.start] if cur else ""
        if cur and (ctx.patterns.coord_tight.match(gap) or titled_list_gap(ctx, gap)):
            if p.person not in [c.person for c in cur]:
                cur.append(p)
            continue
        if len(cur) >= 2:
            lists.append([c.person for c in cur])
        cur = [p]
    if len(cur) >= 2:
        lists.append([c.person for c in cur])
    return lists


def _announcement_dates(ctx: MoveContext, live: list[Sentence], hops: list[Hop]) -> None:
    """ "X joins Y. The company announced it on June 10.": an undated
    present statement takes the day of an announcement right after it."""
    index = {s.start: i for i, s in enumerate(live)}
    for k, h in enumerate(hops):
        if h.date_explicit or h.date is None:
            continue
        i = index.get(h.sentence.start)
        if i is None:
            continue
        for s in live[i + 1 : i + 3]:
            ds = [d for d in ctx.doc.dates.within(s.start, s.end) if d.date.day]
            if ds and ctx.rx["speech"].search(s.text):
                hops[k] = replace(h, date=ds[0].date, date_explicit=True)
                break
