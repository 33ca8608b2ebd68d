"""FORMAT.md scoring, on hand-made gold and predictions."""

from __future__ import annotations

from pathlib import Path

from movesboard.evaluation import ArticlePrediction, load_gold, read_article, score

GOLD = [
    {
        "file": "a.txt",
        "language": "en",
        "published": "2025-07-01",
        "moves": [
            {
                "person": "Yang Song",
                "from": "OpenAI",
                "to": "Meta Superintelligence Labs",
                "from_alt": [],
                "to_alt": ["Meta", "MSL"],
                "date": "2025-09",
                "role": None,
                "evidence": "...",
            },
            {
                "person": "Karén Simonyan",
                "from": "DeepMind",
                "to": "Inflection AI",
                "from_alt": ["Google DeepMind"],
                "to_alt": [],
                "date": None,
                "role": None,
                "evidence": "...",
            },
            {
                "person": "Ann Lee",
                "from": "Apple",
                "to": None,
                "from_alt": [],
                "to_alt": [],
                "date": "2024",
                "role": None,
                "evidence": "...",
            },
        ],
        "group_moves": [{"count": 4, "from": ["Tesla", "xAI"], "to": "OpenAI"}],
        "people": [
            {"name": "Yang Song", "mentions": ["Song"]},
            {"name": "Karén Simonyan", "mentions": ["Karen Simonyan", "Simonyan"]},
            {"name": "Ann Lee", "mentions": ["Lee"]},
            {"name": "Sam Altman", "mentions": ["Altman"]},
        ],
        "organizations": [],
        "non_movers": ["Sam Altman", "Noise Person"],
    }
]


def mv(person: str, frm: str | None, to: str | None, date: str | None = None) -> dict[str, object]:
    return {"person": person, "from": frm, "to": to, "date": date, "role": None, "evidence": "x"}


def test_matching_by_mentions_alternatives_and_nulls() -> None:
    pred = ArticlePrediction(
        moves=[
            mv("Song", "OpenAI", "msl", "2025-09-12"),  # mention + to_alt, finer date
            mv("karen simonyan", "Google DeepMind", "Inflection AI"),  # accents, from_alt
            mv("Ann Lee", "Apple", None, "2023"),
        ],  # null to matches null; wrong date
        people=[("Yang Song", ["Song"]), ("Karén Simonyan", ["Simonyan"]), ("Ann Lee", [])],
    )
    rep = score(GOLD, {"a.txt": pred})
    assert (rep.overall.gold, rep.overall.predicted, rep.overall.matched) == (3, 3, 3)
    assert rep.overall.f1 == 1.0
    assert rep.from_correct == 3
    assert rep.date_correct == 2  # 2025-09-12 agrees at month precision; 2023 != 2024
    assert rep.by_language["en"].precision == 1.0


def test_each_gold_move_matches_once_and_non_movers_counted() -> None:
    pred = ArticlePrediction(
        moves=[
            mv("Yang Song", None, "Meta"),
            mv("Yang Song", None, "Meta"),
            mv("Altman", "OpenAI", "Meta"),
        ]
    )
    rep = score(GOLD, {"a.txt": pred})
    assert rep.overall.matched == 1
    assert rep.overall.predicted == 3
    assert rep.non_mover_fp == 1
    assert rep.from_correct == 0
    assert len(rep.misses) == 2 and len(rep.extras) == 2
    text = rep.format(show=True)
    assert "MISS  a.txt: Karén Simonyan" in text and "NON-MOVER a.txt: Altman" in text


def test_people_found_fragmented_spurious() -> None:
    pred = ArticlePrediction(
        people=[
            ("Yang Song", ["Song"]),  # found once, surname attached
            ("Karén Simonyan", []),
            ("Simonyan", []),  # fragmented
            ("Ann Lee", []),  # found, but surname "Lee" missing: not counted as found once
            ("Sam Altman", []),  # gold person, surname "Altman" not attached
            ("Noise Person", []),  # a non-mover: not spurious
            ("The Drama", []),  # spurious
        ]
    )
    rep = score(GOLD, {"a.txt": pred})
    assert rep.people_gold == 4
    assert rep.people_found_once == 1  # Yang Song (Ann Lee and Sam Altman lack their surnames)
    assert rep.people_fragmented == 1
    assert rep.people_spurious == 1
    assert rep.people_predicted == 7


def test_group_moves_bonus_and_empty_prediction() -> None:
    rep = score(
        GOLD,
        {"a.txt": ArticlePrediction(group_moves=[{"count": 4, "from": ["xAI"], "to": "OpenAI"}])},
    )
    assert (rep.groups_found, rep.groups_gold) == (1, 1)
    rep = score(GOLD, {})
    assert rep.overall.recall == 0.0 and rep.overall.precision == 1.0


def test_load_gold_and_front_matter(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('{"file": "x.txt", "moves": []}\n\n', "utf-8")
    assert load_gold(tmp_path) == [{"file": "x.txt", "moves": []}]
    art = tmp_path / "x.txt"
    art.write_text("---\ntitle: T: with colon\npublished: 2025-01-02\n---\nBody line.\n", "utf-8")
    meta, body = read_article(art)
    assert meta == {"title": "T: with colon", "published": "2025-01-02"}
    assert body == "Body line."  # as ingest reads it
    art.write_text("\n\nHeadline here\nBody.\n", "utf-8")
    meta, body = read_article(art)
    assert meta == {"title": "Headline here"} and body == "Body."


def test_group_moves_accept_the_articles_parent_child_pairs() -> None:
    gold = [
        {
            "file": "a.txt",
            "language": "en",
            "moves": [],
            "group_moves": [
                {"count": 3, "from": ["Inflection AI"], "to": "Microsoft AI"},
                {"count": None, "from": ["OpenAI"], "to": "Meta"},
            ],
            "organizations": [{"name": "Microsoft AI", "parent": "Microsoft"}],
        }
    ]
    parent = {"count": None, "from": ["Inflection AI"], "to": "Microsoft"}
    departure = {"count": None, "from": ["OpenAI"], "to": None}
    report = score(gold, {"a.txt": ArticlePrediction(group_moves=[parent, departure])})
    assert (report.groups_found, report.groups_gold) == (1, 2)  # a departure is not "to Meta"
