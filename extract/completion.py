"""Article-level completion of the moves consolidation leaves: what one
statement could not say, the rest of the article may.

- A departure that names neither the organisation left nor a destination
  ("Jane Roe resigned on Monday") is part of the person's other move when the
  article reports one ("... She will join Foo"), else it is left from the
  person's described employer, or from an organisation nobody names.
- A founding with no origin ("Foo was co-founded in 2019 by Jane Roe") is
  background, not a move: nobody left anywhere.
"""

from __future__ import annotations

from dataclasses import replace

from .analysis import TriggerKind
from .moves import Hop

_FOUNDING = frozenset({TriggerKind.FOUND, TriggerKind.FOUND_PASSIVE})


def complete(hops: list[Hop], affiliations: dict[str, str]) -> list[Hop]:
    """The article's moves, each as complete as the article makes it."""
    out: list[Hop] = []
    for h in hops:
        if _bare_founding(h) or _part_of_another_move(h, hops):
            continue
        if _open_departure(h) and h.person in affiliations:
            h = replace(h, from_org=affiliations[h.person], from_weak=True)
        out.append(h)
    return out


def _open_departure(h: Hop) -> bool:
    return h.from_org is None and h.to_org is None


def _bare_founding(h: Hop) -> bool:
    return h.kind in _FOUNDING and h.from_org is None and not h.merged


def _part_of_another_move(h: Hop, hops: list[Hop]) -> bool:
    """ "Jane Roe is leaving. She joins Foo in May": one move, to Foo."""
    return _open_departure(h) and any(
        o is not h and o.person == h.person and o.to_org is not None and o.modality.counts
        for o in hops
    )
