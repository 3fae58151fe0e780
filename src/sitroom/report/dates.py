"""Dates as a reader should see them: exact days as days, vague ones (early March, 2016年底) as the range they
stand for, never as a made-up day."""
from __future__ import annotations

from datetime import date


def date_label(start: str | None, end: str | None, precision: str | None) -> str:
    """Compact label for tables: 2022-03-10, 2022-03, 2022, or 2022-03-01..2022-03-10 for a range."""
    if not start:
        return "?"
    end = end or start
    if precision == "day" or end == start:
        return start
    if precision == "month":
        return start[:7]
    if precision == "year":
        return start[:4]
    return f"{start}..{end}"


def when_phrase(start: str | None, end: str | None, precision: str | None) -> str:
    """The date as it reads in a sentence: on 12 August 2021, in March 2022, in 2016, between 1 and 10 March
    2022, or on an unknown date."""
    if not start:
        return "on an unknown date"
    a = date.fromisoformat(start[:10])
    b = date.fromisoformat((end or start)[:10])
    if precision == "day" or a == b:
        return f"on {a.day} {a.strftime('%B %Y')}"
    if precision == "month":
        return f"in {a.strftime('%B %Y')}"
    if precision == "year":
        return f"in {a.year}"
    if (a.year, a.month) == (b.year, b.month):
        return f"between {a.day} and {b.day} {b.strftime('%B %Y')}"
    if a.year == b.year:
        return f"between {a.day} {a.strftime('%B')} and {b.day} {b.strftime('%B %Y')}"
    return f"between {a.day} {a.strftime('%B %Y')} and {b.day} {b.strftime('%B %Y')}"
