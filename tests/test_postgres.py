"""The whole pipeline on PostgreSQL: ingest a corpus, decide, rebuild.

The `postgres` fixture (tests/conftest.py, tests/pg_server.py) gives a fresh
migrated database on the suite's PostgreSQL server; without one this skips
(and fails under MOVESBOARD_REQUIRE_POSTGRES=1, as in CI). Most storage,
identity and dashboard tests run on both engines through the `database` and
`tui_fixture_any_engine` fixtures.
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
