"""Extraction quality through the whole pipeline, with floors that only ratchet up.

The repo's copy of the annotated corpus (tests/corpus/) is ingested into a
fresh database and scored exactly as `movesboard eval` does. Raise a floor
when quality improves; never lower one to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from movesboard.cli import main
from movesboard.commands.eval import _ingest, predictions
from movesboard.evaluation import Report, load_gold, score
from movesboard.models.db import Database

CORPUS = Path(__file__).parent / "corpus"

# corpus -> (F1 floor per language, from-accuracy, date-accuracy)
FLOORS = {
    "shared": ({"en": 0.96, "id": 0.92}, 0.95, 0.97),
    "seeds": ({"en": 1.0, "id": 1.0}, 1.0, 1.0),
    "written": ({"en": 1.0, "id": 1.0}, 0.95, 0.95),
    # Corpus 2: articles written after real pages, nine languages (issue 10's
    # practice set; its targets are 0.85 overall and 0.75 per language).
    "corpus2": (
        {
            "de": 0.90,
            "en": 0.89,
            "es": 0.90,
            "fr": 0.87,
            "id": 0.91,
            "it": 0.85,
            "pt": 0.95,
            "zh": 0.95,
            "zh-Hant": 0.88,
        },
        0.88,
        0.86,
    ),
}
OVERALL_FLOORS = {"corpus2": 0.90}
# Moves found for people an article says did not move (the policy: at most one per
# ten articles; held at what the engine does today).
NON_MOVER_LIMITS = {"corpus2": 1}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    corpus = CORPUS / request.param
    database = Database.open(str(tmp_path_factory.mktemp("eval") / "eval.db"))
    gold = load_gold(corpus)
    assert _ingest(database, corpus, gold) == []
    result = score(gold, predictions(database))
    database.dispose()
    return request.param, result


def test_move_f1_per_language(report: tuple[str, Report]) -> None:
    name, result = report
    floors, _, _ = FLOORS[name]
    for language, floor in floors.items():
        assert result.by_language[language].f1 >= floor, result.format(show=True)


def test_from_and_date_accuracy(report: tuple[str, Report]) -> None:
    name, result = report
    _, from_floor, date_floor = FLOORS[name]
    assert result.from_accuracy >= from_floor, result.format(show=True)
    assert result.date_accuracy >= date_floor, result.format(show=True)


def test_overall_move_f1(report: tuple[str, Report]) -> None:
    name, result = report
    assert result.overall.f1 >= OVERALL_FLOORS.get(name, 0.0), result.format(show=True)


def test_non_mover_false_positives(report: tuple[str, Report]) -> None:
    name, result = report
    assert result.non_mover_fp <= NON_MOVER_LIMITS.get(name, 0), result.format(show=True)


def test_people_are_whole_and_real(report: tuple[str, Report]) -> None:
    result = report[1]
    assert result.people_fragmented == 0, result.format(show=True)
    assert result.spurious_rate <= 0.05, result.format(show=True)


def test_eval_command_reports_and_enforces_its_floor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(CORPUS / "seeds"), "--min-f1", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "from-accuracy" in out and "fragmented" in out
    assert main(["eval", str(CORPUS / "seeds"), "--min-f1", "1.01"]) == 1
    assert "below the floor" in capsys.readouterr().err


def test_eval_needs_a_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path)]) == 2
    assert "no gold.jsonl" in capsys.readouterr().err
