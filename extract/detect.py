"""Language detection by counting each pack's stopwords."""

from __future__ import annotations

import re
from functools import cache

from .lang import PACK_CODES, pack_words

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
DEFAULT_LANGUAGE = "en"


# Share of a text's letters in a pack's own script (Han) that makes it that pack's.
SCRIPT_SHARE = 0.3


@cache
def _script_chars(code: str) -> re.Pattern[str] | None:
    """A character of the pack's own script; None for packs without one.
    (From the pack's word lists: detecting compiles no pack.)"""
    script = pack_words(code).script
    return re.compile(f"[{script}]") if script else None


def _by_script(text: str) -> str | None:
    """The pack whose script (a pack property, e.g. Han) writes much of `text`."""
    for code in PACK_CODES:
        script = _script_chars(code)
        if script is None or not script.search(text):
            continue  # the common case: not one character of that script
        letters = len(_LETTER.findall(text))
        if len(script.findall(text)) / letters >= SCRIPT_SHARE:
            return code
    return None


def detect_language(text: str) -> str:
    """The pack whose script writes much of `text`, else the pack whose
    stopwords cover most words of `text`; "en" when none do."""
    scripted = _by_script(text[:5000])
    if scripted is not None:
        return scripted
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return DEFAULT_LANGUAGE
    # Two stopwords at least: one short word ("y", "a") says nothing.
    best, best_score = DEFAULT_LANGUAGE, 1
    for code in PACK_CODES:
        if _script_chars(code) is not None:
            continue  # a script of its own: decided above
        detection_words = pack_words(code).detection_words
        score = sum(1 for w in words if w in detection_words)
        if score > best_score:
            best, best_score = code, score
    return best
