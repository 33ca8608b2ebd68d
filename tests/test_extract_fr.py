"""French, the third pack: a data file and a small module, no engine change."""

from __future__ import annotations

import datetime as dt

from test_extract_helpers import moves, one_move, run


def test_rejoint_avec_role_et_date() -> None:
    m = one_move(
        "La chercheuse Camille Roux a rejoint Mistral AI en tant que directrice "
        "scientifique, a annoncé la start-up lundi."
    )
    assert (m.person, m.to_org) == ("Camille Roux", "Mistral AI")
    assert m.role == "directrice scientifique"
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_quitte_pour_rejoindre() -> None:
    m = one_move("Hugo Martin quitte Google DeepMind pour rejoindre Anthropic, a-t-il indiqué.")
    assert (m.person, m.from_org, m.to_org) == ("Hugo Martin", "Google DeepMind", "Anthropic")


def test_depart_puis_arrivee_et_pronom() -> None:
    body = "Lucas Bernard a quitté Meta en 2023. Il a ensuite rejoint Cohere comme directeur."
    m = one_move(body)
    assert (m.person, m.from_org, m.to_org) == ("Lucas Bernard", "Meta", "Cohere")


def test_rumeur_et_maintien() -> None:
    ex = run("Selon plusieurs sources, Meta tenterait de débaucher Inès Garnier de Mistral AI.")
    assert all(not m.modality.counts for m in ex.moves)
    assert moves("Paul Lefèvre reste chez Hugging Face, a précisé un porte-parole.") == set()


def test_groupe_sans_nom() -> None:
    ex = run("Mistral AI a recruté une dizaine d'ingénieurs venus de Google depuis janvier.")
    (g,) = ex.group_moves
    assert (g.from_orgs, g.to_org) == (("Google",), "Mistral AI")
    assert ex.language == "fr"


def test_employeur_precedent_dans_la_phrase_suivante() -> None:
    m = one_move(
        "Claire Martin a rejoint Mistral AI comme directrice de la recherche. "
        "Elle avait auparavant travaillé six ans chez Google.",
        "fr",
    )
    assert (m.person, m.from_org, m.to_org) == ("Claire Martin", "Google", "Mistral AI")


def test_quitte_la_societe_de_son_patron_pour() -> None:
    # The owner named after the organisation left is part of it; the destination follows.
    body = (
        "La chercheuse Jeanne Roux travaillait chez Tesla. "
        "Elle a quitté l'entreprise d'Elon Musk pour Mistral AI."
    )
    assert moves(body, "fr") == {("Jeanne Roux", "Tesla", "Mistral AI")}
    # Near-miss: no organisation after "pour", so no destination.
    near = "Jeanne Roux a quitté Tesla, la société d'Elon Musk, pour des raisons de santé."
    assert moves(near, "fr") == {("Jeanne Roux", "Tesla", None)}


def test_chez_foo_en_tete_de_paragraphe_cadre_les_departs() -> None:
    # A paragraph opening with "Chez Foo," is about Foo: a bare departure in it leaves Foo.
    body = (
        "Le directeur Marc Petit a rejoint Mistral AI en janvier.\n\n"
        "Chez Google, la saignée continue. La chercheuse Lise Caron a annoncé son départ."
    )
    assert ("Lise Caron", "Google", None) in moves(body, "fr")
    # Near-miss: the place is not fronted, so it frames nothing.
    near = (
        "Le directeur Marc Petit a rejoint Mistral AI en janvier.\n\n"
        "La saignée continue chez Google. La chercheuse Lise Caron a annoncé son départ."
    )
    assert ("Lise Caron", "Google", None) not in moves(near, "fr")


def test_le_rival_renvoie_a_l_organisation_precedente() -> None:
    body = (
        "Le directeur Marc Petit a rejoint Mistral AI en janvier.\n\nEt chez Google ?\n\n"
        "Chez le rival, la chercheuse Lise Caron a annoncé son départ."
    )
    assert ("Lise Caron", "Google", None) in moves(body, "fr")
    # Near-miss: the plural "les rivaux" names no one organisation.
    near = body.replace("le rival", "les rivaux")
    assert ("Lise Caron", "Google", None) not in moves(near, "fr")


def test_participe_en_tete_puis_description() -> None:
    # A fronted participle clause, then "la chercheuse" as the subject: the person in focus.
    body = (
        "La chercheuse Claire Vidal quitte Google. "
        "Entrée chez IBM en 2015, la chercheuse enseigne aussi à Lyon."
    )
    assert ("Claire Vidal", None, "IBM") in moves(body, "fr")
    # Near-miss: the subject after the comma is an organisation, not a person.
    near = (
        "La chercheuse Claire Vidal quitte Google. "
        "Entrée chez IBM en 2015, la société recrute aussi à Lyon."
    )
    assert ("Claire Vidal", None, "IBM") not in moves(near, "fr")


def test_arrivee_ancienne_et_depart_actuel_restent_deux() -> None:
    # The news departure ("quitte", now) and a join dated years back are two chapters.
    body = (
        "La chercheuse Claire Vidal quitte Google. "
        "Arrivée chez IBM en 2015, la chercheuse enseigne aussi à Lyon."
    )
    assert moves(body, "fr") == {("Claire Vidal", "Google", None), ("Claire Vidal", None, "IBM")}
    # Near-miss: a join dated now completes the departure into one move.
    near = "La chercheuse Claire Vidal quitte Google. Elle rejoint IBM ce mois-ci."
    assert moves(near, "fr") == {("Claire Vidal", "Google", "IBM")}


def test_relative_objet_qu_il_avait_rejointe() -> None:
    # "qu'il avait rejointe": the object relative stands for the organisation before it.
    body = "Le chercheur Paul Roux quitte Hugging Face, qu'il avait rejointe en 2019."
    assert moves(body, "fr") == {
        ("Paul Roux", "Hugging Face", None),
        ("Paul Roux", None, "Hugging Face"),
    }
    # Near-miss: the relative pronoun follows a town, not the organisation.
    near = (
        "Le chercheur Paul Roux quitte Hugging Face et la ville de Lyon, "
        "qu'il avait rejointe en 2019."
    )
    assert ("Paul Roux", None, "Hugging Face") not in moves(near, "fr")


def test_le_premier_le_second_membres_de_la_liste() -> None:
    # "Le premier ... le second ...": the members of the last list, in order,
    # the second clause gapped (no verb of its own).
    body = (
        "Google perd deux chercheurs, Hugo Blanc et Yves Moreau. "
        "Le premier a rejoint Cohere, le second Mistral AI."
    )
    assert moves(body, "fr") == {
        ("Hugo Blanc", "Google", "Cohere"),
        ("Yves Moreau", "Google", "Mistral AI"),
    }
    # Near-miss: "le premier employé" is a new person, not a member of the list.
    near = (
        "Google perd deux chercheurs, Hugo Blanc et Yves Moreau. "
        "Le premier employé a rejoint Cohere, le second Mistral AI."
    )
    assert ("Hugo Blanc", None, "Cohere") not in moves(near, "fr")
    assert ("Hugo Blanc", "Google", "Cohere") not in moves(near, "fr")


def test_anaphore_renvoie_a_la_derniere_proposition() -> None:
    # "le groupe" after "A ...; c'est B qui ...": the closest clause's subject, B.
    body = (
        "Google a perdu deux cadres l'an dernier ; c'est désormais Meta qui perd une "
        "chercheuse. La directrice Lise Caron quitte le groupe."
    )
    assert moves(body, "fr") == {("Lise Caron", "Meta", None)}
    # Near-miss: without the semicolon, the sentence's first subject stays the antecedent.
    near = (
        "Google a perdu deux cadres l'an dernier et Meta une chercheuse. "
        "La directrice Lise Caron quitte le groupe."
    )
    assert moves(near, "fr") == {("Lise Caron", "Google", None)}


def test_date_relative_sans_date_de_publication() -> None:
    # Undated article: "il y a quelques semaines" is still a date phrase between verb and object.
    body = "Le chercheur Noé Girard a rejoint il y a quelques semaines Hugging Face."
    assert moves(body, "fr", published=None) == {("Noé Girard", None, "Hugging Face")}
    # Near-miss: five ordinary words between the verb and the name are no date.
    near = "Le chercheur Noé Girard a rejoint un petit groupe de travail chez Hugging Face."
    assert moves(near, "fr", published=None) == set()


def test_autre_depart_celui_de_et_son_titre() -> None:
    # "Autre départ ... : celui de X, son directeur": a departure of X, from the
    # organisation the possessive title points back to.
    body = "Autre départ annoncé par Cohere lundi : celui de Jean Morel, son directeur technique."
    assert moves(body, "fr") == {("Jean Morel", "Cohere", None)}
    # Near-miss: an arrival announced the same way is no departure.
    near = "Autre arrivée annoncée par Cohere lundi : celle de Jean Morel, son directeur technique."
    assert moves(near, "fr") == set()


def test_titre_possessif_avec_deux_organisations_avant() -> None:
    body = "Autre départ confirmé par Cohere : celui de Jean Morel, son directeur technique."
    assert moves(body, "fr") == {("Jean Morel", "Cohere", None)}
    # Near-miss: two organisations before the name, the possessive points to neither surely.
    near = (
        "Autre départ confirmé par Cohere et Mistral AI : celui de Jean Morel, "
        "son directeur technique."
    )
    assert ("Jean Morel", "Cohere", None) not in moves(near, "fr")


def test_incise_dans_le_groupe_verbal() -> None:
    # "a pour sa part annoncé": the aside does not separate the name from its verb.
    body = "Meta recrute. Tarik Benali, arrivé au printemps, a pour sa part annoncé son départ."
    assert ("Tarik Benali", "Meta", None) in moves(body, "fr")
    # Near-miss: four ordinary words between the apposition and the verb make no subject.
    near = (
        "Meta recrute. Tarik Benali, arrivé au printemps, "
        "a dans un long message annoncé son départ."
    )
    assert not any(p == "Tarik Benali" for p, _, _ in moves(near, "fr"))


def test_participe_appose_parti_fonder() -> None:
    # "X, parti fonder sa propre entreprise, ...": the apposed participle is said of X.
    body = (
        "Chez Google, les départs continuent. Après Lina Haddad, partie fonder sa propre "
        "entreprise, le directeur Marc Petit a annoncé son départ."
    )
    assert moves(body, "fr") == {("Lina Haddad", "Google", None), ("Marc Petit", "Google", None)}
    # Near-miss: "partie prenante" (a stakeholder) is no departure.
    near = "La chercheuse Lina Haddad, partie prenante du projet, travaille chez Google."
    assert moves(near, "fr") == set()


def test_ex_et_aujourd_hui_dans_une_description_font_un_depart() -> None:
    m = one_move(
        "Elle travaille avec Ada Brook, "
        "l'ex-patronne de Cohere et aujourd'hui directrice scientifique de Nvidia.",
        "fr",
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Rien ne dit que le premier poste est fini : pas de départ.
    assert (
        moves(
            "Elle travaille avec Ada Brook, "
            "la patronne de Cohere et aujourd'hui directrice scientifique de Nvidia.",
            "fr",
        )
        == set()
    )


def test_un_labo_confie_a_une_ex_patronne_d_ailleurs_est_son_depart() -> None:
    m = one_move(
        "Le nouveau laboratoire de Nvidia, confié à Ada Brook, l'ex-patronne de Cohere, recrute.",
        "fr",
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert (
        moves(
            "Le nouveau laboratoire de Nvidia, confié à Ada Brook, la patronne de Cohere, recrute.",
            "fr",
        )
        == set()
    )


def test_direction_et_a_destination_de_nomment_la_destination() -> None:
    assert moves("En août, Rina Hartono a quitté OpenAI, direction Anthropic.", "fr") == {
        ("Rina Hartono", "OpenAI", "Anthropic")
    }
    # A city is no employer: a departure with no destination.
    assert moves("En août, Rina Hartono a quitté OpenAI, direction Londres.", "fr") == {
        ("Rina Hartono", "OpenAI", None)
    }


def test_passer_de_x_a_y_est_un_depart_vers_y() -> None:
    assert moves("Rina Hartono passe de Google à Meta.", "fr") == {
        ("Rina Hartono", "Google", "Meta")
    }
    # De la théorie à la pratique : aucune entreprise quittée.
    assert moves("Rina Hartono passe de la théorie à la pratique chez Google.", "fr") == set()


def test_des_annees_passees_chez_une_entreprise_nomment_l_employeur_precedent() -> None:
    assert moves(
        "Rina Hartono a passé neuf ans chez Google. La semaine dernière, elle a rejoint Meta.", "fr"
    ) == {("Rina Hartono", "Google", "Meta")}
    assert moves(
        "Rina Hartono a passé ses vacances à Lisbonne. La semaine dernière, elle a rejoint Meta.",
        "fr",
    ) == {("Rina Hartono", None, "Meta")}


def test_une_nomination_annoncee_est_une_embauche() -> None:
    assert moves(
        "Meta a annoncé la nomination de Rina Hartono au poste de directrice technique.", "fr"
    ) == {("Rina Hartono", None, "Meta")}
    assert moves("Meta a annoncé l'arrivée de son nouveau casque en magasin.", "fr") == set()


def test_parti_ou_passe_chez_apres_une_date() -> None:
    # Une date entre le participe et « chez » : l'organisation est la destination.
    assert moves("Thomas Becker est parti en janvier chez Quantrix.", "fr") == {
        ("Thomas Becker", None, "Quantrix")
    }
    assert moves("Il remplacera Thomas Becker, passé en 2024 chez Quantrix.", "fr") == {
        ("Thomas Becker", None, "Quantrix")
    }
    # « parti déjeuner chez un ami » : pas d'organisation, pas de départ.
    assert moves("Thomas Becker est parti déjeuner chez un ami.", "fr") == set()


def test_le_passe_compose_de_l_employeur_date_du_mois() -> None:
    # Publié le 14 mars 2025 : « a recruté » est récent, comme « a rejoint ».
    move = one_move("Helix AI a recruté Rajesh Kumar, un vétéran de Google.", "fr")
    assert move.date is not None and move.date.iso() == "2025-03"
    # Le plus-que-parfait est de l'histoire.
    move = one_move("Helix AI avait recruté Rajesh Kumar, un vétéran de Google.", "fr")
    assert move.date is None


def test_l_embauche_a_d_autres_temps_et_avec_un_adverbe() -> None:
    assert moves("Helix AI avait recruté Rajesh Kumar en 2019.", "fr") == {
        ("Rajesh Kumar", None, "Helix AI")
    }
    assert moves("Helix AI a également débauché Rajesh Kumar.", "fr") == {
        ("Rajesh Kumar", None, "Helix AI")
    }
    # « a recruté des clients » : pas de personne, pas d'embauche.
    assert moves("Helix AI a également recruté des clients en Europe.", "fr") == set()


def test_a_participle_set_after_a_name_with_a_date_is_a_departure() -> None:
    body = (
        "Nouveau départ chez Apple. Son départ fait suite à celui de Tom Gunter, "
        "parti le mois dernier."
    )
    ex = run(body, "fr", dt.date(2025, 6, 20))
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {("Tom Gunter", "Apple", None)}
    # A train that left in the morning is no one's departure.
    assert run("Le train, parti le matin, est arrivé.", "fr").moves == []
