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

PACK_CODES: tuple[str, ...] = ("en", "id", "fr", "es", "de", "pt", "it")

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
    "from_prep",
    "dest_prep",
    "before_marker",
    "at_prep",
    "role_intro",
    "role_words",
    "rumour",
    "denial",
    "stay",
    "reported",
    "current",
    "past",
    "pronoun_singular",
    "pronoun_plural",
    "relative",
    "org_anaphor",
    "group_noun",
    "indef_person",
    "org_kind",
    "owner_of",
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
)

_NEVER = re.compile(r"(?!x)x")  # matches nothing: a category a pack leaves empty


def alternation(items: list[str]) -> str:
    """Longest first, so that "hengkang ke" wins over "hengkang"."""
    return "|".join(sorted(items, key=len, reverse=True))


_OPEN_END = re.compile(r"(?:-|'|’|\[['’]+\])$")  # "ex-", "d'": glue onto the next word


def word_regex(items: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Whole words: no word character on either side.  An entry that ends in
    a hyphen or an apostrophe ("ex-", "d'") opens a compound, so it needs no
    boundary after it ("ex-GitHub", "d'OpenAI")."""
    if not items:
        return _NEVER
    # "ex-?" is the word "ex" or the compound opener "ex-".
    items = [f for i in items for f in ((i[:-2], i[:-1]) if i.endswith("-?") else (i,))]
    closed = [i for i in items if not _OPEN_END.search(i)]
    opening = [i for i in items if _OPEN_END.search(i)]
    parts = [rf"(?:{alternation(closed)})(?![\w-])"] if closed else []
    if opening:
        parts.append(rf"(?:{alternation(opening)})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})", flags)


@dataclass(slots=True)
class DatePatterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: list[tuple[FastRegex, str, int]]
    month_last: FastRegex
    month_bare: FastRegex
    month_prev_year: FastRegex
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
    detection_words: frozenset[str]  # the stopwords as written: what detection counts
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
    rx: dict[str, re.Pattern[str]] = field(default_factory=dict)
    triggers: FastRegex | re.Pattern[str] = _NEVER  # all trigger kinds, one named group each
    trigger_scan: LexiconScanner | None = None  # the same, fast over whole bodies
    noise: re.Pattern[str] = _NEVER
    dates: DatePatterns | None = None

    def number(self, word: str) -> int | None:
        """Numbers written as words ("eleven", "sebelas"): the pack module knows."""
        return self.module.number(word)


def _compile_dates(d: dict[str, Any]) -> DatePatterns:
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

    def fill(tpl: str) -> FastRegex:
        body = tpl.replace("{MONTH}", mon).replace("{WEEKDAY}", rf"(?P<weekday>{wd_alt})")
        body = body.replace("{YEAR}", year)
        return FastRegex(rf"(?<![\w-])(?:{body})(?![\w-])", lowercase=True)

    rel = [
        (FastRegex(rf"(?<![\w-])(?:{pat})(?![\w-])", lowercase=True), unit, int(off))
        for pat, unit, off in d["relative"]
    ]
    dp = DatePatterns(
        months=months,
        weekdays=weekdays,
        relative=rel,
        month_last=fill(d["month_last"]),
        month_bare=fill(d["month_bare"]),
        month_prev_year=fill(d.get("month_prev_year", "(?!x)x")),
        month_year=fill(rf"{{MONTH}},? {year[:-1]})"),
        day_month_year=fill(rf"(?P<day>[0-3]?\d){ordinal}? {{MONTH}},? {year[:-1]})"),
        month_day_year=fill(rf"{{MONTH}} (?P<day>[0-3]?\d){ordinal}?,? {year[:-1]})"),
        # "June 10" / "10 Juni" without a year: the most recent one.
        month_day=fill(rf"{{MONTH}} (?P<day>[0-3]?\d){ordinal}?"),
        day_month=fill(r"(?P<day>[0-3]?\d) {MONTH}"),
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
    every = [dp.relative[i][0] for i in range(len(dp.relative))] + [
        getattr(dp, f)
        for f in (
            "month_last",
            "month_bare",
            "month_prev_year",
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
    dp.anchor = FastRegex.anchor_for(every, word_start=True)  # dates start words
    return dp


def _word_set(words: list[str]) -> frozenset[str]:
    """A pack's word list as written and accent-folded, so that a word
    compared either way ("mitgründer", "mitgrunder") is found."""
    return frozenset(words) | frozenset(fold(w) for w in words)


@cache
def load_pack(code: str) -> LanguagePack:
    """Load and compile a language pack; cached, so each pack compiles once."""
    if code not in PACK_CODES:
        raise KeyError(f"no language pack for {code!r}; have {', '.join(PACK_CODES)}")
    raw = resources.files(__package__).joinpath(f"{code}.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    module = importlib.import_module(f"{__package__}.{code}")
    pats: dict[str, list[str]] = data["patterns"]
    pack = LanguagePack(
        code=data["code"],
        name=data["name"],
        data=data,
        module=module,
        stopwords=_word_set(data["stopwords"]),
        detection_words=frozenset(data["stopwords"]),
        not_name_words=_word_set(data["not_name_words"]),
        title_words=_word_set(data["title_words"]),
        person_nouns=_word_set(data.get("person_nouns", [])),
        untensed_is_current=bool(data["untensed_is_current"]),
        subject_after_verb=bool(data.get("subject_after_verb", False)),
        subject_may_follow=bool(data.get("subject_may_follow", False)),
        null_subject=bool(data.get("null_subject", False)),
        numeric_dmy=data["numeric_date_order"] == "dmy",
    )
    for cat in _CATEGORIES:
        items = pats.get(cat, [])
        if cat in ("owner_of",):
            continue  # templates, filled per article with the org pattern
        pack.rx[cat] = word_regex(items)
    pack.noise = (
        re.compile(rf"^\s*(?:{alternation(pats['noise_line'])})", re.IGNORECASE)
        if pats.get("noise_line")
        else _NEVER
    )
    groups = [rf"(?P<{kind}>{alternation(pats[kind])})" for kind in TRIGGER_KINDS if pats.get(kind)]
    pack.triggers = FastRegex(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])", lowercase=True)
    pack.trigger_scan = LexiconScanner([(k, pats[k]) for k in TRIGGER_KINDS if pats.get(k)])
    pack.dates = _compile_dates(data["dates"])
    return pack
