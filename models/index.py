"""One name index for identity resolution and lookup.

Scanning every name per query costs ~130 ms at 100k names and over a second at
1M, so the index *blocks* first: an inverted index from token keys (whole
token, 3-character prefix, 3-character suffix) to the names that carry them.
Only those candidates are scored: a fast first pass with rapidfuzz's WRatio,
then a re-rank by `name_similarity`, which understands name order, initials,
prefixes typed so far, and small typos token by token (WRatio alone ranks some
multi-word names badly: "j wei" prefers "wei" over "jason wei").

Pure Python plus rapidfuzz; no database. The processes read the same index
kept in the database (models/name_keys.py, issue 14), which blocks by the same
keys and scores with `rank` below; `NameIndex.from_rows` takes (kind, entity
id, folded alias) rows and serves tests and benchmarks as the reference.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

from .names import fold

PERSON = 0
ORGANIZATION = 1
KINDS = ("person", "organization")


@dataclass(frozen=True, slots=True)
class Budget:
    """Per-query work, bounded whatever the index size.

    Postings are read rarest key first until `read` entries have been read;
    the `candidates` names sharing most keys with the query get the fast first
    pass, and the best `rerank` of those the precise scorer.
    """

    read: int
    candidates: int
    rerank: int
    carriers: int  # an affix carried by more distinct tokens than this is skipped


# Lookup answers a person typing: wide, ranked. Resolution runs for every
# mention of every ingested article and only cares about near-certain matches.
LOOKUP = Budget(read=60_000, candidates=800, rerank=48, carriers=8_000)
RESOLVE = Budget(read=4_000, candidates=120, rerank=8, carriers=150)


@dataclass(frozen=True, slots=True)
class IndexHit:
    kind: str  # person | organization
    entity_id: int
    alias: str  # the folded alias that matched
    score: float  # 0..100


def affixes(token: str) -> tuple[str, ...]:
    """The non-exact keys of a folded token: its first and last three characters.

    The prefix serves a name being typed and a late typo; the suffix a typo
    early in a long token ("sytskever"). Tokens of three or fewer characters
    are their own prefix.
    """
    if len(token) <= 3:
        return ("<" + token,)
    return ("<" + token[:3], ">" + token[-3:])


# Spelling variants of one sound across transliterations: Ilja / Ilya,
# Shazer / Shazeer, Karpaty / Karpathy. Vowels stay as they are: Chen and
# Chan, Zhao and Zhou are different names, not variants of one.
_VARIANTS = (
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("ks", "x"),
    ("cs", "x"),
    ("q", "k"),
    ("w", "v"),
    ("j", "y"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65_536)
def skeleton(token: str) -> str:
    """A token with transliteration variants and doubled letters reduced to one form."""
    for variant, common in _VARIANTS:
        token = token.replace(variant, common)
    return _DOUBLED.sub(r"\1", token)


def _token_similarity(query: str, candidate: str) -> float:
    from rapidfuzz.distance import Indel

    if query == candidate:
        return 100.0
    if len(query) > 2 and skeleton(query) == skeleton(candidate):
        return 97.0
    if len(query) == 1 or len(candidate) == 1:  # an initial: "j" ~ "jason"
        return 90.0 if query[0] == candidate[0] else 0.0
    if len(query) >= 3 and candidate.startswith(query):  # typed so far
        return 90.0
    return Indel.normalized_similarity(query, candidate) * 100.0


def name_similarity(query: str, candidate: str) -> float:
    """Order-free token alignment of two folded names, 0..100.

    Each query token takes its best unused candidate token; unmatched
    candidate tokens cost a little (an exact alias beats a longer name),
    unmatched query tokens cost their full share.
    """
    q_tokens = query.split()
    c_tokens = candidate.split()
    if not q_tokens or not c_tokens:
        return 0.0
    free = list(c_tokens)
    total = 0.0
    for token in sorted(q_tokens, key=len, reverse=True):  # long tokens choose first
        if not free:
            break
        best_at, best = 0, -1.0
        for at, other in enumerate(free):
            similarity = _token_similarity(token, other)
            if similarity > best:
                best_at, best = at, similarity
        total += best
        free.pop(best_at)
    score = max(0.0, total / len(q_tokens) - 4.0 * len(free))
    if score < 90.0 and len(q_tokens) > 1:
        # A space typed in the wrong place: "donnaj onor" is "donna jonor".
        from rapidfuzz.distance import Indel

        joined = Indel.normalized_similarity(query.replace(" ", ""), candidate.replace(" ", ""))
        score = max(score, joined * 95.0)
    return score


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the blocking step chose, to be scored."""

    kind: int  # PERSON | ORGANIZATION
    entity_id: int
    alias: str  # folded


def rarest_first(
    sizes: Sequence[int], budget: Budget, usable: Callable[[int], bool] = lambda at: True
) -> list[int]:
    """Which groups of postings to read, by position in `sizes`, rarest first.

    Rare keys say most about identity: the rarest group is always read, the
    next ones while the budget lasts (a key shared by half the index adds
    cost, not signal). Empty groups are left out, and so are those `usable`
    turns down; it is asked only about groups that would be read otherwise
    (the stored index pays a query to answer it).
    """
    chosen: list[int] = []
    spent = 0
    for at in sorted((at for at, size in enumerate(sizes) if size), key=sizes.__getitem__):
        if chosen and spent + sizes[at] > budget.read:
            break
        if usable(at):
            chosen.append(at)
            spent += sizes[at]
    return chosen


def rank(
    needle: str, candidates: Sequence[Candidate], *, limit: int, budget: Budget
) -> list[IndexHit]:
    """Score blocked candidates for a folded query: one hit per entity, best first.

    A fast first pass with WRatio keeps the best `budget.rerank`, which
    `name_similarity` then scores precisely. Shared by the in-memory index and
    the one kept in the database (models/name_keys.py), so both rank alike.
    """
    from rapidfuzz import fuzz, process

    if len(candidates) > budget.rerank:
        first = process.extract(
            needle,
            [candidate.alias for candidate in candidates],
            scorer=fuzz.WRatio,
            processor=None,
            limit=budget.rerank,
        )
        candidates = [candidates[at] for _, _, at in first]
    best: dict[tuple[int, int], IndexHit] = {}
    for candidate in candidates:
        score = name_similarity(needle, candidate.alias)
        if score <= 0:
            continue
        entity = (candidate.kind, candidate.entity_id)
        current = best.get(entity)
        if current is None or score > current.score:
            best[entity] = IndexHit(KINDS[entity[0]], entity[1], candidate.alias, score)
    ranked = sorted(best.values(), key=lambda hit: (-hit.score, len(hit.alias), hit.entity_id))
    return ranked[:limit]


class NameIndex:
    """Folded aliases of people and organisations, blocked by token keys.

    Postings are kept per distinct token (one append per token occurrence,
    which keeps a million-name build fast); the prefix and suffix keys point
    at the tokens that carry them and are expanded at query time.
    """

    def __init__(self) -> None:
        self._kinds: list[int] = []
        self._ids: list[int] = []
        self._aliases: list[str] = []
        self._tokens: dict[str, list[int]] = {}  # token -> alias positions
        self._affixes: dict[str, list[str]] = {}  # "<pre" / ">suf" -> tokens

    @classmethod
    def from_rows(cls, rows) -> NameIndex:
        """rows: iterable of (kind, entity_id, folded alias); kind is "person" or "organization"."""
        index = cls()
        index.add_many(rows)
        return index

    def __len__(self) -> int:
        return len(self._aliases)

    def add(self, kind: str, entity_id: int, alias: str) -> None:
        self.add_many(((kind, entity_id, alias),))

    def add_many(self, rows) -> None:
        """Index (kind, entity id, folded alias) rows.

        The hot loop of a cold start at a million names: attributes are bound
        to locals, and the cyclic GC, which would rescan millions of small
        lists again and again, is paused.
        """
        kinds, ids, aliases = self._kinds, self._ids, self._aliases
        tokens, affix_map = self._tokens, self._affixes
        get_postings = tokens.get
        position = len(aliases)
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            for kind, entity_id, alias in rows:
                if not alias:
                    continue
                kinds.append(PERSON if kind == "person" else ORGANIZATION)
                ids.append(entity_id)
                aliases.append(alias)
                for token in alias.split():
                    if len(token) < 2:  # initials block nothing
                        continue
                    postings = get_postings(token)
                    if postings is None:
                        tokens[token] = [position]
                        for key in affixes(token):
                            carriers = affix_map.get(key)
                            if carriers is None:
                                affix_map[key] = [token]
                            else:
                                carriers.append(token)
                    elif postings[-1] != position:
                        postings.append(position)
                position += 1
        finally:
            if gc_was_enabled:
                gc.enable()

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        kind: str | None = None,
        folded: bool = False,
        budget: Budget = LOOKUP,
    ) -> list[IndexHit]:
        """Best entities for `query`, one hit per entity, best first."""
        needle = query if folded else fold(query)
        kinds, ids, aliases = self._kinds, self._ids, self._aliases
        candidates = [
            Candidate(kinds[p], ids[p], aliases[p]) for p in self._candidates(needle, kind, budget)
        ]
        return rank(needle, candidates, limit=limit, budget=budget)

    def _groups(self, token: str, budget: Budget) -> list[tuple[int, list[list[int]]]]:
        """(size, postings) groups one query token selects: the token itself, then its affixes."""
        tokens = self._tokens
        groups = []
        if token in tokens:
            groups.append((len(tokens[token]), [tokens[token]]))
        for key in affixes(token):
            carriers = self._affixes.get(key, ())
            if 0 < len(carriers) <= budget.carriers:
                group = [tokens[t] for t in carriers if t != token]
                groups.append((sum(map(len, group)), group))
        return groups

    def _candidates(self, needle: str, kind: str | None, budget: Budget) -> list[int]:
        groups = [
            group
            for token in set(needle.split())
            if len(token) >= 2
            for group in self._groups(token, budget)
            if group[0]
        ]
        chosen = [groups[at][1] for at in rarest_first([size for size, _ in groups], budget)]
        if not chosen:
            return []
        counts = Counter(chain.from_iterable(chain.from_iterable(chosen)))
        if kind is not None:
            wanted = PERSON if kind == "person" else ORGANIZATION
            kinds = self._kinds
            ranked = (p for p, _ in counts.most_common() if kinds[p] == wanted)
            return list(islice(ranked, budget.candidates))
        return [position for position, _ in counts.most_common(budget.candidates)]
