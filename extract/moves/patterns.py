"""The move finder's patterns, compiled once per language pack."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguagePack, alternation


@dataclass(frozen=True, slots=True)
class MovePatterns:
    # Gaps between two names of one list: "X, Y and Z", "X (, desc,) and Y",
    # "X along with co-founder Y", "X bersama rekan pendirinya, Y".
    coord: re.Pattern[str]
    # The same, with nothing but a comma or a conjunction between the names.
    coord_tight: re.Pattern[str]
    # "X joined Meta along with Y": a companion who moves too.
    comitative: re.Pattern[str]
    # "as chief scientist": a role after its introducing word.
    role: re.Pattern[str]
    # Where a list of roles splits into conjuncts.
    role_split: re.Pattern[str]
    # Chinese word order (cjk.py), None where a pack has no such cue: "与X等人"
    # opens a clause of companions; "加入Y的CFO X" puts a relative clause
    # before its head.
    companion_lead: re.Pattern[str] | None
    relative_after: re.Pattern[str] | None
    # A quantified group that ends right before a verb is its subject:
    # "X fills the gap after several OpenAI executives left" moves no X.
    group_subject: re.Pattern[str]
    # "the former ... the latter", "la première ... la seconde": entry i names
    # the list's member i (optional; order matters, so one pattern each).
    ordinals: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def compile(cls, pack: LanguagePack) -> MovePatterns:
        pats = pack.data["patterns"]
        conj = "|".join(pats["conj"])
        withc = alternation(pats["with_conj"])
        role_intro = alternation(pats["role_intro"])
        role_end = alternation(pats["role_end"])
        conj_alt = "|".join(pats["conj"] + pats.get("role_conj", []))
        sp = r"\s+" if pack.spaced else r"\s*"  # the space between two words, if any
        return cls(
            coord=re.compile(
                rf"^\s*,\s*$|^\s*(?:,[^,;]{{1,120}}){{0,2}},?{sp}(?:{conj}|{withc}){sp}"
                rf"(?:[\w-]+{sp}){{0,3}}?(?:[\w-]+,\s*)?$",
                re.IGNORECASE,
            ),
            coord_tight=re.compile(
                rf"^(?:\s*,\s*(?:(?:{conj}){sp})?|{sp}(?:{conj}){sp})$", re.IGNORECASE
            ),
            comitative=re.compile(rf"(?<![\w-])(?:{withc})(?![\w-])", re.IGNORECASE),
            role=re.compile(
                rf"(?<![\w-])(?:{role_intro})\s+(?P<role>[^,;.()\"“”]{{2,70}}?)"
                rf"(?=\s*(?:[,;.(\"“”]|$|\s(?:{role_end})\s))",
                re.IGNORECASE,
            ),
            role_split=re.compile(rf"\s+(?=(?:{conj_alt})\s)", re.IGNORECASE),
            group_subject=re.compile(
                rf"(?<![\w-])(?:{alternation(pats['group_quant'])}){sp}(?:[\w-]+{sp}){{0,3}}?"
                # The noun's complement may follow: "petinggi OpenAI", "executives at Meta".
                rf"(?:{alternation(pats['group_noun'])})(?![\w-])(?:{sp}[\w.-]+){{0,3}}\s*$",
                re.IGNORECASE,
            ),
            companion_lead=pack.rx["companion_lead"] if pats.get("companion_lead") else None,
            relative_after=pack.rx["relative_after"] if pats.get("relative_after") else None,
            ordinals=tuple(
                re.compile(rf"(?<![\w-])(?:{o})(?![\w-])", re.IGNORECASE)
                for o in pats.get("ordinal_pronoun", [])
            ),
        )
