"""Events end to end: short reports in Chinese (Simplified and Traditional) and English through the pipeline.

The texts are written for these tests. Every event's evidence (and every merged mention) must be the exact
slice of the document text it claims to be.
"""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.ingest.model import Metadata, RawDocument
from sitroom.pipeline import analyse

D = date.fromisoformat


def _doc(text: str, language: str, published: str):
    raw = RawDocument(text=text, meta=Metadata(published=D(published), language=language), path="t.txt", fmt="txt")
    doc = analyse(raw)
    for e in doc.events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        for m in e.mentions:
            assert doc.text[m.start:m.end] == m.text
    return doc


def _of(doc, event_type: str):
    return [e for e in doc.events if e.event_type == event_type]


def _summary(e):
    return (e.event_type, e.actor1, e.place.name if e.place else None, e.date_start)


# territory captured: lists, passives, the captor from context ---------------------------------

def test_zh_list_of_towns_lost_takes_the_captor_of_the_previous_sentence() -> None:
    text = "塔利班武装近日加强了在南部的攻势。13日，坎大哈、赫拉特和拉什卡尔加相继失守。"
    doc = _doc(text, "zh", "2021-08-14")
    captured = _of(doc, "territory_captured")
    assert [_summary(e) for e in captured] == [
        ("territory_captured", "Taliban", "Kandahar", D("2021-08-13")),
        ("territory_captured", "Taliban", "Herat", D("2021-08-13")),
        ("territory_captured", "Taliban", "Lashkar Gah", D("2021-08-13")),
    ]
    for e in captured:
        assert e.evidence.text == "坎大哈、赫拉特和拉什卡尔加相继失守。"
        assert e.place.country_code == "AF" and e.place.kind == "city"
        assert e.quantity is None


def test_zh_list_after_the_trigger_with_inherited_captor() -> None:
    text = "塔利班武装12日凌晨进入加兹尼市。截至13日，坎大哈、赫拉特和拉什卡尔加已相继落入其手。"
    doc = _doc(text, "zh", "2021-08-14")
    assert [_summary(e) for e in _of(doc, "territory_captured")] == [
        ("territory_captured", "Taliban", "Ghazni", D("2021-08-12")),
        ("territory_captured", "Taliban", "Kandahar", D("2021-08-13")),
        ("territory_captured", "Taliban", "Herat", D("2021-08-13")),
        ("territory_captured", "Taliban", "Lashkar Gah", D("2021-08-13")),
    ]


def test_zh_passive_capture() -> None:
    doc = _doc("阿富汗第二大城市坎大哈13日被塔利班攻占。", "zh", "2021-08-14")
    events = doc.events
    assert len(events) == 1
    e = events[0]
    assert _summary(e) == ("territory_captured", "Taliban", "Kandahar", D("2021-08-13"))
    assert e.evidence.text == "阿富汗第二大城市坎大哈13日被塔利班攻占。"
    assert e.evidence.trigger.startswith("被塔利班")
    assert e.certainty == "reported"
    assert e.date_precision == "day"


def test_zh_traditional_report_with_dateline_and_capitals() -> None:
    text = ("（中央社喀布爾8日綜合外電報導）阿富汗神學士今天攻佔北部昆都茲省省會昆都茲市、薩爾普勒省省會薩爾普勒"
            "和塔喀省省會塔洛干。")
    doc = _doc(text, "zh", "2021-08-09")
    captured = _of(doc, "territory_captured")
    assert [_summary(e) for e in captured] == [
        ("territory_captured", "Taliban", "Kunduz", D("2021-08-08")),
        ("territory_captured", "Taliban", "Sar-e Pul", D("2021-08-08")),
        ("territory_captured", "Taliban", "Taloqan", D("2021-08-08")),
    ]
    assert all(e.place.kind == "city" for e in captured)
    # the evidence is the Traditional original, not the view
    assert "攻佔" in captured[0].evidence.text
    assert "喀布尔" not in [e.place.name for e in captured]


def test_en_list_of_towns_taken_by_the_subject_of_the_previous_sentence() -> None:
    text = "Taliban fighters captured Ghazni on Thursday. They also seized Qala-i-Naw, Firozkoh and Tarinkot."
    doc = _doc(text, "en", "2021-08-13")
    captured = _of(doc, "territory_captured")
    assert [_summary(e) for e in captured] == [
        ("territory_captured", "Taliban", "Ghazni", D("2021-08-12")),
        ("territory_captured", "Taliban", "Qala-i-Naw", D("2021-08-12")),
        ("territory_captured", "Taliban", "Firozkoh", D("2021-08-12")),
        ("territory_captured", "Taliban", "Tarinkot", D("2021-08-12")),
    ]
    assert captured[1].evidence.text == "They also seized Qala-i-Naw, Firozkoh and Tarinkot."


def test_en_fallen_list_takes_the_captor_from_context() -> None:
    text = ("The Taliban stepped up their offensive in the south. Kandahar, Herat and Lashkar Gah have fallen, "
            "officials said on Friday.")
    doc = _doc(text, "en", "2021-08-14")
    assert [_summary(e) for e in _of(doc, "territory_captured")] == [
        ("territory_captured", "Taliban", "Kandahar", D("2021-08-13")),
        ("territory_captured", "Taliban", "Herat", D("2021-08-13")),
        ("territory_captured", "Taliban", "Lashkar Gah", D("2021-08-13")),
    ]


def test_en_passive_capture() -> None:
    doc = _doc("Ghazni was captured by the Taliban on Thursday, officials said.", "en", "2021-08-13")
    captured = _of(doc, "territory_captured")
    assert [_summary(e) for e in captured] == [("territory_captured", "Taliban", "Ghazni", D("2021-08-12"))]
    assert captured[0].evidence.text == doc.text


def test_zh_count_of_capitals_is_about_the_country() -> None:
    doc = _doc("塔利班已攻占省会城市16个。", "zh", "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert (e[0].actor1, e[0].place.name, e[0].place.kind, e[0].quantity, e[0].quantity_unit) == \
        ("Taliban", "Afghanistan", "country", 16, "places")


def test_en_partitive_count_of_capitals() -> None:
    doc = _doc("Taliban fighters have captured more than a dozen of Afghanistan's 34 provincial capitals.", "en",
               "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert (e[0].actor1, e[0].place.name, e[0].quantity, e[0].quantity_unit) == ("Taliban", "Afghanistan", 12, "places")
    assert "lower_bound" in e[0].quantity_flags
    assert e[0].date_start == D("2021-08-14") and "publication" in e[0].date_reason


# deployments ----------------------------------------------------------------------------------

def test_zh_planned_deployment_with_number_and_destination() -> None:
    doc = _doc("美国国防部12日宣布，将派遣约3000名士兵前往喀布尔，协助撤离美国使馆人员。", "zh", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    e = dep[0]
    assert _summary(e) == ("troop_deployment", "United States", "Kabul", D("2021-08-12"))
    assert (e.quantity, e.quantity_unit) == (3000, "troops")
    assert "approximate" in e.quantity_flags
    assert e.certainty == "planned"
    assert e.evidence.text == "将派遣约3000名士兵前往喀布尔"
    assert e.attribution == "US Department of Defense"


def test_zh_traditional_deployment() -> None:
    doc = _doc("美國國防部表示，將派遣約3000名士兵前往喀布爾。", "zh", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    assert _summary(dep[0]) == ("troop_deployment", "United States", "Kabul", D("2021-08-13"))
    assert dep[0].quantity == 3000 and dep[0].certainty == "planned"
    assert dep[0].evidence.text == "將派遣約3000名士兵前往喀布爾。"


def test_en_planned_deployment() -> None:
    doc = _doc("The Pentagon said on Thursday it would send about 3,000 troops to Kabul airport.", "en", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    e = dep[0]
    assert _summary(e) == ("troop_deployment", "United States", "Kabul", D("2021-08-12"))
    assert (e.quantity, e.quantity_unit, e.certainty) == (3000, "troops", "planned")
    assert "approximate" in e.quantity_flags


def test_en_past_deployment_is_reported() -> None:
    doc = _doc("The United States sent 1,000 troops to Kabul on Thursday.", "en", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    assert (dep[0].quantity, dep[0].certainty, dep[0].place.name) == (1000, "reported", "Kabul")


def test_zh_battalions_are_not_counted_as_troops() -> None:
    doc = _doc("美国国防部12日宣布，将向喀布尔机场派遣3个美军步兵营，约3000名士兵。", "zh", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    assert (dep[0].quantity, dep[0].quantity_unit) == (3000, "troops")


def test_zh_destination_before_the_trigger() -> None:
    doc = _doc("美国国防部12日宣布，将向喀布尔机场派遣约3000名士兵。", "zh", "2021-08-13")
    dep = _of(doc, "troop_deployment")
    assert len(dep) == 1
    assert dep[0].place.name == "Kabul"


# certainty: denied, claimed ---------------------------------------------------------------------

def test_zh_denial() -> None:
    doc = _doc("塔利班发言人13日否认该组织攻占了马扎里沙里夫。", "zh", "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert _summary(e[0]) == ("territory_captured", "Taliban", "Mazar-i-Sharif", D("2021-08-13"))
    assert e[0].certainty == "denied"


def test_en_denial() -> None:
    doc = _doc("The Taliban denied capturing Mazar-i-Sharif on Friday.", "en", "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert _summary(e[0]) == ("territory_captured", "Taliban", "Mazar-i-Sharif", D("2021-08-13"))
    assert e[0].certainty == "denied"


@pytest.mark.parametrize("text", ["塔利班13日宣称攻占了赫拉特。", "塔利班13日宣稱攻佔了赫拉特。"])
def test_zh_claim_by_the_acting_party(text) -> None:
    doc = _doc(text, "zh", "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert _summary(e[0]) == ("territory_captured", "Taliban", "Herat", D("2021-08-13"))
    assert e[0].certainty == "claimed"
    assert e[0].attribution == "Taliban"
    assert e[0].evidence.text == text


def test_en_claim_by_the_acting_party() -> None:
    doc = _doc("A Taliban spokesman said the group had captured Herat on Thursday.", "en", "2021-08-13")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert _summary(e[0]) == ("territory_captured", "Taliban", "Herat", D("2021-08-12"))
    assert e[0].certainty == "claimed"


def test_report_by_a_third_party_is_not_a_claim() -> None:
    doc = _doc("阿富汗政府官员证实，加兹尼12日被塔利班攻占。", "zh", "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert e[0].certainty == "reported"


# surrender -------------------------------------------------------------------------------------

def test_zh_surrender_to_an_armed_group_is_also_a_capture() -> None:
    doc = _doc("据报道，阿富汗政府军13日在赫拉特向塔利班投降。", "zh", "2021-08-14")
    surrendered = _of(doc, "territory_surrendered")
    captured = _of(doc, "territory_captured")
    assert [_summary(e) for e in surrendered] == [
        ("territory_surrendered", "Afghan government forces", "Herat", D("2021-08-13"))]
    assert surrendered[0].actor2 == "Taliban"
    assert [_summary(e) for e in captured] == [("territory_captured", "Taliban", "Herat", D("2021-08-13"))]
    assert captured[0].actor2 == "Afghan government forces"
    assert captured[0].evidence.text == "阿富汗政府军13日在赫拉特向塔利班投降。"


def test_en_surrender_to_an_armed_group_is_also_a_capture() -> None:
    doc = _doc("The provincial governor surrendered Ghazni to the Taliban on Thursday.", "en", "2021-08-13")
    assert [_summary(e) for e in _of(doc, "territory_surrendered")] == [
        ("territory_surrendered", "Afghanistan", "Ghazni", D("2021-08-12"))]
    assert [_summary(e) for e in _of(doc, "territory_captured")] == [
        ("territory_captured", "Taliban", "Ghazni", D("2021-08-12"))]


# withdrawal, evacuation, displacement ---------------------------------------------------------------

def test_zh_withdrawal_of_forces() -> None:
    doc = _doc("俄军11日撤出赫尔松。", "zh", "2022-11-12")
    assert [_summary(e) for e in doc.events] == [("withdrawal", "Russian forces", "Kherson", D("2022-11-11"))]


def test_zh_evacuation_of_embassy_staff() -> None:
    doc = _doc("美国国务院13日宣布，将从喀布尔撤离使馆人员。", "zh", "2021-08-14")
    assert [_summary(e) for e in doc.events] == [("evacuation", "United States", "Kabul", D("2021-08-13"))]
    assert doc.events[0].certainty == "planned"
    assert doc.events[0].evidence.text == "将从喀布尔撤离使馆人员。"


def test_zh_traditional_withdrawal_from_the_city_named_before() -> None:
    doc = _doc("神學士8日攻佔昆都茲。當地官員證實，政府軍已撤出該市。", "zh", "2021-08-09")
    assert [_summary(e) for e in doc.events] == [
        ("territory_captured", "Taliban", "Kunduz", D("2021-08-08")),
        ("withdrawal", "Afghan government forces", "Kunduz", D("2021-08-08")),
    ]
    assert doc.events[1].evidence.text == "政府軍已撤出該市。"


def test_en_withdrawal_and_evacuation() -> None:
    doc = _doc("Russian forces withdrew from Kherson on Friday.", "en", "2022-11-12")
    assert [_summary(e) for e in doc.events] == [("withdrawal", "Russian forces", "Kherson", D("2022-11-11"))]
    doc = _doc("The United States said it would evacuate embassy staff from Kabul.", "en", "2021-08-13")
    assert [_summary(e) for e in doc.events] == [("evacuation", "United States", "Kabul", D("2021-08-13"))]
    assert doc.events[0].certainty == "planned"


def test_zh_displacement_with_a_count() -> None:
    doc = _doc("联合国难民署说，坎大哈过去一周逾10万人逃离家园。", "zh", "2021-08-14")
    e = _of(doc, "displacement")
    assert len(e) == 1
    assert (e[0].place.name, e[0].quantity, e[0].quantity_unit) == ("Kandahar", 100000, "people")
    assert "lower_bound" in e[0].quantity_flags
    assert (e[0].date_start, e[0].date_end) == (D("2021-08-07"), D("2021-08-14"))
    assert e[0].attribution == "UNHCR"
    assert e[0].evidence.text == "坎大哈过去一周逾10万人逃离家园。"


def test_en_displacement_with_a_count() -> None:
    doc = _doc("More than 100,000 people have fled their homes in Kandahar in the past week, the UN said.", "en",
               "2021-08-13")
    e = _of(doc, "displacement")
    assert len(e) == 1
    assert (e[0].actor1, e[0].place.name, e[0].quantity) == (None, "Kandahar", 100000)
    assert "lower_bound" in e[0].quantity_flags
    assert (e[0].date_start, e[0].date_end) == (D("2021-08-06"), D("2021-08-13"))


def test_zh_reporting_organisation_is_not_the_actor_of_a_displacement() -> None:
    doc = _doc("联合国难民署说，坎大哈过去一周逾10万人逃离家园。", "zh", "2021-08-14")
    e = _of(doc, "displacement")
    assert len(e) == 1
    assert e[0].actor1 is None


# what is not a capture -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, published", [
    ("塔利班武装12日逼近马扎里沙里夫。", "zh", "2021-08-14"),
    ("塔利班武装13日包围了坎大哈。", "zh", "2021-08-14"),
    ("Taliban fighters reached the outskirts of Mazar-i-Sharif on Friday.", "en", "2021-08-14"),
    ("Taliban fighters besieged Kandahar on Friday.", "en", "2021-08-14"),
])
def test_advance_or_siege_is_not_a_capture(text, language, published) -> None:
    doc = _doc(text, language, published)
    assert _of(doc, "territory_captured") == []
    # the place and the group are still read
    assert any(s.places for s in doc.sentences)
    assert doc.main_armed_group is not None and doc.main_armed_group.name == "Taliban"


@pytest.mark.parametrize("text, language", [
    ("塔利班尚未攻占马扎里沙里夫。", "zh"),
    ("塔利班并未攻占马扎里沙里夫。", "zh"),
    ("Mazar-i-Sharif has not fallen, officials said.", "en"),
    ("The Taliban have not captured Mazar-i-Sharif.", "en"),
])
def test_negated_capture_gives_no_event(text, language) -> None:
    doc = _doc(text, language, "2021-08-14")
    assert _of(doc, "territory_captured") == []


def test_caption_gives_no_event() -> None:
    text = "这张8月12日拍摄的照片显示，塔利班武装人员在攻占赫拉特后巡逻。新华社发\n\n阿富汗局势持续紧张。"
    doc = _doc(text, "zh", "2021-08-14")
    assert doc.events == []


# repeated mentions, recapture --------------------------------------------------------------------

def test_zh_two_mentions_of_one_capture_are_merged() -> None:
    text = "塔利班12日攻占加兹尼。阿富汗政府官员证实，加兹尼12日被塔利班攻占。"
    doc = _doc(text, "zh", "2021-08-14")
    captured = _of(doc, "territory_captured")
    assert len(captured) == 1
    e = captured[0]
    assert _summary(e) == ("territory_captured", "Taliban", "Ghazni", D("2021-08-12"))
    assert e.evidence.text == "塔利班12日攻占加兹尼。"
    assert len(e.mentions) == 1
    assert e.mentions[0].text == "加兹尼12日被塔利班攻占。"
    assert e.to_contract()["mentions"] == [{"text": "加兹尼12日被塔利班攻占。", "start": text.index("加兹尼12日被"),
                                            "end": len(text)}]


def test_en_two_mentions_of_one_capture_are_merged() -> None:
    text = ("Taliban fighters captured Ghazni on Thursday. Officials confirmed that Ghazni was captured by the "
            "Taliban on Thursday.")
    doc = _doc(text, "en", "2021-08-13")
    captured = _of(doc, "territory_captured")
    assert len(captured) == 1
    assert _summary(captured[0]) == ("territory_captured", "Taliban", "Ghazni", D("2021-08-12"))
    assert [m.sentence for m in captured[0].mentions] == [1]


def test_captures_of_different_towns_are_not_merged() -> None:
    doc = _doc("塔利班12日攻占加兹尼。塔利班13日攻占坎大哈。", "zh", "2021-08-14")
    assert [e.place.name for e in _of(doc, "territory_captured")] == ["Ghazni", "Kandahar"]
    assert all(e.mentions == [] for e in doc.events)


def test_zh_recapture_by_government_forces() -> None:
    doc = _doc("塔利班12日攻占拉什卡尔加。阿富汗政府军13日收复了该市。", "zh", "2021-08-14")
    assert [_summary(e) for e in _of(doc, "territory_captured")] == [
        ("territory_captured", "Taliban", "Lashkar Gah", D("2021-08-12")),
        ("territory_captured", "Afghan government forces", "Lashkar Gah", D("2021-08-13")),
    ]
    assert _of(doc, "territory_captured")[1].evidence.text == "阿富汗政府军13日收复了该市。"


def test_zh_recapture_by_generic_government_forces() -> None:
    doc = _doc("塔利班12日攻占拉什卡尔加。政府军13日收复了该市。", "zh", "2021-08-14")
    second = _of(doc, "territory_captured")[1]
    assert _summary(second) == ("territory_captured", "Afghan government forces", "Lashkar Gah", D("2021-08-13"))


def test_en_recapture_by_government_forces() -> None:
    doc = _doc("Afghan government forces recaptured Lashkar Gah on Friday.", "en", "2021-08-14")
    assert [_summary(e) for e in doc.events] == [
        ("territory_captured", "Afghan government forces", "Lashkar Gah", D("2021-08-13"))]
    assert doc.events[0].actor1_country == "AF"


# contract --------------------------------------------------------------------------------------------

def test_contract_fields() -> None:
    doc = _doc("阿富汗第二大城市坎大哈13日被塔利班攻占。", "zh", "2021-08-14")
    c = doc.events[0].to_contract()
    assert c["event_type"] == "territory_captured"
    assert (c["date_start"], c["date_end"], c["date_precision"]) == ("2021-08-13", "2021-08-13", "day")
    assert c["actor1"] == "Taliban"
    assert c["location"]["name"] == "Kandahar" and c["location"]["country_code"] == "AF"
    assert c["location"]["precision"] == "city"
    assert c["evidence"] == {"text": "阿富汗第二大城市坎大哈13日被塔利班攻占。", "start": 0, "end": len(doc.text)}
    assert c["doc_id"] == doc.doc_id


# defects found while writing these tests ---------------------------------------------------------

def test_en_dateline_date_does_not_replace_the_event_date() -> None:
    doc = _doc("KABUL, Aug 13 (Reuters) - The Taliban captured Kandahar on Thursday, officials said.", "en",
               "2021-08-14")
    e = _of(doc, "territory_captured")
    assert len(e) == 1
    assert e[0].date_start == D("2021-08-12")


def test_zh_attack_target_before_the_trigger() -> None:
    doc = _doc("沙姆解放组织27日对阿勒颇发起进攻。", "zh", "2024-11-30")
    e = _of(doc, "attack")
    assert len(e) == 1
    assert _summary(e[0]) == ("attack", "Hayat Tahrir al-Sham", "Aleppo", D("2024-11-27"))
