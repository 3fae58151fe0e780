"""Dates written in Chinese numerals (二十八日, 十月六日, 一九五〇年): read as Arabic digits, offsets kept.

Older reports and Taiwan/Hong Kong outlets write dates in Chinese numerals. ``arabic_dates`` rewrites the
numbers before 年/月/日/号 as digits and returns, with the rewritten text, where each of its characters came
from in the original, so that time expressions found in the rewritten text keep exact offsets.
"""
from __future__ import annotations

import re

_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=年)")
_SMALL = re.compile(r"(?<![〇○零一二三四五六七八九十百千万萬两第])[一二三四五六七八九十]{1,3}(?=[月日号號])")


def _small(numeral: str) -> int | None:
    """一 … 三十一: a day or month number, else None."""
    if "十" not in numeral:
        return _DIGIT[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    value = (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[units] if units else 0)
    return value if value <= 31 else None


def arabic_dates(text: str) -> tuple[str, list[int]]:
    """``text`` with Chinese-numeral years, months and days as digits, and for each character of the result
    (plus its end) the offset in ``text`` it stands for."""
    pieces: list[tuple[int, int, str]] = []
    for m in _YEAR.finditer(text):
        pieces.append((m.start(), m.end(), "".join(str(_DIGIT[c]) for c in m.group(0))))
    for m in _SMALL.finditer(text):
        value = _small(m.group(0))
        if value is not None and not any(a <= m.start() < b for a, b, _ in pieces):
            pieces.append((m.start(), m.end(), str(value)))
    if not pieces:
        return text, list(range(len(text) + 1))
    out, back, pos = [], [], 0
    for a, b, digits in sorted(pieces):
        out.append(text[pos:a])
        back.extend(range(pos, a))
        out.append(digits)
        back.extend(a + min(k, b - a - 1) for k in range(len(digits)))
        pos = b
    out.append(text[pos:])
    back.extend(range(pos, len(text) + 1))
    return "".join(out), back
