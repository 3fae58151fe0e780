"""Places stage: gazetteer lookups, place mentions in sentences, disambiguation by country in context."""
from __future__ import annotations

import re
from collections import Counter

from sitroom.places.gazetteer import Gazetteer, gazetteer
from sitroom.places.model import Place, PlaceMention
from sitroom.places.recognize import (context_countries, disambiguate, find_places_en, find_places_zh, fuzzy_places_zh,
                                      glossed_names, repeated_glossed_names, unlocated_town_names, unnamed_capitals)
from sitroom.text.document import Document, Sentence


def find_places(doc: Document, gaz: Gazetteer | None = None) -> Counter:
    """Fill ``sentence.places`` for every sentence; return the countries in context with their weights."""
    gaz = gaz or gazetteer()
    finder = find_places_zh if doc.language == "zh" else find_places_en
    everything = []
    for s in doc.sentences:
        s.places = finder(s.text, gaz) if s.kind != "boilerplate" else []
        s.places = _outside_dateline(doc, s, s.places)
        everything.extend(s.places)
    if doc.language == "zh":
        glossed = glossed_names(everything)
        for s in doc.sentences:
            if glossed and s.kind != "boilerplate":
                again = repeated_glossed_names(s.text, glossed, s.places)
                if again:
                    s.places = sorted(s.places + again, key=lambda p: p.start)
                    everything.extend(again)
    extra = []
    if doc.dateline and doc.dateline.place_text:
        hits = gaz.lookup_zh(doc.dateline.place_text) if doc.language == "zh" else gaz.lookup_en(doc.dateline.place_text)
        extra = [p.country_code for p in hits[:1]]
    context = context_countries(everything, extra)
    if doc.language == "zh" and context:
        top = frozenset(code for code, _ in context.most_common(2))
        main = context.most_common(1)[0][0]
        for s in doc.sentences:
            if s.kind != "boilerplate":
                found = fuzzy_places_zh(s.text, s.places, gaz, top, main)
                if found:
                    s.places = sorted(s.places + found, key=lambda p: p.start)
    if doc.language == "zh":
        for s in doc.sentences:
            # 美国人的家属, 阿富汗人, 英国舰队, 美国军舰: a people, its members or its forces, not the country as a place
            s.places = [p for p in s.places if not _river_bank(s.text, p)
                        and not (p.place is not None and p.place.kind == "country" and _ZH_PEOPLE_OR_FORCE.match(s.text, p.end))]
    if doc.language == "zh" and context:
        glued = {id(p) for s in doc.sentences for p in s.places if _glued(s.text, p, gaz)}
        clean = context_countries([p for p in everything if id(p) not in glued], extra) or context
        top3 = {code for code, _ in clean.most_common(3)}
        for s in doc.sentences:
            s.places = [p for p in s.places if id(p) not in glued or any(c.country_code in top3 for c in p.candidates)]
            s.places = [p for p in s.places if not _inside_a_longer_town_name(s.text, p, s.places, gaz)]
    for s in doc.sentences:
        disambiguate(s.places, context)
    main = context.most_common(1)[0][0] if context else None
    for s in doc.sentences:
        if s.kind != "boilerplate":
            capitals = unnamed_capitals(s.text, s.places, gaz, doc.language, main)
            if capitals:
                covered = [(c.start, c.end) for c in capitals]
                s.places = sorted([p for p in s.places if not any(a <= p.start and p.end <= b for a, b in covered)]
                                  + capitals, key=lambda p: p.start)
    towns: dict[str, Place] = {}
    for s in doc.sentences:
        if s.kind != "boilerplate":
            found = _outside_dateline(doc, s, _unlocated_towns(s.text, s.places, doc.language, main))
            if found:
                kept = [p for p in s.places if not any(t.start <= p.start and p.end <= t.end for t in found)]
                s.places = sorted(kept + found, key=lambda p: p.start)
                for m in found:
                    towns.setdefault(re.split(r"[（(]", m.text)[0].strip(), m.candidates[0])
    if towns:
        for s in doc.sentences:
            if s.kind != "boilerplate":
                again = _named_again(s.text, towns, s.places, doc.language)
                if again:
                    s.places = sorted(s.places + again, key=lambda p: p.start)
    return context


def _outside_dateline(doc: Document, s: Sentence, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions not inside the dateline: it names where the report was filed, not where events happened."""
    dl = doc.dateline
    if dl is None or not s.start <= dl.start < s.end:
        return mentions
    return [p for p in mentions if not (dl.start <= s.span(p.start, p.end)[0] < dl.end)]


def _named_again(text: str, towns: dict[str, Place], known: list[PlaceMention], language: str) -> list[PlaceMention]:
    """Later bare mentions of a town the report introduced as one (Masiaka after "the town of Masiaka")."""
    out = []
    for name, town in towns.items():
        edge = "" if language == "zh" else r"\b"
        for m in re.finditer(rf"{edge}{re.escape(name)}{edge}", text):
            if not any(k.start < m.end() and m.start() < k.end for k in known + out):
                out.append(PlaceMention(m.start(), m.end(), name, [town], "city"))
    return out


def _unlocated_towns(text: str, places: list[PlaceMention], language: str, main: str | None) -> list[PlaceMention]:
    """Towns named as towns but absent from every gazetteer: kept under their Latin name, without
    coordinates, in the province written just before them (庫斯克州格盧什科沃區) or else the report's country."""
    out = []
    for start, end, name in unlocated_town_names(text, places, language):
        before = [p for p in places if p.end <= start and p.place is not None]
        owner = before[-1].place if before and text[before[-1].end:start] in ("", "的") else None
        if owner is not None and owner.kind in ("admin1", "country"):
            code, admin1 = owner.country_code, owner.name if owner.kind == "admin1" else None
        elif main:
            code, admin1 = main, None
        else:
            continue
        town = Place(name, "city", code, admin1=admin1, source="unlocated")
        out.append(PlaceMention(start, end, text[start:end], [town], "city"))
    return out


_ZH_PEOPLE_OR_FORCE = re.compile(r"人|舰队|军舰|舰艇|战舰|舰船|部队|军队|士兵|官兵|军人|战机|军机|飞机|直升机|无人机|特混舰队")

_ZH_BEFORE_PLACE = set("都府会港岛湾东西南北中在于至到从向对和与及、的了往赴近经由或部国省州市城区县镇村边境内外占领夺克入进抵离逃撤炸袭击称说自朝距为是将已又再同跟开出过守围")


def _glued(text: str, p: PlaceMention, gaz: Gazetteer) -> bool:
    """A two-character name glued inside a longer unknown transliteration (巴尔 in 阿丹亚巴尔镇, 霍伊 in
    阿奇霍伊-马尔坦, 甘塔 in 甘塔拉叻县): kept only when it names a town of a country the report is about."""
    if len(p.text.rstrip("省市州镇县村城区")) != 2:
        return False
    before = text[p.start - 1:p.start] if p.start > 0 else ""
    after = text[p.end:p.end + 1]
    glued_before = bool(before) and "\u4e00" <= before <= "\u9fff" and before not in _ZH_BEFORE_PLACE
    rest = re.match(r"([\u4e00-\u9fff]{1,4}?)[县镇村乡府]", text[p.end:]) if p.text[-1:] not in "省市州镇县村城区" else None
    glued_after = rest is not None and all(c in gaz.transliteration_chars and c not in _ZH_BEFORE_PLACE
                                           for c in rest.group(1))
    return glued_before or glued_after or after in ("-", "－", "‐", "·")


def _river_bank(text: str, p: PlaceMention) -> bool:
    """奇穷河南岸, 汉江北岸: a river's bank, not the province (河南, 江北) its last character and the
    direction spell."""
    return p.text[:1] in "河江湖" and text[p.end:p.end + 1] in ("岸", "畔") and p.start > 0


def _inside_a_longer_town_name(text: str, p: PlaceMention, places: list[PlaceMention], gaz: Gazetteer) -> bool:
    """霍韦伊泽镇, 阿奇霍伊马尔坦镇: a known name (伊泽, 霍伊马) inside a longer unknown one that a town word
    closes is not that place. A name right after another place (叙利亚阿勒颇市) is not inside one."""
    before = text[max(0, p.start - 2):p.start]
    if len(before) < 2 or not all(c in gaz.transliteration_chars and c not in _ZH_BEFORE_PLACE for c in before):
        return False
    if any(q.end == p.start for q in places) or p.text[-1:] in "省州":
        return False
    rest = re.match(r"[\u4e00-\u9fff]{0,4}?[镇村县乡]", text[p.end - (1 if p.text[-1:] in "镇村县乡" else 0):])
    return bool(rest) and not any(c in _ZH_BEFORE_PLACE for c in rest.group(0)[:-1])


__all__ = ["Gazetteer", "Place", "PlaceMention", "find_places", "gazetteer"]
