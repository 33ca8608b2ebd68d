"""Move statements: who left which organisation for which, per sentence.

The engine works on a sentence as an ordered list of entities (people,
organisations, organisation anaphors, dates) and triggers found by the
language pack's lexicon.  Each trigger kind has one argument structure:

  join / found        SUBJECT trigger ORG       ("X joined Meta", "X founded Foo")
  leave               SUBJECT trigger ORG       (destination may follow: "for Y",
                                                  "to join Y")
  leave_noobj         SUBJECT trigger           (org = the subject's descriptor)
  hire / lose         AGENT-ORG trigger PERSONS  ("Meta hired X and Y")
  hire_passive        PERSON trigger [by] ORG
  found_passive       ORG trigger PERSON          ("Foo was co-founded by X")

Subjects may be lists ("X, Y and Z"), relative clauses ("Y, who joined"),
pronouns resolved to the article's focus, or plural nouns ("the pair").
Modality comes from cue words in the statement's clause.  Article-level
post-processing then joins a departure and a destination into one move and
folds duplicates.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from .cjk import relative_head, without_companions
from .dates import DateMention
from .gazetteer import Gazetteer
from .lang import LanguagePack
from .normalize import fold
from .orgs import OrgMention
from .people import PersonMention
from .sentences import Sentence
from .spans import SpanList, within
from .types import FuzzyDate, Modality

_CLAUSE_BREAK = re.compile(r"[;:—–]|, (?=\w)")

_COMMA_GAP = re.compile(r"\s*,?\s*")
_FIRST_WORD = re.compile(r"\S+")  # a trigger's verb
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|'|’)(?!\w)")
_TRAILING_COMMA = re.compile(r"\w,\s*$")
_LEADING_POSSESSIVE = re.compile(r"^(?:'s|’s)")
_WORDS = re.compile(r"\w+")
_ORG_POSSESSIVE = re.compile(r"^[^\s]+(?:'s|’s)\s+")  # "OpenAI's CEO of ..."


@dataclass(slots=True)
class Hop:
    """One move as a single statement gives it, before article-level merging."""

    person: str
    from_org: str | None
    to_org: str | None
    sentence: Sentence
    pos: int  # trigger offset, orders hops in the text
    kind: str
    date: FuzzyDate | None = None
    date_explicit: bool = False
    role: str | None = None
    modality: Modality = Modality.STATED
    chained: bool = False  # departure and destination in one statement
    merged: bool = field(default=False)
    returning: bool = False  # "returned to", "kembali ke": back to a former employer
    from_weak: bool = False  # `from` inferred from a descriptor, not stated
    companion_of: str | None = None  # moved "along with" this person


@dataclass(slots=True)
class _Ctx:
    body: str
    pack: LanguagePack
    gaz: Gazetteer
    published: dt.date | None
    persons: list[PersonMention]
    orgs: list[OrgMention]  # article-wide, sorted
    dates: list[DateMention]
    focus: list[str] = field(default_factory=list)  # current singular focus (1 name)
    nominals: list[re.Match[str]] = field(default_factory=list)  # "the departure of"
    group: list[str] = field(default_factory=list)  # last coordinated list of names
    affiliations: dict[str, str] = field(default_factory=dict)  # person -> described org
    trig_starts: list[int] = field(default_factory=list)  # offsets of every move verb


class MoveFinder:
    def __init__(self, pack: LanguagePack, gaz: Gazetteer) -> None:
        self.pack = pack
        self.gaz = gaz
        rx = pack.rx
        self.rx = rx
        pats = pack.data["patterns"]
        conj = "|".join(pats["conj"])
        withc = "|".join(sorted(pats["with_conj"], key=len, reverse=True))
        sp = r"\s+" if pack.spaced else r"\s*"  # the space between two words, if any
        # Gaps between two names of one list: "X, Y and Z", "X (, desc,) and Y",
        # "X along with co-founder Y", "X bersama rekan pendirinya, Y".
        self.coord = re.compile(
            rf"^\s*,\s*$|^\s*(?:,[^,;]{{1,120}}){{0,2}},?{sp}(?:{conj}|{withc}){sp}"
            rf"(?:[\w-]+{sp}){{0,3}}?(?:[\w-]+,\s*)?$",
            re.IGNORECASE,
        )
        self.coord_tight = re.compile(
            rf"^(?:\s*,\s*(?:(?:{conj}){sp})?|{sp}(?:{conj}){sp})$", re.IGNORECASE
        )
        self.comitative = re.compile(rf"(?<![\w-])(?:{withc})(?![\w-])", re.IGNORECASE)
        role_intro = "|".join(sorted(pats["role_intro"], key=len, reverse=True))
        role_end = "|".join(sorted(pats["role_end"], key=len, reverse=True))
        self.role_rx = re.compile(
            rf"(?<![\w-])(?:{role_intro})\s+(?P<role>[^,;.()\"“”]{{2,70}}?)"
            rf"(?=\s*(?:[,;.(\"“”]|$|\s(?:{role_end})\s))",
            re.IGNORECASE,
        )
        self.nominal = rx["leave_nominal"]
        # Optional Chinese word-order cues (cjk.py); None where a pack has none.
        self.companion_lead = rx["companion_lead"] if pats.get("companion_lead") else None
        self.relative_after = rx["relative_after"] if pats.get("relative_after") else None
        conj_alt = "|".join(pats["conj"] + pats.get("role_conj", []))
        self.role_split = re.compile(rf"\s+(?=(?:{conj_alt})\s)", re.IGNORECASE)

    # ------------------------------------------------------------------ sentences
    def find(
        self,
        body: str,
        sentences: list[Sentence],
        persons: list[PersonMention],
        orgs: list[OrgMention],
        dates: list[DateMention],
        published: dt.date | None,
        all_trigs: list[tuple[str, int, int]],
        affiliations: dict[str, str] | None = None,
    ) -> list[Hop]:
        """Hops of every sentence; `orgs` must include resolved anaphors and
        `all_trigs` is the pack's trigger scan of the body."""
        ctx = _Ctx(
            body, self.pack, self.gaz, published, SpanList(persons), SpanList(orgs), SpanList(dates)
        )
        ctx.nominals = list(self.nominal.finditer(body))
        ctx.affiliations = affiliations or {}
        ctx.trig_starts = [t[1] for t in all_trigs]
        hops: list[Hop] = []
        live = [s for s in sentences if not s.noise]
        starts = [t[1] for t in all_trigs]
        for i, s in enumerate(live):
            if s.heading:
                continue
            nxt = live[i + 1] if i + 1 < len(live) else None
            lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
            trigs = [t for t in all_trigs[lo:hi] if t[2] <= s.end]
            found = self._sentence(ctx, s, nxt, trigs)
            hops.extend(found)
            self._update_focus(ctx, s, found)
        self._announcement_dates(ctx, live, hops)
        return hops

    def with_anaphors(
        self, body: str, sentences: list[Sentence], orgs: list[OrgMention]
    ) -> list[OrgMention]:
        """Resolve "the company" / "perusahaan tersebut" to an organisation.

        The antecedent is the subject-like organisation: the first one of the
        same sentence before the anaphor, else the first one of the closest
        earlier sentence that names any."""
        orgs = SpanList(orgs)
        out = list(orgs)
        anaphors = list(self.rx["org_anaphor"].finditer(body))
        if not anaphors:
            return out
        last_first: OrgMention | None = None
        prev_orgs: list[OrgMention] = []  # orgs of the latest sentence naming any
        prev_start = 0
        for s in sentences:
            if s.noise:
                continue
            here = [m for m in anaphors if s.start <= m.start() < s.end]
            in_s = [o for o in within(orgs, s.start, s.end + 1) if o.start < s.end]
            if here and prev_orgs:
                # The subject-like organisation of that sentence, else its last.
                subj = [o for o in prev_orgs if not self._after_preposition(body, o, prev_start)]
                last_first = subj[0] if subj else prev_orgs[-1]
            for m in here:
                if any(o.start <= m.start() < o.end or 0 <= o.start - m.end() <= 2 for o in in_s):
                    continue  # inside a name, or naming one: "the start-up Foo"
                before = [o for o in in_s if o.end <= m.start()]
                # "the lab" names a kind of organisation: the latest one whose
                # own name says so ("... Superintelligence Labs") wins.
                heads = [
                    fold(w)
                    for w in m.group().split()
                    if len(w) >= 3 and fold(w) not in self.pack.stopwords
                ]
                named = [
                    o
                    for o in orgs
                    if o.end <= m.start()
                    and any(fold(w).startswith(h) for h in heads for w in o.name.split()[1:])
                ]
                # Same sentence: the closest organisation before; otherwise the
                # subject-like first organisation of the closest earlier sentence.
                ante = named[-1] if named else before[-1] if before else last_first
                if ante is not None:
                    mention = OrgMention(m.start(), m.end(), m.group(), ante.name, ante.known)
                    out.append(mention)
                    in_s.append(mention)
                    in_s.sort(key=lambda o: o.start)
            if in_s:
                prev_orgs, prev_start = in_s, s.start
        out.sort(key=lambda o: o.start)
        return out

    def affiliations(
        self,
        body: str,
        sentences: list[Sentence],
        persons: list[PersonMention],
        orgs: list[OrgMention],
        triggers: list[tuple[str, int, int]],
    ) -> dict[str, str]:
        """Each person's described employer in the article, former ones included
        ("Jane Doe, an OpenAI alumna"); "was most recently at X" wins.  The
        fallback `from` of a move whose own statement names none."""
        ctx = _Ctx(body, self.pack, self.gaz, None, SpanList(persons), SpanList(orgs), [])
        ctx.trig_starts = [t[1] for t in triggers]
        out: dict[str, str] = {}
        recent: dict[str, str] = {}
        tried: dict[str, int] = {}
        prev: list[PersonMention] = []
        for s in sentences:
            if s.noise:
                continue
            ps = within(persons, s.start, s.end)
            last, prev = prev, ps
            for p in ps:
                # Descriptions come with the first mentions; later ones are bare.
                tried[p.person] = tried.get(p.person, 0) + 1
                if p.person not in out and tried[p.person] <= 3:
                    org = self._descriptor_org(ctx, s, [p.person], [p], s.end, allow_former=True)
                    if org:
                        out[p.person] = org
            m = self.rx["prev_employer"].search(body, s.start, s.end)
            if m:
                org = self._first_org(ctx, m.end(), s.end, exclude=set(), near=60)
                who = [p.person for p in ps if p.end <= m.start()]
                # "X has joined Y. He previously worked at Z.": a pronoun
                # subject is the one person of the sentence before.
                if (
                    not who
                    and len({p.person for p in last}) == 1
                    and self.rx["pronoun_singular"].search(body, s.start, m.end())
                ):
                    who = [last[0].person]
                if org is not None and who:
                    recent.setdefault(who[-1], org.name)
        return {**out, **recent}

    def _update_focus(self, ctx: _Ctx, s: Sentence, found: list[Hop]) -> None:
        """The singular focus a later "he"/"ia" refers to: the subject of the
        last move statement, else the sentence's first name unless the
        sentence's subject is itself a pronoun (focus carries over)."""
        ps = within(ctx.persons, s.start, s.end)
        if not ps and not found:
            return
        subjects = list(dict.fromkeys(h.person for h in found))
        if len(subjects) == 1:
            ctx.focus = subjects
        elif ps:
            head = ctx.body[s.start : ps[0].start]
            if not self.rx["pronoun_singular"].search(head):
                ctx.focus = [ps[0].person]
        groups = self._coordinated_lists(ctx, ps)
        if len(subjects) >= 2:
            ctx.group = subjects
        elif groups:
            ctx.group = groups[-1]

    def _coordinated_lists(self, ctx: _Ctx, ps: list[PersonMention]) -> list[list[str]]:
        lists: list[list[str]] = []
        cur: list[PersonMention] = []
        for p in ps:
            if cur and self.coord_tight.match(ctx.body[cur[-1].end : p.start]):
                if p.person not in [c.person for c in cur]:
                    cur.append(p)
                continue
            if len(cur) >= 2:
                lists.append([c.person for c in cur])
            cur = [p]
        if len(cur) >= 2:
            lists.append([c.person for c in cur])
        return lists

    def _sentence(
        self, ctx: _Ctx, s: Sentence, nxt: Sentence | None, trigs: list[tuple[str, int, int]]
    ) -> list[Hop]:
        hops: list[Hop] = []
        nominal = [m for m in ctx.nominals if s.start <= m.start() < s.end]
        if not trigs and not nominal:
            return hops
        persons = within(ctx.persons, s.start, s.end)
        for m in nominal:
            hops.extend(self._nominal(ctx, s, m.start(), m.end(), persons, trigs))
        if not trigs:
            return hops
        consumed: set[int] = set()  # triggers used as the second half of a chain
        for ti, (kind, ts, te) in enumerate(trigs):
            if ti in consumed:
                continue
            next_start = trigs[ti + 1][1] if ti + 1 < len(trigs) else s.end
            if kind in ("hire", "lose"):
                hops.extend(
                    self._agentive(ctx, s, kind, ts, te, next_start, persons, nxt, trigs, ti)
                )
                continue
            if kind == "found_passive":
                hops.extend(self._found_passive(ctx, s, ts, te, next_start, persons))
                continue
            subjects = self._subjects(ctx, s, ts, persons)
            if not subjects and self.pack.subject_after_verb:
                subjects = self._inverted_subject(ctx, ts, te, persons)
            if not subjects:
                continue
            subj_start = min(
                (p.start for p in persons if p.person in subjects and p.start < ts), default=ts
            )
            from_org: str | None = None
            to_org: str | None = None
            obj_end = te
            chained = False
            last_ti = ti
            if kind == "hire_passive":
                org = self._first_org(ctx, te, next_start, exclude=set(), near=60)
                if org is None:  # no agent named: the organisation the clause names
                    org = self._first_org(ctx, te, s.end, exclude=set())
                if org is None:
                    continue
                to_org, obj_end = org.name, org.end
                comma = ctx.body.find(", ", te, obj_end)
                if comma > 0:
                    obj_end = comma  # the clause ends there; its modality is its own
            elif kind in ("join", "found"):
                org = self._first_org(ctx, te, next_start, exclude=set(), near=90)
                if org is None:
                    org = self._announcer(ctx, s, subj_start)
                if org is None or not self._org_itself(ctx, org):
                    continue
                if (
                    kind == "found"
                    and org.start > te
                    and any(
                        self.rx["prepositions"].fullmatch(w)
                        for w in ctx.body[te : org.start].split()
                    )
                ):
                    continue  # "launched a product at Google": Google was not founded
                to_org, obj_end = org.name, max(org.end, te)
            else:  # leave, leave_noobj
                if kind == "leave":
                    org = self._first_org(ctx, te, next_start, exclude=set(), near=60)
                    if org is not None and not self._org_itself(ctx, org):
                        continue  # "left Meta's board", "left Nvidia's keynote"
                    if org is not None:
                        from_org, obj_end = org.name, org.end
                    elif self._other_object(ctx, te):
                        continue  # "left the stage": not an employer
                if from_org is None and kind == "leave_noobj":
                    # "is stepping down as chief executive of Foo"
                    intro = self.role_rx.match(ctx.body, te + 1)
                    if intro:
                        org = self._first_org(ctx, intro.start("role"), next_start, set(), near=70)
                        if org is not None:
                            from_org, obj_end = org.name, org.end
                if from_org is None:
                    # "mantan CTO Foo, X, mengundurkan diri": resigning made the
                    # description former; only when nothing else is named after.
                    bare = (
                        kind == "leave_noobj"
                        and len({o.name for o in within(ctx.orgs, s.start, s.end)}) == 1
                        and not within(ctx.orgs, te, next_start)
                        and not self.rx["from_prep"].search(ctx.body, te, next_start)
                    )
                    from_org = self._descriptor_org(
                        ctx, s, subjects, persons, ts, allow_former=bare, single=bare
                    )
                if from_org is None and kind == "leave_noobj":
                    # "The company confirmed that X resigned": from the announcer,
                    # unless it is a newsroom reporting on someone else.
                    announcer = self._announcer(ctx, s, subj_start)
                    if announcer is not None and not self.gaz.is_media(announcer.name):
                        from_org = announcer.name
                # A destination in the same statement: "for Meta", "to join Meta".
                dest, dest_end, used = self._destination(
                    ctx, s, trigs, ti, obj_end, persons, from_org
                )
                if used:
                    consumed.update(used)
                    last_ti = max(used)
                if dest is not None:
                    to_org, obj_end, chained = dest, dest_end, True
                if from_org is None and to_org is None:
                    continue
            weak = False
            if from_org is None:
                from_org, weak = self._from_side(
                    ctx, s, subjects, persons, ts, te, obj_end, next_start, to_org
                )
            # "加入字节的 CFO 高准": the relative clause's object describes the head.
            named_after = subj_start == ts and self.relative_after is not None
            if (
                from_org is None
                and to_org is not None
                and not self.rx["return"].match(ctx.body, ts)
                and not named_after
            ):
                # "Foo's CFO Jane Roe has been appointed CEO of Foo": a promotion.
                desc = self._descriptor_org(ctx, s, subjects, persons, ts)
                if desc is not None and desc in ctx.gaz.family(to_org):
                    continue
            if from_org is not None and to_org is not None and from_org == to_org:
                from_org = None
            # "X joined Meta along with Y": Y moves too, from where X came.
            companions: list[str] = []
            if kind in ("join", "found") and to_org is not None:
                companions = [
                    n for n in self._comitative(ctx, obj_end, s.end, persons) if n not in subjects
                ]
                subjects = subjects + companions
            region_start = self._clause_start(s, subj_start)
            modality = self._modality(ctx, s, region_start, obj_end, ts)
            if modality is None:
                continue
            date, explicit = self._date(
                ctx, s, ts, obj_end, trigs, last_ti, region_start, first_ti=ti
            )
            role = self._role(ctx, te, s.end if chained else next_start, s.end)
            returning = bool(self.rx["return"].match(ctx.body, ts))
            for name in subjects:
                hops.append(
                    Hop(
                        name,
                        from_org,
                        to_org,
                        s,
                        ts,
                        kind,
                        date,
                        explicit,
                        role,
                        modality,
                        chained,
                        returning=returning,
                        from_weak=weak,
                        companion_of=subjects[0] if name in companions else None,
                    )
                )
        return hops

    # ------------------------------------------------------------------ arguments
    def _subjects(self, ctx: _Ctx, s: Sentence, ts: int, persons: list[PersonMention]) -> list[str]:
        body = ctx.body
        before = [p for p in persons if p.end <= ts]
        if self.companion_lead is not None:  # "与X等人创办了Y": X is no subject
            before = without_companions(body, s.start, before, self.companion_lead)
        if before:
            last = before[-1]
            between = body[last.end : ts]
            speech = self.rx["speech"].search(between)
            if not speech:
                rel = self.rx["relative"].search(between)
                # "11 researchers who were hired": a relative clause of another
                # noun, not of the name before it.
                if (
                    rel
                    and not _COMMA_GAP.fullmatch(between[: rel.start()])
                    and "," not in between[rel.end() :]
                ):
                    return []
                return self._with_coordinated(ctx, before)
            # "X said (that) he was leaving": the pronoun after the speech verb.
            tail = between[speech.end() :]
            if self.rx["pronoun_plural"].search(tail):
                return self._group_for(ctx, before)
            if self.rx["pronoun_singular"].search(tail) or self.rx["pronoun_first"].search(tail):
                speaker = self._with_coordinated(ctx, before)
                return speaker if len(speaker) == 1 else []
            return []
        clause_text = body[self._clause_start(s, ts) : ts]
        # No name before the trigger: a pronoun or plural noun subject.
        if self.rx["pronoun_plural"].search(clause_text):
            return list(ctx.group)
        if self.rx["pronoun_singular"].search(clause_text):
            return list(ctx.focus)
        titled = self._title_subject(ctx, self._clause_start(s, ts), ts)
        if titled:
            return [titled]
        # '"I am leaving OpenAI," Jane Roe said': the quoted speaker.
        if self.rx["pronoun_first"].search(body, max(s.start, ts - 30), ts):
            speakers = {
                p.person
                for p in persons
                if self.rx["speech"].match(body, p.end + 1)
                or self.rx["speech"].search(body, max(s.start, p.start - 20), p.start)
            }
            if len(speakers) == 1:
                return list(speakers)
        if self.relative_after is not None:  # "加入字节的 CFO 高准"
            head = relative_head(body, ts, s.end, persons, self.relative_after)
            if head is not None:
                return [head.person]
        # A fronted subordinate clause: "After leaving Tesla, he ...".
        rest = body[ts : s.end]
        comma = rest.find(", ")
        if comma >= 0:
            at = ts + comma + 2
            after_ps = [p for p in persons if p.start == at]
            if after_ps:
                return [after_ps[0].person]
            after = body[at : s.end]
            if self.rx["pronoun_plural"].match(after):
                return list(ctx.group)
            if self.rx["pronoun_singular"].match(after):
                return list(ctx.focus)
        return []

    def _inverted_subject(
        self, ctx: _Ctx, ts: int, te: int, persons: list[PersonMention]
    ) -> list[str]:
        """The subject right after the verb, where a fronted phrase put it there.

        The trigger may span it ("wechselte Anna Schmidt von"): the name then
        follows the trigger's first word."""
        verb = _FIRST_WORD.match(ctx.body, ts)
        at = verb.end() if verb and verb.end() < te else te
        while at < len(ctx.body) and ctx.body[at] == " ":
            at += 1
        named = [p.person for p in persons if p.start == at]
        if named:
            return named[:1]
        if self.rx["pronoun_singular"].match(ctx.body, at):
            return list(ctx.focus)
        if self.rx["pronoun_plural"].match(ctx.body, at):
            return list(ctx.group)
        return []

    def _title_subject(self, ctx: _Ctx, a: int, ts: int) -> str | None:
        """ "The former Scale chief is leaving": the one person described at
        that organisation earlier in the article."""
        words = ctx.body[a:ts].split()
        if not words or not self.rx["title_lead"].fullmatch(words[0]):
            return None
        if not any(self.pack.is_title(fold_word(w)) for w in words[-3:]):
            return None
        orgs = within(ctx.orgs, a, ts)
        if len(orgs) != 1:
            return None
        fam = ctx.gaz.family(orgs[0].name)
        named = {
            p.person for p in ctx.persons if p.end <= a and ctx.affiliations.get(p.person) in fam
        }
        return named.pop() if len(named) == 1 else None

    def _with_coordinated(self, ctx: _Ctx, before: list[PersonMention]) -> list[str]:
        """The last name before the trigger plus the names listed with it."""
        out = [before[-1]]
        for p in reversed(before[:-1]):
            if self.coord.match(ctx.body[p.end : out[-1].start]):
                out.append(p)
            else:
                break
        return list(dict.fromkeys(p.person for p in reversed(out)))

    def _group_for(self, ctx: _Ctx, before: list[PersonMention]) -> list[str]:
        names = self._with_coordinated(ctx, before)
        return names if len(names) >= 2 else list(ctx.group)

    def _objects(
        self, ctx: _Ctx, persons: list[PersonMention], a: int, b: int
    ) -> list[PersonMention]:
        """The first name after a verb and the names listed with it."""
        after = [p for p in persons if a <= p.start < b]
        if not after or len(ctx.body[a : after[0].start].split()) > 6:
            return []
        if _POSSESSIVE_AFTER.match(ctx.body, after[0].end):
            return []  # "hired Jane Roe's deputy": the object is someone else
        out = [after[0]]
        for p in after[1:]:
            gap = ctx.body[out[-1].end : p.start]
            if self.coord.match(gap) and not self.rx["speech"].search(gap):
                out.append(p)
            else:
                break
        return out

    def _comitative(self, ctx: _Ctx, a: int, b: int, persons: list[PersonMention]) -> list[str]:
        m = self.comitative.search(ctx.body, a, min(b, a + 40))
        if not m:
            return []
        return [p.person for p in self._objects(ctx, persons, m.end(), b)]

    def _agentive(
        self,
        ctx: _Ctx,
        s: Sentence,
        kind: str,
        ts: int,
        te: int,
        next_start: int,
        persons: list[PersonMention],
        nxt: Sentence | None,
        trigs: list[tuple[str, int, int]],
        ti: int,
    ) -> list[Hop]:
        """AGENT hires/loses PERSONS."""
        body = ctx.body
        agent = self._org_before(ctx, s, ts)
        person_before = [p for p in persons if p.end <= ts]
        if agent is not None and person_before and person_before[-1].start > agent.end:
            between = body[person_before[-1].end : ts]
            if not self.rx["relative"].search(between):
                agent = None  # "Zuckerberg hired ...": the agent is a person
        objects = self._objects(ctx, persons, te, next_start)
        indef = None
        if not objects and kind == "hire" and nxt is not None:
            indef = self.rx["indef_person"].match(body, body.find(" ", te) + 1)
            if indef:
                lead = within(ctx.persons, nxt.start, nxt.end)[:1]
                lead = [p for p in lead if p.start == nxt.start]
                objects = lead[:1]
        if not objects:
            return []
        names = list(dict.fromkeys(p.person for p in objects))
        obj_end = indef.end() if indef else objects[-1].end
        to_org: str | None = None
        from_org: str | None = None
        weak = False
        if kind == "hire":
            if agent is None:
                # "X hired Y to serve as Z at ORG": the org the role is at.
                at = [
                    o
                    for o in within(ctx.orgs, obj_end, s.end)
                    if o.start < next_start and self._preceded_by_at(ctx, o)
                ]
                if not at:
                    return []
                to_org = at[0].name
            else:
                to_org = agent.name
            fp = self.rx["from_prep"].search(body, te, next_start)
            if fp:
                org = self._first_org(ctx, fp.end(), fp.end() + 40, exclude={to_org})
                if org is not None:
                    from_org = org.name
            if from_org is None and not indef:
                from_org = self._descriptor_org(ctx, s, names, persons, ts, after=True)
                if from_org is None and len(names) == 1:
                    # "hired Jane Roe, a former Foo researcher": her last employer.
                    from_org = self._descriptor_org(
                        ctx, s, names, persons, ts, after=True, allow_former=True, single=True
                    )
                weak = from_org is not None
                if from_org is not None and from_org in ctx.gaz.family(to_org):
                    return []  # the agent promotes its own employee
                app = body[objects[0].end : objects[0].end + 30]
                if self.rx["own_possessive"].match(app.lstrip(", ")) and app.startswith(","):
                    return []  # "hired Jane Roe, its head of sales, as president"
                if app.startswith(",") and self.rx["relative"].match(app.lstrip(", ")):
                    # "named Jane Roe, who had served as its CFO, president":
                    # a stay cue in the relative clause makes it a promotion.
                    close = body.find(",", objects[0].end + 1, s.end)
                    rel = body[objects[0].end : close if close > 0 else s.end]
                    if self.rx["stay"].search(rel):
                        return []
        else:  # lose
            if agent is None:
                return []
            from_org = agent.name
            # "lost John Platt to Microsoft": the rival is the destination.
            dest = self.rx["lose_to"].match(body, obj_end + 1)
            if dest:
                org = self._first_org(ctx, dest.end(), next_start, exclude={from_org}, near=30)
                if org is not None:
                    to_org = org.name
        if from_org == to_org:
            from_org = None
        region_start = self._clause_start(s, agent.start if agent else ts)
        modality = self._modality(ctx, s, region_start, obj_end, ts)
        if modality is None:
            return []
        date, explicit = self._date(ctx, s, ts, next_start, trigs, ti, region_start)
        returning = bool(self.rx["return"].match(body, ts))
        # Each object's own role: "hired A, ..., as CFO, and B, ..., as CPO".
        roles: dict[str, str | None] = {}
        for k, p in enumerate(objects):
            end = objects[k + 1].start if k + 1 < len(objects) else next_start
            roles.setdefault(p.person, self._role(ctx, p.end, end, end))
        shared = self._role(ctx, te, next_start, s.end)
        return [
            Hop(
                n,
                from_org,
                to_org,
                s,
                ts,
                kind,
                date,
                explicit,
                roles.get(n) or (shared if len(names) == 1 else None),
                modality,
                returning=returning,
                from_weak=weak,
            )
            for n in names
        ]

    def _nominal(
        self,
        ctx: _Ctx,
        s: Sentence,
        ns: int,
        ne: int,
        persons: list[PersonMention],
        trigs: list[tuple[str, int, int]],
    ) -> list[Hop]:
        """ "the departure of X", "mundurnya CTO OpenAI X": a departure from X's org."""
        objs = self._objects(ctx, persons, ne, s.end)
        if not objs:
            return []
        names = [p.person for p in objs]
        from_org = self._descriptor_org(ctx, s, names, persons, ns, after=True)
        if from_org is None:
            return []
        modality = self._modality(ctx, s, ns, objs[-1].end, ns)
        if modality is None:
            return []
        after = [d for d in within(ctx.dates, objs[-1].end, s.end) if d.start < objs[-1].end + 25]
        date = after[0].date if after else None
        return [
            Hop(n, from_org, None, s, ns, "leave", date, date is not None, None, modality)
            for n in names
        ]

    def _found_passive(
        self,
        ctx: _Ctx,
        s: Sentence,
        ts: int,
        te: int,
        next_start: int,
        persons: list[PersonMention],
    ) -> list[Hop]:
        org = self._org_before(ctx, s, ts)
        objects = self._objects(ctx, persons, te, next_start)
        if org is None or not objects:
            return []
        names = list(dict.fromkeys(p.person for p in objects))
        modality = self._modality(ctx, s, self._clause_start(s, org.start), objects[-1].end, ts)
        if modality is None:
            return []
        date, explicit = self._date(ctx, s, ts, next_start, [], 0, s.start)
        return [
            Hop(n, None, org.name, s, ts, "found_passive", date, explicit, None, modality)
            for n in names
        ]

    def _first_org(
        self, ctx: _Ctx, a: int, b: int, exclude: set[str | None], near: int | None = None
    ) -> OrgMention | None:
        """First organisation (or resolved anaphor) in body[a:b]; with `near`,
        only one close enough to be the verb's object."""
        limit = min(b, a + near) if near else b
        first = bisect_left(ctx.orgs, a, key=lambda o: o.start)
        for o in ctx.orgs[first:]:
            if o.start >= limit:
                break
            if o.name in exclude or o.modifier:
                continue
            gap = ctx.body[a : o.start]
            if near and ("," in gap or len(gap.split()) > 4):
                return None  # too far from the verb to be its object
            return o
        return None

    def _after_preposition(self, body: str, o: OrgMention, floor: int) -> bool:
        """In a prepositional phrase: "in Foo", "from Foo and Bar"."""
        words = body[max(floor, o.start - 40) : o.start].split()
        if not words:
            return False
        if self.rx["prepositions"].fullmatch(words[-1]):
            return True
        # "... including Nvidia and Amazon": a conjunct of a prepositional object.
        return (
            self.rx["conj"].fullmatch(words[-1]) is not None
            and len(words) >= 3
            and bool(self.rx["prepositions"].fullmatch(words[-3]))
        )

    def _org_before(self, ctx: _Ctx, s: Sentence, ts: int) -> OrgMention | None:
        """The agent: the first subject-like organisation of the clause, i.e.
        one not introduced by a preposition ("invest in Foo and hired")."""
        cands = within(ctx.orgs, s.start, ts)
        for o in cands:
            if (
                not o.modifier
                and not self._after_preposition(ctx.body, o, s.start)
                and not ctx.gaz.is_media(o.name)  # "Bloomberg reported ...": no employer
            ):
                return o
        return None

    def _announcer(self, ctx: _Ctx, s: Sentence, subj_start: int) -> OrgMention | None:
        """ "Foo announced that X joins as chief scientist": Foo is the destination."""
        sp = None
        for m in self.rx["speech"].finditer(ctx.body, s.start, subj_start):
            sp = m
        if sp is None:
            return None
        orgs = within(ctx.orgs, s.start, sp.start())
        if not orgs or within(ctx.persons, orgs[-1].end + 1, sp.start()):
            return None
        return orgs[-1]

    def _org_itself(self, ctx: _Ctx, org: OrgMention) -> bool:
        """False for "Nvidia's earnings call": the object is something of the
        organisation's other than a unit of it ("Meta's new lab" is fine)."""
        tail = ctx.body[org.end : org.end + 60]
        if not tail.startswith(("'s", "’s")):
            return True
        words = [w.strip(",.;:") for w in tail[2:].split()[:5]]
        return any(self.rx["unit_nouns"].fullmatch(w) for w in words)

    def _other_object(self, ctx: _Ctx, te: int) -> bool:
        """ "left the stage": a lowercase object that is neither a preposition
        (a date, a destination follows) nor a post ("left his post")."""
        words = ctx.body[te : te + 40].split()[:3]
        if not words or not words[0][:1].isalpha() or not words[0][0].islower():
            return False
        w0 = words[0].strip(",.;:")
        if self.rx["prepositions"].fullmatch(w0) or self.rx["dest_prep"].match(ctx.body, te + 1):
            return False
        nouns = [w.strip(",.;:") for w in words[:3]]
        return not any(self.rx["post_nouns"].fullmatch(w) for w in nouns)

    def _preceded_by_at(self, ctx: _Ctx, org: OrgMention) -> bool:
        words = ctx.body[max(0, org.start - 12) : org.start].split()
        return bool(words) and bool(self.rx["at_prep"].fullmatch(words[-1]))

    def _descriptor_org(
        self,
        ctx: _Ctx,
        s: Sentence,
        subjects: list[str],
        persons: list[PersonMention],
        ts: int,
        after: bool = False,
        allow_former: bool = False,
        single: bool = False,
    ) -> str | None:
        """The organisation a person (or a listed group) is described at,
        unless described as former: "OpenAI researcher Jason Wei", "Jane Doe,
        a researcher at Foo,", "CEO Windsurf Varun Mohan"."""
        body = ctx.body
        mentions = [p for p in persons if p.person in subjects and s.start <= p.start < s.end]
        if after:
            mentions = [p for p in mentions if p.start >= ts] or mentions
        else:
            mentions = [p for p in mentions if p.start < ts] or mentions
        if not mentions:
            return None
        for pm in mentions:  # "members of Foo's team, including Jane Roe"
            inc = self.rx["including"].search(body, max(s.start, pm.start - 14), pm.start)
            if inc and not body[inc.end() : pm.start].strip(" ,:"):
                pre = within(ctx.orgs, max(s.start, inc.start() - 80), inc.start())
                if pre:
                    return pre[-1].name
        for pm in mentions:  # before a name: ORG ('s)? title-words NAME
            pre = within(ctx.orgs, max(s.start, pm.start - 60), pm.start)
            if not pre:
                continue
            o = pre[-1]
            gap = body[o.end : pm.start]
            if _TRAILING_COMMA.search(gap) and gap.count(",") == 1:
                gap = gap.rstrip().rstrip(",") + " "  # "Foo's chief executive, Jane Doe"
            # "OpenAI-Forscher X": the compound's noun is the title word.
            words = [w.strip("’'-") for w in _LEADING_POSSESSIVE.sub("", gap).split()]
            if gap.strip() == ",":
                lead = body[max(s.start, o.start - 30) : o.start].split()[-3:]
                if any(self.pack.is_title(fold_word(w)) for w in lead) and (
                    allow_former or not self.rx["former"].search(" ".join(lead))
                ):
                    return o.name  # "co-founder of OpenAI, John Doe,"
                continue
            ok = (
                len(words) <= 5
                and "," not in gap
                and "(" not in gap
                and (not words or any(self.pack.is_title(fold_word(w)) for w in words))
                and not self._trigger_in(ctx, o.end, pm.start)
                and not self.rx["speech"].search(gap)
            )
            if ok and (
                allow_former
                or not (
                    self.rx["former"].search(gap)
                    or self.rx["former"].search(body[max(s.start, o.start - 12) : o.start])
                )
            ):
                return o.name
        for pm in reversed(mentions):  # after a name: ", ... at/of ORG ...,"
            if body[pm.end : pm.end + 1] != ",":
                continue
            end = body.find(",", pm.end + 1)
            if end < 0 or end > s.end:
                end = s.end if body[s.end - 1 : s.end] == "." and after else -1
            if end < 0:
                continue
            app = body[pm.end : end]
            if self._trigger_in(ctx, pm.end, end) or self.rx["speech"].search(app):
                continue
            post = within(ctx.orgs, pm.end, end)
            if single and len({o.name for o in post}) > 1:
                continue  # "stints at Foo and Bar": no one origin
            if post and (allow_former or not self.rx["former"].search(app)):
                return post[-1].name if self._preceded_by_at(ctx, post[-1]) else post[0].name
        return None

    @staticmethod
    def _trigger_in(ctx: _Ctx, a: int, b: int) -> bool:
        """A move verb lies inside body[a:b] (from the article's trigger scan)."""
        i = bisect_left(ctx.trig_starts, a)
        return i < len(ctx.trig_starts) and ctx.trig_starts[i] < b

    def _from_side(
        self,
        ctx: _Ctx,
        s: Sentence,
        subjects: list[str],
        persons: list[PersonMention],
        ts: int,
        te: int,
        obj_end: int,
        next_start: int,
        to_org: str | None,
    ) -> tuple[str | None, bool]:
        """The organisation left, and whether it is only inferred (weak)."""
        body = ctx.body
        exclude: set[str | None] = set(ctx.gaz.family(to_org)) if to_org else set()
        # "joined X from Y", "after years at Y".
        fp = self.rx["from_prep"].search(body, obj_end, next_start)
        if fp and len(_WORDS.findall(body, obj_end, fp.start())) <= 5:
            org = self._first_org(ctx, fp.end(), fp.end() + 50, exclude=exclude)
            if org is not None:
                return org.name, False
        # "Before joining X, she was a researcher at Y" / "... at Y before joining X".
        bm = self.rx["before_marker"].search(body, max(s.start, ts - 15), te)
        if bm:
            # The organisation nearest the "before" clause: the last one before
            # the verb ("worked at Y before joining X"), else the first after it.
            near = within(ctx.orgs, s.start, ts)[::-1] + within(ctx.orgs, obj_end, s.end)
            for o in near:
                if (
                    s.start <= o.start < s.end
                    and o.name not in exclude
                    and not (ts <= o.start < obj_end)
                    and self._preceded_by_at(ctx, o)
                ):
                    return o.name, False
        # "three researchers from OpenAI's Zurich office, X, Y and Z".
        fp = self.rx["from_prep"].search(body, s.start, ts)
        if fp:
            org = self._first_org(ctx, fp.end(), fp.end() + 40, exclude=exclude)
            if org is not None and org.end <= ts:
                return org.name, False
        desc = self._descriptor_org(ctx, s, subjects, persons, ts)
        if desc is not None and desc not in exclude:
            return desc, True
        return None, False

    def _destination(
        self,
        ctx: _Ctx,
        s: Sentence,
        trigs: list[tuple[str, int, int]],
        ti: int,
        obj_end: int,
        persons: list[PersonMention],
        from_org: str | None,
    ) -> tuple[str | None, int, set[int]]:
        """After a departure: "for Meta", "to join Meta", "dan bergabung dengan Meta"."""
        exclude: set[str | None] = {from_org}
        limit = trigs[ti + 1][1] if ti + 1 < len(trigs) else s.end
        dp = self.rx["dest_prep"].match(ctx.body, obj_end + 1) if obj_end < s.end else None
        if dp is None and obj_end < s.end:
            # "left Foo earlier this year for Bar": a date phrase in between.
            for d in ctx.dates:
                if d.start == obj_end + 1 and d.end < limit:
                    dp = self.rx["dest_prep"].match(ctx.body, d.end + 1)
                    break
        if dp:
            org = self._first_org(ctx, dp.end(), min(limit, dp.end() + 45), exclude=exclude)
            if org is not None:
                return org.name, org.end, set()
        # A join/found trigger right after, in the same clause, no new name between.
        for tj in range(ti + 1, len(trigs)):
            kind, ts2, te2 = trigs[tj]
            gap = ctx.body[obj_end:ts2]
            if kind not in ("join", "found", "leave") or "," in gap or ";" in gap:
                break
            if any(obj_end <= p.start < ts2 for p in persons):
                break
            if kind == "leave":
                continue
            nxt = trigs[tj + 1][1] if tj + 1 < len(trigs) else s.end
            org = self._first_org(ctx, te2, nxt, exclude=exclude, near=90)
            if org is not None:
                return org.name, org.end, set(range(ti + 1, tj + 1))
            return None, obj_end, set(range(ti + 1, tj + 1))
        return None, obj_end, set()

    # ------------------------------------------------------------------ qualities
    def _clause_start(self, s: Sentence, pos: int) -> int:
        text = s.text[: pos - s.start]
        cut = max(text.rfind(", "), text.rfind("; "), text.rfind(": "))
        return s.start + cut + 2 if cut >= 0 else s.start

    def _modality(self, ctx: _Ctx, s: Sentence, a: int, b: int, ts: int) -> Modality | None:
        """None when the statement is not a move at all (stays, sabbaticals)."""
        region = ctx.body[a : max(b, ts)]
        if self.rx["stay"].search(region):
            return None
        # "returned after a three-month leave": absences reach to the clause end.
        clause_end = ctx.body.find(",", max(b, ts), s.end)
        if self.rx["absence"].search(ctx.body, a, clause_end if clause_end > 0 else s.end):
            return None
        if self.rx["denial"].search(region):
            return Modality.DENIED
        rumour = self.rx["rumour"].search(region)
        if rumour:
            # "Foo said she would join": a modal in reported speech reports.
            sp = self.rx["speech"].search(ctx.body, s.start, a + rumour.start())
            if not (
                sp
                and self.rx["reported_modal"].fullmatch(rumour.group())
                and not self.rx["rumour"].search(region, rumour.end())
            ):
                return Modality.RUMOURED
            return Modality.REPORTED
        if self.rx["reported"].search(s.text):
            return Modality.REPORTED
        return Modality.STATED

    def _date(
        self,
        ctx: _Ctx,
        s: Sentence,
        ts: int,
        end: int,
        trigs: list[tuple[str, int, int]],
        ti: int,
        region_start: int,
        first_ti: int | None = None,
    ) -> tuple[FuzzyDate | None, bool]:
        """The date of the statement's own clause, else the tense default:
        a present statement ("has joined", "is leaving") takes the
        publication month, background history none."""
        nxt = trigs[ti + 1][1] if ti + 1 < len(trigs) else s.end
        after = [d for d in within(ctx.dates, ts, s.end) if d.start < max(nxt, end)]
        if after:
            return after[0].date, True
        fi = ti if first_ti is None else first_ti
        prev_end = trigs[fi - 1][2] if 0 < fi <= len(trigs) else s.start
        before = within(ctx.dates, max(prev_end, s.start), ts)
        if before:
            return before[-1].date, True
        if ctx.published is None:
            return None, False
        region = ctx.body[region_start : max(end, ts)]
        current = bool(self.rx["current"].search(region))
        if not current and self.pack.untensed_is_current:
            current = not self.rx["past"].search(ctx.body[self._clause_start(s, ts) : max(end, ts)])
        if current:
            return FuzzyDate(ctx.published.year, ctx.published.month), False
        return None, False

    def _announcement_dates(self, ctx: _Ctx, live: list[Sentence], hops: list[Hop]) -> None:
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
                ds = [d for d in within(ctx.dates, s.start, s.end) if d.date.day]
                if ds and self.rx["speech"].search(s.text):
                    hops[k] = replace(h, date=ds[0].date, date_explicit=True)
                    break

    def _role(self, ctx: _Ctx, a: int, b: int, send: int) -> str | None:
        m = self.role_rx.search(ctx.body, a, min(send, b + 160))
        if not (m and m.start() < b + 40 and self.rx["role_words"].search(m.group("role"))):
            return None
        role = m.group("role").strip()
        # "OpenAI's CEO of Applications": the organisation is not part of the title.
        role = _ORG_POSSESSIVE.sub("", role)
        # "chief AI officer and lead MSL": keep the conjuncts that are titles.
        parts = self.role_split.split(role)
        kept = [parts[0]]
        for part in parts[1:]:
            if not self.rx["role_words"].search(part.split(None, 1)[-1]):
                break
            kept.append(part)
        role = " ".join(kept)
        return role if 0 < len(role.split()) <= 8 else None


def fold_word(w: str) -> str:
    return w.lower().strip('.,;:()"“”')
