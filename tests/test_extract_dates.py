"""The date resolver: absolute and relative phrases against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from movesboard.extract.dates import find_dates
from movesboard.extract.lang import load_pack

PUB = dt.date(2025, 9, 25)  # a Thursday


def iso(text: str, lang: str, published: dt.date | None = PUB) -> list[str]:
    return [d.date.iso() for d in find_dates(text, load_pack(lang), published)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("She joined on July 16, 2024.", "2024-07-16"),
        ("She joined on 16 July 2024.", "2024-07-16"),
        ("She joined in March 2023.", "2023-03"),
        ("She joined in 2021.", "2021"),
        ("She joined last July.", "2025-07"),
        ("She joined last October.", "2024-10"),
        ("She joined in October.", "2024-10"),
        ("She joined in September.", "2025-09"),
        ("She joined earlier this month.", "2025-09"),
        ("She joined last month.", "2025-08"),
        ("She joined early last year.", "2024"),
        ("She joined in recent months.", "2025"),
        ("She joined last week.", "2025-09"),
        ("The company said on Thursday.", "2025-09-25"),
        ("The company said late Monday.", "2025-09-22"),
        ("She starts next month.", "2025-10"),
        ("The company announced it on June 10.", "2025-06-10"),
    ],
)
def test_english(text: str, want: str) -> None:
    assert iso(text, "en") == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ia bergabung Juli lalu.", "2025-07"),
        ("Ia bergabung pada awal bulan ini.", "2025-09"),
        ("Ia bergabung sejak 2022.", "2022"),
        ("Ia bergabung pekan lalu.", "2025-09"),
        ("Ia bergabung bulan lalu.", "2025-08"),
        ("Diumumkan pada Rabu (7/5/2025).", "2025-05-07"),
        ("Ia hengkang pada September tahun lalu.", "2024-09"),
        ("Ia bergabung pada Agustus 2024.", "2024-08"),
        ("Ia kembali pada awal 2023.", "2023"),
        ("Ia bergabung Desember lalu.", "2024-12"),
        ("Diumumkan pada 10 Juni.", "2025-06-10"),
    ],
)
def test_indonesian(text: str, want: str) -> None:
    assert iso(text, "id") == [want]


def test_relative_phrases_need_a_publication_date() -> None:
    assert iso("She joined last month.", "en", None) == []
    assert iso("She joined in March 2023.", "en", None) == ["2023-03"]


def test_no_date_in_plain_text() -> None:
    assert iso("She may join a new lab. The 2017 paper is famous.", "en") == []
    assert iso("Ia bergabung dengan tim baru.", "id") == []


def test_offsets_point_at_the_phrase() -> None:
    text = "Noise. She joined in March 2023, sources said."
    (d,) = find_dates(text, load_pack("en"), PUB)
    assert text[d.start : d.end] == "March 2023"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("She joined about four years ago.", "en", "2021"),
        ("She joined a year ago.", "en", "2024"),
        ("She joined three months ago.", "en", "2025-06"),
        ("Ia bergabung dua tahun lalu.", "id", "2023"),
        ("Ia bergabung setahun yang lalu.", "id", "2024"),
        ("Sie wechselte vor drei Jahren.", "de", "2022"),
        ("Sie wechselte vor einem Monat.", "de", "2025-08"),
        ("Elle est arrivée il y a deux ans.", "fr", "2023"),
        ("Llegó hace cinco meses.", "es", "2025-04"),
        ("Chegou há dois anos.", "pt", "2023"),
        ("È arrivata due anni fa.", "it", "2023"),
        ("她两年前加入。", "zh", "2023"),
    ],
)
def test_counted_units_back_from_publication(text: str, lang: str, want: str) -> None:
    assert iso(text, lang) == [want]


def test_counts_that_are_no_counts_of_time() -> None:
    # A year number, a count without "ago", a duration: no date.
    assert iso("It happened 2020 years ago.", "en") == []
    assert iso("She spent four years at the lab.", "en") == []
    assert iso("Ia bekerja dua tahun di sana.", "id") == []
    # Without a publication date a counted phrase means nothing.
    assert iso("She joined four years ago.", "en", None) == []


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("In March 2021 she moved. Later that year he left.", "en", ["2021-03", "2021"]),
        ("She joined in May 2022 and he left the same month.", "en", ["2022-05", "2022-05"]),
        ("Ia masuk pada 2019 dan keluar pada tahun yang sama.", "id", ["2019", "2019"]),
        ("Sie kam 2019. Im selben Jahr ging er.", "de", ["2019", "2019"]),
        ("Elle est arrivée en 2019 ; il est parti la même année.", "fr", ["2019", "2019"]),
        ("Llegó en 2019 y se fue ese mismo año.", "es", ["2019", "2019"]),
        ("Chegou em 2019 e saiu no mesmo ano.", "pt", ["2019", "2019"]),
        ("È arrivata nel 2019 e se n'è andato nello stesso anno.", "it", ["2019", "2019"]),
        ("她2019年加入，同年离开。", "zh", ["2019", "2019"]),
    ],
)
def test_that_year_is_the_year_of_the_date_before(text: str, lang: str, want: list[str]) -> None:
    assert iso(text, lang) == want


def test_that_year_with_no_date_before_is_no_date() -> None:
    assert iso("That year was a turning point for the lab.", "en") == []
    # "the same month" needs a date that names a month.
    assert iso("She joined in 2022 and he left the same month.", "en") == ["2022"]


def test_a_future_statement_with_a_bare_month_means_the_next_one() -> None:
    from test_extract_helpers import one_move

    # Told on 14 March 2025: "will join in May" is May 2025, not May 2024.
    m = one_move("Dana Whitfield will join Helix AI in May.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2025, 5)
    # In the past tense, the latest May up to publication.
    m = one_move("Dana Whitfield joined Helix AI in May.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 5)
    # "said in July that she would join": the saying's July, as told (before the verb).
    m = one_move("Helix AI said in July that Dana Whitfield would join the company from IBM.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 7)


# The Romance simple future is written on the verb itself, not with an auxiliary.
@pytest.mark.parametrize(
    ("future", "past", "language"),
    [
        (
            "Julie Martin rejoindra Helix AI en mai.",
            "Julie Martin a rejoint Helix AI en mai.",
            "fr",
        ),
        (
            "Sara Conti entrerà in Helix AI a maggio.",
            "Sara Conti è entrata in Helix AI a maggio.",
            "it",
        ),
        (
            "Lucía Gómez se incorporará a Helix AI en mayo.",
            "Lucía Gómez se incorporó a Helix AI en mayo.",
            "es",
        ),
        ("Ana Souza deixará a Helix AI em maio.", "Ana Souza deixou a Helix AI em maio.", "pt"),
    ],
)
def test_a_simple_future_with_a_bare_month_means_the_next_one(
    future: str, past: str, language: str
) -> None:
    from test_extract_helpers import one_move

    # Told on 14 March 2025.
    m = one_move(future, language)
    assert m.date is not None and (m.date.year, m.date.month) == (2025, 5)
    m = one_move(past, language)
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 5)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # A name that ends like the future ("Mira", "Vera") is no future.
        ("Mira Martin a rejoint Helix AI en mai.", "fr"),
        ("Vera Souza juntou-se à Helix AI em maio.", "pt"),
        # "verão" (summer) ends like a plural future.
        ("Ana Souza deixou a Helix AI no verão, em maio.", "pt"),
    ],
)
def test_words_that_only_end_like_a_future_leave_the_month_past(
    sentence: str, language: str
) -> None:
    from test_extract_helpers import one_move

    m = one_move(sentence, language)
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 5)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("In 2024, Paul Smith left Google in May.", "en"),
        ("During 2024, Google lost Paul Smith in May.", "en"),
        ("Em 2024, Paulo Silva deixou o Google em maio.", "pt"),
        ("Pada 2024, Budi Santoso meninggalkan Google pada Mei.", "id"),
    ],
)
def test_a_year_opening_the_sentence_frames_its_bare_months(sentence: str, language: str) -> None:
    from test_extract_helpers import one_move

    published = dt.date(2025, 7, 1)  # May of the publication year would come first
    move = one_move(sentence, language, published)
    assert (move.date.year, move.date.month) == (2024, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        # The year belongs to another move of the sentence, not to all of it.
        "Paul Smith, who joined Google in 2019, left Google in May.",
        # Another clause: the frame ends at the semicolon.
        "Throughout 2023, Paul Smith worked at Google; he left Google in May.",
    ],
)
def test_a_year_that_frames_nothing_leaves_the_month_to_publication(sentence: str) -> None:
    from test_extract_helpers import run

    ex = run(sentence, "en", dt.date(2025, 7, 1))
    left = [m for m in ex.moves if m.from_org == "Google" and m.to_org is None]
    assert left and (left[0].date.year, left[0].date.month) == (2025, 5)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Paul Smith, in May, and Ann Lee, in August, left Google.", "en"),
        (
            "Deixaram o Google o pesquisador Paulo Silva, em maio, e a engenheira "
            "Ana Costa, em agosto.",
            "pt",
        ),
    ],
)
def test_each_name_of_a_list_keeps_the_date_set_beside_it(sentence: str, language: str) -> None:
    from test_extract_helpers import run

    ex = run(sentence, language, dt.date(2025, 9, 30))
    months = sorted(m.date.month for m in ex.moves if m.from_org == "Google")
    assert months == [5, 8]


@pytest.mark.parametrize(
    "sentence",
    [
        "Paul Smith and Ann Lee left Google in May.",  # one date for the whole list
        "Paul Smith, hired in 2019, and Ann Lee left Google in May.",  # a clause's date, not his
    ],
)
def test_a_list_without_dates_of_its_own_shares_the_statements(sentence: str) -> None:
    from test_extract_helpers import run

    ex = run(sentence, "en", dt.date(2025, 9, 30))
    assert {(m.date.year, m.date.month) for m in ex.moves if m.from_org == "Google"} == {(2025, 5)}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Google hired Paul Smith in May and Tom Lee in August.", "en"),
        ("O Google contratou Paulo Silva em maio e João Costa em agosto.", "pt"),
    ],
)
def test_an_object_list_goes_on_past_a_date_of_its_own(sentence: str, language: str) -> None:
    """ "hired X in May and Y in August": Y is hired too, in August."""
    from test_extract_helpers import run

    ex = run(sentence, language, dt.date(2025, 9, 30))
    assert sorted(m.date.month for m in ex.moves if m.to_org == "Google") == [5, 8]


def test_an_object_list_stops_at_another_verb_after_the_date() -> None:
    from test_extract_helpers import run

    ex = run(
        "Google hired Paul Smith in May and said Tom Lee was next.", "en", dt.date(2025, 9, 30)
    )
    assert [m.person for m in ex.moves] == ["Paul Smith"]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Elle arrive le 1er avril.", "fr", "2025-04-01"),
        ("Elle arrive le premier avril.", "fr", "2025-04-01"),
        ("Arriva il primo aprile.", "it", "2025-04-01"),
        ("Llega el primero de abril.", "es", "2025-04-01"),
        ("Chega em primeiro de abril.", "pt", "2025-04-01"),
    ],
)
def test_the_first_of_a_month_as_an_ordinal_or_a_word(text: str, lang: str, want: str) -> None:
    assert iso(text, lang) == [want]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Elle a été la première à partir.", "fr", []),
        ("Il primo ricercatore ad aprile era già partito.", "it", ["2025-04"]),
    ],
)
def test_first_as_an_adjective_is_no_day(text: str, lang: str, want: list[str]) -> None:
    # "première"/"primo" away from a month name: no day.
    assert iso(text, lang) == want


def test_a_bare_month_opening_a_future_statement_means_the_next_one() -> None:
    from test_extract_helpers import one_move

    # Told on 14 March 2025: the date stands before the verb, in its own clause.
    m = one_move("In May, Dana Whitfield will join Helix AI.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2025, 5)
    m = one_move("Dal primo maggio Sara Conti entrerà in Helix AI.", "it")
    assert m.date is not None and (m.date.year, m.date.month, m.date.day) == (2025, 5, 1)
    # In the past, or in a saying before the verb, the date is as told.
    m = one_move("In May, Dana Whitfield joined Helix AI.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 5)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Helix AI hired Dana Whitfield, who had been at Google since 2015.", "en"),
        ("Helix AI a recruté Anne Leroy, qui travaillait chez Google depuis 2015.", "fr"),
        ("O Nubank contratou Marta Lima, que estava no Google desde 2015.", "pt"),
    ],
)
def test_a_relative_clause_about_another_employer_keeps_its_date(
    sentence: str, language: str
) -> None:
    from test_extract_helpers import one_move

    m = one_move(sentence, language)
    assert m.from_org == "Google"
    assert m.date is None or m.date.year != 2015


def test_a_relative_clause_with_no_other_employer_dates_the_hire() -> None:
    from test_extract_helpers import one_move

    # Told on 14 March 2025: "who will start in May" is the hire's May.
    m = one_move("Helix AI hired Dana Whitfield, who will start in May.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2025, 5)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("She joined in April last year.", "en"),
        ("She joined in April of last year.", "en"),
        ("Sie kam im April vergangenen Jahres.", "de"),
        ("Sie kam im April des Vorjahres.", "de"),
        ("Elle est arrivée en avril de l'année dernière.", "fr"),
        ("Elle est arrivée en avril l'an dernier.", "fr"),
        ("È arrivata ad aprile dell'anno scorso.", "it"),
        ("Llegó en abril del año pasado.", "es"),
        ("Chegou em abril do ano passado.", "pt"),
    ],
)
def test_a_month_of_last_year(text: str, lang: str) -> None:
    # Told on 25 September 2025: April of the year before, not this April.
    assert iso(text, lang) == ["2024-04"]


def test_last_year_in_another_clause_leaves_the_month_to_publication() -> None:
    assert iso("She joined in April, and last year she led a team.", "en") == [
        "2025-04",
        "2024",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("She will leave at the end of the year.", "en", "2025-12"),
        ("She left at the end of last year.", "en", "2024-12"),
        ("She leaves by year-end.", "en", "2025-12"),
        ("Sie geht Ende des Jahres.", "de", "2025-12"),
        ("Sie ging Ende vergangenen Jahres.", "de", "2024-12"),
        ("Elle part à la fin de l'année.", "fr", "2025-12"),
        ("Elle est partie à la fin de l'année dernière.", "fr", "2024-12"),
        ("Se irá a finales de año.", "es", "2025-12"),
        ("Se fue a finales del año pasado.", "es", "2024-12"),
        ("Lascerà entro la fine dell'anno.", "it", "2025-12"),
        ("Sai no final do ano.", "pt", "2025-12"),
        ("Saiu no final do ano passado.", "pt", "2024-12"),
        ("Ia keluar pada akhir tahun ini.", "id", "2025-12"),
        ("Ia keluar akhir tahun lalu.", "id", "2024-12"),
    ],
)
def test_the_end_of_a_year_is_its_last_month(text: str, lang: str, want: str) -> None:
    assert iso(text, lang) == [want]


def test_the_end_of_a_year_long_thing_is_no_date() -> None:
    assert iso("She left after the end of the year-long project.", "en") == []
    assert iso("She left last year.", "en") == ["2024"]


def test_a_planned_move_with_a_bare_month_means_the_next_one() -> None:
    from test_extract_helpers import one_move

    # Told on 14 March 2025.
    m = one_move("Helix AI said Dana Whitfield plans to leave the company in May.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2025, 5)
    # A plan already carried out is dated as told.
    m = one_move("Dana Whitfield, who had planned it for months, left Helix AI in May.", "en")
    assert m.date is not None and (m.date.year, m.date.month) == (2024, 5)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("She will have joined in October this year.", "en"),
        ("Sie kommt im Oktober dieses Jahres.", "de"),
        ("Elle arrive en octobre de cette année.", "fr"),
        ("Arriva a ottobre di quest'anno.", "it"),
        ("Llega en octubre de este año.", "es"),
        ("Chega em outubro deste ano.", "pt"),
        ("Ia bergabung Oktober tahun ini.", "id"),
        ("他今年10月加入。", "zh"),
    ],
)
def test_a_month_of_this_year_is_this_year_s_whatever_the_tense(text: str, lang: str) -> None:
    # Told on 25 September 2025: October this year is next month, not last October.
    assert iso(text, lang) == ["2025-10"]


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("Sarah Kim left Google at the end of March.", "en", 3),
        ("Sarah Kim will leave Google at the start of October.", "en", 10),
        ("Marie Roy a quitté Google à la fin du mois de mars.", "fr", 3),
        ("Marie Roy a quitté Google au début de mars.", "fr", 3),
    ],
)
def test_the_end_or_start_of_a_month_is_that_month(text: str, language: str, month: int) -> None:
    from test_extract_helpers import run

    (move,) = run(text, language, dt.date(2025, 6, 15)).moves
    assert move.date is not None and move.date.month == month


def test_the_end_of_something_else_is_no_date() -> None:
    assert iso("She left at the end of Mayer's tenure, at the end of the quarter.", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        # The hire is the news; the departure it completes came months before.
        (
            "Cohere has hired Jane Roe as chief AI officer. Roe left Meta at the end of May.",
            "en",
            8,
        ),
        # A past join with no date of its own: the departure's is all the article says.
        ("Jane Roe left Meta at the end of May. She joined Cohere.", "en", 5),
        # Indonesian verbs carry no tense: "bergabung" does not say now.
        ("Jane Roe keluar dari Meta pada Mei. Ia kemudian bergabung dengan Cohere.", "id", 5),
        # A post held now says where the person is, not when they moved.
        ("Jane Roe keluar dari Meta pada Mei. Ia kini bekerja di Cohere.", "id", 5),
    ],
)
def test_a_join_the_tense_dates_now_dates_the_move_it_completes(
    text: str, language: str, month: int
) -> None:
    from test_extract_helpers import run

    (move,) = run(text, language, dt.date(2025, 8, 20)).moves
    assert (move.from_org, move.to_org) == ("Meta", "Cohere")
    assert move.date is not None and move.date.month == month


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jane Roe joined Google, where she had worked until 2019.", "en"),
        ("Marie Roy a rejoint Google, où elle avait travaillé jusqu'en 2019.", "fr"),
        ("Anna Weber wechselt zu Google, wo sie bis 2019 gearbeitet hatte.", "de"),
    ],
)
def test_a_date_in_a_clause_about_the_organisation_joined_is_the_clauses(
    text: str, language: str
) -> None:
    from test_extract_helpers import run

    (move,) = run(text, language, dt.date(2025, 6, 15)).moves
    assert move.to_org == "Google"
    assert move.date is None or move.date.year == 2025


def test_a_date_after_a_closed_clause_about_the_organisation_is_the_moves() -> None:
    from test_extract_helpers import run

    (move,) = run("Jane Roe left Instagram, which Facebook owned by then, in 2018.", "en").moves
    assert move.date is not None and move.date.year == 2018


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jane Roe joined Anthropic, a startup founded in 2021.", "en"),
        ("Marie Roy a rejoint Anthropic, la start-up née en 2021.", "fr"),
    ],
)
def test_a_date_in_an_apposition_about_the_organisation_joined_is_its_own(
    text: str, language: str
) -> None:
    from test_extract_helpers import run

    (move,) = run(text, language, dt.date(2024, 8, 6)).moves
    assert move.date is None or move.date.year == 2024


def test_a_date_after_a_short_apposition_dates_the_move() -> None:
    from test_extract_helpers import run

    (move,) = run("Jane Roe joined Anthropic, a startup, in 2021.", "en").moves
    assert move.date is not None and move.date.year == 2021


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # A past adverb opening the sentence covers the perfect marker "telah".
        ("Sebelumnya, Meta telah merekrut Budi Santoso dari Gojek.", False),
        ("Meta telah merekrut Budi Santoso dari Gojek.", True),
    ],
)
def test_indonesian_past_adverb_outweighs_the_perfect(text: str, dated: bool) -> None:
    from test_extract_helpers import run

    (move,) = run(text, "id", dt.date(2025, 6, 15)).moves
    assert (move.date is not None) is dated


@pytest.mark.parametrize(
    ("text", "language", "dated"),
    [
        ("Varun Mohan vai integrar o Google DeepMind.", "pt", True),
        ("Varun Mohan va a incorporarse a Google DeepMind.", "es", True),
        # A simple past with no date of its own says nothing of when.
        ("O Google contratou Varun Mohan.", "pt", False),
    ],
)
def test_the_periphrastic_future_says_now(text: str, language: str, dated: bool) -> None:
    from test_extract_helpers import run

    (move,) = run(text, language, dt.date(2025, 7, 15)).moves
    assert (move.date is not None) is dated


def test_a_phrase_inside_a_refused_match_is_still_found() -> None:
    # "some 3 years ago" matches inside "xsome" (refused: not at a word start);
    # the word-start match "3 years ago" within it is found all the same.
    assert iso("She joined xsome 3 years ago.", "en") == ["2022"]
