"""French: what the lexicon cannot express as data (compound number words).

French counts in twenties past sixty ("soixante-dix" 70, "quatre-vingts" 80),
joins with "et" ("vingt et un") and uses approximate nouns ("une dizaine").
"""

from __future__ import annotations

_UNITS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
}
_TENS = {
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "quatre-vingt": 80,
    "quatre-vingts": 80,
}

NUMBER_PATTERN = (
    r"\d{1,4}|(?:vingt|trente|quarante|cinquante|soixante)(?:[- ]et[- ]un|-\w+)?|"
    r"dix-sept|dix-huit|dix-neuf|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
    r"treize|quatorze|quinze|seize"
)
QUANTIFIER_PATTERN = r"(?:au moins|plus de|près de|environ|quelque)"


def number(word: str) -> int | None:
    """'onze' -> 11, 'vingt et un' -> 21, 'soixante-dix' -> 70; None otherwise."""
    w = word.strip().lower().replace(" et ", "-et-").replace(" ", "-")
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    for tens, value in sorted(_TENS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(tens + "-"):
            rest = w[len(tens) + 1 :].removeprefix("et-")
            if rest in _UNITS:
                return value + _UNITS[rest]
    return None
