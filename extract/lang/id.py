"""Indonesian: what the lexicon cannot express as data (compound number words).

Indonesian numbers compose with the prefix "se-" (one) and the words "belas"
(teens), "puluh" (tens): "sebelas" 11, "dua belas" 12, "dua puluh satu" 21.
"""

from __future__ import annotations

_UNITS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
}

NUMBER_PATTERN = (
    r"\d{1,4}|(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan) (?:belas|puluh)"
    r"(?: (?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?)|sebelas|sepuluh|"
    r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
)
QUANTIFIER_PATTERN = (
    r"(?:setidaknya|sedikitnya|paling tidak|lebih dari|sekitar|hampir|kurang lebih)"
)


def number(word: str) -> int | None:
    """'sebelas' -> 11, 'dua puluh satu' -> 21, '20' -> 20; None otherwise."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    parts = w.split()
    if len(parts) >= 2 and parts[0] in _UNITS and parts[1] in ("belas", "puluh"):
        base = _UNITS[parts[0]]
        value = 10 + base if parts[1] == "belas" else base * 10
        if len(parts) == 3 and parts[2] in _UNITS:
            value += _UNITS[parts[2]]
        return value if len(parts) <= 3 else None
    return None
