"""German pack lexicon: each entry with a sentence it handles and a near-miss it rejects.

Every sentence here is written for this file; none comes from a corpus article.
"""

from __future__ import annotations

import datetime as dt

from test_extract_helpers import moves, people, run


def _date(body: str) -> str | None:
    (m,) = [m for m in run(body, "de").moves if m.modality.counts]
    return m.date.iso() if m.date else None


def test_stossen_zum_team_und_kein_team_als_firma() -> None:
    # "zum" = "zu dem"; "Team" before the company is a unit, not an organisation.
    assert moves("Der Entwickler Paul Hartmann stößt zum Team von Anthropic.", "de") == {
        ("Paul Hartmann", None, "Anthropic")
    }
    # "gehen zum" is left out: "geht zum Mittagessen" names no employer.
    assert (
        moves("Paul Hartmann geht zum Mittagessen mit Anthropic-Chef Dario Amodei.", "de") == set()
    )


def test_anheuern_mit_zeitangabe_und_beim() -> None:
    assert moves("Lea Brandt heuerte im Frühjahr 2024 bei Mistral AI an.", "de") == {
        ("Lea Brandt", None, "Mistral AI")
    }
    assert moves("Tim Seidel heuert beim Softwarekonzern Microsoft an.", "de") == {
        ("Tim Seidel", None, "Microsoft")
    }
    # A planned hire is no move.
    assert moves("Lea Brandt soll im Frühjahr bei Mistral AI anheuern.", "de") == set()


def test_es_zieht_jemanden_zu_einer_firma() -> None:
    assert moves("Die Managerin Eva Lorenz zieht es zu Nvidia.", "de") == {
        ("Eva Lorenz", None, "Nvidia")
    }
    # Drawn to a city, not to an employer.
    assert moves("Eva Lorenz zieht es nach zehn Jahren zurück nach München.", "de") == set()


def test_zurueck_zu_mit_herkunft_aus_der_zeitangabe() -> None:
    assert moves("Nach drei Jahren bei Meta geht Jan Krause zurück zu Google.", "de") == {
        ("Jan Krause", "Meta", "Google")
    }
    assert moves("Der Weg zurück zu Google ist für Jan Krause verbaut.", "de") == set()


def test_gehen_am_satzende_ist_ein_abgang() -> None:
    assert moves("Die Forschungschefin von Aleph Alpha, Mia Roth, geht.", "de") == {
        ("Mia Roth", "Aleph Alpha", None)
    }
    assert (
        moves("Mia Roth, Forschungschefin von Aleph Alpha, sagte, dass es dem Team gut geht.", "de")
        == set()
    )


def test_den_ruecken_kehren_dann_das_ziel() -> None:
    assert moves("Paula Wendt kehrte Google den Rücken, um bei Anthropic anzufangen.", "de") == {
        ("Paula Wendt", "Google", "Anthropic")
    }
    assert moves("Paula Wendt kehrte Google den Rücken, um sich zu erholen.", "de") == {
        ("Paula Wendt", "Google", None)
    }


def test_zusammengesetztes_konzern_anapher() -> None:
    body = (
        "Google verliert eine Spitzenforscherin: Lara Vogt kehrte dem Suchmaschinenkonzern "
        "den Rücken, um bei OpenAI anzufangen."
    )
    assert moves(body, "de") == {("Lara Vogt", "Google", "OpenAI")}
    # No organisation named before it: nothing to refer back to.
    assert moves("Lara Vogt kehrt dem Mutterkonzern den Rücken.", "de") == set()


def test_bei_einer_firma_gekuendigt() -> None:
    assert moves("Lukas Wagner hatte im Frühjahr bei IBM gekündigt.", "de") == {
        ("Lukas Wagner", "IBM", None)
    }
    assert moves("Lukas Wagner hatte im Frühjahr bei IBM gearbeitet.", "de") == set()


def test_titel_kleben_nicht_am_namen() -> None:
    found = people(
        "Mitgründer Tim Böhm verließ Aleph Alpha, sein Kollege Leon Graf wechselte zu DeepL.", "de"
    )
    assert set(found) == {"Tim Böhm", "Leon Graf"}
    # Titles written with umlauts are compared accent-folded by the people finder.
    assert set(people("Vizepräsidentin Hanna Schütz verlässt OpenAI.", "de")) == {"Hanna Schütz"}
    assert set(people("Während Hanna Schütz zu Meta wechselt, bleibt sie in Berlin.", "de")) == {
        "Hanna Schütz"
    }
    # A sentence-initial noun phrase, or one after "dem", is nobody.
    assert people("Die Liste der Abgänge wird länger.", "de") == {}
    assert people("Investoren geben dem Kölner Software-Unternehmen frisches Geld.", "de") == {}


def test_der_alters_descriptor_verweist_auf_die_person() -> None:
    body = "Der Forscher Jan Roth war bei Google. Der 41-Jährige wechselt zu Meta."
    assert moves(body, "de") == {("Jan Roth", None, "Meta")}
    # Lowercase "41-jährige" is an adjective before another name.
    body = "Der Informatiker Max Wolf verließ Google. Der 41-jährige Jan Roth wechselt zu Meta."
    assert ("Jan Roth", None, "Meta") in moves(body, "de")


def test_bildunterschriften_sind_rauschen() -> None:
    body = (
        "© Foto: Karla Weiß - Agentur\n(Bild: Agentur/Hans Grün)\n"
        "Der Informatiker Jonas Keller wechselt zu Helsing.\n"
    )
    ex = run(body, "de")
    assert [p.name for p in ex.people] == ["Jonas Keller"]
    # "Quellen zufolge" opens prose, not a credit line.
    assert moves("Quellen zufolge wechselt Julia Weiß zu Adobe.", "de") == {
        ("Julia Weiß", None, "Adobe")
    }


def test_blosse_jahreszahl_und_menge() -> None:
    assert _date("2019 wechselte Julia Kraus von Google zu OpenAI.") == "2019"
    # A count before its noun is no year; the statement keeps no date.
    assert _date("Julia Kraus wechselte mit 2000 Mitarbeitern zu OpenAI.") is None


def test_wochentag_mit_tageszeit() -> None:
    pub = dt.date(2025, 3, 14)  # a Friday
    body = (
        "Die Forscherin Ida Falk wechselt zu Meta, wie das Unternehmen am Dienstagabend mitteilte."
    )
    (m,) = run(body, "de", pub).moves
    assert m.date is not None and m.date.iso() == "2025-03-11"
    body = (
        "Die Forscherin Ida Falk wechselt zu Meta, wie das Unternehmen in der Dienstagsrunde sagte."
    )
    (m,) = run(body, "de", pub).moves
    assert m.date is not None and m.date.iso() == "2025-03"


def test_frueherer_arbeitgeber_aus_zeit_und_beschreibung() -> None:
    assert moves("Nach einem Jahr bei Aleph Alpha wechselt Laura Roth zu DeepL.", "de") == {
        ("Laura Roth", "Aleph Alpha", "DeepL")
    }
    assert moves("Nach einem Jahr wechselt Laura Roth zu DeepL.", "de") == {
        ("Laura Roth", None, "DeepL")
    }
    assert moves("Laura Roth forschte früher bei IBM. Nun heuert sie bei DeepL an.", "de") == {
        ("Laura Roth", "IBM", "DeepL")
    }
    assert moves("Laura Roth forschte mit IBM an Chips. Nun heuert sie bei DeepL an.", "de") == {
        ("Laura Roth", None, "DeepL")
    }


def test_fuer_sich_gewonnen_ist_eine_einstellung() -> None:
    assert moves("Meta hat die Forscherin Anna Berg für sich gewonnen.", "de") == {
        ("Anna Berg", None, "Meta")
    }
    # "gewonnen" alone is a prize, not a hire.
    assert moves("Meta hat mit Anna Berg einen Preis gewonnen.", "de") == set()


def test_schon_wieder_weg() -> None:
    assert moves("Anna Berg, Forscherin bei Meta, ist schon wieder weg.", "de") == {
        ("Anna Berg", "Meta", None)
    }
    assert moves("Die Sorge um Anna Berg ist weg.", "de") == set()


def test_gendergerechte_gruppen() -> None:
    for noun in ("Forscher:innen", "Forscher*innen", "ForscherInnen"):
        ex = run(f"Mindestens sechs {noun} sind von Meta zu OpenAI gewechselt.", "de")
        assert [(g.count, g.from_orgs, g.to_org) for g in ex.group_moves] == [
            (6, ("Meta",), "OpenAI")
        ], noun
    # A single person's title is no group.
    ex = run("Die Forscherin Anna Berg ist von Meta zu OpenAI gewechselt.", "de")
    assert ex.group_moves == []


def test_verlassen_im_praesens_ist_aktuell() -> None:
    body = "Anna Berg und Jan Roth verlassen OpenAI."
    assert {m.date.iso() if m.date else None for m in run(body, "de").moves} == {"2025-03"}
    # The participle closing a pluperfect is background: no date from publication.
    assert _date("Anna Berg hatte OpenAI verlassen.") is None


def test_genitiv_anapher_des_start_ups() -> None:
    body = "Helsing wächst rasant. Jan Roth, bisher Chef des Start-ups, wechselt zu Google."
    assert moves(body, "de") == {("Jan Roth", "Helsing", "Google")}
    # "eines Start-ups" is some start-up, not the one named before.
    body = "Helsing wächst rasant. Jan Roth, bisher Chef eines Start-ups, wechselt zu Google."
    assert moves(body, "de") == {("Jan Roth", None, "Google")}
