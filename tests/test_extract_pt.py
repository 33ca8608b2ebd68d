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


# ---------------------------------------------------------------- corpus-2 lexicon
# Each rule: a sentence it handles and a near-miss it must leave alone.


def test_mais_antigo_e_veterano_nao_ex() -> None:
    # "os mais antigos" are long-serving, not former: the described employer stands.
    m = one_move(
        "Sofia Rocha, uma das engenheiras mais antigas da Nvidia, deixou a empresa em fevereiro."
    )
    assert (m.person, m.from_org, m.to_org) == ("Sofia Rocha", "Nvidia", None)
    former = load_pack("pt").rx["former"]
    assert former.search("o antigo diretor da Nvidia")
    assert not former.search("os funcionários mais antigos da Nvidia")


def test_anafora_depois_de_preposicao_contraida() -> None:
    body = (
        "A Mistral AI perdeu um nome de peso. Rui Alves, diretor de pesquisa da empresa, "
        "deixou o cargo na sexta-feira."
    )
    assert moves(body) == {("Rui Alves", "Mistral AI", None)}
    # An indefinite "numa empresa" names no one.
    body = "Rui Alves, que trabalhou numa empresa de robótica, juntou-se à Mistral AI."
    assert moves(body, "pt") == {("Rui Alves", None, "Mistral AI")}


def test_trocar_uma_empresa_por_outra() -> None:
    assert moves("Sofia Rocha trocou a Nvidia pela Cohere em fevereiro.") == {
        ("Sofia Rocha", "Nvidia", "Cohere")
    }
    assert moves("Sofia Rocha trocou de cargo na Nvidia em fevereiro.", "pt") == set()
    assert moves("Sofia Rocha trocou Lisboa por Londres em fevereiro.", "pt") == set()


def test_integrar_e_fazer_parte() -> None:
    assert moves("Paulo Reis integrou a equipe da Cohere em 2023.") == {
        ("Paulo Reis", None, "Cohere")
    }
    assert moves("Luís Prado passou a fazer parte da OpenAI em 2022.") == {
        ("Luís Prado", None, "OpenAI")
    }
    # The present is a state, not a move.
    assert moves("Paulo Reis integra o comitê de ética da Cohere desde 2023.", "pt") == set()
    assert moves("Luís Prado faz parte da OpenAI desde 2022.", "pt") == set()


def test_vai_trabalhar_na() -> None:
    assert moves("Clara Nunes vai trabalhar na Anthropic a partir de abril.") == {
        ("Clara Nunes", None, "Anthropic")
    }
    assert moves("Clara Nunes vai trabalhar com a Anthropic num projeto de pesquisa.") == set()


def test_trouxe_para_comandar() -> None:
    m = one_move("A Meta trouxe Inês Duarte, ex-diretora da Apple, para comandar a nova divisão.")
    assert (m.person, m.from_org, m.to_org) == ("Inês Duarte", "Apple", "Meta")
    assert moves("A Meta trouxe Inês Duarte ao palco da conferência anual.", "pt") == set()


def test_anunciou_a_contratacao_com_data_no_meio() -> None:
    m = one_move(
        "A Cohere anunciou nesta segunda-feira a contratação de Júlia Matos, até agora "
        "pesquisadora da Nvidia."
    )
    assert (m.person, m.from_org, m.to_org) == ("Júlia Matos", "Nvidia", "Cohere")
    assert moves("A Cohere criticou a contratação de Júlia Matos pela Meta.") == set()


def test_demitir_alguem_e_demitir_se() -> None:
    assert moves("A Meta demitiu Rodrigo Faria, diretor de produto, na terça-feira.") == {
        ("Rodrigo Faria", "Meta", None)
    }
    assert moves("Rodrigo Faria demitiu-se da Meta na terça-feira.") == {
        ("Rodrigo Faria", "Meta", None)
    }
    # The one who fires does not leave.
    assert (
        moves("Rodrigo Faria, diretor de produto da Meta, demitiu dois gerentes da equipe.")
        == set()
    )


def test_deixar_o_cargo_e_participio() -> None:
    assert moves(
        "Vera Lima, diretora de operações da Cohere, vai deixar o cargo no fim do ano."
    ) == {("Vera Lima", "Cohere", None)}
    assert (
        moves("Vera Lima, diretora de operações da Cohere, vai deixar o carro na garagem.") == set()
    )
    assert moves("Pelo menos um pesquisador saiu. Marta Silva tinha saído da Nvidia.") == {
        ("Marta Silva", "Nvidia", None)
    }


def test_e_e_com_nao_fazem_companheiros() -> None:
    assert moves("Ana Costa entrou na Apple como vice-presidente e responde a Pedro Borges.") == {
        ("Ana Costa", None, "Apple")
    }
    assert moves("Ana Costa entrou na Apple junto com Pedro Borges.") == {
        ("Ana Costa", None, "Apple"),
        ("Pedro Borges", None, "Apple"),
    }
    assert moves("A Cohere contratou Ana Costa, ex-diretora do Google, além de Pedro Borges.") == {
        ("Ana Costa", "Google", "Cohere"),
        ("Pedro Borges", None, "Cohere"),
    }


def test_condicional_jornalistico_relata() -> None:
    m = one_move("Segundo o jornal, Marta Silva teria deixado a Nvidia para entrar na Cohere.")
    assert (m.person, m.from_org, m.to_org) == ("Marta Silva", "Nvidia", "Cohere")
    ex = run("Marta Silva poderia deixar a Nvidia para entrar na Cohere.")
    assert ex.moves and not any(m.modality.counts for m in ex.moves)


def test_palavra_inicial_sem_acento_nao_cola_no_nome() -> None:
    ex = run("Já Mira Duarte disse que a Cohere não comenta rumores. Mira Duarte é porta-voz.")
    assert [p.name for p in ex.people] == ["Mira Duarte"]
    ex = run(
        "Além de Cunha, a Cohere contratou outros dois engenheiros. Pedro Cunha vinha da Meta."
    )
    assert [p.name for p in ex.people] == ["Pedro Cunha"]


def test_linha_de_publicacao_nao_e_prosa() -> None:
    noise = load_pack("pt").noise
    assert noise.match("Publicado em 03/02/2024 às 10:30")
    assert noise.match("Atualizado há 2 horas")
    assert not noise.match("Publicado no ano passado, o estudo mostra a saída de talentos.")
    assert noise.match("Ana Souza durante conferência em Lisboa | Foto: Divulgação")
    assert not noise.match("Ana Souza deixa o Google | A empresa não comentou.")


def test_deixa_o_cargo_numa_empresa_nao_numa_data() -> None:
    assert moves("Jorge Prado deixa o cargo na Amazon para se juntar à Cohere.") == {
        ("Jorge Prado", "Amazon", "Cohere")
    }
    assert moves("Vera Lima, diretora da Cohere, vai deixar o cargo em junho.", "pt") == {
        ("Vera Lima", "Cohere", None)
    }


def test_de_saida_e_origem_apos_a_saida() -> None:
    assert moves("Jorge Prado está de saída da Amazon.", "pt") == {("Jorge Prado", "Amazon", None)}
    assert moves("Jorge Prado anunciou a saída da Amazon.", "pt") == {
        ("Jorge Prado", "Amazon", None)
    }
    assert moves("Jorge Prado acertou com a Cohere após a saída da Amazon.", "pt") == {
        ("Jorge Prado", "Amazon", "Cohere")
    }
    assert moves("Jorge Prado anunciou a chegada da Amazon ao Brasil.", "pt") == set()


def test_no_inicio_do_ano() -> None:
    m = one_move("Jorge Prado mudou-se para a Cohere no início do ano.", "pt")
    assert m.date is not None and m.date.iso() == "2025"


def test_a_data_de_uma_oracao_sobre_a_empresa_nao_e_da_mudanca() -> None:
    ex = run("Em 2021 Joana Ribeiro entrou na Cohere, onde este ano lidera a equipe.", "pt")
    assert [(m.to_org, m.date.iso() if m.date else None) for m in ex.moves] == [("Cohere", "2021")]
    ex = run("Joana Ribeiro entrou na Cohere em março de 2021, onde lidera a equipe.", "pt")
    assert [m.date.iso() if m.date else None for m in ex.moves] == ["2021-03"]


def test_ex_e_agora_numa_descricao_sao_uma_mudanca() -> None:
    m = one_move(
        "Ela trabalha com Ada Brook, ex-CEO da Cohere e agora cientista-chefe da Nvidia.", "pt"
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Nada diz que o primeiro cargo acabou: nenhuma mudança.
    assert (
        moves("Ela trabalha com Ada Brook, CEO da Cohere e agora cientista-chefe da Nvidia.", "pt")
        == set()
    )


def test_com_destino_a_nomeia_o_destino() -> None:
    assert moves("Em agosto, Rina Hartono saiu da OpenAI com destino à Anthropic.", "pt") == {
        ("Rina Hartono", "OpenAI", "Anthropic")
    }
    # A city is no employer: a departure with no destination.
    assert moves("Em agosto, Rina Hartono saiu da OpenAI com destino a Londres.", "pt") == {
        ("Rina Hartono", "OpenAI", None)
    }


def test_nomeacoes_passar_de_e_sera_a_nova() -> None:
    assert moves("Rina Hartono foi nomeada cientista-chefe da Meta.", "pt") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("Rina Hartono passa do Google para a Meta.", "pt") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves(
        "A ex-executiva do Google Rina Hartono será a nova diretora técnica da Meta.", "pt"
    ) == {("Rina Hartono", "Google", "Meta")}
    # An honour, a change of method, an event: no organisation joined.
    assert moves("Rina Hartono foi nomeada uma das pessoas mais influentes do ano.", "pt") == set()
    assert moves("Rina Hartono passa da teoria para a prática no Google.", "pt") == set()
    assert moves("Rina Hartono será a nova diretora técnica da conferência.", "pt") == set()


def test_uma_ex_pesquisadora_na_frase_seguinte_da_a_origem() -> None:
    assert moves(
        "A Meta contratou Rina Hartono. "
        "A ex-pesquisadora do Google vai comandar o novo laboratório.",
        "pt",
    ) == {("Rina Hartono", "Google", "Meta")}
    assert moves(
        "A Meta contratou Rina Hartono. A pesquisadora do Google vai comandar o novo laboratório.",
        "pt",
    ) == {("Rina Hartono", None, "Meta")}


def test_uma_contratacao_anunciada_e_uma_mudanca() -> None:
    assert moves("A Meta anunciou a contratação de Rina Hartono como diretora técnica.", "pt") == {
        ("Rina Hartono", None, "Meta")
    }
    assert moves("A Meta anunciou a chegada dos novos óculos às lojas.", "pt") == set()


def test_a_empresa_depois_de_uma_mencao_de_passagem_e_o_assunto_do_artigo() -> None:
    # Only "pela Tesla" in the sentence before, after a preposition: "a empresa"
    # is the company the article has named most, not a passing mention.
    text = (
        "A OpenAI perdeu mais um executivo. A OpenAI confirmou a saída nesta semana. "
        "Antes disso, ele passou pela Tesla. Em maio, deixou a empresa o cientista Paulo Silva."
    )
    assert moves(text, "pt") == {("Paulo Silva", "OpenAI", None)}
    # Near miss: a subject-like organisation in the sentence before is the antecedent.
    text = (
        "A OpenAI perdeu mais um executivo. A Tesla contratou dois engenheiros. "
        "Em maio, deixou a empresa o cientista Paulo Silva."
    )
    assert moves(text, "pt") == {("Paulo Silva", "Tesla", None)}
