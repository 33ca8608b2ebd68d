"""Italian, the sixth pack: a data file and a small module, no engine change."""

from __future__ import annotations

from test_extract_helpers import moves, one_move, run

from movesboard.extract import detect_language
from movesboard.extract.lang import load_pack


def test_entra_con_ruolo_e_data() -> None:
    m = one_move(
        "La ricercatrice Giulia Ferri è entrata in Anthropic come direttrice della ricerca, "
        "ha annunciato l'azienda lunedì."
    )
    assert (m.person, m.from_org, m.to_org) == ("Giulia Ferri", None, "Anthropic")
    assert m.role == "direttrice della ricerca"
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_lascia_per_passare_a() -> None:
    m = one_move(
        "Il ricercatore Marco Bianchi lascia Google DeepMind per passare a OpenAI, "
        "secondo quanto ha confermato lui stesso."
    )
    assert (m.person, m.from_org, m.to_org) == ("Marco Bianchi", "Google DeepMind", "OpenAI")


def test_uscita_poi_arrivo_con_pronome() -> None:
    body = (
        "Chiara Colombo ha lasciato Meta nel 2023. Lei è poi approdata in Cohere come "
        "responsabile della ricerca."
    )
    m = one_move(body)
    assert (m.person, m.from_org, m.to_org) == ("Chiara Colombo", "Meta", "Cohere")
    assert m.role == "responsabile della ricerca"


def test_assunzione_con_l_azienda_davanti() -> None:
    m = one_move("Meta ha assunto Davide Moretti, finora ricercatore di Google DeepMind.")
    assert (m.person, m.from_org, m.to_org) == ("Davide Moretti", "Google DeepMind", "Meta")
    m = one_move("Anthropic ha nominato Marta Rinaldi il 1° luglio 2024.", "it")
    assert (m.person, m.to_org) == ("Marta Rinaldi", "Anthropic")
    assert m.date is not None and m.date.iso() == "2024-07-01"


def test_passivo_con_data_completa() -> None:
    m = one_move(
        "Roberto Esposito è stato assunto da Amazon il 15 luglio 2024, secondo quanto "
        "riferisce l'azienda."
    )
    assert (m.person, m.to_org) == ("Roberto Esposito", "Amazon")
    assert m.date is not None and m.date.iso() == "2024-07-15"


def test_indiscrezioni_e_smentite_non_contano() -> None:
    ex = run(
        "Secondo indiscrezioni, Paolo Greco sarebbe in trattativa con Meta e potrebbe "
        "lasciare Mistral AI.",
        "it",
    )
    assert all(not m.modality.counts for m in ex.moves)
    ex = run("Anthropic smentisce che Luca Ricci stia per lasciare l'azienda per passare a xAI.")
    assert ex.moves and all(not m.modality.counts for m in ex.moves)


def test_chi_resta_non_si_muove() -> None:
    assert (
        moves("Francesca Gallo resta in Mistral AI, ha precisato un portavoce della società.")
        == set()
    )


def test_gruppo_senza_nomi() -> None:
    ex = run(
        "Una decina di ingegneri di Google sono passati a Mistral AI da gennaio, secondo "
        "quanto riferisce il sito."
    )
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (10, ("Google",), "Mistral AI")
    assert ex.language == "it"


def test_lingua_riconosciuta_senza_indicarla() -> None:
    ex = run("Il ricercatore Marco Bianchi è entrato in OpenAI da Google nel 2024.")
    assert ex.language == "it"
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {
        ("Marco Bianchi", "Google", "OpenAI")
    }
    # The neighbours keep their own language.
    assert (
        detect_language(
            "El español Hugo Sanz abandona xAI y se incorpora a Mistral AI a principios de abril."
        )
        == "es"
    )
    assert detect_language("Il a rejoint la start-up le mois dernier, selon la société.") == "fr"


def test_datore_di_lavoro_precedente_nella_descrizione() -> None:
    m = one_move(
        "L'ex ricercatrice di OpenAI Elena Conti passa a Mistral AI come vicepresidente "
        "dell'ingegneria."
    )
    assert (m.person, m.from_org, m.to_org) == ("Elena Conti", "OpenAI", "Mistral AI")
    assert m.role == "vicepresidente dell'ingegneria"


def test_fondazione_dopo_un_uscita() -> None:
    m = one_move(
        "Dopo aver lasciato Apple, Sara Romano ha fondato Vortexia, una startup di robotica."
    )
    assert (m.person, m.from_org, m.to_org) == ("Sara Romano", "Apple", "Vortexia")


def test_numeri_in_lettere() -> None:
    number = load_pack("it").number
    assert [number(w) for w in ("undici", "ventuno", "trentadue", "trentotto")] == [11, 21, 32, 38]
    assert [number(w) for w in ("cento", "centoventi", "una dozzina", "tavolo")] == [
        100,
        120,
        12,
        None,
    ]
