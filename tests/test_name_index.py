"""The name index: a golden set of typo, order, initial and acronym queries.

The set is also why the re-ranking scorer exists: plain WRatio over the same
candidates gets several of these wrong.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from movesboard.models.index import RESOLVE, NameIndex, name_similarity
from movesboard.models.names import fold, person_key

PEOPLE = [
    "Yang Song",
    "Jiaming Song",
    "Song Han",
    "Jason Wei",
    "Wei Chen",
    "Jason Weston",
    "Hyung Won Chung",
    "Ilya Sutskever",
    "Karén Simonyan",
    "Karen Smith",
    "Shengjia Zhao",
    "Alexandr Wang",
    "Jeff Wang",
    "Andrej Karpathy",
    "Andrew Karp",
    "Mira Murati",
    "Noam Shazeer",
    "Daniel De Freitas",
    "Mustafa Suleyman",
    "Lucas Beyer",
    "Xiaohua Zhai",
    "Alexander Kolesnikov",
    "Aurko Roy",
    "Yann LeCun",
    "Demis Hassabis",
    "Sam Altman",
    "Mark Zuckerberg",
    "John Schulman",
    "Jan Leike",
    "Liam Fedus",
    "Ruoming Pang",
]
ORGANIZATIONS = {
    "Meta Superintelligence Labs": ["MSL"],
    "Google DeepMind": ["GDM"],
    "OpenAI": [],
    "Microsoft AI": [],
    "Microsoft": [],
    "Meta": ["Facebook"],
    "Anthropic": [],
    "Safe Superintelligence": ["SSI"],
    "Thinking Machines Lab": [],
}

GOLDEN = [
    ("sutzkever", "Ilya Sutskever"),
    ("ilja sutskever", "Ilya Sutskever"),
    ("song yang", "Yang Song"),
    ("zhao shengjia", "Shengjia Zhao"),
    ("karen simonyan", "Karén Simonyan"),
    ("j wei", "Jason Wei"),
    ("j. wei", "Jason Wei"),
    ("karpaty", "Andrej Karpathy"),
    ("andrej karpathy", "Andrej Karpathy"),
    ("murati", "Mira Murati"),
    ("mira", "Mira Murati"),
    ("de freitas", "Daniel De Freitas"),
    ("defreitas", "Daniel De Freitas"),
    ("hyung chung", "Hyung Won Chung"),
    ("alexandr wang", "Alexandr Wang"),
    ("alexander wang", "Alexandr Wang"),
    ("kolesnikov", "Alexander Kolesnikov"),
    ("suleyman", "Mustafa Suleyman"),
    ("lecun", "Yann LeCun"),
    ("yan lecun", "Yann LeCun"),
    ("hassabis", "Demis Hassabis"),
    ("shazer", "Noam Shazeer"),
    ("beyer", "Lucas Beyer"),
    ("xiaohua", "Xiaohua Zhai"),
    ("zuckerburg", "Mark Zuckerberg"),
    ("schulman", "John Schulman"),
    ("msl", "Meta Superintelligence Labs"),
    ("gdm", "Google DeepMind"),
    ("deepmind", "Google DeepMind"),
    ("google deepmind", "Google DeepMind"),
    ("openai", "OpenAI"),
    ("open ai", "OpenAI"),
    ("microsoft ai", "Microsoft AI"),
    ("microsoft", "Microsoft"),
    ("antropic", "Anthropic"),
    ("thinking machines", "Thinking Machines Lab"),
    ("facebook", "Meta"),
    ("superintelligence", "Safe Superintelligence"),
]


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, int, str, str]]:
    rows = [("person", i, name, name) for i, name in enumerate(PEOPLE)]
    for i, (name, aliases) in enumerate(ORGANIZATIONS.items()):
        rows += [("organization", i, name, alias) for alias in [name, *aliases]]
    return rows


@pytest.fixture(scope="module")
def index(entries: list[tuple[str, int, str, str]]) -> NameIndex:
    return NameIndex.from_rows((kind, i, fold(alias)) for kind, i, _, alias in entries)


def display(entries: list[tuple[str, int, str, str]], kind: str, entity_id: int) -> str:
    return next(name for k, i, name, _ in entries if k == kind and i == entity_id)


@pytest.mark.parametrize(("query", "expected"), GOLDEN)
def test_top_hit_is_right(
    index: NameIndex, entries: list[tuple[str, int, str, str]], query: str, expected: str
) -> None:
    hits = index.search(query, limit=3)
    assert hits, query
    assert display(entries, hits[0].kind, hits[0].entity_id) == expected


def test_reranking_beats_plain_wratio(entries: list[tuple[str, int, str, str]]) -> None:
    choices = [fold(alias) for *_, alias in entries]

    def top(scorer) -> int:  # type: ignore[no-untyped-def]
        """Queries whose expected entity is the *only* best-scored one (ties are misses)."""
        right = 0
        for query, expected in GOLDEN:
            scores = [scorer(fold(query), choice) for choice in choices]
            best = max(scores)
            winners = {entries[i][2] for i, score in enumerate(scores) if score == best}
            right += winners == {expected}
        return right

    ours = top(name_similarity)
    plain = top(lambda a, b: fuzz.WRatio(a, b, processor=None))
    assert ours == len(GOLDEN)
    assert plain < ours


def test_kind_filter_and_one_hit_per_entity(index: NameIndex) -> None:
    hits = index.search("meta", limit=10)
    assert len({(h.kind, h.entity_id) for h in hits}) == len(hits)
    assert all(h.kind == "person" for h in index.search("meta", kind="person"))


def test_resolution_budget_finds_near_certain_matches(index: NameIndex) -> None:
    hits = index.search(fold("Ilja Sutzkever"), kind="person", folded=True, budget=RESOLVE)
    assert hits and PEOPLE[hits[0].entity_id] == "Ilya Sutskever"
    assert hits[0].score >= 80


def test_empty_and_symbol_queries(index: NameIndex) -> None:
    assert index.search("") == []
    assert index.search("  ...  ") == []
    assert index.search("zzzzqqq") == [] or index.search("zzzzqqq")[0].score < 60


def test_person_key_is_order_free_and_accent_folded() -> None:
    assert person_key("Song Yang") == person_key("Yang Song")
    assert person_key("Karén Simonyan") == person_key("karen  SIMONYAN")
    assert person_key("Zhao Shengjia") == person_key("Shengjia Zhao")
