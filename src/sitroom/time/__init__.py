"""Time stage: time expressions resolved against the publication date and the dateline."""
import re
from dataclasses import replace

from sitroom.time.dateline import find_dateline
from sitroom.time.model import TimeExpr


def find_times(text: str, ref, language: str) -> list[TimeExpr]:
    """Time expressions of one sentence view in ``language`` resolved against ``ref``."""
    if language == "zh":
        from sitroom.time import zh
        return zh.find_times(text, ref)
    from sitroom.time import en
    return en.find_times(text, ref)


_WRITTEN_YEAR = re.compile(r"(?:1[89]|20)\d{2}")


def carry_years(sentences) -> None:
    """Give 同年8月, 同年, later that year the year of the last time expression written with a year before it
    in the report (辛贾尔2014年…，同年8月落入伊斯兰国之手), and 次年11月 the year after it; with none, they keep
    the report's year."""
    last_year: int | None = None
    for s in sentences:
        out = []
        for t in s.times or []:
            if t.kind in ("sameyear", "nextyear") and last_year is not None and t.date_start is not None:
                year = last_year + (t.kind == "nextyear")
                try:
                    t = replace(t, date_start=t.date_start.replace(year=year),
                                date_end=t.date_end.replace(year=year) if t.date_end else None, kind="point")
                    last_year = year  # 次年11月…同年: the year just reached
                except ValueError:  # 29 February of a common year
                    t = replace(t, kind="point")
            elif t.kind in ("sameyear", "nextyear"):
                t = replace(t, kind="point")
            if _WRITTEN_YEAR.search(t.text) and t.date_start is not None:
                last_year = t.date_start.year
            out.append(t)
        s.times = out


__all__ = ["TimeExpr", "carry_years", "find_dateline", "find_times"]
