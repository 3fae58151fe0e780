"""Analysts' reviews (sitroom review, POST /api/events/{id}/review): verify, reject, correct; kept apart from the
extracted records, surviving re-ingest and re-fusion, and respected by fusion, control, report and exports."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_picture
from fastapi.testclient import TestClient

from sitroom.cli import main
from sitroom.fuse.control import state_at
from sitroom.store import Store
from sitroom.web.app import create_app

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TOKEN = "review-token"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_picture(tmp_path_factory.mktemp("reviews"))


@pytest.fixture
def db(picture: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "picture.sqlite"
    shutil.copyfile(picture, copy)
    return copy


def fused(db: Path, **filters) -> list[dict]:
    with Store(db, readonly=True) as store:
        return store.fused_events(**filters)


def capture_of(db: Path, place: str) -> dict:
    [f] = [f for f in fused(db, event_type="territory_captured") if f["location"]["name"] == place
           and f["best_date"] >= "2021-01-01"]
    return f


def controller(db: Path, place: str) -> str | None:
    with Store(db, readonly=True) as store:
        held = {c.place["name"]: c.controller for c in state_at(store.fused_events(event_type="territory_captured"))}
    return held.get(place)


def extracted(db: Path) -> list[str]:
    with Store(db, readonly=True) as store:
        return [r[0] for r in store.conn.execute("SELECT record FROM events ORDER BY event_id")]


def test_a_correction_survives_re_ingest_and_re_fusion_and_leaves_the_extracted_record(db: Path) -> None:
    kunduz = capture_of(db, "Kunduz")
    assert controller(db, "Kunduz") == "Taliban"
    before = extracted(db)
    result = run("review", kunduz["fused_id"], "--db", db, "--correct", "actor1=Afghan government forces",
                 "--note", "the source says the army still holds the city")
    assert result.exit_code == 0, result.output
    assert controller(db, "Kunduz") == "Afghan government forces"
    assert run("ingest", CORPUS, "--db", db, "--quiet").exit_code == 0  # the same articles again
    assert controller(db, "Kunduz") == "Afghan government forces"
    assert run("fuse", "--db", db).exit_code == 0
    assert controller(db, "Kunduz") == "Afghan government forces"
    assert extracted(db) == before  # what was extracted is kept as it was
    [event] = [e for e in run_jsonl(db, "events") if e["event_id"] == kunduz["mentions"][0]["event_id"]]
    assert event["actor1"] == "Afghan government forces"
    assert event["review"] == {"status": None, "corrected": {"actor1": "Taliban"},
                               "notes": ["the source says the army still holds the city"]}
    log = [line.split("\t") for line in run("review", "--list", "--db", db).output.splitlines()]
    assert sorted(line[2] for line in log) == sorted(m["event_id"] for m in kunduz["mentions"])  # a fused id: each report
    assert {tuple(line[3:5]) for line in log} == {("correct", "actor1=Afghan government forces")}


def run_jsonl(db: Path, *args: str) -> list[dict]:
    result = run(*args, "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_a_rejected_event_leaves_the_picture_control_report_and_exports(db: Path) -> None:
    kabul = capture_of(db, "Kabul")
    assert run("review", kabul["fused_id"], "--db", db, "--reject").exit_code == 0
    assert kabul["fused_id"] not in {f["fused_id"] for f in fused(db)}
    assert controller(db, "Kabul") is None
    assert "Taliban took Kabul" not in run("report", "--db", db).output
    acled = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "acled").output)))
    assert not any(r["location"] == "Kabul" and "overtakes territory" in r["sub_event_type"] for r in acled)
    listed = [e for e in run_jsonl(db, "events") if e["event_id"] == kabul["mentions"][0]["event_id"]]
    assert listed[0]["review"]["status"] == "rejected"  # each report's events still show it, marked
    assert run("ingest", CORPUS, "--db", db, "--quiet").exit_code == 0
    assert controller(db, "Kabul") is None


def test_a_verified_event_is_marked_in_the_fused_picture(db: Path) -> None:
    herat = capture_of(db, "Herat")
    assert "verified" not in herat
    assert run("review", herat["mentions"][0]["event_id"], "--db", db, "--verify").exit_code == 0
    assert capture_of(db, "Herat")["verified"] is True


def test_correcting_the_type_or_the_place_moves_the_event_to_its_new_block(db: Path) -> None:
    ghazni = capture_of(db, "Ghazni")
    assert run("review", ghazni["fused_id"], "--db", db, "--correct", "event_type=withdrawal").exit_code == 0
    assert not [f for f in fused(db, event_type="territory_captured") if f["location"]["name"] == "Ghazni"]
    assert [f["actor1"] for f in fused(db, event_type="withdrawal") if f["location"]["name"] == "Ghazni"] == ["Taliban"]
    goma = [f for f in fused(db, event_type="territory_captured") if f["location"]["name"] == "Goma"][0]
    assert run("review", goma["fused_id"], "--db", db, "--correct", "location=Bukavu,CD").exit_code == 0
    assert controller(db, "Bukavu") == "M23" and controller(db, "Goma") is None


@pytest.mark.parametrize("args, fragment", [
    (["0123456789abcdef", "--verify"], "no event or fused event 0123456789abcdef"),
    (["ID", "--correct", "weapon=tank"], "'weapon' cannot be corrected"),
    (["ID", "--correct", "date_start=13 August"], "not a date"),
    (["ID", "--correct", "location=Atlantis"], "not a place the gazetteer knows"),
    (["ID", "--correct", "event_type=battle"], "not one of"),
    (["ID", "--correct", "quantity=-3"], "not a count"),
    (["ID", "--verify", "--correct", "actor1=X"], "one of --verify, --reject or --correct"),
    (["ID"], "one of --verify, --reject or --correct"),
])
def test_bad_reviews_are_one_line_errors_and_change_nothing(db: Path, args: list[str], fragment: str) -> None:
    target = capture_of(db, "Herat")["fused_id"]
    before = fused(db)
    result = run("review", *[target if a == "ID" else a for a in args], "--db", db)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert fragment in result.output, result.output
    assert fused(db) == before


def test_reviews_through_the_api_need_the_token_and_a_writing_server(db: Path) -> None:
    target = capture_of(db, "Kandahar")["fused_id"]
    body = {"action": "correct", "changes": {"actor1": "Afghan government forces"}, "note": "checked"}
    with TestClient(create_app(db)) as reader:
        assert reader.post(f"/api/events/{target}/review", json=body).status_code == 403
    with TestClient(create_app(db, allow_ingest=True, token=TOKEN)) as client:
        assert client.post(f"/api/events/{target}/review", json=body).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/events/0123456789abcdef/review", json=body, headers=auth).status_code == 404
        bad = client.post(f"/api/events/{target}/review", headers=auth,
                          json={"action": "correct", "changes": {"location": "Atlantis"}})
        assert bad.status_code == 422 and "gazetteer" in bad.json()["error"]
        assert client.post(f"/api/events/{target}/review", headers=auth,
                           json={"action": "verify", "changes": {"actor1": "X"}}).status_code == 422
        done = client.post(f"/api/events/{target}/review", json=body, headers=auth)
        assert done.status_code == 200 and done.json()["ok"] is True
        places = {f["properties"]["place"]: f["properties"]["controller"]
                  for f in client.get("/api/control").json()["features"]}
    assert places["Kandahar"] == "Afghan government forces"


def test_a_database_from_before_reviews_is_read_as_it_is_and_upgraded_by_a_review(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as conn:  # as written by the sitroom before reviews (revision 0003)
        conn.execute("DROP TABLE reviews")
        conn.execute("UPDATE alembic_version SET version_num='0003'")
    picture = fused(db)
    assert run("summary", "--db", db).exit_code == 0 and len(run_jsonl(db, "events")) > 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003"  # readers do not migrate
    assert run("review", capture_of(db, "Herat")["fused_id"], "--db", db, "--verify").exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    assert len(fused(db)) == len(picture)
