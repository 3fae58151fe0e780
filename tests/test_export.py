"""Exports (ACLED CSV, GeoJSON, JSON Lines, PLOVER) of fused events read from real texts written here."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pycountry
import pytest

from sitroom.events.model import EVENT_TYPES
from sitroom.export import FORMATS, acled_rows, feature_collection, plover_records, write_export
from sitroom.export.acled import counts_dead, event_id_cnty, fill, interaction, time_precision
from sitroom.export.actors import acled_inter, classify, counterpart, countries, country, rules
from sitroom.ingest import Metadata, discover, read_file
from sitroom.store import Store, ingest_documents

# ACLED's vocabularies, as its codebook writes them
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
ACLED_SUB_EVENT_TYPES = {
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
ACLED_DISORDER_TYPES = {"Political violence", "Demonstrations", "Strategic developments",
                        "Political violence; Demonstrations"}
ACLED_INTER = {"State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
               "Civilians", "External/Other forces"}
ACLED_REGIONS = {"Middle East", "Northern Africa", "Eastern Africa", "Middle Africa", "Western Africa",
                 "Southern Africa", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe",
                 "Caribbean", "Central America", "South America", "North America", "Oceania", "Antarctica"}
NOT_ACLED = {"evacuation", "appeal", "threat", "rejection", "meeting", "displacement", "casualties"}
PLOVER_CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

DOCS = {
    "afghanistan": ("2021-08-13", "en", "Wire A", """\
KABUL, Aug 13 (Wire A) - Taliban fighters captured the city of Ghazni on Thursday, officials said.

Afghan government forces recaptured Kunduz on Thursday after heavy fighting, the defence ministry said.

The Afghan Air Force carried out air strikes on Taliban positions in Lashkar Gah on Thursday.

Afghan government forces clashed with the Taliban in Herat on Thursday.

Afghan forces withdrew from Qala-i-Naw on Thursday.

More than 20,000 people fled their homes in Kandahar on Thursday, the UN refugee agency said.
"""),
    "ukraine": ("2022-09-11", "en", "Wire B", """\
KYIV, Sept 11 (Wire B) - Russian forces shelled Kharkiv on Saturday, regional officials said.

The shelling killed 15 civilians in Kharkiv on Saturday.

Ukraine and Russia agreed to a ceasefire around the Zaporizhzhia nuclear plant on Saturday.

Hundreds of people protested in Lviv on Saturday.

Police arrested 12 people in Odesa on Saturday.

The United States sent 3,000 troops to Poland on Saturday, the Pentagon said.

The United States evacuated its embassy staff from Kyiv on Saturday.

The United Nations urged Russia to stop the offensive on Saturday.

Russia warned Ukraine of severe consequences on Saturday.

Ukraine rejected the Russian proposal on Saturday.

Zelensky met Blinken in Kyiv on Saturday.
"""),
    "syria": ("2024-11-30", "zh", "样例通讯社", "样例社大马士革11月30日电 叙利亚政府军战机29日对伊德利卜发动空袭。\n"),
}


def _write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, language, source, text) in DOCS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published, "language": language,
                                                               "source": source}), encoding="utf-8")


def _ingest(folder: Path, db: Path, reverse: bool = False) -> list[dict]:
    items = [doc for path in discover([str(folder)]) for doc in read_file(path, Metadata())]
    if reverse:
        items.reverse()
    store = Store(db)
    try:
        for item in items:  # one document at a time, as a stream of articles arrives
            ingest_documents(store, [item])
        return store.fused_events()
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "docs"
    _write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def fused(corpus: Path) -> list[dict]:
    return _ingest(corpus, corpus.parent / "picture.sqlite")


def _export(records: list[dict], fmt: str) -> tuple[str, int]:
    out = io.StringIO()
    n = write_export(records, fmt, out)
    return out.getvalue(), n


def _one(records: list[dict], event_type: str, place: str) -> dict:
    found = [r for r in records if r["event_type"] == event_type and (r["location"] or {}).get("name") == place]
    assert len(found) == 1, (event_type, place, [(r["event_type"], r["location"]) for r in records])
    return found[0]


def _acled_by_fused_id(records: list[dict]) -> dict[str, dict]:
    text, _ = _export(records, "acled")
    rows = list(csv.DictReader(io.StringIO(text)))
    ids = {event_id_cnty(r["fused_id"], country(r["location"]["country_code"])): r["fused_id"]
           for r in records if r.get("location")}
    return {ids[row["event_id_cnty"]]: row for row in rows}


# ACLED ----------------------------------------------------------------------------------------------

def test_acled_csv_has_the_31_columns_and_acled_vocabularies(fused: list[dict]) -> None:
    text, n = _export(fused, "acled")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == ACLED_COLUMNS
    rows = list(reader)
    assert n == len(rows) > 0
    alpha3 = {c.name: c.alpha3 for c in countries().values()}
    for row in rows:
        assert row["event_type"] in ACLED_SUB_EVENT_TYPES, row
        assert row["sub_event_type"] in ACLED_SUB_EVENT_TYPES[row["event_type"]], row
        assert row["disorder_type"] in ACLED_DISORDER_TYPES, row
        assert row["inter1"] in ACLED_INTER and row["actor1"], row
        assert row["inter2"] in ACLED_INTER | {""} and bool(row["inter2"]) == bool(row["actor2"]), row
        labels = [row["inter1"], row["inter2"]] if row["inter2"] else [row["inter1"]]
        assert row["interaction"] in ("-".join(labels), "-".join(reversed(labels)), f"{row['inter1']} only")
        assert row["time_precision"] in ("1", "2", "3") and row["geo_precision"] in ("1", "2", "3")
        assert row["year"] == row["event_date"][:4] and len(row["event_date"]) == 10
        assert row["region"] in ACLED_REGIONS and row["iso"].isdigit() and row["country"]
        assert row["event_id_cnty"][:3] == alpha3[row["country"]] and row["event_id_cnty"][3:].isdigit()
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
        assert int(row["fatalities"]) >= 0 and int(row["timestamp"]) > 0
        assert row["civilian_targeting"] in ("", "Civilian targeting")
        assert row["notes"].startswith("On ") and 'Report: "' in row["notes"]
        assert row["source"] in ("Wire A", "Wire B", "样例通讯社")


def test_taliban_capture_is_non_state_and_government_recapture_regains(fused: list[dict]) -> None:
    rows = _acled_by_fused_id(fused)
    ghazni = rows[_one(fused, "territory_captured", "Ghazni")["fused_id"]]
    assert (ghazni["event_type"], ghazni["sub_event_type"]) == ("Battles", "Non-state actor overtakes territory")
    assert (ghazni["actor1"], ghazni["inter1"]) == ("Taliban", "Rebel group")
    assert ghazni["disorder_type"] == "Political violence"
    assert (ghazni["country"], ghazni["iso"], ghazni["region"]) == ("Afghanistan", "4", "South Asia")
    assert ghazni["event_id_cnty"].startswith("AFG") and ghazni["event_date"] == "2021-08-12"
    assert (ghazni["time_precision"], ghazni["geo_precision"]) == ("1", "1")
    assert (ghazni["location"], ghazni["admin1"]) == ("Ghazni", "Ghazni")
    kunduz = rows[_one(fused, "territory_captured", "Kunduz")["fused_id"]]
    assert (kunduz["event_type"], kunduz["sub_event_type"]) == ("Battles", "Government regains territory")
    assert (kunduz["actor1"], kunduz["inter1"]) == ("Afghan government forces", "State forces")
    # the extractor names the place's state as actor2: a force does not take a town from its own state
    assert kunduz["actor2"] == "" and kunduz["interaction"] == "State forces only"


def test_air_strikes_are_remote_violence_in_english_and_chinese(fused: list[dict]) -> None:
    rows = _acled_by_fused_id(fused)
    lashkar = rows[_one(fused, "air_strike", "Lashkar Gah")["fused_id"]]
    assert (lashkar["event_type"], lashkar["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (lashkar["actor1"], lashkar["actor2"], lashkar["interaction"]) == \
        ("Afghan Air Force", "Taliban", "State forces-Rebel group")
    assert lashkar["admin1"] == "Helmand"
    idlib = rows[_one(fused, "air_strike", "Idlib")["fused_id"]]
    assert (idlib["event_type"], idlib["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (idlib["country"], idlib["region"], idlib["iso"]) == ("Syria", "Middle East", "760")
    assert idlib["event_id_cnty"].startswith("SYR") and idlib["event_date"] == "2024-11-29"
    assert idlib["notes"].startswith("On 29 November 2024, Syrian government forces carried out an air strike")
    assert "空袭" in idlib["notes"]  # the report's own words are kept


def test_shelling_carries_the_civilian_toll_of_its_casualty_report(fused: list[dict]) -> None:
    rows = _acled_by_fused_id(fused)
    kharkiv = rows[_one(fused, "attack", "Kharkiv")["fused_id"]]
    assert (kharkiv["event_type"], kharkiv["sub_event_type"]) == \
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert kharkiv["fatalities"] == "15"
    assert (kharkiv["actor2"], kharkiv["inter2"], kharkiv["civilian_targeting"]) == \
        ("Civilians (Ukraine)", "Civilians", "Civilian targeting")
    # Russian forces in Ukraine are a state force outside its own country
    assert (kharkiv["actor1"], kharkiv["inter1"]) == ("Russian forces", "External/Other forces")
    assert kharkiv["interaction"] == "Civilians-External/Other forces"


def test_strategic_developments_and_protests(fused: list[dict]) -> None:
    rows = _acled_by_fused_id(fused)
    lviv = rows[_one(fused, "protest", "Lviv")["fused_id"]]
    assert (lviv["event_type"], lviv["sub_event_type"], lviv["disorder_type"]) == \
        ("Protests", "Peaceful protest", "Demonstrations")
    assert (lviv["actor1"], lviv["inter1"], lviv["tags"]) == ("Protesters (Ukraine)", "Protesters", "crowd size=no report")
    odesa = rows[_one(fused, "arrest", "Odesa")["fused_id"]]
    assert (odesa["event_type"], odesa["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert "(12 people)" in odesa["notes"] and odesa["fatalities"] == "0"
    withdrawal = rows[_one(fused, "withdrawal", "Qala-i-Naw")["fused_id"]]
    assert (withdrawal["event_type"], withdrawal["sub_event_type"]) == ("Strategic developments", "Other")
    deployment = rows[_one(fused, "troop_deployment", "Poland")["fused_id"]]
    assert deployment["sub_event_type"] == "Other" and deployment["geo_precision"] == "3"
    assert deployment["notes"].startswith("On 10 September 2022, United States deployed 3000 troops")
    agreement = next(rows[r["fused_id"]] for r in fused if r["event_type"] == "agreement")
    assert (agreement["event_type"], agreement["sub_event_type"]) == ("Strategic developments", "Agreement")


def test_types_acled_does_not_code_are_left_out(fused: list[dict]) -> None:
    rows = _acled_by_fused_id(fused)
    types = {r["event_type"] for r in fused}
    assert NOT_ACLED <= types  # the corpus has one of each
    exported = {r["event_type"] for r in fused if r["fused_id"] in rows}
    assert not exported & NOT_ACLED
    assert exported == {"territory_captured", "armed_clash", "attack", "air_strike", "withdrawal", "troop_deployment",
                        "agreement", "protest", "arrest"}
    planned = [dict(r, certainty="planned", fused_id="f" * 16) for r in fused if r["event_type"] == "troop_deployment"]
    assert acled_rows(planned) == []  # an announcement is not an event yet


def test_region_table_covers_every_iso_country() -> None:
    table = countries()
    assert set(table) == {c.alpha_2 for c in pycountry.countries}
    assert {c.region for c in table.values()} == ACLED_REGIONS
    expected = {"AF": "South Asia", "UA": "Europe", "RU": "Europe", "SY": "Middle East", "TR": "Middle East",
                "IR": "Middle East", "SD": "Northern Africa", "SS": "Eastern Africa", "CD": "Middle Africa",
                "NG": "Western Africa", "MZ": "Southern Africa", "ZA": "Southern Africa", "KZ": "Caucasus and Central Asia",
                "AM": "Caucasus and Central Asia", "MM": "Southeast Asia", "CN": "East Asia", "US": "North America",
                "MX": "Central America", "HT": "Caribbean", "CO": "South America", "PG": "Oceania", "AQ": "Antarctica"}
    assert {code: table[code].region for code in expected} == expected
    assert (table["AF"].alpha3, table["AF"].numeric, table["AF"].name) == ("AFG", 4, "Afghanistan")


def test_actor_kinds_inter_codes_and_interaction() -> None:
    taliban, russians = classify("Taliban"), classify("Russian forces")
    assert (taliban.kind, taliban.country) == ("nsag", "AF")
    assert acled_inter(taliban, "AF") == 2 and acled_inter(russians, "RU") == 1 and acled_inter(russians, "UA") == 8
    assert acled_inter(classify("UNHCR"), "AF") == 8 and acled_inter(classify("National Police of Ukraine"), "UA") == 1
    assert classify("National Police of Ukraine").kind == "police"
    army = classify("Sudanese army")  # a role word resolved by context, not a lexicon row
    assert (army.kind, army.country, army.state_side) == ("state_force", "SD", True)
    assert classify("Haitian gangs").kind == "gang" and classify(None) is None
    assert counterpart(classify("Ukrainian forces"), classify("Ukraine")) is None
    assert counterpart(taliban, classify("Afghanistan")).name == "Afghanistan"
    assert interaction(2, 1) == "State forces-Rebel group" and interaction(6, None) == "Protesters only"
    assert interaction(None, None) == ""


def test_time_precision_and_note_templates() -> None:
    assert time_precision({"date_start": "2021-08-12", "date_end": "2021-08-12", "best_date": "2021-08-12"}) == 1
    assert time_precision({"date_start": "2021-08-06", "date_end": "2021-08-13", "best_date": "2021-08-06"}) == 2
    assert time_precision({"date_start": "2021-08-01", "date_end": "2021-08-31", "best_date": "2021-08-01"}) == 3
    # one report named the day, another only the month: the day is known
    assert time_precision({"date_start": "2021-08-01", "date_end": "2021-08-31", "best_date": "2021-08-12"}) == 1
    template = "{actor1|an unidentified group} took control of {place}[ from {actor2}]."
    assert fill(template, {"actor1": "Taliban", "actor2": "", "place": "Ghazni"}) == "Taliban took control of Ghazni."
    assert fill(template, {"actor1": "", "actor2": "Afghan army", "place": "Ghazni"}) == \
        "an unidentified group took control of Ghazni from Afghan army."


# GeoJSON, JSON Lines ------------------------------------------------------------------------------------

def test_geojson_is_a_valid_feature_collection(fused: list[dict]) -> None:
    text, n = _export(fused, "geojson")
    collection = json.loads(text)
    assert collection == feature_collection(fused)
    assert set(collection) == {"type", "features"} and collection["type"] == "FeatureCollection"
    assert n == len(collection["features"]) == len(fused)
    for feature, record in zip(collection["features"], fused):
        assert feature["type"] == "Feature" and feature["id"] == record["fused_id"]
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert [lon, lat] == [record["location"]["longitude"], record["location"]["latitude"]]  # RFC 7946 order
        assert feature["properties"] == record
    lashkar = next(f for f in collection["features"] if f["properties"]["location"]["name"] == "Lashkar Gah")
    assert lashkar["geometry"]["coordinates"][0] > lashkar["geometry"]["coordinates"][1]  # lon 64 > lat 31
    placeless = feature_collection([dict(fused[0], location=None)])["features"][0]
    assert placeless["geometry"] is None and placeless["type"] == "Feature"


def test_jsonl_writes_one_fused_record_per_line(fused: list[dict]) -> None:
    text, n = _export(fused, "jsonl")
    lines = text.splitlines()
    assert n == len(lines) == len(fused)
    assert [json.loads(line) for line in lines] == fused
    assert "样例通讯社" in text  # UTF-8 kept as written


# PLOVER ---------------------------------------------------------------------------------------------

EXPECTED_PLOVER = {  # (sitroom type, place): (event_type, mode)
    ("territory_captured", "Ghazni"): ("ASSAULT", None),
    ("withdrawal", "Qala-i-Naw"): ("RETREAT", "withdraw"),
    ("armed_clash", "Herat"): ("ASSAULT", None),
    ("attack", "Kharkiv"): ("ASSAULT", "heavy-weapons"),
    ("air_strike", "Lashkar Gah"): ("ASSAULT", "heavy-weapons"),
    ("air_strike", "Idlib"): ("ASSAULT", "heavy-weapons"),
    ("troop_deployment", "Poland"): ("MOBILIZE", "troops"),
    ("evacuation", "Kyiv"): ("SANCTION", "withdraw"),
    ("appeal", "Russia"): ("REQUEST", None),
    ("threat", "Ukraine"): ("THREATEN", "violence"),
    ("rejection", "Ukraine"): ("REJECT", None),
    ("meeting", "Kyiv"): ("CONSULT", None),
    ("protest", "Lviv"): ("PROTEST", "demo"),
    ("arrest", "Odesa"): ("COERCE", "arrest"),
    ("casualties", "Kharkiv"): ("ASSAULT", None),
}


def test_plover_maps_every_type(fused: list[dict]) -> None:
    records = {r["fused_id"]: r for r in plover_records(fused)}
    for (sitroom_type, place), (event_type, mode) in EXPECTED_PLOVER.items():
        rec = records[_one(fused, sitroom_type, place)["fused_id"]]
        assert (rec["event_type"], rec["mode"], rec["sitroom_type"]) == (event_type, mode, sitroom_type)
    agreement = next(records[r["fused_id"]] for r in fused if r["event_type"] == "agreement")
    assert (agreement["event_type"], agreement["context"]) == ("AGREE", ["military"])  # a ceasefire
    displacement = _one(fused, "displacement", "Kandahar")
    assert displacement["fused_id"] not in records  # people fleeing is no act of an actor in PLOVER
    assert len(records) == len(fused) - 1
    quads = {"ASSAULT": 4, "RETREAT": 2, "MOBILIZE": 4, "SANCTION": 3, "REQUEST": 3, "THREATEN": 3, "REJECT": 3,
             "CONSULT": 1, "AGREE": 1, "PROTEST": 4, "COERCE": 4}
    for rec in records.values():
        assert rec["event_type"] in PLOVER_CATEGORIES
        assert rec["quad_code"] == quads[rec["event_type"]]
        assert rec["id"] == f"sitroom-{rec['fused_id']}" and len(rec["date"]) == 10
        assert rec["location"]["cc3"] and rec["event_text"]
    # every sitroom type has a PLOVER row (displacement's says it is not a PLOVER event)
    assert set(rules("plover_types.tsv")) == set(EVENT_TYPES)


def test_plover_actors_recipients_and_counts(fused: list[dict]) -> None:
    records = {r["fused_id"]: r for r in plover_records(fused)}
    ghazni = records[_one(fused, "territory_captured", "Ghazni")["fused_id"]]
    assert ghazni["actor"] == [{"name": "Taliban", "code": "AFG", "sector": "REB"}]
    assert ghazni["recipient"] == [{"name": "Afghanistan", "code": "AFG", "sector": None}]
    assert ghazni["location"] == {"name": "Ghazni", "admin1": "Ghazni", "country_code": "AF", "cc3": "AFG",
                                  "latitude": ghazni["location"]["latitude"],
                                  "longitude": ghazni["location"]["longitude"], "precision": "city"}
    clash = records[_one(fused, "armed_clash", "Herat")["fused_id"]]
    assert [a["name"] for a in clash["actor"]] == ["Afghan government forces", "Taliban"]  # two-sided: both sources
    assert clash["recipient"] == []
    strike = records[_one(fused, "air_strike", "Lashkar Gah")["fused_id"]]
    assert strike["actor"][0]["sector"] == "MIL" and strike["recipient"][0]["name"] == "Taliban"
    appeal = records[_one(fused, "appeal", "Russia")["fused_id"]]
    assert appeal["actor"] == [{"name": "United Nations", "code": "IGO", "sector": None}]
    toll = records[_one(fused, "casualties", "Kharkiv")["fused_id"]]
    assert toll["dead"] == 15
    arrest = records[_one(fused, "arrest", "Odesa")["fused_id"]]
    assert arrest["actor"][0]["sector"] == "COP"


# determinism ----------------------------------------------------------------------------------------

def test_exports_are_byte_identical_across_runs(corpus: Path, fused: list[dict], tmp_path: Path) -> None:
    again = _ingest(corpus, tmp_path / "again.sqlite", reverse=True)
    for fmt in FORMATS:
        first, n1 = _export(fused, fmt)
        second, n2 = _export(again, fmt)
        assert first.encode("utf-8") == second.encode("utf-8"), fmt
        assert n1 == n2 > 0
    path = tmp_path / "out.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_export(fused, "acled", fh)
    assert path.read_text(encoding="utf-8") == _export(fused, "acled")[0]


def test_unknown_format_is_refused(fused: list[dict]) -> None:
    with pytest.raises(ValueError, match="acled, geojson, jsonl, plover"):
        write_export(fused, "kml", io.StringIO())


def test_a_count_is_of_the_dead_only_in_a_clause_about_deaths() -> None:
    text = "An airstrike on a market killed at least 64 people and wounded more than 180, officials said."
    assert counts_dead(text, 64) and not counts_dead(text, 180)
    assert not counts_dead("Two were killed and 6 people were wounded.", 6)
    assert counts_dead("造成10人死亡、20人受伤", 10) and not counts_dead("造成10人死亡、20人受伤", 20)
    assert counts_dead("The blast killed 1,200 people.", 1200) and not counts_dead("The blast wounded 12.", 12)


def test_running_tolls_and_tolls_over_weeks_belong_to_no_event(fused: list[dict]) -> None:
    shelling, toll = _one(fused, "attack", "Kharkiv"), _one(fused, "casualties", "Kharkiv")
    assert acled_rows([shelling, toll])[0]["fatalities"] == 15
    since = "The shelling has killed 15 civilians in Kharkiv since July."
    running = dict(toll, mentions=[dict(m, evidence=dict(m["evidence"], text=since)) for m in toll["mentions"]])
    assert acled_rows([shelling, running])[0]["fatalities"] == 0
    assert acled_rows([shelling, dict(toll, date_start="2022-08-01")])[0]["fatalities"] == 0


def test_a_town_no_gazetteer_locates_is_exported_without_coordinates(fused: list[dict]) -> None:
    record = dict(_one(fused, "territory_captured", "Ghazni"))
    record["location"] = {"name": "Pobieda", "admin1": "Donetsk", "country_code": "UA", "latitude": None,
                          "longitude": None, "precision": "city"}
    row = next(iter(acled_rows([record])))
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == ("Pobieda", "", "", 3)
    assert feature_collection([record])["features"][0]["geometry"] is None
