"""Fast scanning for big case-insensitive alternations.

Python's `re` tries every branch of an alternation at every position, so a
lexicon of hundreds of fragments costs milliseconds per article.  Every
fragment, though, contains some literal text a match cannot avoid ("hir" in
"hir(?:e|ed|ing)", a month name in a date pattern).  `FastRegex` computes
those required literals once, at pack load, finds them with one cheap scan of
the lowercased text, and runs the full expression only in small windows around
the hits.  Results are the same as the full expression's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, cached_property
from re import _casefix  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import NamedTuple

from .trie import trie_pattern

_BACK = 40  # how far before a required literal a match may start
_FWD = (
    100  # how far after it a match may end (a German verb bracket: "hatte X, ein Y, Z verlassen")
)
_UNBOUNDED = 1000  # a pattern this wide or wider has no useful bound
# Past a bounded match's end: text a trailing lookahead ("(?![\w-])") reads,
# since a window's end is the end of the string for the regex.
_LOOKAHEAD = 16


class Shape(NamedTuple):
    """What the prefilter needs of a pattern, read from one parse of it."""

    literals: set[str] | None  # one of which every match contains (None: unknown)
    back: int  # how far before a literal a match may start
    fwd: int  # how far past the literal it (or a lookahead) may read


def shape(pattern: str) -> Shape:
    """The pattern's required literals and reach, parsed once (packs compile
    thousands of patterns at start-up)."""
    try:
        tree = P.parse(pattern, re.IGNORECASE)
    except re.error:
        return Shape(None, _BACK, _FWD)
    return Shape(_literals(tree), *_reach(tree))


def reach(pattern: str) -> tuple[int, int]:
    """How far before a required literal a match may start, and how far past
    the literal it (or a lookahead) may read."""
    found = shape(pattern)
    return found.back, found.fwd


def _reach(tree: P.SubPattern) -> tuple[int, int]:
    """A pattern of bounded width (most lexicon entries: "it", "the company")
    can reach no further than its width either way, so its windows are that
    narrow and a short, common literal costs little; an unbounded one gets the
    default reach."""
    widest = _width(tree)
    if widest >= _UNBOUNDED:
        return _BACK, _FWD
    return widest, widest + _LOOKAHEAD


def _width(seq: P.SubPattern | list) -> int:
    """The most characters a match of `seq` reads from its start on, lookaheads
    included (counted as if consumed: safe, if generous); _UNBOUNDED or more
    when nothing bounds it."""
    total = 0
    for op, av in seq:
        if op in _ONE_CHARACTER:
            total += 1
        elif op is C.SUBPATTERN:
            total += _width(av[-1])
        elif op is C.BRANCH:
            total += max(_width(branch) for branch in av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            total += _UNBOUNDED if av[1] >= _UNBOUNDED else av[1] * _width(av[2])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            total += _width(av[1]) if av[0] >= 0 else 0  # a lookbehind reads before
        elif op is not C.AT:
            return _UNBOUNDED  # a back-reference, or anything not known to be bounded
        if total >= _UNBOUNDED:
            return _UNBOUNDED
    return total


_ONE_CHARACTER = frozenset({C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY})


def _required(seq: P.SubPattern | list) -> set[str] | None:
    """Literals one of which every match of `seq` contains (None: unknown)."""
    cands: list[set[str]] = []
    run = ""
    for op, av in seq:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            cands.append({run})
            run = ""
        sub: set[str] | None = None
        if op is C.SUBPATTERN:
            sub = _required(av[-1])
        elif op is C.BRANCH:
            parts = [_required(b) for b in av[1]]
            if all(parts):
                sub = set().union(*parts)  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        if sub:
            cands.append(sub)
    if run:
        cands.append({run})
    cands = [c for c in cands if all(x.strip() for x in c)]
    if not cands:
        return None
    return max(cands, key=lambda c: (min(len(x.strip()) for x in c), -len(c)))


def _literals(tree: P.SubPattern) -> set[str] | None:
    req = _required(tree)
    if not req or min(len(x.strip()) for x in req) < 1:
        return None
    return {x.strip().lower() for x in req}


_LEFT = re.compile(r"^\(\?<!\[(?P<cls>[^\]]+)\]\)")


@cache
def _literal_prefixes(literals: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """For each literal, the literals it starts with (itself included), shortest
    first: a trie scan reports the longest literal at a position, and the
    shorter ones there are found too. Computed once per literal set, not per hit."""
    return {
        lit: tuple(lit[:i] for i in range(1, len(lit) + 1) if lit[:i] in literals)
        for lit in literals
    }


class FastRegex:
    """A compiled case-insensitive regex plus a literal prefilter.

    With `lowercase=True` (patterns written in lowercase, like every lexicon
    entry) matching runs on the lowercased text without IGNORECASE and with
    the leading word-boundary lookbehind checked by hand: both make Python's
    `re` several times slower per character."""

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, lowercase: bool = False) -> None:
        self.full = re.compile(pattern, flags)
        self.low: re.Pattern[str] | None = None
        self.left: re.Pattern[str] | None = None
        if lowercase:
            m = _LEFT.match(pattern)
            core = pattern[m.end() :] if m else pattern
            self.low = re.compile(core)
            self.left = re.compile(f"[{m.group('cls')}]") if m else None
        lits, self.back, self.fwd = shape(pattern)
        self.literals: set[str] = lits or set()
        self._prefixes: dict[str, tuple[str, ...]] | None = None
        self.pre: re.Pattern[str] | None = None
        self.word_starts: WordStartScan | None = None  # an anchor's, at word starts only
        if lits and flags & re.IGNORECASE:
            self.pre = re.compile(trie_pattern(sorted(lits)))
        self.word_led = None if lowercase else _word_led(pattern, flags)
        # The same expression without IGNORECASE, for lowercased ASCII text,
        # where that reads the same (see _case_blind): much faster in `re`.
        self.folded: re.Pattern[str] | None = None
        self.folded_led: WordStartScan | None = None
        if not lowercase and flags & re.IGNORECASE and _case_blind(P.parse(pattern, flags)):
            self.folded = re.compile(pattern, flags & ~re.IGNORECASE)
            self.folded_led = _word_led(pattern, flags & ~re.IGNORECASE)

    @classmethod
    def anchor_for(cls, parts: list[FastRegex], word_start: bool = False) -> FastRegex | None:
        """One prefilter for several expressions: the union of their literals
        (with `word_start`, literals only count at the start of a word)."""
        if not parts or any(p.pre is None for p in parts):
            return None
        out = cls("(?!x)x")
        out.literals = set().union(*(p.literals for p in parts))
        trie = trie_pattern(sorted(out.literals))
        if word_start:
            # A word starts after a character no word is made of ("_" is one).
            out.word_starts = WordStartScan(trie, r"[\W_]")
        else:
            out.pre = re.compile(f"(?=({trie}))")
        return out

    def hits(self, lower: str) -> list[tuple[int, str]]:
        """(position, literal) for every literal of this (anchor) prefilter,
        prefixes of a longer literal included."""
        out: list[tuple[int, str]] = []
        if self._prefixes is None:  # `literals` is final once a scan runs
            self._prefixes = _literal_prefixes(frozenset(self.literals))
        found_in = self._prefixes
        if self.word_starts is not None:
            matches = self.word_starts.all_matches(lower)
        else:
            assert self.pre is not None
            matches = list(self.pre.finditer(lower))
        for m in matches:
            start = m.start(1)
            out.extend((start, lit) for lit in found_in[m.group(1)])
        return out

    @cached_property
    def low_led(self) -> WordStartScan | None:
        """`low` tried at word starts only (like `word_led`): `re` would enter
        its matcher at every character of a window otherwise. Compiled on
        first use: many packs' expressions never run windowed."""
        return _word_led(self.full.pattern, 0) if self.low is not None else None

    @property
    def pattern(self) -> str:
        return self.full.pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, lower: str | None = None
    ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.pre is None:
            yield from self.full.finditer(text, pos, end)
            return
        low = lower if lower is not None else text.lower()
        if len(low) != len(text):  # lowercasing changed offsets (rare scripts)
            yield from self.full.finditer(text, pos, end)
            return
        spans: list[list[int]] = []
        for hit in self.pre.finditer(low, pos, end):
            a, b = max(pos, hit.start() - self.back), min(end, hit.end() + self.fwd)
            if spans and a <= spans[-1][1]:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        rx, led, subject = self._matcher(text, low)
        fold_back = subject is low and self.folded is not None
        last = pos
        for a, b in spans:
            for m in self._word_start_matches(rx, led, subject, max(a, last), b):
                if b < end and m.end() == b:
                    m2 = rx.match(subject, m.start(), end)
                    if m2 is None:
                        continue
                    m = m2
                if fold_back:  # the same match, read off the text as written
                    same = self.full.match(text, m.start(), m.endpos)
                    assert same is not None and same.end() == m.end()
                    m = same
                last = m.end()
                yield m

    def word_start_matches(self, low: str, start: int, stop: int) -> Iterator[re.Match[str]]:
        """The lowercase expression's matches in low[start:stop] that start a
        word, each searched for past the last (`lowercase=True` only)."""
        assert self.low is not None
        return self._word_start_matches(self.low, self.low_led, low, start, stop)

    def _word_start_matches(
        self, rx: re.Pattern[str], led: WordStartScan | None, subject: str, start: int, stop: int
    ) -> Iterator[re.Match[str]]:
        """The window's matches that start a word. A match refused for starting
        inside one is searched past by one character, not by its whole length:
        a word-start match may begin inside it ("x5 of the 12 engineers")."""
        matches = self._window_matches(rx, led, subject, start, stop)
        m = next(matches, None)
        while m is not None:
            if self.left is not None and m.start() > 0 and self.left.match(subject, m.start() - 1):
                # Not at a word start: search again just past where it starts.
                matches = self._window_matches(rx, led, subject, m.start() + 1, stop)
            else:
                yield m
            m = next(matches, None)

    def _matcher(self, text: str, low: str) -> tuple[re.Pattern[str], WordStartScan | None, str]:
        """The expression the windows are scanned with, its word-start scan
        and the text it reads: the lowercase one where it reads the same
        (ASCII text: no character in it folds otherwise than it lowercases)."""
        if self.low is not None:
            return self.low, self.low_led, low
        if self.folded is not None and text.isascii():
            return self.folded, self.folded_led, low
        return self.full, self.word_led, text

    @staticmethod
    def _window_matches(
        rx: re.Pattern[str], led: WordStartScan | None, subject: str, start: int, stop: int
    ) -> Iterator[re.Match[str]]:
        """The matches `rx.finditer(subject, start, stop)` gives: found at word
        starts only (by `led`) when `rx` opens with a word-start lookbehind."""
        if led is None:
            yield from rx.finditer(subject, start, stop)
            return
        resume = start  # matches do not overlap: each is searched for past the last
        for hit in led.all_matches(subject, start, stop):
            if hit.start(1) >= resume:
                m = rx.match(subject, hit.start(1), stop)
                assert m is not None  # the same expression, at the same place
                yield m
                resume = m.end()

    def spans(self, text: str, lower: str, pos: int = 0, end: int | None = None) -> list[list[int]]:
        """Merged windows around the required literals (all of text without a prefilter)."""
        end = len(text) if end is None else end
        if self.pre is None or len(lower) != len(text):
            return [[pos, end]]
        out: list[list[int]] = []
        for hit in self.pre.finditer(lower, pos, end):
            a, b = max(pos, hit.start() - self.back), min(end, hit.end() + self.fwd)
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a, b])
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        # Most searches (a clause for a modality cue) find no required literal:
        # answered by one prefilter search, without building windows.
        if self.pre is not None:
            low = text.lower()
            end = len(text) if endpos is None else endpos
            if len(low) == len(text) and self.pre.search(low, pos, end) is None:
                return None
            return next(self.finditer(text, pos, endpos, lower=low), None)
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.full.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.full.fullmatch(text, pos, len(text) if endpos is None else endpos)

    def findall(self, text: str) -> list[str]:
        return [m.group() for m in self.finditer(text)]


class _Fragment(NamedTuple):
    """One lexicon fragment: its kind, compiled form and reach around a literal."""

    rank: int  # the kind's order: earlier kinds win ties
    kind: str
    rx: re.Pattern[str]
    back: int
    fwd: int


class LexiconScanner:
    """Finds lexicon fragments of several kinds in a text, fast.

    Each fragment is indexed under its required literals; one trie scan of the
    lowercased text finds the literals, and only the fragments indexed under a
    hit are tried, in a small window around it.  Overlaps are resolved by
    earliest start, then the longest match ("angkat kaki dari" over "angkat"),
    then kind order."""

    def __init__(
        self, kinds: list[tuple[str, list[str]]], word_char: str = r"[\w-]", script: str = ""
    ) -> None:
        self.by_lit: dict[str, list[_Fragment]] = {}
        self.unindexed: list[_Fragment] = []
        # A character that may not touch a fragment (the pack's word character),
        # except where the fragment's own edge is of the pack's unspaced `script`.
        self.word_char = re.compile(word_char)
        self.script = re.compile(f"[{script}]") if script else None
        end = rf"(?:(?!{word_char})|(?<=[{script}]))" if script else rf"(?!{word_char})"
        for rank, (kind, frags) in enumerate(kinds):
            for f in frags:
                lits, back, fwd = shape(f)
                fragment = _Fragment(rank, kind, re.compile(rf"(?:{f}){end}"), back, fwd)
                if not lits:
                    self.unindexed.append(fragment)
                    continue
                for lit in lits:
                    self.by_lit.setdefault(lit, []).append(fragment)
        # The longest literal at a position (prefixes are looked up).
        self.pre = re.compile(trie_pattern(sorted(self.by_lit))) if self.by_lit else None
        # A hit is the longest literal at its position; the fragments of it and
        # of its shorter literal prefixes, with each literal's length, listed once.
        self.fragments_at: dict[str, list[tuple[int, _Fragment]]] = {
            lit: [
                (len(prefix), fragment) for prefix in prefixes for fragment in self.by_lit[prefix]
            ]
            for lit, prefixes in _literal_prefixes(frozenset(self.by_lit)).items()
        }
        self.max_lit = max((len(k) for k in self.by_lit), default=0)

    def _glued(self, low: str, s: int) -> bool:
        """A match at `s` after a word character really continues that word
        (no: an unspaced script's character on either side)."""
        if self.script is None:
            return True
        return bool(self.word_char.match(low, s - 1)) and not self.script.match(low, s)

    @staticmethod
    def _literal_hits(trie: re.Pattern[str], low: str) -> list[tuple[int, str]]:
        """(position, longest literal there) at *every* position a literal
        starts, so that literals inside or overlapping another are not skipped.

        "(?=(trie))" says that, but a pattern led by a lookahead makes `re`
        enter its matcher at every character; the trie itself is searched
        for in C past characters no literal starts with. Its matches do not
        overlap: the few positions inside one are tried one by one."""
        out: list[tuple[int, str]] = []
        for hit in trie.finditer(low):
            start, end = hit.span()
            out.append((start, hit.group()))
            for inner in range(start + 1, end):
                found = trie.match(low, inner)
                if found is not None:
                    out.append((inner, found.group()))
        return out

    def scan(self, text: str, lower: str | None = None) -> list[tuple[str, int, int]]:
        low = lower if lower is not None else text.lower()
        if len(low) != len(text):
            low = text  # offsets must agree; fall back to the raw text
        cands: list[tuple[int, int, int, str]] = []  # (start, -len, rank, kind)

        def consider(fragment: _Fragment, a: int, b: int, must: tuple[int, int] | None) -> None:
            pos = a
            while (m := fragment.rx.search(low, pos, b)) is not None:
                pos = max(m.end(), m.start() + 1)
                if b < len(low) and m.end() == b:
                    # The window may have cut the phrase short: match it again.
                    whole = fragment.rx.match(low, m.start())
                    if whole is None:
                        continue
                    m = whole
                s, e = m.start(), m.end()
                if s > 0 and (low[s - 1].isalnum() or low[s - 1] in "_-") and self._glued(low, s):
                    # Not at a word start ("ont fait" inside "Dupont fait"):
                    # a match at the next word start may overlap it.
                    pos = s + 1
                    continue
                if must and not (s <= must[0] and must[1] <= e):
                    continue
                cands.append((s, s - e, fragment.rank, fragment.kind))

        if self.pre is not None:
            for hs, literal in self._literal_hits(self.pre, low):
                for i, fragment in self.fragments_at[literal]:
                    a, b = max(0, hs - fragment.back), min(len(low), hs + i + fragment.fwd)
                    consider(fragment, a, b, (hs, hs + i))
        for fragment in self.unindexed:
            consider(fragment, 0, len(low), None)
        cands = sorted(set(cands))
        out: list[tuple[str, int, int]] = []
        last = -1
        for s, neg, _rank, kind in cands:
            if s >= last:
                out.append((kind, s, s - neg))
                last = s - neg
        return out


# Characters a case-blind `re` folds specially ("ſ" matches "s", "K" the
# Kelvin sign "k"), and those `str.lower` maps by context or to two characters
# ("Σ", "İ"): a pattern holding one is not matched on lowercased text.
_UNFOLDABLE = re.compile(
    "["
    + re.escape(
        "".join(
            sorted(
                {chr(c) for pair in _casefix._EXTRA_CASES.items() for c in (pair[0], *pair[1])}
                - {chr(c) for c in range(128)}
                | {"Σ", "ς", "σ", "İ"}
            )
        )
    )
    + "]"
)


def _case_blind(tree: P.SubPattern | list) -> bool:
    """Whether a pattern matches an ASCII text IGNORECASE as it matches the
    lowercased text without: no uppercase or specially folded character of
    its own, no case-sensitive part ("(?-i:may)"), no back-reference."""
    for op, av in tree:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _lower_char(av):
                return False
        elif op is C.IN:
            if not all(_case_blind_item(item_op, item) for item_op, item in av):
                return False
        elif op is C.SUBPATTERN:
            if av[2] & re.IGNORECASE or not _case_blind(av[-1]):
                return False
        elif op is C.BRANCH:
            if not all(_case_blind(branch) for branch in av[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _case_blind(av[2]):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _case_blind(av[1]):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _case_blind(av):
                return False
        elif op not in (C.ANY, C.AT, C.CATEGORY):
            return False  # a back-reference, a conditional: not known to fold
    return True


def _case_blind_item(op: object, av: int | tuple[int, int]) -> bool:
    """One item of a character class, as _case_blind asks."""
    if op is C.LITERAL and isinstance(av, int):
        return _lower_char(av)
    if op is C.RANGE and isinstance(av, tuple):
        return all(_lower_char(c) for c in range(av[0], av[1] + 1))
    return op in (C.NEGATE, C.CATEGORY)


def _lower_char(code: int) -> bool:
    """A character its own lowercase, and folded plainly."""
    ch = chr(code)
    return ch.lower() == ch and (code < 128 or _UNFOLDABLE.match(ch) is None)


def _word_led(pattern: str, flags: int) -> WordStartScan | None:
    """A word-start scan for a pattern opening with a word-start lookbehind
    ("(?<![\\w-])"), when no match of it is empty (an empty match would
    change where `finditer` searches next)."""
    m = _LEFT.match(pattern)
    if m is None or P.parse(pattern, flags).getwidth()[0] == 0:
        return None
    cls = m.group("cls")
    # A character the lookbehind accepts before a match: the class's complement.
    before = f"[{cls[1:]}]" if cls.startswith("^") else f"[^{cls}]"
    return WordStartScan(pattern[m.end() :], before, flags)


def ascii_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx` with ASCII classes, for plain ASCII text (see `plain_ascii`): the
    same matches there, with "\\w" or "[^\\W\\d_a-z]" read from a table instead
    of the Unicode database at every character. A case-blind pattern is
    kept as it is: IGNORECASE folds "ſ" to "s" with Unicode only."""
    if rx.flags & re.IGNORECASE:
        return rx
    return re.compile(rx.pattern, (rx.flags & ~re.UNICODE) | re.ASCII)


def plain_ascii(text: str) -> bool:
    """Whether `re` reads `text` the same with ASCII classes as with Unicode
    ones: ASCII (a flag of the string, no scan), without the separators
    \\x1c-\\x1f, which only Unicode counts as white space."""
    return text.isascii() and not (
        "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    )


class WordStartScan:
    """Where a pattern matches at word starts, found without trying every letter.

    A pattern led by a lookbehind ("(?<!\\w)NAMES") makes Python's `re` enter its
    matcher at every character of the text, some 400 machine instructions
    each.  Led by the character a word start follows (`before`, "\\W") instead,
    the search skips the letters in C and tries the pattern, in a lookahead,
    right after each such character; the text's first position is tried apart.
    Same matches, for a third to a half of the cost."""

    def __init__(self, pattern: str, before: str, flags: int = 0) -> None:
        self.after_before = re.compile(f"{before}(?=({pattern}))", flags)
        # For plain ASCII text, the same with ASCII classes: "\\W" is then a
        # table look-up, not a Unicode database query, for every character.
        # (Not case-blind: "ſ" matches "s" IGNORECASE, with Unicode only.)
        self.after_before_ascii = (
            self.after_before
            if flags & re.IGNORECASE
            else re.compile(f"{before}(?=({pattern}))", flags | re.ASCII)
        )
        self.at_start = re.compile(f"(?=({pattern}))", flags)

    def all_matches(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> list[re.Match[str]]:
        """Every word start in text[pos:endpos] where the pattern matches, in
        text order, even inside an earlier match (like "(?<!\\w)(?=(NAMES))"
        would give): the match's group 1 is the pattern's."""
        end = len(text) if endpos is None else endpos
        after = self.after_before_ascii if plain_ascii(text) else self.after_before
        if pos > 0:  # the character before `pos` says whether a word starts there
            return list(after.finditer(text, pos - 1, end))
        first = self.at_start.match(text, 0, end)
        found = [first] if first is not None else []
        found.extend(after.finditer(text, 0, end))
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match, non-overlapping, as `finditer` of
        "(?<!\\w)PATTERN" gives them: each searched for from where the last ended."""
        out: list[tuple[int, int]] = []
        last = 0
        for m in self.all_matches(text):
            start, end = m.span(1)
            if start >= last:
                out.append((start, end))
                last = end
        return out
