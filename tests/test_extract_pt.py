"""Portuguese, the sixth pack: Brazilian and European news, no engine change."""

from __future__ import annotations

from test_extract_helpers import moves, one_move, run

from movesboard.extract import detect_language
from movesboard.extract.lang import load_pack


def test_entra_com_cargo_e_data() -> None:
    m = one_move(
        "A pesquisadora Ana Carvalho entrou para a Anthropic como diretora de pesquisa, "
        "anunciou a empresa na segunda-feira."
    )
    assert (m.person, m.from_org, m.to_org) == ("Ana Carvalho", None, "Anthropic")
    assert m.role == "diretora de pesquisa"
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_deixa_para_se_juntar() -> None:
    m = one_move(
        "Rafael Moreira deixa o Google DeepMind para se juntar à OpenAI, confirmou a empresa."
    )
    assert (m.person, m.from_org, m.to_org) == ("Rafael Moreira", "Google DeepMind", "OpenAI")


def test_saida_e_chegada_com_pronome() -> None:
    body = "Beatriz Lima saiu da Meta em 2023. Ela juntou-se à Cohere como chefe de pesquisa."
    m = one_move(body)
    assert (m.person, m.from_org, m.to_org) == ("Beatriz Lima", "Meta", "Cohere")
    assert m.role == "chefe de pesquisa"


def test_contratacao_com_a_empresa_primeiro() -> None:
    m = one_move("A Meta contratou Tiago Ferreira, que trabalhou na Amazon durante seis anos.")
    assert (m.person, m.from_org, m.to_org) == ("Tiago Ferreira", "Amazon", "Meta")
    m = one_move(
        "A Microsoft anunciou a contratação de Luísa Mendes, até agora pesquisadora do Google."
    )
    assert (m.person, m.from_org, m.to_org) == ("Luísa Mendes", "Google", "Microsoft")


def test_passiva_e_data_completa() -> None:
    m = one_move("Fernanda Souza foi contratada pela Amazon, informou a companhia.")
    assert (m.person, m.from_org, m.to_org) == ("Fernanda Souza", None, "Amazon")
    m = one_move(
        "O engenheiro Diogo Martins ingressou na Nvidia em 15 de julho de 2024, segundo a empresa."
    )
    assert (m.person, m.from_org, m.to_org) == ("Diogo Martins", None, "Nvidia")
    assert m.date is not None and m.date.iso() == "2024-07-15"


def test_rumor_e_desmentido_nao_contam() -> None:
    ex = run("Ricardo Nunes pode ir para a Meta nas próximas semanas, segundo fontes próximas.")
    assert ex.moves and all(not m.modality.counts for m in ex.moves)
    ex = run("A Anthropic nega que Joana Ribeiro vá deixar a empresa para trabalhar na xAI.")
    assert ex.moves and all(not m.modality.counts for m in ex.moves)


def test_quem_fica_nao_muda() -> None:
    body = "Marcos Pereira permanece na Mistral AI, disse um porta-voz da empresa."
    assert moves(body) == set()
    assert moves(body, counting=False) == set()


def test_grupo_sem_nomes() -> None:
    ex = run("Uma dezena de engenheiros do Google foram para a Mistral AI desde janeiro.")
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (10, ("Google",), "Mistral AI")
    assert ex.language == "pt"


def test_idioma_detectado_sem_indicar() -> None:
    ex = run(
        "O português Gonçalo Antunes, que trabalhou na OpenAI, junta-se à Nvidia no início "
        "de março."
    )
    assert ex.language == "pt"
    m = one_move(
        "O português Gonçalo Antunes, que trabalhou na OpenAI, junta-se à Nvidia no início "
        "de março."
    )
    assert (m.person, m.from_org, m.to_org) == ("Gonçalo Antunes", "OpenAI", "Nvidia")
    assert m.date is not None and m.date.iso() == "2025-03"
    # Spanish, its nearest neighbour, stays Spanish.
    assert (
        detect_language("El español Hugo Sanz abandona xAI y se incorpora a Mistral AI ayer.")
        == "es"
    )


def test_empregador_anterior_na_descricao() -> None:
    m = one_move(
        "A ex-pesquisadora da OpenAI Camila Rocha é contratada pela Mistral AI como "
        "vice-presidente de engenharia."
    )
    assert (m.person, m.from_org, m.to_org) == ("Camila Rocha", "OpenAI", "Mistral AI")
    assert m.role == "vice-presidente de engenharia"


def test_fundacao_depois_de_uma_saida() -> None:
    m = one_move(
        "Depois de deixar a Apple, Helena Castro fundou a Vortexia, uma startup de robótica."
    )
    assert (m.person, m.from_org, m.to_org) == ("Helena Castro", "Apple", "Vortexia")


def test_numeros_por_extenso() -> None:
    number = load_pack("pt").number
    assert [
        number(w) for w in ("onze", "dezesseis", "dezasseis", "vinte e um", "trinta e dois")
    ] == [
        11,
        16,
        16,
        21,
        32,
    ]
    assert [number(w) for w in ("duas", "cem", "cento e vinte", "uma dúzia", "mesa")] == [
        2,
        100,
        120,
        12,
        None,
    ]
