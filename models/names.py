"""Name normalisation shared by storage, resolution and lookup.

Pure functions, no third-party imports: the lookup path uses them per keystroke.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


def fold(text: str) -> str:
    """Case- and accent-folded, punctuation-free: "Karén  Simonyan" -> "karen simonyan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = _PUNCT.sub(" ", stripped.casefold())
    return _SPACE.sub(" ", cleaned).strip()


def person_key(name: str) -> str:
    """Order-free key: "Song Yang" and "Yang Song" both give "song yang".

    A name parser's first/last split is not trusted (it reads "Zhao Shengjia"
    backwards), so the key is the sorted set of folded tokens.
    """
    return " ".join(sorted(fold(name).split()))


def organization_key(name: str) -> str:
    """Organisation names keep their word order; possessives are dropped."""
    return fold(_POSSESSIVE.sub("", name.strip()))
