"""A role is the title alone: a speaker's possessive at its edge ("our chief
scientist", "ilmuwan utama kami") is not part of it, in every pack (issue 13).
Each language has a sentence the rule handles and a near-miss it must leave."""

from __future__ import annotations

import datetime as dt

import pytest

from movesboard.extract import extract

CASES = [
    ("en", "Jane Doe joined Acme AI as our chief scientist in March 2025.", "chief scientist"),
    (
        "en",
        "Jane Doe joined Acme AI as head of Ourania Labs in March 2025.",
        "head of Ourania Labs",
    ),
    (
        "id",
        "Budi Santoso bergabung dengan Nusantara AI sebagai kepala riset kami pada Maret 2025.",
        "kepala riset",
    ),
    (
        "id",
        "Budi Santoso bergabung dengan Nusantara AI sebagai ilmuwan utama mereka.",
        "ilmuwan utama",
    ),
    (
        "id",
        "Budi Santoso bergabung dengan Nusantara AI sebagai kepala Kamitech pada Maret 2025.",
        "kepala Kamitech",
    ),
    (
        "de",
        "Anna Schmidt wechselte zu Acme AI als unsere Chefwissenschaftlerin im März 2025.",
        "Chefwissenschaftlerin",
    ),
    (
        "fr",
        "Jeanne Dupont a rejoint Acme AI en tant que notre directrice scientifique en mars 2025.",
        "directrice scientifique",
    ),
    # "en" before a date ends a role; inside a title it does not.
    (
        "fr",
        "Jeanne Dupont a rejoint Acme AI en tant que rédactrice en chef en 2025.",
        "rédactrice en chef",
    ),
    (
        "es",
        "Juana Pérez se unió a Acme AI como su directora científica en marzo de 2025.",
        "directora científica",
    ),
    (
        "it",
        "Giulia Rossi è entrata in Acme AI come nostra responsabile scientifica nel marzo 2025.",
        "responsabile scientifica",
    ),
    (
        "pt",
        "Joana Silva juntou-se à Acme AI como nossa diretora científica em março de 2025.",
        "diretora científica",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "role"), CASES)
def test_the_role_is_the_title_alone(language: str, sentence: str, role: str) -> None:
    moves = extract(sentence, language=language).moves
    assert [move.role for move in moves] == [role]


# A date phrase ends a title ("as CTO next year"); a title with no date keeps
# all its words, a number in it included ("head of Gemini 2 research").
DATED_CASES = [
    ("en", "Kevin Stone will step down as CTO of Acme AI next year.", "CTO of Acme AI"),
    ("en", "Ann Lee will join Acme AI as head of Gemini 2 research.", "head of Gemini 2 research"),
    (
        "fr",
        "Marie Dupont rejoindra Acme AI en tant que directrice scientifique l'an prochain.",
        "directrice scientifique",
    ),
    ("id", "Budi Santoso akan bergabung dengan Nusantara AI sebagai CTO tahun depan.", "CTO"),
]


def roles_told_in_march(language: str, sentence: str) -> list[str | None]:
    moves = extract(sentence, language=language, published=dt.date(2026, 3, 10)).moves
    return [move.role for move in moves]


@pytest.mark.parametrize(("language", "sentence", "role"), DATED_CASES)
def test_a_date_phrase_ends_the_role(language: str, sentence: str, role: str) -> None:
    assert roles_told_in_march(language, sentence) == [role]


# "as its new CFO": the post is new, the title is "CFO"; "New" inside a title stays.
NEW_CASES = [
    (
        "en",
        "Helix AI has named Ann Lee as its new chief financial officer.",
        "chief financial officer",
    ),
    ("en", "Ann Lee joined Helix AI as head of New Products.", "head of New Products"),
    (
        "fr",
        "Helix AI a nommé Anne Leroy en tant que nouvelle directrice financière.",
        "directrice financière",
    ),
    ("id", "Helix AI menunjuk Rina Wijaya sebagai CTO baru.", "CTO"),
]


@pytest.mark.parametrize(("language", "sentence", "role"), NEW_CASES)
def test_a_word_saying_the_post_is_new_is_no_part_of_the_title(
    language: str, sentence: str, role: str
) -> None:
    assert roles_told_in_march(language, sentence) == [role]
