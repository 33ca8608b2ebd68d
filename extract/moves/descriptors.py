"""The organisation a person is described at: "OpenAI researcher Jason Wei",
"Jane Doe, a researcher at Foo,", "CEO Windsurf Varun Mohan", "members of
Foo's team, including Jane Roe".  A move's origin when its statement names none."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..analysis import TriggerKind
from ..orgs import OrgMention
from ..people import PersonMention
from ..sentences import Sentence
from .arguments import WORD, preceded_by_at
from .context import MoveContext, fold_word

_TRAILING_COMMA = re.compile(r"\w,\s*$")
_LEADING_POSSESSIVE = re.compile(r"^(?:'s|’s)")


@dataclass(frozen=True, slots=True)
class DescriptorQuery:
    """Whose description to read, and which descriptions count."""

    sentence: Sentence
    mentions: list[PersonMention]  # the people's mentions in the sentence, nearest side first
    allow_former: bool = False  # "a former Foo researcher" counts too
    single: bool = False  # an apposition naming two organisations gives none
    after: bool = False  # the people follow the verb (objects, not subjects)


def descriptor_org(
    ctx: MoveContext,
    s: Sentence,
    names: list[str],
    persons: list[PersonMention],
    ts: int,
    *,
    after: bool = False,
    allow_former: bool = False,
    single: bool = False,
) -> str | None:
    """The organisation a person (or a listed group) is described at,
    unless described as former."""
    mentions = [p for p in persons if p.person in names and s.start <= p.start < s.end]
    if after:
        mentions = [p for p in mentions if p.start >= ts] or mentions
    else:
        mentions = [p for p in mentions if p.start < ts] or mentions
    if not mentions:
        return None
    q = DescriptorQuery(s, mentions, allow_former, single, after)
    # The same description is asked for by several stages (affiliations,
    # origins, promotions): read once per article.
    key = (tuple((p.start, p.person) for p in mentions), allow_former, single, after)
    memo = ctx.doc.descriptions
    if key not in memo:
        memo[key] = _listed_under(ctx, q) or _title_before(ctx, q) or _apposition_after(ctx, q)
    return memo[key]


def _listed_under(ctx: MoveContext, q: DescriptorQuery) -> str | None:
    """ "members of Foo's team, including Jane Roe": the list's organisation."""
    body, s = ctx.body, q.sentence
    for pm in q.mentions:
        inc = ctx.rx["including"].search(body, max(s.start, pm.start - 14), pm.start)
        if inc and not body[inc.end() : pm.start].strip(" ,:"):
            pre = ctx.doc.orgs.within(max(s.start, inc.start() - 80), inc.start())
            if pre:
                return pre[-1].name
    return None


def _title_before(ctx: MoveContext, q: DescriptorQuery) -> str | None:
    """Before a name: ORG ('s)? title-words NAME ("OpenAI-Forscher X" too)."""
    body, s = ctx.body, q.sentence
    for pm in q.mentions:
        # "three Foo founders, A, B and C": the title before the list is each one's.
        start = _list_head(ctx, s, pm).start
        pre = ctx.doc.orgs.within(max(s.start, start - 60), start)
        if not pre:
            continue
        o = pre[-1]
        gap = body[o.end : start]
        if gap.strip() == ",":
            if _titled_org_then_comma(ctx, q, o.start):
                return o.name  # "co-founder of OpenAI, John Doe,"
            continue
        if _TRAILING_COMMA.search(gap) and gap.count(",") == 1:
            gap = gap.rstrip().rstrip(",") + " "  # "Foo's chief executive, Jane Doe"
        if _title_gap(ctx, gap, o.end, pm.start) and (
            q.allow_former
            or not (
                ctx.rx["former"].search(gap)
                or ctx.rx["former"].search(_title_lead(body, s.start, o.start))
            )
        ):
            return o.name
    return None


def _list_head(ctx: MoveContext, s: Sentence, pm: PersonMention) -> PersonMention:
    """The first name of the tight list ("A, B and C") that `pm` stands in."""
    persons = ctx.doc.persons
    first = bisect_left(persons.starts, s.start)
    head = pm
    # Back from the name before `pm`: the list ends at the first gap that is no
    # list's, so a long sentence is not read whole per name.
    for i in range(bisect_left(persons.starts, pm.start) - 1, first - 1, -1):
        p = persons[i]
        if p.end > pm.start:
            continue
        if not ctx.patterns.coord_tight.match(ctx.body[p.end : head.start]):
            break
        head = p
    return head


_TITLE_LEAD_WORDS = 3  # "l'ex dirigente di Google X": the title before the organisation


def _title_lead(body: str, floor: int, org_start: int) -> str:
    """The last few words before an organisation, where "former" qualifies
    the title of a "TITLE of ORG NAME" description."""
    words = body[max(floor, org_start - 40) : org_start].replace("'", " ").split()
    return " ".join(words[-_TITLE_LEAD_WORDS:])


def _titled_org_then_comma(ctx: MoveContext, q: DescriptorQuery, org_start: int) -> bool:
    """ "co-founder of OpenAI, John Doe": a title word just before the organisation."""
    lead = ctx.body[max(q.sentence.start, org_start - 30) : org_start].split()[-3:]
    return any(ctx.pack.is_title(fold_word(w)) for w in lead) and (
        q.allow_former or not ctx.rx["former"].search(" ".join(lead))
    )


def _title_gap(ctx: MoveContext, gap: str, a: int, b: int) -> bool:
    """Between an organisation and a name: at most five words, title words among them."""
    # "OpenAI-Forscher X": the compound's noun is the title word.
    words = [w.strip("’'-") for w in _LEADING_POSSESSIVE.sub("", gap).split()]
    return (
        len(words) <= 5
        and "," not in gap
        and "(" not in gap
        and (not words or any(_titled(ctx, w) for w in words))
        and not ctx.doc.trigger_between(a, b)
        and not ctx.rx["speech"].search(gap)
    )


def _titled(ctx: MoveContext, word: str) -> bool:
    """A title word, singular or plural ("Windsurf founders, A and B")."""
    folded = fold_word(word)
    return ctx.pack.is_title(folded) or (folded.endswith("s") and ctx.pack.is_title(folded[:-1]))


def _apposition_after(ctx: MoveContext, q: DescriptorQuery) -> str | None:
    """After a name: ", ... at/of ORG ...,"."""
    body, s = ctx.body, q.sentence
    for pm in reversed(q.mentions):
        end = _apposition_end(ctx, q, pm)
        if end is None:
            continue
        if ctx.doc.trigger_between(pm.end, end):
            # "X, the former Instacart CEO who joined OpenAI": the description
            # before the relative clause that tells a move.
            end = _before_relative(ctx, pm.end, end) or pm.end
        app = body[pm.end : end]
        if end == pm.end or ctx.doc.trigger_between(pm.end, end) or ctx.rx["speech"].search(app):
            continue
        post = ctx.doc.orgs.within(pm.end, end)
        if ctx.rx["relative"].match(app.lstrip(", ")):
            post = [o for o in post if not _coordinated_object(ctx, pm.end, o)]
        if q.single and len({o.name for o in post}) > 1:
            continue  # "stints at Foo and Bar": no one origin
        if post and (q.allow_former or not ctx.rx["former"].search(app)):
            return post[-1].name if preceded_by_at(ctx, post[-1]) else post[0].name
        owner = None if post else _possessive_owner(ctx, s, pm.start, app)
        if owner is not None:
            return owner
    return None


def _coordinated_object(ctx: MoveContext, clause_start: int, o: OrgMention) -> bool:
    """ "X, che ... guidava il team e ha poi scelto Anthropic": in a relative
    clause, an organisation that is the bare object of a verb after "and"
    is what X did next, not where X is described."""
    if preceded_by_at(ctx, o) or o.modifier or ctx.body.startswith(("'s", "’s"), o.end):
        return False
    words = ctx.body[clause_start : o.start].split()
    return any(ctx.rx["conj"].fullmatch(w.lower()) for w in words[:-1])


def _apposition_end(ctx: MoveContext, q: DescriptorQuery, pm: PersonMention) -> int | None:
    """Where the description opened by a comma after the name ends: the next
    comma, the sentence's end (for a person after the verb), or where a
    present post begins; None when no comma opens one."""
    body, s = ctx.body, q.sentence
    if body[pm.end : pm.end + 1] != ",":
        return None
    end = body.find(",", pm.end + 1)
    if end < 0 or end > s.end:
        end = s.end if body[s.end - 1 : s.end] == "." and q.after else -1
    end = _before_now_at(ctx, pm.end, end if end >= 0 else s.end) or end
    if end < 0:
        # "Ruoming Pang, his former boss at Apple who moved to Meta.": up to
        # the relative clause, with no comma to close the description.
        end = _before_relative(ctx, pm.end, s.end) or -1
    return end if end >= 0 else None


def _before_relative(ctx: MoveContext, a: int, b: int) -> int | None:
    """Where a relative clause inside a description begins (None: no such
    clause in body[a:b], or one right after the comma, which is the whole
    description)."""
    for m in WORD.finditer(ctx.body, a, b):
        if ctx.rx["relative"].fullmatch(m.group().lower()):
            return m.start() if len(ctx.body[a : m.start()].split()) >= _TITLED_WORDS else None
    return None


_TITLED_WORDS = 2  # ", the former Instacart CEO who": a description before the clause


def _before_now_at(ctx: MoveContext, a: int, b: int) -> int | None:
    """ "X, the former Foo chief and now CAIO at Bar": the description ends
    where the present post begins (None: no such post in body[a:b])."""
    trigger = ctx.doc.triggers.first_at(a, b)
    return trigger.start if trigger is not None and trigger.kind is TriggerKind.NOW_AT else None


def _possessive_owner(ctx: MoveContext, s: Sentence, name_start: int, app: str) -> str | None:
    """ "confirmed by OpenAI: X, its head of product": a possessive title
    names the organisation the sentence named before the person."""
    words = app.strip(" ,").split()
    if len(words) < 2 or not ctx.rx["own_possessive"].fullmatch(words[0]):
        return None
    if not any(ctx.pack.is_title(fold_word(w)) for w in words[1:3]):
        return None
    before = [
        o for o in ctx.doc.orgs.within(s.start, name_start) if not ctx.doc.gaz.is_media(o.name)
    ]
    return before[0].name if len({o.name for o in before}) == 1 else None


_DESCRIBED_WITHIN = 3  # descriptions come with a person's first mentions


def former_employer(ctx: MoveContext, names: list[str]) -> str | None:
    """The organisation a person is described at as former anywhere in the
    article ("former GitHub chief Nat Friedman", "Alexandr Wang, eks-CEO
    Scale AI"): described there with former descriptions allowed, and not
    without them."""
    for name in names:
        mentions = ctx.doc.mentions_of(name)[:_DESCRIBED_WITHIN]
        for p in mentions:
            s = ctx.doc.sentence_at(p.start)
            if s is None:
                continue
            any_time = descriptor_org(ctx, s, [name], [p], s.end, allow_former=True)
            if any_time is not None and any_time != descriptor_org(ctx, s, [name], [p], s.end):
                return any_time
    return None
