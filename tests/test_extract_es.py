"""Spanish, the fourth pack: a data file and a small module, no engine change."""

from __future__ import annotations

from test_extract_helpers import moves, one_move, run

from movesboard.extract.lang import load_pack


def test_se_incorpora_con_cargo_y_fecha() -> None:
    m = one_move(
        "La investigadora Laura Gómez se ha incorporado a Anthropic como directora "
        "científica, anunció la empresa el lunes."
    )
    assert (m.person, m.from_org, m.to_org) == ("Laura Gómez", None, "Anthropic")
    assert m.role == "directora científica"
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_deja_para_unirse() -> None:
    m = one_move("Javier Ortega deja Google DeepMind para unirse a OpenAI, según ha confirmado.")
    assert (m.person, m.from_org, m.to_org) == ("Javier Ortega", "Google DeepMind", "OpenAI")


def test_salida_y_llegada_con_pronombre() -> None:
    body = "Marta Ruiz dejó Meta en 2023. Ella se incorporó a Cohere como jefa de investigación."
    m = one_move(body)
    assert (m.person, m.from_org, m.to_org) == ("Marta Ruiz", "Meta", "Cohere")
    assert m.role == "jefa de investigación"


def test_fichaje_con_la_empresa_delante() -> None:
    m = one_move("Meta ha fichado a Andrés Navarro, hasta ahora investigador de Google DeepMind.")
    assert (m.person, m.from_org, m.to_org) == ("Andrés Navarro", "Google DeepMind", "Meta")
    m = one_move("Microsoft ha contratado a Carmen Vidal, que dirigía el equipo de Amazon.")
    assert (m.person, m.from_org, m.to_org) == ("Carmen Vidal", "Amazon", "Microsoft")


def test_pasiva_y_fecha_completa() -> None:
    m = one_move("Raúl Jiménez ha sido fichado por Amazon, según ha informado la compañía.")
    assert (m.person, m.to_org) == ("Raúl Jiménez", "Amazon")
    m = one_move("Diego Romero fichó por Nvidia el 15 de julio de 2024.")
    assert (m.person, m.to_org) == ("Diego Romero", "Nvidia")
    assert m.date is not None and m.date.iso() == "2024-07-15"


def test_rumor_y_desmentido_no_cuentan() -> None:
    ex = run("Luis Prieto podría fichar por Meta en las próximas semanas, según fuentes cercanas.")
    assert ex.moves and all(not m.modality.counts for m in ex.moves)
    ex = run(
        "Anthropic desmiente que Pablo Serrano vaya a abandonar la empresa para fichar por xAI."
    )
    assert ex.moves and all(not m.modality.counts for m in ex.moves)


def test_quien_se_queda_no_se_mueve() -> None:
    assert (
        moves("Elena Castro se queda en Mistral AI, ha precisado un portavoz de la compañía.")
        == set()
    )


def test_grupo_sin_nombres() -> None:
    ex = run("Una decena de ingenieros de Google se han incorporado a Mistral AI desde enero.")
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (10, ("Google",), "Mistral AI")
    assert ex.language == "es"


def test_idioma_detectado_sin_indicarlo() -> None:
    ex = run("El español Hugo Sanz abandona xAI y se incorpora a Mistral AI a principios de abril.")
    assert ex.language == "es"
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {
        ("Hugo Sanz", "xAI", "Mistral AI")
    }


def test_empleador_anterior_en_la_descripcion() -> None:
    m = one_move(
        "La exinvestigadora de OpenAI Sofía Medina ficha por Mistral AI como vicepresidenta de "
        "ingeniería."
    )
    assert (m.person, m.from_org, m.to_org) == ("Sofía Medina", "OpenAI", "Mistral AI")
    assert m.role == "vicepresidenta de ingeniería"
    m = one_move(
        "Isabel Cano, exdirectora de ingeniería de Microsoft, se incorporó el lunes a Nvidia."
    )
    assert (m.person, m.from_org, m.to_org) == ("Isabel Cano", "Microsoft", "Nvidia")


def test_fundacion_tras_una_salida() -> None:
    m = one_move("Tras dejar Apple, Rocío Márquez fundó Vortexia, una startup de robótica.")
    assert (m.person, m.from_org, m.to_org) == ("Rocío Márquez", "Apple", "Vortexia")


def test_numeros_en_letras() -> None:
    number = load_pack("es").number
    assert [number(w) for w in ("once", "dieciséis", "veintidós", "treinta y dos")] == [
        11,
        16,
        22,
        32,
    ]
    assert [number(w) for w in ("cien", "ciento veinte", "una docena", "mesa")] == [
        100,
        120,
        12,
        None,
    ]


# ---------------------------------------------------------------- corpus-2 lexicon
# Each rule: a sentence it handles and a near-miss it must leave alone.


def test_volver_y_pasar_a_una_empresa_no_a_un_infinitivo() -> None:
    assert moves("Carmen Ruiz vuelve a Google tras dos años en Anthropic.") == {
        ("Carmen Ruiz", "Anthropic", "Google")
    }
    assert moves("Carmen Ruiz vuelve a criticar a Google por su política de datos.") == set()
    assert moves("Luis Ortega pasó a Nvidia en 2021 tras su etapa en Intel.") == {
        ("Luis Ortega", "Intel", "Nvidia")
    }
    assert moves("Luis Ortega pasó a dirigir el laboratorio de Nvidia en 2021.") == set()
    assert moves("Ana Gil pasa a formar parte de Mistral AI, según ha confirmado la empresa.") == {
        ("Ana Gil", None, "Mistral AI")
    }


def test_entro_por_primera_vez_en() -> None:
    assert moves("Pablo Díaz entró por primera vez en Google en 2005.") == {
        ("Pablo Díaz", None, "Google")
    }
    assert moves("Pablo Díaz entró en contacto con Google en 2005.") == set()


def test_se_incorpora_como_cargo_de_empresa() -> None:
    m = one_move("Elena Vidal se incorpora como directora científica de Cohere.")
    assert (m.person, m.to_org, m.role) == ("Elena Vidal", "Cohere", "directora científica")
    assert (
        moves("Elena Vidal se incorpora como directora científica tras meses de espera.") == set()
    )


def test_a_mas_el_es_al_ante_un_cargo() -> None:
    m = one_move("Mistral AI ficha al investigador Jorge Sanz, procedente de Meta.")
    assert (m.person, m.from_org, m.to_org) == ("Jorge Sanz", "Meta", "Mistral AI")
    assert moves("Mistral AI ficha al equipo de datos de una startup de Berlín.", "es") == set()


def test_despedirse_y_despedir() -> None:
    assert moves("Raúl Moreno se despide de Nvidia tras seis años en la compañía.") == {
        ("Raúl Moreno", "Nvidia", None)
    }
    assert moves("Raúl Moreno se despide de sus lectores en su último artículo.") == set()
    # "despidió a X": the employer fires X; the one who fires does not move.
    assert moves("Meta despidió a Iván Torres, director de producto, en marzo.", "es") == {
        ("Iván Torres", "Meta", None)
    }
    body = "Iván Torres, director de producto de Meta, despidió a dos ingenieros en marzo."
    assert moves(body, "es") == set()


def test_dejara_su_cargo() -> None:
    body = "Lucía Romero, directora de operaciones de Cohere, dejará su cargo en junio."
    assert moves(body) == {("Lucía Romero", "Cohere", None)}
    body = "Lucía Romero, directora de operaciones de Cohere, dejará su coche en el garaje."
    assert moves(body, "es") == set()


def test_dejo_una_empresa_por_otra() -> None:
    assert moves("Marta Gil dejó Google por OpenAI en 2023.") == {("Marta Gil", "Google", "OpenAI")}
    assert moves("Marta Gil dejó Google por motivos personales en 2023.") == {
        ("Marta Gil", "Google", None)
    }


def test_este_mismo_mes() -> None:
    m = one_move("Sergio León se ha incorporado a Cohere este mismo mes.")
    assert m.date is not None and m.date.iso() == "2025-03"


def test_condicional_periodistico_informa() -> None:
    m = one_move("Según el diario, Pilar Soto habría dejado Nvidia para irse a Cohere.")
    assert (m.person, m.from_org, m.to_org) == ("Pilar Soto", "Nvidia", "Cohere")
    ex = run("Pilar Soto podría dejar Nvidia para irse a Cohere.", "es")
    assert ex.moves and not any(m.modality.counts for m in ex.moves)


def test_mas_antiguo_no_es_ex() -> None:
    body = "Tomás Vega, uno de los empleados más antiguos de Nvidia, ha dejado la empresa."
    assert moves(body) == {("Tomás Vega", "Nvidia", None)}
    former = load_pack("es").rx["former"]
    assert former.search("el antiguo director de Nvidia")
    assert not former.search("los empleados más antiguos de Nvidia")


def test_y_no_hace_acompanante() -> None:
    assert moves("Ana Pardo entra en Apple como vicepresidenta y reportará a Luis Cano.") == {
        ("Ana Pardo", None, "Apple")
    }
    assert moves("Ana Pardo entra en Apple junto a Luis Cano.", "es") == {
        ("Ana Pardo", None, "Apple"),
        ("Luis Cano", None, "Apple"),
    }


def test_anafora_tras_del_y_al() -> None:
    body = (
        "DeepMind pierde a una figura clave. Álvaro Peña, director del laboratorio, "
        "se marcha a Cohere."
    )
    assert moves(body) == {("Álvaro Peña", "Google DeepMind", "Cohere")}
    # An indefinite "un laboratorio" names no one.
    body = "Álvaro Peña, director de un laboratorio de robótica, se marcha a Cohere."
    assert moves(body, "es") == {("Álvaro Peña", None, "Cohere")}


def test_palabra_inicial_sin_tilde_no_se_pega_al_nombre() -> None:
    ex = run("Según Sam Altman, la empresa no perderá talento. Sam Altman es consejero delegado.")
    assert [p.name for p in ex.people] == ["Sam Altman"]
    ex = run("Además de Cano, Cohere ha fichado a otros dos ingenieros. Luis Cano venía de Meta.")
    assert [p.name for p in ex.people] == ["Luis Cano"]


def test_lineas_de_publicacion_no_son_prosa() -> None:
    noise = load_pack("es").noise
    assert noise.match("Actualizado el 2 de enero de 2024")
    assert noise.match("2 Min. de lectura")
    assert noise.match("[Ilustración de un cerebro sobre un laboratorio]")
    assert not noise.match("Publicado en 2023, el estudio anticipaba la fuga de talento.")
    assert noise.match("Sara Molina, durante una conferencia en Madrid | Foto: EFE")
    assert not noise.match("Sara Molina deja Google | La empresa no ha comentado.")


def test_deja_su_puesto_en_una_empresa_no_en_una_fecha() -> None:
    assert moves("Jorge Prieto deja su puesto en Amazon para unirse a Cohere.") == {
        ("Jorge Prieto", "Amazon", "Cohere")
    }
    body = "Jorge Prieto, director de operaciones de Amazon, dejará su puesto en junio."
    assert moves(body, "es") == {("Jorge Prieto", "Amazon", None)}


def test_anuncio_su_salida_y_origen_tras_su_salida() -> None:
    assert moves("Jorge Prieto anunció su salida de Amazon el lunes.", "es") == {
        ("Jorge Prieto", "Amazon", None)
    }
    assert moves("Jorge Prieto recala en Cohere tras su salida de Amazon.") == {
        ("Jorge Prieto", "Amazon", "Cohere")
    }
    # A departure of someone else's is no origin of his.
    assert moves("Jorge Prieto anunció su apoyo a Amazon el lunes.", "es") == set()


def test_contrato_con_fecha_antes_del_objeto() -> None:
    m = one_move("Cohere contrató el pasado martes a Jorge Prieto, antiguo ingeniero de Amazon.")
    assert (m.person, m.from_org, m.to_org) == ("Jorge Prieto", "Amazon", "Cohere")
    assert m.date is not None and m.date.iso() == "2025-03-11"
    assert moves("Cohere contrató el pasado martes a una consultora externa.", "es") == set()


def test_se_convierte_en() -> None:
    body = "El exdirectivo de Amazon Jorge Prieto se convierte en el nuevo CEO de Cohere."
    assert moves(body) == {("Jorge Prieto", "Amazon", "Cohere")}
    assert moves("La empresa se convierte en el nuevo referente de Cohere.", "es") == set()


def test_sujeto_omitido_es_la_persona_de_la_que_se_habla() -> None:
    assert moves(
        "Laura Gómez dirigió durante años la investigación de Cohere. "
        "En 2022 dejó la empresa para fundar Vortexa.",
        "es",
    ) == {("Laura Gómez", "Cohere", "Vortexa")}
    # Nadie de quien se hable: ningún movimiento.
    assert moves("Según el informe, en 2022 dejó la empresa para fundar Vortexa.", "es") == set()


def test_quien_anuncia_es_quien_se_va() -> None:
    # Sujeto omitido tras un verbo de habla: es quien habla.
    assert moves("Lucía Herrera anunció en marzo que deja Cohere.", "es") == {
        ("Lucía Herrera", "Cohere", None)
    }
    # Otro sujeto tras el verbo de habla: no es quien habla.
    assert moves("Lucía Herrera anunció que el ingeniero deja Cohere.", "es") == set()


def test_la_fecha_de_una_subordinada_sobre_la_empresa_no_es_del_fichaje() -> None:
    ex = run("En 2021 Lucía Herrera se incorporó a Cohere, donde este año dirige el equipo.", "es")
    assert [(m.to_org, m.date.iso() if m.date else None) for m in ex.moves] == [("Cohere", "2021")]
    ex = run("Lucía Herrera se incorporó a Cohere en marzo de 2021, donde dirige el equipo.", "es")
    assert [m.date.iso() if m.date else None for m in ex.moves] == ["2021-03"]


def test_salio_sin_complemento_con_el_sujeto_detras() -> None:
    body = "En marzo salió Lucía Herrera, directora, para fundar Nube Labs."
    assert moves(body, "es") == {("Lucía Herrera", None, "Nube Labs")}
    # "salir" con complemento propio no es marcharse de una empresa.
    body = "Lucía Herrera trabaja en Cohere. En marzo salió a la venta su libro."
    assert all(m.to_org is not None for m in run(body, "es").moves)


def test_la_fecha_tras_un_punto_y_coma_es_de_la_otra_oracion() -> None:
    body = (
        "En marzo salió Lucía Herrera para crear Nube Labs; en agosto, Marta Gil fichó por Amazon."
    )
    got = {(m.person, m.to_org, m.date.iso() if m.date else None) for m in run(body, "es").moves}
    assert got == {("Lucía Herrera", "Nube Labs", "2025-03"), ("Marta Gil", "Amazon", "2024-08")}
    # Sin punto y coma, la fecha tras el verbo sigue siendo suya.
    body = "Lucía Herrera dejó Google para crear Nube Labs en agosto."
    assert [m.date.iso() if m.date else None for m in run(body, "es").moves] == ["2024-08"]


def test_la_fecha_de_una_relativa_es_de_su_verbo() -> None:
    body = "La ingeniera Lucía Herrera, que dejó Google por Meta en 2023, se incorpora a Amazon."
    dates = {m.to_org: m.date.iso() if m.date else None for m in run(body, "es").moves}
    assert dates == {"Meta": "2023", "Amazon": "2025-03"}
    # Sin relativa, la fecha antes del verbo sigue siendo suya.
    body = "Lucía Herrera dejó Google y en 2023 se incorporó a Amazon."
    dates = {m.to_org: m.date.iso() if m.date else None for m in run(body, "es").moves}
    assert dates["Amazon"] == "2023"


def test_fichada_desde_una_empresa_por_otra() -> None:
    assert moves("Lucía Herrera fue fichada desde Cohere por Amazon.", "es") == {
        ("Lucía Herrera", "Cohere", "Amazon")
    }
    assert moves("Lucía Herrera fue fichada por Amazon.", "es") == {
        ("Lucía Herrera", None, "Amazon")
    }


def test_los_companeros_tras_junto_con_no_son_el_sujeto() -> None:
    body = (
        "Entre los fichados figura Lucía Herrera. La ingeniera confirmó que se incorpora "
        "a Amazon junto con sus colegas Pablo Ruiz y Marta Gil."
    )
    assert {m.person for m in run(body, "es").moves} == {"Lucía Herrera", "Pablo Ruiz", "Marta Gil"}
    # Sin "junto con", el nombre tras el verbo es el sujeto.
    body = "En marzo se incorporó a Amazon también Pablo Ruiz."
    assert {m.person for m in run(body, "es").moves} == {"Pablo Ruiz"}


def test_companeros_con_sustantivo_de_persona() -> None:
    body = "Lucía Herrera se incorpora a Amazon junto con sus compañeros Pablo Ruiz y Marta Gil."
    assert {m.person for m in run(body, "es").moves} == {"Lucía Herrera", "Pablo Ruiz", "Marta Gil"}
    # Un sustantivo que no es de persona: no son compañeros de fichaje.
    body = "Lucía Herrera se incorpora a Amazon junto con sus libros de Pablo Ruiz."
    assert {m.person for m in run(body, "es").moves} == {"Lucía Herrera"}


def test_destino_tras_una_fecha_con_sus_palabras() -> None:
    body = "Lucía Herrera dejó Google a finales de 2024 para abrir la oficina de Amazon en Lima."
    assert moves(body, "es") == {("Lucía Herrera", "Google", "Amazon")}
    # Otro nombre antes de la fecha: "para" ya no sigue a la salida.
    body = "Lucía Herrera dejó Google y Madrid en 2024 para abrir la oficina de Amazon en Lima."
    assert moves(body, "es") == {("Lucía Herrera", "Google", None)}


def test_ex_y_ahora_en_una_descripcion_son_un_fichaje() -> None:
    m = one_move(
        "Trabaja con Ada Brook, "
        "ex consejera delegada de Cohere y ahora directora científica de Nvidia.",
        "es",
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Nada dice que el primer cargo terminó: no hay fichaje.
    assert (
        moves(
            "Trabaja con Ada Brook, "
            "consejera delegada de Cohere y ahora directora científica de Nvidia.",
            "es",
        )
        == set()
    )


def test_con_destino_a_nombra_el_destino() -> None:
    assert moves("En agosto, Rina Hartono se marchó de OpenAI con destino a Anthropic.", "es") == {
        ("Rina Hartono", "OpenAI", "Anthropic")
    }
    # A city is no employer: a departure with no destination.
    assert moves("En agosto, Rina Hartono se marchó de OpenAI con destino a Londres.", "es") == {
        ("Rina Hartono", "OpenAI", None)
    }


def test_nombramientos_pasar_de_y_sera_el_nuevo() -> None:
    assert moves("Rina Hartono ha sido nombrada directora científica de Meta.", "es") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Rina Hartono pasa de Google a Meta.", "es") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves(
        "La exdirectiva de Google Rina Hartono será la nueva directora técnica de Meta.", "es"
    ) == {("Rina Hartono", "Google", "Meta")}
    # An honour, a change of method, an event: no organisation joined.
    assert (
        moves("Rina Hartono ha sido nombrada una de las personas más influyentes del año.", "es")
        == set()
    )
    assert moves("Rina Hartono pasa de la teoría a la práctica en Google.", "es") == set()
    assert moves("Rina Hartono será la nueva directora técnica de la conferencia.", "es") == set()


def test_una_exinvestigadora_en_la_frase_siguiente_da_el_origen() -> None:
    assert moves(
        "Meta ha fichado a Rina Hartono. "
        "La exinvestigadora de Google dirigirá su nuevo laboratorio.",
        "es",
    ) == {("Rina Hartono", "Google", "Meta")}
    # Sin "ex", quizá sigue allí: ningún origen.
    assert moves(
        "Meta ha fichado a Rina Hartono. La investigadora de Google dirigirá su nuevo laboratorio.",
        "es",
    ) == {("Rina Hartono", None, "Meta")}


def test_un_nombramiento_anunciado_es_un_fichaje() -> None:
    assert moves("Meta anunció el nombramiento de Rina Hartono como directora técnica.", "es") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Meta anunció la llegada de sus nuevas gafas a las tiendas.", "es") == set()
