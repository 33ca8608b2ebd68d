"""Each person's described employer in the article ("Jane Doe, an OpenAI
alumna", "was most recently at X"): the fallback origin of a move whose own
statement names none, and the key to "the former Scale chief"."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..analysis import TriggerKind
from ..people import PersonMention
from ..sentences import Sentence
from .arguments import first_org, with_coordinated
from .context import MoveContext, fold_word
from .descriptors import descriptor_org

# Descriptions come with a person's first mentions; later ones are bare.
_DESCRIBED_WITHIN = 3


@dataclass(slots=True)
class _Reading:
    described: dict[str, str] = field(default_factory=dict)  # person -> described org
    recent: dict[str, str] = field(default_factory=dict)  # "was most recently at X"
    seen: dict[str, int] = field(default_factory=dict)  # mentions read per person
    former: set[str] = field(default_factory=set)  # described as former there


@dataclass(frozen=True, slots=True)
class Affiliations:
    employers: dict[str, str]  # person -> organisation, former ones included
    former: frozenset[str]  # the people whose described organisation is a former one


def affiliations(ctx: MoveContext) -> Affiliations:
    """Person -> organisation, former ones included; "most recently at" wins."""
    reading = _Reading()
    previous: list[PersonMention] = []
    # One scan of the body; a sentence reads the first statement inside it.
    statements = list(ctx.rx["prev_employer"].finditer(ctx.body))
    loser: str | None = None  # "Google has lost another researcher." names no one
    for s in ctx.doc.live:
        persons = ctx.doc.persons.within(s.start, s.end)
        if loser is not None and len({p.person for p in persons}) == 1:
            reading.described.setdefault(persons[0].person, loser)
        loser = None if persons else _nameless_loser(ctx, s)
        for p in persons:
            _read_description(ctx, reading, s, p)
        m = _first_inside(statements, s)
        if m is not None:
            _read_previous_employer(ctx, reading, s, m, persons, previous)
        elif not persons:
            _read_former_subject(ctx, reading, s, previous)
        previous = persons
    former = frozenset(p for p in reading.former if p not in reading.recent)
    return Affiliations({**reading.described, **reading.recent}, former)


def _first_inside(statements: list[re.Match[str]], s: Sentence) -> re.Match[str] | None:
    """The first statement lying inside the sentence: the statements are in text
    order, so only those starting in it are looked at."""
    i = bisect_left(statements, s.start, key=lambda m: m.start())
    while i < len(statements) and statements[i].start() <= s.end:
        if statements[i].end() <= s.end:
            return statements[i]
        i += 1
    return None


def _read_description(ctx: MoveContext, reading: _Reading, s: Sentence, p: PersonMention) -> None:
    reading.seen[p.person] = reading.seen.get(p.person, 0) + 1
    if p.person in reading.described or reading.seen[p.person] > _DESCRIBED_WITHIN:
        return
    org = descriptor_org(ctx, s, [p.person], [p], s.end, allow_former=True)
    if org and not ctx.doc.gaz.is_media(org):  # "told The Information": a source, no employer
        reading.described[p.person] = org
        if descriptor_org(ctx, s, [p.person], [p], s.end) is None:
            reading.former.add(p.person)


def _read_previous_employer(
    ctx: MoveContext,
    reading: _Reading,
    s: Sentence,
    m: re.Match[str],
    persons: list[PersonMention],
    previous: list[PersonMention],
) -> None:
    """ "X was most recently at Foo": the statement `m` names X's last employer."""
    org = first_org(ctx, m.end(), s.end, exclude=set(), near=60)
    before = [p for p in persons if p.end <= m.start()]
    # "X and Y worked together at Foo": the statement is about the whole list.
    who = with_coordinated(ctx, before) if before else []
    # "X has joined Y. He previously worked at Z.": a pronoun subject is
    # the one person of the sentence before.
    if (
        not who
        and len({p.person for p in previous}) == 1
        and ctx.rx["pronoun_singular"].search(ctx.body, s.start, m.end())
    ):
        who = [previous[0].person]
    if org is not None:
        for name in who:
            reading.recent.setdefault(name, org.name)


_SUBJECT_WORDS = 6  # "The former Google researcher", "L'ancien chercheur de Google"


def _read_former_subject(
    ctx: MoveContext, reading: _Reading, s: Sentence, previous: list[PersonMention]
) -> None:
    """ "Meta has hired X. The former Google researcher will lead ...": a
    sentence opening on a former description, with no name, describes the
    one person of the sentence before."""
    if len({p.person for p in previous}) != 1 or previous[0].person in reading.described:
        return
    words = ctx.body[s.start : s.end].split()[:_SUBJECT_WORDS]
    lead = ctx.body[s.start : s.start + len(" ".join(words))]
    former = ctx.rx["former"].search(lead)
    if former is None or len(lead[: former.start()].split()) > 1:
        return
    orgs = ctx.doc.orgs.within(s.start + former.end(), s.start + len(lead))
    # From the former word on: "la exinvestigadora de Google" is one word of both.
    titled = any(_person_word(ctx, w) for w in lead[former.start() :].split())
    if len(orgs) == 1 and titled and not ctx.doc.gaz.is_media(orgs[0].name):
        reading.described[previous[0].person] = orgs[0].name
        reading.former.add(previous[0].person)


def _nameless_loser(ctx: MoveContext, s: Sentence) -> str | None:
    """ "Google has lost another top researcher.": the organisation that lost
    someone the next sentence names ("Jane Roe ... is heading to Meta")."""
    lose = next(
        (t for t in ctx.doc.triggers.within(s.start, s.end) if t.kind is TriggerKind.LOSE), None
    )
    if lose is None or not _person_object(ctx, lose.end, s.end):
        return None
    before = ctx.doc.orgs.within(s.start, lose.start)
    return before[-1].name if len(before) == 1 else None


_OBJECT_WORDS = 4  # "lost another top AI researcher"


def _person_object(ctx: MoveContext, a: int, b: int) -> bool:
    """A person noun or title ends the object: "another top researcher", not "its appeal"."""
    return any(_person_word(ctx, w) for w in ctx.body[a:b].split()[:_OBJECT_WORDS])


def _person_word(ctx: MoveContext, word: str) -> bool:
    """A title or a noun for a person; "Google-Forscherin", "Top-Forscher":
    a compound's parts count too."""
    return any(
        ctx.pack.is_title(form) or form in ctx.pack.person_nouns
        for part in word.strip(".,;:").split("-")
        if (folded := fold_word(part))
        for form in (folded, folded.removeprefix("ex"))  # "exinvestigadora"
    )
