"""A regular expression for a large set of literal strings, built as a trie.

Python's `re` tries the branches of an alternation one by one; with hundreds
of organisation names that dominates extraction time.  Factoring common
prefixes makes each position cost a few character tests instead.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str], fold_case: bool = False) -> str:
    """A regex fragment matching exactly `words`, longest match first."""
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w.casefold() if fold_case else w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # The shorter word ends here; try the longer continuations first.
        return f"(?:{body})?"
    return body
