"""The organisation gazetteer: curated names, aliases, acronyms and parents.

Loaded from `data/organizations.toml` plus any user extension files, compiled
into one regular expression, and cached: building it is the only costly step
and happens once per distinct set of files.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from .normalize import fold
from .prefilter import WordStartScan
from .trie import trie_pattern

ENV_VAR = "MOVESBOARD_GAZETTEER"


@dataclass(slots=True)
class OrgRecord:
    name: str
    parent: str | None = None
    kind: str = "company"
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)  # towns that stand for it in a move
    leaders: list[str] = field(default_factory=list)  # heads who hire for it


@dataclass(slots=True)
class Gazetteer:
    records: dict[str, OrgRecord]
    by_form: dict[str, str]  # folded surface form -> canonical name
    by_acronym: dict[str, str]  # exact acronym -> canonical name
    names: str = ""  # the trie alternation of every form, lowercased
    forms: tuple[str, ...] = ()  # every form as written
    exact: frozenset[str] = frozenset()  # every form as written in the files ("xAI")
    families: dict[str, frozenset[str]] = field(default_factory=dict)
    by_seat: dict[str, str] = field(default_factory=dict)  # "Cupertino" -> "Apple"
    by_leader: dict[str, str] = field(default_factory=dict)  # folded "mark zuckerberg" -> "Meta"

    def led_by(self, person: str) -> str | None:
        """The organisation a well-known head leads, by full name or, for a
        name of one word, by surname ("Zuckerberg")."""
        key = fold(person)
        if key in self.by_leader:
            return self.by_leader[key]
        return None if " " in key else self.by_leader.get("~" + key)

    def lookup(self, surface: str) -> str | None:
        """Canonical name for a surface form, or None when unknown."""
        if surface in self.by_acronym:
            return self.by_acronym[surface]
        return self.by_form.get(fold(surface))

    def scan_without(self, script: str) -> NameScan:
        """The name scan for text of a spaced script: forms written in an
        unspaced `script` (Han) could never match there and slow every scan."""
        if not script:
            return PatternScan(names_pattern(self.names))  # compiled on demand
        return _scan_without(self.forms, script)

    def parent(self, name: str) -> str | None:
        rec = self.records.get(name)
        return rec.parent if rec else None

    def is_media(self, name: str) -> bool:
        """A publication: it reports moves, nobody's employer in them."""
        rec = self.records.get(name)
        return rec is not None and rec.kind == "media"

    def family(self, name: str) -> frozenset[str]:
        """The organisation, its ancestors and descendants: one employer family."""
        fam = self.families.get(name)
        if fam is None:
            fam = frozenset({name})  # an organisation not in the gazetteer
        return fam

    def _family(self, name: str, children: dict[str, list[str]]) -> frozenset[str]:
        """The organisation, its ancestors, their units and its own units at
        every depth (`children`: parent -> units, built once)."""
        out = {name}
        cur: str | None = name
        while cur and (cur := self.parent(cur)) and cur not in out:
            out.add(cur)
        for ancestor in list(out):
            out.update(children.get(ancestor, ()))
        todo = list(children.get(name, ()))
        while todo:
            unit = todo.pop()
            for child in children.get(unit, ()):
                if child not in out:
                    out.add(child)
                    todo.append(child)
        return frozenset(out)


def _merge(records: dict[str, OrgRecord], entries: list[dict[str, object]]) -> None:
    for e in entries:
        name = str(e["name"])
        rec = records.setdefault(name, OrgRecord(name=name))
        if e.get("parent"):
            rec.parent = str(e["parent"])
        if e.get("kind"):
            rec.kind = str(e["kind"])
        for key in ("aliases", "acronyms", "former", "seats", "leaders"):
            raw = e.get(key) or []
            vals = [str(v) for v in raw] if isinstance(raw, list) else []
            getattr(rec, key).extend(v for v in vals if v not in getattr(rec, key))


def _user_files(extra: tuple[str, ...]) -> tuple[str, ...]:
    env = os.environ.get(ENV_VAR, "")
    return extra + tuple(p for p in env.split(os.pathsep) if p)


def load_gazetteer(extra: str | Path | tuple[str | Path, ...] | None = None) -> Gazetteer:
    """The built-in gazetteer extended by `extra` file(s) and $MOVESBOARD_GAZETTEER."""
    if extra is None:
        paths: tuple[str, ...] = ()
    elif isinstance(extra, (str, Path)):
        paths = (str(extra),)
    else:
        paths = tuple(str(p) for p in extra)
    return _build(_user_files(paths))


@cache
def _scan_without(forms: tuple[str, ...], script: str) -> WordStartScan:
    other = re.compile(f"[{script}]")
    names = trie_pattern([f.lower() for f in forms if not other.search(f)])
    # A hit inside a word is never a mention: the trie is tried at word starts only.
    return WordStartScan(_names_ending(names), before=r"\W")


def names_pattern(names: str, word_char: str = r"\w") -> re.Pattern[str]:
    """The gazetteer's forms, ending where a word does (`word_char`: a pack's,
    for scripts written without spaces)."""
    return re.compile(_names_ending(names, word_char))


def _names_ending(names: str, word_char: str = r"\w") -> str:
    return rf"(?:{names})(?!{word_char}|\.{word_char}|-(?![^\W\d_]))"


class NameScan(Protocol):
    """Finds the gazetteer's names in a lowercased text."""

    def spans(self, text: str) -> list[tuple[int, int]]: ...


@dataclass(frozen=True, slots=True)
class PatternScan:
    """A NameScan by one pattern's non-overlapping matches."""

    pattern: re.Pattern[str]

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.pattern.finditer(text)]


def _leaders(records: dict[str, OrgRecord]) -> dict[str, str]:
    """Folded full name -> organisation, and "~surname" -> organisation for
    the surname alone ("Zuckerberg"; "奥尔特曼" after the dot)."""
    out: dict[str, str] = {}
    for rec in records.values():
        for name in rec.leaders:
            key = fold(name)
            out.setdefault(key, rec.name)
            surname = re.split(r"[ ·‧•・]", key)[-1]
            if surname != key:
                out.setdefault("~" + surname, rec.name)
    return out


def _with_compound_forms(forms: list[str]) -> list[str]:
    """The forms, plus each name of several words hyphenated the way a
    compound opens with it ("Inflection-AI-Chef", "Scale-AI-Gründer")."""
    return forms + [f.replace(" ", "-") for f in forms if " " in f]


@cache
def _build(paths: tuple[str, ...]) -> Gazetteer:
    raw = resources.files(__package__).joinpath("data/organizations.toml").read_text("utf-8")
    records: dict[str, OrgRecord] = {}
    _merge(records, tomllib.loads(raw)["org"])
    for p in paths:
        _merge(records, tomllib.loads(Path(p).read_text("utf-8")).get("org", []))
    by_form: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    forms: list[str] = []
    for rec in records.values():
        for form in _with_compound_forms([rec.name, *rec.aliases, *rec.former]):
            by_form.setdefault(fold(form), rec.name)
            forms.append(form)
        for acr in rec.acronyms:
            by_acronym[acr] = rec.name
            forms.append(acr)
    alt = trie_pattern([f.lower() for f in forms])
    # Case-insensitive so "Google Deepmind" and "WIRED"/"Wired" match; the org
    # finder then rejects lowercase hits ("scale", "cursor") and wrong-case acronyms.
    # Matched against the lowercased body without IGNORECASE, the left word
    # boundary checked by the caller: several times faster in Python's re.
    # A hyphen and a letter after it make a compound the organisation opens
    # ("OpenAI-Forscher", "Google-owned"); a hyphen before is for "ex-" (orgs.py).
    gaz = Gazetteer(
        records=records,
        by_form=by_form,
        by_acronym=by_acronym,
        names=alt,
        forms=tuple(forms),
        exact=frozenset(forms),
        by_seat={seat: rec.name for rec in records.values() for seat in rec.seats},
        by_leader=_leaders(records),
    )
    children: dict[str, list[str]] = {}
    for rec in records.values():
        if rec.parent:
            children.setdefault(rec.parent, []).append(rec.name)
    gaz.families = {name: gaz._family(name, children) for name in records}
    return gaz
