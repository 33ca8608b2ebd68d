"""Number words shared by the Romance packs: tens and units joined by a word
("treinta y dos", "trinta e dois"), and hundreds before them ("ciento veinte")."""

from __future__ import annotations

from collections.abc import Callable


def tens_and_units(w: str, units: dict[str, int], tens: dict[str, int], joiner: str) -> int | None:
    """A number below 100 written as a unit, a ten, or a ten + joiner + unit."""
    if w in units:
        return units[w]
    if w in tens:
        return tens[w]
    ten, sep, unit = w.partition(joiner)
    if sep and ten in tens and unit in units and units[unit] < 10:
        return tens[ten] + units[unit]
    return None


def with_hundreds(
    w: str, below_100: Callable[[str], int | None], hundred: str, hundred_prefix: str
) -> int | None:
    """'cien' -> 100, 'ciento veinte' -> 120 (`hundred_prefix` = 'ciento '), else below 100."""
    if w == hundred:
        return 100
    if w.startswith(hundred_prefix):
        rest = below_100(w[len(hundred_prefix) :])
        return None if rest is None else 100 + rest
    return below_100(w)
