"""Names and coreference inside one article."""

from __future__ import annotations

from test_extract_helpers import moves, people


def test_surname_and_possessive_mentions_attach() -> None:
    got = people("Leila Haddad has joined Cohere. Haddad’s team will follow, Haddad said.")
    assert got == {"Leila Haddad": ["Haddad"]}


def test_shared_surname_is_left_unresolved() -> None:
    body = (
        "Anna Kowalski has joined Meta from Google. Her brother Piotr Kowalski stays at "
        "Google. Kowalski declined to comment."
    )
    got = people(body)
    assert set(got) == {"Anna Kowalski", "Piotr Kowalski"}
    assert got["Anna Kowalski"] == [] and got["Piotr Kowalski"] == []


def test_accents_and_spelling_variants_are_one_person() -> None:
    body = "Zoë Müller has joined Anthropic. Zoe Muller previously worked at IBM. Müller said so."
    got = people(body)
    assert list(got) == ["Zoë Müller"]
    assert "Zoe Muller" in got["Zoë Müller"] and "Müller" in got["Zoë Müller"]


def test_particles_in_names() -> None:
    body = (
        "Google has hired Pieter van der Berg. Van der Berg built search systems. "
        "Pieter van der Berg starts on Monday."
    )
    assert "Pieter van der Berg" in people(body)


def test_chinese_names_in_both_orders() -> None:
    assert "Zhang Wei" in people("OpenAI has hired Zhang Wei from Baidu. Zhang said little.")
    assert "Wei Zhang" in people("OpenAI has hired Wei Zhang from Baidu. Zhang said little.")


def test_no_fake_people_from_capitalised_phrases() -> None:
    body = (
        "The Great Reshuffle\n"
        "Silicon Valley Bank reported results. The Vision Transformer paper and Claude "
        "Code were discussed in San Francisco. Universitas Indonesia hosted a workshop."
    )
    assert people(body) == {}


def test_titles_are_not_part_of_names() -> None:
    got = people("CEO Marta Lopes said the company would grow. Lopes joined in 2020.")
    assert "Marta Lopes" in got and "CEO Marta Lopes" not in got


def test_names_listed_with_known_names_are_people() -> None:
    body = "Kai Brandt, Oluwaseun Adeyemi and Jorge Ramos have joined Mistral AI from Meta."
    assert moves(body) == {
        (n, "Meta", "Mistral AI") for n in ("Kai Brandt", "Oluwaseun Adeyemi", "Jorge Ramos")
    }


def test_indonesian_sentence_initial_word_before_surname_is_not_a_name() -> None:
    body = (
        "Teguh Santoso bergabung dengan Meta. Kepergian Santoso mengejutkan. "
        "Sepeninggal Santoso, timnya dipimpin orang lain."
    )
    got = people(body, "id")
    assert set(got) == {"Teguh Santoso"}
    assert got["Teguh Santoso"] == ["Santoso"]
