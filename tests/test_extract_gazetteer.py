"""The organisations gazetteer's wider coverage: sentences of our own where a
listed organisation is found and a move is read with it, and near-misses
where the same word is an ordinary word (or a different organisation)."""

from __future__ import annotations

from pathlib import Path

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
    (
        "Dana Cole left the Pentagon to join Anduril as head of policy.",
        "en",
        {("Dana Cole", "Pentagon", "Anduril")},
    ),
    (
        "Claire Martin quitte la Commission européenne pour rejoindre Mistral AI.",
        "fr",
        {("Claire Martin", "European Commission", "Mistral AI")},
    ),
    (
        "Andi Pratama mundur dari Gedung Putih dan bergabung dengan Danantara.",
        "id",
        {("Andi Pratama", "White House", "Danantara")},
    ),
    (
        "Lena Vogel verlässt das Weiße Haus und wechselt zu Helsing.",
        "de",
        {("Lena Vogel", "White House", "Helsing")},
    ),
    (
        "Marta Ruiz dejó la Casa Blanca para unirse a Accel.",
        "es",
        {("Marta Ruiz", "White House", "Accel")},
    ),
    (
        "前微软亚洲研究院研究员张伟已加入上海人工智能实验室。",
        "zh",
        {("张伟", "Microsoft Research Asia", "Shanghai AI Laboratory")},
    ),
    (
        "Omar Ali, a professor at ETH Zürich, has joined Google DeepMind.",
        "en",
        {("Omar Ali", "ETH Zurich", "Google DeepMind")},
    ),
    (
        "Nina Park joined Kleiner Perkins from Stanford HAI.",
        "en",
        {("Nina Park", "Stanford HAI", "Kleiner Perkins")},
    ),
    (
        "Ravi Kumar, an IIT Bombay graduate, left Infosys to join Sarvam AI.",
        "en",
        {("Ravi Kumar", "Infosys", "Sarvam AI")},
    ),
    (
        "Sam Ortiz told the BBC that he had joined Klarna from Revolut.",
        "en",
        {("Sam Ortiz", "Revolut", "Klarna")},
    ),
    ("前台積電工程師陳志明已加入聯發科。", "zh", {("陳志明", "TSMC", "MediaTek")}),
    (
        "Ana Silva left Epoch AI to join METR as a researcher.",
        "en",
        {("Ana Silva", "Epoch AI", "METR")},
    ),
    (
        "Dewi Lestari keluar dari Bank Mandiri dan bergabung dengan Tiket.com.",
        "id",
        {("Dewi Lestari", "Bank Mandiri", "Tiket.com")},
    ),
    ("Ben Ross left Stability in March.", "en", {("Ben Ross", "Stability AI", None)}),
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
    assert orgs("IIT Bombay and MIT CSAIL.")["IIT Bombay"] == "Indian Institute of Technology"
    assert orgs("MIT CSAIL.")["MIT CSAIL"] == "Massachusetts Institute of Technology"


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
    assert orgs("Financial stability matters, said Ben Ross.") == {}
    assert moves("Artifact of a bygone era, the memo resurfaced.") == set()
    # Deliberately absent: bare forms that are words or given names elsewhere.
    gaz = load_gazetteer()
    for word in (
        "Magic",
        "Seed",
        "Sea",
        "Moonshot",
        "Didi",
        "io",
        "Harvey",
        "Mila",
        "McGill",
        "Discord",
    ):
        assert gaz.lookup(word) is None, word


def test_tickers_and_shouting_are_not_organisations() -> None:
    # Acronyms match only as written: ETH (ether) and an all-caps LINE are no employers.
    assert orgs("ETH and BTC fell sharply on Monday.") == {}
    assert orgs("The bottom LINE is that nobody moved.") == {}


def test_names_that_are_also_people_stay_people() -> None:
    # Forms that are given names or surnames are left out of the gazetteer.
    assert moves("Mila Kunis and Paul Philips have joined OpenAI.") == {
        ("Mila Kunis", None, "OpenAI"),
        ("Paul Philips", None, "OpenAI"),
    }
    # The German tech site is "heise online"; Heise alone is a surname.
    assert moves("Karl Heise left SAP to join Aleph Alpha.", "en") == {
        ("Karl Heise", "SAP", "Aleph Alpha")
    }


def test_bumble_is_an_employer() -> None:
    assert moves("Ben Okafor left Orbital Labs in 2023 to become chief executive of Bumble.") == {
        ("Ben Okafor", "Orbital Labs", "Bumble")
    }
    # The verb "bumble" is no company.
    assert moves("Ben Okafor left Orbital Labs in 2023 to bumble around Europe.") == {
        ("Ben Okafor", "Orbital Labs", None)
    }


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Zuckerberg personally recruited Jane Roe, the former Helix AI chief.", "en"),
        ("Mark Zuckerberg hired Jane Roe, the former Helix AI chief.", "en"),
        ("CEO Mark Zuckerberg merekrut Jane Roe, mantan CEO Helix AI.", "id"),
    ],
)
def test_a_well_known_head_hires_for_the_organisation_they_lead(body: str, lang: str) -> None:
    assert moves(body, lang) == {("Jane Roe", "Helix AI", "Meta")}


def test_a_head_the_gazetteer_does_not_know_hires_for_no_one() -> None:
    assert moves("Reed personally recruited Jane Roe.", "en") == set()
    assert moves("Tom Reed hired Jane Roe.", "en") == set()


def test_a_users_gazetteer_adds_heads(tmp_path: Path) -> None:
    from movesboard.extract import extract

    extra = tmp_path / "orgs.toml"
    extra.write_text('[[org]]\nname = "Zephyr"\nleaders = ["Tom Reed"]\n', encoding="utf-8")
    ex = extract("Tom Reed hired Jane Roe.", language="en", gazetteer=str(extra))
    assert {(m.person, m.to_org) for m in ex.moves} == {("Jane Roe", "Zephyr")}
