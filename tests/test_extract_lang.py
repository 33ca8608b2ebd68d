"""Language packs: loading, detection, and the engine's independence of them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from movesboard.extract import SUPPORTED_LANGUAGES, detect_language, extract
from movesboard.extract.lang import TRIGGER_KINDS, load_pack, pack_words

ENGINE = Path(__file__).parent.parent / "extract"


def test_packs_load_once_and_have_every_category() -> None:
    for code in SUPPORTED_LANGUAGES:
        pack = load_pack(code)
        assert pack is load_pack(code)
        for kind in TRIGGER_KINDS:
            assert pack.data["patterns"][kind], (code, kind)
        assert pack.dates is not None and pack.number("20") == 20
    assert load_pack("en").number("twenty-one") == 21
    assert load_pack("id").number("dua puluh satu") == 21
    assert load_pack("id").number("sebelas") == 11


def test_detection_by_stopwords() -> None:
    assert (
        detect_language("Perusahaan itu merekrut dua peneliti dari Google pada bulan lalu.") == "id"
    )
    assert detect_language("The company hired two researchers from Google last month.") == "en"
    assert detect_language("12345 !!!") == "en"
    ex = extract("Dewi Lestari telah bergabung dengan Anthropic dari Google.")
    assert ex.language == "id"


def test_engine_modules_hold_no_lexicon_words() -> None:
    """Words of a language live in its pack, not in the engine's code."""
    words = {
        "joined",
        "hired",
        "bergabung",
        "merekrut",
        "hengkang",
        "according",
        "menurut",
        "dikabarkan",
        "sabbatical",
        "cuti",
        "lalu",
        "tahun",
        "untuk",
        "melapor",
        "serta",
        "since",
        "sejak",
        "加入",
        "离开",
        "離開",
        "聘请",
        "据传",
    }
    for path in ENGINE.glob("*.py"):
        code = re.sub(r'""".*?"""|#[^\n]*', "", path.read_text("utf-8"), flags=re.S)
        found = {w for w in words if re.search(rf"\b{w}\b", code)}
        assert not found, (path.name, found)


def test_language_codes_are_normalised() -> None:
    body = "Dewi Lestari telah bergabung dengan Anthropic dari Google pada bulan lalu."
    assert extract(body, language="id-ID").language == "id"
    assert extract(body, language="in").language == "id"
    assert extract(body, language="xx").language == "id"  # no pack: detected
    assert extract("Jane Roe has joined Meta.", language="en_GB").language == "en"


def test_every_pack_defines_what_english_defines() -> None:
    """A new pack must fill every list (an empty list is a deliberate choice)."""
    en = load_pack("en").data
    for code in SUPPORTED_LANGUAGES:
        data = load_pack(code).data
        optional = {"role_conj"}
        missing = set(en["patterns"]) - set(data["patterns"]) - optional
        assert not missing, (code, missing)
        assert set(en["dates"]) - {"ordinal"} <= set(data["dates"]), code


def test_languages_without_a_pack_yield_no_invented_moves() -> None:
    for body in (  # languages with no pack (es, de and it have one now)
        "Forskaren Anna Lindqvist lämnar Google DeepMind för att börja på Anthropic, "
        "enligt källor nära henne. Lindqvist arbetade sex år på Google.",
        "De onderzoeker Jan de Vries stapt over van OpenAI naar Meta, zo maakte het bedrijf "
        "maandag bekend. De Vries werkte eerder bij Google.",
        "Badaczka Anna Kowalska odchodzi z Google DeepMind i przechodzi do Anthropic, "
        "poinformowała firma w poniedziałek.",
    ):
        ex = extract(body)
        assert ex.moves == []
        assert all(len(p.name.split()) <= 3 for p in ex.people)


def test_pack_word_sets_answer_accent_folded_lookups() -> None:
    from movesboard.extract.normalize import fold

    for code in SUPPORTED_LANGUAGES:
        pack = load_pack(code)
        for words in (pack.stopwords, pack.title_words, pack.not_name_words):
            assert all(fold(w) in words for w in words), code
        # Detection counts the words as the language writes them, not their folds.
        words = pack_words(code)
        assert words.detection_words <= pack.stopwords
        # The word lists read without compiling are the compiled pack's own.
        assert (words.stopwords, words.title_words, words.not_name_words) == (
            pack.stopwords,
            pack.title_words,
            pack.not_name_words,
        )
        assert words.script == pack.script


def test_extracting_one_language_compiles_no_other_pack() -> None:
    """An English article borrows the other packs' word lists, not their
    patterns: compiling all nine took ~3 s before the first article."""
    import subprocess
    import sys

    program = (
        "from movesboard.extract import extract;"
        "from movesboard.extract.lang import load_pack, pack_words;"
        "extract('Ada Lovelace left Alpha to join Beta Corp.');"
        "print(load_pack.cache_info().currsize)"
    )
    compiled = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert compiled.stdout.strip() == "1", compiled.stderr


def test_a_lexicon_entry_ending_in_a_hyphen_opens_a_compound() -> None:
    former = load_pack("en").rx["former"]
    assert former.search("the ex-OpenAI researcher")  # "ex-" glues onto the next word
    assert former.search("an ex employee")  # "ex-?" is also the word "ex"
    assert not former.search("an executive")  # but never the start of another word


# (language, singular clause, plural clause): "A and B, <relative> ... left Google for Meta".
RELATIVE_NUMBER = [
    (
        "pt",
        "Paulo Silva e João Costa, que em agosto trocou o Google pela Meta, são engenheiros.",
        "Paulo Silva e João Costa, que em agosto trocaram o Google pela Meta, são engenheiros.",
    ),
    (
        "es",
        "Pablo Ruiz y Juan Gómez, que en agosto dejó Google por Meta, son ingenieros.",
        "Pablo Ruiz y Juan Gómez, que en agosto dejaron Google por Meta, son ingenieros.",
    ),
    (
        "fr",
        "Paul Martin et Jean Petit, qui a quitté Google pour Meta en août, sont ingénieurs.",
        "Paul Martin et Jean Petit, qui ont quitté Google pour Meta en août, sont ingénieurs.",
    ),
    (
        "it",
        "Paolo Rossi e Marco Bianchi, che ad agosto ha lasciato Google per Meta, ora lavorano.",
        "Paolo Rossi e Marco Bianchi, che ad agosto hanno lasciato Google per Meta, ora lavorano.",
    ),
    # The verb after its reflexive clitic: "que se unió" / "que se unieron".
    (
        "es",
        "Pablo Ruiz y Juan Gómez, que se unió a Meta desde Google en agosto, son ingenieros.",
        "Pablo Ruiz y Juan Gómez, que se unieron a Meta desde Google en agosto, son ingenieros.",
    ),
]


@pytest.mark.parametrize(("language", "singular", "plural"), RELATIVE_NUMBER)
def test_a_relative_clause_in_the_singular_moves_only_the_name_before_it(
    language: str, singular: str, plural: str
) -> None:
    def movers(sentence: str) -> set[str]:
        found = extract(sentence, language=language).moves
        return {m.person for m in found if (m.from_org, m.to_org) == ("Google", "Meta")}

    names = plural.split(",")[0].split()
    first, last = " ".join(names[:2]), " ".join(names[3:])
    assert movers(singular) == {last}
    # Near miss: the plural verb says the clause is about both.
    assert movers(plural) == {first, last}


def test_a_relative_clause_keeps_the_list_where_the_language_does_not_mark_number() -> None:
    sentence = "Paul Smith and John Lee, who swapped Google for Meta in August, are engineers."
    found = extract(sentence, language="en").moves
    assert {m.person for m in found if m.to_org == "Meta"} == {"Paul Smith", "John Lee"}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("In March Anna Schmidt moved to Meta, Jan Roth to Google, and Li Wei to Apple.", "en"),
        ("Im März wechselte Anna Schmidt zu Meta, Jan Roth zu Google und Li Wei zu Apple.", "de"),
        ("Anna Schmidt wechselte zu Meta, Jan Roth zu Google, Li Wei zu Apple.", "de"),
    ],
)
def test_a_gapped_clause_repeats_the_verb_for_its_own_name_and_organisation(
    sentence: str, language: str
) -> None:
    found = {(m.person, m.to_org) for m in extract(sentence, language=language).moves}
    assert found == {("Anna Schmidt", "Meta"), ("Jan Roth", "Google"), ("Li Wei", "Apple")}


def test_a_name_after_a_comma_that_says_something_else_is_no_gapped_move() -> None:
    for sentence in (
        "Anna Schmidt moved to Meta, Jan Roth said.",
        "Anna Schmidt moved to Meta, Jan Roth to Google's dismay.",
    ):
        found = {(m.person, m.to_org) for m in extract(sentence, language="en").moves}
        assert found == {("Anna Schmidt", "Meta")}, sentence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ann Lee worked for six years at Google. She has now joined Helix AI.", "en"),
        ("Ana López trabajó diez años en Google. Ahora se incorpora a Helix AI.", "es"),
        ("Anna Conti ha lavorato dieci anni in Google. Ora entra in Helix AI.", "it"),
        ("Anne Roy a travaillé dix ans chez Google. Elle rejoint Helix AI.", "fr"),
    ],
)
def test_the_simple_past_of_work_names_the_employer_left(text: str, language: str) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Google", "Helix AI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ann Lee joined Helix AI last week. She spent a decade at Google before "
            "moving to Apple in 2019.",
            "en",
        ),
        (
            "Anne Roy rejoint Helix AI. Elle a travaillé dix ans chez Google avant de "
            "rejoindre Apple en 2019.",
            "fr",
        ),
    ],
)
def test_an_employer_the_article_has_the_person_leave_since_is_no_origin(
    text: str, language: str
) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert ("Google", "Helix AI") not in found
    assert ("Google", "Apple") in found


def test_an_employer_never_left_since_stays_the_origin() -> None:
    text = "Ann Lee joined Helix AI last week. She spent a decade at Google."
    found = {(m.from_org, m.to_org) for m in extract(text, language="en").moves}
    assert found == {("Google", "Helix AI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sarah Kim left Google in May and now leads research at Helix AI.", "en"),
        ("Sarah Kim will leave Google and will lead the agents team at Helix AI.", "en"),
        ("Claire Roy a quitté Google en mai et dirige désormais la recherche chez Helix AI.", "fr"),
        ("Ana López dejó Google en mayo y ahora dirige la investigación en Helix AI.", "es"),
        ("Anna Conti ha lasciato Google a maggio e ora guida la ricerca di Helix AI.", "it"),
        ("Ana Souza deixou o Google em maio e agora lidera a equipe de IA da Helix AI.", "pt"),
        ("Anna Weber verließ Google im Mai und leitet nun die Forschung bei Helix AI.", "de"),
        ("Dewi Lestari keluar dari Google pada Mei dan kini memimpin tim AI di Helix AI.", "id"),
    ],
)
def test_a_post_held_now_after_a_departure_is_where_the_person_went(
    text: str, language: str
) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Google", "Helix AI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sarah Kim left Google in May, and Tom Reed now leads research at Helix AI.", "en"),
        (
            "Claire Roy a quitté Google, et Paul Martin dirige désormais la recherche chez "
            "Helix AI.",
            "fr",
        ),
    ],
)
def test_a_post_someone_else_holds_now_is_no_destination(text: str, language: str) -> None:
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert ("Tom Reed" if language == "en" else "Paul Martin") not in {p for p, _, _ in found}
    assert all(to is None for _, _, to in found)


def test_work_at_a_place_that_is_no_organisation_names_no_origin() -> None:
    text = "Ann Lee worked at the lab on robotics. She has now joined Helix AI."
    assert {(m.from_org, m.to_org) for m in extract(text, language="en").moves} == {
        (None, "Helix AI")
    }


def test_a_statement_of_past_work_covers_every_name_listed_before_it() -> None:
    text = "Ann Lee and Tom Reed worked together at Google. Both have now joined Helix AI."
    found = {(m.person, m.from_org) for m in extract(text, language="en").moves}
    assert found == {("Ann Lee", "Google"), ("Tom Reed", "Google")}
    # Near miss: a name in a relative clause of its own is not listed with the subject.
    text = "Ann Lee met Tom Reed, who worked at Google. Ann Lee has now joined Helix AI."
    found = {(m.person, m.from_org) for m in extract(text, language="en").moves}
    assert found == {("Ann Lee", None)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Maria Lopez left Cupertino for Menlo Park in March.", "en"),
        ("Marie Dubois a quitté Cupertino pour Menlo Park.", "fr"),
        ("María López dejó Cupertino por Menlo Park.", "es"),
        ("Anna Weber verließ Cupertino in Richtung Menlo Park.", "de"),
        ("Dewi Lestari keluar dari Cupertino untuk bergabung dengan Menlo Park.", "id"),
    ],
)
def test_headquarters_towns_on_both_sides_of_a_move_stand_for_their_companies(
    text: str, language: str
) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Apple", "Meta")}


def test_a_headquarters_town_with_a_company_on_the_other_side_stands_for_its_company() -> None:
    found = {(m.from_org, m.to_org) for m in extract("Ann Lee left Apple for Mountain View.").moves}
    assert found == {("Apple", "Google")}


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez moved to Cupertino with her family and joined a local startup.",
        "Maria Lopez left Apple in March; she still lives in Cupertino.",
        "Maria Lopez left Cupertino for good in 2019.",
    ],
)
def test_a_headquarters_town_alone_is_a_place(text: str) -> None:
    ex = extract(text, language="en")
    assert all(m.to_org is None for m in ex.moves)
    assert "Apple" not in {m.to_org for m in ex.moves}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Maria Lopez left London in March for Helix AI.", "en"),
        ("Marie Dubois a quitté Londres en mars pour Helix AI.", "fr"),
        ("María López dejó Londres en marzo para unirse a Helix AI.", "es"),
    ],
)
def test_an_organisation_after_a_destination_preposition_is_no_object_left(
    text: str, language: str
) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {(None, "Helix AI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jane Roe, who had worked at Google since 2015, is joining Helix AI.", "en"),
        ("Marie Roy, qui travaillait chez Google depuis 2015, rejoint Helix AI.", "fr"),
        ("Jonas Becker, der seit 2015 bei Google gearbeitet hatte, wechselt zu Helix AI.", "de"),
    ],
)
def test_a_date_in_a_relative_clause_before_the_verb_is_the_clauses_own(
    text: str, language: str
) -> None:
    (move,) = extract(text, language=language, published=dt.date(2025, 6, 15)).moves
    assert (move.from_org, move.to_org) == ("Google", "Helix AI")
    assert move.date is not None and move.date.year == 2025


@pytest.mark.parametrize(
    "text", ["Jane Roe, in May, joined Helix AI.", "In May, Jane Roe, who is 40, joined Helix AI."]
)
def test_a_date_set_apart_as_itself_or_fronted_dates_the_move(text: str) -> None:
    (move,) = extract(text, language="en", published=dt.date(2025, 6, 15)).moves
    assert move.date is not None and move.date.month == 5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("LONDON (Reuters) - Weeks after returning to Google, Ann Lee already runs a team.", "en"),
        (
            "LONDRES (Reuters) – Semanas después de volver a Google, Ana López ya dirige "
            "un equipo.",
            "es",
        ),
    ],
)
def test_a_datelines_publication_is_no_origin(text: str, language: str) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {(None, "Google")}


def test_an_employer_in_the_clause_before_the_subject_is_still_its_origin() -> None:
    text = "A former OpenAI researcher, Ann Lee has joined Google."
    assert {(m.from_org, m.to_org) for m in extract(text, language="en").moves} == {
        ("OpenAI", "Google")
    }


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        (
            "xAI loses two more co-founders",
            "Tony Wu and Jimmy Ba have left xAI. Half of the twelve founders are now gone. "
            "Christian Szegedy, a former Google researcher, left in February.",
            "en",
        ),
        (
            "Dua pendiri xAI mundur",
            "Tony Wu dan Jimmy Ba keluar dari xAI. Enam dari 12 pendiri xAI kini sudah tidak "
            "bersama perusahaan. Christian Szegedy, mantan peneliti Google, keluar pada Februari.",
            "id",
        ),
    ],
)
def test_a_former_employer_is_history_in_a_story_about_another_organisation(
    title: str, body: str, language: str
) -> None:
    ex = extract(body, title=title, language=language, published=dt.date(2025, 6, 1))
    assert ("Christian Szegedy", "xAI", None) in {
        (m.person, m.from_org, m.to_org) for m in ex.moves
    }


def test_a_resignation_makes_the_description_former_in_a_story_about_that_employer() -> None:
    ex = extract("Mantan CTO Gojek, Budi Santoso, mengundurkan diri.", language="id")
    assert {(m.person, m.from_org) for m in ex.moves} == {("Budi Santoso", "Gojek")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kevin Weil fills the gap after several OpenAI executives left.", "en"),
        ("Kevin Weil fills the gap after several executives at OpenAI left.", "en"),
        ("Kevin Weil mengisi kekosongan setelah sejumlah petinggi OpenAI hengkang.", "id"),
    ],
)
def test_a_quantified_group_right_before_the_verb_is_its_subject(text: str, language: str) -> None:
    assert extract(text, language=language).moves == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kevin Weil and several OpenAI executives left.", "en"),
        ("Kevin Weil dan sejumlah petinggi OpenAI hengkang.", "id"),
    ],
)
def test_a_name_listed_with_a_group_moves_with_it(text: str, language: str) -> None:
    found = {(m.person, m.from_org) for m in extract(text, language=language).moves}
    assert found == {("Kevin Weil", "OpenAI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Juan Perez said goodbye to Anthropic in May.", "en"),
        ("Juan Pérez dice adiós a Anthropic.", "es"),
        ("Jean Dupont fait ses adieux à Anthropic.", "fr"),
        ("João Silva se despediu da Anthropic.", "pt"),
        ("Jan Roth verabschiedet sich von Anthropic.", "de"),
        ("Budi Santoso berpamitan dari Anthropic.", "id"),
    ],
)
def test_saying_goodbye_to_an_employer_is_leaving_it(text: str, language: str) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Anthropic", None)}


@pytest.mark.parametrize(
    "text", ["Juan Perez said goodbye to his colleagues.", "Juan Perez said goodbye to Paris."]
)
def test_saying_goodbye_to_anything_else_is_no_move(text: str) -> None:
    assert extract(text, language="en").moves == []


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "Juan Pérez anunció la semana pasada en X que se despedía de Anthropic.",
            "es",
            "Juan Pérez",
        ),
        ("Juan Perez said last week on Threads that he was leaving Anthropic.", "en", "Juan Perez"),
    ],
)
def test_where_and_when_something_was_said_stand_between_speaker_and_move(
    text: str, language: str, speaker: str
) -> None:
    # Undated too: a relative date is then no date read, but still no subject.
    for published in (None, dt.date(2025, 2, 7)):
        ex = extract(text, language=language, published=published)
        assert {(m.person, m.from_org) for m in ex.moves} == {(speaker, "Anthropic")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dopo l'addio di Ilya Sutskever, ha fatto le valigie anche Jan Leike.", "it"),
        ("Tras la salida de Ilya Sutskever, también hizo las maletas Jan Leike.", "es"),
        ("Depois da saída de Ilya Sutskever, Jan Leike também fez as malas.", "pt"),
    ],
)
def test_packing_ones_bags_is_leaving(text: str, language: str) -> None:
    assert "Jan Leike" in {m.person for m in extract(text, language=language).moves}


def test_packing_bags_in_english_is_left_literal() -> None:
    assert extract("Jane Roe packed her bags for the trip.", language="en").moves == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dopo l'addio di Ilya Sutskever, ha lasciato OpenAI anche Jan Leike.", "it"),
        ("Tras la salida de Ilya Sutskever, también dejó OpenAI Jan Leike.", "es"),
    ],
)
def test_a_name_in_a_fronted_phrase_gives_way_to_the_subject_after_the_verb(
    text: str, language: str
) -> None:
    found = {(m.person, m.from_org) for m in extract(text, language=language).moves}
    assert ("Jan Leike", "OpenAI") in found


def test_a_name_in_a_fronted_phrase_with_no_subject_after_stays() -> None:
    found = {m.person for m in extract("Junto a Ana López, dejó OpenAI.", language="es").moves}
    assert found == {"Ana López"}


def test_what_a_relative_clause_says_the_person_did_next_is_no_description() -> None:
    text = (
        "Nelle settimane successive ha lasciato OpenAI anche Jan Leike, che guidava il team "
        "Superalignment e ha poi scelto Anthropic."
    )
    found = {(m.person, m.from_org) for m in extract(text, language="it").moves}
    assert ("Jan Leike", "Anthropic") not in found


def test_an_organisation_a_relative_clause_says_the_person_built_describes_them() -> None:
    text = (
        "Auch Karén Simonyan, der Inflection AI gemeinsam mit Suleyman aufgebaut hatte, "
        "heuert bei Microsoft an."
    )
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language="de").moves}
    assert found == {("Karén Simonyan", "Inflection AI", "Microsoft")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jane Roe opted for Helix AI over OpenAI.", "en"),
        ("Marie Roy a finalement choisi Helix AI.", "fr"),
        ("Ana López ha elegido Helix AI.", "es"),
        ("Ana Souza optou pela Helix AI.", "pt"),
        ("Anna Conti ha poi scelto Helix AI.", "it"),
    ],
)
def test_choosing_an_employer_is_joining_it(text: str, language: str) -> None:
    assert {m.to_org for m in extract(text, language=language).moves} == {"Helix AI"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mark Zuckerberg ha scelto l'ex ricercatore di OpenAI Shengjia Zhao come capo.", "it"),
        ("Marie Roy a choisi l'ancienne chercheuse d'OpenAI Anne Lee.", "fr"),
        ("Jane Roe opted for a quieter life away from OpenAI.", "en"),
    ],
)
def test_choosing_a_person_or_anything_else_joins_nothing(text: str, language: str) -> None:
    assert all(m.to_org != "OpenAI" for m in extract(text, language=language).moves)


def test_a_name_in_company_inside_a_relative_clause_is_no_subject() -> None:
    text = (
        "Nelle settimane successive ha lasciato OpenAI anche Jan Leike, che con Ilya Sutskever "
        "guidava il team e ha poi scelto Anthropic."
    )
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language="it").moves}
    assert found == {("Jan Leike", "OpenAI", "Anthropic")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Meta, qui a déjà débauché Anne Roy chez Helix AI, multiplie les recrutements.", "fr"),
        ("Meta hat Jonas Becker bei Helix AI abgeworben.", "de"),
    ],
)
def test_where_the_hired_person_worked_follows_them(text: str, language: str) -> None:
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Helix AI", "Meta")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Meta a recruté Anne Roy chez Meta Paris.", "fr"),
        ("Meta hat Jonas Becker bei Meta als Forscher eingestellt.", "de"),
    ],
)
def test_the_hirer_itself_after_the_hired_person_is_no_origin(text: str, language: str) -> None:
    assert {m.from_org for m in extract(text, language=language).moves} == {None}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A OpenAI queria a Helix AI. A gigante de Mountain View contratou Varun Mohan.", "pt"),
        ("OpenAI voulait Helix AI. La firme de Mountain View a recruté Varun Mohan.", "fr"),
    ],
)
def test_an_anaphor_naming_a_headquarters_town_is_that_company(text: str, language: str) -> None:
    assert {m.to_org for m in extract(text, language=language).moves} == {"Google"}


def test_an_anaphor_naming_no_town_is_the_company_before() -> None:
    text = "A OpenAI queria a Helix AI. A gigante contratou Varun Mohan."
    assert {m.to_org for m in extract(text, language="pt").moves} != {"Google"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "OpenAI had agreed to buy Windsurf. Google then hired Varun Mohan, the CEO of "
            "the startup.",
            "en",
        ),
        (
            "OpenAI iba a comprar Windsurf. Google fichó a Varun Mohan, consejero delegado de "
            "la startup.",
            "es",
        ),
    ],
)
def test_the_startup_is_the_one_the_gazetteer_knows_as_one(text: str, language: str) -> None:
    # Not the bidder the sentence before is about: OpenAI is a lab, Windsurf a startup.
    found = {(m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert found == {("Windsurf", "Google")}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Jane Roe previously worked at DeepMind, which she joined in 2016.",
            "en",
            ("Jane Roe", None, "Google DeepMind"),
        ),
        (
            "Twenty engineers joined DensityAI, a start-up that former Dojo chief Ganesh "
            "Venkataramanan founded after leaving Tesla in 2023.",
            "en",
            ("Ganesh Venkataramanan", "Tesla", "DensityAI"),
        ),
    ],
)
def test_an_object_relative_clause_joins_its_antecedent(
    text: str, language: str, expected: tuple[str, str | None, str]
) -> None:
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert expected in found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Llegó Nat Friedman, expresidente de GitHub, que se sumó como colíder.", "es"),
        (
            "Jan Leike, mantan pemimpin tim OpenAI, yang lebih dulu bergabung dengan Anthropic.",
            "id",
        ),
    ],
)
def test_a_subject_relative_clause_is_the_persons_not_the_organisations(
    text: str, language: str
) -> None:
    moves_ = extract(text, language=language).moves
    assert all(m.to_org not in ("GitHub", "OpenAI") for m in moves_)


def test_a_description_before_a_relative_clause_that_tells_a_move_is_still_read() -> None:
    text = (
        "Fidji Simo, the former Instacart CEO who joined the ChatGPT maker this summer, "
        "leads Applications."
    )
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language="en").moves}
    assert found == {("Fidji Simo", "Instacart", "OpenAI")}


def test_a_relative_clause_that_is_the_whole_description_is_still_read() -> None:
    # The clause names the employer itself: no move in it, nothing cut.
    text = "OpenAI has lured away Sachin Katti, the executive who ran AI strategy at Intel."
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language="en").moves}
    assert found == {("Sachin Katti", "Intel", "OpenAI")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Chu will join a team led by Ruoming Pang, his former boss at Apple who moved to Meta.",
            "en",
        ),
        (
            "Chu bergabung dengan tim Ruoming Pang, mantan atasannya di Apple yang pindah ke Meta.",
            "id",
        ),
    ],
)
def test_a_description_left_open_to_the_end_is_read_up_to_its_relative_clause(
    text: str, language: str
) -> None:
    found = {(m.person, m.from_org, m.to_org) for m in extract(text, language=language).moves}
    assert ("Ruoming Pang", "Apple", "Meta") in found


def test_a_description_left_open_with_no_relative_clause_is_not_read() -> None:
    # Nothing closes it and nothing after the name moves: no origin is guessed.
    text = "Ruoming Pang moved to Meta, a company that builds large models at Apple Park."
    assert {m.from_org for m in extract(text, language="en").moves} == {None}
