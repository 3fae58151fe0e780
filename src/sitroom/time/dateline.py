"""Datelines of wire reports: （中央社昆都茲8日綜合外電報導）, 新华社喀布尔8月8日电, KABUL, Aug 13 (Reuters) -."""
from __future__ import annotations

import re
from datetime import date

from sitroom.text.document import Dateline
from sitroom.time.model import day_in_context, infer_year
from sitroom.time.numerals import arabic_dates
from sitroom.time.en import _MONTH_RE, _month

_ZH = re.compile(
    r"^\s*[（(]?\s*(?P<agency>中央社|新华社|新華社|中新社|法新社|路透社|美联社|美聯社|本报|本報)?\s*"
    r"(?P<place>[\u4e00-\u9fff·]{1,12}?)?\s*(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2})日"
    r"(?:綜合外電|综合外电|專電|专电|外電|外电)?\s*(?:電|电|報導|报导|报道|讯|訊)\s*[）)]?")
_EN = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Za-z .'-]{{1,40}}?)(?:,\s*[A-Za-z .'-]{{2,40}})?,\s*(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\s*(?:\((?P<agency>[A-Za-z .]+)\))?\s*[-–—]+\s*")
_ZH_NO_DATE = re.compile(  # （戈马综合电）, （基辅/莫斯科综合讯）, 曼谷 —
    r"^\s*(?:[（(]\s*(?P<agency>中央社|新华社|新華社|中新社|法新社|路透社|美联社|美聯社|本报|本報)?(?P<place>[\u4e00-\u9fff/·]{1,12}?)\s*"
    r"(?:综合|綜合)?(?:专电|專電|电|電|讯|訊|报道|報導)\s*[）)]|(?P<place2>[\u4e00-\u9fff]{2,8})\s*[—–]+\s)")
_EN_CAPS_DASH = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]{1,40}?)(?:,\s*[A-Za-z .'-]{2,40})?\s+(?:[—–]|--)\s+")
_EN_PLACE_ONLY = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*[A-Z][A-Za-z .'-]{1,40})?\s*(?:\((?P<agency>[A-Za-z .]+)\)|\|[^|]{2,40}\|)\s*[-–—]*\s*")


def find_dateline(text: str, published: date | None, language: str) -> Dateline | None:
    """The dateline at the start of the article body (first 300 characters), resolved against ``published``."""
    head = text[:300]
    if language == "zh":
        for m in re.finditer(r"(?m)^.*$", head):
            line, back = arabic_dates(m.group(0))  # （中央社東京二十九日綜合外電報導）
            line_match = _ZH.match(line)
            if line_match:
                return _zh_dateline(line_match, m.start(), published, back)
            bare = _ZH_NO_DATE.match(m.group(0))
            if bare:
                return Dateline(m.start() + bare.start(), m.start() + bare.end(), None,
                                bare["place"] or bare["place2"], bare["agency"])
        return None
    for m in re.finditer(r"(?m)^.*$", head):
        line = m.group(0)
        em = _EN.match(line)
        if em:
            d = None
            if published:
                month, day = _month(em["month"].split()[0]), int(em["day"])
                year = int(em["year"]) if em["year"] else infer_year(month, day, published)
                try:
                    d = date(year, month, day)
                except ValueError:
                    d = None
            return Dateline(m.start() + em.start(), m.start() + em.end(), d, em["place"].strip(), em["agency"])
        pm = _EN_PLACE_ONLY.match(line)
        if pm and pm["place"].isupper() or (pm and "|" in pm.group(0)):
            return Dateline(m.start() + pm.start(), m.start() + pm.end(), None, pm["place"].strip(), pm["agency"])
        caps = _EN_CAPS_DASH.match(line)
        if caps and len(caps["place"].strip()) >= 3:  # GOMA, DRC — (no date, no agency)
            return Dateline(m.start() + caps.start(), m.start() + caps.end(), None, caps["place"].strip(), None)
    return None


def _zh_dateline(m: re.Match, offset: int, published: date | None, back: list[int]) -> Dateline:
    d = None
    if published:
        day = int(m["day"])
        if m["month"]:
            month = int(m["month"])
            try:
                d = date(infer_year(month, day, published), month, day)
            except ValueError:
                d = None
        else:
            d = day_in_context(day, published)
    return Dateline(offset + back[m.start()], offset + back[m.end()], d, m["place"], m["agency"])
