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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .lang import LanguagePack, alternation
from .orgs import OrgMention
from .prefilter import FastRegex
from .sentences import Sentence
from .spans import SpanList, within
from .types import GroupMoveFact, Modality, MoveFact

_STOP = re.compile(r"[.;]")
_WORD = re.compile(r"[\w-]")


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
            rf"(?:[\w-]+\s+){{0,4}}?(?P<noun>{noun})(?![\w-])",
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

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        orgs: list[OrgMention],
        triggers: list[tuple[str, int, int]],
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
        orgs = SpanList(orgs)
        rx = self.pack.rx
        out: list[GroupMoveFact] = []
        sent_of: list[int] = []  # index of each output group's sentence
        low = body.lower()
        main = [m for m in moves if m.modality.counts]
        main_to = next((m.to_org for m in main if m.to_org), None)
        main_from = main[0].from_org if main else None
        brings = [
            ("hire", m.start(), m.end())
            for m in self.bring.finditer(low)
            if not m.start() or not _WORD.match(low, m.start() - 1)
        ]
        t_starts = [t[1] for t in triggers]
        for si, s in enumerate(sentences):
            if s.noise or s.heading:
                continue
            lo = bisect_left(t_starts, s.start)
            hi = bisect_right(t_starts, s.end, lo)
            trigs = [t for t in triggers[lo:hi] if t[2] <= s.end]
            near = [b for b in brings if s.start <= b[1] and b[2] <= s.end]
            if not trigs and not near:
                continue
            n_out = len(out)
            for m in self.phrase.finditer(body, s.start, s.end, lower=low):
                num = m.group("num") or m.group("num2")
                count = self.pack.number(num) if num else None
                if count is not None and (count < 2 or count > 100000):
                    continue
                g_start, g_end = m.start(), m.end()
                if self._named(body, s, sentences, persons, g_start, count):
                    continue
                if any(
                    g_end <= a < g_end + 30
                    and not _STOP.search(body, g_end, a)
                    and not rx["including"].search(body, g_end, a)
                    for a, _ in persons
                ) or (
                    any(0 <= g_start - b <= 3 for _, b in persons)
                    and not rx["besides"].search(body, s.start, g_start)
                ):
                    continue
                to_org: str | None = None
                from_orgs: list[str] = []
                departure = False
                before = [t for t in trigs if t[2] <= g_start]
                after = [t for t in trigs if t[1] >= g_end]
                for b in near:  # "which brought in", "yang membawa" right before
                    if (
                        b[2] <= g_start
                        and len(body[b[2] : g_start].split()) <= 1
                        and (not before or before[-1][2] <= b[1])
                    ):
                        before.append(b)
                if before and rx["group_state"].fullmatch(body, before[-1][1], before[-1][2]):
                    continue  # "employs 500 engineers": a headcount, no move
                if before and before[-1][0] in ("hire", "lose"):
                    agent = self._subject_org(body, orgs, s.start, before[-1][1])
                    if agent is None and before[-1][0] == "hire":
                        agent = self._fallback_agent(orgs, s.start, before[-1][1], out, main_to)
                    if before[-1][0] == "hire":
                        to_org = agent
                    elif agent:
                        from_orgs, departure = [agent], True
                elif rx["leave_nominal"].search(body, max(s.start, g_start - 30), g_start):
                    departure = True  # "the departure of several members of Foo's team"
                elif (
                    before
                    and not after
                    and before[-1][0] in ("join", "found")
                    and self._companion(body, s.start, g_start)
                ):
                    # "X will join Foo, ..., along with some members of Bar's team"
                    obj = within(orgs, before[-1][2], g_start)[:1]
                    if not obj or len(body[before[-1][2] : obj[0].start].split()) > 4:
                        continue
                    to_org = obj[0].name
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
                if not from_orgs and to_org and rx["own_possessive"].search(body, g_start, g_end):
                    # "Scale said ... a small number of its employees would move to Meta"
                    owner = self._subject_org(body, orgs, s.start, g_start)
                    from_orgs = [owner] if owner and owner != to_org else []
                if to_org is None and not departure:
                    continue
                if not from_orgs and before and before[-1] in near:
                    continue  # "membawa 20 peneliti ke konferensi": no origin, no move
                if not from_orgs and to_org is None and main_from:
                    from_orgs = [main_from]  # "two other leaders were also stepping down"
                if not from_orgs and to_org is None:
                    continue
                if self._emit(out, sent_of, si, s, body, count, from_orgs, to_org, g_start, g_end):
                    break  # one group per sentence: the statement's own
            if len(out) > n_out:
                continue
            for t in trigs:  # "merekrut peneliti dari OpenAI, Google, dan Anthropic"
                if t[0] != "hire":
                    continue
                m = self.bare.match(body, t[2])
                if m is None or m.end() > s.end:
                    continue
                pre = m.group("pre").split()
                if self.quant.search(m.group("pre")) or any(
                    rx["definite"].fullmatch(w) or self.pack.number(w) is not None for w in pre
                ):
                    continue  # "the researchers", a counted group: the phrase's case
                if any(m.start() <= a < m.end() for a, _ in persons):
                    continue
                agent = self._subject_org(body, orgs, s.start, t[1])
                if agent is None:
                    agent = self._fallback_agent(orgs, s.start, t[1], out, main_to)
                if agent is None:
                    continue
                from_orgs = self._origins(body, orgs, m.start(), m.end(), s.end, agent)
                if any(mv.to_org == agent and mv.from_org in from_orgs for mv in main):
                    continue  # "Meta poached talent from OpenAI": the named movers
                if from_orgs and self._emit(
                    out, sent_of, si, s, body, None, from_orgs, agent, m.start(), m.end()
                ):
                    break
        return out

    def _emit(
        self,
        out: list[GroupMoveFact],
        sent_of: list[int],
        si: int,
        s: Sentence,
        body: str,
        count: int | None,
        from_orgs: list[str],
        to_org: str | None,
        g_start: int,
        g_end: int,
    ) -> bool:
        rx = self.pack.rx
        region = body[max(s.start, g_start - 40) : min(s.end, g_end + 80)]
        if rx["stay"].search(region) or rx["denial"].search(region):
            return False
        first = rx["rumour"].search(region)
        rumours = [m.group() for m in rx["rumour"].finditer(region)] if first else []
        # "Foo said ... its employees would move to Bar": a reported plan.
        reported = all(rx["reported_modal"].fullmatch(r) for r in rumours) and rx["speech"].search(
            body, s.start, g_start
        )
        modality = Modality.RUMOURED if rumours and not reported else Modality.STATED
        if (
            to_org is not None
            and not from_orgs
            and out
            and sent_of[-1] == si - 1
            and out[-1].to_org is None
            and to_org not in out[-1].from_orgs
        ):
            # "Several researchers have left Foo. Two have returned to Bar."
            from_orgs = list(out[-1].from_orgs)
            out.pop()
            sent_of.pop()
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
        sent_of.append(si)
        return True

    def _companion(self, body: str, a: int, g_start: int) -> bool:
        """A comitative link ("along with") right before the group."""
        for m in self.pack.rx["with_conj"].finditer(body, max(a, g_start - 25), g_start):
            if not body[m.end() : g_start].strip():
                return True
        return False

    def _fallback_agent(
        self,
        orgs: list[OrgMention],
        a: int,
        b: int,
        out: list[GroupMoveFact],
        main_to: str | None,
    ) -> str | None:
        """A hire whose subject is no organisation at all (a pronoun, a person):
        the hirer of the previous group ("It has also recruited ..."), else the
        article's main destination."""
        if within(orgs, a, b):
            return None
        return next((g.to_org for g in reversed(out) if g.to_org), main_to)

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
            # Names the article already used are not the group's members.
            seen = body[: s.end]
            new = {body[a:b] for a, b in persons if nxt.start <= a < nxt.end}
            return len({n for n in new if n not in seen}) == count
        return False

    def _subject_org(self, body: str, orgs: list[OrgMention], a: int, b: int) -> str | None:
        cands = within(orgs, a, b)
        for o in reversed(cands):  # "a setback for Anthropic, which has attracted"
            if self.rel_org.match(body, o.end):
                return o.name
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
            if inside and len(body[g_end : inside[0].start].split()) <= 4:
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
