"""German: what the lexicon cannot express as data (compound number words).

German writes numbers as one word, units before tens joined by "und"
("einundzwanzig" 21, "zweiundvierzig" 42), and counts approximately with
"Dutzend" ("ein Dutzend" 12).
"""

from __future__ import annotations

import re

_UNITS = {
    "ein": 1,
    "eine": 1,
    "einen": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "ein dutzend": 12,
    "einem dutzend": 12,
    "dutzend": 12,
    "hundert": 100,
    "einhundert": 100,
}
_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "dreissig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
# The unit part of a compound ("ein" in "einundzwanzig", "sieben").
_COMPOUND_UNITS = {
    w: _UNITS[w] for w in ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
}
_COMPOUND = re.compile(
    r"(?:(?P<unit>ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?P<tens>zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
)

# Regex fragment for a written number, used by the group-move finder (the
# text is lowercased before matching).  "ein Dutzend" before "ein".
NUMBER_PATTERN = (
    r"\d{1,4}|ein(?:em)? dutzend|(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
    r"(?:ein)?hundert|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf"
)
# "mindestens", "mehr als": the count is a lower bound but still the number given.
QUANTIFIER_PATTERN = r"(?:mindestens|mehr als|über|fast|knapp|etwa|rund|ungefähr|gut)"


def number(word: str) -> int | None:
    """'elf' -> 11, 'einundzwanzig' -> 21, 'ein Dutzend' -> 12; None otherwise."""
    w = " ".join(word.strip().lower().split())
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    m = _COMPOUND.fullmatch(w)
    if m:
        unit = m.group("unit")
        return _TENS[m.group("tens")] + (_COMPOUND_UNITS[unit] if unit else 0)
    return None
