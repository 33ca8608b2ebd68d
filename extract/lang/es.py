"""Spanish: what the lexicon cannot express as data (compound number words).

Spanish writes 16-29 as one word ("dieciséis", "veintiuno"), joins tens and
units with "y" from thirty on ("treinta y dos"), says "cien" for 100 and
"ciento" in compounds ("ciento veinte"), and counts approximately with nouns
("una docena de", "una decena de").
"""

from __future__ import annotations

from ..normalize import fold
from .numbers import tens_and_units, with_hundreds

_UNITS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veintiun": 21,
    "veintiuno": 21,
    "veintiuna": 21,
    "veintidos": 22,
    "veintitres": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiseis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
}
_TENS = {
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
}
# Approximate collective nouns: "una docena de ingenieros" counts as 12.
_NOUNS = {"decena": 10, "docena": 12, "veintena": 20, "treintena": 30, "centena": 100}

NUMBER_PATTERN = (
    r"\d{1,4}|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?: y \w+)?|"
    r"ciento(?: \w+(?: y \w+)?)?|cien|dieci\w+|veinti\w+|veinte|"
    r"(?:una )?(?:docena|decena|veintena|treintena|centena)(?= de )|"
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
)
QUANTIFIER_PATTERN = r"(?:al menos|más de|cerca de|casi|alrededor de|unos|unas)"


def number(word: str) -> int | None:
    """'once' -> 11, 'veintidós' -> 22, 'treinta y dos' -> 32, 'ciento veinte'
    -> 120, 'docena' -> 12; None otherwise."""
    w = " ".join(fold(word).replace("-", " ").split()).removeprefix("una ")
    if w.isdigit():
        return int(w)
    if w in _NOUNS:
        return _NOUNS[w]
    return with_hundreds(
        w, lambda rest: tens_and_units(rest, _UNITS, _TENS, " y "), "cien", "ciento "
    )
