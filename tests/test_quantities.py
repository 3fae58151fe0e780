"""The quantities stage: numbers with units, approximate and lower-bound readings, and what is not a number."""
from __future__ import annotations

import math

import pytest

from sitroom.quantities import find_quantities
from sitroom.quantities.numbers import zh_to_number


def _only(text: str, language: str):
    found = find_quantities(text, language)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


# Chinese -----------------------------------------------------------------------------------

@pytest.mark.parametrize("numeral, value", [
    ("35.9万", 359000), ("三千五百", 3500), ("24.4万", 244000), ("1,200", 1200), ("两千", 2000),
    ("一万两千", 12000), ("650", 650),
])
def test_zh_to_number(numeral, value) -> None:
    assert zh_to_number(numeral) == value


def test_zh_wan_with_decimals() -> None:
    q = _only("昆都兹市人口35.9万。", "zh")
    assert (q.text, q.value) == ("35.9万", 359000)
    assert not q.approximate and not q.lower_bound


def test_zh_approximate() -> None:
    q = _only("美国将派遣约650名士兵。", "zh")
    assert q.value == 650
    assert q.text.startswith("约650名")
    assert q.unit == "troops" and q.unit_class == "people"
    assert q.approximate and not q.lower_bound


def test_zh_lower_bound_with_duo() -> None:
    q = _only("600多名士兵抵达机场。", "zh")
    assert (q.text, q.value, q.unit) == ("600多名士兵", 600, "troops")
    assert q.lower_bound and not q.approximate


def test_zh_lower_bound_with_yu() -> None:
    q = _only("逾10万人逃离家园。", "zh")
    assert (q.text, q.value, q.unit) == ("逾10万人", 100000, "people")
    assert q.lower_bound


def test_zh_chinese_numerals() -> None:
    q = _only("三千五百名士兵已经撤离。", "zh")
    assert (q.value, q.unit) == (3500, "troops")


def test_zh_people() -> None:
    q = _only("24.4万人流离失所。", "zh")
    assert (q.text, q.value, q.unit, q.unit_class) == ("24.4万人", 244000, "people", "people")


def test_zh_battalions() -> None:
    q = _only("美国将派遣3个美军步兵营。", "zh")
    assert (q.text, q.value, q.unit, q.unit_class) == ("3个美军步兵营", 3, "battalions", "force")


def test_zh_count_of_places_after_the_noun() -> None:
    q = _only("塔利班已攻占省会城市16个。", "zh")
    assert (q.value, q.unit, q.unit_class) == (16, "places", "place")


def test_zh_count_of_places_before_the_noun() -> None:
    q = _only("塔利班一周内攻占了10个省会。", "zh")
    assert (q.value, q.unit, q.unit_class) == (10, "places", "place")


def test_zh_ordinal_unit_name_is_not_a_number() -> None:
    assert find_quantities("第82空降师的伞兵抵达喀布尔。", "zh") == []


def test_zh_fuzzy_thousands() -> None:
    q = _only("数千名士兵被派往喀布尔。", "zh")
    assert q.text == "数千名士兵"
    assert math.isnan(q.value)
    assert q.approximate
    assert q.unit == "troops"


def test_zh_dates_and_durations_are_not_quantities() -> None:
    assert find_quantities("2021年8月12日，塔利班攻占赫拉特。", "zh") == []
    assert find_quantities("战斗持续了3天，过去24小时里局势紧张。", "zh") == []


def test_zh_small_chinese_numeral_without_measure_word_is_not_a_number() -> None:
    assert find_quantities("三方同意停火，局势趋于平静。", "zh") == []
    q = _only("三名士兵在袭击中受伤。", "zh")
    assert (q.value, q.unit) == (3, "troops")


# English -----------------------------------------------------------------------------------

def test_en_about_troops() -> None:
    q = _only("The Pentagon will send about 3,000 troops to Kabul.", "en")
    assert (q.text, q.value, q.unit, q.unit_class) == ("about 3,000 troops", 3000, "troops", "people")
    assert q.approximate and not q.lower_bound


def test_en_more_than() -> None:
    q = _only("More than 600 civilians were killed.", "en")
    assert (q.value, q.unit) == (600, "people")
    assert q.lower_bound and not q.approximate


def test_en_number_word_battalions() -> None:
    q = _only("The United States will deploy three battalions.", "en")
    assert (q.text, q.value, q.unit, q.unit_class) == ("three battalions", 3, "battalions", "force")


def test_en_million() -> None:
    q = _only("The fighting has displaced 1.2 million people.", "en")
    assert (q.text, q.value, q.unit) == ("1.2 million people", 1200000, "people")


def test_en_hundreds_of_thousands() -> None:
    q = _only("Hundreds of thousands of people fled the city.", "en")
    assert q.text == "Hundreds of thousands of people"
    assert math.isnan(q.value)
    assert q.approximate and q.unit == "people"


def test_en_years_and_clock_times_are_not_quantities() -> None:
    assert find_quantities("In 2021, the group seized the city.", "en") == []
    assert find_quantities("The attack began at 05:00 AM local time.", "en") == []
    assert find_quantities("The city fell on Aug. 13, 2021.", "en") == []


def test_en_durations_are_not_quantities() -> None:
    assert find_quantities("The siege lasted 20 years and the battle 10 days.", "en") == []


def test_en_partitive_counts_the_part_not_the_total() -> None:
    q = _only("The Taliban have seized more than a dozen of Afghanistan's 34 provincial capitals.", "en")
    assert q.value == 12
    assert q.unit == "places" and q.unit_class == "place"
    assert q.lower_bound
    assert all(x.value != 34 for x in find_quantities(
        "The Taliban have seized more than a dozen of Afghanistan's 34 provincial capitals.", "en"))


def test_en_partitive_with_the() -> None:
    q = _only("They now hold 12 of the 34 provincial capitals.", "en")
    assert (q.value, q.unit) == (12, "places")


def test_en_day_of_month_is_not_a_quantity() -> None:
    assert find_quantities("The offensive began on Aug. 6.", "en") == []
    assert find_quantities("The offensive began on 12 August.", "en") == []


def test_en_number_inside_a_name_is_not_a_quantity() -> None:
    assert find_quantities("M23 rebels entered Goma.", "en") == []


def test_zh_number_inside_a_name_is_not_a_quantity() -> None:
    assert find_quantities("M23发言人说，该市已在其控制之下。", "zh") == []


@pytest.mark.parametrize("text, value, unit", [
    ("the alliance sent some 3,000 security forces into the city", 3000, "troops"),
    ("Israel called up 300,000 reservists on Saturday", 300000, "troops"),
    ("more than 4,500 Britons and other foreigners had been moved into its bases", 4500, "people"),
    ("The French army said more than 1,500 foreigners had taken refuge at its base", 1500, "people"),
])
def test_en_security_forces_reservists_britons_and_foreigners_are_counted_people(text, value, unit) -> None:
    found = [(q.value, q.unit) for q in find_quantities(text, "en")]
    assert (value, unit) in found
