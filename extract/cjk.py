"""Han-script text (Chinese): person names, word gaps, and restoring the text.

Chinese writes no spaces between words and has no capital letters, so the
capitalised-run person finder of people.py sees nothing in it.  Names are
found here by the cues Chinese news gives instead:

- a transliterated foreign name joins its parts with a dot (伊利亚·苏茨克维);
- a name is often followed by its Latin form in parentheses (龐若鳴(Ruoming
  Pang)): the person is then known by that Latin form too, and a pinyin Latin
  form says how many characters the Han name has (one per syllable);
- a Chinese name is a common surname plus one or two characters, written right
  after a title (研究副总裁吴永辉, CFO 高准) and followed by a function word or
  a verb (吴永辉已...).

Later mentions are the full name again, or the last part of a transliterated
name (苏茨克维).  Everything here reads pack data (the pack module's surnames
and lexicon); the engine calls it only for packs whose script is unspaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from .lang import LanguagePack, PackWords
from .normalize import fold
from .people import PersonMention
from .sentences import Sentence
from .trie import trie_pattern
from .types import Extraction, GroupMoveFact, Mention, MoveFact, OrgEntity, PersonEntity

# Move verbs whose subject is the person before them.
_SUBJECT_KINDS = frozenset({"join", "leave", "leave_noobj", "found"})
# "- Trapit Bansal:在思维链上...": a list item opening with a Latin name and a colon.
_LISTED_LATIN = re.compile(
    r"(?m)^[ \t]*(?:[-•*·‧▪●]|\d{1,2}[.、)])[ \t]*"
    r"(?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2})[ \t]*(?=[:：(（])"
)
# Between two names of one list, and the words that say they acted together.
_LIST_JOIN = re.compile(r"以及|与|與|和|及|、")
_TOGETHER = re.compile(r"一同|一起|等人|等|分别|分別|均|都|先后|先後|相继|相繼|也|已")
_LATIN_NAME = re.compile(r"\s*\((?P<latin>[A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’.-]+){1,2})\)")


@dataclass(slots=True)
class _Found:
    """One article's names so far, and the characters taken (organisations, names)."""

    names: dict[str, _Person]
    covered: bytearray


@dataclass(slots=True)
class _Person:
    name: str
    latin: list[tuple[int, int]] = field(default_factory=list)  # spans of Latin forms
    spans: list[tuple[int, int]] = field(default_factory=list)  # engine spans (name+Latin)


class HanNames:
    """Person names in Han script, compiled once per pack."""

    def __init__(self, pack: LanguagePack, packs: list[PackWords]) -> None:
        mod = pack.module
        self.surnames: frozenset[str] = mod.SURNAMES
        self.compound: frozenset[str] = mod.COMPOUND_SURNAMES
        self.syllable: re.Pattern[str] = mod.PINYIN_SYLLABLE
        self.not_name: frozenset[str] = mod.NOT_NAME
        self.particles: frozenset[str] = mod.PARTICLES
        self.title_end: frozenset[str] = mod.TITLE_END
        self.adverbs: tuple[str, ...] = mod.ADVERBS_BEFORE_VERB
        self.date_before_verb: re.Pattern[str] = mod.DATE_BEFORE_VERB
        self.common_surnames: frozenset[str] = mod.COMMON_SURNAMES
        self.not_two_character: frozenset[str] = mod.NOT_TWO_CHARACTER_NAMES
        han = f"[{pack.script}]"
        dot = f"[{mod.NAME_DOT}]"
        self.han_run = re.compile(f"{han}+")
        self.dotted = re.compile(
            f"(?P<left>{han}{{1,8}}){dot}(?P<right>{han}{{1,8}}(?:{dot}{han}{{1,8}})*)"
        )
        self.dot = re.compile(dot)
        self.titles = sorted(
            (t for t in pack.title_words if pack.script_chars and pack.script_chars.match(t)),
            key=len,
            reverse=True,
        )
        self.latin_titles = frozenset(t for t in pack.title_words if t.isascii())
        # A title (Han, or a Latin one with a space or none) right before a surname.
        first = "".join(sorted(self.surnames | {c[0] for c in self.compound}))
        latin = "|".join(sorted(self.latin_titles, key=len, reverse=True))
        self.title_then_surname = re.compile(
            rf"(?:{trie_pattern(self.titles)}|(?<![A-Za-z])(?i:{latin})[ \t]*)(?=[{first}])"
        )
        self.words = _vocabulary(pack)
        # Capitalised words that name no one ("Deep Research"), from every pack.
        self.not_name_words = frozenset().union(*(p.not_name_words for p in packs))

    # ------------------------------------------------------------------ candidates
    def find(
        self,
        body: str,
        sentences: list[Sentence],
        org_spans: list[tuple[int, int]],
        triggers: Sequence[tuple[str, int, int]] = (),
    ) -> dict[str, _Person]:
        # Organisations, then each name found: later cues skip what is taken.
        covered = bytearray(len(body) + 1)
        for a, b in org_spans:
            covered[a:b] = b"\x01" * (b - a)
        found = _Found({}, covered)
        for s in sentences:
            if s.noise:
                continue
            self._dotted(body, s, found)
            self._parenthesised(body, s, found)
            self._titled(body, s, found)
        for m in _LISTED_LATIN.finditer(body):
            words = {w.lower() for w in m.group("name").split()}
            if not covered[m.start("name")] and not words & self.not_name_words:
                self._add(found, body, m.start("name"), m.end("name"), None)
        for kind, ts, te in triggers:
            self._by_verb(body, kind, ts, te, found)
        self._listed(body, found, {ts for _, ts, _ in triggers})
        return found.names

    def _by_verb(self, body: str, kind: str, ts: int, te: int, found: _Found) -> None:
        """张建国已加入小米, 王芳去年离开谷歌, 腾讯聘请王立军为: a surname name as
        the subject right before a move verb (adverbs and dates between), or the
        object right after a hire verb, standing alone (no Han character glued
        to it)."""
        if kind in _SUBJECT_KINDS:
            span = self._subject_before(body, ts, found)
        elif kind == "hire":
            span = self._object_after(body, te, found)
        else:
            return
        if span is not None:
            self._add(found, body, span[0], span[1], None)

    def _subject_before(self, body: str, ts: int, found: _Found) -> tuple[int, int] | None:
        end = self._past_adverbs(body, _before_origin_phrase(body, ts, found.covered))
        run = self._run_before(body, end, 0)
        start = end - len(run)
        if not run or found.covered[start] or found.covered[end - 1]:
            return None
        return (start, end) if self._whole_name(run) else None

    def _past_adverbs(self, body: str, end: int) -> int:
        """Where the subject ends: before the adverbs, time words and date
        between it and the verb (已于2024年5月正式)."""
        while True:
            adverb = next((a for a in self.adverbs if body.endswith(a, 0, end)), None)
            date = None if adverb else self.date_before_verb.search(body, max(0, end - 24), end)
            if adverb is None and (date is None or date.start() == end):
                return end
            end = end - len(adverb) if adverb else date.start() if date else end

    def _object_after(self, body: str, te: int, found: _Found) -> tuple[int, int] | None:
        for end in (te + 3, te + 2):
            if end > len(body) or found.covered[te] or found.covered[end - 1]:
                continue
            alone = end == len(body) or not self.han_run.match(body, end)
            if (alone or body[end] in self.particles) and self._whole_name(body[te:end]):
                return te, end
        return None

    def _whole_name(self, run: str) -> bool:
        """Three characters that read as a surname name, or two whose surname
        is a common one and which make no common word (高层, 马上)."""
        if not self.han_run.fullmatch(run) or self._surname_name(run) != run:
            return False
        if len(run) == 3:
            return True
        return (
            len(run) == 2 and run[0] in self.common_surnames and run not in self.not_two_character
        )

    def _dotted(self, body: str, s: Sentence, found: _Found) -> None:
        """伊利亚·苏茨克维: the parts around the transliteration dot."""
        covered = found.covered
        pos = s.start
        while (m := self.dotted.search(body, pos, s.end)) is not None:
            # A name cut short ("梅茨與山姆·勳霍爾茲": 梅茨) leaves the rest of
            # the match to be read again: another dotted name may start in it.
            pos = m.end()
            left = self._left_part(m.group("left"), 4)
            right = m.group("right")
            after = _LATIN_NAME.match(body, m.end())
            if after is None:
                right = self._right_part(right)
                pos = m.start("right") + max(len(right), 1)
            if not left or not right:
                continue
            start = m.start("left") + len(m.group("left")) - len(left)
            end = m.start("right") + len(right)
            if covered[start] or covered[end - 1]:
                continue
            self._add(found, body, start, end, after if end == m.end() else None)

    def _parenthesised(self, body: str, s: Sentence, found: _Found) -> None:
        """龐若鳴(Ruoming Pang), 費德里吉(Craig Federighi): a Han name and its Latin form."""
        covered = found.covered
        for m in _LATIN_NAME.finditer(body, s.start, s.end):
            run_end = m.start()
            run = self._run_before(body, run_end, s.start)
            if not run or covered[run_end - 1] or self.dot.match(body, run_end - len(run) - 1):
                continue  # no Han name, an organisation, or a dotted name (done)
            latin = m.group("latin")
            if self.latin_titles & {w.lower() for w in latin.split()}:
                continue
            syllables = self._pinyin_length(latin)
            if syllables and syllables <= len(run) and run[-syllables] in self.surnames:
                name = run[-syllables:]
            else:
                name = self._left_part(run, 5)
            if len(name) < 2:
                continue
            self._add(found, body, run_end - len(name), run_end, m)

    def _titled(self, body: str, s: Sentence, found: _Found) -> None:
        """研究副总裁吴永辉, CFO 高准: a surname plus one or two characters after a title."""
        for m in self.title_then_surname.finditer(body, s.start, s.end):
            run = self.han_run.match(body, m.end())
            name = self._surname_name(run.group()) if run else None
            a = m.end()
            if name and not found.covered[a] and not self.dot.match(body, a + len(name)):
                self._add(found, body, a, a + len(name), None)

    def _listed(self, body: str, found: _Found, verb_starts: set[int]) -> None:
        """王芳與張偉一同加入, 王芳、張偉和李明加入: a surname name listed right after
        a name found, when another list word, a word of togetherness or a move
        verb follows it."""
        queue = list(found.names)
        while queue:
            name = queue.pop()
            for _, end in _occurrences(body, name, []):
                listed = self._listed_after(body, end, found, verb_starts)
                if listed is not None:
                    self._add(found, body, end + listed[0], end + listed[1], None)
                    queue.append(body[end + listed[0] : end + listed[1]])

    def _listed_after(
        self, body: str, end: int, found: _Found, verb_starts: set[int]
    ) -> tuple[int, int] | None:
        """The span (from `end`) of a surname name after a list word at `end`,
        of the length that a list word, togetherness or a verb follows."""
        join = _LIST_JOIN.match(body, end)
        run = self.han_run.match(body, join.end()) if join else None
        longest = self._surname_name(run.group()) if run else None
        if join is None or longest is None:
            return None
        a = join.end()
        # "張偉一同": the longest reading may have taken the next word's first character.
        shorter = [len(longest) - 1] if len(longest) == 3 else []
        for length in [len(longest), *shorter]:
            b = a + length
            if found.covered[a] or found.covered[b - 1]:
                continue
            if _LIST_JOIN.match(body, b) or _TOGETHER.match(body, b) or b in verb_starts:
                return a - end, b - end
        return None

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _add(found: _Found, body: str, a: int, b: int, latin: re.Match[str] | None) -> None:
        name = body[a:b]
        found.covered[a:b] = b"\x01" * (b - a)
        p = found.names.setdefault(name, _Person(name))
        if latin is not None:
            p.latin.append((latin.start("latin"), latin.end("latin")))

    def _run_before(self, body: str, end: int, floor: int) -> str:
        a = end
        while a > floor and self.han_run.match(body, a - 1, a):
            a -= 1
        return body[a:end]

    def _left_part(self, run: str, most: int) -> str:
        """The end of a Han run that is a name: after the last title or particle."""
        tail = run[-most:]
        cut = 0
        for i, ch in enumerate(tail):
            if (
                ch in self.particles
                or ch in self.title_end
                or self._title_ends(run, len(run) - len(tail) + i + 1)
            ):
                cut = i + 1
        return tail[cut:]

    def _right_part(self, run: str) -> str:
        """The end of a transliterated name: up to the first particle or verb."""
        for i, ch in enumerate(run[:6]):
            if ch in self.particles or (i >= 2 and (ch in self.not_name or self._word_at(run, i))):
                return run[:i]
        return run[:6]

    def _title_ends(self, run: str, end: int) -> bool:
        return any(run.endswith(t, 0, end) for t in self.titles)

    def _surname_name(self, text: str) -> str | None:
        """A surname and one or two given-name characters at the start of `text`."""
        for sur in (text[:2], text[:1]):
            if sur in self.compound or (
                len(sur) == 1 and sur in self.surnames and sur not in self.not_name
            ):
                rest = text[len(sur) :]
                given = self._given(rest)
                return sur + given if given else None
        return None

    def _given(self, rest: str) -> str:
        if not rest or rest[0] in self.not_name or self._word_at(rest, 0):
            return ""
        if len(rest) == 1 or rest[1] in self.not_name or self._word_at(rest, 1):
            return rest[:1]
        return rest[:2]

    def _word_at(self, text: str, i: int) -> bool:
        """A lexicon word (a verb, a title, a function word) starts at text[i]."""
        return any(text.startswith(w, i) for w in self.words.get(text[i], ()))

    def _pinyin_length(self, latin: str) -> int | None:
        """Syllables of a pinyin name ("Ruoming Pang" -> 3); None for other names."""
        total = 0
        for word in fold(latin).split():
            n = _syllables(word, self.syllable)
            if n is None:
                return None
            total += n
        return total


def _syllables(word: str, syllable: re.Pattern[str]) -> int | None:
    """Fewest pinyin syllables spelling `word`, None when it is no pinyin."""
    best: list[int | None] = [0] + [None] * len(word)
    for i in range(len(word)):
        if best[i] is None:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if syllable.fullmatch(word, i, j):
                cand = best[i] + 1  # type: ignore[operator]
                if best[j] is None or cand < best[j]:  # type: ignore[operator]
                    best[j] = cand
    return best[-1]


@cache
def _vocabulary_cached(code: str, words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for w in words:
        index.setdefault(w[0], []).append(w)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


_LITERAL_HEAD = re.compile(r"^[^\\()\[\]{}?*+|.^$]+")


def _literal_head(pattern: object) -> str:
    """The plain word a lexicon entry starts with ("跳槽" of "跳槽(?:到|至)?"),
    without a last character a quantifier makes optional; "" for none."""
    if not isinstance(pattern, str):
        return ""
    m = _LITERAL_HEAD.match(pattern)
    if m is None:
        return ""
    head = m.group()
    return head[:-1] if pattern[m.end() : m.end() + 1] in ("?", "*", "{") else head


def _vocabulary(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Every plain word of the pack (lexicon entries' literal heads, titles,
    the adverbs before a verb): where a transliterated name stops."""
    pats = pack.data["patterns"]
    words = {
        w
        for items in pats.values()
        for w in map(_literal_head, items)
        if len(w) >= 2 and not w.isascii()
    }
    words |= {w for w in pack.title_words if len(w) >= 2 and not w.isascii()}
    words |= {w for w in pack.module.ADVERBS_BEFORE_VERB if len(w) >= 2}
    return _vocabulary_cached(pack.code, tuple(sorted(words)))


_ORIGIN_PREPOSITIONS = "从從自在于於"  # "张伟已从阿里巴巴离职": where the subject was


def _before_origin_phrase(body: str, verb_start: int, covered: bytearray) -> int:
    """Where the subject may end before a move verb: before "从ORG" (an
    organisation found already, after its preposition) when one stands there."""
    start = verb_start
    while start > 0 and covered[start - 1]:
        start -= 1
    if start < verb_start and start > 0 and body[start - 1] in _ORIGIN_PREPOSITIONS:
        return start - 1
    return verb_start


# ---------------------------------------------------------------------- people
def han_people(
    names: HanNames,
    body: str,
    sentences: list[Sentence],
    org_spans: list[tuple[int, int]],
    people: list[PersonEntity],
    mentions: list[PersonMention],
    triggers: Sequence[tuple[str, int, int]],
) -> tuple[list[PersonEntity], list[PersonMention]]:
    """The Latin-script people found by people.py plus the Han-script ones.

    A Latin form in parentheses after a Han name is that person's alias: a
    Latin person found under that form is the Han one."""
    found = names.find(body, sentences, org_spans, triggers)
    if not found:
        return people, mentions
    owner = {fold(body[a:b]): name for name, p in found.items() for a, b in p.latin}
    entities = {name: PersonEntity(name=name) for name in found}
    for p in people:
        if fold(p.name) in owner:
            entities[owner[fold(p.name)]].mentions.extend(p.mentions)
        else:
            entities.setdefault(p.name, p)
    engine = [replace(m, person=owner.get(fold(m.person), m.person)) for m in mentions]
    new_mentions: list[PersonMention] = []
    for name, person in found.items():
        new_mentions += _mentions_of(body, person, entities[name], org_spans)
    _short_forms(body, found, entities, new_mentions, org_spans, names.dot)
    taken = [(m.start, m.end) for m in new_mentions]
    engine = [m for m in engine if not any(m.start < b and a < m.end for a, b in taken)]
    for ent in entities.values():
        ent.mentions = sorted(set(ent.mentions), key=lambda m: m.start)
    all_mentions = sorted(engine + new_mentions, key=lambda m: m.start)
    return [e for e in entities.values() if e.mentions], all_mentions


def _mentions_of(
    body: str, person: _Person, ent: PersonEntity, org_spans: list[tuple[int, int]]
) -> list[PersonMention]:
    """Every occurrence of a Han name (with its Latin form when one follows)."""
    forms = {fold(body[a:b]) for a, b in person.latin}
    out: list[PersonMention] = []
    for a, b in _occurrences(body, person.name, org_spans):
        ent.mentions.append(Mention(person.name, a, b))
        end = b
        latin = _LATIN_NAME.match(body, b)
        if latin and fold(latin.group("latin")) in forms:
            # The engine reads "name (Latin Form)" as one mention.
            ent.mentions.append(
                Mention(latin.group("latin"), latin.start("latin"), latin.end("latin"))
            )
            end = latin.end()
        out.append(PersonMention(a, end, body[a:end], person.name))
    return out


def _short_forms(
    body: str,
    found: dict[str, _Person],
    entities: dict[str, PersonEntity],
    mentions: list[PersonMention],
    org_spans: list[tuple[int, int]],
    dot: re.Pattern[str],
) -> None:
    """苏茨克维 for 伊利亚·苏茨克维: the last part of a dotted name, when only one
    person of the article ends so."""
    owners: dict[str, set[str]] = {}
    for name in found:
        parts = dot.split(name)
        if len(parts) > 1 and len(parts[-1]) >= 2:
            owners.setdefault(parts[-1], set()).add(name)
    full = [(m.start, m.end) for m in mentions]
    for short, who in owners.items():
        if len(who) != 1 or short in found:
            continue
        (name,) = who
        for a, b in _occurrences(body, short, org_spans):
            if any(x <= a < y for x, y in full):
                continue
            entities[name].mentions.append(Mention(short, a, b))
            mentions.append(PersonMention(a, b, short, name))


def _occurrences(body: str, text: str, org_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = body.find(text)
    while i >= 0:
        j = i + len(text)
        if not any(i < b and a < j for a, b in org_spans):
            out.append((i, j))
        i = body.find(text, j)
    return out


# ---------------------------------------------------------------------- clauses
_CLAUSE_BREAK = re.compile(r"[,;:]")


def without_companions(
    body: str, floor: int, persons: list[PersonMention], lead: re.Pattern[str]
) -> list[PersonMention]:
    """Drop the names of a clause opened by a comitative ("与X、Y等人创办了Z"):
    they are the subject's companions; the subject is elided or named earlier."""
    out: list[PersonMention] = []
    dropping_until = -1
    for p in persons:
        if p.start < dropping_until:
            continue
        breaks = list(_CLAUSE_BREAK.finditer(body, floor, p.start))
        opening = breaks[-1].end() if breaks else floor
        if lead.fullmatch(body[opening : p.start].strip()):
            nxt = _CLAUSE_BREAK.search(body, p.end)
            dropping_until = nxt.start() if nxt else len(body)
            continue
        out.append(p)
    return out


def relative_head(
    body: str, te: int, end: int, persons: list[PersonMention], marker: re.Pattern[str]
) -> PersonMention | None:
    """ "2022 年加入字节的 CFO 高准": the name a relative clause ending in the
    marker describes, when nothing but a title stands between."""
    after = [p for p in persons if te <= p.start < end]
    if not after:
        return None
    gap = body[te : after[0].start]
    marks = list(marker.finditer(gap))
    if not marks or _CLAUSE_BREAK.search(gap):
        return None
    last = marks[-1]  # the marker closing the clause: only a title may follow it
    if len(gap) - last.end() > 12 or last.start() > 30:
        return None
    return after[0]


# ---------------------------------------------------------------------- output
def restore_text(ex: Extraction, body: str) -> Extraction:
    """Texts quoted from the article as written, after reading a folded copy
    of it (same offsets, full-width punctuation as ASCII)."""

    def mention(m: Mention) -> Mention:
        return Mention(body[m.start : m.end], m.start, m.end)

    def move(m: MoveFact) -> MoveFact:
        return replace(m, evidence=body[m.evidence_start : m.evidence_start + len(m.evidence)])

    def group(g: GroupMoveFact) -> GroupMoveFact:
        return replace(g, evidence=body[g.evidence_start : g.evidence_start + len(g.evidence)])

    people = [PersonEntity(p.name, [mention(m) for m in p.mentions]) for p in ex.people]
    orgs = [
        OrgEntity(o.name, o.parent, [mention(m) for m in o.mentions], o.known)
        for o in ex.organizations
    ]
    return Extraction(
        ex.language,
        people,
        orgs,
        [move(m) for m in ex.moves],
        [group(g) for g in ex.group_moves],
    )
