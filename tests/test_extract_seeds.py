"""The two seed articles: the moves milestone 1 asked for, with evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from movesboard.evaluation import read_article
from movesboard.extract import Extraction, extract

SEEDS = Path(__file__).parent / "corpus" / "seeds"


@pytest.fixture(scope="module")
def en() -> tuple[str, Extraction]:
    meta, body = read_article(SEEDS / "000_f00bfcd6e123efef.txt")
    return body, extract(body, title=meta["title"], published=dt.date(2025, 7, 16))


@pytest.fixture(scope="module")
def id_() -> tuple[str, Extraction]:
    meta, body = read_article(SEEDS / "004_c8c79002a466a9d2.txt")
    return body, extract(body, title=meta["title"], published=dt.date(2025, 9, 25))


def _moves(ex: Extraction) -> dict[tuple[str, str | None], str | None]:
    return {(m.person, m.to_org): m.from_org for m in ex.moves if m.modality.counts}


def test_english_seed_moves(en: tuple[str, Extraction]) -> None:
    body, ex = en
    assert ex.language == "en"
    got = _moves(ex)
    assert got[("Jason Wei", "Meta")] == "OpenAI"
    assert got[("Hyung Won Chung", "Meta")] == "OpenAI"
    for m in ex.moves:
        assert body[m.evidence_start : m.evidence_start + len(m.evidence)] == m.evidence


def test_indonesian_seed_moves(id_: tuple[str, Extraction]) -> None:
    body, ex = id_
    assert ex.language == "id"
    got = _moves(ex)
    assert got[("Yang Song", "Meta Superintelligence Labs")] == "OpenAI"
    assert got[("Shengjia Zhao", "Meta Superintelligence Labs")] == "OpenAI"
    assert got[("Aurko Roy", "Microsoft AI")] == "Meta"
    for m in ex.moves:
        assert body[m.evidence_start : m.evidence_start + len(m.evidence)] == m.evidence


def test_surnames_attach_to_full_names(
    en: tuple[str, Extraction], id_: tuple[str, Extraction]
) -> None:
    names_en = {p.name: p.aliases for p in en[1].people}
    names_id = {p.name: p.aliases for p in id_[1].people}
    assert "Wei" in names_en["Jason Wei"] and "Chung" in names_en["Hyung Won Chung"]
    assert "Song" in names_id["Yang Song"] and "Zhao" in names_id["Shengjia Zhao"]
    for fake in (
        "Song",
        "Zhao",
        "Wei",
        "Chung",
        "The Unfolding Drama",
        "Universitas Tsinghua",
        "A Challenging Landscape",
        "Unfolding Drama",
        "Challenging Landscape",
    ):
        assert fake not in names_en and fake not in names_id


def test_noise_headline_yields_no_people(id_: tuple[str, Extraction]) -> None:
    names = {p.name for p in id_[1].people}
    assert not names & {"DJ Bravy", "Erika Carlina", "Ashanty", "Bravy Erika Carlina"}
    assert all("Ashanty" not in m.person for m in id_[1].moves)


def test_organisations_canonical_with_parents(id_: tuple[str, Extraction]) -> None:
    orgs = {o.name: o.parent for o in id_[1].organizations}
    assert orgs["Meta Superintelligence Labs"] == "Meta"
    assert orgs["Microsoft AI"] == "Microsoft"
    assert orgs["Facebook AI Research"] == "Meta"
    msl = next(o for o in id_[1].organizations if o.name == "Meta Superintelligence Labs")
    assert "MSL" in msl.aliases
