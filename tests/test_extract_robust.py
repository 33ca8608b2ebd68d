"""Arbitrary text never crashes extraction, and every move carries its evidence."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movesboard.extract import SUPPORTED_LANGUAGES, detect_language, extract

FRAGMENTS = [
    "Jane Roe has joined OpenAI from Google.",
    "Budi Santoso bergabung dengan Meta.",
    "[bold]Meta[/bold]",
    "<p>Anthropic</p>",
    "\x00\x07\x1b[31m",
    "Read also: ",
    "BACA JUGA:",
    "He left.",
    "ia kembali ke",
    "（東京）",
    "Москва",
    "عربى",
    "🙂",
    "\r\n",
    "\t",
    "...",
    "(7/5/2025)",
    "last July",
    "Juli lalu",
    "Mr. X. Y.",
    "O'Neil",
    "—",
    "’s",
    "Dr.",
]


def _check(body: str, published: dt.date | None, language: str | None) -> None:
    ex = extract(body, published=published, language=language)
    assert ex.language in SUPPORTED_LANGUAGES
    for m in ex.moves:
        assert m.evidence
        assert body[m.evidence_start : m.evidence_start + len(m.evidence)] == m.evidence
        assert m.person
        # A move names an organisation, or is a stated departure whose origin the
        # article does not name ("Jane Roe resigned on Friday").
        assert m.to_org is not None or m.from_org is not None or m.modality.counts
        # Every move refers to entities the extraction lists (storage relies on it).
        assert m.person in {p.name for p in ex.people}
        assert {m.from_org, m.to_org} - {None} <= {o.name for o in ex.organizations}
    for g in ex.group_moves:
        assert body[g.evidence_start : g.evidence_start + len(g.evidence)] == g.evidence
    for p in ex.people:
        for mn in p.mentions:
            assert body[mn.start : mn.end] == mn.text
    for o in ex.organizations:
        for mn in o.mentions:
            assert body[mn.start : mn.end] == mn.text


texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=20).map("".join),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts,
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))),
    st.sampled_from([None, "en", "id", "xx"]),
)
def test_arbitrary_text(body: str, published: dt.date | None, language: str | None) -> None:
    _check(body, published, language)


def test_edge_cases() -> None:
    for body in (
        "",
        " ",
        "\n\n\n",
        "A",
        "Meta",
        "." * 1000,
        "Jane Roe has joined OpenAI. " * 2000,
        "İstanbul’da Jane Roe has joined OpenAI.",
        "ǅ ǈ ǋ",
    ):
        _check(body, dt.date(2025, 1, 1), None)
    assert detect_language("") == "en"
    assert detect_language("Ia bergabung dengan perusahaan itu pada bulan lalu.") == "id"
    assert detect_language("She has joined the company and will lead its team.") == "en"
