"""Sites: the base, airport or building a capture names.

The seizure of a town's airport and the fall of the town are two events (ACLED codes the taking of a
base apart from the taking of the town), although both are located at the town. A capture keeps the
site its object names ("seized Abidjan's international airport", 夺取了廷巴克图机场), and two captures
at one town are one event only when their sites agree.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from sitroom.events.frames import Window
from sitroom.places.model import PlaceMention
from sitroom.text.document import Sentence

_EN_MODIFIER = r"(?:[A-Z][\w'’.-]*|international|military|main|government|regional|presidential|provincial|" \
               r"naval|air|oil|gas|police|army|central|national|strategic|nearby|local|old|new|key|federal|" \
               r"state|city|town|hilltop|border|river|[\w-]+-(?:era|run|held|built))"
_ZH_GLOSS = re.compile(r"^[（(][^）)]{1,40}[）)]")
_ZH_STOP = r"，。；、和及与并或以\s"
_ZH_GENERIC = re.compile(r"多处|多个|几处|数处|一座|一处|两座|数座|省政府|州政府|市政府|政府|当地|军事|军用|国际|空军|"
                         r"附近|城内|市内|该市|主要|重要|最后|的")
_ZH_VAGUE_OWNER = re.compile(r"^(?:当地|该市|该地|市内|城内|市中心|城中)的")


@lru_cache(maxsize=1)
def _site_classes() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """(class, Chinese pattern, English pattern) rows of ``data/sites.tsv``."""
    text = resources.files("sitroom.events").joinpath("data", "sites.tsv").read_text("utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    return [(cls, re.compile(zh), re.compile(rf"\b(?:{en})\b", re.I)) for cls, zh, en in rows]


@lru_cache(maxsize=2)
def site_pattern(lang: str) -> re.Pattern:
    """Any site noun of a language."""
    parts = [(zh if lang == "zh" else en).pattern for _, zh, en in _site_classes()]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I if lang == "en" else 0)


def site_of(s: Sentence, w: Window, pm: PlaceMention | None, lang: str) -> str | None:
    """The site a capture's object names, as written (机场, 省政府大楼, international airport), or None.

    With a place: the site follows the place in one noun phrase (廷巴克图机场, Gao airport, Abidjan's
    international airport) or the place follows it (the airport of Gao, the base near Kandahar). Without
    a place: the site is the first noun phrase after the verb (captured Paitilla airport, 接管了机场)."""
    pattern = site_pattern(lang)
    if lang == "zh":
        return _site_zh(s, w, pm, pattern)
    return _site_en(s, w, pm, pattern)


def _site_zh(s: Sentence, w: Window, pm: PlaceMention | None, pattern: re.Pattern) -> str | None:
    if pm is not None and pm.start >= w.trig_end:
        after = _ZH_GLOSS.sub("", s.text[pm.end:pm.end + 50])
        m = re.match(rf"的?([^{_ZH_STOP}]{{0,8}}?(?:{pattern.pattern}))", after)
        if m:
            return _ZH_VAGUE_OWNER.sub("", m.group(1))
    # the object right after the verb (在基桑加尼控制了机场, 接管了机场)
    end = min(w.end, w.trig_end + 24, pm.start if pm is not None and pm.start >= w.trig_end else len(s.text))
    m = re.match(rf"了?([^{_ZH_STOP}]{{0,10}}?(?:{pattern.pattern}))", s.text[w.trig_end:end])
    return _ZH_VAGUE_OWNER.sub("", m.group(1)) if m else None


def _site_en(s: Sentence, w: Window, pm: PlaceMention | None, pattern: re.Pattern) -> str | None:
    phrase = rf"((?:{_EN_MODIFIER}\s+){{0,5}}(?:{pattern.pattern}))\b"
    if pm is not None and pm.start >= w.trig_end:
        m = re.match(rf"(?:['’]s)?\s+{phrase}", s.text[pm.end:pm.end + 60])
        if m:
            return m.group(1)
        m = re.search(rf"^\s+(?:(?:the|a|an)\s+)?{phrase}(?:\s+of\s+[^,;]{{0,40}}?)?\s+(?:of|in|near|outside|at|on)\s+"
                      r"(?:the\s+(?:town|city|village)\s+of\s+)?$",
                      s.text[w.trig_end:pm.start])
        if m:
            return m.group(1)
    # the object right after the verb: captured Paitilla airport, seized the headquarters of the division
    end = pm.start if pm is not None and pm.start >= w.trig_end else w.trig_end + 70
    m = re.match(rf"\s+(?:control\s+of\s+)?(?:(?:the|a|an|its|their)\s+)?{phrase}", s.text[w.trig_end:end])
    return m.group(1) if m else None


def sites_listed(s: Sentence, w: Window, lang: str) -> list[str]:
    """The sites of a list that is a capture's object (控制了K1军事基地、军用机场和油田; seized the airport, the
    port and the police headquarters), when at least two of its items are sites; else []."""
    pattern = site_pattern(lang)
    if lang == "zh":
        region = re.split(r"[，。；\s]", s.text[w.trig_end:w.end], maxsplit=1)[0]
        items = re.split(r"、|以及|和|及|与", re.sub(r"^了", "", region))
    else:
        region = re.split(r"[;.]|\s(?:on|after|before|as|while|when|which|that|in\s+an?)\s", s.text[w.trig_end:w.trig_end + 200])[0]
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", region)
    sites = []
    for item in items:
        item = _ZH_VAGUE_OWNER.sub("", item.strip()) if lang == "zh" else re.sub(r"^(?:the|a|an)\s+", "", item.strip())
        m = list(pattern.finditer(item))
        if m and len(item) <= (16 if lang == "zh" else 60):
            sites.append((item, _named(item[:m[-1].start()], lang)))
    # a list of named sites (K1军事基地、巴巴古尔古尔油田), not of a town's generic buildings (机场和州政府机构)
    return [item for item, _ in sites] if len(sites) >= 2 and sum(named for _, named in sites) >= 2 else []


def _named(before_noun: str, lang: str) -> bool:
    """Whether the words before a site noun name it (K1, 巴巴古尔古尔, Paitilla) rather than describe it."""
    if lang == "zh":
        return len(_ZH_GENERIC.sub("", before_noun)) >= 2 or bool(re.search(r"[A-Za-z0-9]", before_noun))
    return bool(re.search(r"\b[A-Z0-9]", before_noun))


def site_class(site: str | None) -> str | None:
    """The class of a site (military, airport, government ...) from its last site noun; None for no site."""
    if not site:
        return None
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", site) else "en"
    best, at = "other", -1
    for cls, zh, en in _site_classes():
        for m in (zh if lang == "zh" else en).finditer(site):
            if m.start() > at:
                best, at = cls, m.start()
    return best


def sites_agree(a: str | None, b: str | None) -> bool:
    """Two captures at one place are one event when neither names a site or both name sites of one class
    (the army base and the division's headquarters); a town and a site in it are two events."""
    return site_class(a) == site_class(b)
