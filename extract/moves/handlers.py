"""One handler per trigger kind: each reads its verb's arguments into a
`Statement`, and `emit` gives every statement its modality, date and hops.

  join / found        SUBJECT trigger ORG       ("X joined Meta", "X founded Foo")
  leave               SUBJECT trigger ORG       (destination may follow: "for Y",
                                                  "to join Y")
  leave_noobj         SUBJECT trigger           (org = the subject's descriptor)
  hire_passive        PERSON trigger [by] ORG
  hire / lose         AGENT-ORG trigger PERSONS  ("Meta hired X and Y")
  found_passive       ORG trigger PERSON          ("Foo was co-founded by X")
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from ..analysis import TriggerKind
from ..orgs import OrgMention
from ..people import PersonMention
from ..sentences import Sentence
from ..types import FuzzyDate
from . import arguments as args
from .context import MoveContext, Site
from .descriptors import descriptor_org, former_employer
from .hop import Hop
from .origin import destination, origin, origin_after_object, preposition_or_nothing
from .qualities import DateWindow, modality, role, statement_date


@dataclass(slots=True)
class Statement:
    """Who moved where according to one move verb, before its qualities."""

    site: Site
    movers: list[str]
    from_org: str | None
    to_org: str | None
    region_start: int  # the statement's clause: modality and tense are read from here
    args_end: int  # ... up to the end of its arguments
    window: DateWindow
    roles: dict[str, str | None] = field(default_factory=dict)
    returning: bool = False
    chained: bool = False  # departure and destination in one statement
    from_weak: bool = False
    companions: tuple[str, ...] = ()  # moved "along with" the first mover


@dataclass(slots=True)
class Reading:
    """What a handler made of its trigger, and the later triggers it used up."""

    hops: list[Hop] = field(default_factory=list)
    consumed: frozenset[int] = frozenset()


Handler = Callable[[MoveContext, Site], Reading]


def emit(ctx: MoveContext, st: Statement) -> list[Hop]:
    """The statement's hops, with its modality and date; none when it is no move."""
    site = st.site
    how = modality(ctx, site.sentence, st.region_start, st.args_end, site.start)
    if how is None:
        return []
    when = statement_date(ctx, st.window)
    lead = st.movers[0]
    own = _own_dates(ctx, site.sentence, st.movers) if len(st.movers) > 1 else {}
    return [
        Hop(
            name,
            st.from_org,
            st.to_org,
            site.sentence,
            site.start,
            site.kind,
            own.get(name, when.date),
            when.explicit or name in own,
            st.roles.get(name),
            how,
            st.chained,
            returning=st.returning,
            from_weak=st.from_weak,
            companion_of=lead if name in st.companions else None,
            date_now=when.tensed_now and name not in own,
        )
        for name in st.movers
    ]


# After a listed name's own date: "A, in May, and B, in August, left Foo".
_OWN_DATE_END = re.compile(r"\s*(?:[,;.]|$)")


def _ends_list_item(ctx: MoveContext, at: int) -> bool:
    """A list item ends here: a comma or stop, or "and" before the next name."""
    if _OWN_DATE_END.match(ctx.body, at):
        return True
    words = ctx.body[at : at + 12].split()
    return bool(words) and bool(ctx.rx["conj"].fullmatch(words[0]))


def _own_dates(ctx: MoveContext, sentence: Sentence, movers: list[str]) -> dict[str, FuzzyDate]:
    """Dates set beside each name of a list of movers, which say when that one
    moved: "Ilya Sutskever, em maio, e John Schulman, em agosto". A name with
    no date of its own keeps the statement's."""
    own: dict[str, FuzzyDate] = {}
    dates = ctx.doc.dates.within(sentence.start, sentence.end)
    for mention in ctx.doc.persons.within(sentence.start, sentence.end):
        if mention.person not in movers or mention.person in own:
            continue
        for told in dates:
            if told.start < mention.end:
                continue
            if args.date_beside_name(ctx, mention.end, told.start) and _ends_list_item(
                ctx, told.end
            ):
                own[mention.person] = told.date
            break  # only the first date after the name can be its own
    return own if len(own) > 1 else {}


def _previous_trigger_end(ctx: MoveContext, site: Site) -> int:
    """Where a date before the verb may start: after the previous move verb
    of the sentence and, when that verb opens a relative clause, after the
    comma closing it ("X, who left Foo in 2024, joins Bar": 2024 is the
    departure's)."""
    i = site.index
    if i == 0:
        return site.sentence.start
    prev = site.scope.triggers[i - 1]
    lead = max(site.sentence.start, prev.start - 12)
    # "X, who left Foo in 2024, joins", "Meta, which lost X in May, has hired".
    rel = ctx.rx["relative"].search(ctx.body, lead, prev.start) or ctx.rx["relative_org"].search(
        ctx.body, lead, prev.start
    )
    close = ctx.body.find(", ", prev.end, site.start)
    return close + 2 if rel and close >= 0 else prev.end


def _returning(ctx: MoveContext, site: Site) -> bool:
    return bool(ctx.rx["return"].match(ctx.body, site.start))


# ---------------------------------------------------------------- subject first
@dataclass(frozen=True, slots=True)
class ObjectReading:
    """The organisation(s) a subject-first verb names."""

    end: int  # where the verb's arguments end
    from_org: str | None = None
    to_org: str | None = None
    chained: bool = False
    consumed: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Subject:
    names: list[str]
    start: int  # of the first name before the verb (else the verb)
    # "Apple's head of design quit": the organisation a description names
    # in the subject slot, where no name stands.
    described_at: str | None = None


ObjectReader = Callable[[MoveContext, Site, Subject], ObjectReading | None]


def _hire_passive_object(ctx: MoveContext, site: Site, subject: Subject) -> ObjectReading | None:
    """ "X was hired by Foo", "X was poached" (the organisation the clause names)."""
    org = args.first_org(ctx, site.end, site.next_start, exclude=set(), near=60)
    if org is None:  # no agent named: the organisation the clause names
        org = args.first_org(ctx, site.end, site.sentence.end, exclude=set())
    if org is None:
        return None
    taken = _taken_from(ctx, site, org)
    if taken is not None:
        return taken
    end = org.end
    comma = ctx.body.find(", ", site.end, end)
    if comma > 0:
        end = comma  # the clause ends there; its modality is its own
    return ObjectReading(end, to_org=org.name)


def _taken_from(ctx: MoveContext, site: Site, org: OrgMention) -> ObjectReading | None:
    """ "X was poached from Foo by Bar", "è stato strappato a Foo da Bar": the
    organisation after a from-preposition is the one left, the agent after it."""
    a = site.end
    while a < org.start and ctx.body[a].isspace():
        a += 1
    if a >= org.start or not ctx.rx["from_prep"].fullmatch(ctx.body, a, org.start - 1):
        return None
    agent = args.first_org(ctx, org.end, site.next_start, exclude={org.name}, near=30)
    if agent is None:  # "was poached from Foo": a departure, by nobody named
        return ObjectReading(org.end, from_org=org.name)
    return ObjectReading(agent.end, from_org=org.name, to_org=agent.name)


def _join_object(ctx: MoveContext, site: Site, subject: Subject) -> ObjectReading | None:
    """ "X joined Foo", "X founded Foo", "Foo announced that X joins"."""
    # "DensityAI, a start-up that X founded after leaving Tesla": the verb's
    # object is what its object relative pronoun stands for.
    org = args.relative_antecedent(ctx, site.sentence, site.start)
    if org is None:
        org = args.first_org(ctx, site.end, site.next_start, exclude=set(), near=90)
    if org is None:  # "is Helix AI's new CTO": the post's organisation stands before it
        org = args.possessor_before(ctx, site.start)
    if org is None:
        org = args.fronted_destination(ctx, site.sentence, site.start)
    if org is None and site.kind == TriggerKind.FOUND:
        org = args.named_next(ctx, site.end, site.scope.following)
    elif org is None:  # "Foo said X joins"; but "Foo said ... X co-founded" is no founding of Foo
        org = args.announcer(ctx, site.sentence, subject.start)
    if org is None or not args.org_itself(ctx, org):
        return None
    if site.kind == TriggerKind.FOUND and _founded_elsewhere(ctx, site, org):
        return None  # "launched a product at Google": Google was not founded
    if ctx.rx["from_prep"].fullmatch(ctx.body[site.end : org.start].strip()):
        return _joined_from(ctx, site, org)
    return ObjectReading(max(org.end, site.end), to_org=org.name)


def _joined_from(ctx: MoveContext, site: Site, origin: OrgMention) -> ObjectReading:
    """ "X joins from Microsoft": the organisation named is the one left; the
    one joined is what the article or its section is about."""
    family = ctx.doc.gaz.family(origin.name)
    frame = ctx.doc.frames.at(site.start) or _previous_subject_org(ctx, site)
    to_org = frame if frame and frame not in family else None
    return ObjectReading(origin.end, from_org=origin.name, to_org=to_org)


def _previous_subject_org(ctx: MoveContext, site: Site) -> str | None:
    """ "Helix AI has a new chief scientist. Ann Lee joins from Google.": the
    organisation the sentence before is about."""
    i = site.scope.index
    if i == 0:
        return None
    before = ctx.doc.live[i - 1]
    org = args.org_before(ctx, before, before.end)
    return org.name if org is not None else None


def _now_at_object(ctx: MoveContext, site: Site, subject: Subject) -> ObjectReading | None:
    """ "Former GitHub chief X now runs Y", "X now runs Y after nine years at
    Z": a move to Y, from the former employer described or stated; someone
    with neither is just at Y."""
    obj = _join_object(ctx, site, subject)
    if obj is None or obj.to_org is None:
        return None
    family = ctx.doc.gaz.family(obj.to_org)
    former = former_employer(ctx, subject.names) or origin_after_object(
        ctx, site, obj.end, set(family)
    )
    if former is None or former in family:
        return None
    return ObjectReading(obj.end, from_org=former, to_org=obj.to_org)


def _founded_elsewhere(ctx: MoveContext, site: Site, org: OrgMention) -> bool:
    return org.start > site.end and any(
        ctx.rx["prepositions"].fullmatch(w) for w in ctx.body[site.end : org.start].split()
    )


def _leave_object(ctx: MoveContext, site: Site, subject: Subject) -> ObjectReading | None:
    """ "X left Foo (for Bar)", "X resigned (as CEO of Foo)"."""
    left = _organisation_left(ctx, site)
    if left is None:
        return None  # "left Meta's board", "left the stage": not an employer
    from_org, end = left
    if from_org is None:
        from_org = _described_origin(ctx, site, subject)
        end = _past_inverted_subject(ctx, site, subject, end)
    dest = destination(ctx, site, end, from_org)
    if dest.org is None:
        return ObjectReading(end, from_org=from_org, consumed=dest.consumed)
    return ObjectReading(dest.end, from_org, dest.org, chained=True, consumed=dest.consumed)


def _past_inverted_subject(ctx: MoveContext, site: Site, subject: Subject, end: int) -> int:
    """ "En mayo salió X, cofundador, para crear Y": a subject (and its
    apposition) right after a verb with no object stands before the destination."""
    at = end + 1
    named = [p for p in site.persons if p.start == at and p.person in subject.names]
    if not named:
        return end
    app = _APPOSITION.match(ctx.body, named[0].end)
    return app.end() if app else named[0].end


_APPOSITION = re.compile(r",[^,;.]{1,60},")


def _organisation_left(ctx: MoveContext, site: Site) -> tuple[str | None, int] | None:
    """The organisation the verb names as left and where it ends; None when
    the object is something else."""
    if site.kind == TriggerKind.LEAVE:
        org = args.first_org(ctx, site.end, site.next_start, exclude=set(), near=60)
        if org is not None and ctx.rx["dest_prep"].match(ctx.body, site.end + 1):
            org = None  # "quit for Meta": the organisation after is where they went
        if org is not None:
            lead = _destination_lead(ctx, site.end, org.start)
            if lead is not None:
                return None, lead  # "left London in March for Meta": Meta is where they went
            return (org.name, org.end) if args.org_itself(ctx, org) else None
        if args.other_object(ctx, site.end) or _unknown_name_after(ctx, site.end):
            return None
        return None, site.end
    # "is stepping down as chief executive of Foo"
    intro = ctx.patterns.role.match(ctx.body, site.end + 1)
    if intro:
        org = args.first_org(ctx, intro.start("role"), site.next_start, set(), near=70)
        if org is not None:
            return org.name, org.end
    if args.literal_complement(ctx, site.end):
        return None  # "quitte le navire de croisière", "quit his diet"
    return None, site.end


def _destination_lead(ctx: MoveContext, a: int, org_start: int) -> int | None:
    """Where the words before the organisation end when they close with a
    destination preposition ("left London in March for Meta"): the
    organisation is where the person went, not the object left."""
    for m in ctx.rx["dest_prep"].finditer(ctx.body, a + 1, org_start):
        if not ctx.body[m.end() : org_start].strip():
            return m.start() - 1
    return None


def _unknown_name_after(ctx: MoveContext, te: int) -> bool:
    """ "left Tokyo": a capitalised object that is no organisation we know."""
    word = ctx.body[te : te + 40].split()[:1]
    return bool(word) and word[0][:1].isupper()


def _described_origin(ctx: MoveContext, site: Site, subject: Subject) -> str | None:
    """A departure naming no organisation: the mover's description, else the announcer."""
    s, orgs = site.sentence, ctx.doc.orgs
    noobj = site.kind == TriggerKind.LEAVE_NOOBJ
    # "mantan CTO Foo, X, mengundurkan diri": resigning made the description
    # former; only when nothing else is named after.
    bare = (
        noobj
        and len({o.name for o in orgs.within(s.start, s.end)}) == 1
        and not orgs.within(site.end, site.next_start)
        and not ctx.rx["from_prep"].search(ctx.body, site.end, site.next_start)
    )
    org = descriptor_org(ctx, s, subject.names, site.persons, site.start)
    if org is None and bare:
        org = descriptor_org(
            ctx, s, subject.names, site.persons, site.start, allow_former=True, single=True
        )
        if org is not None and not ctx.doc.left_former_employer(subject.names[0], org, site.start):
            org = None
    if org is None and noobj:
        # "The company confirmed that X resigned": from the announcer,
        # unless it is a newsroom reporting on someone else.
        ann = args.announcer(ctx, s, subject.start)
        if ann is not None and not ctx.doc.gaz.is_media(ann.name):
            org = ann.name
    return org


def _subject(ctx: MoveContext, site: Site) -> Subject | None:
    names = args.subjects(ctx, site.scope, site.start)
    if site.kind is TriggerKind.NOW_AT:
        # "with Z and with X, ex-CEO of Foo and now CAIO of Bar": the post is X's alone.
        names = args.open_apposition_head(ctx, site.scope, site.start) or names
    if not names and ctx.pack.subject_after_verb:
        names = args.inverted_subject(ctx, site.start, site.end, site.persons)
    if ctx.pack.subject_may_follow and (
        not names or args.in_fronted_phrase(ctx, site.scope, site.start, names)
    ):
        names = args.postverbal_subject(ctx, site.scope, site.end) or names
    if not names and ctx.pack.null_subject:
        names = args.dropped_subject(ctx, site.scope, site.start)
    if not names:
        return None
    start = _first_named_before(ctx, site, names)
    return Subject(names, start, _description_org(ctx, site) if start == site.start else None)


def _first_named_before(ctx: MoveContext, site: Site, names: list[str]) -> int:
    """Where the sentence first names one of `names` before the verb (else the
    verb's start), through each person's own mentions: the sentence's names are
    `doc.persons.within(sentence)`, those starting in it and ending in it."""
    s, start = site.sentence, site.start
    for name in names:
        mentions = ctx.doc.mentions_of(name)
        i = bisect_left(mentions, s.start, key=lambda p: p.start)
        while i < len(mentions) and mentions[i].start < start:
            if mentions[i].end <= s.end:
                start = mentions[i].start
                break
            i += 1
    return start


def _description_org(ctx: MoveContext, site: Site) -> str | None:
    """The one organisation named in the clause before the verb, when that
    clause is the subject itself (no other verb of a move stands in it:
    "joined Foo and resigned" describes nobody)."""
    start = args.clause_start(site.sentence, site.start)
    if ctx.doc.trigger_between(start, site.start):
        return None
    # "SAN FRANCISCO (Reuters) – ...": a dateline's publication is nobody's employer.
    orgs = [o for o in ctx.doc.orgs.within(start, site.start) if not ctx.doc.gaz.is_media(o.name)]
    return orgs[0].name if len({o.name for o in orgs}) == 1 else None


def _subject_first(read_object: ObjectReader) -> Handler:
    """A handler for a verb whose subject moves: SUBJECT verb ORG."""

    def handle(ctx: MoveContext, site: Site) -> Reading:
        subject = _subject(ctx, site)
        if subject is None:
            return Reading()
        obj = read_object(ctx, site, subject)
        if obj is None:
            return Reading()
        st = _subject_statement(ctx, site, subject, obj)
        return Reading(emit(ctx, st) if st else [], obj.consumed)

    return handle


def _object_clause_start(ctx: MoveContext, a: int, limit: int) -> int:
    """ "joined OpenAI in 2022, where lately he led ...", "left in May; in
    August, ...": a date in a clause about the object, or in the next
    clause, is that clause's, not the move's."""
    end = _CLAUSE_BREAK.search(ctx.body, a, limit)
    limit = end.start() if end else limit
    for m in _OBJECT_CLAUSE.finditer(ctx.body, a, limit):
        if _about_the_object(ctx, m.end()) and not _date_after_aside(ctx, m.end(), limit):
            return m.start()
    return limit


def _about_the_object(ctx: MoveContext, at: int) -> bool:
    """ ", where ...", ", la start-up née en 2021", ", a startup founded in 2021":
    a clause or an apposition about the organisation just named."""
    if ctx.rx["object_clause"].match(ctx.body, at):
        return True
    lead = _KIND_LEAD.match(ctx.body, at)
    kind = ctx.rx["org_kind"].match(ctx.body, lead.end() if lead else at)
    # ", the company said on Monday": the organisation speaking, not described.
    return kind is not None and not ctx.rx["speech"].match(ctx.body, kind.end() + 1)


# A short determiner before a kind word ("a startup", "une start-up"); the
# packs' kind words that carry their own ("la start-up") match without it.
_KIND_LEAD = re.compile(r"(?:an?|the|une?|uma?|una?|ein(?:e|en)?|sebuah)\s+", re.IGNORECASE)


def _date_after_aside(ctx: MoveContext, a: int, limit: int) -> bool:
    """ "left Instagram, which Facebook owned by then, in 2018": the clause
    about the object closes with a comma, and the date after it is the move's."""
    close = ctx.body.find(",", a, limit)
    if close < 0:
        return False
    date = ctx.doc.dates.first_at(close + 1, limit)
    return date is not None and preposition_or_nothing(ctx, close + 1, date.start)


_OBJECT_CLAUSE = re.compile(r",\s*")
_CLAUSE_BREAK = re.compile(r";\s")


def _subject_statement(
    ctx: MoveContext, site: Site, subject: Subject, obj: ObjectReading
) -> Statement | None:
    from_org, to_org, weak = obj.from_org, obj.to_org, False
    if from_org is None:
        found = origin(ctx, site, subject.names, obj.end, to_org)
        from_org, weak = found.org, found.weak
    if from_org is None and subject.described_at not in (None, to_org):
        # "the former OpenAI chief scientist founded Foo" says where they came
        # from; "the OpenAI researcher" only who they are.
        from_org, weak = subject.described_at, not _former_description(ctx, site)
    if from_org is None and to_org is not None and _promotion(ctx, site, subject, to_org):
        return None
    if from_org is not None and from_org == to_org:
        from_org = None
    companions = _companions(ctx, site, subject, obj.end, to_org)
    if companions.org not in (None, to_org) and (from_org is None or weak):
        from_org, weak = companions.org, False  # "came to Foo with fellow Bar co-founders"
    region_start = args.clause_start(site.sentence, subject.start)
    last = max(obj.consumed, default=site.index)
    triggers = site.scope.triggers
    after_last = triggers[last + 1].start if last + 1 < len(triggers) else site.sentence.end
    window = DateWindow(
        site.sentence,
        site.start,
        after_limit=_object_clause_start(ctx, obj.end, max(after_last, obj.end)),
        before_floor=max(_previous_trigger_end(ctx, site), site.sentence.start),
        region_start=region_start,
        end=obj.end,
    )
    send = site.sentence.end
    title = role(ctx, site.end, send if obj.chained else site.next_start, send)
    movers = subject.names + list(companions.names)
    return Statement(
        site,
        movers,
        from_org,
        to_org,
        region_start,
        obj.end,
        window,
        roles=dict.fromkeys(movers, title),
        returning=_returning(ctx, site),
        chained=obj.chained,
        from_weak=weak,
        companions=companions.names,
    )


def _former_description(ctx: MoveContext, site: Site) -> bool:
    clause = ctx.body[args.clause_start(site.sentence, site.start) : site.start]
    return ctx.rx["former"].search(clause) is not None


def _promotion(ctx: MoveContext, site: Site, subject: Subject, to_org: str) -> bool:
    """ "Foo's CFO Jane Roe has been appointed CEO of Foo": no move."""
    if ctx.rx["return"].match(ctx.body, site.start):
        return False
    if subject.start == site.start and ctx.patterns.relative_after is not None:
        return False  # "加入字节的 CFO 高准": the object describes the head, who moved
    if _described_as_own(ctx, site, subject):
        return True  # "Foo said Jane Roe, its head of sales, had become CEO"
    desc = descriptor_org(ctx, site.sentence, subject.names, site.persons, site.start)
    return desc is not None and desc in ctx.doc.gaz.family(to_org)


def _described_as_own(ctx: MoveContext, site: Site, subject: Subject) -> bool:
    """The subject's apposition opens with the organisation's own possessive
    ("Jane Roe, its head of sales,"): someone already there."""
    for p in site.persons:
        if p.person in subject.names and p.end <= site.start:
            app = ctx.body[p.end : p.end + 30]
            if app.startswith(",") and ctx.rx["own_possessive"].match(app.lstrip(", ")):
                return True
    return False


def _companions(
    ctx: MoveContext, site: Site, subject: Subject, obj_end: int, to_org: str | None
) -> args.Companions:
    """ "X joined Meta along with Y": Y moves too, from where X came."""
    if not site.kind.arrives or to_org is None:
        return args.Companions()
    found = args.comitative(ctx, obj_end, site.sentence.end, site.persons)
    return args.Companions(tuple(n for n in found.names if n not in subject.names), found.org)


# ---------------------------------------------------------------- agent first
@dataclass(frozen=True, slots=True)
class Objects:
    """The people an agent-first verb names, and where they end."""

    mentions: list[PersonMention]
    end: int
    indefinite: bool  # "hired a researcher. Jane Roe ...": named in the next sentence

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(p.person for p in self.mentions))


@dataclass(frozen=True, slots=True)
class Sides:
    from_org: str | None
    to_org: str | None
    from_weak: bool = False


SidesReader = Callable[[MoveContext, Site, OrgMention | None, Objects], Sides | None]


def _last_ending_by(persons: list[PersonMention], pos: int) -> PersonMention | None:
    """The last (in text order) of `persons` ending at or before `pos`: looked for
    back from `pos`, not by a pass over all the sentence's names."""
    for i in range(bisect_left(persons, pos, key=lambda p: p.start) - 1, -1, -1):
        if persons[i].end <= pos:
            return persons[i]
    return None


def _agent(ctx: MoveContext, site: Site) -> OrgMention | None:
    earlier = [t.end for t in site.scope.triggers[: site.index]]
    agent = args.org_before(ctx, site.sentence, site.start, earlier)
    person_before = _last_ending_by(site.persons, site.start)
    if agent is not None and person_before is not None and person_before.start > agent.end:
        between = ctx.body[person_before.end : site.start]
        # "Zuckerberg hired ...": the agent is a person; not one inside a clause
        # of the organisation's own ("Meta, which lost X to Google, has hired").
        if not ctx.rx["relative"].search(between) and "," not in between:
            return None
    return agent


def _objects(ctx: MoveContext, site: Site) -> Objects | None:
    found = args.objects(ctx, site.persons, site.end, site.next_start)
    if found:
        return Objects(found, found[-1].end, indefinite=False)
    following = site.scope.following
    if site.kind != TriggerKind.HIRE or following is None:
        return None
    indef = ctx.rx["indef_person"].match(ctx.body, ctx.body.find(" ", site.end) + 1)
    if not indef:
        return None
    lead = ctx.doc.persons.within(following.start, following.end)[:1]
    lead = [p for p in lead if p.start == following.start]
    return Objects(lead[:1], indef.end(), indefinite=True) if lead else None


def _hire_sides(
    ctx: MoveContext, site: Site, agent: OrgMention | None, objs: Objects
) -> Sides | None:
    """AGENT hired PERSONS (from ORIGIN)."""
    to_org = (
        agent.name
        if agent is not None
        else _hired_at(ctx, site, objs.end) or _hiring_person_employer(ctx, site)
    )
    if to_org is None:
        return None
    from_org: str | None = None
    fp = ctx.rx["from_prep"].search(ctx.body, site.end, site.next_start)
    if fp:
        org = args.first_org(ctx, fp.end(), fp.end() + 40, exclude={to_org})
        if org is not None:
            from_org = org.name
    if from_org is None:
        from_org = _origin_before_verb(ctx, site, agent, to_org)
    if from_org is None and agent is not None:
        from_org = _worked_at_after_objects(ctx, site, objs, to_org)
    if from_org is not None or objs.indefinite:
        return Sides(from_org, to_org)
    from_org = _hired_from_description(ctx, site, objs)
    if from_org is not None and from_org in ctx.doc.gaz.family(to_org):
        return None  # the agent promotes its own employee
    if _internal_appointment(ctx, site, objs.mentions[0]):
        return None
    return Sides(from_org, to_org, from_weak=from_org is not None)


def _worked_at_after_objects(
    ctx: MoveContext, site: Site, objs: Objects, to_org: str
) -> str | None:
    """ "Meta a débauché X chez Scale AI", "hat X bei OpenAI abgeworben": the
    organisation right after the people hired, other than the hirer, is
    where they worked."""
    if "hire_origin" not in ctx.rx:
        return None
    prep = ctx.rx["hire_origin"].match(ctx.body, objs.end + 1)
    if prep is None:
        return None
    org = args.first_org(ctx, prep.end(), site.next_start, exclude={to_org}, near=20)
    return org.name if org is not None and org.start == prep.end() + 1 else None


_ORIGIN_GAP = 3  # spaces between the origin and the verb: "從阿里巴巴挖來", "von Google abgeworben"


def _origin_before_verb(
    ctx: MoveContext, site: Site, agent: OrgMention | None, to_org: str
) -> str | None:
    """ "字節跳動從阿里巴巴挖來了X", "hat X von Google abgeworben": the origin
    stands right before the hiring verb, after its preposition."""
    start = agent.end if agent is not None else site.sentence.start
    preps = list(ctx.rx["from_prep"].finditer(ctx.body, start, site.start))
    if not preps:
        return None
    fp = preps[-1]  # the last one before the verb
    org = args.first_org(ctx, fp.end(), site.start, exclude={to_org})
    if org is None or ctx.body[fp.end() : org.start].strip():
        return None
    gap = ctx.body[org.end : site.start]
    return org.name if len(gap) <= _ORIGIN_GAP and not gap.strip() else None


def _hired_at(ctx: MoveContext, site: Site, obj_end: int) -> str | None:
    """ "X hired Y to serve as Z at ORG": the org the role is at; not one in
    a relative clause about Y ("hat X abgeworben, der zuvor bei OpenAI ..."),
    which tells where Y was."""
    limit = obj_end if _relative_clause_after(ctx, obj_end) is not None else site.next_start
    at = [
        o
        for o in ctx.doc.orgs.within(obj_end, site.sentence.end)
        if o.start < limit and args.preceded_by_at(ctx, o)
    ]
    return at[0].name if at else None


def _hiring_person_employer(ctx: MoveContext, site: Site) -> str | None:
    """ "CEO Jane Roe hired X": the organisation the hiring person is described
    at, or the one a well-known head leads ("Zuckerberg poached X")."""
    start = args.clause_start(site.sentence, site.start)
    hirers = [p for p in site.persons if start <= p.start and p.end <= site.start]
    if not hirers:
        return _head_named_alone(ctx, start, site.start)
    if len(hirers) != 1 or ctx.body[hirers[0].end : site.start].count(",") > 1:
        return None
    hirer = hirers[0].person
    return ctx.doc.affiliations.get(hirer) or ctx.doc.gaz.led_by(hirer)


def _head_named_alone(ctx: MoveContext, start: int, verb: int) -> str | None:
    """ "Zuckerberg personally recruited X": a well-known head named by
    surname alone, the one capitalised word of the clause before the verb."""
    capitalised = [w for w in ctx.body[start:verb].split() if w[:1].isupper()]
    if len(capitalised) != 1:
        return None
    return ctx.doc.gaz.led_by(capitalised[0].rstrip(",'’s"))


def _hired_from_description(ctx: MoveContext, site: Site, objs: Objects) -> str | None:
    s, names = site.sentence, objs.names
    org = descriptor_org(ctx, s, names, site.persons, site.start, after=True)
    if org is None and len(names) == 1:
        # "hired Jane Roe, a former Foo researcher": her last employer.
        org = descriptor_org(
            ctx, s, names, site.persons, site.start, after=True, allow_former=True, single=True
        )
    return org


def _internal_appointment(ctx: MoveContext, site: Site, first: PersonMention) -> bool:
    """ "hired Jane Roe, its head of sales, as president"; "named Jane Roe,
    who had served as its CFO, president": a promotion, not a hire."""
    body = ctx.body
    app = body[first.end : first.end + 30]
    if not app.startswith(","):
        return False
    if ctx.rx["own_possessive"].match(app.lstrip(", ")):
        return True
    if ctx.rx["relative"].match(app.lstrip(", ")):
        close = body.find(",", first.end + 1, site.sentence.end)
        rel = body[first.end : close if close > 0 else site.sentence.end]
        return bool(ctx.rx["stay"].search(rel))
    return False


def _lose_sides(
    ctx: MoveContext, site: Site, agent: OrgMention | None, objs: Objects
) -> Sides | None:
    """AGENT lost PERSONS (to RIVAL)."""
    if agent is None:
        return None
    to_org: str | None = None
    dest = ctx.rx["lose_to"].match(ctx.body, objs.end + 1)
    if dest:
        org = args.first_org(ctx, dest.end(), site.next_start, exclude={agent.name}, near=30)
        if org is not None:
            to_org = org.name
    return Sides(agent.name, to_org)


def _agent_first(read_sides: SidesReader) -> Handler:
    """A handler for a verb whose object moves: AGENT verb PERSONS."""

    def handle(ctx: MoveContext, site: Site) -> Reading:
        agent = _agent(ctx, site)
        objs = _objects(ctx, site)
        if objs is None:
            return Reading()
        sides = read_sides(ctx, site, agent, objs)
        if sides is None:
            return Reading()
        return Reading(emit(ctx, _agent_statement(ctx, site, agent, objs, sides)))

    return handle


def _relative_clause_after(ctx: MoveContext, objs_end: int) -> int | None:
    """Where the words of a relative clause about the objects start
    (", who ...", ", der zuvor ..."), if one follows them."""
    comma = _CLAUSE_AFTER_OBJECTS.match(ctx.body, objs_end)
    if comma is None or not ctx.rx["relative"].match(ctx.body, comma.end()):
        return None
    return comma.end()


# The comma after the objects, past one lowercase word that closes their
# clause: German's participle or particle ("hat X abgeworben, der zuvor ...").
_CLAUSE_AFTER_OBJECTS = re.compile(r"(?:[ \t]+[^\W\d_A-ZÄÖÜ][\w-]*)?,\s*")


def _elsewhere_clause_start(ctx: MoveContext, objs_end: int, limit: int, to_org: str | None) -> int:
    """ "hired Ann Lee, who had been at Google since 2015": a relative clause
    about the people hired that names another organisation tells their past,
    and its dates are its own; "who starts in May" still dates the hire."""
    clause = _relative_clause_after(ctx, objs_end)
    if clause is None:
        return limit
    # Anywhere in the clause: "der seit 2015 bei Google gearbeitet hatte".
    family = ctx.doc.gaz.family(to_org) if to_org else frozenset()
    elsewhere = any(o.name not in family for o in ctx.doc.orgs.within(clause, limit))
    return objs_end if elsewhere else limit


def _agent_statement(
    ctx: MoveContext, site: Site, agent: OrgMention | None, objs: Objects, sides: Sides
) -> Statement:
    from_org = None if sides.from_org == sides.to_org else sides.from_org
    s = site.sentence
    region_start = args.clause_start(s, agent.start if agent else site.start)
    window = DateWindow(
        s,
        site.start,
        after_limit=_elsewhere_clause_start(ctx, objs.end, site.next_start, sides.to_org),
        before_floor=max(_previous_trigger_end(ctx, site), s.start),
        region_start=region_start,
        end=site.next_start,
    )
    return Statement(
        site,
        objs.names,
        from_org,
        sides.to_org,
        region_start,
        objs.end,
        window,
        roles=_object_roles(ctx, site, objs),
        returning=_returning(ctx, site),
        from_weak=sides.from_weak,
    )


def _object_roles(ctx: MoveContext, site: Site, objs: Objects) -> dict[str, str | None]:
    """Each object's own role: "hired A, ..., as CFO, and B, ..., as CPO"."""
    roles: dict[str, str | None] = {}
    mentions = objs.mentions
    for k, p in enumerate(mentions):
        end = mentions[k + 1].start if k + 1 < len(mentions) else site.next_start
        roles.setdefault(p.person, role(ctx, p.end, end, end))
    names = objs.names
    shared = role(ctx, site.end, site.next_start, site.sentence.end) if len(names) == 1 else None
    return {n: roles.get(n) or shared for n in names}


def _found_passive(ctx: MoveContext, site: Site) -> Reading:
    """ORG was founded by PERSONS."""
    s = site.sentence
    org = args.org_before(ctx, s, site.start)
    found = args.objects(ctx, site.persons, site.end, site.next_start)
    if org is None or not found:
        return Reading()
    names = list(dict.fromkeys(p.person for p in found))
    return Reading(emit(ctx, _organisation_first(site, names, None, org, found[-1].end)))


def _organisation_first(
    site: Site, movers: list[str], from_org: str | None, org: OrgMention, args_end: int
) -> Statement:
    """The statement of "ORG <verb> by PERSONS": the organisation opens its
    clause, the people close it, and the whole sentence may date it."""
    s = site.sentence
    window = DateWindow(
        s,
        site.start,
        after_limit=s.end,
        before_floor=s.start,
        region_start=s.start,
        end=site.next_start,
    )
    return Statement(
        site, movers, from_org, org.name, args.clause_start(s, org.start), args_end, window
    )


_LED_GAP_WORDS = 4  # "Foo Labs, the unit led by": the organisation and its apposition


def _led_by(ctx: MoveContext, site: Site) -> Reading:
    """ "MSL, the unit led by former Scale AI boss X": X moved to the unit
    from the former employer; someone led there with no former employer
    described may have been there all along, so no move."""
    s = site.sentence
    led = [o for o in ctx.doc.orgs.within(s.start, site.start) if not o.modifier]
    found = args.objects(ctx, site.persons, site.end, site.next_start)
    if not led or len(found) != 1:
        return Reading()
    org = led[-1]
    gap = ctx.body[org.end : site.start]
    if len(gap.split()) > _LED_GAP_WORDS or ctx.doc.trigger_between(org.end, site.start):
        return Reading()
    former = former_employer(ctx, [found[0].person])
    if former is None or former in ctx.doc.gaz.family(org.name):
        return Reading()
    st = _organisation_first(site, [found[0].person], former, org, found[0].end)
    return Reading(emit(ctx, st))


HANDLERS: dict[TriggerKind, Handler] = {
    TriggerKind.HIRE_PASSIVE: _subject_first(_hire_passive_object),
    TriggerKind.FOUND_PASSIVE: _found_passive,
    TriggerKind.JOIN: _subject_first(_join_object),
    TriggerKind.FOUND: _subject_first(_join_object),
    TriggerKind.HIRE: _agent_first(_hire_sides),
    TriggerKind.LEAVE: _subject_first(_leave_object),
    TriggerKind.LEAVE_NOOBJ: _subject_first(_leave_object),
    TriggerKind.LOSE: _agent_first(_lose_sides),
    TriggerKind.NOW_AT: _subject_first(_now_at_object),
    TriggerKind.LED_BY: _led_by,
}


# ---------------------------------------------------------------- nominal departures
def _closed_list(ctx: MoveContext, found: list[PersonMention]) -> list[PersonMention]:
    """ "the departure of A and B": a list closes with a conjunction; in "with
    the departure of A, B takes over" the name after the comma is a new subject."""
    if len(found) < 2:
        return found
    last_gap = ctx.body[found[-2].end : found[-1].start]
    return found if ctx.rx["conj"].search(last_gap) else found[:1]


def nominal_departure(
    ctx: MoveContext, s: Sentence, m: re.Match[str], persons: list[PersonMention]
) -> list[Hop]:
    """ "the departure of X", "mundurnya CTO OpenAI X": a departure from X's org."""
    ns, ne = m.start(), m.end()
    found = _closed_list(ctx, args.objects(ctx, persons, ne, s.end))
    if not found:
        return []
    names = [p.person for p in found]
    # The organisation left may be unnamed ("the exits of A and B"): completion
    # finds it elsewhere in the article, or leaves it unknown.
    from_org = descriptor_org(ctx, s, names, persons, ns, after=True)
    how = modality(ctx, s, ns, found[-1].end, ns)
    if how is None:
        return []
    last = found[-1].end
    after = [d for d in ctx.doc.dates.within(last, s.end) if d.start < last + 25]
    date = after[0].date if after else None
    return [
        Hop(n, from_org, None, s, ns, TriggerKind.LEAVE, date, date is not None, None, how)
        for n in names
    ]
