"""The annotated corpus copies, scored through the extractor directly.

Floors sit just under the figures reached, so quality can only ratchet up."""

from __future__ import annotations

from pathlib import Path

import pytest

from movesboard.evaluation import Report, evaluate_dirs

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate_dirs(CORPUS / "shared", CORPUS / "seeds")


def test_move_f1_per_language(report: Report) -> None:
    assert report.by_language["en"].f1 >= 0.96
    assert report.by_language["id"].f1 >= 0.92
    assert report.overall.precision >= 0.98


def test_details_of_matched_moves(report: Report) -> None:
    assert report.from_accuracy >= 0.96
    assert report.date_accuracy >= 0.99


def test_no_non_mover_is_moved(report: Report) -> None:
    assert report.non_mover_fp == 0, report.format(show=True)


def test_people(report: Report) -> None:
    assert report.people_fragmented == 0
    assert report.spurious_rate <= 0.02
    assert report.people_found_once / report.people_gold >= 0.97
