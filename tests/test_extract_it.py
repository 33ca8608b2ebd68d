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


# ---------------------------------------------------------------- corpus-2 lexicon
# Each rule: a sentence it handles and a near-miss it must leave alone.  One-line
# Italian items are often too short to detect (few function words of Italian
# alone), so the language is given.


def test_condizionale_giornalistico_riporta() -> None:
    m = one_move("Secondo la stampa, Marco Bellini avrebbe lasciato Nvidia per Cohere.", "it")
    assert (m.person, m.from_org, m.to_org) == ("Marco Bellini", "Nvidia", "Cohere")
    ex = run("Marco Bellini potrebbe lasciare Nvidia per Cohere.", "it")
    assert ex.moves and not any(m.modality.counts for m in ex.moves)


def test_e_non_fa_compagni() -> None:
    body = "Giulia Neri entra in Apple come vicepresidente e risponderà a Marco Conti."
    assert moves(body, "it") == {("Giulia Neri", None, "Apple")}
    assert moves("Giulia Neri entra in Apple insieme a Marco Conti.", "it") == {
        ("Giulia Neri", None, "Apple"),
        ("Marco Conti", None, "Apple"),
    }


def test_lascera_il_suo_incarico() -> None:
    body = "Apple ha annunciato che Luca Ferri lascerà il suo incarico a fine anno."
    assert moves(body, "it") == {("Luca Ferri", "Apple", None)}
    body = "Apple ha annunciato che Luca Ferri non lascerà il suo incarico."
    assert moves(body, "it") == set()


def test_trapassato_era_arrivato() -> None:
    assert moves("Fabio Greco era arrivato in Apple nel 2019.", "it") == {
        ("Fabio Greco", None, "Apple")
    }
    assert moves("Fabio Greco era arrivato in ritardo alla riunione con Apple.", "it") == set()
    assert moves("Marco Conti è arrivato a dire che Apple sbaglia.", "it") == set()


def test_passare_e_tornare_a_un_infinito_non_e_un_passaggio() -> None:
    assert moves("Elena Rizzo è passata a Microsoft a luglio.", "it") == {
        ("Elena Rizzo", None, "Microsoft")
    }
    assert moves("Elena Rizzo passa a guidare la ricerca di Microsoft.", "it") == set()
    assert moves("Marco Villa torna a Google dopo tre anni in Anthropic.", "it") == {
        ("Marco Villa", "Anthropic", "Google")
    }
    assert (
        moves("Marco Villa torna a criticare Google per la sua politica sui dati.", "it") == set()
    )


def test_portare_via_e_licenziare() -> None:
    assert moves("Meta ha portato via Davide Costa da OpenAI.", "it") == {
        ("Davide Costa", "OpenAI", "Meta")
    }
    assert moves("Meta ha portato Davide Costa sul palco della conferenza.", "it") == set()
    assert moves("Meta ha licenziato Davide Costa, responsabile del prodotto.", "it") == {
        ("Davide Costa", "Meta", None)
    }
    body = "Davide Costa, responsabile del prodotto di Meta, ha licenziato due manager."
    assert moves(body, "it") == set()


def test_origine_dopo_anni_trascorsi_e_dopo_aver_guidato() -> None:
    body = "Anna Moretti è entrata in Cohere dopo anni trascorsi insieme in Google."
    assert moves(body, "it") == {("Anna Moretti", "Google", "Cohere")}
    body = "Anna Moretti è approdata in Cohere dopo aver guidato la ricerca in Google."
    assert moves(body, "it") == {("Anna Moretti", "Google", "Cohere")}


def test_anafora_dopo_preposizione_articolata() -> None:
    body = (
        "Cohere perde un nome di peso. Laura Fontana, direttrice della società, passa a Mistral AI."
    )
    assert moves(body, "it") == {("Laura Fontana", "Cohere", "Mistral AI")}
    body = "Laura Fontana, direttrice di una società di robotica, passa a Mistral AI."
    assert moves(body, "it") == {("Laura Fontana", None, "Mistral AI")}


def test_su_a_inizio_frase_non_e_un_nome() -> None:
    ex = run(
        "Su Threads, Marco Conti ha scritto che resta. Marco Conti è il portavoce di Cohere.", "it"
    )
    assert [p.name for p in ex.people] == ["Marco Conti"]
    # "Su" inside a name stays a name.
    assert [p.name for p in run("Lisa Su guida AMD da anni e il suo team resta.", "it").people] == [
        "Lisa Su"
    ]


def test_righe_di_pubblicazione_non_sono_prosa() -> None:
    noise = load_pack("it").noise
    assert noise.match("Pubblicato il 3 luglio 2025")
    assert noise.match("Aggiornato alle 10:30")
    assert not noise.match("Pubblicato nel 2023, lo studio anticipava la fuga dei talenti.")
    assert noise.match("Sara Molinari durante una conferenza a Milano | Foto: Ansa")
    assert not noise.match("Sara Molinari lascia Google | L'azienda non commenta.")


def test_ruolo_finisce_prima_di_di_seguito_da_un_nome() -> None:
    m = one_move("Giulia Neri entra in Cohere come direttrice scientifica di Cohere Labs.", "it")
    assert m.role == "direttrice scientifica"
    m = one_move("Giulia Neri entra in Cohere come direttrice di ricerca.", "it")
    assert m.role == "direttrice di ricerca"


def test_riga_breve_riconosciuta_dai_mesi_e_participi() -> None:
    # Month names and move participles of Italian alone tell a one-line item apart.
    assert detect_language("Elena Rizzo è passata a Microsoft a luglio.") == "it"
    assert detect_language("Fabio Greco era arrivato in Apple nel 2019.") == "it"
    # Its neighbours keep theirs.
    assert detect_language("Laura Gómez dejó Google en julio.") == "es"
    assert detect_language("Laura Gómez deixou o Google em julho.") == "pt"


def test_lascia_l_incarico_in_un_azienda_non_in_una_data() -> None:
    body = "Marco Prati lascia il suo incarico in Amazon per unirsi a Cohere."
    assert moves(body, "it") == {("Marco Prati", "Amazon", "Cohere")}
    body = "Apple ha annunciato che Luca Ferri lascerà il suo incarico a fine anno."
    assert moves(body, "it") == {("Luca Ferri", "Apple", None)}


def test_annuncia_l_addio_e_origine_dopo_l_uscita() -> None:
    assert moves("Marco Prati ha annunciato il suo addio ad Amazon.", "it") == {
        ("Marco Prati", "Amazon", None)
    }
    assert moves("Marco Prati approda in Cohere dopo l'uscita da Amazon.", "it") == {
        ("Marco Prati", "Amazon", "Cohere")
    }
    assert moves("Marco Prati ha annunciato il suo arrivo a Milano.", "it") == set()


def test_soggetto_dopo_il_verbo_e_l_oggetto() -> None:
    assert moves("Nelle settimane successive ha lasciato Cohere anche Marco Conti.", "it") == {
        ("Marco Conti", "Cohere", None)
    }
    # Un nome dopo una preposizione non è il soggetto.
    assert (
        moves("Nelle settimane successive ha lasciato Cohere con Marco Conti al telefono.", "it")
        == set()
    )


def test_chi_annuncia_e_chi_lascia() -> None:
    # Soggetto sottinteso dopo un verbo di dichiarazione: chi parla.
    assert moves("Marco Prati ha annunciato che lascia Cohere.", "it") == {
        ("Marco Prati", "Cohere", None)
    }
    # Un altro soggetto dopo il verbo: non chi parla.
    assert moves("Marco Prati ha annunciato che il direttore lascia Cohere.", "it") == set()


def test_la_data_di_una_clausola_sull_azienda_non_e_dello_spostamento() -> None:
    body = (
        "Marco Prati ha studiato a Torino. "
        "Nel 2021 è entrato in Cohere, dove quest'anno guida il team dei dati."
    )
    ex = run(body, "it")
    assert [(m.to_org, m.date.iso() if m.date else None) for m in ex.moves] == [("Cohere", "2021")]
    # Una data prima di "dove" resta quella dello spostamento.
    ex = run("Marco Prati è entrato in Cohere nel marzo 2021, dove guida il team dei dati.", "it")
    assert [m.date.iso() if m.date else None for m in ex.moves] == ["2021-03"]


def test_il_laboratorio_e_l_organizzazione_che_si_chiama_lab() -> None:
    body = (
        "Nova ha presentato i Nova Research Labs a giugno. "
        "Marco Prati è entrato nel laboratorio a luglio."
    )
    assert moves(body, "it") == {("Marco Prati", None, "Nova Research Labs")}
    # Un nome che non dice "lab" non è il laboratorio.
    body = (
        "Nova ha presentato i Nova Research Labours a giugno. "
        "Marco Prati è entrato nel laboratorio a luglio."
    )
    assert moves(body, "it") == {("Marco Prati", None, "Nova Research")}


def test_la_data_di_una_relativa_e_del_suo_verbo() -> None:
    body = (
        "Marco Prati, che ha lasciato Google per Meta nel 2023, ha confermato che entra in Amazon."
    )
    dates = {m.to_org: m.date.iso() if m.date else None for m in run(body, "it").moves}
    assert dates == {"Meta": "2023", "Amazon": "2025-03"}
    body = "Marco Prati ha lasciato Google e nel 2023 è entrato in Amazon."
    dates = {m.to_org: m.date.iso() if m.date else None for m in run(body, "it").moves}
    assert dates["Amazon"] == "2023"


def test_chi_annuncia_su_un_social_che_lascia() -> None:
    body = "Marco Prati ha scritto ieri su LinkedIn che lascia Cohere."
    assert moves(body, "it") == {("Marco Prati", "Cohere", None)}
    # Un'azienda soggetto dopo il verbo di dichiarazione: non chi parla.
    body = "Marco Prati ha scritto ieri che Cohere lascia Toronto."
    assert moves(body, "it") == set()


def test_strappato_a_un_azienda_da_un_altra() -> None:
    assert moves("Marco Prati è stato strappato a Cohere da Amazon.", "it") == {
        ("Marco Prati", "Cohere", "Amazon")
    }
    assert moves("Marco Prati è stato sottratto a Cohere da Amazon.", "it") == {
        ("Marco Prati", "Cohere", "Amazon")
    }
    # Senza "a", l'azienda dopo "da" è chi assume, non l'origine.
    assert moves("Marco Prati è stato strappato da Amazon.", "it") == {
        ("Marco Prati", None, "Amazon")
    }
    # Sottrarre dati non è sottrarre una persona.
    assert moves("Marco Prati ha sottratto dati a Cohere.", "it") == set()


def test_insieme_ai_colleghi() -> None:
    body = "Marco Prati entra in Amazon insieme ai colleghi Luca Ferri e Paolo Neri."
    assert {m.person for m in run(body, "it").moves} == {"Marco Prati", "Luca Ferri", "Paolo Neri"}
    # "ai" dopo il verbo senza "insieme": non sono compagni di viaggio.
    body = "Marco Prati entra in Amazon e risponderà ai colleghi Luca Ferri e Paolo Neri."
    assert {m.person for m in run(body, "it").moves} == {"Marco Prati"}


def test_presenta_la_sua_nuova_startup_e_una_fondazione() -> None:
    body = (
        "Marco Conti ha rotto il silenzio. L'ex ricercatore di Helix AI ha presentato "
        "ieri la sua nuova startup: si chiama Essential AI."
    )
    assert moves(body, "it") == {("Marco Conti", "Helix AI", "Essential AI")}
    # Presenting a product of one's company is no founding.
    near = (
        "Marco Conti ha rotto il silenzio. Il ricercatore di Helix AI ha presentato "
        "ieri il nuovo modello: si chiama Essential AI."
    )
    assert moves(near, "it") == set()


def test_nel_gruppo_dopo_aver_lasciato_e_il_soggetto_della_frase_prima() -> None:
    body = (
        "Helix AI ha colpito ancora. Marco Conti e Anna Rossi lasciano Orbital Labs "
        "per entrare nel gruppo."
    )
    assert moves(body, "it") == {
        ("Marco Conti", "Orbital Labs", "Helix AI"),
        ("Anna Rossi", "Orbital Labs", "Helix AI"),
    }
    # When the sentence before is about the company left, "il gruppo" names no other.
    near = body.replace("Helix AI ha colpito ancora.", "Orbital Labs cresce ancora.")
    assert moves(near, "it") == {
        ("Marco Conti", "Orbital Labs", None),
        ("Anna Rossi", "Orbital Labs", None),
    }


def test_ex_e_oggi_in_una_descrizione_sono_un_passaggio() -> None:
    m = one_move(
        "Lavora con Ada Brook, ex CEO di Cohere e oggi direttrice scientifica di Nvidia.", "it"
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Niente dice che il primo incarico è finito: nessun passaggio.
    assert (
        moves("Lavora con Ada Brook, CEO di Cohere e oggi direttrice scientifica di Nvidia.", "it")
        == set()
    )


def test_con_destinazione_nomina_la_meta() -> None:
    assert moves("Ad agosto Rina Hartono ha lasciato OpenAI con destinazione Anthropic.", "it") == {
        ("Rina Hartono", "OpenAI", "Anthropic")
    }
    # A city is no employer: a departure with no destination.
    assert moves("Ad agosto Rina Hartono ha lasciato OpenAI con destinazione Londra.", "it") == {
        ("Rina Hartono", "OpenAI", None)
    }


def test_nomine_passare_da_e_sara_la_nuova() -> None:
    assert moves("Rina Hartono è stata nominata direttrice scientifica di Meta.", "it") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Rina Hartono passa da Google a Meta.", "it") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves(
        "L'ex dirigente di Google Rina Hartono sarà la nuova direttrice tecnica di Meta.", "it"
    ) == {("Rina Hartono", "Google", "Meta")}
    # An honour, a change of method, an event: no organisation joined.
    assert (
        moves("Rina Hartono è stata nominata una delle persone più influenti dell'anno.", "it")
        == set()
    )
    assert moves("Rina Hartono passa dalla teoria alla pratica in Google.", "it") == set()
    assert moves("Rina Hartono sarà la nuova direttrice tecnica della conferenza.", "it") == set()


def test_una_nomina_annunciata_e_un_ingaggio() -> None:
    assert moves("Meta ha annunciato la nomina di Rina Hartono a direttrice tecnica.", "it") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Meta ha annunciato l'arrivo dei nuovi occhiali nei negozi.", "it") == set()


def test_wanting_to_hire_is_an_intent_not_a_hire() -> None:
    assert moves("Meta vuole assumere Paul Martin, ex ricercatore di Google.", "it") == set()
    # Near miss: "vuol dire" / "vuole dire" ("means") leave the hire after them stated.
    for means in ("vuol dire", "vuole dire"):
        sentence = f"Questo {means} che Meta ha assunto Paul Martin, ex ricercatore di Google."
        assert moves(sentence, "it") == {("Paul Martin", "Google", "Meta")}
