"""Language packs: one TOML lexicon plus one small module per language.

A pack is loaded once (cached) and holds every regular expression the engine
needs, compiled at load time, so extraction itself never compiles a pattern.
Adding a language = `xx.toml` + `xx.py` in this folder and its code in
`PACK_CODES`; the engine has no language-specific words.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from ..normalize import fold
from ..prefilter import FastRegex, LexiconScanner

PACK_CODES: tuple[str, ...] = ("en", "id", "fr", "es", "de", "pt", "it", "zh")

# Pattern categories every pack provides under [patterns].
_CATEGORIES = (
    "noise_line",
    "join",
    "found",
    "found_passive",
    "hire",
    "hire_passive",
    "leave",
    "leave_noobj",
    "lose",
    "now_at",
    "led_by",
    "from_prep",
    "dest_prep",
    "before_marker",
    "at_prep",
    "role_intro",
    "role_words",
    "role_possessive",
    "rumour",
    "denial",
    "stay",
    "side_role",
    "reported",
    "current",
    "past",
    "pronoun_singular",
    "pronoun_plural",
    "relative",
    "org_anaphor",
    "group_noun",
    "indef_person",
    "indef_org",
    "org_pronoun",
    "org_kind",
    "owner_of",
    "product_maker",
    "former",
    "speech",
    "conj",
    "with_conj",
    "prepositions",
    "leave_nominal",
    "prev_employer",
    "return",
    "role_end",
    "group_quant",
    "definite",
    "own_possessive",
    "unit_nouns",
    "post_nouns",
    "absence",
    "including",
    "lose_to",
    "reported_modal",
    "title_lead",
    "pronoun_first",
    "relative_org",
    "group_bring",
    "besides",
    "group_state",
    "demonstrative_after",
    "hearsay",
    "future",
    "switch_to",
    "possessive",
    "noun_complement",
    "co_actor",
    "companion_lead",  # optional: "与X(等人)创办了Y" opens a clause with X as companion
    "object_relative",  # optional: "Foo, qu'il avait rejointe": the pronoun stands for Foo
    "aside",  # optional: "a pour sa part annoncé": an aside inside a verb group
    "frame_lead",  # optional: "Chez Foo, ...": a fronted place frames its paragraph
    "relative_after",  # optional: "加入Y的CFO X": a relative clause before its head X
    "object_clause",  # optional: ", where ...": a clause about the object, with its own dates
    "newcomers",  # optional: "OpenAI's new executives:": a list of arrivals with no verb
    "plural_verb",  # optional: a finite verb in the plural, where the language marks it
    "role_new",  # optional: "as its new CFO", "CEO baru": the post is new, the title is "CFO"
    "hire_origin",  # optional: "a débauché X chez Foo": where the hired person worked
)
# Categories searched with a literal prefilter (see prefilter.FastRegex): long
# cue lists tried on every statement, and lexicons scanned over the whole body.
_PREFILTERED = frozenset(
    {
        *("rumour", "absence", "reported", "hearsay", "future"),
        *("leave_nominal", "prev_employer", "org_anaphor", "org_pronoun"),
    }
)
# Categories that describe a move statement, in the order the engine tries them.
TRIGGER_KINDS = (
    "hire_passive",
    "found_passive",
    "join",
    "found",
    "hire",
    "leave",
    "leave_noobj",
    "lose",
    "now_at",
    "led_by",
)

_NEVER = re.compile(r"(?!x)x")  # matches nothing: a category a pack leaves empty


def alternation(items: list[str]) -> str:
    """Longest first, so that "hengkang ke" wins over "hengkang"."""
    return "|".join(sorted(items, key=len, reverse=True))


# A character that continues a word, as a regex character class: a lexicon
# entry must not start or end next to one.
SPACED_WORD_CHAR = r"[\w-]"


@dataclass(frozen=True, slots=True)
class Edges:
    """Where a lexicon entry may start and end, as two zero-width regexes."""

    start: str = rf"(?<!{SPACED_WORD_CHAR})"
    end: str = rf"(?!{SPACED_WORD_CHAR})"


SPACED_EDGES = Edges()


def unspaced_word_char(script: str) -> str:
    """A word character outside `script` (character ranges like "一-鿿")."""
    return rf"[^\W{script}]"


def unspaced_edges(script: str) -> Edges:
    """A script written without spaces (Chinese) has no word boundary between
    its own characters: an entry only may not glue onto another script's word
    ("Meta" in "Metaverse"), and an entry's own Han edge touches anything."""
    wc = unspaced_word_char(script)
    return Edges(rf"(?:(?<!{wc})|(?=[{script}]))", rf"(?:(?!{wc})|(?<=[{script}]))")


_OPEN_END = re.compile(r"(?:-|'|’|\[['’]+\])$")  # "ex-", "d'": glue onto the next word


def word_regex(
    items: list[str], flags: int = re.IGNORECASE, edges: Edges = SPACED_EDGES
) -> re.Pattern[str]:
    """Whole words: no word character on either side (`edges` say what a word
    character is).  An entry that ends in a hyphen or an apostrophe ("ex-",
    "d'") opens a compound, so it needs no edge after it ("ex-GitHub")."""
    if not items:
        return _NEVER
    # "ex-?" is the word "ex" or the compound opener "ex-".
    items = [f for i in items for f in ((i[:-2], i[:-1]) if i.endswith("-?") else (i,))]
    closed = [i for i in items if not _OPEN_END.search(i)]
    opening = [i for i in items if _OPEN_END.search(i)]
    parts = [rf"(?:{alternation(closed)}){edges.end}"] if closed else []
    if opening:
        parts.append(rf"(?:{alternation(opening)})")
    return re.compile(rf"{edges.start}(?:{'|'.join(parts)})", flags)


@dataclass(slots=True)
class DatePatterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: list[tuple[FastRegex, str, int]]
    # "four years ago", "vor zwei Monaten": a {COUNT} of units; the int is the
    # direction (-1 back, +1 forward) the count runs from publication.
    counted: list[tuple[FastRegex, str, int]]
    # "that year", "im selben Jahr", "同年": the year (or month) of the date
    # phrase before it in the text.
    anaphoric: list[tuple[FastRegex, str]]
    month_last: FastRegex
    month_bare: FastRegex
    month_prev_year: FastRegex
    month_this_year: FastRegex
    month_year: FastRegex
    day_month_year: FastRegex
    month_day_year: FastRegex
    month_day: FastRegex
    day_month: FastRegex
    numeric: FastRegex
    weekday: FastRegex
    year: FastRegex
    anchor: FastRegex | None = None  # union of every pattern's required literals


@dataclass(slots=True)
class LanguagePack:
    code: str
    name: str
    data: dict[str, Any]
    module: ModuleType
    stopwords: frozenset[str]  # as written and accent-folded
    not_name_words: frozenset[str]
    title_words: frozenset[str]
    # Nouns that denote a person without being a title before a name ("man",
    # "developer"): with the titles, they make a description subject.
    person_nouns: frozenset[str]
    untensed_is_current: bool
    subject_after_verb: bool  # verb-second word order: "Im März wechselte X zu Y"
    # Romance word order: a subject may follow the verb and its object ("ha
    # lasciato OpenAI anche Marco Conti"), or be left out ("En 2022 dejó Meta").
    subject_may_follow: bool
    null_subject: bool
    numeric_dmy: bool
    # Script properties (see zh.toml): words written without spaces between
    # them, no capital letters, the script's character ranges, and full-width
    # punctuation folded to the ASCII marks the engine reads.
    spaced: bool = True
    cased: bool = True
    script: str = ""
    word_char: str = SPACED_WORD_CHAR
    edges: Edges = SPACED_EDGES
    punctuation: dict[int, str] = field(default_factory=dict)
    sentence_end: re.Pattern[str] | None = None  # replaces the spaced-script rule
    script_chars: re.Pattern[str] | None = None  # one character of `script`
    rx: dict[str, re.Pattern[str]] = field(default_factory=dict)
    triggers: FastRegex | re.Pattern[str] = _NEVER  # all trigger kinds, one named group each
    trigger_scan: LexiconScanner | None = None  # the same, fast over whole bodies
    noise: re.Pattern[str] = _NEVER
    dates: DatePatterns | None = None

    def number(self, word: str) -> int | None:
        """Numbers written as words ("eleven", "sebelas"): the pack module knows."""
        return self.module.number(word)

    def is_title(self, word: str) -> bool:
        """A title word; without spaces, a word ending in one ("研究副总裁")."""
        if word in self.title_words:
            return True
        return not self.spaced and any(word.endswith(t) for t in self.title_words)

    def fold_punctuation(self, text: str) -> str:
        """The text with full-width punctuation as ASCII, offsets unchanged."""
        return text.translate(self.punctuation) if self.punctuation else text


def _compile_dates(
    d: dict[str, Any], number_pattern: str, edges: Edges = SPACED_EDGES
) -> DatePatterns:
    months: dict[str, int] = {}
    for i, names in enumerate(d["months"], start=1):
        for n in names:
            months[n] = i
    weekdays = {w: i for i, w in enumerate(d["weekdays"])}
    month_alt = alternation(list(months))
    wd_alt = alternation(list(weekdays))
    year = r"(?P<year>(?:19[5-9]\d|20[0-4]\d))"
    ordinal = d.get("ordinal") or "(?!x)x"  # "1st", "1er": a suffix some languages write
    mon = rf"(?P<month>{month_alt})\.?"
    # "il primo aprile", "le premier avril": the first of a month written as a word.
    first = d.get("first_day")
    day = rf"(?:(?P<day>[0-3]?\d)|(?P<first_day>{first}))" if first else r"(?P<day>[0-3]?\d)"

    def fill(tpl: str) -> FastRegex:
        body = tpl.replace("{MONTH}", mon).replace("{WEEKDAY}", rf"(?P<weekday>{wd_alt})")
        body = body.replace("{YEAR}", year).replace("{DAY}", day)
        return FastRegex(rf"{edges.start}(?:{body}){edges.end}", lowercase=True)

    rel = [
        (
            FastRegex(rf"{edges.start}(?:{pat}){edges.end}", lowercase=True),
            unit,
            int(off),
        )
        for pat, unit, off in d["relative"]
    ]
    count = rf"(?P<count>{number_pattern})"
    counted = [
        (
            FastRegex(
                rf"{edges.start}(?:{pat.replace('{COUNT}', count)}){edges.end}", lowercase=True
            ),
            unit,
            int(direction),
        )
        for pat, unit, direction in d.get("counted", [])
    ]
    anaphoric = [
        (FastRegex(rf"{edges.start}(?:{pat}){edges.end}", lowercase=True), unit)
        for pat, unit in d.get("anaphoric", [])
    ]
    dp = DatePatterns(
        months=months,
        weekdays=weekdays,
        relative=rel,
        counted=counted,
        anaphoric=anaphoric,
        month_last=fill(d["month_last"]),
        month_bare=fill(d["month_bare"]),
        month_prev_year=fill(d.get("month_prev_year", "(?!x)x")),
        month_this_year=fill(d.get("month_this_year", "(?!x)x")),
        # A pack may write these in its own order ("2024 年 9 月"); {DAY} is the day number.
        month_year=fill(d.get("month_year", rf"{{MONTH}},? {year[:-1]})")),
        day_month_year=fill(
            d.get("day_month_year", rf"{{DAY}}{ordinal}? {{MONTH}},? {year[:-1]})")
        ),
        month_day_year=fill(
            d.get("month_day_year", rf"{{MONTH}} {{DAY}}{ordinal}?,? {year[:-1]})")
        ),
        # "June 10" / "10 Juni" without a year: the most recent one.
        month_day=fill(d.get("month_day", rf"{{MONTH}} {{DAY}}{ordinal}?")),
        day_month=fill(d.get("day_month", rf"{{DAY}}{ordinal}? {{MONTH}}")),
        # "7/5/2025", and "16.07.2025" as German, Russian or Indonesian write it;
        # the pack says which of the two numbers is the day.
        numeric=FastRegex(
            r"(?<![\w/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?![\w/]|\.\d)",
            lowercase=True,
        ),
        weekday=fill(d["weekday_phrase"]),
        year=fill(d["year_phrase"]),
    )
    every = (
        [rx for rx, _, _ in dp.relative]
        + [rx for rx, _, _ in dp.counted]
        + [rx for rx, _ in dp.anaphoric]
        + [
            getattr(dp, f)
            for f in (
                "month_last",
                "month_bare",
                "month_prev_year",
                "month_this_year",
                "month_year",
                "day_month_year",
                "month_day_year",
                "month_day",
                "day_month",
                "numeric",
                "weekday",
                "year",
            )
        ]
    )
    # Dates start words, where words are spaced.
    dp.anchor = FastRegex.anchor_for(every, word_start=edges == SPACED_EDGES)
    return dp


@cache
def unspaced_scripts() -> str:
    """The character ranges of every script written without spaces (Han).
    Read from the packs' files, not their compiled forms: an English article
    needs no Chinese pack compiled to know which characters it may skip."""
    return "".join(
        pack_words(code).script for code in PACK_CODES if not _pack_data(code).get("spaced", True)
    )


@dataclass(frozen=True, slots=True)
class PackWords:
    """A pack's word lists alone, read without compiling its patterns: what the
    finders of another language borrow (a "Universitas" in English text is no
    name either), at a fraction of a compiled pack's start-up cost."""

    code: str
    stopwords: frozenset[str]
    not_name_words: frozenset[str]
    title_words: frozenset[str]
    conj: tuple[str, ...]  # the pack's "and" words: they join names in a list
    detection_words: frozenset[str]  # the stopwords as written: what detection counts
    script: str  # character ranges of the pack's own script (Han), else ""


@cache
def pack_words(code: str) -> PackWords:
    data = _pack_data(code)
    return PackWords(
        code=code,
        detection_words=frozenset(data["stopwords"]),
        script=str(data.get("script", "")),
        stopwords=_word_set(data["stopwords"]),
        not_name_words=_word_set(data["not_name_words"]),
        title_words=_word_set(data["title_words"]),
        conj=tuple(data["patterns"]["conj"]),
    )


def all_pack_words() -> list[PackWords]:
    return [pack_words(code) for code in PACK_CODES]


@cache
def _pack_data(code: str) -> dict[str, Any]:
    """A pack's TOML file, parsed (cached: load_pack and unspaced_scripts both read it)."""
    raw = resources.files(__package__).joinpath(f"{code}.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _word_set(words: list[str]) -> frozenset[str]:
    """A pack's word list as written and accent-folded, so that a word
    compared either way ("mitgründer", "mitgrunder") is found."""
    return frozenset(words) | frozenset(fold(w) for w in words)


@cache
def load_pack(code: str) -> LanguagePack:
    """Load and compile a language pack; cached, so each pack compiles once."""
    if code not in PACK_CODES:
        raise KeyError(f"no language pack for {code!r}; have {', '.join(PACK_CODES)}")
    data = _pack_data(code)
    module = importlib.import_module(f"{__package__}.{code}")
    pats: dict[str, list[str]] = data["patterns"]
    pack = LanguagePack(
        code=data["code"],
        name=data["name"],
        data=data,
        module=module,
        stopwords=_word_set(data["stopwords"]),
        not_name_words=_word_set(data["not_name_words"]),
        title_words=_word_set(data["title_words"]),
        person_nouns=_word_set(data.get("person_nouns", [])),
        untensed_is_current=bool(data["untensed_is_current"]),
        subject_after_verb=bool(data.get("subject_after_verb", False)),
        subject_may_follow=bool(data.get("subject_may_follow", False)),
        null_subject=bool(data.get("null_subject", False)),
        numeric_dmy=data["numeric_date_order"] == "dmy",
    )
    _script_properties(pack, data)
    edges = pack.edges
    for cat in _CATEGORIES:
        items = pats.get(cat, [])
        if cat in ("owner_of",):
            continue  # templates, filled per article with the org pattern
        pack.rx[cat] = word_regex(items, edges=edges)
        if cat in _PREFILTERED and items:
            # A literal prefilter skips the regions that hold none of their words.
            # Matched on the text as written: entries may be case-sensitive ("(?-i:may)").
            pack.rx[cat] = FastRegex(pack.rx[cat].pattern)  # type: ignore[assignment]
    pack.noise = (
        re.compile(rf"^\s*(?:{alternation(pats['noise_line'])})", re.IGNORECASE)
        if pats.get("noise_line")
        else _NEVER
    )
    groups = [rf"(?P<{kind}>{alternation(pats[kind])})" for kind in TRIGGER_KINDS if pats.get(kind)]
    pack.triggers = FastRegex(rf"{edges.start}(?:{'|'.join(groups)}){edges.end}", lowercase=True)
    pack.trigger_scan = LexiconScanner(
        [(k, pats[k]) for k in TRIGGER_KINDS if pats.get(k)], pack.word_char, pack.script
    )
    pack.dates = _compile_dates(data["dates"], module.NUMBER_PATTERN, edges)
    return pack


def _script_properties(pack: LanguagePack, data: dict[str, Any]) -> None:
    """How the language is written: spacing, letter case, script, punctuation."""
    pack.spaced = bool(data.get("spaced", True))
    pack.cased = bool(data.get("cased", True))
    pack.script = str(data.get("script", ""))
    if pack.script:
        pack.script_chars = re.compile(f"[{pack.script}]")
    if not pack.spaced:
        pack.word_char = unspaced_word_char(pack.script)
        pack.edges = unspaced_edges(pack.script)
    pack.punctuation = str.maketrans(dict(data.get("punctuation", {})))
    if data.get("sentence_end"):
        pack.sentence_end = re.compile(data["sentence_end"])
