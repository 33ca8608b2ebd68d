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
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .lang import DatePatterns, LanguagePack
from .prefilter import FastRegex
from .spans import Claimed
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
    # "in May", "June 10": the text gives no year; the latest one up to
    # publication was assumed (a future statement means the next one).
    year_assumed: bool = False


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


class _DateText:
    """One text being read for dates, with what reading it needs.

    One scan of the lowercased text finds the required literals of every date
    pattern of the pack; each pattern then runs only in windows around its own."""

    __slots__ = (
        "fast",
        "low",
        "number",
        "numeric_dmy",
        "patterns",
        "positions",
        "published",
        "text",
        "windows_by_literals",
    )

    def __init__(self, text: str, pack: LanguagePack, published: dt.date | None) -> None:
        assert pack.dates is not None
        self.text = text
        self.low = text.lower()
        self.patterns: DatePatterns = pack.dates
        self.numeric_dmy = pack.numeric_dmy  # "7/5/2025" is 7 May
        self.number = pack.number  # the pack's number words: "four" -> 4
        self.published = published
        anchor = self.patterns.anchor
        # Offsets must agree between the text and its lowercase for windows to work.
        self.fast = anchor is not None and len(self.low) == len(text)
        self.positions: dict[str, list[int]] = {}  # literal -> where it was found
        self.windows_by_literals: dict[tuple[frozenset[str], int, int], list[range]] = {}
        for pos, literal in anchor.hits(self.low) if anchor is not None and self.fast else []:
            self.positions.setdefault(literal, []).append(pos)

    def month(self, m: re.Match[str]) -> int:
        return self.patterns.months[m.group("month").lower().rstrip(".")]

    def matches(self, rx: FastRegex) -> list[re.Match[str]]:
        """Non-overlapping matches of `rx`, in text order, as the whole text
        would give them."""
        if not self.fast or rx.low is None:
            return list(rx.full.finditer(self.text))
        return self._windowed_matches(rx, rx.low)

    def _windowed_matches(self, rx: FastRegex, low_rx: re.Pattern[str]) -> list[re.Match[str]]:
        low = self.low
        out: list[re.Match[str]] = []
        last_end = -1
        for window in self._windows(rx):
            # At word starts only: a match refused for starting inside a word
            # no longer hides one starting at a word inside it ("xsome 3 years ago").
            for m in rx.word_start_matches(low, window.start, window.stop):
                if window.stop < len(low) and m.end() == window.stop:
                    # The window may have cut the phrase short: match it again.
                    whole = low_rx.match(low, m.start())
                    if whole is None:
                        continue
                    m = whole
                if m.start() >= last_end:
                    out.append(m)
                    last_end = m.end()
        return out

    def _windows(self, rx: FastRegex) -> list[range]:
        """Merged windows around the hits of `rx`'s own literals; patterns with
        the same literals (every month-name pattern) share them."""
        literals = frozenset(rx.literals & self.positions.keys())
        if not literals:
            return []
        # As far as a match of `rx` reaches around its literal, no further.
        key = (literals, min(rx.back, _BEFORE_LITERAL), min(rx.fwd, _AFTER_LITERAL))
        windows = self.windows_by_literals.get(key)
        if windows is None:
            windows = self.windows_by_literals[key] = self._merged_windows(*key)
        return windows

    def _merged_windows(self, literals: frozenset[str], back: int, fwd: int) -> list[range]:
        hits = sorted((pos, len(lit)) for lit in literals for pos in self.positions[lit])
        text_end = len(self.low)
        windows: list[range] = []
        for pos, length in hits:
            start = max(0, pos - back)
            end = min(text_end, pos + length + fwd)
            if windows and start <= windows[-1].stop:
                windows[-1] = range(windows[-1].start, end)
            else:
                windows.append(range(start, end))
        return windows


class _Reading(NamedTuple):
    """A date phrase as one reader read it; kept when no earlier one overlaps.
    (A tuple: readers make many and most are cheap to throw away.)"""

    start: int
    end: int
    date: FuzzyDate
    year_assumed: bool = False


_Reader = Callable[[_DateText], Iterator[_Reading]]


# -- readers of absolute dates --------------------------------------------------


def _numeric_dates(doc: _DateText) -> Iterator[_Reading]:
    """ "7/5/2025", "16.07.2025": the pack says which number is the day."""
    for m in doc.matches(doc.patterns.numeric):
        first, second = int(m.group("a")), int(m.group("b"))
        day, month = (first, second) if doc.numeric_dmy else (second, first)
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield _Reading(m.start(), m.end(), FuzzyDate(int(m.group("year")), month, day))


def _full_dates(doc: _DateText) -> Iterator[_Reading]:
    """ "16 July 2025", "July 16, 2025"."""
    for rx in (doc.patterns.day_month_year, doc.patterns.month_day_year):
        for m in doc.matches(rx):
            day = _day(m)
            if 1 <= day <= 31:
                date = FuzzyDate(int(m.group("year")), doc.month(m), day)
                yield _Reading(m.start(), m.end(), date)


def _day(m: re.Match[str]) -> int:
    """The day of the month a date phrase gives, in figures or as the pack's word
    for the first ("primo", "premier")."""
    return int(m.group("day")) if m.group("day") else 1


def _month_years(doc: _DateText) -> Iterator[_Reading]:
    """ "March 2023"."""
    for m in doc.matches(doc.patterns.month_year):
        yield _Reading(m.start(), m.end(), FuzzyDate(int(m.group("year")), doc.month(m)))


def _years(doc: _DateText) -> Iterator[_Reading]:
    """ "in 2021"."""
    for m in doc.matches(doc.patterns.year):
        yield _Reading(m.start("year"), m.end(), FuzzyDate(int(m.group("year"))))


# -- readers of dates relative to the publication date ---------------------------


def _month_days(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "June 10", "10 Juni" without a year: the latest one up to publication."""
    for rx in (doc.patterns.month_day, doc.patterns.day_month):
        for m in doc.matches(rx):
            month = doc.month(m)
            day = _day(m)
            if 1 <= day <= 31:
                passed = (month, day) <= (published.month, published.day)
                year = published.year if passed else published.year - 1
                yield _Reading(m.start(), m.end(), FuzzyDate(year, month, day), True)


def _months_of_last_year(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "in March last year"."""
    for m in doc.matches(doc.patterns.month_prev_year):
        yield _Reading(m.start(), m.end(), FuzzyDate(published.year - 1, doc.month(m)))


def _months_of_this_year(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "in January this year", "今年1月": the year is said, not assumed."""
    for m in doc.matches(doc.patterns.month_this_year):
        yield _Reading(m.start(), m.end(), FuzzyDate(published.year, doc.month(m)))


def _relative_phrases(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "last month", "pekan lalu", "earlier this year": the pack gives each
    phrase's unit and offset."""
    for rx, unit, offset in doc.patterns.relative:
        for m in doc.matches(rx):
            date = _relative(published, unit, offset)
            if date is not None:
                yield _Reading(m.start(), m.end(), date)


# A count of units larger than this is no count ("2020 years").
_MAX_COUNT = 60


def _counted_phrases(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "four years ago", "vor zwei Monaten": a count of units from
    publication; a phrase with no count ("a year ago") counts one."""
    for rx, unit, direction in doc.patterns.counted:
        for m in doc.matches(rx):
            written = m.groupdict().get("count")
            count = doc.number(written) if written else 1
            if not count or count > _MAX_COUNT:
                continue  # "2020年前" is a year, not two thousand of them
            date = _relative(published, unit, direction * count)
            if date is not None:
                yield _Reading(m.start(), m.end(), date)


def _last_months(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "last July": the latest July before the publication month."""
    for m in doc.matches(doc.patterns.month_last):
        month = doc.month(m)
        year = published.year if month < published.month else published.year - 1
        yield _Reading(m.start(), m.end(), FuzzyDate(year, month))


def _bare_months(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "in October": the latest October up to the publication month."""
    for m in doc.matches(doc.patterns.month_bare):
        month = doc.month(m)
        year = published.year if month <= published.month else published.year - 1
        yield _Reading(m.start("month"), m.end(), FuzzyDate(year, month), True)


def _weekdays(doc: _DateText, published: dt.date) -> Iterator[_Reading]:
    """ "on Thursday": the latest one up to publication."""
    for m in doc.matches(doc.patterns.weekday):
        if _NUMERIC_AFTER.match(doc.text, m.end()):
            continue  # "Rabu (7/5/2025)": the numeric date says it all
        weekday = doc.patterns.weekdays[m.group("weekday").lower()]
        day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
        yield _Reading(m.start("weekday"), m.end(), FuzzyDate(day.year, day.month, day.day))


def _after_publication(
    read: Callable[[_DateText, dt.date], Iterator[_Reading]],
) -> _Reader:
    """A reader of relative dates, which reads none without a publication date."""

    def reader(doc: _DateText) -> Iterator[_Reading]:
        return iter(()) if doc.published is None else read(doc, doc.published)

    return reader


# In order of precedence: a phrase read earlier claims its words, so full
# dates come before their parts and a bare year comes last.
_READERS: tuple[_Reader, ...] = (
    _numeric_dates,
    _full_dates,
    _month_years,
    _after_publication(_month_days),
    _after_publication(_months_of_last_year),
    _after_publication(_months_of_this_year),
    _after_publication(_counted_phrases),
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
    doc = _DateText(text, pack, published)
    kept: list[_Reading] = []
    claimed = Claimed()
    for read in _READERS:
        for reading in read(doc):
            if not claimed.overlaps(reading.start, reading.end):
                kept.append(reading)
                claimed.add(reading.start, reading.end)
    kept.sort(key=lambda k: k.start)
    kept = _with_anaphoric(doc, kept, claimed)
    return [DateMention(base + k.start, base + k.end, k.date, k.year_assumed) for k in kept]


# Any day will do to find where relative phrases stand ("in June"), not to read them.
_STAND_IN_PUBLICATION = dt.date(2000, 1, 1)


def phrase_spans(
    text: str, pack: LanguagePack, published: dt.date | None, found: list[DateMention]
) -> list[tuple[int, int]]:
    """Where the date phrases `found` in `text` stand, and without a publication
    date those that need one to be read too: their words are no names either."""
    if published is None:
        found = find_dates(text, pack, _STAND_IN_PUBLICATION)
    return [(d.start, d.end) for d in found]


def _with_anaphoric(doc: _DateText, kept: list[_Reading], claimed: Claimed) -> list[_Reading]:
    """ "handed Slack in 2023 ... left that year": the year (or month) of the
    closest date phrase before."""
    # Kept phrases never overlap, so sorted by start they are sorted by end too:
    # those ending before an offset are a prefix of them.
    ends = [k.end for k in kept]
    # The index of the last phrase up to each one that says its month (-1: none).
    last_with_month: list[int] = []
    for i, k in enumerate(kept):
        last_with_month.append(
            i if k.date.month is not None else (last_with_month[-1] if i else -1)
        )
    found: list[_Reading] = []
    for rx, unit in doc.patterns.anaphoric:
        for m in doc.matches(rx):
            if claimed.overlaps(m.start(), m.end()):
                continue
            n_before = bisect_right(ends, m.start())
            if n_before == 0:
                continue
            i = last_with_month[n_before - 1] if unit == "month" else n_before - 1
            if i >= 0:
                d = kept[i].date
                date = FuzzyDate(d.year, d.month) if unit == "month" else FuzzyDate(d.year)
                found.append(_Reading(m.start(), m.end(), date))
    return sorted(kept + found, key=lambda k: k.start) if found else kept


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


def _year_end_shift(published: dt.date, offset: int) -> FuzzyDate:
    # "at the end of the year": its last month.
    return FuzzyDate(published.year + offset, 12)


def _season_shift(published: dt.date, offset: int) -> FuzzyDate:
    # "last summer": the year it fell in; by September this year's is over.
    return FuzzyDate(published.year + offset if published.month < 9 else published.year)


# The units a pack's relative phrases are counted in.
_UNIT_SHIFTS: dict[str, Callable[[dt.date, int], FuzzyDate]] = {
    "day": _day_shift,
    "week": _week_shift,
    "month": _month_shift,
    "year": _year_shift,
    "year_end": _year_end_shift,
    "season": _season_shift,
}


def _relative(published: dt.date, unit: str, offset: int) -> FuzzyDate | None:
    shift = _UNIT_SHIFTS.get(unit)
    return shift(published, offset) if shift is not None else None


# -- a year that frames a sentence ----------------------------------------------

# At most this many words before the framing year ("In", "Throughout",
# "Ao longo de", "Pada tahun"): more, and the year is no frame of the sentence.
_FRAME_LEAD_WORDS = 4
_FRAME_LEAD = re.compile(r"[^\W\d_][^\s,;:]*")


def with_frame_years(
    dates: list[DateMention], sentences: Sequence[tuple[int, int]], text: str
) -> list[DateMention]:
    """Bare months and days take the year that opens their sentence.

    "In 2024, X left Google in May": the year set apart at the head of the
    sentence frames all of it, so May is May 2024, not the latest May before
    publication. Only a year alone (no month), within a few words of the
    sentence's start and followed by a comma, frames; "X joined in 2019 and
    left in May" keeps May's assumed year, and so does a month after a
    semicolon. `sentences`: (start, end) in order."""
    out = list(dates)
    for start, end in sentences:
        inside = [i for i, d in enumerate(out) if start <= d.start < end]
        if len(inside) < 2:
            continue
        frame = out[inside[0]]
        if not _frames(frame, text, start):
            continue
        for i in inside[1:]:
            mention = out[i]
            if ";" in text[frame.end : mention.start]:
                break  # another clause: the frame ends with its own
            if mention.year_assumed and mention.date.year != frame.date.year:
                date = replace(mention.date, year=frame.date.year)
                out[i] = replace(mention, date=date, year_assumed=False)
    return out


def _frames(mention: DateMention, text: str, sentence_start: int) -> bool:
    """A year alone, stated, near the sentence's start and set off by a comma."""
    if mention.year_assumed or mention.date.month is not None:
        return False
    lead = text[sentence_start : mention.start]
    if "," in lead or len(_FRAME_LEAD.findall(lead)) > _FRAME_LEAD_WORDS:
        return False
    return text[mention.end : mention.end + 2].lstrip().startswith(",")
