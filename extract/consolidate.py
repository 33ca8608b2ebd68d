"""Article-level consolidation of the hops the move finder reads sentence by
sentence: a departure and a destination become one move, duplicate
statements fold into one, returns and companions get their origin, and the
result becomes `MoveFact`s."""

from __future__ import annotations

from dataclasses import replace

from .gazetteer import Gazetteer
from .moves import Hop
from .types import FuzzyDate, Modality, MoveFact


def consolidate(
    hops: list[Hop], gaz: Gazetteer, affiliations: dict[str, str] | None = None
) -> list[Hop]:
    """Join departures with destinations, fold duplicate statements, and give a
    move with no stated origin the person's described affiliation."""
    by_person: dict[str, list[Hop]] = {}
    for h in hops:
        by_person.setdefault(h.person, []).append(h)
    out: list[Hop] = []
    for items in by_person.values():
        items = _chain(_dedupe(_join_departures(items, gaz), gaz), gaz)
        aff = (affiliations or {}).get(items[0].person)
        for i, h in enumerate(items):
            if (
                aff
                and h.from_org is None
                and h.to_org is not None
                and aff not in gaz.family(h.to_org)
                and h.kind != "found_passive"
            ):
                items[i] = replace(h, from_org=aff)
        # A return: "left A for B ... returned to A" comes from B.
        for i, h in enumerate(items):
            if h.returning and h.from_org is None and h.to_org is not None:
                src = [
                    o.to_org
                    for o in items
                    if o is not h and o.from_org and o.from_org in gaz.family(h.to_org) and o.to_org
                ]
                if src:
                    items[i] = replace(h, from_org=src[0])
        legs, departures = _earlier_legs(items, gaz)
        out.extend([h for h in items if not any(h is d for d in departures)] + legs)
    # "X joined Foo along with Y": Y left where X left, when nothing else says.
    for i, h in enumerate(out):
        if h.companion_of and h.from_org is None and h.to_org is not None:
            lead = [
                o.from_org
                for o in out
                if o.person == h.companion_of
                and o.from_org
                and o.to_org
                and o.to_org in gaz.family(h.to_org)
            ]
            if lead:
                out[i] = replace(h, from_org=lead[0], from_weak=True)
    out.sort(key=lambda h: h.pos)
    return out


def _earlier_legs(items: list[Hop], gaz: Gazetteer) -> tuple[list[Hop], list[Hop]]:
    """ "X returns to A after two years at B ... before leaving in 2023": X went from A to B.

    Only when the article states that departure from A on its own and no
    statement gives the whole leg: the return names where X went, the
    departure when. A return alone says nothing of how X got to B. Returns the
    legs and the departures they complete (no longer moves of their own)."""
    legs: list[Hop] = []
    departures: list[Hop] = []
    for h in items:
        if not (h.returning and h.from_org and h.to_org and h.modality.counts):
            continue
        home, away = gaz.family(h.to_org), gaz.family(h.from_org)
        if h.from_org in home or any(
            o.from_org in home and o.to_org in away for o in items if o is not h
        ):
            continue
        left = [o for o in items if o.to_org is None and o.from_org in home and o.date]
        if not left:
            continue
        departures.append(left[0])
        legs.append(
            replace(
                h,
                from_org=h.to_org,
                to_org=h.from_org,
                date=left[0].date,
                date_explicit=True,
                role=None,
                returning=False,
                chained=False,
                from_weak=True,
            )
        )
    return legs, departures


def _key(d: FuzzyDate) -> tuple[int, int, int]:
    return (d.year, d.month or 0, d.day or 0)


def _chain(items: list[Hop], gaz: Gazetteer) -> list[Hop]:
    """ "X joined A in 2022. X has since moved to B": B's origin is A, when an
    earlier-dated move to A is stated before it and the later one names none."""
    for i, h in enumerate(items):
        if h.from_org is not None or h.to_org is None or h.date is None or h.returning:
            continue
        prev = [
            o
            for o in items[:i]
            if o.to_org is not None
            and o.date is not None
            and o.modality.counts
            and o.date.year < h.date.year
            and o.to_org not in gaz.family(h.to_org)
        ]
        if prev and h.modality.counts:
            items[i] = replace(h, from_org=max(prev, key=lambda o: _key(o.date)).to_org)
    return items


def _join_departures(items: list[Hop], gaz: Gazetteer) -> list[Hop]:
    """ "X left A (...). X joined B." is one move A -> B."""
    # "X, who left A, now leads the company": one statement cannot have X leave
    # and join A (a misread anaphor), unless it says X went back.
    result = [
        j
        for j in items
        if j.returning
        or j.to_org is None
        or j.from_org is not None
        or not any(
            d.sentence is j.sentence
            and d.to_org is None
            and d.from_org
            and d.from_org in gaz.family(j.to_org)
            for d in items
        )
    ]
    items = result
    for j in [
        h
        for h in items
        if (h.from_org is None or h.from_weak) and h.to_org is not None and h.modality.counts
    ]:
        cands = [
            d
            for d in result
            if d.to_org is None
            and d.from_org is not None
            and not d.merged
            and d.modality.counts
            and d.from_org not in gaz.family(j.to_org or "")
        ]
        if not cands:
            continue
        before = [d for d in cands if d.pos <= j.pos]
        d = before[-1] if before else min(cands, key=lambda d: d.pos)
        if j.date_explicit:
            date, explicit = j.date, True
        elif d.date_explicit:
            date, explicit = d.date, True
        else:
            date, explicit = j.date or d.date, False
        merged = replace(
            j,
            from_org=d.from_org,
            date=date,
            date_explicit=explicit,
            from_weak=False,
            merged=True,
            role=j.role or d.role,
            pos=min(j.pos, d.pos),
            sentence=d.sentence if d.pos < j.pos and not j.chained else j.sentence,
        )
        result = [merged if h is j else h for h in result if h is not d]
    return result


def _dedupe(items: list[Hop], gaz: Gazetteer) -> list[Hop]:
    kept: list[Hop] = []
    for h in sorted(items, key=lambda h: h.pos):
        twin = next((k for k in kept if _same_move(k, h, gaz)), None)
        if twin is None:
            kept.append(h)
            continue
        kept[kept.index(twin)] = _fold(twin, h, gaz)
    return kept


def _same_move(a: Hop, b: Hop, gaz: Gazetteer) -> bool:
    if (a.to_org is None) != (b.to_org is None):
        # "resigned from A in May, ... and joined B": one statement, one move.
        return a.sentence is b.sentence and a.from_org is not None and a.from_org == b.from_org
    if a.to_org is not None and b.to_org is not None and b.to_org not in gaz.family(a.to_org):
        return False
    if a.from_org and b.from_org and b.from_org not in gaz.family(a.from_org):
        return False
    if a.to_org is None and a.from_org != b.from_org:
        return False
    # Two stated dates that disagree are two moves (a join, and a later return),
    # unless they lie weeks apart: an announcement and the start date it gives.
    return not (
        a.date_explicit
        and b.date_explicit
        and a.date
        and b.date
        and not _dates_agree(a.date, b.date)
        and (a.returning or b.returning or not _dates_near(a.date, b.date))
    )


def _dates_near(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Both dates at least to the month, at most one calendar month apart."""
    if a.month is None or b.month is None:
        return False
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) <= 1


def _dates_agree(a: FuzzyDate, b: FuzzyDate) -> bool:
    pa = [a.year, a.month, a.day]
    pb = [b.year, b.month, b.day]
    return all(x == y for x, y in zip(pa, pb, strict=True) if x is not None and y is not None)


def _better_date(a: Hop, b: Hop) -> tuple[FuzzyDate | None, bool]:
    if a.date_explicit != b.date_explicit:
        return (a.date, True) if a.date_explicit else (b.date, True)
    if a.date is None or b.date is None:
        return (a.date or b.date), a.date_explicit
    if not _dates_agree(a.date, b.date):
        # An announcement and the start date it gives: the start date.
        later = max((a, b), key=lambda h: (h.date.year, h.date.month or 0, h.date.day or 0))
        return later.date, later.date_explicit
    rank = {"year": 0, "month": 1, "day": 2}
    return (
        (a.date, a.date_explicit)
        if rank[a.date.precision] >= rank[b.date.precision]
        else (b.date, b.date_explicit)
    )


def _fold(a: Hop, b: Hop, gaz: Gazetteer) -> Hop:
    if a.to_org is None and b.to_org is not None:
        a, b = b, a
    to_org = a.to_org
    if a.to_org and b.to_org and gaz.parent(b.to_org) == a.to_org:
        to_org = b.to_org  # keep the more specific unit
    date, explicit = _better_date(a, b)
    modality = a.modality if a.modality.counts else b.modality
    return replace(
        a,
        to_org=to_org,
        from_org=a.from_org or b.from_org,
        date=date,
        date_explicit=explicit,
        role=a.role or b.role,
        modality=modality,
    )


def to_facts(hops: list[Hop]) -> list[MoveFact]:
    facts: list[MoveFact] = []
    for h in hops:
        conf = {Modality.STATED: 0.8, Modality.REPORTED: 0.7}.get(h.modality, 0.3)
        if h.from_org is None and h.to_org is not None:
            conf -= 0.1
        facts.append(
            MoveFact(
                person=h.person,
                from_org=h.from_org,
                to_org=h.to_org,
                evidence=h.sentence.text,
                evidence_start=h.sentence.start,
                role=h.role,
                date=h.date,
                confidence=round(conf, 2),
                modality=h.modality,
            )
        )
    return facts
