"""Every country of the world resolves: a Chinese name, its capital and its first-level divisions with coordinates."""
from __future__ import annotations

import pycountry
import pytest

from sitroom.places.gazetteer import gazetteer
from sitroom.places.recognize import find_places_zh

# ISO territories without a permanent capital (Antarctica) have none to check.
NO_CAPITAL = {"AQ"}


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_every_country_has_a_chinese_name_and_coordinates(gaz) -> None:
    missing = []
    for c in pycountry.countries:
        place = gaz.country(c.alpha_2)
        zh_names = [z for z, places in gaz.zh.items() if place in places]
        if place is None or place.lat is None or not zh_names:
            missing.append(c.alpha_2)
    assert missing == []


def test_every_country_has_its_capital_with_coordinates_and_a_chinese_name(gaz) -> None:
    missing = []
    for c in pycountry.countries:
        if c.alpha_2 in NO_CAPITAL:
            continue
        capital = gaz.capital_city(c.alpha_2)
        if capital is None or capital.lat is None or capital.lon is None:
            missing.append(c.alpha_2)
            continue
        if not any(capital in places for places in gaz.zh.values()):
            missing.append(f"{c.alpha_2} (no Chinese name)")
    assert missing == []


def test_every_first_level_division_is_known_and_most_have_a_point(gaz) -> None:
    """All ISO 3166-2 top-level divisions are in the gazetteer; those of countries with a curated file all
    carry a point; elsewhere a point comes from GeoNames (the rest are geocoded to their country)."""
    total = with_point = 0
    unknown = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        total += 1
        found = [p for p in gaz.lookup_en(sub.name) if p.country_code == sub.country_code and p.kind == "admin1"]
        if not found:
            unknown.append(sub.code)
            continue
        with_point += any(p.lat is not None for p in found)
    assert len(unknown) <= 0.02 * total, unknown[:20]
    assert with_point >= 0.85 * total


@pytest.mark.parametrize("text, name, code", [
    ("俄军占领了格鲁吉亚城市哥里", "Gori", "GE"),           # Georgia 2008
    ("斯里兰卡政府军攻占基利诺奇", "Kilinochchi", "LK"),     # Sri Lanka 2009
    ("波黑塞族军队攻占斯雷布雷尼察", "Srebrenica", "BA"),    # Bosnia 1995
    ("乌军进入库尔斯克州苏贾镇", "Sudzha", "RU"),            # Kursk 2024
])
def test_towns_of_newly_curated_countries_resolve_in_chinese(gaz, text, name, code) -> None:
    places = [m.place for m in find_places_zh(text, gaz) if m.place is not None]
    assert any(p.name == name and p.country_code == code for p in places), [p.key for p in places]


@pytest.mark.parametrize("capital, code", [("Tbilisi", "GE"), ("Bogota", "CO"), ("Colombo", "LK"), ("Honiara", "SB")])
def test_capitals_resolve_in_english(gaz, capital, code) -> None:
    assert any(p.country_code == code and p.kind == "city" for p in gaz.lookup_en(capital))
