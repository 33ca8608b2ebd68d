"""The literal prefilter finds exactly what the full expression finds, while
running the expression only in windows as wide as a match can reach."""

from __future__ import annotations

import re

from movesboard.extract.prefilter import FastRegex, LexiconScanner, reach

TEXT = (
    "It said the company would hire more. Its item list grew; the firm hired "
    "Ada Lovelace, who left it in May. Italy is not it, but it is. " * 3
)


def test_a_bounded_pattern_reaches_only_its_width() -> None:
    back, fwd = reach(r"(?<![\w-])(?:it)(?![\w-])")
    assert back <= 3  # "it" and the one character its lookahead reads
    assert fwd <= 3 + 16  # and a margin after it


def test_a_lookahead_counts_as_read_and_an_unbounded_pattern_gets_the_default() -> None:
    assert reach(r"hatte(?= (?:\w+ ){0,3}verlassen)")[0] > len("hatte")
    unbounded = reach(r"the [\w.-]+ based")
    assert unbounded == reach(r"(?:\w+ )*left")  # both fall back to the default reach
    assert unbounded[0] >= 40


def _same_as_full(pattern: str, text: str) -> None:
    fast = FastRegex(pattern, lowercase=True)
    assert fast.pre is not None  # the prefilter is really in use
    expected = [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    assert [(m.start(), m.end()) for m in fast.finditer(text)] == expected


def test_narrow_windows_find_what_the_full_expression_finds() -> None:
    _same_as_full(r"(?<![\w-])(?:(?:it)(?![\w-]))", TEXT)  # not "item", "Italy", "Its"
    _same_as_full(r"(?<![\w-])(?:the (?:company|firm))(?![\w-])", TEXT)
    # A bounded match wider than the default reach: found whole, from its start.
    wide = r"(?<![\w-])(?:hired (?:[a-z]{1,8} ){0,40}in may)(?![\w-])"
    _same_as_full(wide, "She hired " + "very " * 30 + "late in May, she said.")


def test_the_scanner_keeps_a_word_whole_at_a_narrow_windows_edge() -> None:
    scanner = LexiconScanner([("pronoun", ["it"]), ("hire", ["hir(?:e|ed|es)"])])
    found = scanner.scan(TEXT[:120])
    words = [TEXT[a:b] for _, a, b in found]
    assert words == ["It", "hire", "hired", "it"]  # not the "it" of "item" or "Its"


def test_a_lexicon_match_refused_inside_a_word_hides_no_match_at_the_next_word() -> None:
    # "ont fait" matches inside "Dupont fait": the scan must still find "fait ...".
    scanner = LexiconScanner([("leave", ["(?:fait|ont fait) ses adieux à"])])
    text = "jean dupont fait ses adieux à anthropic."
    assert scanner.scan(text) == [("leave", 12, 29)]
    assert scanner.scan("jean dupontfait ses adieux à x") == []


def test_search_without_a_required_literal_finds_nothing_and_with_one_what_finditer_does() -> None:
    fast = FastRegex(r"(?<![\w-])(?:the (?:company|firm))(?![\w-])", lowercase=True)
    assert fast.search("Nothing here at all.") is None
    found = fast.search(TEXT, 10)
    assert found is not None and found.span() == next(fast.finditer(TEXT, 10)).span()
