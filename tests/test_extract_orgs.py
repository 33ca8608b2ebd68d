"""Organisations: gazetteer, parents, aliases, acronyms, periphrases, unknowns."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_extract_helpers import moves, run

from movesboard.extract import extract
from movesboard.extract.gazetteer import ENV_VAR, load_gazetteer


def orgs(body: str, lang: str | None = None) -> dict[str, str | None]:
    return {o.name: o.parent for o in run(body, lang).organizations}


def test_canonical_names_and_parents() -> None:
    got = orgs("GDM, Google Brain, FAIR and Microsoft AI all published papers; so did MSL.")
    assert got["Google DeepMind"] == "Google"
    assert got["Google Brain"] == "Google"
    assert got["Facebook AI Research"] == "Meta"
    assert got["Microsoft AI"] == "Microsoft"
    assert got["Meta Superintelligence Labs"] == "Meta"


def test_former_names_and_possessives() -> None:
    got = orgs("Codeium’s founders met Facebook's lawyers and Square's board.")
    assert set(got) == {"Windsurf", "Meta", "Block"}


def test_periphrasis_names_the_owner() -> None:
    assert moves("Lucia Ferri is leaving Instagram for the Facebook parent.") == {
        ("Lucia Ferri", "Instagram", "Meta")
    }
    assert moves("Lucia Ferri bergabung dengan induk usaha Instagram.", "id") == {
        ("Lucia Ferri", None, "Meta")
    }


def test_indonesian_university_forms() -> None:
    assert "Stanford University" in orgs("Ia kuliah di Universitas Stanford.", "id")


def test_acronym_learned_from_text() -> None:
    body = (
        "Nora Hale has joined the Allen Institute for AI. Before that she was at the "
        "Vector Institute (VI). VI confirmed it."
    )
    ex = run(body)
    names = {o.name: o for o in ex.organizations}
    assert "Vector Institute" in names
    assert "VI" in names["Vector Institute"].aliases


def test_unknown_organisations_from_context() -> None:
    ex = run(
        "Omar Haddad has joined Quantum Leap Robotics. He left the start-up Blue Fennel last year."
    )
    unknown = {o.name for o in ex.organizations if not o.known}
    assert {"Quantum Leap Robotics", "Blue Fennel"} <= unknown
    # A departure and a join of one person are one move.
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {
        ("Omar Haddad", "Blue Fennel", "Quantum Leap Robotics")
    }


def test_lowercase_words_are_not_organisations() -> None:
    assert orgs("They work at scale with a cursor and a block of code.") == {}


def test_user_extension_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[org]]\nname = "Zephyr Dynamics"\naliases = ["Zephyr"]\nparent = "Alphabet Holdings"\n',
        "utf-8",
    )
    gaz = load_gazetteer(extra)
    assert gaz.lookup("Zephyr") == "Zephyr Dynamics"
    assert gaz.parent("Zephyr Dynamics") == "Alphabet Holdings"
    ex = extract("Maya Lin has joined Zephyr from Intel.", gazetteer=str(extra))
    assert {(m.person, m.from_org, m.to_org) for m in ex.moves} == {
        ("Maya Lin", "Intel", "Zephyr Dynamics")
    }
    assert load_gazetteer() is load_gazetteer()  # cached


def test_environment_variable_extension(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "env.toml"
    extra.write_text('[[org]]\nname = "Kestrel Compute"\n', "utf-8")
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert load_gazetteer().lookup("Kestrel Compute") == "Kestrel Compute"
    monkeypatch.delenv(ENV_VAR)
    assert os.environ.get(ENV_VAR) is None
    assert load_gazetteer().lookup("Kestrel Compute") is None


def test_environment_extension_reaches_extract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "env2.toml"
    extra.write_text('[[org]]\nname = "Heron Robotics Works"\naliases = ["Heron"]\n', "utf-8")
    body = "Ana Ruiz has joined Heron from Intel."
    assert {m.to_org for m in extract(body).moves} != {"Heron Robotics Works"}
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert {m.to_org for m in extract(body).moves} == {"Heron Robotics Works"}


def test_suffixed_names_start_at_a_word_start_as_the_lookbehind_form_did() -> None:
    """_SUFFIXED checks the word start after its first capital (so `re` can skip
    to capitals); it must find exactly what the leading-lookbehind form finds."""
    import re

    from movesboard.extract import orgs

    leading = re.compile(
        r"(?<![\w-])(?:[^\W\d_a-z][\w&'’-]*[ \t]){1,3}(?:"
        + "|".join(sorted(orgs._SUFFIX_FORMS, key=len, reverse=True))
        + r")(?![\w-])"
    )
    texts = [
        "Rina Wati joined Nusantara Labs, not preHelix AI or x-Helix AI.",
        "Helix AI hired her; at Deep Blue Sky Labs and Q Labs, then XHelix Labs.",
    ] + [
        p.read_text(encoding="utf-8")
        for p in sorted(Path(__file__).parent.glob("corpus/corpus2/*.txt"))[:40]
    ]
    for text in texts:
        assert [m.span() for m in orgs._SUFFIXED.finditer(text)] == [
            m.span() for m in leading.finditer(text)
        ]
