"""Issue 11: storing an article must not cost more as the clusters it names grow.

Deterministic, not timed: the work is counted as SQL statements and SQLite VM
steps (a progress handler) while one article is stored, for the 20th and the
200th article of one growing cluster. The whole-article test is a strict
xfail: it records what is still open and fails (XPASS) once that is fixed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from movesboard.extract.types import Extraction, Mention, OrgEntity, PersonEntity
from movesboard.ingest.document import ArticleDoc
from movesboard.models.alias_index import AliasIndex
from movesboard.models.db import Database
from movesboard.models.identity import Resolver
from movesboard.models.store import store_article
from movesboard.models.tables import Person

STEP = 100  # VM instructions per progress callback


class Work:
    """Statements and VM steps run on an engine while counting is on."""

    def __init__(self, database: Database) -> None:
        self.counting = False
        self.statements: Counter[str] = Counter()
        self.steps = 0
        event.listen(database.engine, "before_cursor_execute", self._before)

    def _before(self, connection, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if not self.counting:
            return
        raw = connection.connection.dbapi_connection
        raw.set_progress_handler(self._step, STEP)
        # SQLite's own trace: it sees the statements run through the driver's
        # cursor too (name_keys.Cursor), which SQLAlchemy's events do not.
        raw.set_trace_callback(self._trace)

    def _trace(self, statement: str) -> None:
        if self.counting:
            self.statements[" ".join(statement.split())] += 1

    def _step(self) -> int:
        if self.counting:
            self.steps += 1
        return 0  # go on

    def reset(self) -> None:
        self.statements.clear()
        self.steps = 0


def _article(number: int) -> tuple[ArticleDoc, Extraction]:
    """An article naming Yang Song (in turns as Song Yang) at OpenAI beside Jiaming Song."""
    name = "Yang Song" if number % 2 else "Song Yang"
    body = f"{name} joined OpenAI with Jiaming Song. Report {number}."
    at, org_at = body.index("Jiaming"), body.index("OpenAI")
    extraction = Extraction(
        language="en",
        people=[
            PersonEntity(name, [Mention(name, 0, len(name))]),
            PersonEntity("Jiaming Song", [Mention("Jiaming Song", at, at + 12)]),
        ],
        organizations=[OrgEntity("OpenAI", mentions=[Mention("OpenAI", org_at, org_at + 6)])],
    )
    return ArticleDoc(source=f"feed#{number}", title=f"Report {number}", body=body), extraction


def _store(database: Database, names: AliasIndex, number: int) -> None:
    doc, extraction = _article(number)
    with database.session() as session:
        assert store_article(session, doc, extraction, names).created


@pytest.fixture
def growing(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = Database.open(str(tmp_path / "cluster.db"))
    yield database, AliasIndex(), Work(database)
    database.dispose()


def _work_of(database: Database, names: AliasIndex, work: Work, number: int) -> Work:
    work.reset()
    work.counting = True
    try:
        _store(database, names, number)
    finally:
        work.counting = False
    return work


def test_each_candidate_cluster_is_read_once_per_name(growing) -> None:  # type: ignore[no-untyped-def]
    database, names, work = growing
    for number in range(3):
        _store(database, names, number)
    _work_of(database, names, work, 3)
    # What the cluster is tied to (organisations and colleagues, in one
    # statement): one read per name, not one to rank the candidates and one
    # more to decide, and never the cluster's articles themselves.
    reads: Counter[str] = Counter()
    for statement, n in work.statements.items():
        if statement.startswith("SELECT") and "FROM clustertie" in statement:
            reads["ties"] += n
        elif statement.startswith("SELECT") and "JOIN mention" in statement:
            reads["articles"] += n
    assert reads == {"ties": 2}  # two names in the article, one read each
    with database.session() as session:
        yang = session.exec(select(Person).where(Person.key == "song yang")).all()
        assert len({atom.merged_into_id or atom.id for atom in yang}) == 1


def test_storing_an_article_costs_the_same_however_large_its_cluster(growing) -> None:  # type: ignore[no-untyped-def]
    database, names, work = growing
    steps: dict[int, int] = {}
    for number in range(200):
        if number in (19, 199):
            steps[number] = _work_of(database, names, work, number).steps
        else:
            _store(database, names, number)
    # Ten times the atoms may cost a little more (deeper B-trees), not ten times.
    assert steps[199] <= steps[19] * 1.5 + 50, steps


def _steps_finding_clusters(database: Database, key: str) -> int:
    """VM steps the resolver spends finding the clusters that carry `key`."""
    with database.session() as session:
        resolver = Resolver(session, AliasIndex(), "probe")
        raw = session.connection().connection.dbapi_connection
        steps = [0]

        def step() -> int:
            steps[0] += 1
            return 0

        raw.set_progress_handler(step, 10)
        try:
            roots = resolver._roots_with_key(key)
        finally:
            raw.set_progress_handler(None, 10)
        assert len(roots) == 1
    return steps[0]


def test_finding_the_clusters_of_a_name_skips_their_atoms(growing) -> None:  # type: ignore[no-untyped-def]
    database, names, _ = growing
    steps: dict[int, int] = {}
    for number in range(200):
        _store(database, names, number)
        if number in (19, 199):
            steps[number] = _steps_finding_clusters(database, "song yang")
    # 20 then 200 atoms of one cluster: the same seeks, not ten times the rows.
    assert steps[199] <= steps[19] + 5, steps
