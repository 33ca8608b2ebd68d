"""Article-level completion of the moves consolidation leaves: what one
statement could not say, the rest of the article may.

- A departure that names neither the organisation left nor a destination
  ("Jane Roe resigned on Monday") is part of the person's other move when the
  article reports one ("... She will join Foo"), else it is left from where
  the article last sent the person, else from the person's described
  employer, else from the organisation its section or the article is about
  (frames.py), else from an organisation nobody names.
- A departure with no organisation, by someone the article has return to an
  organisation, was from that organisation.
- A founding with no origin ("Foo was co-founded in 2019 by Jane Roe") is
  background, not a move: nobody left anywhere.
"""

from __future__ import annotations

from dataclasses import replace

from .analysis import Analysis, TriggerKind
from .consolidate import dated_after
from .moves import Hop
from .types import FuzzyDate

_FOUNDING = frozenset({TriggerKind.FOUND, TriggerKind.FOUND_PASSIVE})


def returns_explain_departures(hops: list[Hop]) -> list[Hop]:
    """ "X returns to Foo ... before leaving in 2023": the departure the
    article gives no organisation for was from Foo.  Run before consolidation,
    which then joins that departure and the return into the earlier leg."""
    out: list[Hop] = []
    by_person = _by_person(hops)
    for h in hops:
        home = _returned_to(h, by_person[h.person]) if _open_departure(h) else None
        out.append(replace(h, from_org=home) if home else h)
    return out


def _by_person(hops: list[Hop]) -> dict[str, list[Hop]]:
    """Each person's hops, in article order: every rule below compares a hop
    with the same person's others only, and a scan of all hops per hop is
    quadratic in the article's size."""
    out: dict[str, list[Hop]] = {}
    for h in hops:
        out.setdefault(h.person, []).append(h)
    return out


def _returned_to(h: Hop, hops: list[Hop]) -> str | None:
    # "left and went back to Foo" in one sentence: the departure was not from Foo.
    back = [
        o.to_org
        for o in hops
        if o.person == h.person
        and o.returning
        and o.to_org
        and o.modality.counts
        and not (o.sentence is h.sentence and h.pos < o.pos)
    ]
    return back[0] if len(set(back)) == 1 else None


def complete(hops: list[Hop], doc: Analysis) -> list[Hop]:
    """The article's moves, each as complete as the article makes it."""
    out: list[Hop] = []
    by_person = _by_person(hops)
    for h in hops:
        own = by_person[h.person]  # the person's hops, this one included
        if _bare_founding(h) or _part_of_another_move(h, own) or _covered_departure(h, own, doc):
            continue
        if _open_departure(h) and not h.modality.counts:
            continue  # "is said to be leaving": nothing worth keeping
        if _framed_arrival(h, own):
            left = _frame_left(doc, h, hops, source_only=True)
            if left is not None and left not in doc.gaz.family(h.to_org or ""):
                h = replace(h, from_org=left, from_weak=True)
        if _open_departure(h):
            left = _last_destination(h, own) or _described_left(doc, h) or _frame_left(doc, h, hops)
            if left is not None:
                h = replace(h, from_org=left, from_weak=True)
        out.append(h)
    return out


def _described_left(doc: Analysis, h: Hop) -> str | None:
    """The employer the article describes the person at, if the departure may be from it."""
    employer = doc.affiliations.get(h.person)
    if employer is None or not doc.left_former_employer(h.person, employer, h.pos):
        return None
    return employer


def _open_departure(h: Hop) -> bool:
    return h.from_org is None and h.to_org is None


def _last_destination(h: Hop, hops: list[Hop]) -> str | None:
    """Where the person went last before this departure, as the article tells it."""
    earlier = [
        o
        for o in hops
        if o.person == h.person
        and o.to_org is not None
        and o.modality.counts
        and o.pos < h.pos
        and not dated_after(o.date, h.date)
    ]
    return earlier[-1].to_org if earlier else None


def _framed_arrival(h: Hop, hops: list[Hop]) -> bool:
    """A counted arrival from nowhere stated, by someone the article reports
    no other move of: the story's subject may be where they came from."""
    return (
        h.from_org is None
        and h.to_org is not None
        and h.modality.counts
        and not any(o is not h and o.person == h.person for o in hops)
    )


def _frame_left(doc: Analysis, h: Hop, hops: list[Hop], source_only: bool = False) -> str | None:
    """The organisation the move's section or article is about, unless the
    article has people arrive there more than leave it (a story about Foo's
    hires is no story of departures from Foo).  With `source_only`, people
    must be said to leave it."""
    frame = doc.frames.at(h.pos)
    if frame is None:
        return None
    family = doc.gaz.family(frame)
    counted = [o for o in hops if o.modality.counts]
    arrivals = sum(1 for o in counted if o.to_org in family)
    departures = sum(1 for o in counted if o.from_org in family or _open_departure(o))
    if source_only and not any(o.from_org in family for o in counted if o is not h):
        return None
    return frame if arrivals <= departures else None


def _bare_founding(h: Hop) -> bool:
    """No one is said to have left anywhere to found it: an origin only
    inferred from a description ("xAI's Musk co-founded OpenAI in 2015") or
    copied from a co-founder does not make one."""
    return h.kind in _FOUNDING and (h.from_org is None or h.from_weak) and not h.merged


def _part_of_another_move(h: Hop, hops: list[Hop]) -> bool:
    """ "Jane Roe is leaving. She joins Foo in May": one move, to Foo; and
    "Foo is losing Jane Roe ... she said she was leaving": one departure.
    A move dated before it is background, not the same event ("X, who
    joined Meta in 2023, is leaving")."""
    return _open_departure(h) and any(
        o is not h
        and o.person == h.person
        and (o.to_org is not None or o.from_org is not None)
        and o.modality.counts
        and _same_event(h, o)
        and not _earlier_year(o, h)
        for o in hops
    )


def _earlier_year(o: Hop, h: Hop) -> bool:
    """`o` is dated, by the article, in a year before `h`'s."""
    return (
        o.date_explicit and o.date is not None and h.date is not None and o.date.year < h.date.year
    )


def _covered_departure(h: Hop, hops: list[Hop], doc: Analysis) -> bool:
    """ "X left OpenAI ... X joined Meta from OpenAI": the departure is the
    first half of a move the article states whole."""
    if h.to_org is not None or h.from_org is None:
        return False
    family = doc.gaz.family(h.from_org)
    return any(
        o is not h
        and o.person == h.person
        and o.to_org is not None
        and o.from_org in family
        and o.modality.counts
        and _same_event(h, o)
        for o in hops
    )


def _same_event(h: Hop, o: Hop) -> bool:
    """One sentence; or dates that agree; or one paragraph where the two
    statements do not both give a date of their own."""
    if o.sentence is h.sentence or _dates_compatible(h.date, o.date):
        return True
    if _month_before(h.date, o.date):
        return True  # "left Google in March ... joined Apple (in April)
    same_paragraph = o.sentence.paragraph == h.sentence.paragraph
    return same_paragraph and not (h.date_explicit and o.date_explicit)


def _month_before(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """`a` is the month right before `b`, both with a month."""
    if a is None or b is None or a.month is None or b.month is None:
        return False
    return (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1


def _dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Unknown, or equal as far as both are known."""
    if a is None or b is None:
        return True
    return a.year == b.year and (a.month is None or b.month is None or a.month == b.month)
