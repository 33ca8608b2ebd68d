"""English move statements, one phenomenon per test, on sentences written for
these tests (not taken from the corpus)."""

from __future__ import annotations

import datetime as dt

from test_extract_helpers import PUB, moves, one_move, people, run


def test_active_join_with_apposition_origin() -> None:
    m = one_move("Anthropic researcher Priya Raman has joined Mistral AI, the company said.")
    assert (m.person, m.from_org, m.to_org) == ("Priya Raman", "Anthropic", "Mistral AI")
    assert m.date is not None and m.date.iso() == "2025-03"  # present perfect: publication month


def test_passive_hire() -> None:
    m = one_move("Daniel Ortega was hired by Cohere last week after six years at Google.")
    assert (m.person, m.to_org) == ("Daniel Ortega", "Cohere")
    assert m.from_org == "Google"
    assert m.date is not None and m.date.iso() == "2025-03"


def test_agent_hires_list_with_shared_origin() -> None:
    got = moves(
        "Apple has hired Sara Lindqvist and Tomas Berg, both engineers at Nvidia, "
        "to work on its chips."
    )
    assert got == {("Sara Lindqvist", "Nvidia", "Apple"), ("Tomas Berg", "Nvidia", "Apple")}


def test_list_subject_leaving_to_join() -> None:
    got = moves(
        "Maria Chen, Paul Okoro and Lena Weiss are leaving Google DeepMind to join "
        "Anthropic, Okoro said on Tuesday."
    )
    assert got == {
        (n, "Google DeepMind", "Anthropic") for n in ("Maria Chen", "Paul Okoro", "Lena Weiss")
    }
    ex = run(
        "Maria Chen, Paul Okoro and Lena Weiss are leaving Google DeepMind to join "
        "Anthropic, Okoro said on Tuesday."
    )
    assert {m.date.iso() for m in ex.moves if m.date} == {"2025-03-11"}


def test_departure_and_destination_in_two_sentences_make_one_move() -> None:
    body = (
        "Kevin Marsh left Salesforce in January. "
        "He has since joined Databricks as chief technology officer."
    )
    m = one_move(body)
    assert (m.person, m.from_org, m.to_org) == ("Kevin Marsh", "Salesforce", "Databricks")
    assert m.role == "chief technology officer"


def test_departure_without_destination() -> None:
    m = one_move(
        "Olivia Grant, the head of research at Stability AI, has resigned from the "
        "company, she said on Monday."
    )
    assert (m.person, m.from_org, m.to_org) == ("Olivia Grant", "Stability AI", None)
    assert m.date is not None and m.date.iso() == "2025-03-10"


def test_multi_hop_career_and_return() -> None:
    body = (
        "Hannah Vogel joined Microsoft in 2016 from IBM. She left Microsoft in 2020 to "
        "join Amazon. Last month she returned to Microsoft."
    )
    got = moves(body)
    assert ("Hannah Vogel", "IBM", "Microsoft") in got
    assert ("Hannah Vogel", "Microsoft", "Amazon") in got
    assert ("Hannah Vogel", "Amazon", "Microsoft") in got


def test_a_return_and_a_dated_departure_make_the_earlier_leg() -> None:
    # The return says where she had gone, the departure when she left.
    body = (
        "Maria Lopez has returned to Google after two years at Anthropic, the company said "
        "on Monday. Lopez left Google in 2023."
    )
    ex = run(body)
    assert {
        (m.person, m.from_org, m.to_org, m.date.iso() if m.date else None) for m in ex.moves
    } == {
        ("Maria Lopez", "Anthropic", "Google", "2025-03-10"),
        ("Maria Lopez", "Google", "Anthropic", "2023"),
    }
    # A return alone says nothing of how she got to Anthropic.
    assert moves(body.split(" Lopez left")[0]) == {("Maria Lopez", "Anthropic", "Google")}


def test_future_certain_move_counts() -> None:
    m = one_move("Ravi Shankar will join xAI next month as head of infrastructure.")
    assert (m.person, m.to_org) == ("Ravi Shankar", "xAI")
    assert m.date is not None and m.date.iso() == "2025-04"


def test_founding_after_leaving() -> None:
    m = one_move("Ines Duarte left OpenAI in 2023 to found Lumen Labs, a robotics start-up.")
    assert (m.person, m.from_org, m.to_org) == ("Ines Duarte", "OpenAI", "Lumen Labs")
    assert m.date is not None and m.date.iso() == "2023"


def test_rumours_talks_and_denials_do_not_count() -> None:
    assert (
        moves("Jonas Berg is expected to join Meta, according to people familiar with the talks.")
        == set()
    )
    assert moves("Meta is in talks to hire Jonas Berg from Apple.") == set()
    assert moves("Jonas Berg, an engineer at Apple, turned down an offer to join Meta.") == set()
    ex = run("Jonas Berg, an engineer at Apple, is reportedly considering leaving for Meta.")
    assert all(not m.modality.counts for m in ex.moves)


def test_people_who_stay_and_sabbaticals_are_not_moves() -> None:
    assert moves("Carla Ruiz remains at Anthropic, where she leads the safety team.") == set()
    assert (
        moves("Carla Ruiz is taking a sabbatical and will return to Anthropic in the autumn.")
        == set()
    )


def test_quoted_executive_is_not_a_mover() -> None:
    body = (
        "Nvidia has hired Ben Adler from Intel. Chief executive Jensen Huang said the "
        "company was delighted."
    )
    assert moves(body) == {("Ben Adler", "Intel", "Nvidia")}


def test_relative_clause_of_a_noun_is_not_the_name_before_it() -> None:
    body = "Satya Nadella praised the 40 engineers who joined Microsoft this year."
    assert moves(body) == set()


def test_pronoun_subject_resolves_to_focus() -> None:
    body = (
        "Tomasz Nowak spent a decade at Google. In 2019 he moved to Apple, and "
        "colleagues say he thrived. Earlier this year he returned to Google."
    )
    got = moves(body)
    assert ("Tomasz Nowak", None, "Apple") in got or ("Tomasz Nowak", "Google", "Apple") in got
    assert any(p == "Tomasz Nowak" and t == "Google" for p, _, t in got)


def test_noise_lines_yield_nothing() -> None:
    body = (
        "Read also: Jane Porter joins Meta from Google\n\n"
        "By Harold Finch\n\n"
        "Photo: Jane Porter at a conference in 2022.\n\n"
        "Intel reported results on Thursday."
    )
    ex = run(body)
    assert ex.moves == []
    assert "Harold Finch" not in {p.name for p in ex.people}


def test_evidence_is_the_sentence_verbatim() -> None:
    body = "Shares rose. Grace Liu has joined Anthropic from Cohere. Nothing else changed."
    ex = run(body)
    (m,) = ex.moves
    assert m.evidence == "Grace Liu has joined Anthropic from Cohere."
    assert body[m.evidence_start : m.evidence_start + len(m.evidence)] == m.evidence


def test_no_published_date_means_no_relative_dates() -> None:
    m = one_move("Grace Liu has joined Anthropic from Cohere.", published=None)
    assert m.date is None
    m = one_move("Grace Liu joined Anthropic from Cohere in June 2024.", published=None)
    assert m.date is not None and m.date.iso() == "2024-06"


def test_publication_date_default_only_for_present_statements() -> None:
    m = one_move("Grace Liu joined Anthropic from Cohere.")  # simple past: background
    assert m.date is None
    assert PUB.year == 2025


def test_internal_promotion_is_not_a_move() -> None:
    assert (
        moves("Stripe's finance chief Laura Kim has been appointed chief executive of Stripe.")
        == set()
    )
    assert moves("Salesforce has hired Laura Kim, its head of sales, as president.") == set()


def test_group_moves_are_unnamed_headcounts() -> None:
    ex = run(
        "Since January, Anthropic has hired at least 12 researchers from OpenAI and "
        "Google DeepMind, according to people familiar with the matter."
    )
    assert ex.moves == []
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (12, ("OpenAI", "Google DeepMind"), "Anthropic")
    ex = run("Mistral AI has hired three engineers from Meta: Ana Silva, Li Na and Omar Farouk.")
    assert ex.group_moves == []  # a named group: the people are the moves
    ex = run("Several members of Cohere's research team will also move to Amazon.")
    (g,) = ex.group_moves
    assert (g.count, g.from_orgs, g.to_org) == (None, ("Cohere",), "Amazon")


def test_events_boards_and_leaves_are_not_moves() -> None:
    for body in (
        "Rosa Diaz, Microsoft's chief executive, left the stage after the keynote.",
        "Ivan Petrov joined Nvidia's earnings call on Wednesday to discuss demand.",
        "Nadia Osei stepped down from Meta's board in 2024.",
        "Marco Rossi returned to OpenAI in November after a three-month leave.",
        "Chen Jie, who leads Google DeepMind, welcomed the new hires.",
    ):
        assert moves(body) == set(), body


def test_unit_of_an_organisation_is_still_the_organisation() -> None:
    m = one_move("Yusuf Demir has joined Meta’s new superintelligence lab from Apple.")
    assert (m.person, m.from_org, m.to_org) == ("Yusuf Demir", "Apple", "Meta")


def test_member_of_a_listed_team_and_companions() -> None:
    body = (
        "The exodus includes several members of Amazon's robotics team, including "
        "Farah Khan, who has since joined Figure AI."
    )
    assert moves(body) == {("Farah Khan", "Amazon", "Figure AI")}
    body = "Leo Park left Baidu last year. He joined Moonshot AI on Monday along with Sara Cho."
    got = moves(body)
    assert ("Leo Park", "Baidu", "Moonshot AI") in got
    assert ("Sara Cho", "Baidu", "Moonshot AI") in got


def test_lost_to_a_rival() -> None:
    body = "Last month Apple lost Ana Torres to Microsoft, the latest of several exits."
    assert moves(body) == {("Ana Torres", "Apple", "Microsoft")}


def test_reported_future_in_speech_counts_but_hypotheticals_do_not() -> None:
    m = one_move("Cohere said on Monday that Hana Sato would join the company from IBM.")
    assert (m.person, m.from_org, m.to_org) == ("Hana Sato", "IBM", "Cohere")
    assert moves("Hana Sato would join Cohere if the deal closes.") == set()


def test_stepping_down_as_title_of_an_organisation() -> None:
    m = one_move("Rahul Mehta will step down as chief executive of Instacart next month.")
    assert (m.person, m.from_org, m.to_org) == ("Rahul Mehta", "Instacart", None)
    assert m.date is not None and m.date.iso() == "2025-04"


def test_title_as_subject() -> None:
    body = (
        "Cohere chief executive Aidan Gomez spoke on Monday. "
        "The former Cohere chief has joined Anthropic, the company said."
    )
    assert moves(body) == {("Aidan Gomez", "Cohere", "Anthropic")}


def test_first_person_quotes_are_the_speaker() -> None:
    got = moves('"I am leaving OpenAI to join Anthropic," Jane Roe wrote on X on Monday.')
    assert got == {("Jane Roe", "OpenAI", "Anthropic")}
    got = moves('Jane Roe wrote on X: "I have decided to leave OpenAI."')
    assert got == {("Jane Roe", "OpenAI", None)}
    # Someone else's plans, quoted: no move for the speaker.
    assert moves('"We are sad to see him go," Jane Roe said of the departure.') == set()


def test_list_with_shared_origin_apposition() -> None:
    body = "Ana Lima, Ben Ortiz and Chloe Tan, all from OpenAI, joined Meta last week."
    assert moves(body) == {(n, "OpenAI", "Meta") for n in ("Ana Lima", "Ben Ortiz", "Chloe Tan")}


def test_founding_needs_the_organisation_as_object() -> None:
    assert moves("Nina Berg launched a new product at Google last year.") == set()
    assert moves("Nina Berg went to Stanford University before her career.") == set()


def test_apposition_gives_the_origin() -> None:
    m = one_move("Ingrid Solberg, a former Google DeepMind researcher, has joined Cohere.")
    assert (m.person, m.from_org, m.to_org) == ("Ingrid Solberg", "Google DeepMind", "Cohere")
    assert moves("Cohere hired Radek Zielinski, a former Microsoft researcher.") == {
        ("Radek Zielinski", "Microsoft", "Cohere")
    }
    assert moves("Cohere hired Radek Zielinski, previously at Microsoft.") == {
        ("Radek Zielinski", "Microsoft", "Cohere")
    }
    assert moves("Cohere hired Radek Zielinski, who spent six years at Microsoft.") == {
        ("Radek Zielinski", "Microsoft", "Cohere")
    }
    # Two earlier employers in the apposition: no single origin.
    assert moves("Cohere hired Radek Zielinski, whose earlier stints include Apple and IBM.") == {
        ("Radek Zielinski", None, "Cohere")
    }


def test_left_unknown_org_to_join_another() -> None:
    m = one_move("Haruki Morimoto left Fujitsu to join Anthropic in June.", published=PUB)
    assert (m.person, m.from_org, m.to_org) == ("Haruki Morimoto", "Fujitsu", "Anthropic")
    assert (m.date.year, m.date.month) == (2024, 6)
    assert moves("Haruki Morimoto left Fujitsu for Anthropic.") == {
        ("Haruki Morimoto", "Fujitsu", "Anthropic")
    }
    # "left" + a word and no destination: not taken as an organisation.
    assert "Morimoto" not in {
        o.name for o in run("The reshuffle left Morimoto alone.").organizations
    }


def test_later_move_comes_from_the_earlier_stated_destination() -> None:
    body = "Amaru Quispe joined Cohere in 2021. Quispe has since moved to Apple."
    assert moves(body) == {("Amaru Quispe", None, "Cohere"), ("Amaru Quispe", "Cohere", "Apple")}


def test_left_unknown_org_and_joined_another() -> None:
    assert moves("Radek Zielinski left Fujitsu and joined Cohere.") == {
        ("Radek Zielinski", "Fujitsu", "Cohere")
    }


def test_date_between_employer_left_and_destination() -> None:
    got = moves("Marta Iglesias left Quorra Labs earlier this year for Pellucid, a small lab.")
    assert got == {("Marta Iglesias", "Quorra Labs", "Pellucid")}


def test_short_form_of_organisation_named_in_full_earlier() -> None:
    body = (
        "Orchid Robotics has about 90 staff. Last month Dev Malhotra left Orchid "
        "for Tessellate, the company said."
    )
    assert moves(body) == {("Dev Malhotra", "Orchid Robotics", "Tessellate")}
    ex = run(body)
    orgs = {o.name: [m.text for m in o.mentions] for o in ex.organizations}
    assert orgs["Orchid Robotics"] == ["Orchid Robotics", "Orchid"]


def test_short_form_shared_by_two_organisations_stays_apart() -> None:
    ex = run(
        "Orchid Robotics and Orchid Capital share an office. Dev Malhotra left Orchid "
        "for Tessellate."
    )
    assert not any(m.from_org in ("Orchid Robotics", "Orchid Capital") for m in ex.moves)


def test_previous_employer_in_next_sentence_with_pronoun() -> None:
    m = one_move(
        "Keiko Tanaka has joined Mistral AI as a research scientist. "
        "She previously worked for five years at Cohere on retrieval."
    )
    assert (m.person, m.from_org, m.to_org) == ("Keiko Tanaka", "Cohere", "Mistral AI")


def test_former_description_gives_origin_of_bare_resignation() -> None:
    m = one_move(
        "Former Nvidia engineering chief Lars Holm resigned last week, a spokesperson said."
    )
    assert (m.person, m.from_org, m.to_org) == ("Lars Holm", "Nvidia", None)


def test_former_description_with_a_second_organisation_is_no_origin() -> None:
    ex = run("Former Nvidia engineer Lars Holm, now an adviser to Intel, resigned last week.")
    assert not any(m.from_org == "Nvidia" for m in ex.moves)


def group(body: str) -> list[tuple[int | None, tuple[str, ...], str | None]]:
    return [(g.count, g.from_orgs, g.to_org) for g in run(body).group_moves if g.modality.counts]


def test_group_hirer_from_a_relative_clause_or_an_earlier_group() -> None:
    assert group(
        "The setback hurts Cohere, which recently countered by bringing in five senior "
        "engineers from Nvidia, Apple and Amazon."
    ) == [(5, ("Nvidia", "Apple", "Amazon"), "Cohere")]
    assert group(
        "Mistral AI has hired four researchers from Google. "
        "It has also recruited several engineers from Meta in recent months."
    ) == [(4, ("Google",), "Mistral AI"), (None, ("Meta",), "Mistral AI")]
    assert group("Amazon has attracted a number of prominent researchers from Cohere.") == [
        (None, ("Cohere",), "Amazon")
    ]
    assert group("Amazon poached engineers from Cohere and Nvidia.") == [
        (None, ("Cohere", "Nvidia"), "Amazon")
    ]


def test_group_companions_owners_and_the_main_departure() -> None:
    assert group(
        "Ana Silva will join Amazon along with some members of Cohere's research team."
    ) == [(None, ("Cohere",), "Amazon")]
    assert group(
        "In a statement, Cohere said that a small number of its employees would move to Amazon."
    ) == [(None, ("Cohere",), "Amazon")]
    assert group(
        "Rosa Diaz, Nvidia's chief scientist, said on Monday that she is leaving the company. "
        "Hours later, the chief executive said that two other senior research leaders were "
        "also stepping down."
    ) == [(2, ("Nvidia",), None)]


def test_no_group_without_a_move() -> None:
    for body in (
        "Nvidia employs 500 engineers in Israel.",
        "Eleven researchers from OpenAI attended the conference.",
        "Amazon could hire at least ten engineers from Cohere, people said.",
        "Amazon denied that it had hired 20 engineers from Cohere.",
        "Amazon hired the engineers from Cohere last year.",
        "Cohere brought 20 researchers to the conference in Toronto.",
    ):
        assert group(body) == [], body


def test_the_company_announcing_a_resignation_is_the_one_left() -> None:
    assert moves("Northwind Robotics said on Monday that Maria Lopez has resigned.") == {
        ("Maria Lopez", "Northwind Robotics", None)
    }
    # A newsroom reporting it is nobody's employer: she resigned from somewhere unnamed.
    assert moves("Reuters reported on Monday that Maria Lopez has resigned.") == {
        ("Maria Lopez", None, None)
    }


def test_a_departure_naming_no_organisation_is_still_a_departure() -> None:
    # Her employer comes from her description elsewhere in the article.
    assert moves(
        "Dana Whitfield, a senior engineer at Northwind Robotics, spoke at the summit. "
        "Whitfield resigned on Friday."
    ) == {("Dana Whitfield", "Northwind Robotics", None)}
    # Leaving a place is no departure from an employer.
    assert moves("Dana Whitfield left Lisbon on Friday.") == set()
    # A departure and a destination the article gives apart are one move.
    assert moves(
        "Dana Whitfield is stepping down, the company said. She will join Helix AI in May."
    ) == {("Dana Whitfield", None, "Helix AI")}


def test_a_founding_with_no_origin_is_background_not_a_move() -> None:
    assert moves("Northwind Robotics was co-founded in 2019 by Dana Whitfield.") == set()
    assert moves("Dana Whitfield left Google in 2019 to found Northwind Robotics.") == {
        ("Dana Whitfield", "Google", "Northwind Robotics")
    }


def test_an_organisation_in_a_compound_places_a_person_but_acts_for_nobody() -> None:
    # "ex-OpenAI researcher": a former employer; "OpenAI-backed startup": a description.
    assert moves("Ex-OpenAI researcher Jane Doe has joined Meta.") == {
        ("Jane Doe", "OpenAI", "Meta")
    }
    assert moves("The OpenAI-backed startup Northwind hired Jane Doe from Google.") == {
        ("Jane Doe", "Google", "Northwind")
    }
    assert moves("Jane Doe joined the OpenAI-backed startup Northwind from Google.") == {
        ("Jane Doe", "Google", "Northwind")
    }


def test_a_list_of_titled_names_moves_together() -> None:
    assert moves(
        "Helix AI is losing its top team: chief executive Dana Whitfield, research chief "
        "Omar Haddad and engineering VP Lena Berg all said on Monday that they were leaving."
    ) == {
        ("Dana Whitfield", "Helix AI", None),
        ("Omar Haddad", "Helix AI", None),
        ("Lena Berg", "Helix AI", None),
    }
    # The speaker is described, not listed: only the person said to leave moves,
    # from the one organisation the story is about.
    assert moves(
        "Dana Whitfield, research chief at Helix AI, said on Monday that Omar Haddad was leaving."
    ) == {("Omar Haddad", "Helix AI", None)}


def test_a_later_departure_leaves_where_the_article_last_sent_the_person() -> None:
    assert moves(
        "Dana Whitfield, a senior engineer at Northwind Robotics, left in 2019. "
        "She joined Helix AI in 2021 and resigned on Monday."
    ) == {
        ("Dana Whitfield", "Northwind Robotics", "Helix AI"),
        ("Dana Whitfield", "Helix AI", None),
    }


def test_a_return_tells_where_an_unnamed_departure_was_from() -> None:
    assert moves(
        "Omar Haddad has returned to Helix AI as chief scientist after three years at "
        "Northwind Robotics. He had been one of Helix AI's first engineers before leaving in 2022."
    ) == {
        ("Omar Haddad", "Northwind Robotics", "Helix AI"),
        ("Omar Haddad", "Helix AI", "Northwind Robotics"),
    }


def test_becoming_a_post_at_an_organisation_is_joining_it() -> None:
    assert moves(
        "The unit will be run by Dana Whitfield, the former chief executive of Northwind "
        "Robotics, who has now become Helix AI's chief scientist."
    ) == {("Dana Whitfield", "Northwind Robotics", "Helix AI")}
    # Someone the organisation calls its own is promoted, not hired.
    assert (
        moves("Helix AI said Dana Whitfield, its head of research, had become interim CEO.")
        == set()
    )


def test_a_destination_after_a_dated_departure() -> None:
    assert moves("Omar Haddad left Northwind Robotics in March 2016 for Helix AI.") == {
        ("Omar Haddad", "Northwind Robotics", "Helix AI")
    }
    assert moves("Omar Haddad left Northwind Robotics in March 2016 for personal reasons.") == {
        ("Omar Haddad", "Northwind Robotics", None)
    }


def test_a_description_in_the_subject_slot_is_the_person_just_named() -> None:
    # A roundup names the person, then describes them as the subject.
    assert moves(
        "Omar Haddad. Northwind Robotics's head of perception left for Helix AI in May."
    ) == {("Omar Haddad", "Northwind Robotics", "Helix AI")}
    # A description of someone else the article never named moves nobody.
    assert (
        moves(
            "Omar Haddad spoke at the conference in 2019. The bakery's head chef left in May, "
            "and a new menu followed last summer after a long and uneventful year."
        )
        == set()
    )


def test_hearsay_of_a_move_made_is_reported_of_a_plan_a_rumour() -> None:
    assert moves("Dana Whitfield is reportedly joining Helix AI as chief scientist.") == {
        ("Dana Whitfield", None, "Helix AI")
    }
    assert moves("Dana Whitfield reportedly will join Helix AI next year.") == set()


def test_moving_from_one_organisation_to_another() -> None:
    assert moves("In 2019 Lena Berg moved from Northwind Robotics to Helix AI.") == {
        ("Lena Berg", "Northwind Robotics", "Helix AI")
    }
    assert moves("Lena Berg has swapped Northwind Robotics for Helix AI.") == {
        ("Lena Berg", "Northwind Robotics", "Helix AI")
    }
    # "to" followed by something else than the next employer.
    assert moves("Lena Berg moved from Northwind Robotics to focus on teaching.") == {
        ("Lena Berg", "Northwind Robotics", None)
    }


def test_retiring_and_announcing_a_resignation_are_departures() -> None:
    assert moves("Lena Berg, Helix AI's chief operating officer, will retire in June.") == {
        ("Lena Berg", "Helix AI", None)
    }
    assert moves("Days later Lena Berg, a Helix AI co-founder, announced her resignation.") == {
        ("Lena Berg", "Helix AI", None)
    }
    # A retired professor is described, not moving.
    assert moves("Lena Berg, a retired professor, praised Helix AI's new model.") == set()


def test_a_companion_is_named_with_at_most_a_title_between() -> None:
    assert moves("Maria Lopez joined Helix AI along with her colleague Omar Haddad.") == {
        ("Maria Lopez", None, "Helix AI"),
        ("Omar Haddad", None, "Helix AI"),
    }
    # "and will report to ...": the person after is no companion.
    assert moves(
        "Maria Lopez joins Helix AI as chief scientist and will report to CEO Omar Haddad."
    ) == {("Maria Lopez", None, "Helix AI")}


def test_a_description_after_a_reporting_verb_is_the_subject() -> None:
    assert moves(
        "Maria Lopez. Helix AI said on Monday that its chief operating officer is stepping down."
    ) == {("Maria Lopez", "Helix AI", None)}


def test_a_name_inside_an_apposition_is_not_the_subject() -> None:
    assert moves(
        "Maria Lopez, a longtime partner of Omar Haddad at Northwind Robotics, has joined Helix AI."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}
    # A plain list keeps every name.
    assert moves(
        "Maria Lopez, Omar Haddad and Lena Berg, all engineers, have joined Helix AI."
    ) == {
        ("Maria Lopez", None, "Helix AI"),
        ("Omar Haddad", None, "Helix AI"),
        ("Lena Berg", None, "Helix AI"),
    }


def test_then_marks_the_earlier_employer() -> None:
    assert moves(
        "Maria Lopez was a researcher at Northwind Robotics, then joined Helix AI in 2021."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}


def test_being_fired_is_leaving() -> None:
    assert moves("Maria Lopez was ousted from Helix AI in March.") == {
        ("Maria Lopez", "Helix AI", None)
    }
    assert (
        moves('"It is not true that Maria Lopez is leaving Helix AI," the company said.') == set()
    )


def test_a_person_hiring_hires_for_their_employer() -> None:
    assert moves(
        "Helix AI chief executive Omar Haddad spoke on Monday. "
        "Haddad has hired Maria Lopez, a former Northwind Robotics engineer, as chief scientist."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}
    # Nobody says where the hiring person works: no move.
    assert moves("Omar Haddad has hired Maria Lopez as his personal assistant.") == set()


def test_planned_moves_count_speculation_does_not() -> None:
    assert moves(
        "Maria Lopez, head of research at Helix AI, plans to leave at the end of the year."
    ) == {("Maria Lopez", "Helix AI", None)}
    assert moves("Maria Lopez, head of research at Helix AI, is considering leaving.") == set()


def test_copular_new_post_is_a_join() -> None:
    assert moves(
        "Maria Lopez, who until recently was chief technology officer at Northwind Robotics, "
        "is Helix AI's new CTO."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}
    # Already there: "is Helix AI's CTO" without "new" says nothing of a move.
    assert moves("Maria Lopez is Helix AI's CTO and a board member of Northwind Robotics.") == set()


def test_named_as_and_taking_over_are_hires() -> None:
    assert moves("Helix AI also named Maria Lopez as its chief financial officer.") == {
        ("Maria Lopez", None, "Helix AI")
    }
    assert moves("Helix AI named its new lab after Maria Lopez.") == set()
    assert moves(
        "The company said Maria Lopez, a former vice president at Northwind Robotics, "
        "is taking over as chief executive of Helix AI."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}


def test_gone_and_the_exits_of_are_departures() -> None:
    assert moves("Senior lawyer Maria Lopez has also gone.") == {("Maria Lopez", None, None)}
    assert moves("Maria Lopez has gone to Helix AI.") == {("Maria Lopez", None, "Helix AI")}
    assert moves(
        "The week brought the exits of research chief Maria Lopez and VP Omar Haddad."
    ) == {
        ("Maria Lopez", None, None),
        ("Omar Haddad", None, None),
    }
    # "With the departure of A, B takes over": B is not part of the departure.
    assert moves("With the departure of Maria Lopez, Omar Haddad takes over the lab.") == {
        ("Maria Lopez", None, None)
    }


def test_a_lab_named_by_its_city_is_an_anaphor() -> None:
    assert moves(
        "Maria Lopez was one of the researchers behind Helix AI's models. She has resigned from "
        "the Hangzhou-based AI lab, people familiar with the matter said."
    ) == {("Maria Lopez", "Helix AI", None)}


def test_a_leave_verb_meant_literally_is_no_departure() -> None:
    assert moves("Maria Lopez quit her diet in January.") == set()
    assert moves("Maria Lopez quit her job in January.") == {("Maria Lopez", None, None)}
    assert moves("Maria Lopez left the door of her office open.") == set()


def test_a_subject_is_sought_in_its_own_clause() -> None:
    # After the colon, the clause has its own subject: the team, not the speaker.
    assert (
        moves(
            "Omar Haddad had a clear message: his team at Helix AI "
            "is leaving for Northwind Robotics."
        )
        == set()
    )
    # A pronoun after a semicolon is the person of the sentence's earlier clause.
    assert moves(
        "Omar Haddad spent ten years at Helix AI; "
        "he left the company in 2019 for Northwind Robotics."
    ) == {("Omar Haddad", "Helix AI", "Northwind Robotics")}


def test_ex_employer_now_running_another_is_a_move() -> None:
    assert moves(
        "Former Northwind Robotics chief Maria Lopez now runs Helix AI's research lab."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}
    # Nobody says she was anywhere before: she just runs it.
    assert moves("Maria Lopez now runs Helix AI's research lab.") == set()


def test_a_departure_years_before_a_join_is_another_chapter() -> None:
    assert moves(
        "Maria Lopez co-founded Northwind Robotics and left the company in 2016. "
        "In May 2024 she joined Helix AI as chief product officer."
    ) == {("Maria Lopez", "Northwind Robotics", None), ("Maria Lopez", None, "Helix AI")}
    # A departure the year before a join is where the join came from.
    assert moves("Maria Lopez left Northwind Robotics in 2023. In 2024 she joined Helix AI.") == {
        ("Maria Lopez", "Northwind Robotics", "Helix AI")
    }


def test_a_departure_naming_no_organisation_leaves_the_one_the_story_is_about() -> None:
    body = (
        "TESLA\n\nMaria Lopez, who ran the humanoid program, left in June.\n\n"
        "APPLE\n\nOmar Haddad, who led the chip team, departed in August."
    )
    assert moves(body) == {("Maria Lopez", "Tesla", None), ("Omar Haddad", "Apple", None)}
    # A story about an organisation's hires is no story of departures from it.
    assert moves(
        "Helix AI hired Maria Lopez from Tesla in May. Helix AI also hired Lena Berg. "
        "Separately, Omar Haddad resigned on Friday."
    ) == {
        ("Maria Lopez", "Tesla", "Helix AI"),
        ("Lena Berg", None, "Helix AI"),
        ("Omar Haddad", None, None),
    }


def test_an_arrival_in_an_exodus_story_comes_from_the_story_s_company() -> None:
    assert moves(
        "Helix AI keeps losing people. Omar Haddad left Helix AI for Tesla in May. "
        "Maria Lopez has joined Northwind Robotics as chief scientist."
    ) == {("Omar Haddad", "Helix AI", "Tesla"), ("Maria Lopez", "Helix AI", "Northwind Robotics")}
    # Nobody is said to leave Helix AI: an arrival elsewhere says nothing of it.
    assert moves(
        "Helix AI is growing fast. Helix AI hired Omar Haddad in May. "
        "Maria Lopez has joined Northwind Robotics as chief scientist."
    ) == {("Omar Haddad", None, "Helix AI"), ("Maria Lopez", None, "Northwind Robotics")}


def test_a_pair_introduced_with_with_is_the_pair_later() -> None:
    assert moves(
        "Maria Lopez co-founded Helix AI with Omar Haddad in 2010. The pair left Helix AI in 2018."
    ) == {("Maria Lopez", "Helix AI", None), ("Omar Haddad", "Helix AI", None)}
    # Someone merely met: "with" inside another clause pairs nobody.
    assert moves(
        "Maria Lopez spoke at Helix AI's conference. Omar Haddad, who met with her, "
        "left Helix AI in 2018."
    ) == {("Omar Haddad", "Helix AI", None)}


def test_roundup_items_name_their_person_then_describe_the_move() -> None:
    body = (
        "Lena Berg.\nHelix AI's lead robotics researcher quit for Northwind Robotics "
        "in September.\n\nOmar Haddad and Maria Lopez.\nThe two engineers followed their "
        "former manager to Helix AI in July."
    )
    assert moves(body) == {
        ("Lena Berg", "Helix AI", "Northwind Robotics"),
        ("Omar Haddad", None, "Helix AI"),
        ("Maria Lopez", None, "Helix AI"),
    }


def test_joining_from_an_organisation_joins_the_one_the_story_is_about() -> None:
    assert moves(
        "APPLE\n\nAmar Patel, a longtime engineer, joins from Microsoft as vice president of AI."
    ) == {("Amar Patel", "Microsoft", "Apple")}
    # No story organisation: only the departure is known.
    assert moves("Amar Patel joins from Microsoft as vice president of AI.") == {
        ("Amar Patel", "Microsoft", None)
    }


def test_quitting_followed_by_a_date_is_a_departure() -> None:
    assert moves("Maria Lopez, who led Helix AI's research, quit earlier this week.") == {
        ("Maria Lopez", "Helix AI", None)
    }


def test_a_memo_list_under_a_hiring_sentence_moves_every_item() -> None:
    body = (
        "Helix AI has hired the following researchers:\n\n"
        "- Maria Lopez (Northwind Robotics): reasoning\n- Omar Haddad: previously at Tesla\n"
    )
    assert moves(body) == {
        ("Maria Lopez", "Northwind Robotics", "Helix AI"),
        ("Omar Haddad", "Tesla", "Helix AI"),
    }
    # A summary list with no move verb announcing it moves nobody.
    body = "Here is a summary of the memo:\n\n- Maria Lopez: reasoning\n- Omar Haddad: robotics\n"
    assert moves(body) == set()


def test_a_group_member_named_after_including_moves_with_the_group() -> None:
    assert moves(
        "At least six engineers left Helix AI in recent weeks, including staff engineer Lena Berg."
    ) == {("Lena Berg", "Helix AI", None)}
    # "including" naming something other than the group's people moves nobody.
    assert (
        moves("Six engineers left Helix AI in recent weeks, including two from its Berlin office.")
        == set()
    )


def test_headlines_listed_after_a_read_also_line_are_no_statements() -> None:
    body = (
        "Maria Lopez has joined Helix AI as chief scientist.\n\n"
        "Read also:\n- Omar Haddad Leaves Tesla For Northwind Robotics\n"
        "- Lena Berg joins Northwind Robotics\n\n"
        "Lopez starts in May."
    )
    assert moves(body) == {("Maria Lopez", None, "Helix AI")}


def test_a_departure_inside_a_stated_move_is_not_a_move_of_its_own() -> None:
    assert moves(
        "Maria Lopez left Northwind Robotics in May. "
        "Later that month she joined Helix AI from Northwind Robotics as chief scientist."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}


def test_founders_described_elsewhere_moved_nowhere_to_found() -> None:
    # "Helix AI's Lopez" describes her today; in 2015 she left nothing to found Northwind.
    assert moves("Helix AI's Maria Lopez co-founded Northwind Robotics in 2015.") == set()


def test_an_organisation_s_own_clause_between_a_name_and_a_verb() -> None:
    assert (
        moves(
            "In a letter to Helix AI chief executive Maria Lopez, Northwind Robotics promised "
            "to leave Helix AI's engine as the default."
        )
        == set()
    )


def test_coming_to_an_organisation_is_a_join_and_idioms_are_not() -> None:
    assert moves("Omar Haddad came to Helix AI in 2023 after a decade in academia.") == {
        ("Omar Haddad", None, "Helix AI")
    }
    assert (
        moves("Omar Haddad, a Helix AI engineer, came to the conclusion that it was time.") == set()
    )


def test_going_to_an_organisation_as_a_titled_role() -> None:
    assert moves("Omar Haddad is going to Helix AI as chief design officer.") == {
        ("Omar Haddad", None, "Helix AI")
    }
    # The future "going to": a verb, then an organisation, then "as".
    assert moves("Omar Haddad is going to treat Helix AI as a rival.") == set()


def test_a_new_home_is_a_join_and_the_owned_unit_is_the_destination() -> None:
    assert moves("Omar Haddad has found a new home: Alphabet Inc.'s DeepMind.") == {
        ("Omar Haddad", None, "Google DeepMind")
    }
    # A second name that only qualifies a noun is not what was joined.
    assert moves("Omar Haddad joined Google's Gemini team in May.") == {
        ("Omar Haddad", None, "Google")
    }


def test_fellow_co_founders_move_along_with_and_from_their_company() -> None:
    assert moves(
        "Maria Lopez, a Stanford professor, came to Helix AI in 2024 along with fellow "
        "Northwind Robotics co-founders Lena Berg and Omar Haddad."
    ) == {
        ("Maria Lopez", "Northwind Robotics", "Helix AI"),
        ("Lena Berg", "Northwind Robotics", "Helix AI"),
        ("Omar Haddad", "Northwind Robotics", "Helix AI"),
    }
    # "with" someone's approval moves nobody.
    assert moves(
        "Maria Lopez joined Helix AI in 2024 along with Northwind chief Lena Berg's blessing."
    ) == {("Maria Lopez", None, "Helix AI")}


def test_a_fronted_departure_belongs_to_the_titled_name_after_it() -> None:
    assert moves(
        "Days after walking out of Northwind Robotics, machine learning researcher "
        "Maria Lopez has joined Helix AI."
    ) == {("Maria Lopez", "Northwind Robotics", "Helix AI")}
    # A name inside a longer phrase ("a friend of X") is not the clause's subject.
    assert ("Maria Lopez", "Northwind Robotics", None) not in moves(
        "After leaving Northwind Robotics, a friend of Maria Lopez opened a bakery."
    )


def test_a_move_years_back_is_not_the_news_into_a_sister_unit() -> None:
    assert moves(
        "Maria Lopez has joined Google DeepMind. Lopez started at Google as an intern in 2013."
    ) == {("Maria Lopez", None, "Google DeepMind"), ("Maria Lopez", None, "Google")}
    # The same move told twice, once dated and once as the news, stays one.
    assert moves(
        "Maria Lopez has joined Google DeepMind. She started at Google DeepMind in March."
    ) == {("Maria Lopez", None, "Google DeepMind")}


def test_a_verb_opening_its_clause_shares_the_subject_before() -> None:
    assert moves(
        "Maria Lopez joined Helix AI this week. She headed Northwind Robotics' vision team "
        "but left in 2018 after two years, taking a research job at Orbital Labs."
    ) == {("Maria Lopez", None, "Helix AI"), ("Maria Lopez", "Northwind Robotics", "Orbital Labs")}
    # A verb with its own subject after the comma keeps it.
    assert moves("Maria Lopez left Helix AI in 2018, Orbital Labs said on Monday.") == {
        ("Maria Lopez", "Helix AI", None)
    }


def test_a_from_phrase_of_an_earlier_verb_is_not_the_later_departure_s() -> None:
    found = moves(
        "Maria Lopez, who had come to Helix AI from Northwind Robotics, left after six months."
    )
    assert ("Maria Lopez", "Northwind Robotics", "Helix AI") in found
    assert ("Maria Lopez", "Northwind Robotics", None) not in found


def test_any_present_perfect_or_progressive_move_is_this_month_s() -> None:
    for text in (
        "Helix AI has lured away Maria Lopez from Orbital Labs.",
        "Maria Lopez has swapped Orbital Labs for Helix AI.",
        "Maria Lopez is heading to Helix AI as chief scientist.",
        "Maria Lopez is Helix AI's new chief scientist.",
        "Maria Lopez, chief scientist at Orbital Labs, plans to leave the company.",
    ):
        move = one_move(text)
        assert move.date is not None and move.date.iso() == "2025-03", text
    # A plain past statement is history: no date of its own.
    assert one_move("Maria Lopez swapped Orbital Labs for Helix AI.").date is None


def test_a_place_after_a_move_verb_is_no_unknown_organisation() -> None:
    assert moves("Maria Lopez left London for Singapore in 2019.") == set()
    # An unknown one-word name in the same slot is an employer.
    assert moves("Maria Lopez left Quantrix for Helsing in 2019.") == {
        ("Maria Lopez", "Quantrix", "Helsing")
    }


def test_an_indefinite_founding_named_by_the_next_sentence() -> None:
    assert moves(
        "Maria Lopez has left Orbital Labs and co-founded a robotics start-up in Lyon. "
        "The company, Quantrix, is backed by two funds."
    ) == {("Maria Lopez", "Orbital Labs", "Quantrix")}
    # A name that only follows a possessive of the company is not its name.
    assert moves(
        "Maria Lopez has left Orbital Labs and co-founded a robotics start-up in Lyon. "
        "The company's first customer, Quantrix, signed in May."
    ) == {("Maria Lopez", "Orbital Labs", None)}


def test_an_organisation_inside_a_closed_relative_clause_is_no_antecedent() -> None:
    found = moves(
        "Orbital Labs has lost engineers before. Maria Lopez, who left Orbital Labs in 2021 "
        "to co-found Quantrix, was brought back by the company in 2024."
    )
    assert ("Maria Lopez", "Quantrix", "Orbital Labs") in found
    # Outside any relative clause the closest organisation before is the one meant.
    assert moves(
        "Maria Lopez left Orbital Labs in 2021 and co-founded Quantrix with the company's backing."
    ) == {("Maria Lopez", "Orbital Labs", "Quantrix")}


def test_it_before_a_hiring_verb_is_the_previous_sentence_s_organisation() -> None:
    assert moves(
        "Helix AI opened a lab in Lyon last year. In 2024 it quietly hired Maria Lopez, "
        "a former researcher at Orbital Labs."
    ) == {("Maria Lopez", "Orbital Labs", "Helix AI")}
    # "it" before any other verb stays a plain pronoun.
    assert moves("Helix AI opened a lab in Lyon. It said Maria Lopez left Orbital Labs.") == {
        ("Maria Lopez", "Orbital Labs", None)
    }


def test_a_return_does_not_come_from_a_move_made_after_it() -> None:
    found = moves(
        "Helix AI hired Maria Lopez from Orbital Labs in 2024. "
        "Lopez had briefly worked at Quantrix before she returned to Orbital Labs in 2019."
    )
    assert ("Maria Lopez", "Helix AI", "Orbital Labs") not in found


def test_a_product_maker_periphrasis_names_the_maker() -> None:
    assert moves("Maria Lopez is leaving Orbital Labs to join the ChatGPT maker.") == {
        ("Maria Lopez", "Orbital Labs", "OpenAI")
    }
    # A product named on its own is no organisation to join.
    assert moves("Maria Lopez is leaving Orbital Labs to work on ChatGPT.") == {
        ("Maria Lopez", "Orbital Labs", None)
    }


def test_an_announcer_is_no_founded_organisation() -> None:
    # "Foo said ... X co-founded": X did not found Foo.
    found = moves(
        "Helix AI said it will buy Quantrix, the startup that former Orbital Labs "
        "engineer Maria Lopez co-founded last year."
    )
    assert ("Maria Lopez", "Orbital Labs", "Helix AI") not in found
    # "Foo said X joins" still reads Foo as the organisation joined.
    assert moves("Helix AI said Maria Lopez joins this week.") == {
        ("Maria Lopez", None, "Helix AI")
    }


def test_leaving_to_become_a_title_of_an_organisation_goes_there() -> None:
    assert moves("Ben Okafor left Orbital Labs in 2023 to become chief executive of Helix AI.") == {
        ("Ben Okafor", "Orbital Labs", "Helix AI")
    }
    # A board seat is no job there.
    assert moves(
        "Ben Okafor left Orbital Labs in 2023 to become a member of the board of Helix AI."
    ) == {("Ben Okafor", "Orbital Labs", None)}


def test_an_advisory_role_in_an_aside_does_not_cancel_the_move() -> None:
    assert moves(
        "Helix AI said Maria Lopez, a former vice president at Orbital Labs who has been "
        "advising Helix AI's board since May, is taking over as chief executive."
    ) == {("Maria Lopez", "Orbital Labs", "Helix AI")}
    # On the move itself a board seat is no job.
    assert moves("Maria Lopez has joined Helix AI's board as an adviser.") == set()


def test_today_s_employer_is_no_origin_of_a_founding_years_back() -> None:
    body = (
        "Quantrix poached the finance chief of Helix AI's Maria Lopez. "
        "Lopez, who co-founded Orbital Labs in {year}, is suing it."
    )
    assert moves(body.format(year=2015), published=dt.date(2025, 7, 1)) == set()
    # A founding this year keeps the employer described as its origin.
    assert moves(body.format(year=2025), published=dt.date(2025, 7, 1)) == {
        ("Maria Lopez", "Helix AI", "Orbital Labs")
    }


def test_a_publication_is_no_antecedent_of_the_company() -> None:
    assert moves(
        "Maria Lopez worked on Orbital Labs' research team. Sources spoke to WIRED on "
        "condition of anonymity. Lopez left the company in September."
    ) == {("Maria Lopez", "Orbital Labs", None)}


def test_unveiling_a_new_start_up_is_a_founding_from_a_former_employer() -> None:
    body = (
        "Maria Lopez ended months of silence. The former Orbital Labs researcher unveiled "
        "her new start-up: it is called Essential AI."
    )
    assert moves(body) == {("Maria Lopez", "Orbital Labs", "Essential AI")}
    # A description that is no former one says who she is, not where she left.
    near = body.replace("The former Orbital Labs researcher", "The Orbital Labs researcher")
    assert moves(near) == set()


def test_the_company_joined_after_leaving_is_not_the_one_left() -> None:
    assert moves("Helix AI struck again. Maria Lopez left Orbital Labs to join the company.") == {
        ("Maria Lopez", "Orbital Labs", "Helix AI")
    }
    assert moves(
        "Orbital Labs keeps growing. Maria Lopez left Orbital Labs to join the company."
    ) == {("Maria Lopez", "Orbital Labs", None)}


def test_a_recent_move_the_article_tells_outdoes_a_described_origin() -> None:
    body = (
        "Helix AI has hired Maria Lopez, a co-founder of Orbital Labs, as chief scientist. "
        "Lopez left Orbital Labs in {year} to co-found Quantrix."
    )
    published = dt.date(2025, 7, 1)
    assert ("Maria Lopez", "Quantrix", "Helix AI") in moves(
        body.format(year=2023), published=published
    )
    # A move a decade back does not outdo who the article says she is today.
    assert ("Maria Lopez", "Orbital Labs", "Helix AI") in moves(
        body.format(year=2014), published=published
    )


def test_a_title_before_a_list_of_names_describes_each_of_them() -> None:
    assert moves(
        "Two Cohere founders, Ada Brook and Carl Yates, are moving to Nvidia with the team."
    ) == {("Ada Brook", "Cohere", "Nvidia"), ("Carl Yates", "Cohere", "Nvidia")}
    # Investors in the organisation are no staff of it: no origin.
    assert moves(
        "Two Cohere investors, Ada Brook and Carl Yates, are moving to Nvidia with the team."
    ) == {("Ada Brook", None, "Nvidia"), ("Carl Yates", None, "Nvidia")}


def test_a_former_post_and_a_present_one_in_one_description_are_a_move() -> None:
    m = one_move(
        "She works closely with Ada Brook, "
        "the former Cohere chief executive and now chief scientist at Nvidia."
    )
    assert (m.person, m.from_org, m.to_org) == ("Ada Brook", "Cohere", "Nvidia")
    assert m.date is None or m.date.day is None  # "today" says the post is current
    # Nothing says the first post is over: two posts, no move.
    assert (
        moves(
            "She works closely with Ada Brook, "
            "the Cohere chief executive and now chief scientist at Nvidia."
        )
        == set()
    )


def test_a_unit_led_by_someone_described_as_former_elsewhere_is_their_move() -> None:
    m = one_move(
        "Nvidia's new lab, led by former Cohere chief executive Rina Hartono, keeps hiring."
    )
    assert (m.person, m.from_org, m.to_org) == ("Rina Hartono", "Cohere", "Nvidia")
    # Led by someone who still holds the other post: no move is stated.
    assert (
        moves("Nvidia's new lab, led by Cohere chief executive Rina Hartono, keeps hiring.")
        == set()
    )


def test_named_or_appointed_to_a_post_at_an_organisation_is_a_move_there() -> None:
    assert moves("Rina Hartono, a former Google engineer, was named CTO of Meta.") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves(
        "Former Google scientist Rina Hartono has been appointed head of research at Meta."
    ) == {("Rina Hartono", "Google", "Meta")}
    # An honour, not a post: no organisation, no move.
    assert moves("Rina Hartono was named one of the most influential people of the year.") == set()


def test_jumping_ship_landing_a_job_and_taking_the_helm_are_moves() -> None:
    assert moves("Rina Hartono jumped ship from Google to Meta.") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves("Rina Hartono has landed a job at Meta after leaving Google.") == {
        ("Rina Hartono", "Google", "Meta")
    }
    assert moves(
        "Rina Hartono will take the helm at Meta's AI lab, leaving Google after a decade."
    ) == {("Rina Hartono", "Google", "Meta")}
    # A plane lands; a committee is no employer.
    assert moves("The plane carrying Rina Hartono landed at Heathrow on Monday.") == set()
    assert moves("Rina Hartono took the helm of the committee in May.") == set()


def test_running_an_organisation_after_years_elsewhere_is_a_move_from_there() -> None:
    assert moves("Rina Hartono now runs Meta's AI lab after nine years at Google.") == {
        ("Rina Hartono", "Google", "Meta")
    }
    # "the company" is Meta itself: years there are no origin.
    assert moves("Rina Hartono now runs Meta's AI lab after nine years at the company.") == set()


def test_a_former_description_opening_the_next_sentence_gives_the_origin() -> None:
    assert moves(
        "Meta has hired Rina Hartono. The former Google researcher will lead its new lab."
    ) == {("Rina Hartono", "Google", "Meta")}
    # Not described as former: perhaps still there, so no origin is claimed.
    assert moves("Meta has hired Rina Hartono. The Google researcher will lead its new lab.") == {
        ("Rina Hartono", None, "Meta")
    }


def test_years_spent_at_an_organisation_make_it_the_previous_employer() -> None:
    assert moves("Rina Hartono spent nine years at Google. Last week she joined Meta.") == {
        ("Rina Hartono", "Google", "Meta")
    }
    # A weekend on a campus is no employment.
    assert moves(
        "Rina Hartono spent the weekend at Google's campus. Last week she joined Meta."
    ) == {("Rina Hartono", None, "Meta")}


def test_an_organisation_that_lost_someone_unnamed_is_the_next_named_movers_origin() -> None:
    assert moves(
        "Google has lost another top researcher. "
        "Rina Hartono, who led the Gemini team, is heading to Meta."
    ) == {("Rina Hartono", "Google", "Meta")}
    # Losing an appeal loses nobody.
    assert moves(
        "Google lost its appeal in court on Monday. Rina Hartono, a lawyer, is heading to Meta."
    ) == {("Rina Hartono", None, "Meta")}


def test_a_join_years_ago_in_a_relative_clause_is_background_to_a_departure_now() -> None:
    assert moves("Rina Hartono, who joined Meta from Google in 2023, is leaving the company.") == {
        ("Rina Hartono", "Google", "Meta"),
        ("Rina Hartono", "Meta", None),
    }
    found = moves(
        "Rina Hartono, the Google veteran who joined Meta in 2023, is leaving the company."
    )
    assert ("Rina Hartono", "Meta", None) in found and len(found) == 2
    # Joined this year: the join may be the misread departure; one move only.
    assert moves("Rina Hartono, who left Meta, now leads the company.") == {
        ("Rina Hartono", "Meta", None)
    }


def test_a_list_announced_as_an_organisations_new_hires_is_a_list_of_arrivals() -> None:
    body = (
        "Here are Nvidia's new executives:\n\n"
        "- Rina Hartono, chief product officer - previously president of Cohere.\n"
        "- Tom Berg, chief financial officer - previously at Intel.\n"
    )
    assert moves(body) == {("Rina Hartono", "Cohere", "Nvidia"), ("Tom Berg", "Intel", "Nvidia")}
    # Two organisations in the announcement: whose new hires is unclear, no move.
    body = body.replace("Here are Nvidia's new executives:", "New executives at Nvidia and AMD:")
    assert moves(body) == set()


def test_a_lowercase_compound_before_a_name_describes_it() -> None:
    assert list(people("Berlin-based Rina Hartono joined Meta.", "en")) == ["Rina Hartono"]
    assert list(people("Co-founders Rina Hartono and Tom Berg joined Meta.", "en")) == [
        "Rina Hartono",
        "Tom Berg",
    ]
    # A name's own hyphenated parts are capitalised: kept whole.
    assert list(people("Jean-Pierre Dubois joined Meta.", "en")) == ["Jean-Pierre Dubois"]


def test_an_announced_appointment_is_a_hire() -> None:
    assert moves("Meta announced the appointment of Rina Hartono as chief technology officer.") == {
        ("Rina Hartono", None, "Meta")
    }
    # An appointment of nobody named, an arrival of a product: no move.
    assert moves("Meta announced the appointment of a new auditor for its accounts.") == set()
    assert moves("Meta announced the arrival of its new headset in stores.") == set()


def test_a_perfect_brought_on_or_in_is_a_hire_of_the_name_after_the_particle() -> None:
    # "has brought" alone is a hire too ("has brought Omar on board"); with the
    # particle the auxiliary must not end the verb before it.
    assert moves("Helix AI has brought on Omar Haddad to run research.") == {
        ("Omar Haddad", None, "Helix AI")
    }
    assert moves("Helix AI said it had brought in Omar Haddad.") == {
        ("Omar Haddad", None, "Helix AI")
    }
    # Brought in money, not a person.
    assert moves("Omar Haddad has brought in revenue for Helix AI.") == set()


def test_reports_nobody_will_confirm_are_a_rumour() -> None:
    assert moves("Omar Haddad declined to comment on reports he was leaving Helix AI.") == set()
    assert moves(
        "Omar Haddad declined to comment on reports he was leaving Helix AI.", counting=False
    ) == {("Omar Haddad", "Helix AI", None)}
    # Confirmed reports are a move; declining to comment after one is told is no doubt.
    assert moves("Helix AI confirmed reports that Omar Haddad had left the company.") == {
        ("Omar Haddad", "Helix AI", None)
    }
    assert moves("Omar Haddad, who left Helix AI in May, declined to comment.") == {
        ("Omar Haddad", "Helix AI", None)
    }


def test_leaving_to_lead_a_team_at_an_organisation_names_the_destination() -> None:
    assert moves("Omar Haddad left Helix AI to lead the research team at Quantrix.") == {
        ("Omar Haddad", "Helix AI", "Quantrix")
    }
    assert moves("Omar Haddad left Helix AI to run Quantrix's new robotics unit.") == {
        ("Omar Haddad", "Helix AI", "Quantrix")
    }
    # An organisation the new work merely concerns is no destination.
    assert moves("Omar Haddad left Helix AI to build a tool that competes with Quantrix.") == {
        ("Omar Haddad", "Helix AI", None)
    }


def test_an_unknown_destination_after_a_known_organisation_left() -> None:
    # "Quantrix" is in no gazetteer: the words around it make it the destination.
    assert moves("Omar Haddad left Google for Quantrix.") == {("Omar Haddad", "Google", "Quantrix")}
    assert moves("Omar Haddad left Google to lead the research team at Quantrix.") == {
        ("Omar Haddad", "Google", "Quantrix")
    }
    # A place, a phrase or a person after "for" is no destination.
    for sentence in (
        "Omar Haddad left Google for Paris.",
        "Omar Haddad left Google for good.",
        "Omar Haddad left Google for Ann Arbor.",
    ):
        assert moves(sentence) == {("Omar Haddad", "Google", None)}, sentence


def test_a_plan_dated_at_the_end_of_the_year_is_that_december() -> None:
    move = one_move(
        "Maria Lopez, chief scientist at Orbital Labs, plans to leave at the end of the year."
    )
    assert move.date is not None and move.date.iso() == "2025-12"


def test_formerly_describes_a_former_employer() -> None:
    assert moves("Omar Haddad, formerly at Google, now heads research at Helix AI.") == {
        ("Omar Haddad", "Google", "Helix AI")
    }
    # Someone now at a place with no former employer told is no move.
    assert moves("Omar Haddad now heads research at Helix AI.") == set()


def test_the_object_of_an_earlier_verb_is_no_agent_of_a_later_hire() -> None:
    assert moves("Omar Haddad joined Quantrix and Helix AI hired Li Wei.") == {
        ("Omar Haddad", None, "Quantrix"),
        ("Li Wei", None, "Helix AI"),
    }
    # Near miss: with no verb before it, the first organisation is the agent.
    assert moves("Meta and Google hired Li Wei.") == {("Li Wei", None, "Meta")}


def test_an_organisation_s_own_relative_clause_keeps_it_the_agent_and_its_dates() -> None:
    # The name and the date inside "which lost X to Y in May" are that clause's.
    move = next(
        m
        for m in run("Helix AI, which lost Omar Haddad to Quantrix in May, has hired Li Wei.").moves
        if m.person == "Li Wei"
    )
    assert (move.to_org, move.date.iso() if move.date else None) == ("Helix AI", "2025-03")
    # Near miss: a person right before the verb is the hirer, not the organisation.
    assert moves("At Helix AI, Reed hired Li Wei.") == set()


def test_joining_from_an_organisation_joins_the_one_the_sentence_before_is_about() -> None:
    assert moves("Helix AI has a new chief scientist. Omar Haddad, 45, joins from Google.") == {
        ("Omar Haddad", "Google", "Helix AI")
    }
    # The organisation left is never the one joined.
    assert moves("Google lost a researcher. Omar Haddad joins from Google.") == {
        ("Omar Haddad", "Google", None)
    }


def test_a_name_in_a_fronted_phrase_is_no_subject_of_the_organisation_s_clause() -> None:
    text = (
        "In an email sent to Helix AI chief Omar Haddad, OpenAI offered to buy the lab "
        "for $2 billion, and to leave Helix AI in charge of research."
    )
    assert moves(text, counting=False) == set()
    # Near miss: an organisation and a title in apposition describe the name.
    assert moves("Omar Haddad, Helix AI researcher, joined Google.") == {
        ("Omar Haddad", "Helix AI", "Google")
    }
