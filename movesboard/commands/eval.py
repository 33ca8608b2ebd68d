"""`movesboard eval CORPUS_DIR`: score the whole pipeline against an annotated corpus.

The corpus's articles are ingested into a fresh temporary database (or --db),
exactly as `movesboard ingest` would, then what the database holds per article
is scored against CORPUS_DIR/gold.jsonl (format: tests/corpus/shared/FORMAT.md).
So the figures cover extraction, storage and identity resolution together.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from movesboard.console import say, warn

if TYPE_CHECKING:
    from movesboard.evaluation import ArticlePrediction
    from movesboard.models.db import Database

NAME = "eval"


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        NAME,
        parents=parents,
        help="score extraction against an annotated corpus (gold.jsonl)",
        description=(
            "Ingests CORPUS_DIR's articles into a fresh temporary database (or --db), and "
            "scores the stored moves and people against CORPUS_DIR/gold.jsonl: move precision, "
            "recall and F1 per language and overall, from- and date-accuracy of matched moves, "
            "non-mover false positives, people found once, fragmented and spurious."
        ),
    )
    parser.add_argument("corpus", metavar="CORPUS_DIR")
    parser.add_argument("--show", action="store_true", help="list every miss and every extra")
    parser.add_argument(
        "--min-f1", type=float, metavar="X", help="exit 1 when the overall move F1 is below X"
    )


def run(db: str | None, args: argparse.Namespace) -> int:
    from movesboard.evaluation import load_gold, score
    from movesboard.models.db import Database

    corpus = Path(args.corpus)
    if not (corpus / "gold.jsonl").is_file():
        warn(f"movesboard: {corpus}: no gold.jsonl in this folder")
        return 2
    gold = load_gold(corpus)
    with tempfile.TemporaryDirectory(prefix="movesboard-eval-") as scratch:
        database = Database.open(db or str(Path(scratch) / "eval.db"))
        try:
            failures = _ingest(database, corpus, gold)
            report = score(gold, predictions(database))
        finally:
            database.dispose()
    for failure in failures:
        warn(f"error: {failure}")
    say(report.format(show=args.show), lines=True)
    if args.min_f1 is not None and report.overall.f1 < args.min_f1:
        warn(f"move F1 {report.overall.f1:.3f} is below the floor {args.min_f1}")
        return 1
    return 1 if failures else 0


def _ingest(database: Database, corpus: Path, gold: list[dict]) -> list[str]:
    """Ingest the corpus files gold.jsonl names; gold's publication date fills a gap."""
    import datetime as dt

    from movesboard.ingest import read_text_article
    from movesboard.pipeline import ingest_all

    def read(path: Path, published: dt.date | None, language: str | None):
        doc = read_text_article(path)
        # The seeds carry their metadata outside the file (as seeds/manifest.toml does):
        # gold.jsonl fills what the file leaves out.
        return replace(doc, published=doc.published or published, language=doc.language or language)

    readers = []
    for entry in gold:
        path = corpus / entry["file"]
        published = dt.date.fromisoformat(entry["published"]) if entry.get("published") else None
        readers.append((path, partial(read, path, published, entry.get("language"))))
    return ingest_all(database, readers).errors


def predictions(database: Database) -> dict[str, ArticlePrediction]:
    """What the database holds, per article file: counted moves and the people named."""
    from sqlmodel import col, select

    from movesboard.evaluation import ArticlePrediction
    from movesboard.models import queries
    from movesboard.models.tables import Article, Mention, Person

    with database.session() as session:
        files = {a.id: Path(a.source).name for a in session.exec(select(Article)).all()}
        result = {file: ArticlePrediction() for file in files.values()}
        for group in queries.group_moves(session):
            result[files[group.article_id]].group_moves.append(
                {"count": group.count, "from": group.from_orgs, "to": group.to_org}
            )
        for move in queries.timeline(session, limit=None, repeats=True):  # per article
            result[files[move.article_id]].moves.append(
                {
                    "person": move.person,
                    "from": move.from_org,
                    "to": move.to_org,
                    "date": move.date,
                    "role": move.role,
                    "evidence": move.evidence,
                }
            )
        forms: dict[tuple[int, int], dict[str, None]] = {}
        names: dict[int, str] = {}
        for article_id, root_id, root_name, text in session.exec(
            select(Mention.article_id, queries.ROOT_ID, Person.name, Mention.text)
            .join(Person, col(Person.id) == Mention.person_id)
            .order_by(Mention.id)
        ).all():
            root = session.get(Person, root_id)
            names[root_id] = root.name if root else root_name
            forms.setdefault((article_id, root_id), {})[text] = None
        for (article_id, root_id), texts in forms.items():
            name = names[root_id]
            result[files[article_id]].people.append(
                (name, [text for text in texts if text != name])
            )
    return result
