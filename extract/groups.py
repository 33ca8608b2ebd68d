"""Unnamed headcount moves: "at least 11 researchers from OpenAI, Google and
Anthropic", "sejumlah anggota tim riset Character.AI juga ikut pindah".

A group phrase (quantity + up to four words + a staff noun) is tied to the
move statement of its sentence: the agent of a hire before it ("Meta poached
seven researchers"), a join verb after it ("... will move to Microsoft"), or a
departure ("two other leaders were stepping down").  Its origins are the
organisations listed after "from"/"dari", or the one that owns the team.

Also: a relative clause's head is the hirer ("OpenAI, which countered by
bringing in ..."); a pronoun or person subject hires for the previous group's
hirer or the article's main destination; group-only bring verbs ("yang membawa
setidaknya 11 peneliti dari ..."); a staff noun with no quantity right after a
hire verb when origins follow ("merekrut peneliti dari ..."); a companion of a
join ("along with some members of Foo's team"); "its employees" owned by the
clause's subject; a departure group with no origin takes the main move's; a
destination-only group inherits the origins of the previous sentence's
departure group ("Several left Foo. Two returned to Bar.").

How the code reads a sentence: `_clauses` keeps the sentences with a move
verb; `_counted_groups` turns each group phrase into a `Statement` (the phrase
and the verbs on either side) and asks the `Reading`s, in order, what the
group did (a `Role`); `_settled` completes its origins; `_emit` records the
first group of the sentence that is neither stayed nor denied.  A new
construction is one more `Reading` (a test and a role) in `GroupFinder.readings`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from .group_context import (
    ArticleView,
    Candidate,
    Clause,
    FoundGroups,
    GroupPhrase,
    GroupScan,
    NamedMoves,
    People,
    Reading,
    Recorded,
    Role,
    Statement,
    Trigger,
)
from .lang import LanguagePack, alternation
from .orgs import OrgMention
from .prefilter import FastRegex
from .sentences import Sentence
from .spans import SpanList
from .types import GroupMoveFact, Modality, MoveFact

_STOP = re.compile(r"[.;]")
_WORD = re.compile(r"[\w-]")
_ASIDE = re.compile(r"\([^()]*\)")  # "(foundation models)"
# A count outside this range is no headcount: one person, a year, a sum.
_MIN_COUNT = 2
_MAX_COUNT = 100_000

# Trigger kinds, as the pack's trigger scan names them, by what they make of a group.
_HIRE = "hire"  # the subject before the verb is the destination
_LOSE = "lose"  # the subject before the verb is the origin
_JOINS_BEFORE = frozenset({"join", "found"})  # a named mover's join: the group goes along
_JOINS_AFTER = frozenset({"join", "found", "hire_passive"})  # the group is the subject
_LEAVES_AFTER = frozenset({"leave", "leave_noobj"})


class GroupFinder:
    """The group moves of an article, with the patterns of one language pack."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack
        pats = pack.data["patterns"]
        quant = "|".join(sorted(pats["group_quant"], key=len, reverse=True))
        noun = "|".join(sorted(pats["group_noun"], key=len, reverse=True))
        number = pack.module.NUMBER_PATTERN
        # The phrase must open with its quantity: "at least seven", "11", "sejumlah".
        self.phrase = FastRegex(
            rf"(?<![\w$.,-])(?:(?:{quant})(?:\s+|(?<=['’]))(?:(?P<num>{number})\s+)?"
            rf"|(?P<num2>{number})\s+)"
            rf"(?:[\w-]+\s+){{0,4}}?(?:ex-)?(?P<noun>{noun})(?![\w-])",  # "vários ex-funcionários"
            lowercase=True,  # every fragment is lowercase: match the lowercased text
        )
        self.quant = re.compile(rf"(?<![\w-])(?:{quant})(?![\w-])", re.IGNORECASE)
        # A staff noun right after a hire verb, with its origins: "merekrut
        # peneliti dari OpenAI" (no quantity: a plural by itself).
        self.bare = re.compile(
            rf"\s+(?P<pre>(?:[\w-]+\s+){{0,2}}?)(?:{noun})\s+(?=(?:{alternation(pats['from_prep'])})\s)",
            re.IGNORECASE,
        )
        self.rel_org = re.compile(
            rf"\s*,?\s*(?:{alternation(pats['relative_org'])})(?![\w-])", re.IGNORECASE
        )
        # Group-only hire verbs, scanned once per article on the lowercased text
        # (the word start is checked by hand: a leading lookbehind is slow).
        self.bring = re.compile(rf"(?:{alternation(pats['group_bring'])})(?![\w-])")
        conj = "|".join(pats["conj"])
        self.org_list_gap = re.compile(
            rf"^(?:\s*,\s*|\s+(?:{conj})\s+|\s*,\s*(?:{conj})\s+)$", re.IGNORECASE
        )
        # What a group did, by the verbs around it; tried in this order.
        self.readings: tuple[Reading, ...] = (
            Reading(self._hire_before, self._hired_by_subject),
            Reading(self._lose_before, self._lost_by_subject),
            Reading(self._nominal_departure_before, self._departed),
            Reading(self._companion_of_join_before, self._joined_as_companion),
            Reading(self._person_before_verb_after, self._no_group),
            Reading(self._join_after, self._joined_after),
            Reading(self._leave_after, self._left_after),
        )

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        orgs: list[OrgMention],
        triggers: Sequence[tuple[str, int, int]],
        persons: list[tuple[int, int]],
        moves: list[MoveFact] | tuple[MoveFact, ...] = (),
    ) -> list[GroupMoveFact]:
        """`persons` are (start, end) of name mentions: a group that names its
        members ("three researchers, A, B and C") is not an unnamed headcount.
        `moves` are the article's named moves: the first one's destination is
        the hirer when a hire's subject is a pronoun or a person ("It has also
        recruited ...", "Zuckerberg's spree, which brought in ..."), and its
        origin is that of a departure group that names none ("two other
        leaders were also stepping down")."""
        article = ArticleView(body, body.lower(), sentences, SpanList(orgs), People(body, persons))
        scan = GroupScan(article, NamedMoves.of(moves), FoundGroups())
        # One group per sentence, the statement's own: a counted phrase, else a
        # bare staff noun after a hire verb.
        for clause in self._clauses(article, triggers):
            recorded = self._emit_first(scan, clause, self._counted_groups(scan, clause))
            # After a merge with the previous sentence's departure group the bare
            # pass still runs: kept as the engine has always behaved.
            if recorded is not Recorded.NEW:
                self._emit_first(scan, clause, self._bare_hire_groups(scan, clause))
        return scan.found.facts()

    # -- sentences and phrases ---------------------------------------------

    def _clauses(
        self, article: ArticleView, triggers: Sequence[tuple[str, int, int]]
    ) -> Iterator[Clause]:
        """The sentences with a move verb or a group-only bring verb."""
        trigger_starts = [start for _, start, _ in triggers]  # sorted, as the scan gives them
        brings = self._bring_verbs(article.low)
        for index, s in enumerate(article.sentences):
            if s.noise or s.heading:
                continue
            lo = bisect_left(trigger_starts, s.start)
            hi = bisect_right(trigger_starts, s.end, lo)
            if lo == hi and not brings:
                continue  # most sentences: no verb, so nothing to build
            clause = _clause(index, s, triggers[lo:hi], brings)
            if clause is not None:
                yield clause

    def _bring_verbs(self, low: str) -> list[Trigger]:
        return [
            Trigger(_HIRE, m.start(), m.end())
            for m in self.bring.finditer(low)
            if not m.start() or not _WORD.match(low, m.start() - 1)
        ]

    def _counted_groups(self, scan: GroupScan, clause: Clause) -> list[Candidate]:
        """The counted group phrases that some verb of the sentence moves.

        All are read before any is recorded, as one loop read them in turn:
        a recording that fails changes nothing, and the first that succeeds
        ends the sentence."""
        article, candidates = scan.article, []
        for phrase in self._phrases(article, clause):
            if self._names_people(article, clause.sentence, phrase):
                continue
            statement = self._statement(article, clause, phrase)
            if self._states_headcount(article, statement):
                continue
            role = self._role(scan, statement)
            settled = None if role is None else self._settled(scan, statement, role)
            if settled is not None:
                candidates.append(Candidate(phrase, settled))
        return candidates

    def _phrases(self, article: ArticleView, clause: Clause) -> Iterator[GroupPhrase]:
        """Quantity + staff noun, with a count that can be a headcount."""
        s = clause.sentence
        for m in self.phrase.finditer(article.body, s.start, s.end, lower=article.low):
            num = m.group("num") or m.group("num2")
            count = self.pack.number(num) if num else None
            if count is None or _MIN_COUNT <= count <= _MAX_COUNT:
                yield GroupPhrase(m.start(), m.end(), count)

    def _statement(self, article: ArticleView, clause: Clause, phrase: GroupPhrase) -> Statement:
        before = [t for t in clause.verbs if t.end <= phrase.start]
        for bring in clause.brings:
            if _brings_phrase(article, bring, phrase, before):
                before.append(bring)
        verb_before = before[-1] if before else None
        return Statement(
            clause,
            phrase,
            verb_before,
            next((t for t in clause.verbs if t.start >= phrase.end), None),
            brought=verb_before is not None and verb_before in clause.brings,
        )

    def _states_headcount(self, article: ArticleView, statement: Statement) -> bool:
        """ "employs 500 engineers": a headcount, no move."""
        verb = statement.verb_before
        return verb is not None and bool(
            self.pack.rx["group_state"].fullmatch(article.body, verb.start, verb.end)
        )

    # -- groups whose people are named -------------------------------------

    def _names_people(self, article: ArticleView, s: Sentence, phrase: GroupPhrase) -> bool:
        return self._named(article, s, phrase) or self._next_to_name(article, s, phrase)

    def _named(self, article: ArticleView, s: Sentence, phrase: GroupPhrase) -> bool:
        """ "the three researchers", "three researchers, A, B and C": named people."""
        word = article.last_word(max(s.start, phrase.start - 12), phrase.start)
        if word is not None and self.pack.rx["definite"].fullmatch(word):
            return True
        if phrase.count is None:
            return False
        if len(article.people.names_between(s.start, s.end)) == phrase.count:
            return True
        return self._named_next(article, s, phrase.count)

    def _named_next(self, article: ArticleView, s: Sentence, count: int) -> bool:
        """The next sentence opens with a name and names `count` new people."""
        nxt = article.sentence_after(s)
        if nxt is None or not article.people.starts_at(nxt.start):
            return False
        # Names the article already used are not the group's members.
        new = article.people.names_between(nxt.start, nxt.end)
        return len({name for name in new if not article.seen_before(name, s.end)}) == count

    def _next_to_name(self, article: ArticleView, s: Sentence, phrase: GroupPhrase) -> bool:
        """A name right after the phrase (its members, unless "including" them)
        or right before it ("Jane Roe's three deputies", unless "besides")."""
        rx, body = self.pack.rx, article.body
        if any(
            not _STOP.search(body, phrase.end, start)
            and not rx["including"].search(body, phrase.end, start)
            for start in article.people.starts_between(phrase.end, phrase.end + 30)
        ):
            return True
        return article.people.any_ends_between(phrase.start - 3, phrase.start) and not rx[
            "besides"
        ].search(body, s.start, phrase.start)

    # -- readings: what the verbs around the phrase make of the group ------

    def _role(self, scan: GroupScan, statement: Statement) -> Role | None:
        for reading in self.readings:
            if reading.applies(scan, statement):
                return reading.role(scan, statement)
        return None  # no verb of the sentence moves the group

    def _hire_before(self, scan: GroupScan, st: Statement) -> bool:
        return st.verb_before is not None and st.verb_before.kind == _HIRE

    def _hired_by_subject(self, scan: GroupScan, st: Statement) -> Role | None:
        """ "Meta poached seven researchers": the hirer is the destination."""
        assert st.verb_before is not None
        hirer = self._hirer(scan, st.clause.sentence.start, st.verb_before.start)
        return None if hirer is None else Role(to_org=hirer)

    def _lose_before(self, scan: GroupScan, st: Statement) -> bool:
        return st.verb_before is not None and st.verb_before.kind == _LOSE

    def _lost_by_subject(self, scan: GroupScan, st: Statement) -> Role | None:
        """ "Foo lost five engineers": the loser is the origin of a departure."""
        assert st.verb_before is not None
        loser = self._subject_org(scan.article, st.clause.sentence.start, st.verb_before.start)
        return Role(from_orgs=(loser,)) if loser else None

    def _nominal_departure_before(self, scan: GroupScan, st: Statement) -> bool:
        """ "the departure of several members of Foo's team"."""
        start = st.phrase.start
        return bool(
            self.pack.rx["leave_nominal"].search(
                scan.article.body, max(st.clause.sentence.start, start - 30), start
            )
        )

    def _departed(self, scan: GroupScan, st: Statement) -> Role | None:
        return Role()

    def _companion_of_join_before(self, scan: GroupScan, st: Statement) -> bool:
        verb = st.verb_before
        return (
            verb is not None
            and st.verb_after is None
            and verb.kind in _JOINS_BEFORE
            and self._companion(scan.article, st.clause.sentence.start, st.phrase.start)
        )

    def _joined_as_companion(self, scan: GroupScan, st: Statement) -> Role | None:
        """ "X will join Foo, ..., along with some members of Bar's team": the
        group goes where the named mover goes."""
        assert st.verb_before is not None
        verb_end = st.verb_before.end
        destination = scan.article.first_org(verb_end, st.phrase.start)
        if destination is None or not scan.article.at_most_words(verb_end, destination.start, 4):
            return None
        return Role(to_org=destination.name)

    def _person_before_verb_after(self, scan: GroupScan, st: Statement) -> bool:
        """The verb after belongs to a named person in between."""
        verb = st.verb_after
        return verb is not None and scan.article.people.any_starts_between(
            st.phrase.end, verb.start
        )

    def _no_group(self, scan: GroupScan, st: Statement) -> Role | None:
        return None

    def _join_after(self, scan: GroupScan, st: Statement) -> bool:
        return st.verb_after is not None and st.verb_after.kind in _JOINS_AFTER

    def _joined_after(self, scan: GroupScan, st: Statement) -> Role | None:
        """ "seven researchers will move to Microsoft": an org close after the verb."""
        assert st.verb_after is not None
        verb_end, article = st.verb_after.end, scan.article
        # Words before an organisation only grow in number with its offset: if
        # the first one is too far, every later one is.
        destination = article.first_org(verb_end, st.clause.sentence.end)
        if destination is None or not article.at_most_words(verb_end, destination.start, 4):
            return None
        return Role(to_org=destination.name)

    def _leave_after(self, scan: GroupScan, st: Statement) -> bool:
        return st.verb_after is not None and st.verb_after.kind in _LEAVES_AFTER

    def _left_after(self, scan: GroupScan, st: Statement) -> Role | None:
        """ "... who have left Google for Nvidia": the org right after the verb
        is the origin, one after a destination preposition the destination."""
        assert st.verb_after is not None
        verb_end, article = st.verb_after.end, scan.article
        sentence_end = st.clause.sentence.end
        left = article.first_org(verb_end, sentence_end)
        if left is None or not article.at_most_words(verb_end, left.start, 2):
            return Role()
        return Role(self._destination_after(article, left, sentence_end), (left.name,))

    def _destination_after(
        self, article: ArticleView, org: OrgMention, sentence_end: int
    ) -> str | None:
        prep = self.pack.rx["dest_prep"].match(article.body, org.end + 1)
        if prep is None:
            return None
        dest = article.first_org(org.end + 1, sentence_end)
        return dest.name if dest is not None and dest.start - prep.end() <= 12 else None

    # -- origins -------------------------------------------------------------

    def _settled(self, scan: GroupScan, st: Statement, role: Role) -> Role | None:
        """The role with its origins, or None when a group needs one it lacks."""
        from_orgs = role.from_orgs or self._stated_origins(scan.article, st, role.to_org)
        if from_orgs:
            return Role(role.to_org, from_orgs)
        if st.brought:
            return None  # "membawa 20 peneliti ke konferensi": no origin, no move
        if role.to_org is not None:
            return role
        if scan.named.main_from:  # "two other leaders were also stepping down"
            return Role(None, (scan.named.main_from,))
        return None

    def _stated_origins(
        self, article: ArticleView, st: Statement, to_org: str | None
    ) -> tuple[str, ...]:
        phrase, s = st.phrase, st.clause.sentence
        origins = self._origins(article, phrase, s.end, to_org)
        if origins or not to_org:
            return origins
        if not self.pack.rx["own_possessive"].search(article.body, phrase.start, phrase.end):
            return ()
        # "Scale said ... a small number of its employees would move to Meta"
        owner = self._subject_org(article, s.start, phrase.start)
        return (owner,) if owner and owner != to_org else ()

    def _origins(
        self, article: ArticleView, phrase: GroupPhrase, sentence_end: int, to_org: str | None
    ) -> tuple[str, ...]:
        """Orgs listed after "from"/"dari" (following the group), else the org
        owning the team inside or right after the phrase."""
        prep = self.pack.rx["from_prep"].search(
            article.body, phrase.end, min(sentence_end, phrase.end + 40)
        )
        if prep is None:
            return self._team_owner(article, phrase, sentence_end, to_org)
        return self._listed_origins(article, prep.end(), sentence_end, to_org)

    def _team_owner(
        self, article: ArticleView, phrase: GroupPhrase, sentence_end: int, to_org: str | None
    ) -> tuple[str, ...]:
        """ "members of Inflection's team", "anggota tim riset Character.AI"."""
        owners = article.orgs_between(phrase.start, min(sentence_end, phrase.end + 30))
        owner = next((o for o in owners if o.name != to_org), None)
        if owner is not None and article.at_most_words(phrase.end, owner.start, 4):
            return (owner.name,)
        return ()

    def _listed_origins(
        self, article: ArticleView, list_start: int, sentence_end: int, to_org: str | None
    ) -> tuple[str, ...]:
        """ "from OpenAI, Google and Anthropic": the list right after "from"."""
        found: list[str] = []
        prev_end = list_start
        for org in article.iter_orgs_between(list_start, sentence_end):
            if not self._continues_list(article.body[prev_end : org.start], first=not found):
                break
            if self.pack.rx["speech"].match(article.body[org.end : org.end + 15].lstrip()):
                break  # "..., Wired reported": the source, not an origin
            if org.name != to_org:
                found.append(org.name)
            prev_end = org.end
        return tuple(found)

    def _continues_list(self, gap: str, first: bool) -> bool:
        """The text before an org keeps it in the list: at most two words
        before the first (or a unit of it: "dari tim model dasar Apple"),
        a comma, a conjunction or "from" between the others."""
        if first:
            return len(gap.split()) <= 2 or self._unit_of_next(gap)
        return bool(self.org_list_gap.match(gap) or self.pack.rx["from_prep"].search(gap))

    def _unit_of_next(self, gap: str) -> bool:
        """ "tim model dasar (foundation models)", "l'équipe de recherche de":
        a unit noun among at most five words, asides left out."""
        words = _ASIDE.sub(" ", gap).replace("'", " ").replace("’", " ").split()
        units = self.pack.rx["unit_nouns"]
        return len(words) <= 5 and any(units.fullmatch(w.lower()) for w in words)

    # -- agents --------------------------------------------------------------

    def _hirer(self, scan: GroupScan, clause_start: int, verb_start: int) -> str | None:
        """The subject organisation of a hire; for a subject that is no
        organisation at all (a pronoun, a person), the hirer of the previous
        group ("It has also recruited ..."), else the article's main destination."""
        subject = self._subject_org(scan.article, clause_start, verb_start)
        if subject is not None:
            return subject
        if scan.article.first_org(clause_start, verb_start) is not None:
            return None  # orgs named there, each after a preposition: no guess
        return scan.found.last_hirer() or scan.named.main_to

    def _subject_org(self, article: ArticleView, start: int, end: int) -> str | None:
        """The first org between start and end that follows no preposition;
        a relative clause's head comes first ("a setback for Anthropic, which
        has attracted")."""
        candidates = article.orgs_between(start, end)
        for org in reversed(candidates):
            if self.rel_org.match(article.body, org.end):
                return org.name
        for org in candidates:
            word = article.last_word(max(start, org.start - 15), org.start)
            if not (word is not None and self.pack.rx["prepositions"].fullmatch(word)):
                return org.name
        return None

    def _companion(self, article: ArticleView, clause_start: int, phrase_start: int) -> bool:
        """A comitative link ("along with") right before the group."""
        for m in self.pack.rx["with_conj"].finditer(
            article.body, max(clause_start, phrase_start - 25), phrase_start
        ):
            if not article.body[m.end() : phrase_start].strip():
                return True
        return False

    # -- bare staff nouns after a hire verb ----------------------------------

    def _bare_hire_groups(self, scan: GroupScan, clause: Clause) -> list[Candidate]:
        """ "merekrut peneliti dari OpenAI, Google, dan Anthropic": a staff noun
        with no quantity right after a hire verb, when origins follow."""
        s, candidates = clause.sentence, []
        for verb in clause.verbs:
            if verb.kind != _HIRE:
                continue
            phrase = self._bare_phrase(scan.article, s, verb)
            if phrase is None:
                continue
            hirer = self._hirer(scan, s.start, verb.start)
            if hirer is None:
                continue
            from_orgs = self._origins(scan.article, phrase, s.end, hirer)
            # "Meta poached talent from OpenAI": the named movers, no extra group.
            if from_orgs and not scan.named.include(hirer, from_orgs):
                candidates.append(Candidate(phrase, Role(hirer, from_orgs)))
        return candidates

    def _bare_phrase(self, article: ArticleView, s: Sentence, verb: Trigger) -> GroupPhrase | None:
        m = self.bare.match(article.body, verb.end)
        if m is None or m.end() > s.end:
            return None
        if self._counted_or_definite(m.group("pre")):
            return None  # "the researchers", a counted group: the phrase's case
        if article.people.any_starts_between(m.start(), m.end()):
            return None
        return GroupPhrase(m.start(), m.end(), None)

    def _counted_or_definite(self, words_before_noun: str) -> bool:
        definite = self.pack.rx["definite"]
        return bool(self.quant.search(words_before_noun)) or any(
            definite.fullmatch(w) or self.pack.number(w) is not None
            for w in words_before_noun.split()
        )

    # -- recording -------------------------------------------------------------

    def _emit_first(self, scan: GroupScan, clause: Clause, candidates: list[Candidate]) -> Recorded:
        for candidate in candidates:
            recorded = self._emit(scan, clause, candidate)
            if recorded is not Recorded.NOTHING:
                return recorded
        return Recorded.NOTHING

    def _emit(self, scan: GroupScan, clause: Clause, candidate: Candidate) -> Recorded:
        """Record the group unless its statement is a stay or a denial."""
        s, phrase, role = clause.sentence, candidate.phrase, candidate.role
        modality = self._modality(scan.article, s, phrase)
        if modality is None:
            return Recorded.NOTHING
        recorded, from_orgs = Recorded.NEW, role.from_orgs
        if role.to_org is not None and not from_orgs:
            earlier = scan.found.take_departure_before(clause.index, role.to_org)
            if earlier is not None:
                recorded, from_orgs = Recorded.MERGED, earlier
        fact = GroupMoveFact(
            count=phrase.count,
            from_orgs=tuple(dict.fromkeys(from_orgs)),
            to_org=role.to_org,
            evidence=s.text,
            evidence_start=s.start,
            date=None,
            modality=modality,
        )
        scan.found.add(fact, clause.index)
        return recorded

    def _modality(self, article: ArticleView, s: Sentence, phrase: GroupPhrase) -> Modality | None:
        """Stated or rumoured, from the cues around the phrase; None for a stay
        or a denial, which state no move."""
        rx = self.pack.rx
        region = article.body[max(s.start, phrase.start - 40) : min(s.end, phrase.end + 80)]
        if rx["stay"].search(region) or rx["denial"].search(region):
            return None
        if not rx["rumour"].search(region):  # the common case, settled by one search
            return Modality.STATED
        rumours = [m.group() for m in rx["rumour"].finditer(region)]
        # "Foo said ... its employees would move to Bar": a reported plan.
        reported = all(rx["reported_modal"].fullmatch(r) for r in rumours) and rx["speech"].search(
            article.body, s.start, phrase.start
        )
        return Modality.STATED if reported else Modality.RUMOURED


def _brings_phrase(
    article: ArticleView, bring: Trigger, phrase: GroupPhrase, verbs_before: list[Trigger]
) -> bool:
    """A group-only bring verb right before the phrase, after every other verb
    before it: "which brought in seven", "yang membawa 11 peneliti"."""
    return (
        bring.end <= phrase.start
        and article.at_most_words(bring.end, phrase.start, 1)
        and (not verbs_before or verbs_before[-1].end <= bring.start)
    )


def _clause(
    index: int, s: Sentence, triggers: Sequence[tuple[str, int, int]], brings: list[Trigger]
) -> Clause | None:
    """The sentence with its verbs: the (kind, start, end) triggers starting in
    it that end in it too, and the bring verbs inside it; None without any."""
    verbs = [Trigger(kind, start, end) for kind, start, end in triggers if end <= s.end]
    # Bring verbs are in text order: only those starting in the sentence are looked at.
    first = bisect_left(brings, s.start, key=lambda b: b.start)
    last = bisect_left(brings, s.end, first, key=lambda b: b.start)
    near = [b for b in brings[first:last] if b.end <= s.end]
    return Clause(index, s, verbs, near) if verbs or near else None
