"""Names and coreference inside one article."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_helpers import moves, people, run


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


def test_capitalised_name_before_a_move_verb_is_a_person_in_any_language() -> None:
    # "Yang" is an Indonesian function word only in lowercase running text.
    assert moves("Yang Liu has joined Cohere.", "en") == {("Yang Liu", None, "Cohere")}
    assert moves("Qiang Fu left Nvidia.", "en") == {("Qiang Fu", "Nvidia", None)}
    assert moves("Bo Xu has joined Mistral AI.", "en") == {("Bo Xu", None, "Mistral AI")}
    body = "Liu joined Cohere in 2021. Yang Liu has since moved to Apple."
    assert "Yang Liu" in people(body, "en")
    assert any(p == "Yang Liu" and t == "Apple" for p, _f, t in moves(body, "en"))
    assert moves("Yang Liu bergabung dengan Cohere.", "id") == {("Yang Liu", None, "Cohere")}
    assert moves("Insinyur Yang Liu bergabung dengan Cohere.", "id") == {
        ("Yang Liu", None, "Cohere")
    }


def test_unknown_given_name_in_move_positions() -> None:
    # No given-name lexicon hit: subject of a move verb, object of a hire verb.
    assert moves("Dragoslav Ivkovic has joined Cohere.") == {("Dragoslav Ivkovic", None, "Cohere")}
    assert moves("Apple hired Thandeka Mbeki.") == {("Thandeka Mbeki", None, "Apple")}
    assert moves("Ruairi Quennell, a longtime Nvidia engineer, is leaving for Apple.") == {
        ("Ruairi Quennell", "Nvidia", "Apple")
    }


def test_organisations_beside_move_verbs_are_not_people() -> None:
    # The agent of "hired"/"lost" and the object of "joined" are organisations.
    assert "Polar Kite" not in people("Polar Kite has hired Thandeka Mbeki.")
    assert "Polar Kite" not in people("Polar Kite has lost Thandeka Mbeki.")
    assert "Polar Kite" not in people("Thandeka Mbeki has joined Polar Kite.")


def test_headings_yield_no_people() -> None:
    body = (
        "A Dramatic Shift in Silicon Valley\n\n"
        "Talent Wars Heat Up\n\n"
        "Rising Stars and Quiet Exits\n\n"
        "Mistral AI said on Monday it would keep hiring engineers."
    )
    assert people(body) == {}
    # A name in a heading counts when the prose names the person too.
    body = "Why Ruairi Quennell Matters\n\nRuairi Quennell has joined Apple from Nvidia."
    assert set(people(body)) == {"Ruairi Quennell"}


def test_titles_ending_in_s_are_titles_and_appositive_verbs_belong_to_their_noun() -> None:
    from movesboard.extract import extract

    # "scientist" was looked up as "cientist" once its trailing s was trimmed.
    ex = extract("Xavro Quentel, a former Foo research scientist, said the lab would grow.")
    assert [p.name for p in ex.people] == ["Xavro Quentel"]
    # The verb inside "a startup that joined" is the startup's, not a person cue.
    ex = extract("Xavro Quentel, a startup that joined the alliance, said it would grow.")
    assert ex.people == []


def test_a_function_word_opening_a_clause_is_no_part_of_the_name() -> None:
    from movesboard.extract import extract

    # German "Auch" before a name with a relative clause, and a title after it.
    ex = extract(
        "Auch Anna Berg, die Mistral AI mitgegründet hatte, wechselt zu Helsing.", language="de"
    )
    assert [p.name for p in ex.people] == ["Anna Berg"]
    ex = extract(
        "Die Bilanz ist klar: Auch Produktchef Peter Wolf verlässt Helsing.", language="de"
    )
    assert [p.name for p in ex.people] == ["Peter Wolf"]
    # A particle left at the front once the opening word is gone is no name either.
    ex = extract("Além de Cunningham, outros dois pesquisadores deixaram a OpenAI.", language="pt")
    assert [p.name for p in ex.people] == []


def test_a_two_word_name_made_of_function_words_is_a_name_when_described() -> None:
    from movesboard.extract import extract

    ex = extract("Ke Yang, eksekutif senior Apple, dilaporkan hengkang ke Meta.", language="id")
    assert [p.name for p in ex.people] == ["Ke Yang"]
    # Not described as a person: "Ke" stays the preposition it is.
    ex = extract("Ke Jakarta, rombongan itu berangkat pagi ini.", language="id")
    assert ex.people == []


def test_a_given_name_listed_before_a_full_name_shares_its_surname() -> None:
    from movesboard.extract import extract

    ex = extract("Helix AI was founded in 2021 by siblings Maria and Lena Berg, who left Google.")
    assert sorted(p.name for p in ex.people) == ["Lena Berg", "Maria Berg"]
    # A lone word that is no given name shares nothing: "Google and Lena Berg".
    ex = extract("The deal was signed by Northwind and chief executive Lena Berg in May.")
    assert [p.name for p in ex.people] == ["Lena Berg"]


def test_one_person_in_both_name_orders() -> None:
    from movesboard.extract import extract

    ex = extract(
        "Jiahui Yu, a research scientist at Google, has joined OpenAI. "
        "Yu Jiahui previously led the perception team."
    )
    assert [(p.name, p.aliases) for p in ex.people] == [("Jiahui Yu", ["Yu Jiahui"])]


def test_a_title_with_its_lowercase_domain_before_a_name() -> None:
    assert "Ode Varga" in people("The exits followed of VP of research Ode Varga last week.")
    # A capitalised word after the title's link is part of what follows, not a domain.
    assert "Ode Varga" not in people("The chief of Helix Ode Varga said nothing.")


def test_a_romanised_name_glossed_in_han_characters_is_a_person() -> None:
    assert "Zhang Weiming" in people("Zhang Weiming (张伟明) has resigned from the lab.")
    # One word glossed in Han is an organisation's name, not a person's.
    assert "Tencent" not in people("Tencent (腾讯) has hired a new research chief.")


def test_common_given_names_name_people_without_another_cue() -> None:
    """A name listed after a date has no verb or title beside it: its given
    name is the cue ("Ann", "João" were missing from the list)."""
    from movesboard.extract import extract

    english = extract("Google hired Paul Smith in June and Ann Lee in August.", language="en")
    assert {p.name for p in english.people} == {"Paul Smith", "Ann Lee"}
    portuguese = extract(
        "O Google contratou Paulo Silva em maio e João Costa em agosto.", language="pt"
    )
    assert {p.name for p in portuguese.people} == {"Paulo Silva", "João Costa"}
    # Near miss: a capitalised pair whose first word is no given name stays unnamed here.
    other = extract("Google hired Paul Smith in June and Quantum Leap in August.", language="en")
    assert {p.name for p in other.people} == {"Paul Smith"}


def test_a_plural_title_or_kin_word_before_a_list_is_no_part_of_its_names() -> None:
    from movesboard.extract import extract

    def names(sentence: str, language: str = "en") -> set[str]:
        return {p.name for p in extract(sentence, language=language).people}

    assert names("Researchers Paul Smith and Ann Lee joined Google.") == {"Paul Smith", "Ann Lee"}
    assert names("Chercheurs Paul Martin et Jean Petit ont rejoint Mistral AI.", "fr") == {
        "Paul Martin",
        "Jean Petit",
    }
    assert names("Investigadores Pablo Ruiz y Juan Gómez se unieron a Meta.", "es") == {
        "Pablo Ruiz",
        "Juan Gómez",
    }
    # Kin before a shared surname: both are Amodeis.
    assert names("Siblings Dario and Daniela Amodei left OpenAI.") == {
        "Dario Amodei",
        "Daniela Amodei",
    }
    # Near misses: a surname ending in -s stays whole, and a kin word after a
    # surname names nobody.
    assert names("Tom Masters joined Google.") == {"Tom Masters"}
    assert names("Jorge Gomes deixou o Google.", "pt") == {"Jorge Gomes"}
    assert names("The Collison brothers left Stripe.") == set()


def test_a_month_is_a_given_name_outside_a_date_phrase() -> None:
    from movesboard.extract import extract

    published = dt.date(2025, 9, 25)
    for sentence, name in (
        ("Writer co-founder May Habib has left the company to join Google.", "May Habib"),
        ("In an interview, June Lee said she had left Google for Helix AI.", "June Lee"),
        ("April Chen joined Helix AI in April.", "April Chen"),
    ):
        ex = extract(sentence, language="en", published=published)
        assert name in {p.name for p in ex.people}, sentence
    # Inside a date phrase it is a month, with or without a publication date to read it.
    for when in (published, None):
        ex = extract("In June Ann Lee joined Google.", language="en", published=when)
        assert {p.name for p in ex.people} == {"Ann Lee"}
        ex = extract("Google hired Paul Smith in June and Ann Lee in August.", published=when)
        assert {p.name for p in ex.people} == {"Paul Smith", "Ann Lee"}


def test_a_given_name_that_is_a_word_of_another_language_names_a_person() -> None:
    from movesboard.extract import extract

    published = dt.date(2025, 9, 25)
    # "Mei" is Indonesian for May: in an English list of engineers it is a name.
    ex = extract(
        "The hire follows two other Google engineers, Mei Lin and Grace Park, who left last year.",
        language="en",
        published=published,
    )
    assert {"Mei Lin", "Grace Park"} <= {p.name for p in ex.people}
    # In Indonesian, "Mei" opening a date is the month.
    ex = extract(
        "Mei lalu, Rina Wijaya bergabung dengan Helix AI.", language="id", published=published
    )
    assert {p.name for p in ex.people} == {"Rina Wijaya"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ruoming Pang is set to join Meta.", "en"),
        ("Ruoming Pang is expected to join Meta.", "en"),
        ("Ruoming Pang s'apprête à rejoindre Meta.", "fr"),
    ],
)
def test_a_subject_before_a_planned_move_is_a_person(text: str, language: str) -> None:
    assert [p.name for p in run(text, language).people] == ["Ruoming Pang"]


def test_a_capitalised_subject_of_anything_else_planned_is_no_person() -> None:
    assert run("Golden Gate is set to reopen in May.", "en").people == []
