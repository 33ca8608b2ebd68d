"""Person names: candidates from capitalised word runs, kept only with evidence
that they name a person, then every shorter form attached to its full name.

A run of capitalised words is a full-name candidate when, after trimming
titles and sentence-initial function words, 2-4 words remain, none of them a
common capitalised word ("Drama", "University") or an organisation.  It is
accepted as a person when its first word is a known given name, its last word
is used alone elsewhere in the article (journalists refer back by surname),
or it sits in a person context (a title before it, "who"/"yang" after it, a
titled apposition after it, the subject slot of "has joined"/"left" or the
object slot of "hired").  Heading lines never make a person on their own:
a name in a heading counts only when the prose names the person too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .lang import LanguagePack
from .names import given_names
from .normalize import fold
from .sentences import Sentence
from .types import Mention, PersonEntity

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "du", "del", "dos", "bin", "al", "le"}
)
_HARD_PUNCT = re.compile(r"[.;:]")
_PUNCT = re.compile(r"[.;:,]")
_WORD_END_SPACE = re.compile(r"\w\s+$")
_POSSESSIVE = ("'s", "’s")
_SUBJECT_KINDS = frozenset({"join", "found", "leave", "leave_noobj", "hire_passive"})
_OBJECT_KINDS = frozenset({"hire", "lose", "found_passive"})
# ", a former Foo researcher," / ", mantan peneliti Foo,": a lowercase-led
# apposition of at most eight words, closed by a comma or the sentence end.
_APPOSITION = re.compile(r",\s+([a-zß-öø-ÿ][^,;:.!?()\n]{0,80}?)(?=[,.;!?]|$)")


class Tok:
    """A capitalised token; `bare` drops a possessive or a trailing period."""

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


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    text: str
    person: str  # PersonEntity.name


# A capitalised word: any letter that is not lowercase Latin, then word chars.
_PART_ALT = "|".join(sorted(_PARTICLES))


def _token_patterns(script: str = "") -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of capitalised words, and their parts.  A pack's unspaced `script`
    (Han) is no letter of a word here: "研究員Avi Verma和" holds the name "Avi Verma"."""
    rest = rf"(?:[^\W{script}]|['’.-])*" if script else r"[\w'’.-]*"
    cap = rf"[^\W\d_a-zß-öø-ÿ{script}]{rest}"
    run = re.compile(rf"{cap}(?: (?:(?:{_PART_ALT}) ){{0,2}}{cap})*")
    return run, re.compile(rf"(?:{_PART_ALT})(?= )|{cap}")


_RUN, _PART = _token_patterns()


def _runs(
    text: str, base: int, run_rx: re.Pattern[str] = _RUN, part_rx: re.Pattern[str] = _PART
) -> list[list[Tok]]:
    """Runs of capitalised tokens separated by single spaces (or a particle)."""
    runs: list[list[Tok]] = []
    for m in run_rx.finditer(text):
        word = m.group()
        if " " not in word:  # the common case: one capitalised word
            if word[0].isupper() and not (word.isupper() and len(word) > 1):
                runs.append([Tok(word, base + m.start(), base + m.end())])
            continue
        cur: list[Tok] = []
        for pm in part_rx.finditer(word):
            raw = pm.group()
            tok = Tok(raw, base + m.start() + pm.start(), base + m.start() + pm.start() + len(raw))
            if raw in _PARTICLES:
                cur.append(tok)
                continue
            if not tok.text[0].isupper() or (tok.text.isupper() and len(tok.bare) > 1):
                if cur:
                    runs.append(_trim_particles(cur))
                cur = []
                continue
            cur.append(tok)
            nxt = text[tok.end - base : tok.end - base + 1]
            if tok.text != tok.bare or nxt in ',;:)("”':
                runs.append(_trim_particles(cur))  # a possessive or punctuation ends the name
                cur = []
        if cur:
            runs.append(_trim_particles(cur))
    return [r for r in runs if r]


def _trim_particles(run: list[Tok]) -> list[Tok]:
    while run and run[-1].text in _PARTICLES:
        run.pop()
    while run and run[0].text in _PARTICLES:
        run.pop(0)
    return run


class PeopleFinder:
    def __init__(self, packs: list[LanguagePack], pack: LanguagePack) -> None:
        self.pack = pack
        # The article's own function words (a capitalised "The"/"Dalam" opens
        # a sentence, it is no name); name particles ("de", "van") are exempt.
        self.stop = pack.stopwords - _PARTICLES
        # Other languages' common words stay no-name words here ("Drama",
        # "Universitas" in an English text), but not their function words:
        # Indonesian "yang" is lowercase in running text, so a capitalised
        # "Yang" in another language is a name ("Yang Song").
        self.not_name = pack.not_name_words.union(
            *(p.not_name_words - p.stopwords for p in packs if p is not pack)
        )
        self.titles = frozenset().union(*(p.title_words for p in packs))
        self.relative = pack.rx["relative"]
        self.nominal = pack.rx["leave_nominal"]
        self.including = pack.rx["including"]
        conj = "|".join(sorted({c for p in packs for c in p.data["patterns"]["conj"]}))
        self.list_gap = re.compile(rf"\s*(?:,\s*)?(?:(?:{conj})\s+)?", re.IGNORECASE)
        self.given = given_names()
        self.tokens = _token_patterns("" if pack.spaced else pack.script)

    def find(
        self,
        body: str,
        sentences: list[Sentence],
        org_spans: list[tuple[int, int]],
        triggers: list[tuple[str, int, int]] | None = None,
    ) -> tuple[list[PersonEntity], list[PersonMention]]:
        """People named in the body.  `triggers` (move verbs) are a person cue:
        the subject of "has joined" or the object of "hired"."""
        # A name before a verb whose subject is the mover ("Jane Roe has
        # joined"), or after one whose object is ("hired Jane Roe"); the
        # other side of these verbs is an organisation ("Foo hired", "joined Foo").
        trig = (
            sorted(t[1] for t in triggers or [] if t[0] in _SUBJECT_KINDS),
            sorted(t[2] for t in triggers or [] if t[0] in _OBJECT_KINDS),
        )
        fulls: list[tuple[list[Tok], bool]] = []  # (tokens, in-heading)
        singles: list[Tok] = []
        covered = bytearray(len(body) + 1)  # 1 where an organisation name is
        for a, b in org_spans:
            covered[a:b] = b"\x01" * (b - a)
        for s in sentences:
            if s.noise:
                continue
            for run in _runs(s.text, s.start, *self.tokens):
                for part in _split_at_orgs(run, covered):
                    self._candidate(body, s, part, fulls, singles, trig)
        # "Kepergian Pang", "Sepeninggal Pang": a capitalised sentence-initial
        # word before a surname used elsewhere after a given name.
        starts = {s.start for s in sentences}
        firsts: dict[str, set[str]] = {}
        for toks, _ in fulls:
            firsts.setdefault(fold(toks[-1].bare), set()).add(fold(toks[0].bare))
        kept_fulls: list[tuple[list[Tok], bool]] = []
        for toks, heading in fulls:
            if (
                len(toks) == 2
                and self._initial(toks[0], starts)
                and len(firsts[fold(toks[-1].bare)]) > 1
                and fold(toks[0].bare) not in self.given
                and not self._strong_cue(body, toks, trig)
            ):
                singles.append(toks[1])
                continue
            kept_fulls.append((toks, heading))
        fulls = kept_fulls
        single_keys = {fold(t.bare) for t in singles}
        full_text = {fold(" ".join(t.bare for t in toks)) for toks, _ in fulls}
        people: dict[str, PersonEntity] = {}
        key_to_name: dict[str, str] = {}
        mentions: list[PersonMention] = []
        accepted = {
            fold(" ".join(t.bare for t in toks))
            for toks, heading in fulls
            if not heading and self._accept(body, toks, single_keys, full_text, trig)
        }
        # "De Freitas" next to "Daniel De Freitas": a shorter form, not a person.
        accepted = {
            k
            for k in accepted
            if not any(o != k and (o.endswith(" " + k) or o.startswith(k + " ")) for o in accepted)
        }
        # Names listed with accepted names are names too ("A Doe, B Roe and C Poe").
        for i, (toks, heading) in enumerate(fulls):
            key = fold(" ".join(t.bare for t in toks))
            if key in accepted or heading:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(fulls):
                    other = fold(" ".join(t.bare for t in fulls[j][0]))
                    a, b = (fulls[j][0], toks) if j < i else (toks, fulls[j][0])
                    if other in accepted and self.list_gap.fullmatch(body[a[-1].end : b[0].start]):
                        accepted.add(key)
                        break
        for toks, _heading in fulls:
            words = [t.bare for t in toks]
            key = fold(" ".join(words))
            if key not in key_to_name:
                if key not in accepted:
                    continue
                name = " ".join(words)
                key_to_name[key] = name
                people[name] = PersonEntity(name=name)
            name = key_to_name[key]
            text = body[toks[0].start : toks[0].start + len(" ".join(words))]
            mentions.append(PersonMention(toks[0].start, toks[0].start + len(text), text, name))
        # Index every word and trailing word-group of every full name.
        index: dict[str, set[str]] = {}
        for name in people:
            parts = name.split()
            for i in range(len(parts)):
                index.setdefault(fold(" ".join(parts[i:])), set()).add(name)
                index.setdefault(fold(parts[i]), set()).add(name)
        for toks, _ in fulls:  # partial multi-word forms ("De Freitas", "Won Chung")
            key = fold(" ".join(t.bare for t in toks))
            if key in key_to_name:
                continue
            owners = index.get(key, set())
            if len(owners) == 1:
                (name,) = owners
                text = " ".join(t.bare for t in toks)
                mentions.append(PersonMention(toks[0].start, toks[0].start + len(text), text, name))
        for t in singles:
            owners = index.get(fold(t.bare), set())
            if len(owners) == 1:  # two people sharing the word: leave it unresolved
                (name,) = owners
                mentions.append(PersonMention(t.start, t.start + len(t.bare), t.bare, name))
        mentions.sort(key=lambda m: m.start)
        for m in mentions:
            people[m.person].mentions.append(Mention(m.text, m.start, m.end))
        return list(people.values()), mentions

    def _candidate(
        self,
        body: str,
        s: Sentence,
        run: list[Tok],
        fulls: list[tuple[list[Tok], bool]],
        singles: list[Tok],
        trig: tuple[list[int], list[int]] = ([], []),
    ) -> None:
        toks = list(run)
        # Titles before a name ("CEO", "Presiden") are not part of it.
        while toks and fold(toks[0].bare) in self.titles:
            toks.pop(0)
        # A nominal departure's head noun ("Kepergian Fajar", "Mundurnya
        # Budi") is not part of the name that follows it.
        if len(toks) > 1 and self.nominal.fullmatch(toks[0].bare):
            toks.pop(0)
        if not toks:
            return
        first = toks[0]
        lead_kept = False
        if first.start == s.start and fold(first.bare) in self.stop and len(toks) > 1:
            whole = " ".join(t.text for t in toks)
            after = body[toks[-1].end : toks[-1].end + 12]
            if (
                body.count(whole) < 2
                and not self.relative.match(after.lstrip(", "))
                and not (fold(first.bare) in self.given and self._strong_cue(body, toks, trig))
            ):
                toks.pop(0)  # "The", "Dalam": sentence-initial function word
            else:
                # "Yang Song": repeated, "Yang Song, yang ...", or a given
                # name right before a move verb ("Yang Song bergabung").
                lead_kept = True
        check = toks[1:] if lead_kept else toks
        # A common word inside means no name ("Claude Code", "Silicon Valley"),
        # except a known given name away from the sentence start ("Tim Brooks"
        # mid-sentence in Indonesian, where "tim" is also "team").
        # Function words only matter first: later capitalised tokens inside a
        # run are name parts ("Ana Lima" although "lima" is Indonesian "five").
        if any(
            (fold(t.bare) in self.not_name or (t is check[0] and fold(t.bare) in self.stop))
            and not (
                fold(t.bare) in self.given
                and (t.start != s.start or fold(t.bare) not in self.pack.not_name_words)
            )
            for t in check
        ):
            # A common word inside: not a name.  Single words are still
            # useful as possible surname mentions unless they are stopwords.
            if len(toks) == 1:
                return
            return
        if len(toks) == 1:
            if len(toks[0].bare) > 1:
                singles.append(toks[0])
            return
        words = [t for t in toks if t.text not in _PARTICLES]
        if len(words) > 3:
            # Four capitalised words in a row are rarely one name; in languages
            # that capitalise nouns ("Der Forscher Jan Müller") the name ends it.
            toks = toks[-2:]
            if any(t.text in _PARTICLES for t in toks):
                return
        fulls.append((toks, s.heading))

    def _accept(
        self,
        body: str,
        toks: list[Tok],
        single_keys: set[str],
        full_text: set[str],
        trig: tuple[list[int], list[int]],
    ) -> bool:
        if fold(toks[0].bare) in self.given:
            return True
        if fold(toks[-1].bare) in single_keys:
            return True
        if len(toks) >= 3 and fold(" ".join(t.bare for t in toks[-2:])) in full_text:
            return True
        return self._strong_cue(body, toks, trig)

    def _strong_cue(
        self, body: str, toks: list[Tok], trig: tuple[list[int], list[int]] = ([], [])
    ) -> bool:
        """Context that only a person's name has: a title, "who"/"yang"."""
        after = body[toks[-1].end : toks[-1].end + 12].lstrip(", ")
        if self.relative.match(after) and body[toks[-1].end : toks[-1].end + 1] == ",":
            return True
        # Right before a move verb ("Jane Roe has joined") or right after one
        # ("hired Jane Roe"); auxiliaries may sit between.
        starts, ends = trig
        i = bisect_left(starts, toks[-1].end)
        appositive = body[max(0, toks[0].start - 2) : toks[0].start] == ", "
        if i < len(starts):
            gap = body[toks[-1].end : starts[i]]
            # "Jane Roe has joined"; "Foo's head of X, Jane Roe, is leaving".
            if (
                len(gap.split()) <= 2
                and not _HARD_PUNCT.search(gap)
                and ("," not in gap or (appositive and gap.lstrip().startswith(",")))
            ):
                return True
            # "Jane Roe, a Foo veteran, has joined": the verb after an apposition.
            app = body.startswith(",", toks[-1].end) and _APPOSITION.match(body, toks[-1].end)
            if app and body[app.end() : app.end() + 1] == ",":
                gap = body[app.end() + 1 : starts[i]] if starts[i] > app.end() else "x" * 99
                if len(gap.split()) <= 2 and not _PUNCT.search(gap):
                    return True
        j = bisect_left(ends, toks[0].start + 1) - 1
        if j >= 0:
            gap = body[ends[j] : toks[0].start]
            if len(gap.split()) == 0 and not _PUNCT.search(gap):
                return True
        before = body[max(0, toks[0].start - 25) : toks[0].start].split()
        if before and fold(before[-1]) in self.titles:
            return True
        # "two researchers, namely Jane Roe and ...": a list of people follows.
        if self.including.search(
            body, max(0, toks[0].start - 16), toks[0].start
        ) and _WORD_END_SPACE.search(body[max(0, toks[0].start - 3) : toks[0].start]):
            return len(toks) <= 3
        if appositive:  # "Tesla's head of Optimus, Jane Roe,": a title just before
            lead = body[max(0, toks[0].start - 45) : toks[0].start - 2].split()[-5:]
            if any(fold(w.strip(",.’'s")) in self.titles for w in lead):
                return True
        # An apposition headed by a title: "Jane Doe, head of research at ...".
        if body[toks[-1].end : toks[-1].end + 1] == ",":
            words = body[toks[-1].end + 1 : toks[-1].end + 40].split()[:3]
            if any(part in self.titles for w in words for part in fold(w.strip(",.")).split("-")):
                return True
            # A descriptive apposition holding a title: "Jane Roe, a former
            # Foo researcher, ..." (lowercase-led, up to its closing comma).
            m = _APPOSITION.match(body, toks[-1].end)
            if m:
                return any(
                    part in self.titles
                    for w in m.group(1).split()
                    for part in fold(w.strip(",.’'s")).split("-")
                )
        return False

    @staticmethod
    def _initial(tok: Tok, starts: set[int]) -> bool:
        return tok.start in starts


def _split_at_orgs(run: list[Tok], covered: bytearray) -> list[list[Tok]]:
    parts: list[list[Tok]] = []
    cur: list[Tok] = []
    for t in run:
        if covered[t.start] or covered[t.end - 1]:
            if cur:
                parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return [p for p in (_trim_particles(p) for p in parts) if p]
