"""Person names: candidates from capitalised word runs, kept only with evidence
that they name a person, then every shorter form attached to its full name.

A run of capitalised words is a full-name candidate when, after trimming
titles and sentence-initial function words, 2-4 words remain, none of them a
common capitalised word ("Drama", "University") or an organisation.  It is
accepted as a person when its first word is a known given name, its last word
is used alone elsewhere in the article (journalists refer back by surname),
or it sits in a person context (`person_cues.py`: a title before it,
"who"/"yang" after it, a titled apposition after it, the subject slot of "has
joined"/"left" or the object slot of "hired").  Heading lines never make a
person on their own: a name in a heading counts only when the prose names the
person too.

The steps of `PeopleFinder.find`: cut name runs out of each sentence
(`capitalised_runs`, the one place that knows names are capitalised), trim
and filter them into `Candidates`, accept full names, then resolve every
mention (full, partial, single word) to an accepted person in a `_Roster`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .lang import LanguagePack, PackWords, alternation
from .names import given_names
from .normalize import fold
from .person_cues import MoveVerbSlots, NameSite, PersonCues
from .prefilter import ascii_twin, plain_ascii
from .sentences import Sentence
from .types import Mention, PersonEntity

_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "du", "del", "dos", "bin", "al", "le"}
)
_POSSESSIVE = ("'s", "’s")
# A clause opens right before this offset: after a colon, a semicolon, a
# spaced dash or an opening quote or bracket.
_OPENING_REACH = 4  # characters before a word that can open a clause: ": ", " – "
_CLAUSE_OPENING = re.compile(r"(?:[:;]|\s[—–-]|[(\"“«„])\s*$")
# A possessive or one of these right after a word ends the name there.
_NAME_CLOSERS = ',;:)("”'


class Token:
    """A name word in the body; `bare` drops a possessive or a trailing period."""

    __slots__ = ("bare", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        bare = text
        for p in _POSSESSIVE:
            if bare.endswith(p):
                bare = bare[: -len(p)]
                break
        else:
            if len(bare) > 2:
                bare = bare.rstrip(".'’")  # "Vinyals'" is Vinyals
        self.bare = bare


# Adjacent name words of one sentence, in text order.
NameRun = list[Token]
# Cuts the name runs out of a sentence's text (`base` is its offset in the
# body).  `capitalised_runs` serves scripts with capital letters; a pack for a
# script without them supplies another function of this type.
NameRunFinder = Callable[[str, int], list[NameRun]]


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    text: str
    person: str  # PersonEntity.name


@dataclass(slots=True)
class NameCandidate:
    """Two or more name tokens that may be a person's full name."""

    tokens: list[Token]
    in_heading: bool  # a heading never makes a person on its own
    text: str = field(init=False)  # the bare words, space-joined
    key: str = field(init=False)  # folded text: one key for every spelling

    def __post_init__(self) -> None:
        self.text = " ".join(t.bare for t in self.tokens)
        self.key = fold(self.text)

    @property
    def first(self) -> Token:
        return self.tokens[0]

    @property
    def last(self) -> Token:
        return self.tokens[-1]


@dataclass(slots=True)
class Candidates:
    """What the sentences offer: possible full names and single name words."""

    full_names: list[NameCandidate] = field(default_factory=list)
    single_words: list[Token] = field(default_factory=list)  # possible surname mentions
    # Whether a run's text occurs twice in the body: asked once per distinct
    # text, since each asking reads the whole body.
    repeated: dict[str, bool] = field(default_factory=dict)


_PART_ALT = "|".join(sorted(_PARTICLES))


@dataclass(frozen=True, slots=True)
class CapitalisedRuns:
    """A `NameRunFinder`: runs of capitalised tokens separated by single
    spaces (or a particle).  Built for a script written without spaces (Han),
    whose characters are neither capitals nor letters of a Latin name, so
    "研究員Avi Verma和" holds the name "Avi Verma"."""

    run: re.Pattern[str]
    part: re.Pattern[str]
    run_ascii: re.Pattern[str] | None = None  # `run` for plain ASCII text (ascii_twin)

    @classmethod
    def for_script(cls, unspaced_script: str = "") -> CapitalisedRuns:
        script = unspaced_script
        rest = rf"(?:[^\W{script}]|['’.-])*" if script else r"[\w'’.-]*"
        # A capitalised word: any letter that is not lowercase Latin, then word chars.
        cap = rf"[^\W\d_a-zß-öø-ÿ{script}]{rest}"
        run = re.compile(rf"{cap}(?: (?:(?:{_PART_ALT}) ){{0,2}}{cap})*")
        return cls(run, re.compile(rf"(?:{_PART_ALT})(?= )|{cap}"), ascii_twin(run))

    def __call__(self, text: str, base: int) -> list[NameRun]:
        runs: list[NameRun] = []
        run = self.run_ascii if self.run_ascii is not None and plain_ascii(text) else self.run
        for m in run.finditer(text):
            word = m.group()
            if " " in word:
                runs.extend(self._split_run(text, base, m))
            elif word[0].isupper() and not (word.isupper() and len(word) > 1):
                # The common case: one capitalised word (an acronym is no name).
                runs.append([Token(word, base + m.start(), base + m.end())])
        return [r for r in runs if r]

    def _split_run(self, text: str, base: int, run: re.Match[str]) -> Iterator[NameRun]:
        """A multi-word match cut where a word cannot be part of a name (an
        acronym, a lowercase word) or where punctuation or a possessive closes one."""
        current: NameRun = []
        offset = base + run.start()
        for pm in self.part.finditer(run.group()):
            raw = pm.group()
            tok = Token(raw, offset + pm.start(), offset + pm.start() + len(raw))
            if raw in _PARTICLES:
                current.append(tok)
            elif not _is_name_word(tok):
                if current:
                    yield _trim_particles(current)
                current = []
            else:
                current.append(tok)
                closer = text[tok.end - base : tok.end - base + 1]
                if tok.text != tok.bare or closer in _NAME_CLOSERS:
                    yield _trim_particles(current)
                    current = []
        if current:
            yield _trim_particles(current)


capitalised_runs = CapitalisedRuns.for_script()


def _is_name_word(tok: Token) -> bool:
    return tok.text[0].isupper() and not (tok.text.isupper() and len(tok.bare) > 1)


def _trim_particles(run: NameRun) -> NameRun:
    while run and run[-1].text in _PARTICLES:
        run.pop()
    while run and run[0].text in _PARTICLES:
        run.pop(0)
    return run


def _trailing_name(tokens: list[Token]) -> list[Token] | None:
    """Four capitalised words in a row are rarely one name; in languages that
    capitalise nouns ("Der Forscher Jan Müller") the name ends the run."""
    if sum(t.text not in _PARTICLES for t in tokens) <= 3:
        return tokens
    tail = tokens[-2:]
    return None if any(t.text in _PARTICLES for t in tail) else tail


class PeopleFinder:
    """Finds the people of one article language (with every pack's titles
    and common words, since articles quote other languages)."""

    def __init__(self, packs: list[PackWords], pack: LanguagePack) -> None:
        self.pack = pack
        # The article's own function words (a capitalised "The"/"Dalam" opens
        # a sentence, it is no name); name particles ("de", "van") are exempt.
        self.stop = pack.stopwords - _PARTICLES
        # Other languages' common words stay no-name words here ("Drama",
        # "Universitas" in an English text), but not their function words:
        # Indonesian "yang" is lowercase in running text, so a capitalised
        # "Yang" in another language is a name ("Yang Song").
        self.not_name = pack.not_name_words.union(
            *(p.not_name_words - p.stopwords for p in packs if p.code != pack.code)
        )
        self.titles = frozenset().union(*(p.title_words for p in packs))
        self.relative = pack.rx["relative"]
        self.nominal = pack.rx["leave_nominal"]
        conj = "|".join(sorted({c for p in packs for c in p.conj}))
        self.list_gap = re.compile(rf"\s*(?:,\s*)?(?:(?:{conj})\s+)?", re.IGNORECASE)
        self.surname_gap = re.compile(rf"\s+(?:{conj})\s+", re.IGNORECASE)
        self.given = given_names()
        aside = pack.rx["aside"] if pack.data["patterns"].get("aside") else None
        self.cues = PersonCues(
            self.titles, self.relative, pack.rx["including"], aside, _verb_lead(pack)
        )
        # Candidate generation: a pack for a script without capitals
        # replaces this with its own `NameRunFinder`.
        self.name_runs: NameRunFinder = (
            capitalised_runs if pack.spaced else CapitalisedRuns.for_script(pack.script)
        )

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        org_spans: list[tuple[int, int]],
        triggers: Sequence[tuple[str, int, int]] | None = None,
        date_spans: Sequence[tuple[int, int]] = (),
    ) -> tuple[list[PersonEntity], list[PersonMention]]:
        """People named in the body.  `triggers` (move verbs) are a person cue:
        the subject of "has joined" or the object of "hired".  A word of a date
        phrase (`date_spans`: "in June") is no part of a name, though "June"
        and "May" are given names too ("June Lee", "May Habib")."""
        verbs = MoveVerbSlots.from_triggers(triggers)
        found = self._candidates(body, sentences, [*org_spans, *date_spans], verbs)
        self._demote_opening_words(body, sentences, found, verbs)
        accepted = self._accepted_keys(body, found, verbs)
        roster = _Roster(body)
        roster.add_full_names(found.full_names, accepted)
        self._add_shared_surnames(body, found, roster)
        roster.add_short_forms(found)
        return roster.result()

    def _add_shared_surnames(self, body: str, found: Candidates, roster: _Roster) -> None:
        """ "siblings Dario and Daniela Amodei": a given name listed right
        before a two-word name shares its surname, and is a person of its own."""
        starts = {name.first.start: name for name in found.full_names}
        for tok in found.single_words:
            if fold(tok.bare) not in self.given:
                continue
            gap = self.surname_gap.match(body, tok.end)
            partner = starts.get(gap.end()) if gap else None
            if partner is not None and len(partner.tokens) == 2 and roster.has(partner.key):
                roster.add_named_part(tok, f"{tok.bare} {partner.last.bare}")

    # -- candidates ---------------------------------------------------------

    def _candidates(
        self,
        body: str,
        sentences: list[Sentence],
        taken_spans: list[tuple[int, int]],
        verbs: MoveVerbSlots,
    ) -> Candidates:
        covered = _coverage(body, taken_spans)
        found = Candidates()
        for sentence in sentences:
            if sentence.noise:
                continue
            for run in self.name_runs(sentence.text, sentence.start):
                for part in _split_at_orgs(run, covered):
                    self._collect(body, sentence, part, verbs, found)
        return found

    def _collect(
        self, body: str, sentence: Sentence, run: NameRun, verbs: MoveVerbSlots, found: Candidates
    ) -> None:
        """File one run as a full-name candidate, a single word, or nothing."""
        tokens = self._name_tokens(body, sentence, run, verbs, found.repeated)
        if not tokens:
            return
        if len(tokens) == 1:
            if len(tokens[0].bare) > 1:
                found.single_words.append(tokens[0])
            return
        name = _trailing_name(tokens)
        if name:
            found.full_names.append(NameCandidate(name, sentence.heading))

    def _name_tokens(
        self,
        body: str,
        sentence: Sentence,
        run: NameRun,
        verbs: MoveVerbSlots,
        repeated: dict[str, bool],
    ) -> list[Token] | None:
        """The run without leading titles or function words; None when a
        common word inside shows it is no name."""
        tokens = self._without_leading_titles(run)
        if not tokens:
            return None
        checked = tokens
        if self._opens_with_function_word(body, sentence, tokens):
            if self._function_word_is_name(body, tokens, verbs, repeated):
                checked = tokens[1:]
            else:
                # "The", "Dalam"; then titles and particles it hid: "Auch
                # Produktchef Jan Roth", "Além de Cunningham".
                tokens = checked = _trim_particles(self._without_leading_titles(tokens[1:]))
                if not tokens:
                    return None
        if self._given_common_opening(sentence, checked) and self._function_word_is_name(
            body, checked, verbs, repeated
        ):
            checked = checked[1:]  # "Tim Brooks, salah satu pemimpin ...": "tim" is "team" too
        if self._has_common_word(sentence, checked):
            return None
        return tokens

    def _given_common_opening(self, sentence: Sentence, tokens: list[Token]) -> bool:
        """A sentence opening on a given name that is also a common word of
        the language ("Tim" in Indonesian), before another capitalised word:
        decided by its context, not by the word alone."""
        first = tokens[0]
        key = fold(first.bare)
        return (
            len(tokens) > 1
            and first.start == sentence.start
            and key in self.given
            and key in self.pack.not_name_words
        )

    def _without_leading_titles(self, run: NameRun) -> list[Token]:
        """Titles before a name ("CEO", "Presiden") are not part of it, nor is
        a nominal departure's head noun ("Kepergian Fajar", "Mundurnya Budi")."""
        i = 0
        while i < len(run) and (
            self._is_title(run[i].bare) or (len(run) - i > 2 and _lowercase_compound(run[i].bare))
        ):
            i += 1
        if len(run) - i > 1 and self.nominal.fullmatch(run[i].bare):
            i += 1
        return run[i:]

    def _is_title(self, word: str) -> bool:
        """A title, or a compound ending in a title noun ("Ex-OpenAI-Forscher";
        not a short one: "Lip-Bu Tan" ends in Indonesian "Bu")."""
        folded = fold(word)
        if folded in self.titles or self._plural_title(folded):
            return True
        last = folded.rsplit("-", 1)[-1] if "-" in folded else ""
        return len(last) >= 4 and (last in self.titles or self._plural_title(last))

    def _plural_title(self, folded: str) -> bool:
        """ "Researchers Paul Smith and Ann Lee", "Chercheurs ...", "Investigadores
        ...": a title in the plural ends in -s or -es in most packs' languages;
        a word this long is no short title's ("Mrs" is no "Mr" plural)."""
        if len(folded) <= 5 or not folded.endswith("s"):
            return False
        return folded[:-1] in self.titles or (folded.endswith("es") and folded[:-2] in self.titles)

    def _opens_with_function_word(self, body: str, sentence: Sentence, tokens: list[Token]) -> bool:
        first = tokens[0]
        opens = first.start == sentence.start or _CLAUSE_OPENING.search(
            body, max(0, first.start - _OPENING_REACH), first.start
        )
        return bool(opens) and fold(first.bare) in self.stop and len(tokens) > 1

    def _function_word_is_name(
        self, body: str, tokens: list[Token], verbs: MoveVerbSlots, repeated: dict[str, bool]
    ) -> bool:
        """ "Yang Song": repeated, "Yang Song, yang ...", or a given name right
        before a move verb ("Yang Song bergabung")."""
        whole = " ".join(t.text for t in tokens)
        if whole not in repeated:
            repeated[whole] = body.count(whole) >= 2
        if repeated[whole]:
            return True
        after = body[tokens[-1].end : tokens[-1].end + 12]
        relative_after = bool(self.relative.match(after.lstrip(", ")))
        # A two-word name described as a person would leave a lone word:
        # "Ke Yang, eksekutif ...", "Tim Brooks, salah satu pemimpin ...".
        site = NameSite(body, tokens[0].start, tokens[-1].end, len(tokens), verbs)
        described = len(tokens) == 2 and (relative_after or self.cues.described(site))
        if fold(tokens[0].bare) in self.given:  # "Yang Song"
            return described or relative_after or self._has_person_cue(body, tokens, verbs)
        return described

    def _has_common_word(self, sentence: Sentence, checked: list[Token]) -> bool:
        """A common word inside means no name ("Claude Code", "Silicon Valley").
        Function words only matter first: later capitalised tokens inside a
        run are name parts ("Ana Lima" although "lima" is Indonesian "five")."""
        opening = checked[0]
        return any(self._is_common_word(t, t is opening, sentence.start) for t in checked)

    def _is_common_word(self, tok: Token, opening: bool, sentence_start: int) -> bool:
        key = fold(tok.bare)
        if key not in self.not_name and not (opening and key in self.stop):
            return False
        # A known given name is still a name away from the sentence start
        # ("Tim Brooks" mid-sentence in Indonesian, where "tim" is also "team").
        return key not in self.given or (
            tok.start == sentence_start and key in self.pack.not_name_words
        )

    def _demote_opening_words(
        self, body: str, sentences: list[Sentence], found: Candidates, verbs: MoveVerbSlots
    ) -> None:
        """ "Kepergian Pang", "Sepeninggal Pang": a capitalised sentence-initial
        word before a surname used elsewhere after a given name is no first
        name; the surname alone stays as a single word."""
        sentence_starts = {s.start for s in sentences}
        first_words: dict[str, set[str]] = {}  # folded last word -> folded first words
        for name in found.full_names:
            first_words.setdefault(fold(name.last.bare), set()).add(fold(name.first.bare))
        kept: list[NameCandidate] = []
        for name in found.full_names:
            first = fold(name.first.bare)
            if (
                len(name.tokens) == 2
                and name.first.start in sentence_starts
                and len(first_words[fold(name.last.bare)]) > 1
                and first not in self.given
                and (first in self.stop or not self._has_person_cue(body, name.tokens, verbs))
            ):
                found.single_words.append(name.tokens[1])
            else:
                kept.append(name)
        found.full_names = kept

    # -- acceptance ---------------------------------------------------------

    def _accepted_keys(self, body: str, found: Candidates, verbs: MoveVerbSlots) -> set[str]:
        """Keys of the full names that name a person."""
        single_keys = {fold(t.bare) for t in found.single_words}
        full_keys = {name.key for name in found.full_names}
        accepted = {
            name.key
            for name in found.full_names
            if not name.in_heading
            and self._is_person(body, name.tokens, single_keys, full_keys, verbs)
        }
        accepted = _without_shorter_forms(accepted)
        self._add_listed_names(body, found.full_names, accepted)
        return accepted

    def _is_person(
        self,
        body: str,
        tokens: list[Token],
        single_keys: set[str],
        full_keys: set[str],
        verbs: MoveVerbSlots,
    ) -> bool:
        """A known given name first, the surname used alone, the last two words
        a full name elsewhere ("Daniel De Freitas"), or a person cue."""
        if fold(tokens[0].bare) in self.given:
            return True
        surname = tokens[-1].bare
        if fold(surname) in single_keys and not any(c.isdigit() for c in surname):
            return True  # the surname used alone ("GPT-4o" is no surname)
        if len(tokens) >= 3 and fold(" ".join(t.bare for t in tokens[-2:])) in full_keys:
            return True
        return self._has_person_cue(body, tokens, verbs)

    def _has_person_cue(self, body: str, tokens: list[Token], verbs: MoveVerbSlots) -> bool:
        site = NameSite(body, tokens[0].start, tokens[-1].end, len(tokens), verbs)
        return self.cues.person(site)

    def _add_listed_names(self, body: str, names: list[NameCandidate], accepted: set[str]) -> None:
        """Names listed with accepted names are names too ("A Doe, B Roe and
        C Poe").  In text order, so a name accepted here vouches for the next."""
        for i, name in enumerate(names):
            if name.key in accepted or name.in_heading:
                continue
            if self._listed_with_accepted(body, names, i, accepted):
                accepted.add(name.key)

    def _listed_with_accepted(
        self, body: str, names: list[NameCandidate], i: int, accepted: set[str]
    ) -> bool:
        for j in (i - 1, i + 1):
            if 0 <= j < len(names) and names[j].key in accepted:
                left, right = (names[j], names[i]) if j < i else (names[i], names[j])
                if self.list_gap.fullmatch(body[left.last.end : right.first.start]):
                    return True
        return False


def _verb_lead(pack: LanguagePack) -> re.Pattern[str] | None:
    """What may stand between a subject and its move verb besides auxiliaries:
    "is set to", "is expected to", "s'apprête à" (the pack's future, rumour
    and hearsay words)."""
    pats = pack.data["patterns"]
    words = [*pats.get("future", []), *pats.get("rumour", []), *pats.get("hearsay", [])]
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.IGNORECASE)


def _without_shorter_forms(accepted: set[str]) -> set[str]:
    """ "De Freitas" next to "Daniel De Freitas": a shorter form, not a person."""
    # Every leading and trailing part of each name cut at a space: one pass
    # over the names, not one over all names per name.
    parts: set[str] = set()
    for name in accepted:
        for at, char in enumerate(name):
            if char == " ":
                parts.add(name[:at])
                parts.add(name[at + 1 :])
    return accepted - parts


class _Roster:
    """The accepted people, and every mention resolved to one of them."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.people: dict[str, PersonEntity] = {}  # name -> entity, in order of first mention
        self.name_by_key: dict[str, str] = {}  # folded full name -> the name as first written
        self.mentions: list[PersonMention] = []

    def add_full_names(self, names: list[NameCandidate], accepted: set[str]) -> None:
        for cand in names:
            # "Yu Jiahui" and "Jiahui Yu": one person, whichever order comes first.
            name = self.name_by_key.get(cand.key) or self.name_by_key.get(_reversed(cand.key))
            if name is None:
                if cand.key not in accepted and _reversed(cand.key) not in accepted:
                    continue
                name = self.name_by_key[cand.key] = cand.text
                self.people[name] = PersonEntity(name=name)
            start = cand.first.start
            text = self.body[start : start + len(cand.text)]
            self.mentions.append(PersonMention(start, start + len(text), text, name))

    def has(self, key: str) -> bool:
        return key in self.name_by_key

    def add_named_part(self, tok: Token, name: str) -> None:
        """A person named by one word whose full name the text implies."""
        key = fold(name)
        name = self.name_by_key.setdefault(key, name)
        self.people.setdefault(name, PersonEntity(name=name))
        self.mentions.append(PersonMention(tok.start, tok.start + len(tok.bare), tok.bare, name))

    def add_short_forms(self, found: Candidates) -> None:
        """Partial names ("De Freitas", "Won Chung") and single words that
        belong to exactly one person; two people sharing one stay unresolved."""
        index = self._short_form_index()
        for cand in found.full_names:
            if cand.key in self.name_by_key:
                continue
            owner = _sole(index.get(cand.key))
            if owner is not None:
                start = cand.first.start
                self.mentions.append(PersonMention(start, start + len(cand.text), cand.text, owner))
        named = {m.start for m in self.mentions}
        for tok in found.single_words:
            owner = _sole(index.get(fold(tok.bare)))
            if owner is not None and tok.start not in named:
                self.mentions.append(
                    PersonMention(tok.start, tok.start + len(tok.bare), tok.bare, owner)
                )

    def _short_form_index(self) -> dict[str, set[str]]:
        """Every word and trailing word-group of every full name -> the names."""
        index: dict[str, set[str]] = {}
        for name in self.people:
            parts = name.split()
            for i in range(len(parts)):
                index.setdefault(fold(" ".join(parts[i:])), set()).add(name)
                index.setdefault(fold(parts[i]), set()).add(name)
        return index

    def result(self) -> tuple[list[PersonEntity], list[PersonMention]]:
        self.mentions.sort(key=lambda m: m.start)
        for m in self.mentions:
            self.people[m.person].mentions.append(Mention(m.text, m.start, m.end))
        return list(self.people.values()), self.mentions


def _reversed(key: str) -> str:
    """A two-word name in the other order ("yu jiahui" -> "jiahui yu")."""
    words = key.split()
    return " ".join(reversed(words)) if len(words) == 2 else key


def _sole(names: set[str] | None) -> str | None:
    if names is None or len(names) != 1:
        return None
    (name,) = names
    return name


def _coverage(body: str, spans: Sequence[tuple[int, int]]) -> bytearray:
    """1 at every offset inside an organisation name or a date phrase."""
    covered = bytearray(len(body) + 1)
    for a, b in spans:
        covered[a:b] = b"\x01" * (b - a)
    return covered


def _split_at_orgs(run: NameRun, covered: bytearray) -> list[NameRun]:
    """The run cut around tokens that are (part of) an organisation name or a date."""
    parts: list[NameRun] = []
    current: NameRun = []
    for t in run:
        if covered[t.start] or covered[t.end - 1]:
            if current:
                parts.append(current)
            current = []
        else:
            current.append(t)
    if current:
        parts.append(current)
    return [p for p in (_trim_particles(p) for p in parts) if p]


def _lowercase_compound(word: str) -> bool:
    """ "Indian-origin", "Co-founders", "Berlin-based": a compound whose later
    part is lowercase describes the name after it (a name's own parts are
    capitalised: "Jean-Pierre", "Lip-Bu")."""
    parts = word.split("-")
    return len(parts) > 1 and any(p[:1].islower() for p in parts[1:])
