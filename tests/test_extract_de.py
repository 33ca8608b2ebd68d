"""German, the fourth pack: a data file and a small module, no engine change."""

from __future__ import annotations

import datetime as dt

import pytest
from test_extract_helpers import moves, one_move, people, run


def test_wechselt_als_rolle_mit_datum() -> None:
    m = one_move(
        "Die Forscherin Julia Hoffmann wechselt als Chefwissenschaftlerin zu Aleph Alpha, "
        "wie das Unternehmen am Montag mitteilte.",
        "de",
    )
    assert (m.person, m.from_org, m.to_org) == ("Julia Hoffmann", None, "Aleph Alpha")
    assert m.role == "Chefwissenschaftlerin"
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_perfekt_mit_partizip_am_ende() -> None:
    m = one_move("Julia Hoffmann ist im Januar 2025 zu Anthropic gewechselt.", "de")
    assert (m.person, m.to_org) == ("Julia Hoffmann", "Anthropic")
    assert m.date is not None and m.date.iso() == "2025-01"


def test_verlaesst_und_wechselt_zu() -> None:
    m = one_move("Markus Lehmann verlässt Google DeepMind und wechselt zu Anthropic.", "de")
    assert (m.person, m.from_org, m.to_org) == ("Markus Lehmann", "Google DeepMind", "Anthropic")


def test_wechselte_von_zu() -> None:
    m = one_move("Thomas Richter wechselte im Juli 2024 von Apple zu Meta.", "de")
    assert (m.person, m.from_org, m.to_org) == ("Thomas Richter", "Apple", "Meta")
    assert m.date is not None and m.date.iso() == "2024-07"


def test_abgang_dann_ankunft_mit_pronomen() -> None:
    body = "Sabine Krüger hat OpenAI im Februar verlassen. Sie heuert nun bei Mistral AI an."
    m = one_move(body, "de")
    assert (m.person, m.from_org, m.to_org) == ("Sabine Krüger", "OpenAI", "Mistral AI")


def test_abwerben_mit_agent_zuerst() -> None:
    m = one_move("Meta hat den Forscher Tobias Brandt von OpenAI abgeworben.", "de")
    assert (m.person, m.from_org, m.to_org) == ("Tobias Brandt", "OpenAI", "Meta")


def test_geruecht_und_dementi_zaehlen_nicht() -> None:
    ex = run("Katrin Vogel soll laut Insidern zu Meta wechseln.", "de")
    assert all(not m.modality.counts for m in ex.moves)
    ex = run("Stefan Wolf wechselt nicht zu OpenAI, stellte ein Sprecher klar.", "de")
    assert all(not m.modality.counts for m in ex.moves)


def test_bleibt_ist_kein_wechsel() -> None:
    assert moves("Petra Neumann bleibt bei Hugging Face, teilte ein Sprecher mit.", "de") == set()


def test_gruppe_ohne_namen() -> None:
    ex = run(
        "Rund ein Dutzend Ingenieure von Google sind in den vergangenen Wochen "
        "zu Anthropic gewechselt.",
        "de",
    )
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (12, ("Google",), "Anthropic")
    assert [m for m in ex.moves if m.modality.counts] == []


def test_sprache_erkannt_ohne_angabe() -> None:
    ex = run(
        "Der Informatiker Jonas Keller hat Google nach sechs Jahren verlassen und "
        "schließt sich dem Start-up Mistral AI an, wie das Unternehmen mitteilte."
    )
    assert ex.language == "de"
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves if m.modality.counts} == {
        ("Jonas Keller", "Google", "Mistral AI")
    }


def test_frueherer_arbeitgeber_in_der_beschreibung() -> None:
    m = one_move("Felix Schuster, zuvor Forscher bei OpenAI, schließt sich Mistral AI an.", "de")
    assert (m.person, m.from_org, m.to_org) == ("Felix Schuster", "OpenAI", "Mistral AI")
    m = one_move("Laura Becker, bislang Managerin bei Google, ist zu Microsoft gewechselt.", "de")
    assert (m.person, m.from_org, m.to_org) == ("Laura Becker", "Google", "Microsoft")


def test_grossgeschriebene_nomen_sind_keine_namen() -> None:
    found = people(
        "Der Forscher Jan Roth verlässt Google. Laut Insidern wechselt er zu Meta.", "de"
    )
    assert list(found) == ["Jan Roth"]


def test_zahlwoerter() -> None:
    from movesboard.extract.lang import load_pack

    de = load_pack("de")
    assert [de.number(w) for w in ("elf", "einundzwanzig", "ein Dutzend", "zwölf", "x")] == [
        11,
        21,
        12,
        12,
        None,
    ]


def test_ordinal_and_dotted_dates_in_running_text() -> None:
    # "16." before a month is a day, not the end of a sentence; 16.07.2025 is a date.
    for when in ("am 16. Juli 2025", "am 16.07.2025"):
        m = one_move(
            f"Die Forscherin Anna Schmidt ist {when} zu Meta gewechselt, wie das Unternehmen "
            "mitteilte.",
            "de",
            dt.date(2025, 7, 20),
        )
        assert (m.person, m.to_org) == ("Anna Schmidt", "Meta")
        assert m.date is not None and m.date.iso() == "2025-07-16"


def test_a_fronted_phrase_puts_the_subject_after_the_verb() -> None:
    # Verb second: the name (or pronoun) follows the verb when something else leads.
    assert moves("Im März wechselte Anna Schmidt von Google zu Meta.", "de") == {
        ("Anna Schmidt", "Google", "Meta")
    }
    assert moves("Nach sechs Jahren bei OpenAI wechselt Jan Müller zu Anthropic.", "de") == {
        ("Jan Müller", "OpenAI", "Anthropic")
    }
    assert moves("Der Forscher Jonas Weber war bei Google. Nun wechselt er zu Meta.", "de") == {
        ("Jonas Weber", None, "Meta")
    }
    ex = run("Laut Insidern wechselt Anna Schmidt zu Meta.", "de")
    assert [str(m.modality) for m in ex.moves] == ["rumoured"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta hat den OpenAI-Forscher Jonas Becker eingestellt.",
        "Meta stellt den früheren OpenAI-Forscher Jonas Becker ein.",
    ],
)
def test_a_title_compound_before_an_object_name_makes_it_a_person(sentence: str) -> None:
    assert moves(sentence, "de") == {("Jonas Becker", "OpenAI", "Meta")}


def test_a_compound_whose_head_is_no_title_makes_no_person() -> None:
    assert moves("Meta hat das Google-Projekt Jonas Becker übergeben.", "de") == set()
    assert people("Wir sprachen mit dem OpenAI-Forscher über Jonas Becker.", "de") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Meta hat Jonas Becker abgeworben, der zuvor bei OpenAI die Forschung leitete.",
        "Meta hat Jonas Becker eingestellt, der seit 2015 bei OpenAI gearbeitet hatte.",
        "Meta hat Jonas Becker eingestellt, die bis 2024 bei OpenAI forschte.",
    ],
)
def test_a_relative_clause_after_the_closing_participle_tells_where_the_hire_was(
    sentence: str,
) -> None:
    (m,) = run(sentence, "de", dt.date(2025, 6, 15)).moves
    assert (m.person, m.from_org, m.to_org) == ("Jonas Becker", "OpenAI", "Meta")
    assert m.date is not None and m.date.year == 2025


def test_an_organisation_in_a_relative_clause_is_no_hirer() -> None:
    # No hiring organisation is named: the one the clause names is where he was.
    sentence = (
        "Der Konzern hat Jonas Becker abgeworben, der zuvor bei OpenAI die Forschung leitete."
    )
    assert all(m.to_org != "OpenAI" for m in run(sentence, "de").moves)


def test_a_relative_clause_about_the_new_post_names_no_origin() -> None:
    sentence = "Meta hat Jonas Becker eingestellt, der die Forschung bei Meta leiten wird."
    assert moves(sentence, "de") == {("Jonas Becker", None, "Meta")}


def test_a_company_compound_names_the_previous_employer() -> None:
    assert moves("Der frühere OpenAI-Forscher Jan Müller wechselt zu Meta.", "de") == {
        ("Jan Müller", "OpenAI", "Meta")
    }
    assert people("Die ehemalige Google-Managerin Anna Schmidt ist zu Meta gewechselt.", "de") == {
        "Anna Schmidt": []
    }


def test_liste_nach_relativsatz_mit_fuer_sich_gewinnen() -> None:
    body = (
        "Das Papier nennt drei Ingenieure, die Mistral AI im Frühjahr für sich gewinnen konnte:\n\n"
        "- Lena Albrecht (Google): Sprachmodelle\n"
        "- Piotr Nowak: Infrastruktur\n"
    )
    assert moves(body, "de") == {
        ("Lena Albrecht", "Google", "Mistral AI"),
        ("Piotr Nowak", None, "Mistral AI"),
    }
    # a prize won is no hire, and a list without a move verb announces nothing
    near = (
        "Das Papier nennt drei Preise, die Mistral AI im Frühjahr gewinnen konnte:\n\n"
        "- Lena Albrecht (Google): Sprachmodelle\n"
    )
    assert moves(near, "de") == set()


def test_bisheriger_arbeitgeber_ist_nicht_das_ziel_der_anapher() -> None:
    # "dem Internetriesen" is Meta, not the former employer named as such
    body = (
        "Meta baut sein Labor aus. "
        "Der bisherige Google-Forscher Jan Roth wechselt zu dem Internetriesen."
    )
    assert moves(body, "de") == {("Jan Roth", "Google", "Meta")}
    # near-miss: a current description is still what the anaphor can refer to
    near = "Meta baut sein Labor aus. Der Google-Forscher Jan Roth verlässt den Internetriesen."
    assert moves(near, "de") == {("Jan Roth", "Google", None)}


def test_mehrwortname_als_bindestrich_kompositum() -> None:
    body = "Meta baut sein Labor aus. Der frühere Inflection-AI-Chef Jan Roth wechselt zu Meta."
    assert moves(body, "de") == {("Jan Roth", "Inflection AI", "Meta")}
    # near-miss: the compound describes, it moves no one
    near = "Der Inflection-AI-Chef Jan Roth bleibt bei dem Start-up, sagte ein Sprecher."
    assert moves(near, "de") == set()


def test_verbklammer_mit_apposition_und_vorangestellter_praeposition() -> None:
    # the finite verb, then the subject with its apposition, the object and the participle
    body = (
        "Intel baut um, sagt Anna Weber. Lange vor Weber hatte Jonas Brandt, "
        "ein langjähriger Entwickler aus dem Team, das Unternehmen verlassen."
    )
    ex = run(body, "de")
    assert {(m.person, m.from_org) for m in ex.moves if m.modality.counts} == {
        ("Jonas Brandt", "Intel")
    }
    # near-miss: the name of the fronted phrase moves nowhere, and a stay is no move
    near = (
        "Intel baut um. Lange vor Weber hatte Jonas Brandt seinen Posten im Unternehmen behalten."
    )
    assert moves(near, "de") == set()


def test_nach_angaben_ist_keine_richtung() -> None:
    body = "Die Managerin Lea Horn hat Google nach Angaben von Reuters inzwischen verlassen."
    assert moves(body, "de") == {("Lea Horn", "Google", None)}
    # near-miss: "nach" before an organisation is where she went
    near = "Die Managerin Lea Horn verließ Google nach Mistral AI."
    assert moves(near, "de") == {("Lea Horn", "Google", "Mistral AI")}


def test_hinter_ist_praeposition_fuer_die_anapher() -> None:
    body = (
        "Bei Chips liegt der Konzern hinter Nvidia zurück; Intel sucht Personal. "
        "Paul Berger hat das Unternehmen verlassen."
    )
    assert moves(body, "de") == {("Paul Berger", "Intel", None)}
    # near-miss: the subject-like organisation of the sentence before stays the antecedent
    near = "Nvidia überholt Intel bei Chips. Paul Berger hat das Unternehmen verlassen."
    assert moves(near, "de") == {("Paul Berger", "Nvidia", None)}


def test_zweck_nach_komma_nennt_das_ziel() -> None:
    body = "Lea Horn verließ 2023 Google, um bei Meta anzufangen."
    assert moves(body, "de") == {("Lea Horn", "Google", "Meta")}
    # near-miss: a purpose that is no job names no destination
    near = "Lea Horn verließ 2023 Google, um bei Meta zu investieren."
    assert moves(near, "de") == {("Lea Horn", "Google", None)}


def test_den_ruecken_gekehrt_im_perfekt() -> None:
    assert moves("Lea Horn hat Google im Mai den Rücken gekehrt.", "de") == {
        ("Lea Horn", "Google", None)
    }
    # near-miss: backing someone is no departure
    assert moves("Lea Horn hat Google im Streit den Rücken gestärkt.", "de") == set()


def test_von_x_zu_y_in_der_verbklammer() -> None:
    body = "Lea Horn ist im Mai von Google zu Meta gewechselt."
    assert moves(body, "de") == {("Lea Horn", "Google", "Meta")}
    body = "Lea Horn ist nach drei Jahren bei Google zu Meta gewechselt."
    assert moves(body, "de") == {("Lea Horn", "Google", "Meta")}
    # near-miss: "nach Jahren" is a time, not where she went
    assert moves("Lea Horn ist nach Jahren zu Meta gewechselt.", "de") == {
        ("Lea Horn", None, "Meta")
    }
    assert moves("Lea Horn ging nach zwei Jahren zu Meta.", "de") == {("Lea Horn", None, "Meta")}


def test_nebensatz_mit_verb_am_ende() -> None:
    body = "Nachdem Julia Hoffmann im Mai Google verlassen hatte, heuerte sie bei Meta an."
    assert moves(body, "de") == {("Julia Hoffmann", "Google", "Meta")}
    # near-miss: leaving a place is no departure from an employer
    assert moves("Als Julia Hoffmann das Haus verlassen hatte, regnete es.", "de") == set()


def test_kompositum_mit_titel_gehoert_nicht_zum_namen() -> None:
    body = "Der Ex-Google-Forscher Tobias Brandt heuert bei Meta an."
    assert moves(body, "de") == {("Tobias Brandt", "Google", "Meta")}
    # near-miss: a hyphenated name whose last part is short stays whole
    assert "Lip-Bu Tan" in people("Intel-Chef Lip-Bu Tan sagte, Tan bleibe im Amt.", "de")


def test_zieht_es_mit_nachgestelltem_namen() -> None:
    assert moves("Nun zieht es Julia Hoffmann zu Meta.", "de") == {("Julia Hoffmann", None, "Meta")}
    # near-miss: drawn to a place, not an organisation
    assert moves("Nun zieht es Julia Hoffmann in die Berge.", "de") == set()


def test_vorangestelltes_ziel() -> None:
    m = one_move("Zu Mistral AI war Julia Hoffmann 2021 gestoßen, damals als Ingenieurin.", "de")
    assert (m.person, m.to_org) == ("Julia Hoffmann", "Mistral AI")
    assert m.date is not None and m.date.iso() == "2021"
    # near-miss: a fronted "mit", or a place, is no destination
    assert moves("Mit Google war Julia Hoffmann 2018 gewechselt.", "de") == set()
    assert moves("Nach Paris war Julia Hoffmann 2018 gegangen.", "de") == set()


def test_listenpunkt_nennt_arbeitgeber_in_klammern() -> None:
    body = (
        "Das Papier nennt zwei Ingenieure, die Mistral AI im Frühjahr für sich gewinnen konnte:\n\n"
        "- Julia Hoffmann (Quantifold): Sprachmodelle; zuvor bei Google\n"
        "- Tobias Brandt (Ingenieur): Infrastruktur\n"
    )
    # an employer the gazetteer does not know; near-miss: a title in brackets is none
    assert moves(body, "de") == {
        ("Julia Hoffmann", "Quantifold", "Mistral AI"),
        ("Tobias Brandt", None, "Mistral AI"),
    }


def test_frueher_und_heute_in_einer_beschreibung_sind_ein_wechsel() -> None:
    m = one_move(
        "Sie arbeitet mit Ada Brook, "
        "der früheren Chefin von Cohere und heute Chefwissenschaftlerin von Nvidia.",
        "de",
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Nichts sagt, dass der erste Posten vorbei ist: kein Wechsel.
    assert (
        moves(
            "Sie arbeitet mit Ada Brook, "
            "der Chefin von Cohere und heute Chefwissenschaftlerin von Nvidia.",
            "de",
        )
        == set()
    )


def test_wird_posten_bei_und_uebernimmt_bei_sind_wechsel() -> None:
    assert moves(
        "Die frühere Google-Managerin Rina Hartono wird Technikchefin bei Meta.", "de"
    ) == {("Rina Hartono", "Google", "Meta")}
    assert moves("Rina Hartono übernimmt bei Meta die Leitung der KI-Forschung.", "de") == {
        ("Rina Hartono", None, "Meta")
    }
    # Eine Konferenz ist kein Arbeitgeber.
    assert (
        moves("Die Google-Managerin Rina Hartono wird am Montag bei der Konferenz sprechen.", "de")
        == set()
    )
    assert moves("Rina Hartono übernimmt bei der Konferenz die Moderation.", "de") == set()


def test_eine_fruehere_beschreibung_im_naechsten_satz_nennt_die_herkunft() -> None:
    assert moves(
        "Meta hat Rina Hartono eingestellt. "
        "Die frühere Google-Forscherin soll das neue Labor leiten.",
        "de",
    ) == {("Rina Hartono", "Google", "Meta")}
    assert moves(
        "Meta hat Rina Hartono eingestellt. Die Google-Forscherin soll das neue Labor leiten.", "de"
    ) == {("Rina Hartono", None, "Meta")}


def test_jahre_bei_einer_firma_verbracht_nennt_den_frueheren_arbeitgeber() -> None:
    m = one_move(
        "Rina Hartono verbrachte neun Jahre bei Google. Vergangene Woche wechselte sie zu Meta.",
        "de",
    )
    assert (m.person, m.from_org, m.to_org) == ("Rina Hartono", "Google", "Meta")
    assert m.date is not None and m.date.month is not None  # "vergangene Woche" dates it
    assert moves(
        "Rina Hartono verbrachte den Urlaub in Berlin. Vergangene Woche wechselte sie zu Meta.",
        "de",
    ) == {("Rina Hartono", None, "Meta")}


def test_ein_relativsatz_mit_verb_am_ende_ist_ein_wechsel() -> None:
    assert moves("Rina Hartono, die 2023 zu Meta kam, verlässt das Unternehmen.", "de") == {
        ("Rina Hartono", None, "Meta"),
        ("Rina Hartono", "Meta", None),
    }
    assert moves("Tom Berg, der im Mai zu Nvidia wechselte, leitet dort die Forschung.", "de") == {
        ("Tom Berg", None, "Nvidia")
    }
    # Der Idee kam etwas zu: kein Wechsel.
    assert moves("Rina Hartono, der die Idee zu Meta kam, bleibt bei Google.", "de") == set()


def test_eine_quelle_nach_dem_verlassenen_unternehmen_ist_kein_ziel() -> None:
    # "nach Informationen von X" nennt eine Quelle, auch großgeschrieben.
    ex = run("Peter Berg hat Google nach Informationen von Quantrix verlassen.", "de")
    assert "Informationen" not in {o.name for o in ex.organizations}
    assert moves("Peter Berg verließ Google in Richtung Quantrix.", "de") == {
        ("Peter Berg", "Google", "Quantrix")
    }


def test_ein_nachgestelltes_subjekt_mit_seiner_aufzaehlung() -> None:
    # Verb-second: the subject after the auxiliary keeps the names listed with it.
    assert moves("Zuvor waren bereits Mei Lin und Carlos Ortega zu Quantrix gewechselt.", "de") == {
        ("Mei Lin", None, "Quantrix"),
        ("Carlos Ortega", None, "Quantrix"),
    }
    # Near miss: a name after the organisation is no part of the subject's list.
    assert moves(
        "Zuvor war bereits Mei Lin zu Quantrix gewechselt, sagte Carlos Ortega.", "de"
    ) == {("Mei Lin", None, "Quantrix")}


def test_a_relative_clause_with_its_perfect_last_states_a_move() -> None:
    text = "Anna Weber, die 2019 von Google zu Apple gewechselt war, leitet nun ein Team."
    (m,) = run(text, "de", dt.date(2025, 6, 15)).moves
    assert (m.person, m.from_org, m.to_org, m.date.year if m.date else None) == (
        "Anna Weber",
        "Google",
        "Apple",
        2019,
    )
    # The clause of a group, not a person, moves no one.
    assert run("Die Gruppe, die 2019 zu Apple gewechselt war, ist aufgelöst.", "de").moves == []
