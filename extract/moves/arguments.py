"""A move verb's arguments: the organisation it names, the people who move.

Subjects may be lists ("X, Y and Z"), relative clauses ("Y, who joined"),
pronouns resolved to the article's focus, or plural nouns ("the pair").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..cjk import relative_head, without_companions
from ..orgs import OrgMention
from ..people import PersonMention
from ..sentences import Sentence
from .context import MoveContext, SentenceScope, fold_word

_POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s|'|’)\s+$")
_COMMA_GAP = re.compile(r"\s*,?\s*")
_FIRST_WORD = re.compile(r"\S+")  # a trigger's verb
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|'|’)(?!\w)")


def possessive_at(body: str, end: int) -> bool:
    """ "Musk's", "Jones'": a possessive ending right at `end`."""
    return _POSSESSIVE_AFTER.match(body, end) is not None


_POSSESSIVE_WORD = re.compile(r"[\w.-]+(?P<mark>'s|’s)(?!\w)")
WORD = re.compile(r"[\w'’-]+")  # a word, apostrophes and hyphens inside
_DESCRIPTION_WORDS = 12  # a subject description longer than this is a clause of its own
_FOCUS_REACH = 2  # sentences a description may look back for the person it means
_CLAUSE_END = re.compile(r"[;:](?=\s)|\s[—–]\s")
_CLAUSE_SEPARATOR = re.compile(r"[;:](?=\s)|\s[—–]\s")
_TITLED_GAP = re.compile(r"\s*,\s+((?:[\w-]+\s+){1,5})")


# ---------------------------------------------------------------- organisations
def first_org(
    ctx: MoveContext, a: int, b: int, exclude: set[str | None], near: int | None = None
) -> OrgMention | None:
    """First organisation (or resolved anaphor) in body[a:b]; with `near`,
    only one close enough to be the verb's object."""
    if near:
        a = _after_inverted_subject(ctx, a, b)
    limit = min(b, a + near) if near else b
    for o in ctx.doc.orgs.starting(a, limit):
        if o.name in exclude or o.modifier:
            continue
        if near and not _close_to_verb(ctx, a, o.start):
            return None  # too far from the verb to be its object
        return _possessed_org(ctx, o) or o
    return None


_APPOSITION_GAP = re.compile(r",?\s*")


def named_next(ctx: MoveContext, verb_end: int, following: Sentence | None) -> OrgMention | None:
    """ "co-founded a start-up in Tokyo. The company, Sakana AI, is led by":
    an indefinite founding that the next sentence names in apposition."""
    if following is None or not ctx.rx["indef_org"].match(
        ctx.body, ctx.body.find(" ", verb_end) + 1
    ):
        return None
    anaphor = ctx.rx["org_anaphor"].match(ctx.body, following.start)
    if anaphor is None:
        return None
    at = _APPOSITION_GAP.match(ctx.body, anaphor.end())
    start = at.end() if at else anaphor.end()
    return next((o for o in ctx.doc.orgs.starting(start, start + 1) if not o.modifier), None)


def _after_inverted_subject(ctx: MoveContext, a: int, b: int) -> int:
    """Verb-second ("hatte Tom Gunter, ein Forscher, das Unternehmen
    verlassen"): a name right after the verb, and its apposition, stand
    between the verb and its object."""
    if not ctx.pack.subject_after_verb:
        return a
    at = a + len(ctx.body[a:b]) - len(ctx.body[a:b].lstrip(" "))
    p = next(iter(ctx.doc.persons.starting(at, at + 1)), None)
    if p is None:
        return a
    close = ctx.body.find(",", p.end + 1, b) if ctx.body.startswith(",", p.end) else -1
    return close + 1 if close > 0 else p.end


_RELATIVE_REACH = 3  # words between an object relative pronoun and its verb ("qu'il avait")


def relative_antecedent(ctx: MoveContext, s: Sentence, ts: int) -> OrgMention | None:
    """ "il quitte l'entreprise, qu'il avait rejointe en 2018", "DensityAI, a
    start-up that former Dojo chief X founded": the verb's object is the
    organisation the object relative pronoun follows (past a kind apposition)."""
    if "object_relative" not in ctx.rx:
        return None
    hits = list(ctx.rx["object_relative"].finditer(ctx.body, max(s.start, ts - 80), ts))
    rel = hits[-1] if hits else None
    if rel is None or not _relative_subject_then_verb(ctx, rel.end(), ts):
        return None
    before = ctx.doc.orgs.within(s.start, rel.start())
    if not before:
        return None
    ante = before[-1]
    gap = ctx.body[ante.end : rel.start()].strip(" ,")
    if gap and not (_KIND_APPOSITION.fullmatch(gap) and ctx.rx["org_kind"].search(gap)):
        return None
    if ante.text != ante.name and ctx.body[: ante.start].rstrip().endswith(","):
        return None  # "Quantrix, the startup that ...": an apposition to a name we do not know
    return ante


# ", a start-up that", ", the lab which": a short noun phrase between the
# organisation and its relative pronoun.
_KIND_APPOSITION = re.compile(r"(?:[\w'’-]+\s+){0,3}[\w'’-]+")


def _relative_subject_then_verb(ctx: MoveContext, a: int, ts: int) -> bool:
    """The words between an object relative pronoun and its verb are its
    subject: a pronoun and auxiliaries ("qu'il avait"), or a named person
    with a short title ("that former Dojo chief X"). With no subject of its
    own the clause is the antecedent's ("GitHub, que se sumó", "yang bergabung")."""
    gap = ctx.body[a:ts]
    pronoun = ctx.rx["pronoun_singular"].search(gap) or ctx.rx["pronoun_plural"].search(gap)
    if pronoun is not None and len(gap.split()) <= _RELATIVE_REACH:
        return True
    named = ctx.doc.persons.within(a, ts)
    return (
        bool(named)
        and len(ctx.body[named[-1].end : ts].split()) <= _RELATIVE_REACH - 1
        and (len(ctx.body[a : named[0].start].split()) <= _RELATIVE_TITLE)
    )


_RELATIVE_TITLE = 4  # "former Dojo chief" before the subject's name


_POSSESSIVE_S = re.compile(r"(?:\s+(?:Inc|Corp|Co|Ltd|LLC|plc)\.?)?['’]s?\s+")
_NEXT_WORD = re.compile(r"\s*([\w-]*)")


def _possessed_org(ctx: MoveContext, o: OrgMention) -> OrgMention | None:
    """ "joined Alphabet Inc.'s DeepMind": the organisation owned, not the
    owner; not when the second name only qualifies a noun ("Microsoft's
    OpenAI rival Inflection")."""
    m = _POSSESSIVE_S.match(ctx.body, o.end)
    if m is None:
        return None
    owned = next((n for n in ctx.doc.orgs.starting(m.end(), m.end() + 1) if not n.modifier), None)
    if owned is None:
        return None
    word = _NEXT_WORD.match(ctx.body, owned.end)
    after = word.group(1) if word else ""
    return owned if not after or fold_word(after) in ctx.pack.stopwords else None


def _close_to_verb(ctx: MoveContext, a: int, b: int) -> bool:
    """At most four words and no comma between a verb and its object; a date
    in between does not count ("a rejoint il y a deux semaines Hugging Face")."""
    gap = ctx.body[a:b]
    for d in ctx.doc.dates.within(a, b):
        gap = gap.replace(ctx.body[d.start : d.end], " ")
    if _short_gap(gap):
        return True
    # "wechselt als Leiter der Forschung zu Y": the role said on the way is no distance.
    gap = ctx.patterns.role.sub(" ", gap, count=1)
    if _short_gap(gap) or ctx.doc.published is not None or ctx.pack.dates is None:
        return _short_gap(gap)
    # Undated article: a relative date ("il y a quelques semaines") is read
    # as no date, but is still a date phrase, not the verb's object.
    for rx, _unit, _offset in ctx.pack.dates.relative:
        gap = rx.full.sub(" ", gap)
    return _short_gap(gap)


def _short_gap(gap: str) -> bool:
    return "," not in gap and len(gap.split()) <= 4


def after_preposition(ctx: MoveContext, o: OrgMention, floor: int) -> bool:
    """In a prepositional phrase: "in Foo", "from Foo and Bar"."""
    words = ctx.body[max(floor, o.start - 40) : o.start].split()
    if not words:
        return False
    if ctx.rx["prepositions"].fullmatch(words[-1]):
        return True
    # "... including Nvidia and Amazon": a conjunct of a prepositional object.
    return (
        ctx.rx["conj"].fullmatch(words[-1]) is not None
        and len(words) >= 3
        and bool(ctx.rx["prepositions"].fullmatch(words[-3]))
    )


def org_before(
    ctx: MoveContext, s: Sentence, ts: int, verb_ends: Sequence[int] = ()
) -> OrgMention | None:
    """The agent: the first subject-like organisation of the clause, i.e.
    one not introduced by a preposition ("invest in Foo and hired"), nor the
    object of an earlier verb of the sentence ending at one of `verb_ends`
    ("X joined Meta and Google hired Y": Google hired)."""
    objects = {id(o) for o in _objects_of(ctx, verb_ends, ts)}
    for o in ctx.doc.orgs.iter_within(s.start, ts):
        if (
            not o.modifier
            and not after_preposition(ctx, o, s.start)
            and not ctx.doc.gaz.is_media(o.name)  # "Bloomberg reported ...": no employer
            and id(o) not in objects
        ):
            return o
    return None


def _objects_of(ctx: MoveContext, verb_ends: Sequence[int], ts: int) -> list[OrgMention]:
    """The organisation right after each verb end, when close enough to be its object."""
    found = []
    for e in verb_ends:
        o = next((o for o in ctx.doc.orgs.iter_within(e, ts) if not o.modifier), None)
        if o is not None and _close_to_verb(ctx, e, o.start):
            found.append(o)
    return found


def announcer(ctx: MoveContext, s: Sentence, subj_start: int) -> OrgMention | None:
    """ "Foo announced that X joins as chief scientist": Foo is the destination."""
    speech = None
    for m in ctx.rx["speech"].finditer(ctx.body, s.start, subj_start):
        speech = m
    if speech is None:
        return None
    orgs = ctx.doc.orgs.within(s.start, speech.start())
    if not orgs or ctx.doc.persons.within(orgs[-1].end + 1, speech.start()):
        return None
    return orgs[-1]


def possessor_before(ctx: MoveContext, ts: int) -> OrgMention | None:
    """The organisation whose possessive stands right before `ts` ("Helix AI's")."""
    m = _POSSESSIVE_BEFORE.search(ctx.body, max(0, ts - 4), ts)
    if m is None:
        return None
    org = ctx.doc.orgs.within(max(0, m.start() - 60), m.start())
    return org[-1] if org and org[-1].end == m.start() else None


def fronted_destination(ctx: MoveContext, s: Sentence, ts: int) -> OrgMention | None:
    """Verb-second: "Zu OpenAI war Murati 2018 gestoßen": the destination
    phrase fills the one slot before the finite verb, the participle ends
    the clause."""
    if not ctx.pack.subject_after_verb:
        return None
    start = clause_start(s, ts)
    orgs = ctx.doc.orgs.within(start, ts)
    if not orgs or orgs[0].modifier:
        return None
    lead = ctx.body[start : orgs[0].start].strip()
    return orgs[0] if ctx.rx["switch_to"].fullmatch(lead) else None


def org_itself(ctx: MoveContext, org: OrgMention) -> bool:
    """False for "Nvidia's earnings call": the object is something of the
    organisation's other than a unit of it or a post at it ("Meta's new lab",
    "Meta's chief AI officer" are fine)."""
    tail = ctx.body[org.end : org.end + 60]
    if not tail.startswith(("'s", "’s")):
        return True
    words = [w.strip(",.;:") for w in tail[2:].split()[:5]]
    if any(ctx.rx["unit_nouns"].fullmatch(w) for w in words):
        return True
    # "became Meta's (new) chief AI officer": a post at the organisation.
    return any(ctx.rx["role_words"].match(" ".join(words[k:4])) for k in range(2))


def other_object(ctx: MoveContext, te: int) -> bool:
    """ "left the stage": a lowercase object that is neither a preposition
    (a date, a destination follows) nor a post ("left his post")."""
    words = ctx.body[te : te + 40].split()[:3]
    if not words or not words[0][:1].isalpha() or not words[0][0].islower():
        return False
    if ctx.doc.dates.first_at(te, te + 2) is not None:
        return False  # "quit earlier this week": a date, no object
    w0 = words[0].strip(",.;:")
    if ctx.rx["noun_complement"].fullmatch(w0):
        # "quitte le navire de croisière": the verb's noun has a complement of
        # its own, so the verb is meant literally; "de son poste" is still a post.
        return not _possessed_post(ctx, words[1:])
    if ctx.rx["prepositions"].fullmatch(w0):
        return _possessed_thing(ctx, words[1:])  # "from his desk"
    if ctx.rx["dest_prep"].match(ctx.body, te + 1):
        return False
    nouns = [w.strip(",.;:") for w in words[:3]]
    return not any(ctx.rx["post_nouns"].fullmatch(w) for w in nouns)


def literal_complement(ctx: MoveContext, te: int) -> bool:
    """After a verb that needs no object: a noun complement ("quitte le
    navire de croisière") or a possessed thing that is no post ("quit his
    diet") shows the verb is meant literally.  Dates and adverbs do not."""
    words = ctx.body[te : te + 40].split()[:3]
    if not words or ctx.doc.dates.first_at(te, te + 2) is not None:
        return False
    w0 = words[0].strip(",.;:").lower()
    if ctx.rx["noun_complement"].fullmatch(w0):
        return not _possessed_post(ctx, words[1:])
    return _possessed_thing(ctx, words)


def _possessed_thing(ctx: MoveContext, words: list[str]) -> bool:
    """ "de son bureau", "from his desk": a possessed noun that is no post."""
    if len(words) < 2 or not ctx.rx["possessive"].fullmatch(words[0].lower()):
        return False
    return not ctx.rx["post_nouns"].fullmatch(words[1].strip(",.;:").lower())


def _possessed_post(ctx: MoveContext, words: list[str]) -> bool:
    """ "son poste", "his post": the person's own post."""
    return (
        len(words) >= 2
        and bool(ctx.rx["possessive"].fullmatch(words[0].lower()))
        and bool(ctx.rx["post_nouns"].fullmatch(words[1].strip(",.;:").lower()))
    )


def preceded_by_at(ctx: MoveContext, org: OrgMention) -> bool:
    words = ctx.body[max(0, org.start - 12) : org.start].split()
    return bool(words) and bool(ctx.rx["at_prep"].fullmatch(words[-1]))


# ---------------------------------------------------------------- people
def objects(ctx: MoveContext, persons: list[PersonMention], a: int, b: int) -> list[PersonMention]:
    """The first name after a verb and the names listed with it (`persons`
    are in text order: the ones starting in [a, b) are found by bisection)."""
    lo = bisect_left(persons, a, key=lambda p: p.start)
    hi = bisect_left(persons, b, lo, key=lambda p: p.start)
    if lo == hi:
        return []
    gap = ctx.body[a : persons[lo].start].split()
    if len(gap) > 6 or (gap and ctx.rx["prepositions"].fullmatch(gap[-1].lower())):
        return []  # "named its lab after Jane Roe": the name is no object of the verb
    if _POSSESSIVE_AFTER.match(ctx.body, persons[lo].end):
        return []  # "hired Jane Roe's deputy": the object is someone else
    out = [persons[lo]]
    for i in range(lo + 1, hi):  # the list stops at the first gap: no slice of the rest
        p = persons[i]
        between = ctx.body[out[-1].end : p.start]
        listed = list_gap(ctx, between) or list_gap(ctx, _past_own_date(ctx, out[-1].end, p.start))
        if listed and not ctx.rx["speech"].search(between):
            out.append(p)
        else:
            break
    return out


# Between a listed name and a date of its own: a comma and one short word
# ("in", "em", "pada"), and nothing else.
_OWN_DATE_LEAD = re.compile(r"\s*,?\s*(?:[^\W\d_]{1,5}\s+)?")


def date_beside_name(ctx: MoveContext, name_end: int, date_start: int) -> bool:
    """A date set right after a name, as its own: "X in May", "X, em maio"."""
    return _OWN_DATE_LEAD.fullmatch(ctx.body, name_end, date_start) is not None


def _past_own_date(ctx: MoveContext, a: int, b: int) -> str:
    """The gap from `a` to the next name at `b`, past a date that belongs to
    the name before it: "hired X in May and Y in August" lists X and Y
    ("" when no such date stands there)."""
    dates = ctx.doc.dates.within(a, b)
    if len(dates) != 1 or not date_beside_name(ctx, a, dates[0].start):
        return ""
    return ctx.body[dates[0].end : b]


@dataclass(frozen=True, slots=True)
class Companions:
    """The people named as moving "along with" a mover, and the organisation
    their titles give them ("with fellow Covariant co-founders X and Y")."""

    names: tuple[str, ...] = ()
    org: str | None = None


def comitative(ctx: MoveContext, a: int, b: int, persons: list[PersonMention]) -> Companions:
    """ "along with Jane Roe": the companions named after a join."""
    m = ctx.patterns.comitative.search(ctx.body, a, min(b, a + 40))
    if not m:
        return Companions()
    found = objects(ctx, persons, m.end(), b)
    # "along with co-founder Jane Roe", "with fellow Foo co-founders X and Y";
    # not "and will report to Jane Roe".
    if not found:
        return Companions()
    if not _only_determiners_and_titles(ctx, _without_orgs(ctx, m.end(), found[0].start)):
        return Companions()
    titled = ctx.doc.orgs.first_at(m.end(), found[0].start)
    return Companions(tuple(p.person for p in found), titled.name if titled else None)


def _without_orgs(ctx: MoveContext, a: int, b: int) -> str:
    """body[a:b] with the organisations named in it blanked out."""
    gap = ctx.body[a:b]
    for o in ctx.doc.orgs.starting(a, b):
        gap = gap.replace(ctx.body[o.start : o.end], " ")
    return gap


def _only_determiners_and_titles(ctx: MoveContext, gap: str) -> bool:
    return all(
        fold_word(w) in ctx.pack.stopwords
        or _title_like(ctx, w)
        or _title_like(ctx, w[:-1] if w.endswith("s") else w)  # "co-founders X and Y"
        or fold_word(w) in ctx.pack.person_nouns
        for w in gap.split()
    )


def list_gap(ctx: MoveContext, gap: str) -> bool:
    """Between two names of one list: "X, Y and Z", "X (, desc,) and Y", and
    titles before each name ("CTO X, research chief Y and VP Z")."""
    return bool(ctx.patterns.coord.match(gap)) or titled_list_gap(ctx, gap)


def titled_list_gap(ctx: MoveContext, gap: str) -> bool:
    """ ", chief research officer ": a comma, then the next name's title."""
    m = _TITLED_GAP.fullmatch(gap)
    if m is None:
        return False
    words = m.group(1).split()
    return any(_title_like(ctx, w) for w in words) and all(
        w[:1].islower() or _title_like(ctx, w) for w in words
    )


def _title_like(ctx: MoveContext, word: str) -> bool:
    """A title word of the pack, or an all-caps title such as "VP" or "SVP"."""
    return ctx.pack.is_title(fold_word(word)) or (word.isupper() and 2 <= len(word) <= 4)


def with_coordinated(ctx: MoveContext, before: list[PersonMention]) -> list[str]:
    """The last name before the trigger plus the names listed with it."""
    out = [before[-1]]
    for p in reversed(before[:-1]):
        if list_gap(ctx, ctx.body[p.end : out[-1].start]):
            out.append(p)
        else:
            break
    return list(dict.fromkeys(p.person for p in reversed(out)))


def group_for(ctx: MoveContext, before: list[PersonMention]) -> list[str]:
    names = with_coordinated(ctx, before)
    return names if len(names) >= 2 else list(ctx.discourse.group)


def clause_start(s: Sentence, pos: int) -> int:
    text = s.text[: pos - s.start]
    cut = max(text.rfind(", "), text.rfind("; "), text.rfind(": "))
    return s.start + cut + 2 if cut >= 0 else s.start


def subjects(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """Who a subject-first verb is about: a name before it in its own clause,
    else a pronoun, a title, a quoted speaker or the subject of a fronted clause."""
    floor = _clause_floor(ctx, scope.sentence, ts)
    # "Schon vor Pang hatte X ...": a fronted prepositional phrase is no subject.
    before = [
        p
        for p in scope.persons
        if floor <= p.start and p.end <= ts and not _after_preposition_word(ctx, p.start, floor)
    ]
    # "X, che con Y guidava il team e ha poi scelto Z": a name after a
    # relative pronoun and a preposition is the clause's company, not its subject.
    before = [p for p in before if not _with_inside_relative(ctx, p.start, floor)] or before
    lead = ctx.patterns.companion_lead
    if lead is not None:  # "与X等人创办了Y": X is no subject
        before = without_companions(ctx.body, scope.sentence.start, before, lead)
    if before and not _named_in_comma_clause(ctx, scope.sentence, before, ts):
        # "X将入职,接替今年1月离开Y加入Z的W": the verb's clause names nobody and
        # describes the name after it; X, in the clause before, did not leave.
        head = _relative_head(ctx, scope, ts)
        if head:
            return head
    if before:
        return _named_subject(ctx, before, ts)
    s = scope.sentence
    pronoun = _pronoun_subject(ctx, ctx.body[clause_start(s, ts) : ts])
    if pronoun is not None:
        # "Ive spent 20 years at Apple; he left in 2019": the person of the
        # sentence's earlier clause, else the article's focus (even nobody).
        earlier = [p.person for p in scope.persons if p.end <= floor]
        singular = ctx.rx["pronoun_singular"].search(ctx.body, clause_start(s, ts), ts)
        return [earlier[-1]] if singular and earlier else pronoun
    return (
        _described_subject(ctx, scope, clause_start(s, ts), ts)
        or _quoted_speaker(ctx, scope, ts)
        or _apposed_participle_subject(ctx, scope, ts)
        or _relative_head(ctx, scope, ts)
        or _fronted_clause_subject(ctx, scope, ts)
        or _previous_verb_subject(ctx, scope, ts)
    )


def _words_before(ctx: MoveContext, start: int, floor: int) -> list[str]:
    """The few lowercased words right before `start`, none before `floor`."""
    return ctx.body[max(floor, start - 30) : start].lower().split()


def _preposition_before(words: list[str], ctx: MoveContext) -> bool:
    return bool(words) and ctx.rx["prepositions"].fullmatch(words[-1]) is not None


def _with_inside_relative(ctx: MoveContext, start: int, floor: int) -> bool:
    words = _words_before(ctx, start, floor)
    return (
        _preposition_before(words, ctx)
        and len(words) >= 2
        and ctx.rx["relative"].fullmatch(words[-2].lstrip(",")) is not None
    )


def _after_preposition_word(ctx: MoveContext, start: int, floor: int) -> bool:
    """Verb-second: a fronted phrase "vor Pang" fills the one slot before the
    verb, so the subject follows it.  (Elsewhere "with Smith, Jones left"
    and the like keep their readings.)"""
    return ctx.pack.subject_after_verb and _preposition_before(
        _words_before(ctx, start, floor), ctx
    )


def _apposed_participle_subject(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """ "Après Ilya Sutskever, parti fonder sa propre entreprise, ...": a verb
    opening an apposition right after a name is said of that name."""
    start = clause_start(scope.sentence, ts)
    if start == scope.sentence.start or ctx.body[start:ts].strip():
        return []
    named = [p for p in scope.persons if p.end == start - 2 and ctx.body[p.end] == ","]
    return [named[-1].person] if named else []


_APPOSITION_WORDS = 12  # "X, the former Foo chief executive and now ...": a short description


def open_apposition_head(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """ "Wang, the former Scale AI chief and now CAIO at Meta", "Wang, ex CEO
    di Scale AI e oggi ...": a verb inside the description that opened with a
    comma after a name (no other comma, name or move verb since) is said of it."""
    named = [p for p in scope.persons if p.end < ts and ctx.body[p.end : p.end + 1] == ","]
    if not named:
        return []
    head = named[-1]
    inside = ctx.body[head.end + 1 : ts]
    if (
        "," in inside
        or len(inside.split()) > _APPOSITION_WORDS
        or any(head.end < p.start < ts for p in scope.persons)
        or ctx.doc.trigger_between(head.end, ts)
    ):
        return []
    return [head.person]


def _previous_verb_subject(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """ "She left in 2018, taking a job at Foo": a verb opening its clause
    after a comma shares the subject of the move verb before it."""
    s = scope.sentence
    start = clause_start(s, ts)
    if start == s.start or ctx.body[start:ts].strip():
        return []
    earlier = [t for t in scope.triggers if t.end < start]
    return subjects(ctx, scope, earlier[-1].start) if earlier else []


def _named_in_comma_clause(
    ctx: MoveContext, s: Sentence, before: list[PersonMention], ts: int
) -> bool:
    """Whether a name stands in the verb's own clause, after the last comma
    (written with or without a space after it) before the verb."""
    cut = max(ctx.body.rfind(",", s.start, ts), ctx.body.rfind(";", s.start, ts))
    return cut < 0 or any(p.start > cut for p in before)


def _relative_head(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """ "2022 年加入字节的 CFO 高准": the head a relative clause before it describes."""
    marker = ctx.patterns.relative_after
    if marker is None:
        return []
    head = relative_head(ctx.body, ts, scope.sentence.end, scope.persons, marker)
    return [head.person] if head is not None else []


def _clause_floor(ctx: MoveContext, s: Sentence, ts: int) -> int:
    """Where the verb's clause starts: after the last semicolon, colon or dash
    before it ("X said: at Foo, Y has just joined" moves Y, not X)."""
    seps = ctx.separators.get(s.start)
    if seps is None:  # found once per sentence, not once per verb of it
        seps = ctx.separators[s.start] = [
            (m.start(), m.end()) for m in _CLAUSE_SEPARATOR.finditer(ctx.body, s.start, s.end)
        ]
    # The sentence's separators that the text up to the verb holds whole
    # (a lookahead past `ts` fails): the same as a search up to `ts` finds.
    for i in range(bisect_right(seps, ts, key=lambda se: se[1]) - 1, -1, -1):
        if _CLAUSE_SEPARATOR.match(ctx.body, seps[i][0], ts):
            return seps[i][1]
    return s.start


def _named_subject(ctx: MoveContext, before: list[PersonMention], ts: int) -> list[str]:
    before = _outside_appositions(ctx, before, ts)
    between = ctx.body[before[-1].end : ts]
    if "," in between and _organisation_acts_between(ctx, before[-1].end, ts):
        return []  # "a letter to CEO X, Perplexity promised to leave ...": Perplexity's verb
    if _group_subject_between(ctx, between):
        return []
    speech = ctx.rx["speech"].search(between)
    if not speech:
        rel = ctx.rx["relative"].search(between)
        # "11 researchers who were hired": a relative clause of another
        # noun, not of the name before it.
        if (
            rel
            and not _COMMA_GAP.fullmatch(between[: rel.start()])
            and not titled_apposition(ctx, between[: rel.start()])
            and "," not in between[rel.end() :]
        ):
            return []
        if rel and _singular_relative(ctx, between[rel.end() :], ts):
            return [before[-1].person]  # "A e B, que trocou X": B's clause alone
        return with_coordinated(ctx, before)
    # "X said (that) he was leaving": the pronoun after the speech verb.
    tail = between[speech.end() :]
    if ctx.rx["pronoun_plural"].search(tail):
        return group_for(ctx, before)
    # Where subjects are dropped, "X anunció que dejará Meta": nothing but
    # function words between the speech verb and the move verb.
    dropped = ctx.pack.null_subject and _after_reporting_verb(ctx, before[-1].end, ts) == ts
    if dropped or ctx.rx["pronoun_singular"].search(tail) or ctx.rx["pronoun_first"].search(tail):
        speaker = with_coordinated(ctx, before)
        return speaker if len(speaker) == 1 else []
    return []


def _group_subject_between(ctx: MoveContext, between: str) -> bool:
    """ "X fills the gap after several OpenAI executives left", "setelah
    sejumlah petinggi OpenAI hengkang": the verb's subject is the group right
    before it, not the name earlier; "X and several executives left" lists X
    with them."""
    group = ctx.patterns.group_subject.search(between)
    if group is None:
        return False
    lead = between[: group.start()].strip(" ,")
    return bool(lead) and ctx.rx["conj"].fullmatch(lead) is None


def _singular_relative(ctx: MoveContext, clause: str, ts: int) -> bool:
    """A relative clause whose finite verb is singular, in a language that marks
    its number ("..., que trocou", "..., qui a quitté"): it describes the one
    name before it, not a list that ends with that name. Where the pack says
    nothing of number (English "who left"), the list keeps it."""
    if not ctx.pack.data["patterns"].get("plural_verb"):
        return False
    words = ctx.body[ts : ts + 40].split()
    # "que se unieron", "che si sono uniti": the verb after its reflexive clitic.
    verb = words[:2] if words and len(words[0]) <= 2 else words[:1]
    return not ctx.rx["plural_verb"].search(" ".join([clause, *verb]))


def titled_apposition(ctx: MoveContext, text: str) -> bool:
    """ ", the former CEO of Foo, ": an apposition describing the name before
    it (its closing comma may be left out before a relative pronoun:
    ", mantan rekannya yang ...")."""
    inner = text.strip()
    if len(inner) < 2 or inner[0] != ",":
        return False
    words = inner[1:].rstrip(",").split()
    return 0 < len(words) <= _DESCRIPTION_WORDS and _person_described(ctx, words)


def _organisation_acts_between(ctx: MoveContext, a: int, ts: int) -> bool:
    """A clause of an organisation's own stands between a name and the verb:
    after the last comma, an organisation opens it ("..., Perplexity promised");
    or after the first, an organisation and a verb ("a letter to CEO X,
    Perplexity promised to invest ..., and to leave Google"), not a
    description ("X, Google's former chief," / "X, Meta researcher,")."""
    cut = ctx.body.rfind(",", a, ts)
    for o in ctx.doc.orgs.within(cut + 1, ts):
        if not o.modifier and not ctx.body[cut + 1 : o.start].strip():
            return True
    return _organisation_clause_after_first_comma(ctx, a, ts)


def _organisation_clause_after_first_comma(ctx: MoveContext, a: int, ts: int) -> bool:
    """ "..., Perplexity promised": a named organisation right after the first
    comma, then a word that is no title nor speech verb."""
    first = ctx.body.find(",", a, ts)
    if first < 0:
        return False
    org = next(iter(ctx.doc.orgs.starting(first + 1, first + 3)), None)
    if org is None or org.modifier or ctx.body[first + 1 : org.start].strip():
        return False
    word = _NEXT_WORD.match(ctx.body, org.end)
    after = word.group(1) if word else ""
    return (
        org.text[:1].isupper()  # a name, not "the company" in apposition
        and after[:1].islower()
        and fold_word(after) not in ctx.pack.title_words
        and not ctx.rx["speech"].fullmatch(after)  # "X, Foo said, ...": an attribution
    )


def _outside_appositions(
    ctx: MoveContext, before: list[PersonMention], ts: int
) -> list[PersonMention]:
    """ "A, partner of B at Foo, joined ...": B stands inside A's apposition,
    so the name before the verb is A."""
    body = ctx.body
    while len(before) >= 2:
        last, head = before[-1], before[-2]
        opening = body[head.end : last.start]
        closing = body[last.end : ts]
        described = [w for w in opening[1:].split() if not ctx.rx["conj"].fullmatch(w)]
        if not (opening.startswith(",") and described and "," not in opening[1:]):
            break
        if "," not in closing:
            break
        before = before[:-1]
    return before


def ordinal_member(ctx: MoveContext, text: str) -> str | None:
    """ "La première a rejoint ...": the member of the last list an ordinal
    names, when the ordinal is all the text says ("le premier employé" is none)."""
    group = ctx.discourse.group
    for i, rx in enumerate(ctx.patterns.ordinals):
        if rx.fullmatch(text.strip()) is not None:
            return group[i] if i < len(group) else None
    return None


def _pronoun_subject(ctx: MoveContext, clause_text: str) -> list[str] | None:
    """No name before the trigger: a pronoun or plural noun subject (None: no pronoun)."""
    member = ordinal_member(ctx, clause_text)
    if member is not None:
        return [member]
    if ctx.rx["pronoun_plural"].search(clause_text):
        return list(ctx.discourse.group)
    if ctx.rx["pronoun_singular"].search(clause_text):
        return list(ctx.discourse.focus)
    return None


def _described_subject(ctx: MoveContext, scope: SentenceScope, a: int, ts: int) -> list[str]:
    """ "The former Scale chief is leaving", "Apple's head of design quit",
    "Pengembang asal Austria itu ...": a description in the subject slot is
    the one person described at its organisation earlier in the article,
    else the person the text is about."""
    a = _after_reporting_verb(ctx, a, ts)
    words = ctx.body[a:ts].split()
    if not words or len(words) > _DESCRIPTION_WORDS or not _person_described(ctx, words):
        return []
    opens = ctx.rx["title_lead"].fullmatch(words[0]) or _opens_with_possessive_org(ctx, a)
    if not (opens or _closes_with_demonstrative(ctx, words)):
        return []
    if _owned_by_other(ctx, a, ts):
        return []  # "the bakery's head chef": somebody of something else's
    orgs = ctx.doc.orgs.within(a, ts)
    if len(orgs) == 1:
        named = _affiliated_before(ctx, ctx.doc.gaz.family(orgs[0].name), a)
        if len(named) == 1:
            return [named.pop()]
    focus = ctx.discourse
    recent = scope.index - focus.focus_at <= _FOCUS_REACH
    return list(focus.focus) if recent and len(focus.focus) == 1 else []


def _affiliated_before(ctx: MoveContext, family: frozenset[str], pos: int) -> set[str]:
    """The people mentioned before `pos` whose described employer is of `family`.

    Indexed once per article (employer -> where each of its people is first
    named), instead of a scan of every mention per question."""
    if ctx.first_named is None:
        first_end: dict[str, int] = {}
        for p in ctx.doc.persons:
            first_end[p.person] = min(p.end, first_end.get(p.person, p.end))
        ctx.first_named = {}
        for person, end in first_end.items():
            org = ctx.doc.affiliations.get(person)
            if org is not None:
                ctx.first_named.setdefault(org, []).append((end, person))
        for entries in ctx.first_named.values():
            entries.sort()
    named: set[str] = set()
    for org in family:
        entries = ctx.first_named.get(org, [])
        named.update(
            person for _, person in entries[: bisect_right(entries, pos, key=lambda e: e[0])]
        )
    return named


def _date_phrase_end(ctx: MoveContext, at: int) -> int | None:
    """Where a date phrase starting at `at` ends; in an undated article a
    relative one ("la semana pasada") is no date read but still a date phrase."""
    date = ctx.doc.dates.first_at(at, at + 1)
    if date is not None:
        return date.end
    if ctx.doc.published is not None or ctx.pack.dates is None:
        return None
    ends = [
        m.end()
        for rx, _unit, _offset in ctx.pack.dates.relative
        if (m := rx.full.match(ctx.body, at))
    ]
    return max(ends, default=None)


def _platform_after(ctx: MoveContext, word: re.Match[str], prev: str) -> bool:
    """A capitalised word right after a preposition, no person's name: where
    something was said ("on X", "en Threads")."""
    return (
        word.group()[:1].isupper()
        and ctx.rx["prepositions"].fullmatch(prev) is not None
        and ctx.doc.persons.first_at(word.start(), word.start() + 1) is None
    )


def _after_reporting_verb(ctx: MoveContext, a: int, ts: int) -> int:
    """ "Apple said on Monday that its AI chief ...": the subject starts after
    the reporting verb and the function words that follow it."""
    last = max(ctx.rx["speech"].finditer(ctx.body, a, ts), key=lambda m: m.start(), default=None)
    if last is None:
        return a
    pos, prev = last.end(), ""
    while pos < ts:
        m = WORD.search(ctx.body, pos, ts)
        if m is None:
            return ts
        date_end = _date_phrase_end(ctx, m.start())
        org = ctx.doc.orgs.first_at(m.start(), m.start() + 1)
        w = m.group().lower()
        if date_end is not None:
            pos = date_end  # "said on Monday that ..."
        elif org is not None and ctx.rx["prepositions"].fullmatch(prev):
            pos = org.end  # "announced on LinkedIn that ...": where it was said
        elif _platform_after(ctx, m, prev):
            pos = m.end()  # "anunció en X que": a platform the gazetteer lacks
        elif w in ctx.pack.stopwords and not ctx.rx["title_lead"].fullmatch(w):
            pos = m.end()
        else:
            return m.start()
        prev = w
    return ts


def _person_described(ctx: MoveContext, words: list[str]) -> bool:
    """A title or a person noun among the words ("chief", "researcher", "man")."""
    return any(
        ctx.pack.is_title(part) or part in ctx.pack.person_nouns
        for w in words
        for part in fold_word(w).split("-")
    )


def _closes_with_demonstrative(ctx: MoveContext, words: list[str]) -> bool:
    """ "Pria berusia 65 tahun itu (kini) bergabung": the demonstrative may be
    followed by adverbs and auxiliaries."""
    rest = list(words)
    while rest and not ctx.rx["demonstrative_after"].fullmatch(rest[-1]):
        if fold_word(rest[-1]) not in ctx.pack.stopwords:
            return False
        rest.pop()
    return bool(rest)


def _owned_by_other(ctx: MoveContext, a: int, b: int) -> bool:
    """A possessive in the description that is not an organisation's."""
    for m in _POSSESSIVE_WORD.finditer(ctx.body, a, b):
        owner_end = m.start("mark")
        if not any(o.end == owner_end for o in ctx.doc.orgs.within(a, owner_end)):
            return True
    return False


def _opens_with_possessive_org(ctx: MoveContext, a: int) -> bool:
    org = ctx.doc.orgs.first_at(a, a + 1)
    return org is not None and ctx.body.startswith(("'s", "’s"), org.end)


def _quoted_speaker(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """'"I am leaving OpenAI," Jane Roe said': the quoted speaker."""
    body, s = ctx.body, scope.sentence
    if not ctx.rx["pronoun_first"].search(body, max(s.start, ts - 30), ts):
        return []
    speakers = {
        p.person
        for p in scope.persons
        if ctx.rx["speech"].match(body, p.end + 1)
        or ctx.rx["speech"].search(body, max(s.start, p.start - 20), p.start)
    }
    return list(speakers) if len(speakers) == 1 else []


def _fronted_clause_subject(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """A fronted subordinate clause: "After leaving Tesla, he ..."."""
    body, s = ctx.body, scope.sentence
    # Not past a semicolon: "left in May; in August, Y joined" is Y's own clause.
    comma = body[ts : _clause_end(ctx, s, ts)].find(", ")
    if comma < 0 or _subject_right_after_verb(ctx, scope, ts):
        return []
    at = ts + comma + 2
    after_ps = [p for p in scope.persons if at <= p.start < at + 60]
    if after_ps and _title_before_name(ctx, at, after_ps[0].start):
        return [after_ps[0].person]
    after = body[at : s.end]
    if ctx.rx["pronoun_plural"].match(after):
        return list(ctx.discourse.group)
    if ctx.rx["pronoun_singular"].match(after) or _opens_with_description(ctx, after):
        return list(ctx.discourse.focus)
    return []


def _subject_right_after_verb(ctx: MoveContext, scope: SentenceScope, ts: int) -> bool:
    """Verb-second: "Im März wechselte Anna Schmidt zu Meta, Jan Roth zu
    Google": the name right after the verb is its subject, no later one."""
    if not ctx.pack.subject_after_verb:
        return False
    at = _after_verb_word(ctx.body, ts, len(ctx.body))
    return any(p.start == at for p in scope.persons)


def _after_verb_word(body: str, ts: int, te: int) -> int:
    """Where the word after a trigger's verb starts (the verb's end at most `te`)."""
    verb = _FIRST_WORD.match(body, ts)
    at = verb.end() if verb and verb.end() < te else te
    while at < len(body) and body[at] == " ":
        at += 1
    return at


def _opens_with_description(ctx: MoveContext, text: str) -> bool:
    """ "..., the researcher keeps ...": a determiner and a person noun stand
    for the person the text is about, as a pronoun would."""
    words = text.split()[:2]
    return (
        len(words) == 2
        and ctx.rx["title_lead"].fullmatch(words[0]) is not None
        and _person_described(ctx, words[1:])
    )


def _title_before_name(ctx: MoveContext, a: int, b: int) -> bool:
    """Nothing, or a title phrase ending in a title word, between a and a name:
    "machine learning researcher Jane Roe", "former Foo chief Jane Roe"."""
    gap = _without_orgs(ctx, a, b)
    words = gap.split()
    if not words:
        return True
    if "," in gap:
        return False
    last = fold_word(words[-1])
    return (
        len(words) <= 5
        and (ctx.pack.is_title(last) or last in ctx.pack.person_nouns)
        and all(w[:1].islower() or _title_like(ctx, w) for w in words)
    )


def postverbal_subject(ctx: MoveContext, scope: SentenceScope, te: int) -> list[str]:
    """ "ha lasciato OpenAI anche Marco Conti": the names after the verb and
    its object, in the verb's clause, when none stands before it."""
    end = _clause_end(ctx, scope.sentence, te)
    after = objects(ctx, scope.persons, te, end)
    if after and ctx.patterns.comitative.search(ctx.body, te, after[0].start):
        return []  # "se incorpora a Meta junto con A y B": companions, not the subject
    return [p.person for p in after]


def in_fronted_phrase(ctx: MoveContext, scope: SentenceScope, ts: int, names: list[str]) -> bool:
    """ "Dopo l'addio di X, ha lasciato OpenAI anche Y", "Tras la salida de X,
    también dejó ...": the name before the verb is a preposition's object in a
    phrase set off by a comma, so it may not be the subject."""
    before = [p for p in scope.persons if p.person in names and p.end <= ts]
    if not before or "," not in ctx.body[before[-1].end : ts]:
        return False
    return _preposition_before(_words_before(ctx, before[-1].start, scope.sentence.start), ctx)


def dropped_subject(ctx: MoveContext, scope: SentenceScope, ts: int) -> list[str]:
    """ "En 2022 dejó la empresa": a left-out subject is the person the last
    sentences were about."""
    clause = ctx.body[_clause_floor(ctx, scope.sentence, ts) : ts]
    if any(p.start >= ts - len(clause) and p.end <= ts for p in scope.persons):
        return []  # a name stands before the verb: it was not left out
    focus = ctx.discourse
    recent = scope.index - focus.focus_at <= _FOCUS_REACH
    return list(focus.focus) if recent and len(focus.focus) == 1 else []


def _clause_end(ctx: MoveContext, s: Sentence, pos: int) -> int:
    m = _CLAUSE_END.search(ctx.body, pos, s.end)
    return m.start() if m else s.end


def _listed_from(ctx: MoveContext, first: PersonMention, persons: list[PersonMention]) -> list[str]:
    """ "waren Mei Lin und Carlos Ortega zu Y gewechselt": a subject after the
    verb, with the names listed right after it."""
    out = [first]
    for p in persons:
        if p.start <= out[-1].start:
            continue
        if not list_gap(ctx, ctx.body[out[-1].end : p.start]):
            break
        out.append(p)
    return list(dict.fromkeys(p.person for p in out))


def inverted_subject(ctx: MoveContext, ts: int, te: int, persons: list[PersonMention]) -> list[str]:
    """The subject right after the verb, where a fronted phrase put it there.

    The trigger may span it ("wechselte Anna Schmidt von"): the name then
    follows the trigger's first word."""
    at = _after_verb_word(ctx.body, ts, te)
    named = [p for p in persons if p.start == at]
    if not named:  # "zieht es Jan Roth zu": one word (an expletive) before the name
        second = _FIRST_WORD.match(ctx.body, at)
        nxt = second.end() + 1 if second else te
        named = [p for p in persons if p.start == nxt and nxt < te]
    if named:
        return _listed_from(ctx, named[0], persons)
    if ctx.rx["pronoun_singular"].match(ctx.body, at):
        return list(ctx.discourse.focus)
    if ctx.rx["pronoun_plural"].match(ctx.body, at):
        return list(ctx.discourse.group)
    return []
