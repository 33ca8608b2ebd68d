"""Italian: what the lexicon cannot express as data (compound number words).

Italian writes every number below a hundred as one word, joining tens and
units and dropping the tens' final vowel before "uno" and "otto" ("ventuno",
"trentotto", "trentadue"); "cento" compounds the same way ("centoventi").
Approximate counts are nouns ("una decina di", "una dozzina di").
"""

from __future__ import annotations

from ..normalize import fold
from .numbers import with_hundreds

_UNITS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "tredici": 13,
    "quattordici": 14,
    "quindici": 15,
    "sedici": 16,
    "diciassette": 17,
    "diciotto": 18,
    "diciannove": 19,
}
_TENS = {
    "venti": 20,
    "trenta": 30,
    "quaranta": 40,
    "cinquanta": 50,
    "sessanta": 60,
    "settanta": 70,
    "ottanta": 80,
    "novanta": 90,
}
# Approximate collective nouns: "una decina di ingegneri" counts as 10.
_NOUNS = {
    "decina": 10,
    "dozzina": 12,
    "quindicina": 15,
    "ventina": 20,
    "trentina": 30,
    "quarantina": 40,
    "cinquantina": 50,
    "centinaio": 100,
}

_TENS_ALT = "venti?|trenta?|quaranta?|cinquanta?|sessanta?|settanta?|ottanta?|novanta?"
NUMBER_PATTERN = (
    rf"\d{{1,4}}|cento(?:{_TENS_ALT})?\w*|(?:{_TENS_ALT})\w*|"
    r"(?:una |un )?(?:decina|dozzina|quindicina|ventina|trentina|quarantina|cinquantina|"
    r"centinaio)(?= di )|"
    r"due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|"
    r"quindici|sedici|diciassette|diciotto|diciannove"
)
QUANTIFIER_PATTERN = r"(?:almeno|più di|oltre|circa|quasi|una cinquantina di)"


def _below_100(w: str) -> int | None:
    if w in _UNITS:
        return _UNITS[w]
    for tens, value in _TENS.items():
        # "trentadue", and the elided "ventuno" / "trentotto".
        for stem in (tens, tens[:-1]):
            if w == tens:
                return value
            if w.startswith(stem) and len(w) > len(stem):
                unit = w[len(stem) :]
                if unit in _UNITS and _UNITS[unit] < 10 and unit not in ("un", "una"):
                    elided = unit[0] in "uo"
                    if elided == (stem != tens):
                        return value + _UNITS[unit]
    return None


def number(word: str) -> int | None:
    """'undici' -> 11, 'ventuno' -> 21, 'trentadue' -> 32, 'centoventi' -> 120,
    'una dozzina' -> 12; None otherwise."""
    w = " ".join(fold(word).replace("-", " ").split())
    for art in ("una ", "un "):
        w = w.removeprefix(art)
    w = w.replace(" ", "")
    if w.isdigit():
        return int(w)
    if w in _NOUNS:
        return _NOUNS[w]
    return with_hundreds(w, _below_100, "cento", "cento")
