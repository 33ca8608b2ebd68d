"""Person cues: contexts around a candidate name that only a person's name has.

A title before it ("CEO Jane Roe"), "who"/"yang" after it, the subject slot of
"has joined" or the object slot of "hired", a titled apposition ("Jane Roe,
head of research at Foo").  Each cue is one small named predicate over a
`NameSite`; `PersonCues.ordered` lists them in the order they are asked, and
the first one that applies decides.  A new cue is one method and one entry.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .normalize import fold

_HARD_PUNCT = re.compile(r"[.;:]")
_PUNCT = re.compile(r"[.;:,]")
_WORD_END_SPACE = re.compile(r"\w\s+$")
# ", a former Foo researcher," / ", mantan peneliti Foo,": a lowercase-led
# apposition of at most eight words, closed by a comma or the sentence end.
_APPOSITION = re.compile(r",\s+([a-zß-öø-ÿ][^,;:.!?()\n]{0,80}?)(?=[,.;!?]|$)")
# Move verbs whose subject is the mover ("Jane Roe has joined"), and those
# whose object is ("hired Jane Roe"); the other side of them is an organisation.
_SUBJECT_KINDS = frozenset({"join", "found", "leave", "leave_noobj", "hire_passive"})
_OBJECT_KINDS = frozenset({"hire", "lose", "found_passive"})
# Characters trimmed off a word before it is looked up as a title.
_TITLE_TRIM = ",."
# A list item's bullet or number, and what may follow the name that opens it.
_LIST_BULLET = re.compile(r"\s*(?:[-•*·‧▪●–]|\d{1,2}[.、)])\s*")
_ITEM_NAME_END = re.compile(r"\s*(?:$|[:(,–—-]|\n)", re.MULTILINE)
_DESCRIBED_BEFORE = 4  # lowercase words between "including" and the name
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _title_key(word: str) -> str:
    """ "scientist,", "Foo's" -> the word to look up ("scientist", "foo")."""
    return fold(_POSSESSIVE_END.sub("", word.strip(_TITLE_TRIM)))


@dataclass(frozen=True, slots=True)
class MoveVerbSlots:
    """Offsets of the move verbs that leave a slot only a person fills."""

    subject_verb_starts: list[int]  # sorted; the mover is named right before
    object_verb_ends: list[int]  # sorted; the mover is named right after

    @classmethod
    def from_triggers(cls, triggers: Sequence[tuple[str, int, int]] | None) -> MoveVerbSlots:
        """From the trigger scan's (kind, start, end) hits."""
        hits = triggers or []
        return cls(
            sorted(t[1] for t in hits if t[0] in _SUBJECT_KINDS),
            sorted(t[2] for t in hits if t[0] in _OBJECT_KINDS),
        )

    def next_subject_verb(self, offset: int) -> int | None:
        """Start of the first subject-slot verb at or after `offset`."""
        i = bisect_left(self.subject_verb_starts, offset)
        return self.subject_verb_starts[i] if i < len(self.subject_verb_starts) else None

    def last_object_verb_end(self, offset: int) -> int | None:
        """End of the last object-slot verb ending at or before `offset`."""
        j = bisect_left(self.object_verb_ends, offset + 1) - 1
        return self.object_verb_ends[j] if j >= 0 else None


NO_MOVE_VERBS = MoveVerbSlots([], [])


@dataclass(frozen=True, slots=True)
class NameSite:
    """A candidate name where it stands in the article: what every cue reads."""

    body: str
    start: int  # the first name token's start
    end: int  # the last name token's end
    token_count: int
    verbs: MoveVerbSlots

    @property
    def comma_after(self) -> bool:
        return self.body[self.end : self.end + 1] == ","

    @property
    def comma_before(self) -> bool:
        """ "Foo's head of X, Jane Roe": the name opens an apposition."""
        return self.body[max(0, self.start - 2) : self.start] == ", "


_HAN_GLOSS = re.compile(r"\s*[(（][\u3400-\u9fff·]{2,4}[)）]")


@dataclass(frozen=True, slots=True)
class PersonCue:
    """One cue: when `applies`, the name is (or, for a veto, is not) a person's."""

    applies: Callable[[NameSite], bool]
    says_person: bool = True


class PersonCues:
    """The person cues of one article language, asked in order."""

    def __init__(
        self,
        titles: frozenset[str],
        relative: re.Pattern[str],
        including: re.Pattern[str],
        aside: re.Pattern[str] | None = None,
        verb_lead: re.Pattern[str] | None = None,
    ) -> None:
        self.titles = titles
        self.relative = relative  # "who", "yang"
        self.including = including  # "including", "namely"
        self.aside = aside  # "pour sa part": an aside inside the verb group
        self.verb_lead = verb_lead  # "is set to", "s'apprête à": before the verb
        # Order matters only around the veto: a long run after "including"
        # is no person whatever the cues after it say.
        self.ordered: tuple[PersonCue, ...] = (
            PersonCue(self.relative_clause_after),
            PersonCue(self.subject_of_move_verb),
            PersonCue(self.subject_of_move_verb_after_apposition),
            PersonCue(self.object_of_move_verb),
            PersonCue(self.title_before),
            PersonCue(self.short_run_after_including),
            PersonCue(self.long_run_after_including, says_person=False),
            PersonCue(self.titled_lead_before),
            PersonCue(self.titled_apposition_after),
            PersonCue(self.title_inside_apposition),
            PersonCue(self.sentence_of_its_own),
            PersonCue(self.opens_list_item),
            PersonCue(self.han_name_after),
        )

    def described(self, site: NameSite) -> bool:
        """Described as a person right after the name: a titled apposition,
        or a participle apposition that moves them."""
        return (
            self.titled_apposition_after(site)
            or self.title_inside_apposition(site)
            or self.subject_of_move_verb_after_apposition(site)
        )

    def person(self, site: NameSite) -> bool:
        """What the first cue that applies says; no cue, no person."""
        for cue in self.ordered:
            if cue.applies(site):
                return cue.says_person
        return False

    def relative_clause_after(self, site: NameSite) -> bool:
        """ "Jane Roe, who ...", "Jane Roe, yang ..."."""
        after = site.body[site.end : site.end + 12].lstrip(", ")
        return site.comma_after and self.relative.match(after) is not None

    def subject_of_move_verb(self, site: NameSite) -> bool:
        """ "Jane Roe has joined"; "Foo's head of X, Jane Roe, is leaving".
        Auxiliaries may sit between the name and the verb."""
        verb = site.verbs.next_subject_verb(site.end)
        if verb is None:
            return False
        gap = self._without_asides(site.body[site.end : verb])
        return (
            len(gap.split()) <= 2
            and not _HARD_PUNCT.search(gap)
            and ("," not in gap or (site.comma_before and gap.lstrip().startswith(",")))
        )

    def subject_of_move_verb_after_apposition(self, site: NameSite) -> bool:
        """ "Jane Roe, a Foo veteran, has joined"."""
        verb = site.verbs.next_subject_verb(site.end)
        if verb is None or not site.comma_after:
            return False
        apposition = _APPOSITION.match(site.body, site.end)
        if not apposition or site.body[apposition.end() : apposition.end() + 1] != ",":
            return False
        if verb <= apposition.end():
            # "X, ousted from Foo in May, ...": a participle opening the
            # apposition is said of X; "X, a startup that joined ..." is not.
            return not site.body[site.end + 1 : verb].strip()
        gap = self._without_asides(site.body[apposition.end() + 1 : verb])
        return len(gap.split()) <= 2 and not _PUNCT.search(gap)

    def _without_asides(self, gap: str) -> str:
        """ "X, ..., a pour sa part annoncé": the aside is no word of the verb
        group, nor is what leads into the verb ("is set to")."""
        if self.aside is not None:
            gap = self.aside.sub(" ", gap)
        return self.verb_lead.sub(" ", gap) if self.verb_lead is not None else gap

    def object_of_move_verb(self, site: NameSite) -> bool:
        """ "hired Jane Roe": only spaces between the verb and the name."""
        verb_end = site.verbs.last_object_verb_end(site.start)
        return verb_end is not None and not site.body[verb_end : site.start].strip()

    def title_before(self, site: NameSite) -> bool:
        """ "CEO Jane Roe", "Presiden Jane Roe", "VP of research Jane Roe",
        "den OpenAI-Forscher Jonas Becker"."""
        before = site.body[max(0, site.start - 40) : site.start].split()
        if before and (fold(before[-1]) in self.titles or self._ends_in_title(before[-1])):
            return True
        # A title, a short linking word and its lowercase domain: "head of AI"
        # ends in a capital and is read as part of the name, so lowercase only.
        return (
            len(before) >= 3
            and fold(before[-3]) in self.titles
            and len(before[-2]) <= 3
            and before[-2].islower()
            and before[-1].islower()
        )

    def _after_including(self, site: NameSite) -> bool:
        """ "two researchers, namely Jane Roe and ...", "termasuk anggota staf
        teknis Hang Gao": a list of people follows, perhaps after a lowercase
        description of the first."""
        if not _WORD_END_SPACE.search(site.body[max(0, site.start - 3) : site.start]):
            return False
        cues = list(self.including.finditer(site.body, max(0, site.start - 60), site.start))
        if not cues:
            return False
        cue = cues[-1]
        between = site.body[cue.end() : site.start].split()
        return len(between) <= _DESCRIBED_BEFORE and all(w[:1].islower() for w in between)

    def short_run_after_including(self, site: NameSite) -> bool:
        return site.token_count <= 3 and self._after_including(site)

    def long_run_after_including(self, site: NameSite) -> bool:
        """The veto: more than three words after "including" are no one name."""
        return site.token_count > 3 and self._after_including(site)

    def titled_lead_before(self, site: NameSite) -> bool:
        """ "Tesla's head of Optimus, Jane Roe,": a title just before the comma."""
        if not site.comma_before:
            return False
        lead = site.body[max(0, site.start - 45) : site.start - 2].split()[-5:]
        return any(_title_key(w) in self.titles for w in lead)

    def titled_apposition_after(self, site: NameSite) -> bool:
        """ "Jane Doe, head of research at ...": a title in the next three words."""
        if not site.comma_after:
            return False
        words = site.body[site.end + 1 : site.end + 40].split()[:3]
        return any(self._holds_title(w) for w in words)

    def title_inside_apposition(self, site: NameSite) -> bool:
        """ "Jane Roe, a former Foo researcher, ...": lowercase-led, up to its comma."""
        apposition = _APPOSITION.match(site.body, site.end) if site.comma_after else None
        return apposition is not None and any(
            self._holds_title(w) for w in apposition.group(1).split()
        )

    def sentence_of_its_own(self, site: NameSite) -> bool:
        """ "Jeff Williams." opening a paragraph: a roundup's item names its person."""
        opens = site.start == 0 or site.body[site.start - 1] == "\n"
        # The last token may hold the period itself ("Berg.").
        end = site.end if site.body[site.end - 1 : site.end] == "." else site.end + 1
        closes = site.body[end - 1 : end] == "." and (
            end >= len(site.body) or site.body[end].isspace()
        )
        return opens and closes and site.token_count >= 2

    def opens_list_item(self, site: NameSite) -> bool:
        """ "- Jane Roe (OpenAI): ...", "1. Jane Roe - previously at Foo": a
        memo's item opens with the person it is about."""
        line_start = site.body.rfind("\n", 0, site.start) + 1
        if not _LIST_BULLET.fullmatch(site.body, line_start, site.start):
            return False
        return _ITEM_NAME_END.match(site.body, site.end) is not None

    @staticmethod
    def han_name_after(site: NameSite) -> bool:
        """ "Guo Daya (郭达雅)": a romanised name glossed with its two to four
        Han characters; an organisation's gloss ("Alibaba (阿里巴巴)") is one word."""
        return site.token_count >= 2 and _HAN_GLOSS.match(site.body, site.end) is not None

    def _ends_in_title(self, word: str) -> bool:
        """A compound whose head is a title ("OpenAI-Forscher", "ex-Google-Chef");
        a short head is too often a name's part ("Lip-Bu": Indonesian "Bu")."""
        head = fold(word).rsplit("-", 1)[-1] if "-" in word else ""
        return len(head) >= 4 and head in self.titles

    def _holds_title(self, word: str) -> bool:
        """ "co-founder" and "ex-director" hold a title in one of their parts."""
        return any(part in self.titles for part in _title_key(word).split("-"))
