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
