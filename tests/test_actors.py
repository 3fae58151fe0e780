"""The actors stage: named actors, role words resolved by context, appositions, and the actor data file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitroom.actors import actor_lexicon
from sitroom.actors.recognize import find_actors_en, find_actors_zh, resolve_roles
from sitroom.ingest.model import Metadata, RawDocument
from sitroom.pipeline import analyse
from sitroom.places import gazetteer
from sitroom.text.view import simplified_view

ACTORS_TSV = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "actors" / "data" / "actors.tsv"
TYPES = {"state", "state_force", "government", "nsag", "igo", "ngo", "person", "media"}


@pytest.fixture(scope="module")
def lex():
    return actor_lexicon()


def _zh(text: str, lex, country: str | None = None):
    view = simplified_view(text)
    found = find_actors_zh(view, lex)
    resolve_roles(found, lex, country, None)
    return view, found


def _en(text: str, lex, country: str | None = None):
    found = find_actors_en(text, lex)
    resolve_roles(found, lex, country, None)
    return found


def _doc(text: str, language: str, published: str):
    raw = RawDocument(text=text, meta=Metadata(published=date.fromisoformat(published), language=language),
                      path="t.txt", fmt="txt")
    return analyse(raw)


def _names(doc):
    return [[(m.text, m.actor.name if m.actor else None) for m in s.actors] for s in doc.sentences]


# Chinese -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name, typ", [
    ("塔利班12日攻占加兹尼。", "塔利班", "Taliban", "nsag"),
    ("阿富汗神學士今天攻佔昆都茲。", "阿富汗神学士", "Taliban", "nsag"),
    ("美军抵达喀布尔机场。", "美军", "US military", "state_force"),
    ("阿富汗政府军收复了该市。", "阿富汗政府军", "Afghan government forces", "state_force"),
    ("快速支援部队控制了瓦德迈达尼。", "快速支援部队", "Rapid Support Forces", "nsag"),
    ("快速支援部隊控制了瓦德邁達尼。", "快速支援部队", "Rapid Support Forces", "nsag"),
    ("俄军撤出赫尔松。", "俄军", "Russian forces", "state_force"),
])
def test_zh_named_actors(lex, text, surface, name, typ) -> None:
    view, found = _zh(text, lex)
    assert [(m.text, m.actor.name, m.actor.type) for m in found] == [(surface, name, typ)]
    assert view[found[0].start:found[0].end] == surface


def test_zh_person_with_country_and_title(lex) -> None:
    _, found = _zh("英国国防大臣华莱士13日表示，英国将派兵。", lex)
    wallace = [m for m in found if m.actor and m.actor.type == "person"]
    assert len(wallace) == 1
    assert wallace[0].text == "华莱士"
    assert wallace[0].actor.name == "Ben Wallace"
    assert lex.top(wallace[0].actor).name == "United Kingdom"
    assert lex.country_of(wallace[0].actor) == "GB"
    # the country written before the title only qualifies the person
    assert [m.text for m in found if m.actor and m.actor.type == "state"] == ["英国"]


def test_zh_spokesman_acts_for_his_group(lex) -> None:
    _, found = _zh("塔利班發言人穆賈希德說，該組織控制了喀布爾。", lex)
    person = [m for m in found if m.actor.type == "person"][0]
    assert person.actor.name == "Zabihullah Mujahid"
    assert lex.top(person.actor).name == "Taliban"


@pytest.mark.parametrize("text, country, name", [
    ("政府军撤出该市。", "AF", "Afghan government forces"),
    ("政府军撤出该市。", "SY", "Syrian government forces"),
    ("政府军撤出该市。", "SD", "Sudanese Armed Forces"),
    ("叙利亚政府军撤出该市。", "AF", "Syrian government forces"),
])
def test_zh_role_words_take_the_country(lex, text, country, name) -> None:
    _, found = _zh(text, lex, country)
    assert [m.actor.name for m in found] == [name]


def test_zh_role_word_takes_the_state_named_before_it(lex) -> None:
    _, found = _zh("加拿大13日宣布将派遣特种部队前往喀布尔。", lex, "AF")
    force = [m for m in found if m.generic]
    assert len(force) == 1
    assert lex.country_of(force[0].actor) == "CA"


def test_zh_generic_words_are_not_named_actors(lex) -> None:
    _, found = _zh("军队和武装分子在城内交火。", lex, "SY")
    assert [m.text for m in found] == ["军队", "武装分子"]
    assert all(m.generic for m in found)
    assert found[0].actor.name == "Syrian government forces"
    assert found[1].actor.type == "nsag"


# English -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name", [
    ("The Taliban captured the city on Friday.", "The Taliban", "Taliban"),
    ("On Monday M23 seized the airport.", "M23", "M23"),
    ("Fighters led by HTS entered the city.", "HTS", "Hayat Tahrir al-Sham"),
    ("Hayat Tahrir al-Sham led the offensive.", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Russian forces withdrew from the city.", "Russian forces", "Russian forces"),
    ("The RSF took control of the town.", "RSF", "Rapid Support Forces"),
])
def test_en_named_actors(lex, text, surface, name) -> None:
    found = [m for m in _en(text, lex) if m.actor is not None and m.actor.name == name]
    assert len(found) == 1
    assert found[0].text == surface
    assert text[found[0].start:found[0].end] == surface


def test_en_acronym_is_case_sensitive(lex) -> None:
    assert [m.actor.name for m in _en("The hts of the region are low.", lex) if m.actor] == []


def test_en_country_possessive_with_role_word(lex) -> None:
    found = _en("Syria's army pulled back from the city.", lex)
    assert len(found) == 1
    assert found[0].text == "Syria's army"
    assert found[0].actor.name == "Syrian government forces"
    assert lex.country_of(found[0].actor) == "SY"


@pytest.mark.parametrize("text, country, name", [
    ("The army said it repelled the attack.", "SY", "Syrian government forces"),
    ("Government forces withdrew from the city.", "SD", "Sudanese Armed Forces"),
    ("Government forces withdrew from the city.", "AF", "Afghan government forces"),
])
def test_en_role_words_take_the_country(lex, text, country, name) -> None:
    found = [m for m in _en(text, lex, country) if m.generic]
    assert [m.actor.name for m in found] == [name]


def test_role_words_in_a_document() -> None:
    doc = _doc("沙姆解放组织27日对阿勒颇发起进攻。政府军随后撤出该市。", "zh", "2024-11-30")
    assert doc.main_armed_group.name == "Hayat Tahrir al-Sham"
    assert _names(doc)[1] == [("政府军", "Syrian government forces")]

    doc = _doc("M23 fighters entered Goma on Monday. The rebels said the army had fled.", "en", "2025-01-28")
    assert doc.main_armed_group.name == "M23"
    assert _names(doc)[1] == [("rebels", "M23"), ("army", "FARDC")]


# appositions ---------------------------------------------------------------------------------

def test_apposition_with_a_known_spokesperson() -> None:
    doc = _doc("M23 rebels entered the centre of Goma on Monday. Lawrence Kanyuka, the rebels' spokesperson, said "
               "the city was under their control. Kanyuka urged government soldiers to surrender.", "en", "2025-01-27")
    lex = actor_lexicon()
    second, third = doc.sentences[1], doc.sentences[2]
    kanyuka = [m for m in second.actors if m.text == "Lawrence Kanyuka"]
    assert len(kanyuka) == 1 and kanyuka[0].actor.type == "person"
    rebels = [m for m in second.actors if m.text == "rebels"][0]
    group = lex.top(kanyuka[0].actor)
    assert group.name in ("M23", "Alliance Fleuve Congo")
    assert lex.top(rebels.actor).name in ("M23", "Alliance Fleuve Congo")
    later = [m for m in third.actors if m.text == "Kanyuka"]
    assert len(later) == 1 and later[0].actor.name == "Lawrence Kanyuka"


def test_apposition_registers_an_unknown_person_for_the_group() -> None:
    doc = _doc("M23 rebels entered the centre of Goma on Monday. Didier Maneno, the rebels' spokesperson, said "
               "the city was under their control. Maneno urged government soldiers to surrender.", "en", "2025-01-27")
    lex = actor_lexicon()
    assert lex.en.get("didier maneno") is None  # not in the lexicon: read from the article
    person = [m for m in doc.sentences[1].actors if m.text == "Didier Maneno"]
    assert len(person) == 1
    actor = person[0].actor
    assert (actor.name, actor.type, actor.affiliation, actor.country) == ("Didier Maneno", "person", "M23", "CD")
    assert lex.top(actor).name == "M23"
    later = [m for m in doc.sentences[2].actors if m.text == "Maneno"]
    assert len(later) == 1 and later[0].actor is actor
    appeal = [e for e in doc.events if e.event_type == "appeal"]
    assert len(appeal) == 1 and appeal[0].actor1 == "M23"


def test_zh_apposition_registers_the_spokesman_and_his_surname() -> None:
    doc = _doc("塔利班12日攻占加兹尼。塔利班发言人阿卜杜勒·纳西尔13日说，该组织控制了该市。纳西尔还说，武装人员正在推进。",
               "zh", "2021-08-14")
    person = [m for m in doc.sentences[1].actors if m.actor and m.actor.type == "person"]
    assert [m.text for m in person] == ["阿卜杜勒·纳西尔"]
    assert person[0].actor.affiliation == "Taliban"
    later = [m for m in doc.sentences[2].actors if m.text == "纳西尔"]
    assert len(later) == 1 and later[0].actor is person[0].actor


def test_apposition_surname_of_a_known_person_resolves() -> None:
    doc = _doc("Taliban fighters captured Ghazni on Thursday. Qari Yusuf Ahmadi, a spokesman for the Taliban, said "
               "the group controlled the city. Ahmadi said fighters were moving toward Kabul.", "en", "2021-08-13")
    assert [m.actor.name for m in doc.sentences[1].actors if m.text == "Qari Yusuf Ahmadi"] == ["Qari Yousuf Ahmadi"]
    later = [m for m in doc.sentences[2].actors if m.text == "Ahmadi"]
    assert len(later) == 1 and later[0].actor.name == "Qari Yousuf Ahmadi"


def test_zh_troops_sent_to_a_country_belong_to_the_sender() -> None:
    doc = _doc("英国国防部表示，计划向阿富汗派遣600名士兵。", "zh", "2021-08-14")
    lex = actor_lexicon()
    soldiers = [m for m in doc.sentences[0].actors if m.text == "士兵"]
    assert len(soldiers) == 1
    assert lex.country_of(soldiers[0].actor) == "GB"


# the data file -------------------------------------------------------------------------------

def _rows() -> list[list[str]]:
    lines = ACTORS_TSV.read_text("utf-8").split("\n")
    assert lines[0] == "name\ttype\tcountry\taffiliation\trole\ten\tzh\tsource"
    return [line.split("\t") for line in lines[1:] if line]


def test_every_row_has_eight_fields() -> None:
    bad = [(n, len(r)) for n, r in enumerate(_rows(), 2) if len(r) != 8]
    assert bad == []


def test_names_are_unique() -> None:
    names = [r[0] for r in _rows()]
    assert len(names) > 1000
    assert len(set(names)) == len(names), sorted({n for n in names if names.count(n) > 1})


def test_types_countries_roles_and_sources_are_valid() -> None:
    gaz = gazetteer()
    problems = []
    for name, typ, country, _aff, role, en, zh, source in _rows():
        if typ not in TYPES:
            problems.append((name, "type", typ))
        if country and country not in gaz.countries:
            problems.append((name, "country", country))
        if (typ == "person") != bool(role):
            problems.append((name, "role", role))
        if source != "curated":
            problems.append((name, "source", source))
        if name.lower() not in [a.lower() for a in en.split("|")]:
            problems.append((name, "canonical name not among en aliases"))
        for field in (en, zh):
            if field and any(not a.strip() or a != a.strip() for a in field.split("|")):
                problems.append((name, "empty or padded alias", field[:40]))
    assert problems == []


def test_affiliations_resolve_without_loops() -> None:
    gaz = gazetteer()
    rows = _rows()
    by_name = {r[0]: r for r in rows}
    problems = []
    for r in rows:
        aff = r[3]
        if aff and aff != "-" and aff not in by_name and aff not in gaz.countries:
            problems.append((r[0], aff))
        seen, current = {r[0]}, aff
        while current in by_name:
            if current in seen:
                problems.append((r[0], "loop at " + current))
                break
            seen.add(current)
            current = by_name[current][3]
    assert problems == []


# the warring parties of the conflicts the project covers -------------------------------------

WARRING = [
    ("Taliban", "the Taliban", "塔利班"),
    ("Taliban", "Taliban fighters", "神學士"),
    ("Afghan government forces", "Afghan security forces", "阿富汗政府军"),
    ("Hayat Tahrir al-Sham", "HTS", "沙姆解放组织"),
    ("Syrian government forces", "Syrian army", "叙利亚政府军"),
    ("Rapid Support Forces", "RSF", "快速支援部队"),
    ("Sudanese Armed Forces", "Sudanese army", "苏丹武装部队"),
    ("M23", "M23", "M23叛军"),
    ("M23", "March 23 Movement", "三月二十三日运动"),
    ("FARDC", "Congolese army", "刚果（金）政府军"),
    ("Russian forces", "Russian troops", "俄军"),
    ("Ukrainian forces", "Ukrainian forces", "乌克兰军队"),
    ("Israel Defense Forces", "Israeli military", "以军"),
    ("Hamas", "Hamas", "哈马斯"),
    ("Hamas", "Hamas", "哈瑪斯"),
    ("Houthis", "Houthi rebels", "胡塞武装"),
    ("Yemeni government forces", "Yemeni army", "也门政府军"),
    ("Myanmar military", "Tatmadaw", "缅甸军方"),
    ("Arakan Army", "Arakan Army", "若开军"),
    ("al-Shabaab", "al-Shabaab", "索马里青年党"),
    ("Somali government forces", "Somali army", "索马里国民军"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "支持伊斯兰与穆斯林组织"),
    ("Islamic State Sahel Province", "Islamic State Sahel Province", "伊斯兰国萨赫勒省"),
    ("Malian government forces", "Malian army", "马里政府军"),
    ("Burkinabe government forces", "Burkinabe army", "布基纳法索军队"),
]


@pytest.mark.parametrize("name, en, zh", WARRING)
def test_warring_parties_resolve_in_both_languages(lex, name, en, zh) -> None:
    found_en = [m.actor.name for m in _en(f"On Monday {en} attacked the town.", lex) if m.actor]
    assert found_en == [name]
    _, found_zh = _zh(f"{zh}周一攻占了该镇。", lex)
    assert [m.actor.name for m in found_zh if m.actor] == [name]
