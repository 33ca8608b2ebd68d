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
from dataclasses import dataclass

from .lang import LanguagePack
from .prefilter import FastRegex
from .types import FuzzyDate

_NUMERIC_AFTER = re.compile(r"\s*\(\d")  # "Rabu (7/5/2025)"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    date: FuzzyDate


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def find_dates(
    text: str, pack: LanguagePack, published: dt.date | None, base: int = 0
) -> list[DateMention]:
    d = pack.dates
    assert d is not None
    low = text.lower()
    fast = d.anchor is not None and len(low) == len(text)
    hits = d.anchor.hits(low) if fast and d.anchor is not None else []

    # Each anchor hit, bucketed once by the literal it found.
    by_lit: dict[str, list[int]] = {}
    for pos, lit in hits:
        by_lit.setdefault(lit, []).append(pos)

    def scan(rx: FastRegex) -> list[re.Match[str]]:
        """Matches of rx, looked for only around its own required literals."""
        if not fast or rx.low is None:
            return list(rx.full.finditer(text))
        where = sorted(
            (pos, len(lit)) for lit in rx.literals & by_lit.keys() for pos in by_lit[lit]
        )
        spans: list[list[int]] = []
        for pos, n in where:
            a, b = max(0, pos - 40), min(len(low), pos + n + 60)
            if spans and a <= spans[-1][1]:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        out: list[re.Match[str]] = []
        for a, b in spans:
            for m in rx.low.finditer(low, a, b):
                if rx.left and m.start() > 0 and rx.left.match(low, m.start() - 1):
                    continue
                if b < len(low) and m.end() == b:
                    m2 = rx.low.match(low, m.start())
                    if m2 is None:
                        continue
                    m = m2
                if not out or m.start() >= out[-1].end():
                    out.append(m)
        return out

    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, fd: FuzzyDate | None) -> None:
        if fd is None or any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        out.append(DateMention(base + s, base + e, fd))

    def month_of(word: str) -> int:
        return d.months[word.lower().rstrip(".")]

    for m in scan(d.numeric):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        day, mon = (a, b) if pack.numeric_dmy else (b, a)
        if 1 <= mon <= 12 and 1 <= day <= 31:
            add(m.start(), m.end(), FuzzyDate(y, mon, day))
    for rx in (d.day_month_year, d.month_day_year):
        for m in scan(rx):
            day = int(m.group("day"))
            if 1 <= day <= 31:
                add(
                    m.start(),
                    m.end(),
                    FuzzyDate(int(m.group("year")), month_of(m.group("month")), day),
                )
    for m in scan(d.month_year):
        add(m.start(), m.end(), FuzzyDate(int(m.group("year")), month_of(m.group("month"))))
    if published is not None:
        py, pm = published.year, published.month
        for rx in (d.month_day, d.day_month):
            for m in scan(rx):
                mon = month_of(m.group("month"))
                day = int(m.group("day"))
                if 1 <= day <= 31:
                    y = py if (mon, day) <= (pm, published.day) else py - 1
                    add(m.start(), m.end(), FuzzyDate(y, mon, day))
        for m in scan(d.month_prev_year):
            add(m.start(), m.end(), FuzzyDate(py - 1, month_of(m.group("month"))))
        for rx, unit, off in d.relative:
            for m in scan(rx):
                add(m.start(), m.end(), _relative(published, unit, off))
        for m in scan(d.month_last):
            mon = month_of(m.group("month"))
            add(m.start(), m.end(), FuzzyDate(py if mon < pm else py - 1, mon))
        for m in scan(d.month_bare):
            mon = month_of(m.group("month"))
            s = m.start("month")
            add(s, m.end(), FuzzyDate(py if mon <= pm else py - 1, mon))
        for m in scan(d.weekday):
            if _NUMERIC_AFTER.match(text, m.end()):
                continue  # "Rabu (7/5/2025)": the numeric date says it all
            wd = d.weekdays[m.group("weekday").lower()]
            back = (published.weekday() - wd) % 7
            day = published - dt.timedelta(days=back)
            add(m.start("weekday"), m.end(), FuzzyDate(day.year, day.month, day.day))
    for m in scan(d.year):
        add(m.start("year"), m.end(), FuzzyDate(int(m.group("year"))))
    out.sort(key=lambda x: x.start)
    return out


def _relative(published: dt.date, unit: str, off: int) -> FuzzyDate | None:
    if unit == "day":
        day = published + dt.timedelta(days=off)
        return FuzzyDate(day.year, day.month, day.day)
    if unit == "week":
        day = published + dt.timedelta(days=7 * off)
        return FuzzyDate(day.year, day.month)
    if unit == "month":
        y, m = _shift_month(published.year, published.month, off)
        return FuzzyDate(y, m)
    if unit == "year":
        return FuzzyDate(published.year + off)
    if unit == "season":  # "last summer": the year it fell in
        return FuzzyDate(published.year + off if published.month < 9 else published.year)
    return None
