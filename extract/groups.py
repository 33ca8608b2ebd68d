"""Unnamed headcount moves: "at least 11 researchers from OpenAI, Google and
Anthropic", "sejumlah anggota tim riset Character.AI juga ikut pindah".

A group phrase (quantity + up to four words + a staff noun) is tied to the
move statement of its sentence: the agent of a hire before it ("Meta poached
seven researchers"), a join verb after it ("... will move to Microsoft"), or a
departure ("two other leaders were stepping down").  Its origins are the
organisations listed after "from"/"dari", or the one that owns the team.
"""

from __future__ import annotations

import re

from .lang import LanguagePack
from .orgs import OrgMention
from .prefilter import FastRegex
from .sentences import Sentence
from .spans import SpanList, within
from .types import GroupMoveFact, Modality

_STOP = re.compile(r"[.;]")


class GroupFinder:
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
            rf"(?:[\w-]+\s+){{0,4}}?(?P<noun>{noun})(?![\w-])"
        )
        self.quant = re.compile(rf"(?<![\w-])(?:{quant})(?![\w-])", re.IGNORECASE)
        conj = "|".join(pats["conj"])
        self.org_list_gap = re.compile(
            rf"^(?:\s*,\s*|\s+(?:{conj})\s+|\s*,\s*(?:{conj})\s+)$", re.IGNORECASE
        )

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        orgs: list[OrgMention],
        triggers: list[tuple[str, int, int]],
        persons: list[tuple[int, int]],
    ) -> list[GroupMoveFact]:
        """`persons` are (start, end) of name mentions: a group that names its
        members ("three researchers, A, B and C") is not an unnamed headcount."""
        orgs = SpanList(orgs)
        rx = self.pack.rx
        out: list[GroupMoveFact] = []
        low = body.lower()
        for s in sentences:
            if s.noise or s.heading:
                continue
            trigs = [t for t in triggers if s.start <= t[1] and t[2] <= s.end]
            if not trigs:
                continue
            for m in self.phrase.finditer(body, s.start, s.end, lower=low):
                num = m.group("num") or m.group("num2")
                count = self.pack.number(num) if num else None
                if count is not None and (count < 2 or count > 100000):
                    continue
                g_start, g_end = m.start(), m.end()
                if self._named(body, s, sentences, persons, g_start, count):
                    continue
                if any(
                    g_end <= a < g_end + 30 and not _STOP.search(body, g_end, a) for a, _ in persons
                ) or any(0 <= g_start - b <= 3 for _, b in persons):
                    continue
                to_org: str | None = None
                from_orgs: list[str] = []
                departure = False
                before = [t for t in trigs if t[2] <= g_start]
                after = [t for t in trigs if t[1] >= g_end]
                if before and before[-1][0] in ("hire", "lose"):
                    agent = self._subject_org(body, orgs, s.start, before[-1][1])
                    if before[-1][0] == "hire":
                        to_org = agent
                    elif agent:
                        from_orgs, departure = [agent], True
                elif rx["leave_nominal"].search(body, max(s.start, g_start - 30), g_start):
                    departure = True  # "the departure of several members of Foo's team"
                elif after and any(g_end <= a < after[0][1] for a, _ in persons):
                    continue  # the verb after belongs to a named person in between
                elif after and after[0][0] in ("join", "found", "hire_passive"):
                    obj = [
                        o
                        for o in within(orgs, after[0][2], s.end)
                        if len(body[after[0][2] : o.start].split()) <= 4
                    ]
                    if obj:
                        to_org = obj[0].name
                elif after and after[0][0] in ("leave", "leave_noobj"):
                    departure = True
                    left = within(orgs, after[0][2], s.end)
                    if left and len(body[after[0][2] : left[0].start].split()) <= 2:
                        from_orgs = [left[0].name]  # "who have left Google for Nvidia"
                        dest = rx["dest_prep"].match(body, left[0].end + 1)
                        nxt = within(orgs, left[0].end + 1, s.end)[:1] if dest else []
                        if nxt and nxt[0].start - dest.end() <= 12:  # type: ignore[union-attr]
                            to_org, departure = nxt[0].name, False
                else:
                    continue
                if not from_orgs:
                    from_orgs = self._origins(body, orgs, g_start, g_end, s.end, to_org)
                if to_org is None and not departure:
                    continue
                if not from_orgs and to_org is None:
                    continue
                region = body[max(s.start, g_start - 40) : min(s.end, g_end + 80)]
                if rx["stay"].search(region) or rx["denial"].search(region):
                    continue
                modality = Modality.RUMOURED if rx["rumour"].search(region) else Modality.STATED
                out.append(
                    GroupMoveFact(
                        count,
                        tuple(dict.fromkeys(from_orgs)),
                        to_org,
                        s.text,
                        s.start,
                        None,
                        modality,
                    )
                )
                break  # one group per sentence: the statement's own
        return out

    def _named(
        self,
        body: str,
        s: Sentence,
        sentences: list[Sentence],
        persons: list[tuple[int, int]],
        g_start: int,
        count: int | None,
    ) -> bool:
        """ "the three researchers", "three researchers, A, B and C": named people."""
        words = body[max(s.start, g_start - 12) : g_start].split()
        if words and self.pack.rx["definite"].fullmatch(words[-1]):
            return True
        if count is None:
            return False
        here = {body[a:b] for a, b in persons if s.start <= a < s.end}
        if len(here) == count:
            return True
        nxt = next((t for t in sentences if t.start >= s.end), None)
        if nxt is not None and any(a == nxt.start for a, _ in persons):
            return len({body[a:b] for a, b in persons if nxt.start <= a < nxt.end}) == count
        return False

    def _subject_org(self, body: str, orgs: list[OrgMention], a: int, b: int) -> str | None:
        cands = within(orgs, a, b)
        for o in cands:
            words = body[max(a, o.start - 15) : o.start].split()
            if not (words and self.pack.rx["prepositions"].fullmatch(words[-1])):
                return o.name
        return None

    def _origins(
        self,
        body: str,
        orgs: list[OrgMention],
        g_start: int,
        g_end: int,
        s_end: int,
        to_org: str | None,
    ) -> list[str]:
        """Orgs listed after "from"/"dari" (following the group), else the org
        owning the team inside or right after the phrase."""
        rx = self.pack.rx
        fp = rx["from_prep"].search(body, g_end, min(s_end, g_end + 40))
        if fp is None:  # "members of Inflection's team", "anggota tim riset Character.AI"
            inside = [o for o in within(orgs, g_start, min(s_end, g_end + 30)) if o.name != to_org]
            if inside and len(body[g_end : inside[0].start].split()) <= 3:
                return [inside[0].name]
        if fp is None:
            return []
        found: list[str] = []
        prev_end = fp.end()
        for o in within(orgs, fp.end(), s_end):
            gap = body[prev_end : o.start]
            if found and not (self.org_list_gap.match(gap) or rx["from_prep"].search(gap)):
                break
            if not found and len(gap.split()) > 2:
                break
            if rx["speech"].match(body[o.end : o.end + 15].lstrip()):
                break  # "..., Wired reported": the source, not an origin
            if o.name != to_org:
                found.append(o.name)
            prev_end = o.end
        return found
