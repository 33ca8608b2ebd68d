"""The organisations gazetteer's wider coverage: sentences of our own where a
listed organisation is found and a move is read with it, and near-misses
where the same word is an ordinary word (or a different organisation)."""

from __future__ import annotations

import pytest
from test_extract_helpers import moves, run

from movesboard.extract.gazetteer import load_gazetteer


def orgs(body: str, lang: str | None = None) -> dict[str, str | None]:
    return {o.name: o.parent for o in run(body, lang).organizations}


# (sentence, language, expected moves): each names organisations added to the
# gazetteer, in the languages whose news names them.
MOVES = [
    (
        "Priya Nair has left Statsig to join Airtable as head of growth.",
        "en",
        {("Priya Nair", "Statsig", "Airtable")},
    ),
    (
        "Tomas Berg, who ran product at Slack, has joined Airtable Inc. as its COO.",
        "en",
        {("Tomas Berg", "Slack", "Airtable")},
    ),
    (
        "Mark Lee joined Magic Leap from Google in May.",
        "en",
        {("Mark Lee", "Google", "Magic Leap")},
    ),
    ("Mark Lee joined Magic.dev from Google in May.", "en", {("Mark Lee", "Google", "Magic.dev")}),
    (
        "Hana Sato left Preferred Networks to join Sakana in Tokyo.",
        "en",
        {("Hana Sato", "Preferred Networks", "Sakana AI")},
    ),
    (
        "Kim Min-jun has joined Samsung Research from Naver.",
        "en",
        {("Kim Min-jun", "Naver", "Samsung Research")},
    ),
    ("Sofia Reyes joined Sesame AI from Meta.", "en", {("Sofia Reyes", "Meta", "Sesame")}),
    (
        "Ana Costa deixou a Mozilla e se juntou à Lepton AI.",
        "pt",
        {("Ana Costa", "Mozilla", "Lepton AI")},
    ),
    (
        "Budi Santoso hengkang dari Tokopedia dan bergabung dengan Grab sebagai kepala teknologi.",
        "id",
        {("Budi Santoso", "Tokopedia", "Grab")},
    ),
    (
        "Rina Wijaya, mantan eksekutif Shopee, kini bergabung dengan GoTo.",
        "id",
        {("Rina Wijaya", "Shopee", "GoTo")},
    ),
    (
        "前腾讯AI Lab研究员王浩已加入快手，担任首席科学家。",
        "zh",
        {("王浩", "Tencent AI Lab", "Kuaishou")},
    ),
    ("原字节Seed研究员李明已加入阿里巴巴。", "zh", {("李明", "ByteDance Seed", "Alibaba")}),
    (
        "Jonas Weber wechselt von Aleph Alpha zu Black Forest Labs.",
        "de",
        {("Jonas Weber", "Aleph Alpha", "Black Forest Labs")},
    ),
    (
        "Luca Bianchi ha lasciato Artifact per entrare in Anthropic.",
        "it",
        {("Luca Bianchi", "Artifact", "Anthropic")},
    ),
]


@pytest.mark.parametrize(("body", "lang", "expected"), MOVES)
def test_new_organisations_carry_moves(
    body: str, lang: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert moves(body, lang) == expected


def test_units_have_their_parents() -> None:
    got = orgs("Slack, Shopee, Samsung Research, Tencent AI Lab and Gojek all hired.")
    assert got["Slack"] == "Salesforce"
    assert got["Shopee"] == "Sea Limited"
    assert got["Samsung Research"] == "Samsung"
    assert got["Tencent AI Lab"] == "Tencent"
    assert got["Gojek"] == "GoTo"
    assert orgs("原字节Seed团队。", "zh") == {"ByteDance Seed": "ByteDance"}


def test_corporate_suffixes_name_the_organisation() -> None:
    assert moves("John Hale has joined Cohere Inc. from Meta Platforms Inc.") == {
        ("John Hale", "Meta", "Cohere")
    }
    assert moves("Bea Lund left Safe Superintelligence Inc. to join Mozilla Corp. in May.") == {
        ("Bea Lund", "Safe Superintelligence", "Mozilla")
    }


def test_longer_names_win_over_a_shorter_one() -> None:
    # "Magic Leap" is not the coding lab, "Sesame Street" not the voice start-up.
    assert set(orgs("Magic Leap and Sesame Street made news.")) == {"Magic Leap", "Sesame Workshop"}


def test_common_words_are_not_organisations() -> None:
    # Lowercase, the words are words; capitalised at a sentence start they may
    # be read as the organisation, but no move is made of them.
    assert orgs("They grab a coffee, cut some slack and swap an artifact.") == {}
    assert moves("Artifact of a bygone era, the memo resurfaced.") == set()
    # Deliberately absent: bare forms that are words or given names elsewhere.
    gaz = load_gazetteer()
    for word in ("Magic", "Seed", "Sea", "Moonshot", "Didi", "io", "Harvey"):
        assert gaz.lookup(word) is None, word
