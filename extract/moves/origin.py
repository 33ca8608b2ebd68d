"""Both ends of a subject-first move: where the mover came from when the verb
names only the destination, and where they went when it names only the
organisation left ("left Foo for Bar", "left Foo to join Bar")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import TriggerKind
from .arguments import after_preposition, first_org, named_next, preceded_by_at
from .context import MoveContext, Site
from .descriptors import descriptor_org

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Origin:
    org: str | None
    weak: bool = False  # inferred from a description, not stated


def origin(
    ctx: MoveContext, site: Site, movers: list[str], obj_end: int, to_org: str | None
) -> Origin:
    """The organisation left, when the statement's own verb does not name it."""
    exclude: set[str | None] = set(ctx.doc.gaz.family(to_org)) if to_org else set()
    org = (
        origin_after_object(ctx, site, obj_end, exclude)
        or _before_clause(ctx, site, obj_end, exclude)
        or _from_before_verb(ctx, site, exclude)
        or _from_inside_verb(ctx, site, exclude)
    )
    if org is not None:
        return Origin(org)
    desc = descriptor_org(ctx, site.sentence, movers, site.persons, site.start)
    if desc is not None and desc not in exclude:
        return Origin(desc, weak=True)
    return Origin(None)


def origin_after_object(
    ctx: MoveContext, site: Site, obj_end: int, exclude: set[str | None]
) -> str | None:
    """ "joined X from Y", "after years at Y"."""
    fp = ctx.rx["from_prep"].search(ctx.body, obj_end, site.next_start)
    if fp and len(_WORDS.findall(ctx.body, obj_end, fp.start())) <= 5:
        org = first_org(ctx, fp.end(), fp.end() + 50, exclude=exclude)
        if org is not None:
            return org.name
    return None


def _before_clause(
    ctx: MoveContext, site: Site, obj_end: int, exclude: set[str | None]
) -> str | None:
    """ "Before joining X, she was a researcher at Y" / "... at Y before joining X"."""
    s, ts = site.sentence, site.start
    if not ctx.rx["before_marker"].search(ctx.body, max(s.start, ts - 15), site.end):
        return None
    # The organisation nearest the "before" clause: the last one before
    # the verb ("worked at Y before joining X"), else the first after it.
    near = ctx.doc.orgs.within(s.start, ts)[::-1] + ctx.doc.orgs.within(obj_end, s.end)
    for o in near:
        if (
            s.start <= o.start < s.end
            and o.name not in exclude
            and not (ts <= o.start < obj_end)
            and preceded_by_at(ctx, o)
        ):
            return o.name
    return None


def _from_before_verb(ctx: MoveContext, site: Site, exclude: set[str | None]) -> str | None:
    """ "three researchers from OpenAI's Zurich office, X, Y and Z"."""
    fp = ctx.rx["from_prep"].search(ctx.body, site.sentence.start, site.start)
    # "X, who had come to Foo from Bar, left": the phrase is the earlier verb's.
    if fp and not site.scope.triggers[: site.index]:
        org = first_org(ctx, fp.end(), fp.end() + 40, exclude=exclude)
        if org is not None and org.end <= site.start:
            return org.name
    return None


def _from_inside_verb(ctx: MoveContext, site: Site, exclude: set[str | None]) -> str | None:
    """A verb bracket spans its from-phrase: "ist von Google zu Meta gewechselt"."""
    fp = ctx.rx["from_prep"].search(ctx.body, site.start, site.end)
    org = first_org(ctx, fp.end(), site.end, exclude=exclude) if fp else None
    return org.name if org is not None and org.end <= site.end else None


@dataclass(frozen=True, slots=True)
class Destination:
    org: str | None
    end: int  # where the statement's arguments now end
    consumed: frozenset[int] = field(default_factory=frozenset)  # later triggers it used


def destination(ctx: MoveContext, site: Site, obj_end: int, from_org: str | None) -> Destination:
    """After a departure: "for Meta", "to join Meta", "dan bergabung dengan Meta"."""
    exclude: set[str | None] = {from_org}
    obj_end = _past_owner(ctx, site, obj_end)
    org = _after_destination_preposition(ctx, site, obj_end, exclude)
    if org is not None:
        return org
    return _chained_join(ctx, site, obj_end, exclude)


def _after_destination_preposition(
    ctx: MoveContext, site: Site, obj_end: int, exclude: set[str | None]
) -> Destination | None:
    s, limit = site.sentence, site.next_start
    if obj_end >= s.end:
        return None
    dp = ctx.rx["dest_prep"].match(ctx.body, obj_end + 1)
    if dp is None and ctx.body.startswith(", ", obj_end):
        # "verließ Google, um zu Meta zu wechseln": a purpose clause after a comma
        dp = ctx.rx["dest_prep"].match(ctx.body, obj_end + 2)
    if dp is None:
        # "left Foo (in) March 2016 for Bar": a date phrase in between.
        d = ctx.doc.dates.first_at(obj_end + 1, min(limit, obj_end + _DATE_LEAD))
        if d is not None and d.end < limit and _date_lead(ctx, obj_end, d.start):
            dp = ctx.rx["dest_prep"].match(ctx.body, d.end + 1)
    if dp:
        org = first_org(ctx, dp.end(), min(limit, dp.end() + 45), exclude=exclude)
        if org is not None:
            return Destination(org.name, org.end)
        framed = _framed_anaphor(ctx, site, dp.end(), min(limit, dp.end() + 45), exclude)
        if framed is not None:
            return framed
    return _switched_to(ctx, obj_end, limit, exclude)


def _framed_anaphor(
    ctx: MoveContext, site: Site, a: int, b: int, exclude: set[str | None]
) -> Destination | None:
    """ "lasciano la società di Altman per entrare nel gruppo": "the group"
    read as the organisation just left cannot be where they went; it is the
    one the story is about."""
    mention = next(iter(ctx.doc.orgs.starting(a, b)), None)
    if mention is None or mention.text == mention.name or mention.name not in exclude:
        return None
    frame = ctx.doc.frames.at(site.start)
    if frame is None or frame in exclude:
        frame = _earlier_subject(ctx, site, exclude)
    return Destination(frame, mention.end) if frame is not None else None


def _earlier_subject(ctx: MoveContext, site: Site, exclude: set[str | None]) -> str | None:
    """The subject-like organisation of the sentence before ("Meta ha messo a
    segno un altro colpo."), when it is not the one left."""
    live = ctx.doc.live
    i = site.scope.index
    if i == 0:
        return None
    prev = live[i - 1]
    for o in ctx.doc.orgs.within(prev.start, prev.end):
        if o.name not in exclude and not after_preposition(ctx, o, prev.start):
            return o.name
    return None


def _past_owner(ctx: MoveContext, site: Site, obj_end: int) -> int:
    """ "left the company of Sam Altman for Meta": a person named as the
    organisation's owner belongs to it; the destination comes after."""
    nc = ctx.rx["noun_complement"].match(ctx.body, obj_end + 1)
    if nc is None:
        return obj_end
    for p in site.persons:
        if nc.end() <= p.start and not ctx.body[nc.end() : p.start].strip(" '’"):
            return p.end
    return obj_end


def _switched_to(
    ctx: MoveContext, obj_end: int, limit: int, exclude: set[str | None]
) -> Destination | None:
    """ "moved from Google to Apple": the organisation right after "to"."""
    sw = ctx.rx["switch_to"].match(ctx.body, obj_end + 1)
    if sw is None:
        return None
    org = first_org(ctx, sw.end(), limit, exclude=exclude, near=20)
    if org is None or len(ctx.body[sw.end() : org.start].split()) > 1:
        return None
    return Destination(org.name, org.end)


# "left Foo at the end of 2024 for Bar": the date's own lead-in words.
_DATE_LEAD = 24


def _date_lead(ctx: MoveContext, a: int, b: int) -> bool:
    """Nothing, a preposition, or a few lowercase words leading into a date
    ("a finales de", "at the end of")."""
    words = ctx.body[a:b].split()
    return preposition_or_nothing(ctx, a, b) or (
        len(words) <= 4 and all(w.isalpha() and w.islower() for w in words)
    )


def preposition_or_nothing(ctx: MoveContext, a: int, b: int) -> bool:
    words = ctx.body[a:b].split()
    return not words or (len(words) == 1 and bool(ctx.rx["prepositions"].fullmatch(words[0])))


def _chained_join(
    ctx: MoveContext, site: Site, obj_end: int, exclude: set[str | None]
) -> Destination:
    """A join/found trigger right after, in the same clause, no new name between."""
    triggers = site.scope.triggers
    for tj in range(site.index + 1, len(triggers)):
        kind, ts2, te2 = triggers[tj]
        gap = ctx.body[obj_end:ts2]
        if kind not in _CHAINABLE or "," in gap or ";" in gap:
            break
        if any(obj_end <= p.start < ts2 for p in site.persons):
            break
        if kind == TriggerKind.LEAVE:
            continue
        nxt = triggers[tj + 1].start if tj + 1 < len(triggers) else site.sentence.end
        used = frozenset(range(site.index + 1, tj + 1))
        org = first_org(ctx, te2, nxt, exclude=exclude, near=90)
        if org is None and kind == TriggerKind.FOUND:
            org = named_next(ctx, te2, site.scope.following)
        if org is not None:
            return Destination(org.name, org.end, used)
        framed = _framed_anaphor(ctx, site, te2, nxt, exclude)
        if framed is not None:
            return Destination(framed.org, framed.end, used)
        return Destination(None, obj_end, used)
    return Destination(None, obj_end)


# "left Foo and now leads research at Bar": a post there is where they went.
_CHAINABLE = frozenset({TriggerKind.JOIN, TriggerKind.FOUND, TriggerKind.LEAVE, TriggerKind.NOW_AT})
