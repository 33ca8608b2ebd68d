"""Shared helpers for the extraction tests (holds no tests itself)."""

from __future__ import annotations

import datetime as dt

from movesboard.extract import Extraction, extract

PUB = dt.date(2025, 3, 14)  # a Friday


def run(body: str, language: str | None = None, published: dt.date | None = PUB) -> Extraction:
    return extract(body, published=published, language=language)


def moves(
    body: str, language: str | None = None, published: dt.date | None = PUB, counting: bool = True
) -> set[tuple[str, str | None, str | None]]:
    """(person, from, to) of the moves that count (stated/reported)."""
    ex = run(body, language, published)
    return {(m.person, m.from_org, m.to_org) for m in ex.moves if m.modality.counts or not counting}


def one_move(body: str, language: str | None = None, published: dt.date | None = PUB):  # type: ignore[no-untyped-def]
    ex = run(body, language, published)
    counted = [m for m in ex.moves if m.modality.counts]
    assert len(counted) == 1, [(m.person, m.from_org, m.to_org, m.modality) for m in ex.moves]
    return counted[0]


def people(body: str, language: str | None = None) -> dict[str, list[str]]:
    return {p.name: p.aliases for p in run(body, language).people}
