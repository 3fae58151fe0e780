"""Vague dates keep their range and precision from extraction through fusion, control, report, API and exports;
fusion never merges reports that start years apart; "since X, when ..." dates the clause at X."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_article
from fastapi.testclient import TestClient

import sitroom
from sitroom.cli import main
from sitroom.store import Store
from sitroom.time import find_times
from sitroom.web.app import create_app

# two wars, two languages: a capture dated only by a part of a month
KHERSON_EN = ("KYIV, Nov 12 (Example Wire) - Russian forces captured Kherson in early March, the only regional capital "
              "they took after the invasion, officials said.\n")
WAD_MADANI_ZH = "样例社开罗1月5日电 苏丹快速支援部队去年12月中旬攻占了杰济拉州首府瓦德迈达尼。\n"
# a running toll since the war began and a toll of one day, in one place
TOLL_SINCE_2016 = ("DAMASCUS, Dec 8 (Example Wire) - In Aleppo, tens of thousands of people have been killed since "
                   "December 2016, a monitoring group said.\n")
TOLL_OF_A_DAY = ("DAMASCUS, Dec 8 (Example Wire) - Dozens of people were killed in Aleppo on Sunday, a monitoring "
                 "group said.\n")


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def vague_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vague")
    write_article(folder / "in", "kherson", KHERSON_EN, {"published": "2022-11-12", "source": "Example Wire"})
    write_article(folder / "in", "wad_madani", WAD_MADANI_ZH, {"published": "2024-01-05", "source": "样例社"})
    db = folder / "vague.sqlite"
    assert run("ingest", folder / "in", "--db", db, "--quiet").exit_code == 0
    return db


def _captures(db: Path) -> dict[str, dict]:
    with Store(db, readonly=True) as store:
        return {f["location"]["name"]: f for f in store.fused_events(event_type="territory_captured")}


def test_fused_events_keep_the_precision_of_a_vague_date(vague_db: Path) -> None:
    fused = _captures(vague_db)
    assert (fused["Kherson"]["best_date"], fused["Kherson"]["best_date_end"], fused["Kherson"]["date_precision"]) == \
        ("2022-03-01", "2022-03-10", "range")
    assert (fused["Wad Madani"]["best_date"], fused["Wad Madani"]["best_date_end"],
            fused["Wad Madani"]["date_precision"]) == ("2023-12-11", "2023-12-20", "range")


def test_control_rows_carry_the_range_and_precision_of_since(vague_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("control", "--db", vague_db, "--format", "csv").output)))
    got = {r["place"]: (r["since"], r["since_end"], r["since_precision"]) for r in rows}
    assert got == {"Kherson": ("2022-03-01", "2022-03-10", "range"),
                   "Wad Madani": ("2023-12-11", "2023-12-20", "range")}
    table = run("control", "--db", vague_db).output
    assert "2022-03-01..2022-03-10" in table and "2023-12-11..2023-12-20" in table
    with TestClient(create_app(vague_db)) as client:
        features = client.get("/api/control").json()["features"]
    assert {f["properties"]["place"]: f["properties"]["since_precision"] for f in features} == \
        {"Kherson": "range", "Wad Madani": "range"}


def test_the_report_says_a_vague_date_as_a_range_not_a_day(vague_db: Path) -> None:
    report = run("report", "--db", vague_db).output
    assert "Russian forces took Kherson between 1 and 10 March 2022" in report
    assert "Rapid Support Forces took Wad Madani between 11 and 20 December 2023" in report
    assert "on 1 March 2022" not in report
    assert "| 2022-03-01..2022-03-10 | Kherson |" in report


def test_exports_carry_the_precision(vague_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", vague_db, "--format", "acled").output)))
    # ACLED's codes: 1 a day, 2 a range of a week at most, 3 longer (a third of a month is ten days)
    assert {r["location"]: r["time_precision"] for r in rows} == {"Kherson": "3", "Wad Madani": "3"}
    lines = [json.loads(line) for line in run("export", "--db", vague_db, "--format", "jsonl").output.splitlines()]
    assert {r["date_precision"] for r in lines} == {"range"}


def test_fusion_never_merges_reports_that_start_years_apart(tmp_path: Path) -> None:
    """The running toll (December 2016 to the report) overlaps the day's toll; they were one event before."""
    write_article(tmp_path / "in", "since", TOLL_SINCE_2016, {"published": "2024-12-08", "source": "Wire A"})
    write_article(tmp_path / "in", "day", TOLL_OF_A_DAY, {"published": "2024-12-08", "source": "Wire B"})
    db = tmp_path / "p.sqlite"
    assert run("ingest", tmp_path / "in", "--db", db, "--quiet").exit_code == 0
    with Store(db, readonly=True) as store:
        tolls = store.fused_events(event_type="casualties")
    assert sorted((f["date_start"], f["n_sources"]) for f in tolls) == [("2016-12-01", 1), ("2024-12-08", 1)]


@pytest.mark.parametrize("text, ref, expected", [
    ("Opposition forces have held ground in Aleppo since December 2016, when government troops retook the east.",
     date(2024, 12, 1), (date(2016, 12, 1), date(2016, 12, 31), "month")),
    ("Women have been barred from school since August 2021, when the Taliban captured Kabul.",
     date(2023, 8, 15), (date(2021, 8, 1), date(2021, 8, 31), "month")),
    ("The Houthis have ruled the north since 2014, when their fighters seized Sanaa.",
     date(2024, 9, 21), (date(2014, 1, 1), date(2014, 12, 31), "year")),
])
def test_since_x_when_dates_the_clause_at_x(text: str, ref: date, expected: tuple) -> None:
    (t,) = find_times(text, ref, "en")
    assert (t.date_start, t.date_end, t.precision) == expected


def test_since_x_without_when_is_still_the_range_to_the_report() -> None:
    (t,) = find_times("Fighting since December 2016 has killed thousands.", date(2024, 12, 1), "en")
    assert (t.date_start, t.date_end, t.precision) == (date(2016, 12, 1), date(2024, 12, 1), "range")


@pytest.mark.parametrize("text, published, dead", [
    ("GOMA, Jan 27 (Wire) - At least 13 foreign soldiers serving with the U.N. mission and a southern African "
     "regional force - nine South Africans, three Malawians and one Uruguayan - have been killed in fighting around "
     "the city in recent days.", "2025-01-27", 13),
    ("GAZA, May 2 (Wire) - At least 20 people — 12 children and eight women — were killed in an Israeli strike on a "
     "school in Rafah on Thursday.", "2024-05-02", 20),
    ("KYIV, March 3 (Wire) - Two British volunteers (one former soldier and one medic) were killed in shelling in "
     "Bakhmut on Tuesday, officials said.", "2023-03-03", 2),
])
def test_a_breakdown_aside_before_the_verb_does_not_replace_the_total(text: str, published: str, dead: int) -> None:
    tolls = [e["quantity"] for e in sitroom.extract(text, published=published) if e["event_type"] == "casualties"]
    assert tolls == [dead]


def test_the_goma_article_gives_acled_rows_with_fatalities(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    db = tmp_path / "goma.sqlite"
    assert run("ingest", corpus / "cod_2025-01-27_goma_en.txt", "--db", db, "--quiet").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "acled").output)))
    battles = [r for r in rows if r["event_type"] == "Battles" and r["sub_event_type"] == "Armed clash"]
    assert sorted(int(r["fatalities"]) for r in battles)[-1] == 13  # the fighting the 13 dead are told with
    assert sum(int(r["fatalities"]) for r in rows) == 13  # and counted once
    assert {r["time_precision"] for r in rows if r["sub_event_type"] == "Non-state actor overtakes territory"} == {"1"}
