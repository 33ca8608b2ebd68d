"""French lexicon: each entry of the pack proven on a sentence written for it,
and on a near-miss that shares its words but must not give the same answer.

Sentences are invented for these tests (names and events are not real news)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_extract_helpers import moves, run

Move = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class MoveCase:
    """A lexicon rule: the moves (person, from, to) that count in a sentence it
    handles, and in a near-miss it must reject."""

    rule: str
    sentence: str
    expected: frozenset[Move]
    near_miss: str
    near_expected: frozenset[Move] = frozenset()


def case(
    rule: str, sentence: str, expected: set[Move], near_miss: str, near: set[Move] | None = None
) -> MoveCase:
    return MoveCase(rule, sentence, frozenset(expected), near_miss, frozenset(near or set()))


MOVE_CASES = [
    # --- joining
    case(
        "rallier",
        "Camille Dubois a rallié Mistral AI en janvier.",
        {("Camille Dubois", None, "Mistral AI")},
        "Camille Dubois a rallié les investisseurs à son projet.",
    ),
    case(
        "passer chez",
        "Julien Moreau est passé chez Anthropic après six ans chez Google.",
        {("Julien Moreau", "Google", "Anthropic")},
        "Julien Moreau est passé par une période difficile l'an dernier.",
    ),
    case(
        "arrivé chez, fronted",
        "Arrivée chez Cohere en 2021, Sophie Lambert y dirige la recherche.",
        {("Sophie Lambert", None, "Cohere")},
        "Arrivée en retard à la conférence de Cohere, Sophie Lambert a pris la parole.",
    ),
    case(
        "arrivés chez, plural pluperfect",
        "Anne Leroy et Marc Vidal quittent Apple pour Meta. "
        "Les deux ingénieurs étaient arrivés chez Apple en 2019, en provenance de Google.",
        {
            ("Anne Leroy", "Apple", "Meta"),
            ("Marc Vidal", "Apple", "Meta"),
            ("Anne Leroy", "Google", "Apple"),
            ("Marc Vidal", "Google", "Apple"),
        },
        "Anne Leroy et Marc Vidal quittent Apple pour Meta. "
        "Les deux ingénieurs étaient arrivés en avance à la réunion.",
        {("Anne Leroy", "Apple", "Meta"), ("Marc Vidal", "Apple", "Meta")},
    ),
    case(
        "poser ses valises chez",
        "Pieter Janssen pose ses valises chez Hugging Face.",
        {("Pieter Janssen", None, "Hugging Face")},
        "Pieter Janssen pose ses valises dans le hall de l'hôtel.",
    ),
    case(
        "mettre le cap sur",
        "Après huit ans chez Microsoft, Nadia Haddad met le cap sur OpenAI.",
        {("Nadia Haddad", "Microsoft", "OpenAI")},
        "Nadia Haddad met le cap sur la robotique.",
    ),
    case(
        "prendre la tête de, chained after quitter",
        "Thomas Girard quitte Google pour prendre la tête de la recherche de Hugging Face.",
        {("Thomas Girard", "Google", "Hugging Face")},
        "Thomas Girard prend la tête du classement des chercheurs les plus cités.",
    ),
    case(
        "intégrer, not a product",
        "Hélène Garnier intègre Mistral AI comme directrice juridique.",
        {("Hélène Garnier", None, "Mistral AI")},
        "Hélène Garnier intègre des modèles d'OpenAI dans ses produits.",
    ),
    case(
        "revenir chez after a stint",
        "Léa Fontaine revient chez Google DeepMind après deux ans chez Anthropic.",
        {("Léa Fontaine", "Anthropic", "Google DeepMind")},
        "Léa Fontaine reviendra chez Google DeepMind après son congé maternité.",
    ),
    case(
        "est partie chez",
        "Lucie Bernard est partie chez Anthropic.",
        {("Lucie Bernard", None, "Anthropic")},
        "Lucie Bernard, chercheuse chez Meta, est partie en vacances.",
    ),
    case(
        # The relative clause's verb is its own, earlier move (the departure
        # stays undated by it): annotators count the 2019 arrival.
        "rejointe: a relative clause's verb dates nothing",
        "Le patron de la recherche, Omar Said, quitte Cohere, qu'il avait rejointe en 2019.",
        {("Omar Said", "Cohere", None), ("Omar Said", None, "Cohere")},
        "Omar Said, qu'il avait croisé en 2019, dirige la recherche de Cohere.",
    ),
    case(
        "prendre ses fonctions chez",
        "Yann Morel prendra ses fonctions chez Cohere le 1er avril.",
        {("Yann Morel", None, "Cohere")},
        "Yann Morel prendra ses fonctions de trésorier de l'association en avril.",
    ),
    case(
        "devenir + a title",
        "Yann Morel devient directeur scientifique de Mistral AI.",
        {("Yann Morel", None, "Mistral AI")},
        "Yann Morel devient le visage publicitaire de Mistral AI.",
    ),
    case(
        "hire s'offre les services de is no offer",
        "OpenAI s'offre les services de Yann Morel, jusqu'ici chez Google.",
        {("Yann Morel", "Google", "OpenAI")},
        "OpenAI offre un poste à Yann Morel, jusqu'ici chez Google.",
    ),
    # --- leaving
    case(
        "claquer la porte de",
        "Irène Vasseur a claqué la porte d'OpenAI en mars.",
        {("Irène Vasseur", "OpenAI", None)},
        "Irène Vasseur a claqué la porte de son bureau.",
    ),
    case(
        "troquer X contre Y",
        "Paul Mercier a troqué Google contre Anthropic.",
        {("Paul Mercier", "Google", "Anthropic")},
        "Paul Mercier a troqué son costume contre un jean.",
    ),
    case(
        "faire ses cartons",
        "Chloé Marchand, ingénieure chez Apple, a fait ses cartons.",
        {("Chloé Marchand", "Apple", None)},
        "Chloé Marchand, ingénieure chez Apple, a fait ses courses.",
    ),
    case(
        "annoncer son départ, with and without an object",
        "Bruno Lefort, directeur scientifique de Cohere, a annoncé son départ. "
        "Rémi Caron annonce son départ de Mistral AI.",
        {("Bruno Lefort", "Cohere", None), ("Rémi Caron", "Mistral AI", None)},
        "Bruno Lefort, directeur scientifique de Cohere, a annoncé le départ de sa collègue.",
    ),
    case(
        "après avoir quitté",
        "Après avoir quitté Microsoft, Yasmine Belkacem a fondé sa propre société.",
        {("Yasmine Belkacem", "Microsoft", None)},
        "Après avoir visité Microsoft, Yasmine Belkacem a fondé sa propre société.",
    ),
    case(
        "quitter ses fonctions de ... de Foo",
        "Bruno Lefort quitte ses fonctions de directeur général de Cohere.",
        {("Bruno Lefort", "Cohere", None)},
        "Bruno Lefort quitte ses fonctions de trésorier de l'association.",
    ),
    case(
        "démissionner de son poste de ... de Foo",
        "Bruno Lefort a démissionné de son poste de directeur financier de Cohere.",
        {("Bruno Lefort", "Cohere", None)},
        # A resignation naming no organisation is still a departure, from an
        # organisation the article does not name.
        "Bruno Lefort a démissionné de son poste au conseil municipal.",
        {("Bruno Lefort", None, None)},
    ),
    case(
        "dismissal in the passive",
        "Bruno Lefort a été limogé par Cohere.",
        {("Bruno Lefort", "Cohere", None)},
        "Bruno Lefort a été félicité par Cohere.",
    ),
    case(
        "évincé de, then rebondit chez",
        "Bruno Lefort, évincé de Cohere en janvier, rebondit chez Mistral AI.",
        {("Bruno Lefort", "Cohere", "Mistral AI")},
        "Bruno Lefort, écarté du podium, rebondit au classement.",
    ),
    case(
        "après son départ de",
        "Bruno Lefort rebondit chez Mistral AI après son départ de Cohere.",
        {("Bruno Lefort", "Cohere", "Mistral AI")},
        "Bruno Lefort rebondit chez Mistral AI après son départ en 2023.",
        {("Bruno Lefort", None, "Mistral AI")},
    ),
    case(
        "negation with an adverb inside",
        "Bruno Lefort rejoindra finalement Mistral AI.",
        {("Bruno Lefort", None, "Mistral AI")},
        "Bruno Lefort ne rejoindra finalement pas Mistral AI.",
    ),
    case(
        "nominal departure with an elided de",
        "Le départ d'Anne Vidal, directrice financière de Cohere, a surpris.",
        {("Anne Vidal", "Cohere", None)},
        "Le départ du restaurant de Jean Dupont, chef de Cohere, a surpris.",
    ),
    # --- an organisation loses someone
    case(
        "plural title in an apposition",
        "Luc Moreau, l'un des cofondateurs de Cohere, quitte l'entreprise.",
        {("Luc Moreau", "Cohere", None)},
        "Luc Moreau, l'un des clients de Cohere, quitte la salle.",
    ),
    case(
        "accented title as a person cue",
        "Cohere perd son vice-président Zeb Okonkwo.",
        {("Zeb Okonkwo", "Cohere", None)},
        "Cohere perd son vice-président.",
    ),
    case(
        "voir partir",
        "Hugging Face a vu partir cette année son directeur technique Arnaud Perrin.",
        {("Arnaud Perrin", "Hugging Face", None)},
        "Hugging Face a vu partir ses derniers investisseurs.",
    ),
    case(
        "se séparer de",
        "Meta se sépare de Julien Roche, son responsable des partenariats.",
        {("Julien Roche", "Meta", None)},
        "Meta se sépare de sa filiale de casques.",
    ),
    # --- hiring
    case(
        "nommer",
        "Mistral AI a nommé Claire Dupuis directrice financière.",
        {("Claire Dupuis", None, "Mistral AI")},
        "Mistral AI a nommé Claire Dupuis, sa directrice juridique, au poste de directrice "
        "générale.",
    ),
    case(
        "être nommée directrice de",
        "Claire Dupuis a été nommée directrice de la recherche de Cohere.",
        {("Claire Dupuis", None, "Cohere")},
        "Claire Dupuis, de Cohere, a été nommée parmi les cent personnalités de l'année.",
    ),
    case(
        "débaucher, and a failed attempt",
        "Anthropic a débauché Victor Lemaire, chercheur chez Google DeepMind.",
        {("Victor Lemaire", "Google DeepMind", "Anthropic")},
        "Anthropic a tenté de débaucher Victor Lemaire, chercheur chez Google DeepMind.",
    ),
    case(
        "recruter une ancienne de",
        "Hugging Face recrute Sarah Cohen, ancienne d'Apple.",
        {("Sarah Cohen", "Apple", "Hugging Face")},
        "Hugging Face recrute des stagiaires pour l'été.",
    ),
    # --- where the person came from
    case(
        "débauché chez: poached from",
        "Débauchée chez Apple, Inès Roy a rejoint Mistral AI en 2024.",
        {("Inès Roy", "Apple", "Mistral AI")},
        "Inès Roy a rejoint Mistral AI en 2024 après un doctorat.",
        {("Inès Roy", None, "Mistral AI")},
    ),
    case(
        "transfuge d'",
        "Hugo Faure, transfuge d'OpenAI, a rejoint Anthropic.",
        {("Hugo Faure", "OpenAI", "Anthropic")},
        "Hugo Faure a rejoint Anthropic.",
        {("Hugo Faure", None, "Anthropic")},
    ),
    case(
        "passée par",
        "Nora Petit, passée par Google, a rejoint Cohere.",
        {("Nora Petit", "Google", "Cohere")},
        "Nora Petit a rejoint Cohere après être passée par une longue réflexion.",
        {("Nora Petit", None, "Cohere")},
    ),
    case(
        "travaillait jusqu'ici chez",
        "Hanna Berg a rejoint Anthropic. Elle travaillait jusqu'ici chez Google DeepMind.",
        {("Hanna Berg", "Google DeepMind", "Anthropic")},
        "Hanna Berg a rejoint Anthropic. Elle travaillait jusqu'ici sur la vision.",
        {("Hanna Berg", None, "Anthropic")},
    ),
    case(
        "était auparavant ... chez",
        "Hanna Berg a rejoint Anthropic. Elle était auparavant chercheuse chez Google DeepMind.",
        {("Hanna Berg", "Google DeepMind", "Anthropic")},
        "Hanna Berg a rejoint Anthropic. Elle était auparavant étudiante à Lyon.",
        {("Hanna Berg", None, "Anthropic")},
    ),
    # --- modality
    case(
        "stay: conserve son poste",
        "Anne Vidal, qui conserve son poste chez Meta, rejoint aussi Mistral AI.",
        set(),
        "Anne Vidal, qui dirigeait la recherche chez Meta, rejoint Mistral AI.",
        {("Anne Vidal", "Meta", "Mistral AI")},
    ),
    case(
        "rumour: sur le point de",
        "Anne Vidal a rejoint Mistral AI.",
        {("Anne Vidal", None, "Mistral AI")},
        "Anne Vidal est sur le point de rejoindre Mistral AI.",
    ),
    case(
        "rumour: s'apprête à",
        "Anne Vidal quitte Meta.",
        {("Anne Vidal", "Meta", None)},
        "Anne Vidal s'apprête à quitter Meta.",
    ),
    case(
        "denial: ne compte pas",
        "Anne Vidal va quitter Meta.",
        {("Anne Vidal", "Meta", None)},
        "Anne Vidal ne compte pas quitter Meta.",
    ),
    case(
        "denial: a renoncé",
        "Anne Vidal va rejoindre Mistral AI.",
        {("Anne Vidal", None, "Mistral AI")},
        "Anne Vidal a renoncé à rejoindre Mistral AI.",
    ),
    # --- founding
    case(
        "créer a unit founds nothing",
        "Marie Leroy a quitté Meta pour créer Helsing.",
        {("Marie Leroy", "Meta", "Helsing")},
        "Marie Leroy est arrivée chez Meta en 2015 pour créer le laboratoire FAIR.",
        {("Marie Leroy", None, "Meta")},
    ),
]


@pytest.mark.parametrize("c", MOVE_CASES, ids=[c.rule for c in MOVE_CASES])
def test_rule_handles_its_sentence(c: MoveCase) -> None:
    assert moves(c.sentence, "fr") == c.expected


@pytest.mark.parametrize("c", MOVE_CASES, ids=[c.rule for c in MOVE_CASES])
def test_rule_rejects_its_near_miss(c: MoveCase) -> None:
    assert moves(c.near_miss, "fr") == c.near_expected


def test_rumour_in_the_conditional_is_kept_but_does_not_count() -> None:
    body = "Selon Le Monde, Anne Vidal quitterait Meta pour Mistral AI."
    assert moves(body, "fr") == set()
    assert moves(body, "fr", counting=False) == {("Anne Vidal", "Meta", "Mistral AI")}
    # The same verb in the indicative counts.
    assert moves("Anne Vidal quitte Meta pour Mistral AI.", "fr") == {
        ("Anne Vidal", "Meta", "Mistral AI")
    }


def test_denial_jamais_rejoint() -> None:
    body = "Contrairement aux rumeurs, Anne Vidal n'a jamais rejoint Mistral AI."
    assert moves(body, "fr") == set()
    assert moves("Anne Vidal a finalement rejoint Mistral AI.", "fr") == {
        ("Anne Vidal", None, "Mistral AI")
    }


@dataclass(frozen=True)
class NameCase:
    """Words that glue onto a name: the people found, and a near-miss whose
    capitalised words must stay a name."""

    rule: str
    sentence: str
    people: frozenset[str]
    near_miss: str
    near_people: frozenset[str]


NAME_CASES = [
    NameCase(
        "sentence-initial Après (accent-folded stopword)",
        "Après Marie Roussel, Mistral AI a recruté Paul Giraud.",
        frozenset({"Marie Roussel", "Paul Giraud"}),
        "Marie Roussel a rejoint Mistral AI après Paul Giraud.",
        frozenset({"Marie Roussel", "Paul Giraud"}),
    ),
    NameCase(
        "nationality before a name",
        "Mistral AI a recruté la Britannique Emma Clarke.",
        frozenset({"Emma Clarke"}),
        "Mistral AI a recruté Emma Anglais.",
        frozenset({"Emma Anglais"}),
    ),
    NameCase(
        "elided noun opening a sentence",
        "L'entreprise de Jean Martin a levé dix millions d'euros.",
        frozenset(),
        "Jean Martin dirige l'entreprise de Paul Roux.",
        frozenset({"Jean Martin", "Paul Roux"}),
    ),
    NameCase(
        "Silicon Valley town",
        "Jean Martin a quitté le groupe de Menlo Park.",
        frozenset({"Jean Martin"}),
        "Jane Park a rejoint Meta.",
        frozenset({"Jane Park"}),
    ),
    NameCase(
        "newspaper after Selon",
        "Selon Le Monde, Jean Roux a rejoint Cohere.",
        frozenset({"Jean Roux"}),
        "Selon Yann Le Cun, Meta recrute.",
        frozenset({"Yann Le Cun"}),
    ),
]


@pytest.mark.parametrize("c", NAME_CASES, ids=[c.rule for c in NAME_CASES])
def test_words_glued_to_names(c: NameCase) -> None:
    assert {p.name for p in run(c.sentence, "fr").people} == c.people
    assert {p.name for p in run(c.near_miss, "fr").people} == c.near_people


def test_noise_lines_and_bylines() -> None:
    body = (
        "Par Jeanne Martin et Paul Roux\n"
        "À lire aussi : Jean Roux rejoint Cohere\n"
        "Crédit photo : Léa Fontaine\n"
        "Marie Dupont a rejoint Anthropic."
    )
    ex = run(body, "fr")
    assert {p.name for p in ex.people} == {"Marie Dupont"}
    assert moves(body, "fr") == {("Marie Dupont", None, "Anthropic")}
    # Prose that opens like a byline or a "Lire" line is still prose.
    prose = "Par ailleurs, Jean Roux a rejoint Cohere.\nLire la presse ne suffit pas."
    assert moves(prose, "fr") == {("Jean Roux", None, "Cohere")}


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("l'an dernier", "2024"),
        ("l'année dernière", "2024"),
        ("l'été dernier", "2024"),
        ("il y a deux mois", "2025-01"),
        ("il y a deux semaines", "2025-02"),
        ("mi-janvier", "2025-01"),
        ("mi-2023", "2023"),
        ("avant-hier", "2025-03-12"),
        ("hier", "2025-03-13"),
        ("janvier dernier", "2025-01"),
        ("décembre dernier", "2024-12"),
    ],
)
def test_date_phrases(phrase: str, iso: str) -> None:
    (m,) = run(f"Anne Vidal a rejoint Mistral AI {phrase}.", "fr").moves
    assert m.date is not None and m.date.iso() == iso


# Synonyms of the rules above, each in a sentence of its own, with the
# near-misses that share their words.
SYNONYMS: list[tuple[str, set[Move]]] = [
    ("Cohere s'attache les services de Jean Dupont.", {("Jean Dupont", None, "Cohere")}),
    ("Cohere accueille Jean Dupont, ancien de Google.", {("Jean Dupont", "Google", "Cohere")}),
    ("Mistral AI a chipé Jean Dupont à Google.", {("Jean Dupont", None, "Mistral AI")}),
    ("Jean Dupont atterrit chez Cohere.", {("Jean Dupont", None, "Cohere")}),
    ("Jean Dupont signe chez Cohere.", {("Jean Dupont", None, "Cohere")}),
    ("Jean Dupont est entré chez Cohere en 2022.", {("Jean Dupont", None, "Cohere")}),
    ("Jean Dupont a pris les rênes de Cohere.", {("Jean Dupont", None, "Cohere")}),
    ("Jean Dupont s'installe chez Cohere.", {("Jean Dupont", None, "Cohere")}),
    ("Jean Dupont fait son retour chez Google.", {("Jean Dupont", None, "Google")}),
    ("Jean Dupont se retire de Cohere.", {("Jean Dupont", "Cohere", None)}),
    ("Jean Dupont, ingénieur chez Cohere, a plié bagage.", {("Jean Dupont", "Cohere", None)}),
    ("Jean Dupont, patron de Cohere, a rendu son tablier.", {("Jean Dupont", "Cohere", None)}),
    ("Jean Dupont, patron de Cohere, tire sa révérence.", {("Jean Dupont", "Cohere", None)}),
    ("Jean Dupont, ingénieur chez Cohere, quitte le navire.", {("Jean Dupont", "Cohere", None)}),
    (
        "Jean Dupont rejoint Cohere en compagnie de Marie Curie.",
        {
            ("Jean Dupont", None, "Cohere"),
            ("Marie Curie", None, "Cohere"),
        },
    ),
    (
        "Jean Dupont rejoint Cohere aux côtés de Marie Curie.",
        {
            ("Jean Dupont", None, "Cohere"),
            ("Marie Curie", None, "Cohere"),
        },
    ),
]
NEAR_SYNONYMS = [
    "Cohere accueille une conférence à Paris.",
    "Jean Dupont signe chez le notaire.",
    "Jean Dupont entre chez lui.",
    "Jean Dupont se retire de la course.",
    "Jean Dupont a plié le dossier.",
    "Jean Dupont quitte le navire de croisière à Marseille.",
]


@pytest.mark.parametrize(("sentence", "expected"), SYNONYMS)
def test_synonyms(sentence: str, expected: set[Move]) -> None:
    assert moves(sentence, "fr") == expected


@pytest.mark.parametrize("sentence", NEAR_SYNONYMS)
def test_synonym_near_misses(sentence: str) -> None:
    assert moves(sentence, "fr") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Jean Dupont serait sur le départ de Cohere.",
        "Jean Dupont est en passe de rejoindre Cohere.",
        "Jean Dupont négocie pour rejoindre Cohere.",
        "Jean Dupont est en lice pour rejoindre Cohere.",
        "Jean Dupont songe à quitter Cohere.",
        "Cohere lorgne Jean Dupont et tente de le recruter.",
    ],
)
def test_more_rumour_cues(sentence: str) -> None:
    assert moves(sentence, "fr") == set()


def test_a_date_between_verb_and_object_is_no_distance() -> None:
    assert moves("Camille Dubois a rejoint il y a deux semaines Mistral AI.", "fr") == {
        ("Camille Dubois", None, "Mistral AI")
    }
    # Real distance: the organisation is not the verb's object.
    assert (
        moves(
            "Camille Dubois a rejoint une petite équipe de chercheurs "
            "qui travaille avec Mistral AI.",
            "fr",
        )
        == set()
    )


def test_wanting_to_hire_is_an_intent_not_a_hire() -> None:
    # "veut recruter": what a company wants is no move yet.
    assert moves("Meta veut recruter Paul Martin, l'ancien chercheur de Google.", "fr") == set()
    # Near miss: "veut dire" ("means") says nothing of the hire it introduces.
    assert moves("Ce départ veut dire que Mistral AI a recruté Paul Martin.", "fr") == {
        ("Paul Martin", None, "Mistral AI")
    }
