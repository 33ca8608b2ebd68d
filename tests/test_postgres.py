"""The same pipeline on PostgreSQL, when a server is at hand.

Set MOVESBOARD_TEST_POSTGRES to a SQLAlchemy URL of an empty, disposable
database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/mb_test) and
install the driver (pip install -e '.[postgres]'); otherwise this is skipped.
The `postgres` fixture (tests/conftest.py) empties and migrates that database;
other test files opt in to PostgreSQL by taking it too.
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "shared"


def test_ingest_identity_decisions_and_rebuild(postgres) -> None:  # type: ignore[no-untyped-def]
    from movesboard.models import decisions, queries
    from movesboard.models.lookup import lookup
    from movesboard.pipeline import ingest_paths
    from movesboard.rebuild import rebuild

    summary = ingest_paths(postgres, [CORPUS])
    assert summary.failed == 0 and summary.moves > 50
    with postgres.session() as session:
        before = queries.totals(session)
        assert lookup(session, "karpaty")[0].name == "Andrej Karpathy"
        karpathy = decisions.find_person(session, "Andrej Karpathy")
        decisions.rename_person(session, karpathy, "Andrej Karpathy (Eureka)")
    result = rebuild(postgres)
    assert result.decisions == 1
    with postgres.session() as session:
        assert queries.totals(session) == before
        assert decisions.find_person(session, "Andrej Karpathy").name == "Andrej Karpathy (Eureka)"
