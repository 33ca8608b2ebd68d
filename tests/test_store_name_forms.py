"""One article naming one person (or organisation) in forms that share a key.

"Jiahui Yu" and "Yu Jiahui", "José Pérez" and "Jose Perez", "Jiahui Yu" and
"JIAHUI YU" fold to one person key, hence to one atom uid: the article must be
stored with one atom carrying every form, whatever the extractor hands over
(issue 10: it was lost to a UNIQUE constraint on person.uid). Every test runs
on SQLite and, when MOVESBOARD_TEST_POSTGRES is set, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session, select

from movesboard.cli import main
from movesboard.extract.types import Extraction, Mention, MoveFact, OrgEntity, PersonEntity
from movesboard.ingest import parse_text_article
from movesboard.models import queries
from movesboard.models.db import Database
from movesboard.models.names import fold, person_key
from movesboard.models.store import StoreResult, store_article
from movesboard.models.tables import Alias, Article, Move, Organization, Person
from movesboard.models.tables import Mention as MentionRow

FORM_PAIRS = {
    "reversed order": ("Jiahui Yu", "Yu Jiahui"),
    "accents": ("José Pérez", "Jose Perez"),
    "case": ("Jiahui Yu", "JIAHUI YU"),
    "the same name twice": ("Jiahui Yu", "Jiahui Yu"),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> Database:
    """The same tests on each backend (PostgreSQL only when one is configured)."""
    return request.getfixturevalue("sqlite_database" if request.param == "sqlite" else "postgres")


def mention(body: str, text: str, after: int = 0) -> Mention:
    start = body.index(text, after)
    return Mention(text, start, start + len(text))


def two_forms_article(first: str, second: str) -> tuple[str, Extraction]:
    """A body naming one person twice, and the extraction that keeps the forms apart."""
    body = (
        f"{first}, a research scientist at Google DeepMind, has joined OpenAI. "
        f"{second} previously worked on Gemini at Google DeepMind."
    )
    second_at = body.index(" previously")  # the second form, even when it equals the first
    second_mention = Mention(second, second_at - len(second), second_at)
    extraction = Extraction(
        language="en",
        people=[
            PersonEntity(first, [mention(body, first)]),
            PersonEntity(second, [second_mention]),
        ],
        organizations=[
            OrgEntity(
                "Google DeepMind",
                "Google",
                [mention(body, "Google DeepMind"), mention(body, "Google DeepMind", 40)],
            ),
            OrgEntity("OpenAI", None, [mention(body, "OpenAI")]),
        ],
        moves=[
            MoveFact(first, "Google DeepMind", "OpenAI", body[: body.index(".") + 1], 0, None),
            # The same person, as the later sentence names them: one career, one atom.
            MoveFact(second, "Google DeepMind", None, body[body.index(second_mention.text) :], 0),
        ],
    )
    return body, extraction


def store(database: Database, body: str, extraction: Extraction) -> StoreResult:
    doc = parse_text_article(f"Lab news\n{body}", "a.txt", published=dt.date(2025, 6, 2))
    with database.session() as session:
        return store_article(session, doc, extraction)


def atoms(session: Session) -> list[Person]:
    return list(session.exec(select(Person)).all())


@pytest.mark.parametrize(("first", "second"), FORM_PAIRS.values(), ids=FORM_PAIRS.keys())
def test_forms_sharing_a_key_make_one_atom(backend: Database, first: str, second: str) -> None:
    assert person_key(first) == person_key(second)
    body, extraction = two_forms_article(first, second)
    result = store(backend, body, extraction)
    assert result.created and result.people == 1
    with backend.session() as session:
        [atom] = atoms(session)
        assert (atom.atom_name, atom.key) == (first, person_key(first))
        aliases = session.exec(select(Alias.norm).where(Alias.person_id == atom.id)).all()
        # Aliases are kept once per folded form: accents and case make no second one.
        assert sorted(aliases) == sorted({fold(first), fold(second)})
        mentions = session.exec(select(MentionRow).where(MentionRow.person_id == atom.id)).all()
        assert sorted(m.text for m in mentions) == sorted([first, second])
        assert {m.person_id for m in session.exec(select(Move)).all()} == {atom.id}
        assert len(queries.people(session)) == 1


def test_a_move_naming_an_unlisted_form_joins_the_listed_atom(backend: Database) -> None:
    body, extraction = two_forms_article("Jiahui Yu", "Yu Jiahui")
    extraction.people.pop()  # the extractor missed the second form as an entity
    store(backend, body, extraction)
    with backend.session() as session:
        [atom] = atoms(session)
        assert {m.person_id for m in session.exec(select(Move)).all()} == {atom.id}


def test_two_unlisted_forms_in_moves_make_one_atom(backend: Database) -> None:
    body, extraction = two_forms_article("Jiahui Yu", "Yu Jiahui")
    extraction.people.clear()
    result = store(backend, body, extraction)
    assert result.people == 1
    with backend.session() as session:
        assert len(atoms(session)) == 1


def test_organisation_names_that_fold_alike_are_one_organisation(backend: Database) -> None:
    body, extraction = two_forms_article("Jiahui Yu", "Yu Jiahui")
    del extraction.people[1:], extraction.moves[1:]  # one person here: organisations only
    deepmind = extraction.organizations[0]
    # Two entities for one organisation: the second as an upper-case variant.
    extraction.organizations.append(OrgEntity("GOOGLE DEEPMIND", None, deepmind.mentions[1:]))
    del deepmind.mentions[1:]
    store(backend, body, extraction)
    with backend.session() as session:
        orgs = session.exec(select(Organization.key)).all()
        assert sorted(orgs) == ["google", "google deepmind", "openai"]
        deepmind_id = session.exec(
            select(Organization.id).where(Organization.key == "google deepmind")
        ).one()
        mentions = session.exec(
            select(MentionRow).where(MentionRow.organization_id == deepmind_id)
        ).all()
        assert len(mentions) == 2


def test_rebuild_keeps_one_atom_whatever_the_extractor_returns(
    backend: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movesboard.rebuild import rebuild

    body, extraction = two_forms_article("Jiahui Yu", "Yu Jiahui")
    store(backend, body, Extraction(language="en"))  # stored before the extractor split names
    monkeypatch.setattr("movesboard.extract.extract", lambda *args, **kwargs: extraction)
    summary = rebuild(backend)
    assert (summary.articles, summary.people) == (1, 1)
    with backend.session() as session:
        assert [a.atom_name for a in atoms(session)] == ["Jiahui Yu"]


ARTICLE = """---
title: Google researcher Jiahui Yu joins OpenAI
published: 2025-06-02
language: en
---
Jiahui Yu, a research scientist at Google DeepMind, has joined OpenAI to lead its perception
team, the company said on Monday. Yu Jiahui previously worked on the Gemini models at Google
DeepMind. OpenAI confirmed the hire.
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_ingest_lookup_and_rebuild_through_the_cli(
    backend: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's article, through the real extractor and the commands a user types."""
    source = tmp_path / "yu.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out = run(capsys, "--db", backend.url, "ingest", str(source))
    assert out.startswith("1 article: 1 new, 0 unchanged, 0 failed;")
    found = {
        run(capsys, "--db", backend.url, "lookup", name, "--limit", "1")
        for name in ("Yu Jiahui", "Jiahui Yu")
    }
    [line] = found  # both orders find the same person, with the same move
    assert "person" in line and "Jiahui Yu" in line and "OpenAI" in line
    assert run(capsys, "--db", backend.url, "rebuild").startswith("rebuilt 1 articles")
    with backend.session() as session:
        assert session.exec(select(Article.id)).all() != []
        assert [p.name for p in queries.people(session)] == ["Jiahui Yu"]
