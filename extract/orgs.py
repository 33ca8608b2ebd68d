"""Organisation mentions: gazetteer hits, acronyms learned from the text,
periphrases ("the Facebook parent") and unknown organisations named by context
("the start-up Foo", "joined Bar Labs")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import NamedTuple

from .gazetteer import Gazetteer, PatternScan, names_pattern
from .lang import LanguagePack, alternation, unspaced_scripts
from .names import given_names, places, product_makers
from .normalize import fold
from .prefilter import FastRegex, WordStartScan, ascii_twin, plain_ascii
from .spans import Claimed
from .trie import trie_pattern

# Words that end an organisation's name in any language ("Foo Labs", "Bar AI").
ORG_SUFFIXES = frozenset(
    {
        "labs",
        "lab",
        "ai",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "technologies",
        "technology",
        "systems",
        "robotics",
        "research",
        "capital",
        "ventures",
        "intelligence",
        "computing",
        "dynamics",
        "bio",
        "therapeutics",
        "networks",
        "software",
        "group",
        "holdings",
        "ltd",
        "llc",
        "gmbh",
        "sa",
        "ag",
        "company",
        "studio",
        "studios",
        "games",
        "university",
        "institute",
        "college",
        "foundation",
        "academy",
        "partners",
        "digital",
        "compute",
        "cloud",
        "analytics",
        "media",
    }
)
_CAPRUN = r"[^\W\d_a-z][\w.&'’-]*(?:\s[^\W\d_a-z][\w.&'’-]*){0,3}"
_EX_PREFIX = re.compile(r"(?<![^\W\d_])ex-$")  # "ex-OpenAI": an organisation after "ex-"
_ACRONYM_AFTER = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z0-9&]{1,7})\)")
_CAP_NEXT = re.compile(r"\s+[^\W\d_a-z]")  # another capitalised word follows
_HARD_PUNCT_AT = re.compile(r"[.;:!?]")
_PARENS = re.compile(r"\([A-Z]{2,6}\)")
# "Vector Institute (VI)": a capitalised name defined with its initials.
_DEFINED = re.compile(
    r"(?P<name>(?:[^\W\d_a-z][\w&.-]*\s){1,5}[^\W\d_a-z][\w&.-]*)\s*"
    r"\((?P<abbr>[A-Z]{2,6})\)"
)
_SUFFIX_FORMS = {w.upper() if len(w) <= 2 else w.capitalize() for w in ORG_SUFFIXES if w.isalpha()}
# "Helix AI", "Nusantara Labs": capitalised words ending in a capitalised suffix.
# The word-start check follows the first capital (`(?<![\w-].)`, the same
# test) so that `re` can skip ahead to capitals instead of trying every letter.
_SUFFIXED = re.compile(
    r"[^\W\d_a-z](?<![\w-].)[\w&'’-]*[ \t](?:[^\W\d_a-z][\w&'’-]*[ \t]){0,2}(?:"
    + "|".join(sorted(_SUFFIX_FORMS, key=len, reverse=True))
    + r")(?![\w-])"
)


def _unspaced_runs(script: str) -> tuple[str, re.Pattern[str]]:
    """_CAPRUN and _SUFFIXED for a pack whose `script` (Han) is written without
    spaces: its characters are neither capitals nor part of a Latin name."""
    first = rf"[^\W\d_a-z{script}]"
    rest = rf"(?:[^\W{script}]|[.&'’-])*"
    caprun = rf"{first}{rest}(?:\s{first}{rest}){{0,3}}"
    suffixed = re.compile(
        rf"(?<!-)(?<![^\W{script}])(?:{first}{rest}[ \t]){{1,3}}(?:"
        + "|".join(sorted(_SUFFIX_FORMS, key=len, reverse=True))
        + rf")(?![^\W{script}]|-)"
    )
    return caprun, suffixed


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    name: str  # canonical
    known: bool = True
    # Opens a compound ("OpenAI-Forscher", "Google-backed"): it describes the
    # next word, so it can place a person but is no clause's subject or object.
    modifier: bool = False


@dataclass(frozen=True, slots=True)
class _Form:
    """A surface form the gazetteer lacks, read from one article, and the
    organisation it names ("VI" for "Vector Institute", "Helix AI" for itself)."""

    text: str
    name: str
    acronym: bool = False  # defined in the text, as in "Vector Institute (VI)"


@dataclass(slots=True)
class _LearnedForms:
    """Every form read from one article; the first reading of a form wins."""

    acronyms: dict[str, str] = field(default_factory=dict)  # "VI" -> "Vector Institute"
    names: dict[str, str] = field(default_factory=dict)  # "Helix" -> "Helix AI"

    def add(self, form: _Form) -> None:
        (self.acronyms if form.acronym else self.names).setdefault(form.text, form.name)

    def by_text(self) -> dict[str, str]:
        """Acronyms first; a name read for the same text overrides the acronym's."""
        return {**self.acronyms, **self.names}

    def __bool__(self) -> bool:
        return bool(self.acronyms or self.names)


class _Cue(Enum):
    """What stands before a capitalised run that may name an organisation."""

    KIND_WORD = "kind"  # "the start-up Foo": an organisation whatever follows
    JOIN_VERB = "join"  # "joined Foo", "founded Foo": or a person
    LEAVE_VERB = "leave"  # "left Foo": or a person, unless a destination follows


# The pack's move-verb kinds that open an organisation's name.
_CUE_OF_TRIGGER = {"join": _Cue.JOIN_VERB, "found": _Cue.JOIN_VERB, "leave": _Cue.LEAVE_VERB}
_JOIN_KINDS = frozenset(k for k, cue in _CUE_OF_TRIGGER.items() if cue is _Cue.JOIN_VERB)


class _CuePoint(NamedTuple):  # a tuple: one per kind word and move verb, so many
    cue: _Cue
    end: int  # where the cue word ends: the name may start after it


@dataclass(slots=True)
class _Article:
    """One body, what the caller found in it, and what the gazetteer found."""

    body: str
    known: list[OrgMention]  # gazetteer mentions, in text order
    claimed: Claimed  # organisation mentions placed so far
    people: Claimed  # person names: never part of an organisation's
    date_ends: dict[int, int]  # a date phrase's start -> its end
    triggers: Sequence[tuple[str, int, int]]  # (kind, start, end) from the pack's trigger scan
    # Where a join or found verb starts: "left Foo and joined Bar".
    join_starts: set[int] = field(init=False)

    def __post_init__(self) -> None:
        self.join_starts = {start for kind, start, _ in self.triggers if kind in _JOIN_KINDS}


def seat_at(body: str, start: int, seats: list[str]) -> str | None:
    """The headquarters town written whole at `start`, if any."""
    return next(
        (
            seat
            for seat in seats
            if body.startswith(seat, start)
            and not body[start + len(seat) : start + len(seat) + 1].isalnum()
        ),
        None,
    )


def _unknown_name(run: str) -> str:
    return _POSSESSIVE.sub("", run).strip(" .,")


# Titles written the same in every language ("el nuevo CEO de Cohere"): alone,
# they name no organisation even where a pack's title words leave them out.
_TITLE_ACRONYMS = frozenset(
    {"ceo", "cto", "cfo", "coo", "cpo", "cso", "cmo", "cio", "vp", "svp", "evp"}
)


def _lower_same_length(body: str) -> str:
    """The body lowercased, offsets kept (some scripts' lowercase is longer)."""
    low = body.lower()
    if len(low) != len(body):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in body)
    return low


def _template_side(templates: list[str], side: int) -> list[str]:
    """One side of each "... {ORG} ..." template, where it says something:
    "(?:the )?" matches nothing."""
    parts = [t.split("{ORG}")[side] for t in templates]
    return [p for p in parts if not re.fullmatch(p, "")]


def _spelled_by(words: list[str], abbr: str) -> list[str] | None:
    """The trailing words whose initials spell `abbr`, or None."""
    tail = words[-len(abbr) :]
    if len(tail) == len(abbr) and "".join(w[0] for w in tail).upper() == abbr:
        return tail
    return None


def _past_date(body: str, end: int, date_ends: dict[int, int]) -> int:
    """Past a date phrase right after `end` ("left Foo earlier this year")."""
    i = end
    while i < len(body) and body[i] in " \t,":
        i += 1
    if i in date_ends and i > end and not _HARD_PUNCT_AT.match(body, date_ends[i]):
        j = date_ends[i]
        return j - 1 if body[j - 1 : j] == "," else j
    return end


class OrgFinder:
    """Per-pack compiled patterns for finding organisations in a body.

    The gazetteer's mentions come first; then each reader in `form_readers`
    finds forms of organisations the gazetteer lacks, short forms of the
    organisations named in full are added, and every form is placed wherever
    it stands as a whole word and nothing else does."""

    def __init__(self, pack: LanguagePack, gaz: Gazetteer) -> None:
        self.pack = pack
        self.gaz = gaz
        patterns = pack.data["patterns"]
        # A name glued to a word character (the pack's: Han glues to nothing) is no hit.
        self.word_before = re.compile(rf"{pack.word_char}|\.")
        self.names = (
            gaz.scan_without(unspaced_scripts())
            if pack.spaced
            else PatternScan(names_pattern(gaz.names, pack.word_char))
        )
        self.glue = None if pack.spaced else re.compile(pack.word_char)
        self.kind_word = FastRegex(
            rf"(?<![\w-])(?:{alternation(patterns['org_kind'])})(?![\w-])", lowercase=True
        )
        named = patterns.get("org_named") or []
        opt = rf"(?:\s+(?i:{alternation(named)}))?" if named else ""
        # Latin names and the space before them (none needed where Han is written).
        caprun, self.suffixed, sp = _CAPRUN, _SUFFIXED, r"\s+"
        if not pack.spaced:
            (caprun, self.suffixed), sp = _unspaced_runs(pack.script), r"\s*"
        self.suffixed_ascii = ascii_twin(self.suffixed)  # for plain ASCII bodies
        self.name_after = re.compile(rf"{opt}{sp}(?P<name>{caprun})")
        # "the company, Quantrix, is backed by": a name in apposition to a kind word.
        self.name_apposed = re.compile(rf",\s+(?P<name>{caprun})(?=,)") if pack.spaced else None
        # "left Foo to join Bar", "keluar dari Foo untuk bergabung dengan Bar":
        # a destination after it makes the word after a leave verb the employer.
        # The words case-blind as every lexicon is ("nach Informationen von" is a
        # source in German, whose nouns are capitalised); the name after them not.
        dest = alternation(patterns["dest_prep"])
        self.dest_after = (
            re.compile(rf"[ \t]+(?i:{dest})[ \t]+[^\W\d_a-z]") if patterns["dest_prep"] else None
        )
        self.dest_name = (
            re.compile(rf",?[ \t]+(?i:{dest})[ \t]+(?P<name>{caprun})")
            if patterns["dest_prep"]
            else None
        )
        self.conj_after = re.compile(rf",?[ \t]+(?:(?:{alternation(patterns['conj'])})[ \t]+)?")
        pre = _template_side(patterns["owner_of"], 0)
        post = _template_side(patterns["owner_of"], 1)
        self.owner_pre = re.compile(rf"(?:{'|'.join(pre)})$", re.IGNORECASE) if pre else None
        self.owner_post = re.compile(rf"^(?:{'|'.join(post)})", re.IGNORECASE) if post else None
        self.product_maker = _product_maker_patterns(patterns["product_maker"], pack.spaced)
        # Most articles name no product: one scan for any decides.
        products = trie_pattern([p.lower() for p in product_makers()])
        self.any_product = WordStartScan(rf"(?:{products})(?!\w)", before=r"[^\w-]")
        # Words a capitalised run may start with that are no part of a name ("The Helix AI").
        self.run_openers = pack.stopwords | pack.not_name_words | pack.title_words
        self.lone_non_names = pack.not_name_words | pack.title_words | _TITLE_ACRONYMS
        # Where an article names an organisation the gazetteer lacks, in the
        # order they are read (a form's first reading wins). A new source of
        # names is one more method here.
        self.form_readers: tuple[Callable[[_Article], Iterable[_Form]], ...] = (
            self._acronyms_after_known,
            self._defined_acronyms,
            self._suffixed_names,
            self._names_after_cues,
            self._seats_in_moves,
        )

    def find(
        self,
        body: str,
        triggers: Sequence[tuple[str, int, int]] | None = None,
        person_spans: list[tuple[int, int]] | None = None,
        date_spans: dict[int, int] | None = None,
    ) -> list[OrgMention]:
        """Organisation mentions; `triggers` (kind, start, end) from the pack's
        trigger scan let "joined Foo Labs" name an unknown organisation."""
        known = self._with_product_makers(body, self._gazetteer_mentions(body))
        article = _Article(
            body=body,
            known=known,
            claimed=Claimed([(m.start, m.end) for m in known]),
            people=Claimed(person_spans or []),
            date_ends=date_spans or {},
            triggers=triggers or [],
        )
        forms = _LearnedForms()
        for read in self.form_readers:
            for form in read(article):
                forms.add(form)
        found = list(known)
        if forms:
            # A short form replaces the name the same words had on their own.
            forms.names.update(self._short_forms(article, forms))
            found += self._place(article, forms)
        found.sort(key=lambda o: o.start)
        return found

    def known_names(self, text: str) -> list[str]:
        """The gazetteer organisations a short text (a title) names, in order."""
        return [m.name for m in self._gazetteer_mentions(text)]

    # -- the gazetteer ------------------------------------------------------

    def _gazetteer_mentions(self, body: str) -> list[OrgMention]:
        low = _lower_same_length(body)
        found: list[OrgMention] = []
        canon_of: dict[str, str | None] = {}  # names recur in an article: judge each once
        for start, end in self.names.spans(low):
            if not self._starts_word(low, start):
                continue
            text = body[start:end]
            if text not in canon_of:
                canon_of[text] = self._gazetteer_name(text)
            canon = canon_of[text]
            if canon is None:
                continue
            canon = self._owner(body, start, end, canon)
            found.append(OrgMention(start, end, text, canon, modifier=body[end : end + 1] == "-"))
        return found

    def _with_product_makers(self, body: str, known: list[OrgMention]) -> list[OrgMention]:
        """ "the ChatGPT maker" names OpenAI; a gazetteer hit inside it is part of it.
        The templates are tried only around the products an article names."""
        if not self.product_maker:
            return known
        makers: dict[int, OrgMention] = {}
        for start, end in self.any_product.spans(body.lower()):
            a, b = max(0, start - _MAKER_REACH), end + _MAKER_REACH
            for rx in self.product_maker:
                m = rx.search(body, a, b)
                if m is not None and m.start("product") == start:
                    makers[m.start()] = OrgMention(
                        m.start(), m.end(), m.group(), self._maker(m.group("product"))
                    )
        if not makers:
            return known
        found = list(makers.values())
        inside = Claimed((p.start, p.end) for p in found)
        kept = [k for k in known if not inside.overlaps(k.start, k.start + 1)]
        return sorted(kept + found, key=lambda o: o.start)

    def _maker(self, product: str) -> str:
        maker = _makers_by_folded_product()[fold(product)]
        return self.gaz.lookup(maker) or maker

    def _starts_word(self, low: str, start: int) -> bool:
        """Whether a gazetteer hit starts a word ("ex-OpenAI" does): the one
        place that says where words start, for packs written without spaces."""
        if not start:
            return True
        if not self.word_before.match(low, start - 1):
            return True
        return _EX_PREFIX.search(low, max(0, start - 4), start) is not None

    def _gazetteer_name(self, text: str) -> str | None:
        """The canonical name of a gazetteer hit, or None when its case says it
        is something else."""
        gaz = self.gaz
        canon = gaz.by_acronym.get(text)
        if canon is not None:
            return canon
        if not text[0].isupper() and not text[0].isdigit() and text not in gaz.exact:
            return None  # "scale", "cursor": ordinary words
        canon = gaz.lookup(text)
        # An all-caps hit of a name not written so ("SCALE") is shouting in a
        # headline, not the organisation.
        if text.isupper() and len(text) > 1 and text not in gaz.exact:
            return None
        return canon

    def _owner(self, body: str, start: int, end: int, canon: str) -> str:
        """'the Facebook parent' / 'induk usaha Facebook' name the owner."""
        hit = (self.owner_post and self.owner_post.match(body[end : end + 30])) or (
            self.owner_pre and self.owner_pre.search(body[max(0, start - 30) : start])
        )
        if hit:
            return self.gaz.parent(canon) or canon
        return canon

    # -- form readers: organisations the gazetteer lacks ---------------------

    def _acronyms_after_known(self, article: _Article) -> list[_Form]:
        """ "Google DeepMind (GDM)": an acronym the gazetteer lacks, after a
        name it knows."""
        defined: dict[str, str] = {}
        for mention in article.known:
            m = _ACRONYM_AFTER.match(article.body, mention.end)
            if m and m.group("abbr") not in self.gaz.by_acronym:
                defined[m.group("abbr")] = mention.name  # a later definition wins
        return [_Form(abbr, name, acronym=True) for abbr, name in defined.items()]

    def _defined_acronyms(self, article: _Article) -> Iterator[_Form]:
        """ "Vector Institute (VI)": capitalised words defined with their
        initials name an organisation, and so does the acronym."""
        body = article.body
        for paren in _PARENS.finditer(body):
            # Cheap scan for "(ABBR)" first; the name is the words just before.
            m = _DEFINED.search(body, max(0, paren.start() - 120), paren.end())
            if m is None or m.end() != paren.end():
                continue
            abbr = m.group("abbr")
            words = _spelled_by(m.group("name").split(), abbr)
            if (
                words is None
                or any(w.lower() in self.pack.title_words for w in words)
                or article.claimed.overlaps(m.start("name"), m.end("name"))
            ):
                continue
            name = " ".join(words)
            yield _Form(name, name)
            yield _Form(abbr, name, acronym=True)

    def _suffixed_names(self, article: _Article) -> Iterator[_Form]:
        """ "Helix AI", "Nusantara Labs": a capitalised run ending in an
        organisation suffix names an organisation wherever it stands."""
        body = article.body
        for m in (self.suffixed_ascii if plain_ascii(body) else self.suffixed).finditer(body):
            words = self._without_openers(m.group(0).split())
            if len(words) < 2 or not words[-2][0].isupper():
                continue
            if any(_unknown_name(w) != w for w in words[:-1]):
                continue  # "Google's AI": a possessive inside is no name
            name = " ".join(words)
            if article.claimed.overlaps(m.end() - len(name), m.end()) or self.gaz.lookup(name):
                continue
            yield _Form(name, name)

    def _without_openers(self, words: list[str]) -> list[str]:
        """The run without its leading function words, its last word kept."""
        first = 0
        while first < len(words) - 1 and words[first].lower() in self.run_openers:
            first += 1
        return words[first:]

    def _names_after_cues(self, article: _Article) -> Iterator[_Form]:
        """ "the start-up Foo", "joined Foo", "left Foo for Bar": a capitalised
        run after an organisation-kind word or a move verb."""
        for point in self._cue_points(article):
            m = self.name_after.match(article.body, point.end)
            if m is None and point.cue is _Cue.KIND_WORD:
                m = self._apposed_name(article.body, point.end)
            if m is None:
                continue
            known = self._known_at(article, m.start("name"))
            if known is not None:
                # "left Google for Quantrix": a known organisation left, a new one after.
                if point.cue is _Cue.LEAVE_VERB:
                    destination = self._leave_destination(article, known.end)
                    if destination is not None:
                        yield destination
                continue
            name = self._clean_run(m.group("name"))
            if not name:
                continue
            start = m.start("name")
            end = start + len(name)
            if article.claimed.overlaps(start, end) or article.people.overlaps(start, end):
                continue
            if point.cue is _Cue.LEAVE_VERB:
                destination = self._leave_destination(article, end)
                if destination is not None:
                    yield destination
            if self._names_org_after(article, point.cue, name, end):
                yield _Form(name, name)

    def _seats_in_moves(self, article: _Article) -> Iterator[_Form]:
        """ "left Cupertino for Menlo Park", "left Apple for Mountain View": a
        headquarters town stands for its organisation where a leave verb and
        its destination name both sides of a move, organisations or towns.
        Alone ("moved to Cupertino") a town is where someone lives."""
        body = article.body
        seats = [seat for seat in self.gaz.by_seat if seat in body]
        if not seats or self.dest_name is None:
            return
        for kind, _, end in article.triggers:
            m = self.name_after.match(body, end) if kind == "leave" else None
            if m is None:
                continue
            start = m.start("name")
            left = seat_at(body, start, seats)
            known = self._known_at(article, start)
            left_end = start + len(left) if left else known.end if known else None
            if left_end is None:
                continue
            dest = self.dest_name.match(body, _past_date(body, left_end, article.date_ends))
            onward = seat_at(body, dest.start("name"), seats) if dest else None
            onward_known = dest is not None and self._known_at(article, dest.start("name"))
            for seat in (left, onward):
                if seat is not None and (onward or onward_known) and (left or known):
                    yield _Form(seat, self.gaz.by_seat[seat])

    def _apposed_name(self, body: str, end: int) -> re.Match[str] | None:
        """ "the company, Quantrix, is": not "the company, Maya Putri, said"."""
        m = self.name_apposed.match(body, end) if self.name_apposed else None
        if m is None or fold(m.group("name").split()[0]) in given_names():
            return None
        # The kind word must be the whole noun phrase ("The company"), not
        # a complement ("juru bicara perusahaan, Maya": the spokesperson).
        anaphors = self.pack.rx["org_anaphor"].finditer(body, max(0, end - 40), end)
        return m if any(a.end() == end for a in anaphors) else None

    def _cue_points(self, article: _Article) -> list[_CuePoint]:
        points = [_CuePoint(_Cue.KIND_WORD, m.end()) for m in self.kind_word.finditer(article.body)]
        points += [
            _CuePoint(_CUE_OF_TRIGGER[kind], end)
            for kind, _, end in article.triggers
            if kind in _CUE_OF_TRIGGER
        ]
        return points

    def _names_org_after(self, article: _Article, cue: _Cue, name: str, end: int) -> bool:
        """Whether the run `name` after `cue` is an organisation, not a person."""
        if cue is _Cue.KIND_WORD or name.split()[-1].lower() in ORG_SUFFIXES:
            return True
        # "joined Helsing": one capitalised word that is no given name and
        # starts no longer name is taken as an organisation; anything else
        # after "joined"/"left" may be a person.
        if " " in name or fold(name) in given_names() or _CAP_NEXT.match(article.body, end):
            return False
        return cue is not _Cue.LEAVE_VERB or self._onward(article, end)

    @staticmethod
    def _known_at(article: _Article, start: int) -> OrgMention | None:
        """The gazetteer mention starting at `start`, if any."""
        i = bisect_left(article.known, start, key=lambda k: k.start)
        return (
            article.known[i] if i < len(article.known) and article.known[i].start == start else None
        )

    def _leave_destination(self, article: _Article, end: int) -> _Form | None:
        """ "left Foo (earlier this year) for Bar": one capitalised word after a
        destination preposition that follows the organisation left."""
        if self.dest_name is None:
            return None
        body = article.body
        m = self.dest_name.match(body, _past_date(body, end, article.date_ends))
        if m is None:
            return None
        name = self._clean_run(m.group("name"))
        if not name or " " in name or fold(name) in given_names():
            return None
        start = m.start("name")
        if _CAP_NEXT.match(body, start + len(name)) or article.claimed.overlaps(
            start, start + len(name)
        ):
            return None
        return _Form(name, name)

    def _onward(self, article: _Article, end: int) -> bool:
        """After "left Foo": a destination follows ("to join Bar", "for Bar",
        "and joined Bar"), so Foo is the employer left, not a person."""
        end = _past_date(article.body, end, article.date_ends)
        if self.dest_after and self.dest_after.match(article.body, end):
            return True
        m = self.conj_after.match(article.body, end)
        return m is not None and m.end() in article.join_starts

    def _clean_run(self, run: str) -> str:
        """The name a capitalised run starts with, "" when none or a known one."""
        kept: list[str] = []
        # Stop the name at the first word that cannot be part of one.
        for w in run.split():
            bare = _unknown_name(w)
            if not bare or bare.lower() in self.pack.stopwords or not bare[0].isupper():
                break
            kept.append(w)
            if bare != w:  # possessive or trailing punctuation ends the name
                break
        name = _unknown_name(" ".join(kept))
        if not name or (name.lower() in self.lone_non_names and len(kept) == 1):
            return ""  # "nouveau CTO du groupe": a title alone names no organisation
        if self.gaz.lookup(name) or fold(name) in places():
            return ""  # known already, or a place ("left Bandung for Jakarta")
        return name

    # -- short forms and placement ---------------------------------------------

    def _short_forms(self, article: _Article, forms: _LearnedForms) -> dict[str, str]:
        """ "Helix" after "Helix AI": the leading word(s) of an organisation named
        in full earlier, when no other organisation of the article starts so."""
        by_text = forms.by_text()
        full_at = self._full_name_offsets(article, by_text)
        shorts: dict[str, str] = {}
        for short, owners in _leading_words(full_at).items():
            if len(owners) != 1:
                continue
            (name,) = owners
            if by_text.get(short, short) not in (short, name) or self._ordinary_word(short):
                continue
            if self._used_alone_after(article, short, full_at[name]):
                shorts[short] = name
        return shorts

    @staticmethod
    def _full_name_offsets(article: _Article, by_text: dict[str, str]) -> dict[str, int]:
        """Where each organisation is named in full: a gazetteer name's latest
        mention, a learned one's first occurrence of its first form."""
        offsets = {o.name: o.start for o in article.known}
        for text, name in by_text.items():
            offsets.setdefault(name, article.body.find(text))
        return offsets

    def _ordinary_word(self, short: str) -> bool:
        """A leading word that reads as something else than the organisation."""
        low = short.lower()
        return (
            low in self.pack.stopwords
            or low in self.pack.not_name_words
            or fold(short) in given_names()
            or self.gaz.lookup(short) is not None
        )

    def _used_alone_after(self, article: _Article, short: str, full_at: int) -> bool:
        """Whether `short` stands after the full name, starting no longer name."""
        return any(
            a > full_at
            and not _CAP_NEXT.match(article.body, a + len(short))
            and not article.people.overlaps(a, a + len(short))
            for a in _occurrences(article.body, short, self.glue)
        )

    def _place(self, article: _Article, forms: _LearnedForms) -> list[OrgMention]:
        """Every whole-word occurrence of the learned forms, longest first,
        where no organisation or person already stands."""
        by_text = forms.by_text()
        placed: list[OrgMention] = []
        # Plain substring search: these forms are per article, and
        # compiling a pattern per call is what the packs exist to avoid.
        for text in sorted(by_text, key=len, reverse=True):
            for start in _occurrences(article.body, text, self.glue):
                end = start + len(text)
                if article.claimed.overlaps(start, end) or article.people.overlaps(start, end):
                    continue
                # As it always was: a form defined as an acronym is flagged
                # known, even for an organisation the gazetteer lacks.
                placed.append(OrgMention(start, end, text, by_text[text], text in forms.acronyms))
                article.claimed.add(start, end)
        return placed


_MAKER_REACH = 40  # a template's words around its product ("la maison mère de")


@cache
def _makers_by_folded_product() -> dict[str, str]:
    """Built on first use, not at import: most processes never read a maker."""
    return {fold(product): maker for product, maker in product_makers().items()}


def _product_maker_patterns(templates: list[str], spaced: bool) -> list[re.Pattern[str]]:
    """One pattern per template, {PRODUCT} standing for every product named."""
    products = sorted(product_makers(), key=len, reverse=True)
    if not products:
        return []
    alt = rf"(?P<product>{'|'.join(re.escape(p) for p in products)})"
    start, end = (r"(?<![\w-])", r"(?![\w-])") if spaced else ("", "")
    return [
        re.compile(rf"{start}(?:{t.replace('{PRODUCT}', alt)}){end}", re.IGNORECASE)
        for t in templates
    ]


def _leading_words(names: Iterable[str]) -> dict[str, set[str]]:
    """ "Helix" and "Helix Quantum" -> {"Helix Quantum AI"}: the leading words
    of each suffixed name, and the names that start with them."""
    owners: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in ORG_SUFFIXES:
            continue
        for k in range(1, len(words)):
            owners.setdefault(" ".join(words[:k]), set()).add(name)
    return owners


def _occurrences(body: str, text: str, word_char: re.Pattern[str] | None = None) -> list[int]:
    """Offsets of `text` in `body` as a whole word (`word_char`: a pack's own)."""
    out: list[int] = []
    i = body.find(text)
    while i >= 0:
        j = i + len(text)
        before = body[i - 1] if i else " "
        after = body[j] if j < len(body) else " "
        if word_char is not None:
            glued = bool(word_char.match(before) or word_char.match(after))
        else:
            glued = before.isalnum() or before in "_-" or after.isalnum() or after in "_-"
        if not glued:
            out.append(i)
        i = body.find(text, i + 1)
    return out
