"""A group move whose members the next sentence names: one move per person named."""

from __future__ import annotations

import pytest
from test_extract_helpers import moves


def test_the_next_sentence_names_the_hires() -> None:
    body = (
        "Northwind Robotics has hired two engineers from Apple, the company said on Monday. "
        "The pair, Maria Lopez and Kenji Sato, built Apple's motion-planning stack."
    )
    assert moves(body, "en") == {
        ("Maria Lopez", "Apple", "Northwind Robotics"),
        ("Kenji Sato", "Apple", "Northwind Robotics"),
    }


def test_indonesian_names_the_hires_too() -> None:
    body = (
        "Perusahaan rintisan Nusantara AI merekrut dua peneliti dari Google. "
        "Keduanya, Budi Santoso dan Rina Wijaya, sebelumnya mengerjakan model bahasa."
    )
    assert moves(body, "id") == {
        ("Budi Santoso", "Google", "Nusantara AI"),
        ("Rina Wijaya", "Google", "Nusantara AI"),
    }


def test_a_list_of_another_size_or_without_an_anaphor_is_not_the_group() -> None:
    for second in (
        "The two, Maria Lopez and Kenji Sato, will lead the team.",  # three were hired
        "Maria Lopez and Kenji Sato welcomed the news.",  # not said to be the three
    ):
        body = f"Northwind Robotics has hired three engineers from Apple. {second}"
        assert moves(body, "en") == set()


def test_a_rumoured_group_names_no_moves() -> None:
    body = (
        "Northwind Robotics is reportedly in talks to hire two engineers from Apple, "
        "according to people familiar with the matter. The pair, Maria Lopez and Kenji Sato, "
        "have not commented."
    )
    assert moves(body, "en") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Helix AI has hired several former OpenAI employees; one of them is Dana Reyes.", "en"),
        (
            "Helix AI ya ha sumado a varios ex empleados de OpenAI; uno de ellos es Dana Reyes.",
            "es",
        ),
        (
            "Helix AI a recruté plusieurs anciens salariés d'OpenAI ; l'un d'eux est Dana Reyes.",
            "fr",
        ),
        ("A Helix AI contratou vários ex-funcionários da OpenAI; um deles é Dana Reyes.", "pt"),
        ("Helix AI merekrut sejumlah mantan karyawan OpenAI, salah satunya Dana Reyes.", "id"),
    ],
)
def test_one_of_a_group_named_after_it_moved_with_it(text: str, language: str) -> None:
    assert moves(text, language) == {("Dana Reyes", "OpenAI", "Helix AI")}


def test_one_of_a_group_described_without_a_name_is_no_one() -> None:
    text = "Helix AI has hired several former OpenAI employees; one of them is a former chef."
    assert moves(text, "en") == set()
    assert moves("El proyecto suma a la lista otro nombre.", "es") == set()
