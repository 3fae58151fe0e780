"""Chinese time expressions: 12日, 8月12日, 12日至13日, 本月6日以来, 5月份以来, 今年, 当地时间12日, 同一天, 最近几天."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from sitroom.time.model import (TimeExpr, day_in_context, infer_year, month_range, month_third, weekday_after,
                                weekday_before, weekday_on_or_after, year_part)
from sitroom.time.numerals import arabic_dates

_D = r"(\d{1,2})"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ymd_range", re.compile(rf"(\d{{4}})年{_D}月{_D}日(?:至|到|-|—|~){_D}日")),
    ("ymd", re.compile(rf"(\d{{4}})年{_D}月{_D}[日号]")),
    ("md_range", re.compile(rf"{_D}月{_D}日(?:至|到|-|—|~)(?:{_D}月)?{_D}日")),
    ("md_since", re.compile(rf"(?:自|从)?{_D}月{_D}日(?:以来|起)")),
    ("md", re.compile(rf"(?:当地时间)?{_D}月{_D}[日号](?:晚间?|凌晨|上午|下午|早上|晚上|中午)?")),
    ("ym", re.compile(r"(\d{4})年(\d{1,2})月(?:份)?")),
    ("m_since", re.compile(rf"(?:自|从)?(?:今年)?{_D}月(?:份)?(?:以来|起|初以来)")),
    ("d_range", re.compile(rf"(?:本月)?{_D}日?(?:至|到|-|—|~){_D}日")),
    ("d_since", re.compile(rf"(?:自|从)?(?:本月)?{_D}日(?:以来|起)")),
    ("d", re.compile(rf"(?:当地时间|本月)?{_D}[日号](?:晚间?|凌晨|上午|下午|早上|晚上|中午|早些时候)?(?!电|讯)")),
    ("year_anaphor_m", re.compile(rf"(同年|次年|翌年|第二年)(?:的)?{_D}月(?:份)?")),
    ("year_anaphor", re.compile(r"(同年|次年|翌年)")),
    ("y", re.compile(r"(\d{4})年(?:以来)?")),
    ("m", re.compile(rf"(?:今年)?{_D}月(?:份|间)?")),
    ("weekday", re.compile(r"(?:本|上|这|下)?(?:周|星期|礼拜)([一二三四五六日天])")),
    ("past_n", re.compile(r"(?:过去|最近|近|这)(\d+|[一二两三四五六七八九十]+)(天|日|周|星期|个月)(?:里|内|来|以来)?")),
    ("n_ago", re.compile(r"(\d+|[一二两三四五六七八九十]+)(天|周|个月)(?:以)?前")),
]
# 将 "will" (将于14日), not the 将 of a rank (准将, 少将: brigadier, major general) or a general (大将)
_WILL_RE = r"(?<![准少中上大主名武老猛悍良败副])将"
_WILL = re.compile(_WILL_RE)
_FUTURE_BEFORE = re.compile(rf"(?:{_WILL_RE}|定于|预定|计划|拟于|准备)[^，。；]{{0,4}}$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个月": 30}


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_DIGITS.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _CN_DIGITS.get(text[0], 1) * 10
    return _CN_DIGITS.get(text, 0)
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@lru_cache(maxsize=1)
def _relative() -> list[tuple[str, str, int, int]]:
    text = resources.files("sitroom.time").joinpath("data/zh_relative.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, kind, a, b = line.split("\t")
            rows.append((word, kind, int(a), int(b)))
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def _relative_expr(word: str, kind: str, a: int, b: int, ref: date, start: int) -> TimeExpr:
    end = start + len(word)
    if kind == "week":
        ds, de, prec, kind = ref - timedelta(days=ref.weekday()), ref, "range", "range"
    elif kind == "lastweek":
        monday = ref - timedelta(days=ref.weekday() + 7)
        ds, de, prec, kind = monday, monday + timedelta(days=6), "range", "range"
    elif kind == "weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)  # the last Saturday, or today's
        ds, de, prec, kind = saturday, min(saturday + timedelta(days=1), ref), "range", "range"
    elif kind == "lastmonthend":
        first = ref.replace(day=1)
        last = first - timedelta(days=1)
        ds, de, prec, kind = last.replace(day=max(1, last.day - 10)), last, "range", "range"
    elif kind == "restofmonth":
        _, last = month_range(ref.year, ref.month)
        ds, de, prec, kind = min(ref + timedelta(days=1), last), last, "range", "future"
    elif kind in ("month", "lastmonth"):
        y, m = ref.year, ref.month
        if kind == "lastmonth":
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        ds, de = month_range(y, m)
        de = min(de, ref)
        prec, kind = "month", "point"
    elif kind in ("year", "lastyear"):
        y = ref.year - (kind == "lastyear")
        ds, de = date(y, 1, 1), min(date(y, 12, 31), ref)
        prec, kind = "year", "point"
    else:
        ds, de = ref + timedelta(days=a), ref + timedelta(days=b)
        prec = "day" if a == b else "range"
    return TimeExpr(start, end, word, ds, de, prec, kind, shift_days=a if kind == "anaphor" else 0,
                    shift_days_end=b if kind == "anaphor" and b != a else None)


def find_times(text: str, ref: date | None) -> list[TimeExpr]:
    """All time expressions in a (simplified) Chinese sentence, resolved against ``ref``; non-overlapping.
    Dates in Chinese numerals (二十八日) are read as digits; offsets stay those of ``text``."""
    if ref is None:
        return []
    digits, back = arabic_dates(text)
    found = _find_times(digits, ref)
    if digits is text:
        return found
    return [replace(e, start=back[e.start], end=back[e.end], text=text[back[e.start]:back[e.end]]) for e in found]


def _find_times(text: str, ref: date) -> list[TimeExpr]:
    found: list[TimeExpr] = []
    taken = [False] * len(text)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(expr: TimeExpr | None) -> None:
        if expr is not None and free(expr.start, expr.end):
            found.append(expr)
            for i in range(expr.start, expr.end):
                taken[i] = True

    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if name in ("d", "d_range", "d_since", "m", "m_since") and m.start() > 0 and text[m.start() - 1].isdigit():
                continue
            add(_resolve(name, m, ref))
    for word, kind, a, b in _relative():
        for m in re.finditer(re.escape(word), text):
            add(_relative_expr(word, kind, a, b, ref, m.start()))
    found = [_part_of_year(_part_of_month(e, text, taken), text, taken) for e in found]
    found.sort(key=lambda e: e.start)
    return found


_MONTH_PART = re.compile(r"(?:份)?(上中旬|中下旬|上旬|初|中旬|下旬|底|末)")
_THIRDS = {"上旬": (0, 0), "初": (0, 0), "中旬": (1, 1), "上中旬": (0, 1), "中下旬": (1, 2)}  # else the last third


def _part_of_month(expr: TimeExpr, text: str, taken: list[bool]) -> TimeExpr:
    """1月下旬, 上月中旬, 本月初, 2月中下旬: a month followed by a part of it is that part of the month (a range)."""
    if expr.precision != "month" or expr.date_start is None:
        return expr
    m = _MONTH_PART.match(text, expr.end)
    if not m or any(taken[m.start():m.end()]):
        return expr
    part = m.group(1)
    first, last = _THIRDS.get(part, (2, 2))  # 2月中下旬: from the middle third to the end of the month
    a = month_third(expr.date_start.year, expr.date_start.month, first)[0]
    b = month_third(expr.date_start.year, expr.date_start.month, last)[1]
    if expr.date_end is not None and expr.date_end < b:
        b = max(a, expr.date_end)  # the report's own month: up to its date
    return TimeExpr(expr.start, m.end(), text[expr.start:m.end()], a, b, "range",
                    expr.kind if expr.kind in ("sameyear", "nextyear") else "range")


_YEAR_PART = re.compile(r"(?:年)?(初|底|末|上半年|下半年)|年中")
_ZH_YEAR_PARTS = {"初": "start", "底": "end", "末": "end", "上半年": "first_half", "下半年": "second_half"}


def _part_of_year(expr: TimeExpr, text: str, taken: list[bool]) -> TimeExpr:
    """2016年底, 去年年初, 今年上半年, 同年年底: a year followed by a part of it is that part (a range)."""
    if expr.precision != "year" or expr.date_start is None:
        return expr
    m = _YEAR_PART.match(text, expr.end)
    if not m or any(taken[m.start():m.end()]):
        return expr
    a, b = year_part(expr.date_start.year, _ZH_YEAR_PARTS.get(m.group(1), "mid"))
    if expr.date_end is not None and expr.date_end < b:
        b = max(a, expr.date_end)  # this year: up to the report's date
    return TimeExpr(expr.start, m.end(), text[expr.start:m.end()], a, b, "range",
                    expr.kind if expr.kind in ("sameyear", "nextyear") else "range")


def _before(m: re.Match, n: int) -> str:
    return m.string[max(0, m.start() - n):m.start()]


def _next_month_day(day: int, ref: date) -> date | None:
    """A day of month announced for the future: this month if still ahead, else next month."""
    try:
        candidate = ref.replace(day=day)
        if candidate >= ref:
            return candidate
        return (ref.replace(day=1) + timedelta(days=32)).replace(day=day)
    except ValueError:
        return None


def _resolve(name: str, m: re.Match, ref: date) -> TimeExpr | None:
    g = [int(x) if x and x.isdigit() else x for x in m.groups()]
    s, e, t = m.start(), m.end(), m.group(0)
    try:
        if name == "ymd":
            return TimeExpr(s, e, t, date(g[0], g[1], g[2]), date(g[0], g[1], g[2]), "day")
        if name == "ymd_range":
            return TimeExpr(s, e, t, date(g[0], g[1], g[2]), date(g[0], g[1], g[3]), "range", "range")
        if name == "md":
            d = date(infer_year(g[0], g[1], ref), g[0], g[1])
            return TimeExpr(s, e, t, d, d, "day")
        if name == "md_range":
            y = infer_year(g[0], g[1], ref)
            m2 = g[2] or g[0]
            return TimeExpr(s, e, t, date(y, g[0], g[1]), date(y, m2, g[3]), "range", "range")
        if name == "md_since":
            d = date(infer_year(g[0], g[1], ref), g[0], g[1])
            return TimeExpr(s, e, t, d, ref, "range", "since")
        if name == "ym":
            a, b = month_range(g[0], g[1])
            return TimeExpr(s, e, t, a, b, "month")
        if name == "m_since":
            a, _ = month_range(infer_year(g[0], None, ref), g[0])
            if a > ref:  # 5月以来 always looks back
                a, _ = month_range(a.year - 1, g[0])
            return TimeExpr(s, e, t, a, ref, "range", "since")
        if name == "m":
            if not 1 <= g[0] <= 12:
                return None
            a, b = month_range(infer_year(g[0], None, ref), g[0])
            # a month alone is the whole month (never its 1st), up to the report's date when it runs on
            return TimeExpr(s, e, t, a, min(b, ref) if a <= ref < b else b, "month")
        if name == "d_range":
            a, b = day_in_context(g[0], ref), day_in_context(g[1], ref)
            if a and b and a <= b:
                return TimeExpr(s, e, t, a, b, "range", "range")
            return None
        if name == "d_since":
            a = day_in_context(g[0], ref)
            if a is not None and a < ref and _WILL.search(_before(m, 4)):
                a = _next_month_day(g[0], ref)
            return TimeExpr(s, e, t, a, ref, "range", "since") if a else None
        if name == "d":
            a = day_in_context(g[0], ref)
            if a is not None and a < ref and _WILL.search(_before(m, 4)):
                a = _next_month_day(g[0], ref)
            return TimeExpr(s, e, t, a, a, "day") if a else None
        if name in ("year_anaphor_m", "year_anaphor"):
            # 同年8月, 次年: the year is settled from the report's written years (time.carry_years)
            kind = "sameyear" if g[0] == "同年" else "nextyear"
            if name == "year_anaphor":
                return TimeExpr(s, e, t, date(ref.year, 1, 1), date(ref.year, 12, 31), "year", kind)
            if not 1 <= g[1] <= 12:
                return None
            a, b = month_range(ref.year, g[1])
            return TimeExpr(s, e, t, a, b, "month", kind)
        if name == "y":
            if not 1900 <= g[0] <= ref.year + 1:
                return None
            a, b = date(g[0], 1, 1), date(g[0], 12, 31)
            return TimeExpr(s, e, t, a, min(b, ref) if b > ref >= a else b, "year")
        if name == "past_n":
            n = _small_number(m.group(1)) * _UNIT_DAYS[m.group(2)]
            return TimeExpr(s, e, t, ref - timedelta(days=n), ref, "range", "recent") if n else None
        if name == "n_ago":
            n = _small_number(m.group(1)) * _UNIT_DAYS[m.group(2)]
            d = ref - timedelta(days=n)
            return TimeExpr(s, e, t, d, d, "day" if m.group(2) == "天" else "range") if n else None
        if name == "weekday":
            wd = _WEEKDAY[m.group(1)]
            if _FUTURE_BEFORE.search(_before(m, 6)) or t.startswith("下"):
                # 将于周二召开: the coming Tuesday (today when written on one); 下周二: next week's
                d = weekday_after(ref, wd) if t.startswith("下") else weekday_on_or_after(ref, wd)
                return TimeExpr(s, e, t, d, d, "day", "future")
            d = weekday_before(ref, wd)
            if t.startswith("上"):
                # 上星期六 is the Saturday of the previous calendar week (Monday to Sunday), not the one before the last
                d = ref - timedelta(days=ref.weekday() + 7 - wd)
            return TimeExpr(s, e, t, d, d, "day")
    except ValueError:
        return None
    return None
