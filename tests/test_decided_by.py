"""Who decided: every user decision records who made it, the history and the
review screen show it, and a rebuild keeps it (issue 12)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest
from sqlmodel import col, select
from tui_fixtures import make_app, run_sql, screen_text, settle, sync

from movesboard.cli import main
from movesboard.config import load_config
from movesboard.models import decisions
from movesboard.models.db import Database
from movesboard.models.dialect import database_role
from movesboard.models.tables import Decision, Move
from movesboard.tui.review_screen import ReviewScreen

CORPUS = Path(__file__).parent / "corpus" / "shared"


def configure(text: str) -> None:
    path = Path(os.environ["MOVESBOARD_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    load_config.cache_clear()


def who_decided_last(database: Database) -> str | None:
    with database.session() as session:
        last = session.exec(select(Decision).order_by(col(Decision.id).desc())).first()
        assert last is not None
        return last.decided_by


@pytest.fixture
def ingested(database: Database, capsys: pytest.CaptureFixture[str]) -> Database:
    assert (
        main(["--db", database.url, "ingest", str(CORPUS / "id-028-karpathy-eureka-labs.txt")]) == 0
    )
    capsys.readouterr()
    return database


def first_move(database: Database) -> str:
    with database.session() as session:
        return session.exec(select(Move.uid).order_by(col(Move.id))).first()  # type: ignore[return-value]


def test_the_role_or_os_user_decides_unless_the_config_names_someone(
    ingested: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    move = first_move(ingested)
    assert main(["--db", ingested.url, "moves", "confirm", move]) == 0
    with ingested.session() as session:
        role = database_role(session)
    expected = role if role is not None else getpass.getuser()  # PostgreSQL: the role
    assert who_decided_last(ingested) == expected
    configure('user = "Alice Example"\n')
    assert main(["--db", ingested.url, "moves", "reject", move]) == 0
    assert who_decided_last(ingested) == "Alice Example"
    capsys.readouterr()


def test_history_lists_who_and_marks_undone_and_survives_rebuild(
    ingested: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    configure('user = "alice"\n')
    move = first_move(ingested)
    assert main(["--db", ingested.url, "moves", "reject", move]) == 0
    configure('user = "bob"\n')
    assert main(["--db", ingested.url, "orgs", "parent", "Eureka Labs", "OpenAI"]) == 0
    with ingested.session() as session:
        rejected = session.exec(select(Decision).where(Decision.kind == "reject")).one()
        decisions.undo(session, rejected.id)  # type: ignore[arg-type]
    capsys.readouterr()
    assert main(["--db", ingested.url, "rebuild"]) == 0
    capsys.readouterr()
    assert main(["--db", ingested.url, "decisions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    undo, parent, reject = lines
    assert "bob" in undo and f"undid decision #{rejected.id}" in undo
    assert "bob" in parent and "Eureka Labs is part of OpenAI" in parent
    assert "alice" in reject and "rejected Andrej Karpathy" in reject and "[undone]" in reject
    assert move in reject


def test_machine_suggestions_are_not_in_the_history(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", database.url, "decisions"]) == 0
    assert capsys.readouterr().out.strip() == "no decisions yet"
    with database.session() as session:
        session.add(Decision(kind="suggest", subject="person", a_ref="p-1", actor="machine"))
    assert main(["--db", database.url, "decisions"]) == 0
    assert capsys.readouterr().out.strip() == "no decisions yet"


@sync
async def test_the_review_screen_shows_who_decided(tui_fixture_any_engine: Path | str) -> None:
    configure('user = "carol"\n')
    run_sql(
        tui_fixture_any_engine,
        "UPDATE move SET confidence = 0.4 WHERE evidence LIKE 'Wei previously%'",
    )
    app = make_app(tui_fixture_any_engine)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "No decisions yet." in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        text = screen_text(app)
        assert "Recent decisions" in text
        line = next(line for line in text.splitlines() if "carol" in line)
        assert "rejected" in line
    rows = run_sql(tui_fixture_any_engine, "SELECT decided_by FROM decision")
    assert rows == [("carol",)]
