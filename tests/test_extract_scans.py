"""The fast scans of extract/prefilter.py find what the slow expressions they
stand in for find."""

from __future__ import annotations

import re

from movesboard.extract.prefilter import (
    FastRegex,
    LexiconScanner,
    WordStartScan,
    ascii_twin,
    plain_ascii,
)
from movesboard.extract.trie import trie_pattern

TEXTS = [
    "OpenAI hired Jane Roe; the company said ex-OpenAI staff joined Google DeepMind.",
    "openai-based, google_deepmind, x.google (google) Google-owned GOOGLE google",
    "The Company left the firm. the company, THE COMPANY and the companys",
    "Straße ſtaff İstanbul “The company” — the company’s lab",
    "",
    "google",
]
NAMES = ["google", "google deepmind", "openai", "deepmind", "x.ai"]


def test_word_start_scan_spans_are_the_lookbehind_expressions_matches() -> None:
    body = f"(?:{trie_pattern(NAMES)})(?!\\w)"
    for before, lead in (
        (r"\W", r"(?<!\w)"),
        (r"[^\w-]", r"(?<![\w-])"),
        (r"[\W_]", r"(?<![^\W_])"),
    ):
        scan = WordStartScan(body, before)
        slow = re.compile(lead + body)
        for text in TEXTS:
            low = text.lower()
            assert scan.spans(low) == [m.span() for m in slow.finditer(low)], (before, text)


def test_lexicon_hits_are_every_position_a_literal_starts() -> None:
    words = ["the", "the company", "company", "comp", "any", "he"]
    trie = re.compile(trie_pattern(words))
    every = re.compile(f"(?=({trie_pattern(words)}))")
    for text in TEXTS:
        low = text.lower()
        expected = [(m.start(), m.group(1)) for m in every.finditer(low)]
        assert LexiconScanner._literal_hits(trie, low) == expected


def test_case_blind_windows_match_as_the_full_expression() -> None:
    pattern = r"(?<![\w-])(?:the (?:company|firm)|it)(?![\w-])"
    fast = FastRegex(pattern)
    assert fast.folded is not None
    full = re.compile(pattern, re.IGNORECASE)
    for text in TEXTS:
        got = [(m.span(), m.group()) for m in fast.finditer(text)]
        assert got == [(m.span(), m.group()) for m in full.finditer(text)], text


def test_case_sensitive_or_uppercase_patterns_are_not_folded() -> None:
    assert FastRegex(r"(?<![\w-])(?-i:May)(?![\w-])").folded is None
    assert FastRegex(r"(?<![\w-])ſtaff").folded is None
    assert FastRegex(r"(?<![\w-])[A-Z]\w+").folded is None


def test_ascii_twin_reads_plain_ascii_text_the_same() -> None:
    rx = re.compile(r"[^\W\d_a-z][\w'.-]*(?: [^\W\d_a-z][\w'.-]*)*")
    twin = ascii_twin(rx)
    for text in TEXTS:
        if plain_ascii(text):
            assert [m.span() for m in twin.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert not plain_ascii("a\x1cb")  # only Unicode counts it as white space
    assert not plain_ascii("café")
    assert ascii_twin(re.compile("x", re.IGNORECASE)).flags & re.ASCII == 0


def test_a_match_inside_one_refused_for_its_start_is_still_found() -> None:
    # "x5 of the 12 engineers": the first match starts mid-word ("5 of the 12 ...")
    # and is refused; the one at "12 engineers" starts inside it.
    pattern = r"(?<![\w-])(?:\d+ (?:of the )?\d* ?engineers)"
    fast = FastRegex(pattern, lowercase=True)
    slow = re.compile(pattern, re.IGNORECASE)
    for text in ("Acme hired x5 of the 12 engineers.", "Acme hired 5 of the 12 engineers."):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
