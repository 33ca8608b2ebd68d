"""English: what the lexicon cannot express as data (compound number words)."""

from __future__ import annotations

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a pair of": 2,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Regex fragment for a written number, used by the group-move finder.
NUMBER_PATTERN = (
    r"\d{1,4}|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine))?)|a dozen|dozen|a couple of|a pair of|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen"
)
# "at least", "more than": the count is a lower bound but still the number given.
QUANTIFIER_PATTERN = r"(?:at least|more than|over|nearly|almost|about|around|some|roughly)"


def number(word: str) -> int | None:
    """'eleven' -> 11, 'twenty-one' -> 21, '20' -> 20; None for anything else."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    parts = w.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None
