"""Language detection by counting each pack's stopwords."""

from __future__ import annotations

import re

from .lang import PACK_CODES, load_pack

_WORD = re.compile(r"[^\W\d_]+")
DEFAULT_LANGUAGE = "en"


def detect_language(text: str) -> str:
    """The pack whose stopwords cover most words of `text`; "en" when none do."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return DEFAULT_LANGUAGE
    # Two stopwords at least: one short word ("y", "a") says nothing.
    best, best_score = DEFAULT_LANGUAGE, 1
    for code in PACK_CODES:
        stop = load_pack(code).detection_words
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = code, score
    return best
