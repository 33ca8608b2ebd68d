"""A new post at an organisation is a move there: "è il nuovo amministratore
delegato di Y", "será el nuevo consejero delegado de Y", "est le nouveau
directeur scientifique de Y", "é o novo diretor de tecnologia da Y", as
English "is the new chief executive of Y" already was (issue 10)."""

from __future__ import annotations

import pytest
from test_extract_helpers import moves, one_move, run


@pytest.mark.parametrize(
    ("sentence", "language", "origin"),
    [
        ("Marco Rossi è il nuovo amministratore delegato di Helix AI.", "it", None),
        ("Marco Rossi, già dirigente di Google, è il nuovo direttore di Helix AI.", "it", "Google"),
        ("Marco Rossi sarà il nuovo responsabile della ricerca di Helix AI.", "it", None),
        ("Marco Ruiz será el nuevo consejero delegado de Helix AI.", "es", None),
        ("Marc Durand est le nouveau directeur scientifique de Helix AI.", "fr", None),
        ("Marcos Silva é o novo diretor de tecnologia da Helix AI.", "pt", None),
    ],
)
def test_the_new_holder_of_a_post_moves_there(
    sentence: str, language: str, origin: str | None
) -> None:
    move = one_move(sentence, language)
    assert (move.from_org, move.to_org) == (origin, "Helix AI")


def test_a_present_new_post_is_this_month_s() -> None:
    # Told on 14 March 2025.
    move = one_move("Marco Rossi è il nuovo amministratore delegato di Helix AI.", "it")
    assert move.date is not None and move.date.iso() == "2025-03"


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Helix AI ha presentato il nuovo modello di Google.", "it"),
        ("La nouvelle version de Helix AI est sortie.", "fr"),
        ("Helix AI lanzó el nuevo producto de Google.", "es"),
    ],
)
def test_new_before_no_title_is_no_move(sentence: str, language: str) -> None:
    assert moves(sentence, language) == set()


def test_a_title_alone_after_new_names_no_organisation() -> None:
    ex = run("Selon Andrew Bosworth, nouveau CTO du groupe, le plan fonctionne.", "fr")
    assert "CTO" not in {o.name for o in ex.organizations}


def test_a_title_acronym_names_no_organisation_in_any_pack() -> None:
    # Spanish lists no "CEO" among its title words; the acronym is a title anyway.
    assert moves("Jorge Prieto será el nuevo CEO de Cohere.", "es") == {
        ("Jorge Prieto", None, "Cohere")
    }
    assert "CEO" not in {o.name for o in run("Jorge Prieto será el nuevo CEO.", "es").organizations}


def test_german_new_post_role_on_the_way_and_closing_participle() -> None:
    assert moves("Thomas Berg ist neuer Technikchef von Helix AI.", "de") == {
        ("Thomas Berg", None, "Helix AI")
    }
    assert moves("Thomas Berg ist die neue Stimme von Helix AI.", "de") == set()
    # The role between the verb and its object is no distance to the object.
    move = one_move("Thomas Berg wechselt als Leiter der Forschung zu Helix AI.", "de")
    assert (move.to_org, move.role) == ("Helix AI", "Leiter der Forschung")
    # The participle closing the clause is no part of the title.
    move = one_move("Helix AI hat Thomas Berg als Forschungschef eingestellt.", "de")
    assert move.role == "Forschungschef"
    move = one_move("Helix AI hat Thomas Berg als Head of Research geholt.", "de")
    assert move.role == "Head of Research"
