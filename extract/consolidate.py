"""Article-level consolidation of the hops the move finder reads sentence by
sentence: a departure and a destination become one move, duplicate
statements fold into one, returns and companions get their origin, and the
result becomes `MoveFact`s.

`consolidate` runs each person's hops through `_PERSON_PASSES`, then all the
article's hops through `_ARTICLE_PASSES`.  A pass is a function
`(hops, article) -> hops`; a new article-level rule is one more pass in the
list where it belongs (order matters: each pass sees what the previous made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from .analysis import TriggerKind
from .gazetteer import Gazetteer
from .moves import Hop
from .types import FuzzyDate, Modality, MoveFact


@dataclass(frozen=True, slots=True)
class _Article:
    """What the passes know beyond the hops themselves."""

    gaz: Gazetteer
    affiliations: dict[str, str]  # person -> employer the article describes
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class _StatedDate:
    date: FuzzyDate | None
    explicit: bool  # stated by the statement, not the publication-date fallback

    @classmethod
    def of(cls, hop: Hop) -> _StatedDate:
        return cls(hop.date, hop.date_explicit)


_Pass = Callable[[list[Hop], _Article], list[Hop]]


def consolidate(
    hops: list[Hop],
    gaz: Gazetteer,
    affiliations: dict[str, str] | None = None,
    published: dt.date | None = None,
) -> list[Hop]:
    """Join departures with destinations, fold duplicate statements, and give a
    move with no stated origin the person's described affiliation."""
    article = _Article(gaz, affiliations or {}, published)
    out: list[Hop] = []
    for person_hops in _by_person(hops):
        for person_pass in _PERSON_PASSES:
            person_hops = person_pass(person_hops, article)
        out.extend(person_hops)
    for article_pass in _ARTICLE_PASSES:
        out = article_pass(out, article)
    return out


def _by_person(hops: list[Hop]) -> list[list[Hop]]:
    """Each person's hops in the order given, people in order of first hop."""
    by_person: dict[str, list[Hop]] = {}
    for h in hops:
        by_person.setdefault(h.person, []).append(h)
    return list(by_person.values())


# -- joining a departure with a destination ---------------------------------


def _drop_misread_joins(hops: list[Hop], article: _Article) -> list[Hop]:
    """ "X, who left A, now leads the company": one statement cannot have X
    leave and join A (a misread anaphor), unless it says X went back."""
    return [j for j in hops if not _is_misread_join(j, hops, article.gaz)]


def _is_misread_join(join: Hop, hops: list[Hop], gaz: Gazetteer) -> bool:
    if join.returning or join.to_org is None or join.from_org is not None:
        return False
    destination_family = gaz.family(join.to_org)
    # "leaves Foo, which he had joined in 2018": an arrival dated before the
    # departure (and so unable to follow it) is the stay's start, no misreading.
    arrival = join.date if join.date_explicit else None
    return any(
        d.sentence is join.sentence
        and d.to_org is None
        and d.from_org
        and d.from_org in destination_family
        and _could_lead_to(d, arrival)
        and not _joined_a_year_before_now(arrival, d)
        for d in hops
    )


def _joined_a_year_before_now(arrival: FuzzyDate | None, departure: Hop) -> bool:
    """ "X, who joined Meta in 2023, is leaving the company": a join dated in
    an earlier year than a departure told in the present started the stay."""
    left = departure.date
    return (
        arrival is not None
        and left is not None
        and not departure.date_explicit
        and arrival.year < left.year
    )


def _join_departures(hops: list[Hop], article: _Article) -> list[Hop]:
    """ "X left A (...). X joined B." is one move A -> B."""
    result = hops
    for join in [h for h in hops if _needs_origin(h)]:
        departure = _departure_for(join, result, article.gaz)
        if departure is None:
            continue
        merged = _merge_departure(join, departure)
        result = [merged if h is join else h for h in result if h is not departure]
    return result


def _needs_origin(hop: Hop) -> bool:
    """A counted move to somewhere, from nowhere stated (or only described)."""
    return (
        (hop.from_org is None or hop.from_weak) and hop.to_org is not None and hop.modality.counts
    )


def _departure_for(join: Hop, hops: list[Hop], gaz: Gazetteer) -> Hop | None:
    """The counted, unmerged departure from elsewhere that the join completes:
    the last one stated before it, else the first one after it."""
    destination_family = gaz.family(join.to_org or "")
    join_date = _join_date(join, hops, destination_family)
    joining = _sentences_joining(hops)
    departures = [
        d
        for d in hops
        if (_is_open_departure(d) or _bare_departure_before(d, join))
        and d.from_org not in destination_family
        and _could_lead_to(d, join_date)
        and not _joins_own_sentence(d, join, joining)
    ]
    if not departures:
        return None
    before = [d for d in departures if d.pos <= join.pos]
    return before[-1] if before else min(departures, key=lambda d: d.pos)


def _sentences_joining(hops: list[Hop]) -> set[int]:
    """The sentences (by identity) stating a move that needs an origin: found
    once per look-up of departures, not once per departure."""
    return {id(h.sentence) for h in hops if _needs_origin(h)}


def _joins_own_sentence(departure: Hop, join: Hop, joining: set[int]) -> bool:
    """ "left in 2018, taking a job at Foo": a departure belongs to the join
    of its own sentence, not to another sentence's."""
    if join.sentence is departure.sentence:
        return False
    # The join itself is of another sentence: any joining hop of this one counts.
    return id(departure.sentence) in joining


# A departure more than this long before a join is another chapter of the
# career ("left Instagram in 2018 ... came to Anthropic in 2024").
_MAX_GAP_MONTHS = 24


def _join_date(join: Hop, hops: list[Hop], family: frozenset[str]) -> FuzzyDate | None:
    """When the person joined: the join's own stated date, else one another
    statement of the same join states."""
    if join.date_explicit:
        return join.date
    stated = [h.date for h in hops if h.date_explicit and h.to_org in family]
    return stated[0] if stated else None


def _could_lead_to(departure: Hop, arrival: FuzzyDate | None) -> bool:
    """A departure dated so that it can be the start of the move: not after
    the join, and not years before it.  A date the statement does not give
    itself (the tense's "now") agrees with anything."""
    left = departure.date
    if left is None or arrival is None:
        return True
    if not departure.date_explicit:
        # The tense's "now": a join dated years before it is an earlier
        # chapter ("is leaving Foo ... joined Bar in 2017").
        return arrival.year >= left.year - _MAX_GAP_MONTHS // 12
    if left.month is None or arrival.month is None:
        return 0 <= arrival.year - left.year <= _MAX_GAP_MONTHS // 12
    gap = (arrival.year - left.year) * 12 + arrival.month - left.month
    return -1 <= gap <= _MAX_GAP_MONTHS


def _bare_departure_before(d: Hop, join: Hop) -> bool:
    """ "相繼離開,三人全數回到 OpenAI", "left and went back to Google": a
    departure naming nothing, before a join in its sentence, is its first half."""
    return (
        d.sentence is join.sentence
        and d.pos < join.pos
        and d.from_org is None
        and d.to_org is None
        and not d.merged
        and d.modality.counts
    )


def _is_open_departure(hop: Hop) -> bool:
    """A counted departure with no destination yet."""
    return (
        hop.to_org is None and hop.from_org is not None and not hop.merged and hop.modality.counts
    )


def _merge_departure(join: Hop, departure: Hop) -> Hop:
    date = _merged_date(join, departure)
    # The evidence is the departure's sentence when it comes first, unless the
    # join already stated both ends.
    departure_first = departure.pos < join.pos and not join.chained
    return replace(
        join,
        from_org=departure.from_org,
        date=date.date,
        date_explicit=date.explicit,
        from_weak=False,
        merged=True,
        role=join.role or departure.role,
        pos=min(join.pos, departure.pos),
        sentence=departure.sentence if departure_first else join.sentence,
    )


# A post held now ("kini bekerja di Microsoft AI", "now runs Bar") says
# where the person is, not when they got there.
_STATES = frozenset({TriggerKind.NOW_AT, TriggerKind.LED_BY})


def _merged_date(join: Hop, departure: Hop) -> _StatedDate:
    """The join's stated date, else the departure's, else whichever exists.
    A join the tense dates now ("Cohere has hired X ... X left Meta at the end
    of May") happened after the departure it completes: the move is dated now."""
    if join.date_explicit:
        return _StatedDate(join.date, True)
    if (
        join.date_now
        and join.kind not in _STATES
        and departure.date_explicit
        and departure.sentence is not join.sentence
        and dated_after(join.date, departure.date)
    ):
        return _StatedDate(join.date, False)
    if departure.date_explicit:
        return _StatedDate(departure.date, True)
    return _StatedDate(join.date or departure.date, False)


# -- duplicate statements -----------------------------------------------------


def _dedupe(hops: list[Hop], article: _Article) -> list[Hop]:
    """Statements of the same move fold into one, in text order."""
    kept: list[Hop] = []
    for h in sorted(hops, key=lambda h: h.pos):
        twin = next((k for k in kept if _same_move(k, h, article.gaz)), None)
        if twin is None:
            kept.append(h)
            continue
        kept[kept.index(twin)] = _fold(twin, h, article.gaz)
    return kept


def _same_move(a: Hop, b: Hop, gaz: Gazetteer) -> bool:
    if (a.to_org is None) != (b.to_org is None):
        # "resigned from A in May, ... and joined B": one statement, one move.
        return a.sentence is b.sentence and a.from_org is not None and a.from_org == b.from_org
    if not _orgs_compatible(a, b, gaz) or _dates_conflict(a, b):
        return False
    return a.to_org == b.to_org or not _years_apart_from_news(a, b)


def _years_apart_from_news(a: Hop, b: Hop) -> bool:
    """One move dated years back, the other undated (the article's news, dated
    by its publication): "started at Google in 2013" and "has found a new
    home: DeepMind" are two moves, though DeepMind is Google's."""
    if a.date_explicit == b.date_explicit or a.date is None or b.date is None:
        return False
    return abs(a.date.year - b.date.year) >= _YEARS_BACK


def _orgs_compatible(a: Hop, b: Hop, gaz: Gazetteer) -> bool:
    """Same destination family and same origin family where both are named;
    two departures need the very same origin."""
    if a.to_org is not None and b.to_org is not None and b.to_org not in gaz.family(a.to_org):
        return False
    if a.from_org and b.from_org and b.from_org not in gaz.family(a.from_org):
        return False
    return not (a.to_org is None and a.from_org != b.from_org)


def _dates_conflict(a: Hop, b: Hop) -> bool:
    """Two stated dates that disagree are two moves (a join, and a later
    return), unless they lie weeks apart: an announcement and the start date
    it gives."""
    if not (a.date_explicit and b.date_explicit and a.date and b.date):
        return False
    if _dates_agree(a.date, b.date):
        return False
    return a.returning or b.returning or not _dates_near(a.date, b.date)


def _dates_near(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Both dates at least to the month, at most one calendar month apart."""
    if a.month is None or b.month is None:
        return False
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) <= 1


def _dates_agree(a: FuzzyDate, b: FuzzyDate) -> bool:
    pa = [a.year, a.month, a.day]
    pb = [b.year, b.month, b.day]
    return all(x == y for x, y in zip(pa, pb, strict=True) if x is not None and y is not None)


def _date_order(d: FuzzyDate | None) -> tuple[int, int, int]:
    """Chronological sort key; the callers only pass dated hops' dates."""
    return (d.year, d.month or 0, d.day or 0) if d else (0, 0, 0)


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _better_date(a: Hop, b: Hop) -> _StatedDate:
    if a.date_explicit != b.date_explicit:
        return _StatedDate.of(a if a.date_explicit else b)  # the one the text states
    if a.date is None or b.date is None:
        return _StatedDate(a.date or b.date, a.date_explicit)
    if not _dates_agree(a.date, b.date):
        # An announcement and the start date it gives: the start date.
        later = max((a, b), key=lambda h: _date_order(h.date))
        return _StatedDate.of(later)
    finer = _PRECISION_RANK[a.date.precision] >= _PRECISION_RANK[b.date.precision]
    return _StatedDate.of(a if finer else b)


def _fold(a: Hop, b: Hop, gaz: Gazetteer) -> Hop:
    """One hop from two statements of the same move; `a` is the earlier."""
    if a.to_org is None and b.to_org is not None:
        a, b = b, a  # the statement with a destination leads
    to_org = a.to_org
    if a.to_org and b.to_org and gaz.parent(b.to_org) == a.to_org:
        to_org = b.to_org  # keep the more specific unit
    date = _better_date(a, b)
    return replace(
        a,
        to_org=to_org,
        from_org=a.from_org or b.from_org,
        date=date.date,
        date_explicit=date.explicit,
        role=a.role or b.role,
        modality=a.modality if a.modality.counts else b.modality,
    )


# -- origins from other statements -------------------------------------------


def _chain(hops: list[Hop], article: _Article) -> list[Hop]:
    """ "X joined A in 2022. X has since moved to B": B's origin is A, when an
    earlier-dated move to A is stated and the later one names no origin of its
    own (a described one, "cofundador de DeepMind", gives way to the career
    the article tells, wherever it tells it)."""
    for i, h in enumerate(hops):
        if (h.from_org is not None and not h.from_weak) or h.to_org is None or h.date is None:
            continue
        if h.returning or not h.modality.counts:
            continue
        others = hops[:i] if h.from_org is None else hops[:i] + hops[i + 1 :]
        previous = _latest_earlier_move(others, h.date.year, article.gaz.family(h.to_org))
        if previous is not None and h.from_org is not None and not _recent_leg(previous, h):
            continue  # a move years back does not outdo the employer described today
        if previous is not None:
            hops[i] = replace(h, from_org=previous.to_org)
    return hops


def _recent_leg(previous: Hop, h: Hop) -> bool:
    assert previous.date is not None and h.date is not None
    return h.date.year - previous.date.year <= _RECENT_YEARS


_RECENT_YEARS = 3  # "co-founded Inflection AI in 2022" still explains a 2024 move


def _latest_earlier_move(
    stated_before: list[Hop], year: int, later_family: frozenset[str]
) -> Hop | None:
    """The latest-dated counted move, dated in an earlier year than `year`, to
    an organisation outside the later move's family."""
    earlier = [
        o
        for o in stated_before
        if o.to_org is not None
        and o.date is not None
        and o.modality.counts
        and o.date.year < year
        and o.to_org not in later_family
    ]
    return max(earlier, key=lambda o: _date_order(o.date)) if earlier else None


def _described_origin(hops: list[Hop], article: _Article) -> list[Hop]:
    """A move with no stated origin comes from the employer the article
    describes ("Foo researcher Jane Roe"), unless it is a move within that
    employer or one the person founded ("Foo, founded by Jane Roe")."""
    employer = article.affiliations.get(hops[0].person) if hops else None
    if not employer:
        return hops
    gaz = article.gaz
    return [
        replace(h, from_org=employer, from_weak=h.from_weak or _founded_years_back(h, article))
        if h.from_org is None
        and h.to_org is not None
        and employer not in gaz.family(h.to_org)
        and h.kind != "found_passive"
        and not _left_before(employer, h, hops, gaz)
        else h
        for h in hops
    ]


def _left_before(employer: str, h: Hop, hops: list[Hop], gaz: Gazetteer) -> bool:
    """The article has the person leave the described employer for another
    before this move ("spent a decade at Foo before joining Bar in 2019"): Foo
    is a past employer, not where this move starts."""
    family = gaz.family(employer)
    return any(
        o is not h
        and o.from_org in family
        and o.to_org is not None
        and o.to_org not in family
        and o.modality.counts
        and o.date is not None
        and (h.date is None or _date_order(o.date) < _date_order(h.date))
        for o in hops
    )


def _founded_years_back(h: Hop, article: _Article) -> bool:
    """A founding dated years before the article: the employer the article
    describes is today's ("xAI's Musk co-founded OpenAI in 2015"), no origin."""
    if h.kind != "found" or not h.date_explicit or h.date is None or article.published is None:
        return False
    return article.published.year - h.date.year >= _YEARS_BACK


_YEARS_BACK = 2  # a statement this many years before the news is history


def dated_after(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Whether `a` falls after `b`, both known (a year alone spans its months)."""
    return a is not None and b is not None and (a.year, a.month or 0) > (b.year, b.month or 13)


def _return_origin(hops: list[Hop], article: _Article) -> list[Hop]:
    """A return: "left A for B ... returned to A" comes from B.  In place and
    in order, so an origin found here is seen by the returns after it."""
    for i, h in enumerate(hops):
        if h.returning and h.from_org is None and h.to_org is not None:
            went_to = _destination_after_leaving(h, hops, article.gaz.family(h.to_org))
            if went_to:
                hops[i] = replace(h, from_org=went_to)
    return hops


def _destination_after_leaving(ret: Hop, hops: list[Hop], home: frozenset[str]) -> str | None:
    """Where another statement has the person go from the family returned to."""
    return next(
        (
            o.to_org
            for o in hops
            if o is not ret
            and o.from_org
            and o.from_org in home
            and o.to_org
            and not dated_after(o.date, ret.date)  # a later move is no leg before it
        ),
        None,
    )


def _earlier_legs(hops: list[Hop], article: _Article) -> list[Hop]:
    """ "X returns to A after two years at B ... before leaving in 2023": X went from A to B.

    Only when the article states that departure from A on its own and no
    statement gives the whole leg: the return names where X went, the
    departure when. A return alone says nothing of how X got to B. The
    departures a leg completes are no longer moves of their own."""
    legs: list[Hop] = []
    completed: list[Hop] = []
    for h in hops:
        departure = _departure_before_return(h, hops, article.gaz)
        if departure is not None:
            completed.append(departure)
            legs.append(_leg_before_return(h, departure))
    return [h for h in hops if not any(h is d for d in completed)] + legs


def _departure_before_return(ret: Hop, hops: list[Hop], gaz: Gazetteer) -> Hop | None:
    """The dated departure from home that the counted return `ret` (home <- away)
    completes into a leg, when no statement gives that leg already."""
    if not _is_counted_return_from_elsewhere(ret, gaz):
        return None
    home = gaz.family(ret.to_org or "")
    if _leg_stated(ret, hops, home, gaz.family(ret.from_org or "")):
        return None
    return next((o for o in hops if o.to_org is None and o.from_org in home and o.date), None)


def _is_counted_return_from_elsewhere(ret: Hop, gaz: Gazetteer) -> bool:
    if not (ret.returning and ret.from_org and ret.to_org and ret.modality.counts):
        return False
    return ret.from_org not in gaz.family(ret.to_org)


def _leg_stated(ret: Hop, hops: list[Hop], home: frozenset[str], away: frozenset[str]) -> bool:
    """Another statement already has the person go from home to away."""
    return any(o.from_org in home and o.to_org in away for o in hops if o is not ret)


def _leg_before_return(ret: Hop, departure: Hop) -> Hop:
    """home -> away, dated by the departure; its origin only inferred."""
    return replace(
        ret,
        from_org=ret.to_org,
        to_org=ret.from_org,
        date=departure.date,
        date_explicit=True,
        role=None,
        returning=False,
        chained=False,
        from_weak=True,
    )


_PERSON_PASSES: tuple[_Pass, ...] = (
    _drop_misread_joins,
    _join_departures,
    _dedupe,
    _chain,
    _described_origin,
    _return_origin,
    _earlier_legs,
)


# -- article-wide passes -----------------------------------------------------


def _companion_origin(hops: list[Hop], article: _Article) -> list[Hop]:
    """ "X joined Foo along with Y": Y left where X left, when nothing else
    says.  In place and in order, so a companion's companion follows."""
    for i, h in enumerate(hops):
        if h.companion_of and h.from_org is None and h.to_org is not None:
            lead_origin = _origin_of_lead(h, hops, article.gaz.family(h.to_org))
            if lead_origin:
                hops[i] = replace(h, from_org=lead_origin, from_weak=True)
    return hops


def _origin_of_lead(
    companion: Hop, hops: list[Hop], destination_family: frozenset[str]
) -> str | None:
    """Where the person `companion` moved along with left from, for a move to
    the same family."""
    return next(
        (
            o.from_org
            for o in hops
            if o.person == companion.companion_of
            and o.from_org
            and o.to_org
            and o.to_org in destination_family
        ),
        None,
    )


def _in_text_order(hops: list[Hop], article: _Article) -> list[Hop]:
    hops.sort(key=lambda h: h.pos)
    return hops


_ARTICLE_PASSES: tuple[_Pass, ...] = (_companion_origin, _in_text_order)


_CONFIDENCE = {Modality.STATED: 0.8, Modality.REPORTED: 0.7}
_OTHER_CONFIDENCE = 0.3  # rumoured, denied, ...: kept as data, low
_NO_ORIGIN_PENALTY = 0.1


def to_facts(hops: list[Hop]) -> list[MoveFact]:
    return [_fact(h) for h in hops]


def _fact(h: Hop) -> MoveFact:
    conf = _CONFIDENCE.get(h.modality, _OTHER_CONFIDENCE)
    if h.from_org is None and h.to_org is not None:
        conf -= _NO_ORIGIN_PENALTY
    return MoveFact(
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
