"""Date expressions, resolved against the publication date.

Absolute dates ("July 16, 2025", "Rabu (7/5/2025)", "in 2021") need no anchor;
relative ones ("last July", "earlier this month", "Juli lalu", "pekan lalu",
"on Thursday") are resolved against `published` and dropped without it.
Precision follows the phrase: a week-relative phrase gives a month, "in recent
months" a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .lang import DatePatterns, LanguagePack
from .prefilter import FastRegex
from .types import FuzzyDate

_NUMERIC_AFTER = re.compile(r"\s*\(\d")  # "Rabu (7/5/2025)"
# How far around a required literal a date phrase may reach.
_BEFORE_LITERAL = 40
_AFTER_LITERAL = 60


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    date: FuzzyDate


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


@dataclass(slots=True)
class _Window:
    """Part of the text around required literals, where a pattern may match."""

    start: int
    end: int


class _AnchoredScan:
    """Matches of the pack's date patterns in one text. One scan of the
    lowercased text finds every pattern's required literals; each pattern then
    runs only in windows around its own."""

    def __init__(self, text: str, patterns: DatePatterns) -> None:
        self.text = text
        self.low = text.lower()
        anchor = patterns.anchor
        # Offsets must agree between the text and its lowercase for windows to work.
        self.fast = anchor is not None and len(self.low) == len(text)
        self.positions: dict[str, list[int]] = {}  # literal -> where it was found
        for pos, literal in anchor.hits(self.low) if anchor is not None and self.fast else []:
            self.positions.setdefault(literal, []).append(pos)

    def matches(self, rx: FastRegex) -> list[re.Match[str]]:
        """Non-overlapping matches of `rx`, in text order."""
        if not self.fast or rx.low is None:
            return list(rx.full.finditer(self.text))
        out: list[re.Match[str]] = []
        for window in self._windows(rx):
            for m in rx.low.finditer(self.low, window.start, window.end):
                whole = self._whole_match(rx, m, window)
                if whole is not None and (not out or whole.start() >= out[-1].end()):
                    out.append(whole)
        return out

    def _windows(self, rx: FastRegex) -> list[_Window]:
        """Merged windows around the hits of `rx`'s own literals."""
        hits = sorted(
            (pos, len(literal))
            for literal in rx.literals & self.positions.keys()
            for pos in self.positions[literal]
        )
        windows: list[_Window] = []
        for pos, length in hits:
            start = max(0, pos - _BEFORE_LITERAL)
            end = min(len(self.low), pos + length + _AFTER_LITERAL)
            if windows and start <= windows[-1].end:
                windows[-1].end = end
            else:
                windows.append(_Window(start, end))
        return windows

    def _whole_match(
        self, rx: FastRegex, m: re.Match[str], window: _Window
    ) -> re.Match[str] | None:
        """`m` as the whole text would match it: at a word start, and not cut
        short by the window's end."""
        if rx.left and m.start() > 0 and rx.left.match(self.low, m.start() - 1):
            return None
        if window.end < len(self.low) and m.end() == window.end:
            return rx.low.match(self.low, m.start()) if rx.low is not None else None
        return m


@dataclass(frozen=True, slots=True)
class _DateText:
    """One text being read for dates, with what reading it needs."""

    scan: _AnchoredScan
    patterns: DatePatterns
    numeric_dmy: bool  # "7/5/2025" is 7 May
    published: dt.date | None

    def matches(self, rx: FastRegex) -> list[re.Match[str]]:
        return self.scan.matches(rx)

    def month(self, m: re.Match[str]) -> int:
        return self.patterns.months[m.group("month").lower().rstrip(".")]


_Reader = Callable[[_DateText], Iterator[DateMention]]


def _valid_day(day: int) -> bool:
    return 1 <= day <= 31


# -- readers of absolute dates --------------------------------------------------


def _numeric_dates(t: _DateText) -> Iterator[DateMention]:
    """ "7/5/2025", "16.07.2025": the pack says which number is the day."""
    for m in t.matches(t.patterns.numeric):
        first, second = int(m.group("a")), int(m.group("b"))
        day, month = (first, second) if t.numeric_dmy else (second, first)
        if 1 <= month <= 12 and _valid_day(day):
            yield DateMention(m.start(), m.end(), FuzzyDate(int(m.group("year")), month, day))


def _full_dates(t: _DateText) -> Iterator[DateMention]:
    """ "16 July 2025", "July 16, 2025"."""
    for rx in (t.patterns.day_month_year, t.patterns.month_day_year):
        for m in t.matches(rx):
            day = int(m.group("day"))
            if _valid_day(day):
                date = FuzzyDate(int(m.group("year")), t.month(m), day)
                yield DateMention(m.start(), m.end(), date)


def _month_years(t: _DateText) -> Iterator[DateMention]:
    """ "March 2023"."""
    for m in t.matches(t.patterns.month_year):
        yield DateMention(m.start(), m.end(), FuzzyDate(int(m.group("year")), t.month(m)))


def _years(t: _DateText) -> Iterator[DateMention]:
    """ "in 2021"."""
    for m in t.matches(t.patterns.year):
        yield DateMention(m.start("year"), m.end(), FuzzyDate(int(m.group("year"))))


# -- readers of dates relative to the publication date ---------------------------


def _month_days(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "June 10", "10 Juni" without a year: the latest one up to publication."""
    for rx in (t.patterns.month_day, t.patterns.day_month):
        for m in t.matches(rx):
            month = t.month(m)
            day = int(m.group("day"))
            if _valid_day(day):
                passed = (month, day) <= (published.month, published.day)
                year = published.year if passed else published.year - 1
                yield DateMention(m.start(), m.end(), FuzzyDate(year, month, day))


def _months_of_last_year(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "in March last year"."""
    for m in t.matches(t.patterns.month_prev_year):
        yield DateMention(m.start(), m.end(), FuzzyDate(published.year - 1, t.month(m)))


def _relative_phrases(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "last month", "pekan lalu", "earlier this year": the pack gives each
    phrase's unit and offset."""
    for rx, unit, offset in t.patterns.relative:
        for m in t.matches(rx):
            date = _relative(published, unit, offset)
            if date is not None:
                yield DateMention(m.start(), m.end(), date)


def _last_months(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "last July": the latest July before the publication month."""
    for m in t.matches(t.patterns.month_last):
        month = t.month(m)
        year = published.year if month < published.month else published.year - 1
        yield DateMention(m.start(), m.end(), FuzzyDate(year, month))


def _bare_months(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "in October": the latest October up to the publication month."""
    for m in t.matches(t.patterns.month_bare):
        month = t.month(m)
        year = published.year if month <= published.month else published.year - 1
        yield DateMention(m.start("month"), m.end(), FuzzyDate(year, month))


def _weekdays(t: _DateText, published: dt.date) -> Iterator[DateMention]:
    """ "on Thursday": the latest one up to publication."""
    for m in t.matches(t.patterns.weekday):
        if _NUMERIC_AFTER.match(t.scan.text, m.end()):
            continue  # "Rabu (7/5/2025)": the numeric date says it all
        weekday = t.patterns.weekdays[m.group("weekday").lower()]
        day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
        yield DateMention(m.start("weekday"), m.end(), FuzzyDate(day.year, day.month, day.day))


def _after_publication(
    read: Callable[[_DateText, dt.date], Iterator[DateMention]],
) -> _Reader:
    """A reader of relative dates, which reads none without a publication date."""

    def reader(t: _DateText) -> Iterator[DateMention]:
        return iter(()) if t.published is None else read(t, t.published)

    return reader


# In order of precedence: a phrase read earlier claims its words, so full
# dates come before their parts and a bare year comes last.
_READERS: tuple[_Reader, ...] = (
    _numeric_dates,
    _full_dates,
    _month_years,
    _after_publication(_month_days),
    _after_publication(_months_of_last_year),
    _after_publication(_relative_phrases),
    _after_publication(_last_months),
    _after_publication(_bare_months),
    _after_publication(_weekdays),
    _years,
)


def find_dates(
    text: str, pack: LanguagePack, published: dt.date | None, base: int = 0
) -> list[DateMention]:
    """Date phrases in `text`, offsets shifted by `base`, in text order."""
    patterns = pack.dates
    assert patterns is not None
    t = _DateText(_AnchoredScan(text, patterns), patterns, pack.numeric_dmy, published)
    found: list[DateMention] = []
    for read in _READERS:
        for mention in read(t):
            if not any(mention.start < o.end and o.start < mention.end for o in found):
                found.append(mention)
    found.sort(key=lambda x: x.start)
    if base:
        return [DateMention(m.start + base, m.end + base, m.date) for m in found]
    return found


def _day_shift(published: dt.date, offset: int) -> FuzzyDate:
    day = published + dt.timedelta(days=offset)
    return FuzzyDate(day.year, day.month, day.day)


def _week_shift(published: dt.date, offset: int) -> FuzzyDate:
    day = published + dt.timedelta(days=7 * offset)
    return FuzzyDate(day.year, day.month)  # a week-relative phrase says the month


def _month_shift(published: dt.date, offset: int) -> FuzzyDate:
    year, month = _shift_month(published.year, published.month, offset)
    return FuzzyDate(year, month)


def _year_shift(published: dt.date, offset: int) -> FuzzyDate:
    return FuzzyDate(published.year + offset)


def _season_shift(published: dt.date, offset: int) -> FuzzyDate:
    # "last summer": the year it fell in; by September this year's is over.
    return FuzzyDate(published.year + offset if published.month < 9 else published.year)


# The units a pack's relative phrases are counted in.
_UNIT_SHIFTS: dict[str, Callable[[dt.date, int], FuzzyDate]] = {
    "day": _day_shift,
    "week": _week_shift,
    "month": _month_shift,
    "year": _year_shift,
    "season": _season_shift,
}


def _relative(published: dt.date, unit: str, offset: int) -> FuzzyDate | None:
    shift = _UNIT_SHIFTS.get(unit)
    return shift(published, offset) if shift is not None else None
