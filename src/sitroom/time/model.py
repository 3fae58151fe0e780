"""Time expressions found in text and the dates they resolve to."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class TimeExpr:
    """A time expression in a sentence view: [start, end) and the date range it means.

    ``kind`` is ``point`` (a day, month or year), ``since`` (from a date up to the
    reference date), ``range`` (two explicit ends), ``recent`` (the last days),
    ``future``, ``anaphor`` (同一天 / the same day / 次日: resolved from an earlier day) or ``sameyear``
    (同年8月, later that year: the year of the last year written before it, see ``carry_years``).
    """

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: str | None  # day | month | year | range
    kind: str = "point"
    shift_days: int = 0  # an anaphor's days after the day it refers to (次日 +1, the day before -1)
    shift_days_end: int | None = None  # a range anaphor's last day after it (几天后, days later: +2 to +7)

    @property
    def is_future(self) -> bool:
        """Whether the expression points after the reference date (未来几天, in the coming days)."""
        return self.kind == "future"


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


_YEAR_PARTS = {"early": (1, 4), "start": (1, 3), "mid": (5, 8), "late": (9, 12), "end": (10, 12),
               "first_half": (1, 6), "second_half": (7, 12)}


def year_part(year: int, part: str) -> tuple[date, date]:
    """A part of a year as a range of whole months: early (Jan–Apr), start (Jan–Mar), mid (May–Aug),
    late (Sep–Dec), end (Oct–Dec), first_half, second_half (late 2016, 2016年底, 去年上半年)."""
    first, last = _YEAR_PARTS[part]
    return date(year, first, 1), month_range(year, last)[1]


def month_third(year: int, month: int, third: int) -> tuple[date, date]:
    """The first (1st–10th), middle (11th–20th) or last (21st–end) third of a month: third = 0, 1 or 2
    (early/mid/late March, 3月上旬/中旬/下旬)."""
    first, last = month_range(year, month)
    if third == 2:
        return first + timedelta(days=20), last
    return first + timedelta(days=10 * third), first + timedelta(days=10 * third + 9)


def infer_year(month: int, day: int | None, ref: date) -> int:
    """The year of a month/day written without one: the latest not more than two months after ``ref``
    (reports look back, and forward only to plans and deadlines)."""
    year = ref.year
    try:
        candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    except ValueError:
        return year
    if candidate > ref + timedelta(days=62):
        year -= 1
    return year


def day_in_context(day: int, ref: date) -> date | None:
    """A bare day of month (12日) read against ``ref``: this month, or last month when it is still ahead."""
    if not 1 <= day <= 31:
        return None
    year, month = ref.year, ref.month
    if day > ref.day + 1:
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def weekday_after(ref: date, weekday: int) -> date:
    """The next ``weekday`` (0 = Monday) after ``ref``: the day a plan is announced for."""
    return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def weekday_on_or_after(ref: date, weekday: int) -> date:
    """The coming ``weekday``, today included: 定于周五晚间召开 written on a Friday is that evening."""
    return ref + timedelta(days=(weekday - ref.weekday()) % 7)


def weekday_before(ref: date, weekday: int) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``ref``."""
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)
