"""Group readings that no other test pins: a guard for restructuring groups.py.

Each construction has a sentence it reads and a near miss it must not read the
same way (sentences written for these tests)."""

from __future__ import annotations

from test_extract_helpers import run


def group(body: str) -> list[tuple[int | None, tuple[str, ...], str | None]]:
    return [(g.count, g.from_orgs, g.to_org) for g in run(body, "en").group_moves]


def test_a_group_that_left_one_org_for_another() -> None:
    assert group("Six engineers have left Intel for Nvidia since the spring.") == [
        (6, ("Intel",), "Nvidia")
    ]
    # No destination after the org: a departure.
    assert group("Six engineers have left Intel since the spring.") == [(6, ("Intel",), None)]


def test_a_return_in_the_next_sentence_takes_the_departure_groups_origin() -> None:
    assert group(
        "Several researchers have left Intel this year. "
        "Two of the researchers have now returned to Nvidia."
    ) == [(2, ("Intel",), "Nvidia")]
    # A sentence in between: two groups, the second with no origin.
    assert group(
        "Several researchers have left Intel this year. Analysts expected more exits. "
        "Two of the researchers have now returned to Nvidia."
    ) == [(None, ("Intel",), None), (2, (), "Nvidia")]
    # Back to the org they left: no merge.
    assert group(
        "Several researchers have left Intel this year. "
        "Two of the researchers have now returned to Intel."
    ) == [(None, ("Intel",), None), (2, (), "Intel")]


def test_the_subject_of_a_lose_verb_is_the_origin() -> None:
    assert group("Nvidia lost four engineers last month.") == [(4, ("Nvidia",), None)]


def test_a_group_only_bring_verb_needs_an_origin() -> None:
    assert group("Nvidia has assembled at least eight researchers from Intel and AMD.") == [
        (8, ("Intel", "AMD"), "Nvidia")
    ]
    assert group("Nvidia has assembled nine researchers for a workshop.") == []


def test_a_group_from_a_unit_of_an_org_comes_from_the_org() -> None:
    assert group("Nvidia has hired a dozen engineers from the chip design team at Intel.") == [
        (12, ("Intel",), "Nvidia")
    ]
    # No unit word before the org: a venue, not where they worked.
    assert group("Nvidia has hired a dozen engineers from a summit co-hosted by Intel.") == [
        (12, (), "Nvidia")
    ]


def test_a_group_from_a_unit_reads_in_indonesian_with_an_aside() -> None:
    def group_id(body: str) -> list[tuple[str, ...]]:
        return [g.from_orgs for g in run(body, "id").group_moves]

    assert group_id(
        "Nvidia merekrut selusin insinyur dari tim desain cip (chip design) Intel pekan ini."
    ) == [("Intel",)]
    assert group_id(
        "Nvidia merekrut selusin insinyur dari konferensi yang disponsori Intel pekan ini."
    ) in ([], [()])
