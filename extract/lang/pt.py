"""Portuguese: what the lexicon cannot express as data (compound number words).

Portuguese has gendered 1 and 2 ("um"/"uma", "dois"/"duas"), writes 16-19 as
one word with a Brazilian and a European spelling ("dezesseis"/"dezasseis",
"dezessete"/"dezassete", "dezenove"/"dezanove"), joins tens and units with
"e" from twenty on ("vinte e um", "trinta e dois"), says "cem" for 100 and
"cento" in compounds ("cento e vinte"), and counts approximately with nouns
("uma dúzia de", "uma dezena de", "dezenas de").
"""

from __future__ import annotations

from ..normalize import fold
from .numbers import tens_and_units, with_hundreds

_UNITS = {
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
    "dez": 10,
    "onze": 11,
    "doze": 12,
    "treze": 13,
    "catorze": 14,
    "quatorze": 14,
    "quinze": 15,
    "dezesseis": 16,
    "dezasseis": 16,
    "dezessete": 17,
    "dezassete": 17,
    "dezoito": 18,
    "dezenove": 19,
    "dezanove": 19,
}
_TENS = {
    "vinte": 20,
    "trinta": 30,
    "quarenta": 40,
    "cinquenta": 50,
    "sessenta": 60,
    "setenta": 70,
    "oitenta": 80,
    "noventa": 90,
}
# Approximate collective nouns: "uma dúzia de engenheiros" counts as 12.
_NOUNS = {"dezena": 10, "duzia": 12, "vintena": 20, "centena": 100}

NUMBER_PATTERN = (
    r"\d{1,4}|(?:vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa)(?: e \w+)?|"
    r"cento(?: e \w+(?: e \w+)?)?|cem|"
    r"(?:uma )?(?:dúzia|duzia|dezena|vintena|centena)(?= de )|"
    r"dois|duas|três|tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|"
    r"catorze|quatorze|quinze|dezesseis|dezasseis|dezessete|dezassete|dezoito|"
    r"dezenove|dezanove"
)
QUANTIFIER_PATTERN = r"(?:pelo menos|ao menos|mais de|cerca de|quase|perto de|uns|umas)"


def number(word: str) -> int | None:
    """'onze' -> 11, 'dezesseis' -> 16, 'vinte e um' -> 21, 'trinta e dois'
    -> 32, 'cento e vinte' -> 120, 'uma dúzia' -> 12; None otherwise."""
    w = " ".join(fold(word).replace("-", " ").split()).removeprefix("uma ")
    if w.isdigit():
        return int(w)
    if w in _NOUNS:
        return _NOUNS[w]
    return with_hundreds(
        w, lambda rest: tens_and_units(rest, _UNITS, _TENS, " e "), "cem", "cento e "
    )
