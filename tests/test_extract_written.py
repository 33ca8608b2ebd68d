"""The written corpus (tests/corpus/written): articles written as a held-out
proxy, scored through the extractor directly.

Floors sit just under the figures reached, so quality can only ratchet up."""

from __future__ import annotations

from pathlib import Path

import pytest

from movesboard.evaluation import Report, evaluate_dirs

WRITTEN = Path(__file__).parent / "corpus" / "written"


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate_dirs(WRITTEN)


def test_move_f1_per_language(report: Report) -> None:
    assert report.by_language["en"].f1 >= 0.99, report.format(show=True)
    assert report.by_language["id"].f1 >= 0.91, report.format(show=True)
    assert report.overall.precision >= 0.99, report.format(show=True)


def test_details_of_matched_moves(report: Report) -> None:
    assert report.from_accuracy >= 0.93
    assert report.date_accuracy >= 0.93


def test_no_non_mover_is_moved(report: Report) -> None:
    assert report.non_mover_fp == 0, report.format(show=True)


def test_people(report: Report) -> None:
    assert report.people_fragmented == 0
    assert report.spurious_rate <= 0.01
