"""Numbers in news text: 35.9万, 约650名, 600多名, 三千五百, about 3,000, more than 600, three battalions, 1.2 million.

cn2an reads Chinese numerals once the numeral is isolated (it raises on 约650名);
approximate (约, about) and lower-bound (多, 超过, more than) readings are flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence view, with its unit when one follows it."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    unit_class: str | None
    approximate: bool = False
    lower_bound: bool = False


_ZH_MIXED = r"(?:\d+(?:\.\d+)?(?:亿|万|千|百))+\d+(?![.\d])|\d+(?:\.\d+)?亿\d+(?:\.\d+)?万|\d+万\d千"  # 10万417, 3万5000, 1亿2000万, 3万5千
_ZH_NUM = rf"(?:{_ZH_MIXED}|\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千万亿]+)(?:\.\d+)?(?:万|亿|千|百)?"
_ZH = re.compile(rf"(?P<pre>约|大约|近|将近|超过|逾|至少|共计|共|多达|达)?(?P<num>{_ZH_NUM})(?P<post>多|余)?(?P<mult>万|亿)?")
_ZH_FUZZY = re.compile(r"(?P<word>数十万|数百万|数万|数千|数百|数十|几十万|几万|几千|几百|上千|上万|成千上万|数以万计|数以千计)")
_EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
             "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "a thousand": 1000,
             "dozen": 12, "a dozen": 12, "half a million": 500000, "a million": 1000000}
_MODEL_DASH = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{0,3}-$")  # B-52, MiG-29, Su-25, S-300, T-72: a model


def _model_before(text: str, start: int) -> bool:
    """Whether a model's letters and dash end right at ``start`` (B-52): only the 5 characters before are read."""
    return _MODEL_DASH.search(text, max(0, start - 5), start) is not None
_EN = re.compile(
    r"(?P<pre>about|around|some|nearly|almost|approximately|roughly|more than|over|at least|up to|fewer than|less than|an estimated)?\s*"
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<mult>million|thousand|hundred|billion))?(?P<post>\s+or\s+more|\s+plus|\+)?", re.I)
_EN_MONTH = r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
_EN_FUZZY = re.compile(r"\b(?P<word>hundreds of thousands|tens of thousands|thousands|hundreds|dozens|millions)\s+of\b", re.I)
_FUZZY_VALUES = {"数十万": None, "数百万": None, "数万": None, "数千": None, "数百": None, "数十": None}


@lru_cache(maxsize=2)
def _units(language: str) -> list[tuple[re.Pattern, str, str]]:
    text = resources.files("sitroom.quantities").joinpath("data/units.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        lang, surface, unit, cls = line.split("\t")
        if lang == language:
            flags = re.I if lang == "en" else 0
            out.append((re.compile(r"\s*(?:" + surface + r")", flags), unit, cls))
    return out


def zh_to_number(numeral: str) -> float | None:
    """A Chinese or Arabic numeral (with 万/亿) as a number: 35.9万 -> 359000, 三千五百 -> 3500."""
    import cn2an

    s = numeral.replace(",", "")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", s):
            return float(s)
        if re.fullmatch(r"(?:\d+(?:\.\d+)?[亿万千百])+\d*", s) and re.search(r"\d[亿万千百]\d", s):
            return _mixed_to_number(s)
        m = re.fullmatch(r"(\d+(?:\.\d+)?)(万|亿|千|百)", s)
        if m:
            return float(m[1]) * {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}[m[2]]
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_PLACE = {"亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}


def _mixed_to_number(s: str) -> float:
    """Arabic digits with Chinese place words: 10万417 -> 100417, 3万5千 -> 35000, 1亿2000万 -> 120000000,
    3万5 -> 35000 (a single trailing digit continues the next lower place, as speech does)."""
    total, section, last = 0.0, 0.0, None
    for num, unit in re.findall(r"(\d+(?:\.\d+)?)([亿万千百]?)", s):
        value = float(num)
        if not unit:
            if last in ("万", "千", "百", "亿") and len(num) == 1:
                value *= _PLACE[last] / 10
            section += value
        elif unit in ("亿", "万"):
            total += (section + value) * _PLACE[unit]
            section = 0.0
        else:
            section += value * _PLACE[unit]
        last = unit or last
    return total + section


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Numbers with their units in a sentence view (years, dates and times excluded)."""
    out: list[Quantity] = []
    if language == "zh":
        for m in _ZH.finditer(text):
            num = m["num"]
            end = m.end()
            after = text[end:end + 2]
            if re.match(r"[年月日号时点分秒岁%％]|周年|个月|小时|公里|天", after) or after.startswith("世纪"):
                continue
            if m.start() > 0 and (text[m.start() - 1] in "第数几" or text[m.start() - 1].isascii() and text[m.start() - 1].isalpha()
                                  or _model_before(text, m.start())):
                continue  # 第82空降师, M23, B-52轰炸机
            if re.fullmatch(r"[一二两三四五六七八九十]", num) and not re.match(r"\s*(个|名|座|架|辆|营|艘)", after):
                continue
            value = zh_to_number(num)
            if value is None:
                continue
            if m["mult"]:
                value *= 1e4 if m["mult"] == "万" else 1e8  # 600多万: more than six million
            unit, cls, uend = _unit(text, end, "zh")
            if unit is None and text[end:end + 1] == "个" and re.search(r"(省会城市|省会|城市|地区)$", text[:m.start()]):
                unit, cls, uend = "places", "place", end + 1
            out.append(Quantity(m.start(), uend, text[m.start():uend], value, unit, cls,
                                approximate=m["pre"] in ("约", "大约", "近", "将近"),
                                lower_bound=bool(m["post"]) or m["pre"] in ("超过", "逾", "至少")))
        for m in _ZH_FUZZY.finditer(text):
            unit, cls, uend = _unit(text, m.end(), "zh")
            out.append(Quantity(m.start(), uend, text[m.start():uend], float("nan"), unit, cls, approximate=True))
    else:
        for m in _EN.finditer(text):
            if not m["num"]:
                continue
            num = m["num"].lower()
            after = text[m.end():m.end() + 12].lower()
            if re.match(r"\s*(?:,\s*)?\d{4}\b", after) and not m["mult"]:
                continue
            if num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100 and not m["mult"]:
                continue
            caps = re.I if text[m.end("num"):m.end("num") + 12].isupper() else 0  # 15 AUGUST in a headline
            if re.search(_EN_MONTH + r"\.?\s+$", text[:m.start("num")], re.I) \
                    or re.match(r"(?:st|nd|rd|th)?\s+" + _EN_MONTH, text[m.end("num"):], caps):
                continue  # a day of the month (Aug. 6, 12 August; not 400 Marines, 5,000 march, 12 may have died)
            if _model_before(text, m.start("num")):
                continue  # B-52 bombers, F-16 jets, S-300 systems: a model's name, not a count
            if re.search(r"\bof\s+(?:the\s+|[A-Z][\w-]*(?:'s|’s)\s+)$", text[:m.start()]):
                continue  # a total after a partitive (more than a dozen of Afghanistan's 34 capitals)
            if re.match(r"\s*(?:am\b|pm\b|a\.m|p\.m|:\d|km\b|kilomet|miles|%|percent|years?\b|days?\b|hours?\b|months?\b|weeks?\b)", after):
                continue
            value = float(num.replace(",", "")) if num[0].isdigit() else float(_EN_WORDS[num])
            if m["mult"]:
                value *= {"million": 1e6, "thousand": 1e3, "hundred": 1e2, "billion": 1e9}[m["mult"].lower()]
            unit, cls, uend = _unit(text, m.end(), "en")
            pre = (m["pre"] or "").lower()
            start = m.start("pre") if m["pre"] else m.start("num")
            out.append(Quantity(start, uend, text[start:uend], value, unit, cls,
                                approximate=pre in ("about", "around", "some", "nearly", "almost", "approximately", "roughly", "an estimated"),
                                lower_bound=pre in ("more than", "over", "at least") or bool(m["post"])))
        for m in _EN_FUZZY.finditer(text):
            unit, cls, uend = _unit(text, m.end(), "en")
            out.append(Quantity(m.start(), uend, text[m.start():uend], float("nan"), unit, cls, approximate=True))
    return _drop_overlaps(out)


def _drop_overlaps(found: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping readings (数十名 over 十名)."""
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    for q in sorted(found, key=lambda q: -(q.end - q.start)):
        if all(q.end <= o.start or q.start >= o.end for o in out):
            out.append(q)
    out.sort(key=lambda q: q.start)
    return out


_EN_PARTITIVE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w-]*(?:'s|’s)\s+)(?:\d+\s+)?")


def _unit(text: str, pos: int, language: str) -> tuple[str | None, str | None, int]:
    """The unit written after a number; in English also through a partitive (a dozen of Afghanistan's 34 capitals)."""
    starts = [pos]
    if language == "en":
        part = _EN_PARTITIVE.match(text, pos)
        if part:
            starts.append(part.end())
    for start in starts:
        for pattern, unit, cls in _units(language):
            m = pattern.match(text, start)
            if m and m.end() > start:
                return unit, cls, m.end()
    return None, None, pos
