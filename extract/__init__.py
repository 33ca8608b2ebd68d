"""movesboard.extract: career moves from news text, as a pure function.

    extract(body, title=..., published=..., language=...) -> Extraction

No database, no network, no global mutable state: the same text always gives
the same result.  Language packs and the gazetteer are compiled once and cached.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_right
from dataclasses import replace

from .analysis import Analysis, Trigger, TriggerKind
from .cjk import HanNames, han_people, restore_text
from .completion import complete, returns_explain_departures
from .consolidate import consolidate, to_facts
from .dates import find_dates, phrase_spans, with_frame_years
from .detect import detect_language
from .frames import find_frames
from .gazetteer import ENV_VAR, load_gazetteer
from .groups import GroupFinder
from .lang import PACK_CODES, LanguagePack, all_pack_words, load_pack
from .listed import ArticleText, listed_moves
from .members import named_members
from .moves import MoveContext, MovePatterns, affiliations, find_hops, resolve_org_anaphors
from .orgs import OrgFinder, OrgMention
from .people import PeopleFinder
from .sentences import split_sentences
from .spans import SpanList
from .types import (
    Extraction,
    FuzzyDate,
    GroupMoveFact,
    Mention,
    Modality,
    MoveFact,
    OrgEntity,
    PersonEntity,
    Precision,
)

SUPPORTED_LANGUAGES: tuple[str, ...] = PACK_CODES

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Extraction",
    "FuzzyDate",
    "GroupMoveFact",
    "Mention",
    "Modality",
    "MoveFact",
    "OrgEntity",
    "PersonEntity",
    "Precision",
    "detect_language",
    "extract",
]


class _Engine:
    """Everything compiled for one language (and one gazetteer)."""

    def __init__(self, pack: LanguagePack, gazetteer: str | None) -> None:
        self.pack = pack
        self.gaz = load_gazetteer(gazetteer)
        self.orgs = OrgFinder(pack, self.gaz)
        self.people = PeopleFinder(all_pack_words(), pack)
        self.move_patterns = MovePatterns.compile(pack)
        self.groups = GroupFinder(pack)
        # Scripts without spaces or capitals (Han) name people by other cues.
        self.han = HanNames(pack, all_pack_words()) if not pack.spaced and pack.script else None


# A compile cache, not state: an engine is read-only once built, and the key
# holds everything it depends on (the pack, the extra gazetteer file, and the
# $MOVESBOARD_GAZETTEER files), so results depend only on the text.
_ENGINES: dict[tuple[str, str | None, str], _Engine] = {}


def _engine(code: str, gazetteer: str | None) -> _Engine:
    key = (code, gazetteer, os.environ.get(ENV_VAR, ""))
    eng = _ENGINES.get(key)
    if eng is None:
        eng = _ENGINES[key] = _Engine(load_pack(code), gazetteer)
    return eng


# ISO 639 codes that name a packed language differently ("in" is Indonesian's old code).
_ALIASES = {"in": "id", "ind": "id", "eng": "en", "fra": "fr", "fre": "fr"}


def _pack_code(language: str | None) -> str | None:
    """ "en-US" -> "en", "in" -> "id"; None for a language without a pack."""
    if not language:
        return None
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    primary = _ALIASES.get(primary, primary)
    return primary if primary in PACK_CODES else None


def extract(
    body: str,
    *,
    title: str = "",
    published: dt.date | None = None,
    language: str | None = None,
    gazetteer: str | None = None,
) -> Extraction:
    """People, organisations and moves stated in one article body.

    `language` defaults to detection over title + body; unknown codes fall back
    to detection too.  `gazetteer` is an optional extra organisations file
    (see extract/data/organizations.toml for the format)."""
    language = _pack_code(language)
    if language is None:
        language = detect_language(f"{title}\n{body}")
    eng = _engine(language, gazetteer)
    # Full-width punctuation read as ASCII (same offsets); texts restored at the end.
    original, body = body, eng.pack.fold_punctuation(body)
    doc = _analyse(eng, original, body, published)
    title_orgs = eng.orgs.known_names(title) if title else []
    doc.frames = find_frames(
        doc.sentences, doc.orgs, title_orgs, eng.gaz, eng.pack.rx["frame_lead"]
    )
    hops = returns_explain_departures(find_hops(doc, eng.move_patterns))
    hops = consolidate(hops, eng.gaz, doc.affiliations, published)
    moves = to_facts(complete(hops, doc))
    groups = eng.groups.find(
        body,
        doc.sentences,
        doc.orgs,
        doc.triggers,
        [(p.start, p.end) for p in doc.persons],
        moves,
    )
    # "hired three researchers ... The three, A, B and C, ...": the group's people.
    moves += named_members(
        body,
        doc.sentences,
        groups,
        moves,
        doc.persons,
        doc.dates,
        eng.pack.rx["pronoun_plural"],
        eng.move_patterns.coord_tight,
        eng.pack.rx["including"],
    )
    # "以下11人已加入X:" and a bulleted list: one move per item.
    moves += listed_moves(
        ArticleText(body, doc.sentences, doc.orgs, doc.persons, doc.dates, published),
        eng.pack,
        eng.gaz,
        doc.triggers,
        moves,
    )
    result = Extraction(
        language=language,
        people=doc.people,
        organizations=_organizations(eng, doc.named_orgs),
        moves=moves,
        group_moves=groups,
    )
    return result if body is original else restore_text(result, original)


def _organizations(eng: _Engine, mentions: list[OrgMention]) -> list[OrgEntity]:
    """One entity per canonical organisation, with every surface form named."""
    orgs: dict[str, OrgEntity] = {}
    for o in mentions:
        ent = orgs.setdefault(o.name, OrgEntity(o.name, eng.gaz.parent(o.name), known=o.known))
        ent.mentions.append(Mention(o.text, o.start, o.end))
    return list(orgs.values())


def _held(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether one of `ranges` (sentences: in order, none overlapping) holds `pos`;
    only the last one starting at or before it can."""
    i = bisect_right(ranges, pos, key=lambda r: r[0]) - 1
    return i >= 0 and pos < ranges[i][1]


def _analyse(eng: _Engine, original: str, body: str, published: dt.date | None) -> Analysis:
    """Sentences, move verbs, dates, organisations and people: found once, read by
    every stage.  `body` is `original` with its punctuation folded to ASCII."""
    sentences = split_sentences(original, eng.pack)  # 。 ends a sentence, "." may not
    if body is not original:
        sentences = [replace(s, text=body[s.start : s.end]) for s in sentences]
    assert eng.pack.trigger_scan is not None
    triggers = SpanList(
        Trigger(TriggerKind(k), a, b) for k, a, b in eng.pack.trigger_scan.scan(body)
    )
    # "In 2024, X left in May": a year opening a sentence frames its bare months.
    all_dates = with_frame_years(
        find_dates(body, eng.pack, published), [(s.start, s.end) for s in sentences], body
    )
    noise = [(s.start, s.end) for s in sentences if s.noise]
    # "und heute Chefin von Bar", "e oggi CAIO di Meta": "today" says the post
    # is current, not when the move was made.
    noise += [(t.start, t.end) for t in triggers if t.kind is TriggerKind.NOW_AT]
    doc = Analysis(
        body,
        eng.pack,
        eng.gaz,
        published,
        sentences,
        triggers,
        SpanList(d for d in all_dates if not _held(d.start, noise)),
    )
    org_mentions = eng.orgs.find(body, triggers, date_spans={d.start: d.end for d in all_dates})
    org_spans = [(o.start, o.end) for o in org_mentions]
    date_spans = phrase_spans(body, eng.pack, published, all_dates)
    people, persons = eng.people.find(body, sentences, org_spans, triggers, date_spans)
    if eng.han is not None:
        people, persons = han_people(eng.han, body, sentences, org_spans, people, persons, triggers)
    doc.named_orgs = doc.orgs = SpanList(org_mentions)
    doc.persons, doc.people = SpanList(persons), people
    ctx = MoveContext(doc, eng.move_patterns)
    # Organisation anaphors ("the company") resolved once, read by every later stage.
    doc.orgs = resolve_org_anaphors(ctx)
    if triggers:
        described = affiliations(ctx)
        doc.affiliations, doc.former_affiliations = described.employers, described.former
    return doc
