"""A huge article costs in proportion to its size: no stage of `extract()` may
compare every mention, sentence or move with every other one.

Cost is counted, not timed: cProfile's count of function calls repeats
exactly from run to run, whatever the machine's load.  Four times the text
makes about four times the calls when extraction is linear, sixteen times
when it is quadratic; the bound sits well between.  (Wall-clock figures come
from benchmarks/bench_large.py.)
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import random
from pathlib import Path

import pytest

from movesboard.evaluation import read_article
from movesboard.extract import extract

CORPUS = Path(__file__).parent / "corpus"
PUBLISHED = dt.date(2025, 7, 1)
SMALL = 48 * 1024
# Linear code stays under about 4.5 (a fixed cost per call weighs on the small
# text only); the quadratic code this guards against made 9 to 15.
MAX_GROWTH = 6.0


def _english_bodies() -> list[str]:
    bodies = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        meta, body = read_article(path)
        if meta.get("language") == "en":
            bodies.append(body)
    return bodies


def _fill(pieces: list[str], size: int) -> str:
    """`pieces` repeated as paragraphs until the text reaches `size` characters."""
    out: list[str] = []
    total = 0
    while total < size:
        for piece in pieces:
            out.append(piece)
            total += len(piece) + 2
            if total >= size:
                break
    return "\n\n".join(out)


def _articles(size: int) -> str:
    """The English corpus articles, one after another: a very long article."""
    return _fill(_english_bodies(), size)


_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sa",
    "tor",
    "vel",
    "du",
    "an",
    "ish",
    "or",
    "bel",
    "nu",
    "ria",
    "hal",
    "zen",
]
_ORGS = ["OpenAI", "Google DeepMind", "Anthropic", "Meta", "Microsoft", "Apple"]


def _names(size: int) -> str:
    """Sentences naming people who are nearly all different, with moves."""
    rng = random.Random(5)

    def name() -> str:
        return " ".join(
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randrange(2, 4))).title()
            for _ in range(2)
        )

    sentences = []
    for _ in range(size // 40):
        a_org, b_org = rng.sample(_ORGS, 2)
        sentences.append(
            rng.choice(
                [
                    f"{name()}, a researcher at {a_org}, joined {b_org}, said {name()}.",
                    f"{name()} and {name()} left {a_org} for {b_org}.",
                    f"Also on the team are {name()}, {name()} and {name()}.",
                ]
            )
        )
    return _fill([" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)], size)


def _calls(text: str) -> int:
    """Function calls one `extract()` of `text` makes: a deterministic cost."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        extract(text, published=PUBLISHED, language="en")
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("make", [_articles, _names], ids=["articles", "names"])
def test_extraction_cost_grows_linearly_with_the_text(make):
    extract(make(4096), published=PUBLISHED, language="en")  # compile the pack first
    small, large = make(SMALL), make(4 * SMALL)
    growth = _calls(large) / _calls(small)
    assert growth < MAX_GROWTH, f"4x the text made {growth:.1f}x the work"


def test_an_article_file_too_big_to_extract_quickly_is_one_error_line(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The size cap is what extraction does in a second or two (1 MiB): a
    bigger file is refused with its name and size, and the others go on."""
    from movesboard.cli import main

    good = tmp_path / "good.txt"
    good.write_text("Lab news\n\nAda Lovelace has joined Beta Corp.\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("Big\n\n" + _articles(1536 * 1024), encoding="utf-8")
    code = main(["--db", str(db_path), "ingest", str(good), str(big)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("2 articles: 1 new, 0 unchanged, 1 failed;")
    (line,) = err.strip().splitlines()
    assert str(big) in line and "too large" in line and "KiB" in line and "limit 1 MiB" in line


def test_a_page_whose_text_is_too_long_to_extract_quickly_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A saved page may hold 5 MiB of markup; over a mebibyte of text is refused
    before extraction, named, and the other sources go on."""
    from movesboard.cli import main

    paragraph = "<p>" + "Ada Lovelace has joined Beta Corp from Alpha Labs. " * 40 + "</p>\n"
    page = tmp_path / "huge.html"
    varied = "".join(  # distinct paragraphs: an extractor may drop repeated ones
        f"<p>Part {i}: " + f"Researcher {i} has joined Beta Corp from Alpha Labs. " * 40 + "</p>\n"
        for i in range(600)
    )
    page.write_text(
        "<html><head><title>Huge</title></head><body><article>"
        + varied
        + "</article></body></html>",
        encoding="utf-8",
    )
    small = tmp_path / "small.html"
    small.write_text(
        "<html><head><title>Small</title></head><body><article>"
        + paragraph
        + "</article></body></html>",
        encoding="utf-8",
    )
    code = main(["--db", str(tmp_path / "t.db"), "ingest", str(page), str(small)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "huge.html: article text too long" in err
    assert "1 new" in out
