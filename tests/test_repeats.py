"""One move reported by several articles is counted once, and each article keeps its report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from movesboard.cli import main
from movesboard.models import decisions, export, queries
from movesboard.models.db import Database
from movesboard.models.repeats import (
    Event,
    Report,
    _events,
    _specificity,
    extend_events,
    mark,
    same_event,
)
from movesboard.models.tables import Move, Organization

ARTICLES = {
    "wire.txt": ("2025-03-04", "Ada Lovelace has joined Beta Corp from Alpha Labs."),
    "daily.txt": ("2025-03-05", "Beta Corp hired Ada Lovelace, formerly of Alpha Labs."),
    # The same two organisations, six years earlier: another move, not a repeat.
    "archive.txt": ("2019-05-02", "Ada Lovelace has joined Beta Corp from Alpha Labs."),
}


def write(folder: Path, articles: dict[str, tuple[str, str]]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, (published, body) in articles.items():
        (folder / name).write_text(
            f"---\ntitle: {name}\npublished: {published}\nlanguage: en\n---\n{body}\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def ingested(database: Database, tmp_path: Path) -> Database:
    """The three articles, ingested through the CLI into a database of each engine."""
    ingest(database, write(tmp_path / "news", ARTICLES))
    return database


def ingest(database: Database, folder: Path) -> None:
    assert main(["--db", database.url, "ingest", str(folder)]) == 0


def test_two_reports_of_one_move_count_once(ingested: Database) -> None:
    with ingested.session() as session:
        moves = queries.timeline(session, limit=None)
        assert [(m.summary(), m.reports) for m in moves] == [
            ("Alpha Labs → Beta Corp", 2),  # 2025: the wire and the daily
            ("Alpha Labs → Beta Corp", 1),  # 2019
        ]
        assert queries.totals(session).moves == 2
        beta = session.exec(select(Organization).where(Organization.name == "Beta Corp")).one()
        assert queries.flow_counts(session, beta.id) == (2, 0)  # type: ignore[arg-type]
        people = queries.people(session)
        assert [(p.name, p.moves) for p in people] == [("Ada Lovelace", 2)]
        # Each article still shows what it reported; evaluation reads every report.
        for article in queries.articles(session):
            detail = queries.article_detail(session, article.id)
            assert detail is not None and len(detail.moves) == 1
            assert article.moves == 1
        assert len(queries.timeline(session, limit=None, repeats=True)) == 3
        # The export has a row per move and says how many articles report it.
        assert [row["reports"] for row in export.records(session, "moves")] == [1, 2]


def test_rejecting_the_primary_report_promotes_the_other(ingested: Database) -> None:
    with ingested.session() as session:
        primary = queries.timeline(session, limit=None)[0]
        decisions.set_move_status(session, session.get(Move, primary.id), "rejected")  # type: ignore[arg-type]
        moves = queries.timeline(session, limit=None)
        assert [m.reports for m in moves] == [1, 1]
        assert primary.id not in {m.id for m in moves}
        assert [m.published.year for m in moves] == [2025, 2019]  # type: ignore[union-attr]
        decisions.undo(session, decisions.last_user_decision(session).id)  # type: ignore[arg-type,union-attr]
        assert [m.reports for m in queries.timeline(session, limit=None)] == [2, 1]


def test_a_split_person_keeps_their_own_move_and_a_merge_joins_them(
    database: Database, tmp_path: Path
) -> None:
    articles = {
        "a.txt": ("2025-03-04", "Ada Lovelace has joined Beta Corp from Alpha Labs."),
        "b.txt": ("2025-03-05", "Augusta Byron has joined Beta Corp from Alpha Labs."),
    }
    ingest(database, write(tmp_path / "two", articles))
    with database.session() as session:
        assert [m.reports for m in queries.timeline(session, limit=None)] == [1, 1]
        ada = decisions.find_person(session, "Ada Lovelace")
        augusta = decisions.find_person(session, "Augusta Byron")
        decisions.merge_people(session, ada, augusta)
        assert [m.reports for m in queries.timeline(session, limit=None)] == [2]
        decisions.split_person(session, ada, "Augusta Byron")
        assert [m.reports for m in queries.timeline(session, limit=None)] == [1, 1]


def test_rebuild_and_a_repeated_mark_change_nothing(ingested: Database) -> None:
    from movesboard.rebuild import rebuild

    with ingested.session() as session:
        before = [(m.summary(), m.date, m.reports) for m in queries.timeline(session, limit=None)]
        assert mark(session) == 0
    rebuild(ingested)
    with ingested.session() as session:
        after = [(m.summary(), m.date, m.reports) for m in queries.timeline(session, limit=None)]
    assert after == before


def report(
    id: int,
    article: int,
    origin: int | None,
    to: int | None,
    date: tuple[int, int] | None = None,
    precision: str | None = "month",
) -> Report:
    day = dt.date(date[0], date[1], 1) if date else None
    return Report(id, 1, article, origin, to, day, precision if date else None, None)


PARENTS = {11: 10}  # 11 (Meta Superintelligence Labs) is part of 10 (Meta)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (report(1, 1, 1, 10, (2025, 7)), report(2, 2, 1, 10, (2025, 8)), True),
        (report(1, 1, 1, 10, (2025, 7)), report(2, 2, None, 11), True),  # part of, no date
        (report(1, 1, 1, 10, (2025, 7)), report(2, 2, 2, 10, (2025, 7)), False),  # other origin
        (report(1, 1, 1, 10, (2025, 1)), report(2, 2, 1, 10, (2025, 7)), False),  # months apart
        (report(1, 1, 1, 10, (2025, 1), "year"), report(2, 2, 1, 10, (2025, 11)), True),
        (report(1, 1, 1, None, (2025, 7)), report(2, 2, 1, None, (2025, 7)), True),  # left
        (report(1, 1, None, None), report(2, 2, None, None), False),  # nothing to compare
        (report(1, 1, 1, 10), report(2, 2, 1, 12), False),  # other destination
    ],
)
def test_same_event(a: Report, b: Report, same: bool) -> None:
    assert same_event(a, b, PARENTS) is same
    assert same_event(b, a, PARENTS) is same


def test_one_article_never_repeats_itself() -> None:
    # Two moves in one article are two facts, however alike.
    groups = _events([report(1, 1, 1, 10, (2025, 7)), report(2, 1, 1, 10, (2025, 7))], PARENTS)
    assert len(groups) == 2


def test_upgrading_an_older_database_marks_its_repeats(ingested: Database) -> None:
    from movesboard.models.migrations import current_revision, downgrade

    downgrade(ingested.engine, "0003")
    assert current_revision(ingested.engine) == "0003"
    ingested.migrate()
    with ingested.session() as session:
        assert [m.reports for m in queries.timeline(session, limit=None)] == [2, 1]


def test_a_rumoured_report_never_hides_a_stated_one(ingested: Database) -> None:
    with ingested.session() as session:
        primary = queries.timeline(session, limit=None)[0]
        move = session.get(Move, primary.id)
        assert move is not None
        move.modality = "rumoured"  # as if that article had only heard it
        session.flush()
        mark(session, [move.person_id])
        moves = queries.timeline(session, limit=None)
        assert [m.reports for m in moves] == [1, 1]
        assert primary.id not in {m.id for m in moves}


def test_a_career_orders_moves_of_one_month_by_when_they_were_reported(
    database: Database, tmp_path: Path
) -> None:
    articles = {  # stored in this order: the return first
        "a.txt": ("2025-07-17", "Maria Lopez has returned to Anthropic from Anysphere."),
        "b.txt": ("2025-07-03", "Maria Lopez has left Anthropic to join Anysphere."),
    }
    ingest(database, write(tmp_path / "career", articles))
    with database.session() as session:
        lopez = decisions.find_person(session, "Maria Lopez")
        career = queries.careers(session, [lopez.id])[lopez.id]  # type: ignore[list-item,index]
        assert [m.summary() for m in career] == ["Anthropic → Anysphere", "Anysphere → Anthropic"]


def _events_by_scanning(reports: list[Report], parents: dict[int, int]) -> list[list[Report]]:
    """The grouping rule itself: each report joins the first earlier group it matches."""
    groups: list[list[Report]] = []
    for report in reports:
        for members in groups:
            if all(m.article_id != report.article_id for m in members) and same_event(
                report, members[0], parents
            ):
                members.append(report)
                break
        else:
            groups.append([report])
    return groups


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(1, 8),  # article
            st.one_of(st.none(), st.integers(1, 6)),  # from
            st.one_of(st.none(), st.integers(1, 6)),  # to
            st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
            st.sampled_from(["day", "month", "year"]),
        ),
        max_size=30,
    ),
    parents=st.dictionaries(st.integers(1, 6), st.integers(1, 6), max_size=3),
)
def test_filing_groups_by_place_groups_as_scanning_them_all_does(
    rows: list[tuple[int, int | None, int | None, dt.date | None, str]], parents: dict[int, int]
) -> None:
    parents = {child: parent for child, parent in parents.items() if child != parent}
    reports = [
        Report(n, 1, article, origin, to, date, precision if date else None, None)
        for n, (article, origin, to, date, precision) in enumerate(rows)
    ]
    as_filed = [[r.id for r in group] for group in _events(reports, parents)]
    as_scanned = [[r.id for r in group] for group in _events_by_scanning(reports, parents)]
    assert as_filed == as_scanned


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(1, 8),  # article (9: the new one)
            st.one_of(st.none(), st.integers(1, 6)),  # from
            st.one_of(st.none(), st.integers(1, 6)),  # to
            st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
            st.sampled_from(["day", "month", "year"]),
        ),
        max_size=30,
    ),
    added=st.integers(1, 4),
    parents=st.dictionaries(st.integers(1, 6), st.integers(1, 6), max_size=3),
)
def test_a_new_articles_reports_join_the_stored_events_as_a_full_marking_would(
    rows: list[tuple[int, int | None, int | None, dt.date | None, str]],
    added: int,
    parents: dict[int, int],
) -> None:
    """mark_article's grouping (stored events: first report and primary only, then
    the new article's reports) gives the groups and primaries of `_events` over all."""
    parents = {child: parent for child, parent in parents.items() if child != parent}
    reports = [
        Report(n, 1, 9 if n >= len(rows) - added else article, origin, to, date, precision, None)
        for n, (article, origin, to, date, precision) in enumerate(rows)
    ]
    stored = [r for r in reports if r.article_id != 9]
    new = [r for r in reports if r.article_id == 9]

    def primary(group: list[Report]) -> Report:
        return max(group, key=lambda r: _specificity(r, parents))

    events = [Event(group[0], primary(group)) for group in _events(stored, parents)]
    extended = extend_events(events, new, parents)
    full = _events(reports, parents)
    assert [(e.first.id, e.best(parents).id) for e in extended if e.joined] == [
        (group[0].id, primary(group).id) for group in full if group[-1].article_id == 9
    ]


def test_marking_each_new_article_agrees_with_marking_everything(
    database: Database, tmp_path: Path
) -> None:
    """Copies of the corpus, stored one by one with mark_article, then the full marking:
    nothing to change."""
    corpus = Path(__file__).parent / "corpus" / "shared"
    folder = tmp_path / "copies"
    folder.mkdir()
    for n, path in enumerate(sorted(corpus.glob("*.txt")) * 3):
        text = path.read_text(encoding="utf-8").replace("url: https://", f"url: https://c{n}.", 1)
        (folder / f"{n:03d}.txt").write_text(f"{text}\nCopy {n}.\n", encoding="utf-8")
    ingest(database, folder)
    with database.session() as session:
        repeated = session.exec(select(Move).where(Move.repeat_of_id.is_not(None))).all()  # type: ignore[union-attr]
        assert repeated  # the copies repeat the originals' moves
        assert mark(session) == 0
