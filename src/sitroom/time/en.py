"""English time expressions: on Thursday, late on Friday, overnight, last week, on Aug. 6, Dec. 8, 2024."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from sitroom.time.model import TimeExpr, infer_year, month_range, month_third, weekday_after, weekday_before, \
    weekday_on_or_after, year_part
from sitroom.time.zh import _relative_expr

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for m in names}
_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD_RE = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:(?:early|late|earlier|later)\s+(?:on\s+)?|(?:on\s+))?"
_PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b{_PART}{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?\b(?!\s+[A-Z][a-z])")),
    ("dmy", re.compile(rf"\b{_PART}(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE}(?:,?\s+(\d{{4}}))?\b")),
    ("partmonth", re.compile(rf"\b(?:(?i:in|since|from)\s+)?(early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+{_MONTH_RE}(?:\s+(\d{{4}}))?\b", re.I)),
    ("my", re.compile(rf"\b(?:in\s+|since\s+)?{_MONTH_RE}\s+(\d{{4}})\b")),
    ("my_relative", re.compile(rf"\b(?:(?i:in|since)\s+)?{_MONTH_RE}\s+((?i:last|this))\s+(?i:year)\b")),
    ("month", re.compile(rf"\b(?i:in|since|during|from)\s+{_MONTH_RE}\b")),
    ("weekday", re.compile(rf"\b(?:((?i:early|late|earlier|later))\s+(?:on\s+)?|(?i:on)\s+|(?i:last)\s+|(?i:next)\s+|(?i:this)\s+)?{_WD_RE}(?:\s+(morning|afternoon|evening|night))?\b")),
    ("partyear", re.compile(r"\b(?:(?i:in|since|by)\s+)?((?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of))[\s-]+((?:19|20)\d{2}|(?i:this|last|that)\s+year)\b")),
    ("same_year", re.compile(r"\b(?i:(?:later|earlier)\s+that\s+year|(?:in\s+)?the\s+same\s+year|(?<=in\s)that\s+year)\b")),
    ("year_range", re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*(\d{2}|(?:19|20)\d{2})\b")),
    ("year", re.compile(r"\b(?:in|since|of|during|by)\s+((?:19|20)\d{2})\b")),
    ("ago", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|ten)\s+(day|week|month)s?\s+ago\b", re.I)),
]
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|is\s+due\s+to|are\s+due\s+to|(?:is|are|was|were)\s+scheduled\s+to|"
                            r"(?:is|are)\s+to|(?:is|are)\s+expected\s+to|plans?\s+to|set\s+to|scheduled\s+(?:an?|the))\b(?:\s+\S+){0,9}\s*$", re.I)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@lru_cache(maxsize=1)
def _relative() -> list[tuple[re.Pattern, str, str, int, int]]:
    text = resources.files("sitroom.time").joinpath("data/en_relative.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, kind, a, b = line.split("\t")
            rows.append((re.compile(rf"\b{re.escape(word)}\b", re.I), word, kind, int(a), int(b)))
    rows.sort(key=lambda r: -len(r[1]))
    return rows


def find_times(text: str, ref: date | None) -> list[TimeExpr]:
    """All time expressions in an English sentence, resolved against ``ref``; non-overlapping."""
    if ref is None:
        return []
    found: list[TimeExpr] = []
    taken = [False] * len(text)

    def add(expr: TimeExpr | None) -> None:
        if expr is not None and not any(taken[expr.start:expr.end]):
            found.append(expr)
            for i in range(expr.start, expr.end):
                taken[i] = True

    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            expr = _resolve(name, m, ref)
            if expr is not None and expr.kind == "since" and _WHEN_CLAUSE.match(text, expr.end):
                expr = _when_itself(name, pattern, text, m, ref) or expr
            add(expr)
    for pattern, word, kind, a, b in _relative():
        for m in pattern.finditer(text):
            expr = _relative_expr(word, kind, a, b, ref, m.start())
            add(replace(expr, start=m.start(), end=m.end(), text=m.group(0)))
    found.sort(key=lambda e: e.start)
    return found


# "since December 2016, when government troops retook ...": the clause says what happened then, on that date
_WHEN_CLAUSE = re.compile(r",?\s+when\b")


def _when_itself(name: str, pattern: re.Pattern, text: str, m: re.Match, ref: date) -> TimeExpr | None:
    """The date a "since X, when ..." names, read as "in X": X itself, not the range from X to the report."""
    head = m.group(0)[:5]
    if head.lower() != "since":
        return None
    as_in = text[:m.start()] + "in   " + text[m.start() + 5:]  # same length: offsets stay those of ``text``
    again = pattern.match(as_in, m.start())
    expr = _resolve(name, again, ref) if again else None
    return replace(expr, text=m.group(0)) if expr is not None else None


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower().rstrip(".")[:3]]


def _resolve(name: str, m: re.Match, ref: date) -> TimeExpr | None:
    s, e, t = m.start(), m.end(), m.group(0)
    try:
        if name == "iso":
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return TimeExpr(s, e, t, d, d, "day")
        if name == "mdy":
            month, day = _month(m[1]), int(m[2])
            year = int(m[4]) if m[4] else infer_year(month, day, ref)
            a = date(year, month, day)
            if m[3]:
                return TimeExpr(s, e, t, a, date(year, month, int(m[3])), "range", "range")
            return TimeExpr(s, e, t, a, a, "day")
        if name == "dmy":
            day, month = int(m[1]), _month(m[2])
            year = int(m[3]) if m[3] else infer_year(month, day, ref)
            a = date(year, month, day)
            return TimeExpr(s, e, t, a, a, "day")
        if name == "partmonth":
            month = _month(m[2])
            year = int(m[3]) if m[3] else infer_year(month, None, ref)
            since = t.lower().startswith(("since", "from"))
            if since and not m[3] and date(year, month, 1) > ref:
                year -= 1  # "since early March" always looks back
            part = m[1].lower()
            a, b = month_third(year, month, 0 if part in ("early", "the beginning of") else 1 if part == "mid" else 2)
            if since:
                return TimeExpr(s, e, t, a, ref, "range", "since")
            return TimeExpr(s, e, t, a, min(b, ref) if a <= ref < b else b, "range", "range")
        if name == "my":
            a, b = month_range(int(m[2]), _month(m[1]))
            if t.lower().startswith("since"):
                return TimeExpr(s, e, t, a, ref, "range", "since")
            return TimeExpr(s, e, t, a, b, "month")
        if name == "my_relative":
            # "in May last year", "since March this year": that month of the year named
            a, b = month_range(ref.year - (m[2].lower() == "last"), _month(m[1]))
            if t.lower().startswith("since"):
                return TimeExpr(s, e, t, a, ref, "range", "since")
            return TimeExpr(s, e, t, a, min(b, ref) if a <= ref < b else b, "month")
        if name == "month":
            month = _month(m[1])
            a, b = month_range(infer_year(month, None, ref), month)
            if t.lower().startswith(("since", "from")):
                if a > ref:  # "since April" always looks back
                    a, b = month_range(a.year - 1, month)
                return TimeExpr(s, e, t, a, ref, "range", "since")
            # a month alone is the whole month (never its 1st), up to the report's date
            return TimeExpr(s, e, t, a, min(b, ref) if a <= ref < b else b, "month")
        if name == "weekday":
            wd = _WEEKDAYS.index(m[2].lower())
            if _FUTURE_BEFORE.search(m.string[max(0, s - 70):s]) or t.lower().startswith("next"):
                # "will visit Gaza on Tuesday": the coming Tuesday (today when written on one); "next Tuesday"
                d = weekday_after(ref, wd) if t.lower().startswith("next") else weekday_on_or_after(ref, wd)
                return TimeExpr(s, e, t, d, d, "day", "future")
            d = weekday_before(ref, wd)
            if t.lower().startswith("last") and (d == ref or d.weekday() < ref.weekday()):
                # "last Tuesday" written on a Wednesday: the previous week's (this week's would be "on Tuesday"),
                # as 上星期二; "last Sunday" written on a Monday is yesterday, already last week
                d -= timedelta(days=7)
            return TimeExpr(s, e, t, d, d, "day")
        if name == "partyear":
            part = re.sub(r"\s+", " ", m[1].lower())
            part = {"the end of": "end", "the beginning of": "start", "the start of": "start",
                    "the first half of": "first_half", "the second half of": "second_half"}.get(part, part)
            which = m[2].lower()
            y = int(which) if which[:1].isdigit() else ref.year - (which.startswith("last"))
            if y > ref.year + 1:
                return None
            a, b = year_part(y, part)
            if a > ref and not which[:1].isdigit():
                return None
            kind = "sameyear" if which.startswith("that") else "range"
            if t.lower().startswith("since"):
                return TimeExpr(s, e, t, a, ref, "range", "since")
            return TimeExpr(s, e, t, a, min(b, ref) if a <= ref < b else b, "range", kind)
        if name == "same_year":
            return TimeExpr(s, e, t, date(ref.year, 1, 1), date(ref.year, 12, 31), "year", "sameyear")
        if name == "year_range":
            y1 = int(m[1])
            y2 = int(m[2]) if len(m[2]) == 4 else (y1 // 100) * 100 + int(m[2])
            if not y1 <= y2 <= ref.year + 1:
                return None
            return TimeExpr(s, e, t, date(y1, 1, 1), date(y2, 12, 31), "range", "range")
        if name == "year":
            y = int(m[1])
            if y > ref.year + 1:
                return None
            return TimeExpr(s, e, t, date(y, 1, 1), date(y, 12, 31), "year")
        if name == "ago":
            n = int(m[1]) if m[1].isdigit() else _SMALL[m[1].lower()]
            days = n * {"day": 1, "week": 7, "month": 30}[m[2].lower()]
            d = ref - timedelta(days=days)
            return TimeExpr(s, e, t, d, d, "day" if m[2].lower() == "day" else "range")
    except (ValueError, KeyError):
        return None
    return None
