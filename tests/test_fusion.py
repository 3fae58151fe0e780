"""Fusion across documents, control over time, and the written report, on real text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitroom.fuse.control import state_at, timelines
from sitroom.ingest import Metadata, discover, read_file
from sitroom.report.brief import build_brief
from sitroom.report.render import to_html, to_markdown
from sitroom.store import Store, ingest_documents, refuse_all

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"


def _items(paths: list[Path]) -> list:
    out = []
    for p in discover([str(p) for p in paths]):
        out.extend(read_file(p, Metadata()))
    return out


def _store(tmp_path: Path, name: str, paths: list[Path], reverse: bool = False) -> Store:
    store = Store(tmp_path / name)
    items = _items(paths)
    if reverse:
        items = list(reversed(items))
    for item in items:  # one document at a time: fusion is updated incrementally
        ingest_documents(store, [item])
    return store


def _afghan_reports(shared: Path) -> list[Path]:
    corpus = shared / "corpus"
    return sorted(p for p in corpus.glob("*.txt") if "afg" in p.name or "afghanistan" in p.name)


def test_afghan_reports_give_one_fused_capture_per_capital_with_its_fall_date(tmp_path: Path, shared_dir: Path) -> None:
    store = _store(tmp_path, "afg.sqlite", _afghan_reports(shared_dir))
    fused = store.fused_events(event_type="territory_captured", country="AF")
    towns = [f for f in fused if f["location"]["precision"] == "city"]
    names = [f["location"]["name"] for f in towns]
    assert len(names) == len(set(names)), names  # one fused event per town
    control = {c.place["name"]: c for c in state_at(fused, country="AF")}
    expected = {"Kandahar": ("2021-08-12", "2021-08-13"), "Herat": ("2021-08-12", "2021-08-13"),
                "Ghazni": ("2021-08-12", "2021-08-12"), "Lashkar Gah": ("2021-08-12", "2021-08-13"),
                "Tarinkot": ("2021-08-12", "2021-08-13"), "Qala-i-Naw": ("2021-08-12", "2021-08-13"),
                "Firozkoh": ("2021-08-12", "2021-08-13"), "Kunduz": ("2021-08-08", "2021-08-08"),
                "Zaranj": ("2021-08-06", "2021-08-06"), "Sheberghan": ("2021-08-07", "2021-08-07")}
    for town, (lo, hi) in expected.items():
        assert town in control, town
        assert control[town].controller == "Taliban"
        assert lo <= control[town].since <= hi, (town, control[town].since)
    # Kandahar and Herat are reported by the Chinese reference report and the English AP report
    by_name = {f["location"]["name"]: f for f in towns}
    assert by_name["Kandahar"]["n_sources"] >= 2 and by_name["Herat"]["n_sources"] >= 2
    assert len({m["doc_id"] for m in by_name["Kandahar"]["mentions"]}) >= 2


def test_same_picture_whatever_the_order_of_ingest(tmp_path: Path) -> None:
    paths = [EXAMPLES]
    a = _store(tmp_path, "a.sqlite", paths)
    b = _store(tmp_path, "b.sqlite", paths, reverse=True)
    fa, fb = a.fused_events(), b.fused_events()
    assert json.dumps(fa, sort_keys=True) == json.dumps(fb, sort_keys=True)
    rows = lambda fused: [c.as_row() for c in state_at(fused)]  # noqa: E731
    assert rows(fa) == rows(fb) and rows(fa)


def test_incremental_fusion_equals_a_full_rebuild(tmp_path: Path) -> None:
    store = _store(tmp_path, "inc.sqlite", [EXAMPLES])
    incremental = store.fused_events()
    refuse_all(store)
    assert json.dumps(store.fused_events(), sort_keys=True) == json.dumps(incremental, sort_keys=True)


def _write(tmp_path: Path, name: str, text: str, published: str, source: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.meta.json").write_text(json.dumps({"published": published, "language": "en", "source": source}))
    return path


def test_contested_same_day_claims_and_recapture(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a", "KHARKIV, Sept 10 (Wire A) - Russian forces captured Kupiansk on Saturday, the Russian defence "
           "ministry said.", "2022-09-10", "Wire A")
    _write(docs, "b", "KYIV, Sept 10 (Wire B) - Ukrainian troops took control of Kupiansk on Saturday, officials said.",
           "2022-09-10", "Wire B")
    _write(docs, "c", "KYIV, Sept 20 (Wire C) - Ukrainian forces recaptured Izium on Tuesday. Russian forces had "
           "captured Izium in April.", "2022-09-20", "Wire C")
    store = Store(tmp_path / "c.sqlite")
    ingest_documents(store, _items([docs]))
    fused = store.fused_events(event_type="territory_captured")
    tl = timelines(fused)
    kupiansk = tl["UA/Kupiansk"]
    assert kupiansk[-1].controller == "contested"
    assert set(kupiansk[-1].claimants) == {"Russian forces", "Ukrainian forces"}
    izium = tl["UA/Izium"]
    assert [c.controller for c in izium] == ["Russian forces", "Ukrainian forces"]
    assert izium[0].until == izium[1].since == "2022-09-20"
    at_may = {c.place["name"]: c.controller for c in state_at(fused, at="2022-05-01")}
    assert at_may.get("Izium") == "Russian forces" and "Kupiansk" not in at_may


def test_report_cites_only_existing_sources_and_escapes_article_text(tmp_path: Path) -> None:
    store = _store(tmp_path, "r.sqlite", [EXAMPLES])
    documents = {d["doc_id"]: d for d in store.documents()}
    brief = build_brief(store.fused_events(), documents)
    md = to_markdown(brief)
    refs = re.findall(r"^(\d+)\. ", md, flags=re.M)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md)}
    assert cited and cited <= {int(n) for n in refs}
    assert len(refs) <= len(documents)
    for heading in ("Territorial control", "Military deployments and strikes", "Evacuations and diplomatic posture",
                    "Diplomacy", "Humanitarian figures", "Gaps"):
        assert heading in md
    html = to_html(brief)
    assert "<svg" in html and "<script" not in html
    hostile = build_brief([{**store.fused_events()[0], "actor1": "<script>alert(1)</script>"}], documents)
    assert "<script>alert" not in to_html(hostile)


def test_control_csv_columns(tmp_path: Path) -> None:
    from io import StringIO

    from sitroom.report.tables import write_control

    store = _store(tmp_path, "csv.sqlite", [EXAMPLES])
    out = StringIO()
    write_control(state_at(store.fused_events(event_type="territory_captured")), "csv", out)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[:8] == ["place", "admin1", "country_code", "latitude", "longitude", "controller", "since", "sources"]
    assert len(out.getvalue().splitlines()) > 5


@pytest.mark.parametrize("fmt", ["table", "csv", "geojson"])
def test_control_command(tmp_path: Path, fmt: str) -> None:
    from click.testing import CliRunner

    from sitroom.cli import main

    db = tmp_path / "cli.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet"]).exit_code == 0
    out = runner.invoke(main, ["control", "--db", str(db), "--country", "AF", "--format", fmt])
    assert out.exit_code == 0, out.output
    assert "Kandahar" in out.output
    if fmt == "geojson":
        data = json.loads(out.output)
        assert data["type"] == "FeatureCollection" and data["features"]


def test_a_town_and_its_airport_stay_two_captures_across_reports(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "a", "GOMA, Aug 25 (Wire A) - Rebel troops entered Kisangani on Friday. On Saturday, the rebels "
           "seized Kisangani's Bangoka airport.", "1998-08-25", "Wire A")
    _write(docs, "b", "KINSHASA, Aug 25 (Wire B) - Rebels seized the Bangoka airport in Kisangani on Saturday, "
           "officials said.", "1998-08-25", "Wire B")
    store = Store(tmp_path / "k.sqlite")
    ingest_documents(store, _items([docs]))
    fused = store.fused_events(event_type="territory_captured")
    assert sorted((f["location"]["name"], bool(f["site"]), f["n_sources"]) for f in fused) == [
        ("Kisangani", False, 1), ("Kisangani", True, 2)]


def _every_pair_clusters(members):
    """Reference clustering without indexes: each event against every member of every open cluster."""
    from datetime import date as _date

    from sitroom.fuse.cluster import (DATE_WINDOW, _PRECISION_RANK, _loc, actors_compatible, canonical_order,
                                      dates_close, places_compatible, quantities_compatible)
    from sitroom.fuse.model import FusedEvent

    def day(v):
        return _date.fromisoformat(v) if v else None

    def rank(m):
        return _PRECISION_RANK.get(_loc(m).get("precision") if _loc(m) else None, 3)

    clusters, open_ = [], []
    for m in sorted(members, key=canonical_order):
        window = DATE_WINDOW[m.record["event_type"]]
        start = day(m.record.get("date_start"))
        if start is not None:
            open_ = [(c, last) for c, last in open_ if last is None or (start - last).days <= window]
        fits = [c for c, _ in open_
                if all(places_compatible(m, x) and actors_compatible(m, x) and quantities_compatible(m, x)
                       for x in c.members) and any(dates_close(m, x, window) for x in c.members)]
        end = day(m.record.get("date_end")) or start
        if fits:
            best = min(fits, key=lambda c: (min(abs(rank(m) - rank(x)) for x in c.members), c.fused_id))
            best.members.append(m)
            open_ = [(c, max(last, end) if last and end else (last or end)) if c is best else (c, last)
                     for c, last in open_]
        else:
            clusters.append(FusedEvent([m]))
            open_.append((clusters[-1], end))
    return clusters


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_indexed_clustering_equals_comparing_every_pair(seed: int) -> None:
    """Open clusters filed by town and members compared once per kind change speed, never the clusters."""
    import random

    from sitroom.fuse.cluster import cluster_block
    from sitroom.fuse.model import Member

    rng = random.Random(seed)
    towns = [("Kunduz", "Kunduz"), ("Taloqan", "Takhar"), ("Herat", "Herat"), ("Ghazni", "Ghazni")]
    members = []
    for i in range(400):
        kind = rng.random()
        if kind < 0.6:
            name, admin1 = rng.choice(towns)
            loc = {"name": name, "admin1": admin1, "country_code": "AF", "precision": "city"}
        elif kind < 0.8:
            loc = {"name": rng.choice(towns)[1], "admin1": None, "country_code": "AF", "precision": "admin1"}
        elif kind < 0.9:
            loc = {"name": "Afghanistan", "country_code": "AF", "precision": "country"}
        else:
            loc = None
        day = rng.randint(1, 20)
        record = {"event_id": f"e{i:04d}", "event_type": "territory_captured", "location": loc,
                  "date_start": f"2021-08-{day:02d}" if rng.random() < 0.9 else None,
                  "date_end": f"2021-08-{min(28, day + rng.choice([0, 0, 2])):02d}",
                  "actor1": rng.choice(["Taliban", "Taliban", "Afghan government forces", None]),
                  "actor1_country": None, "quantity": rng.choice([None, None, 100, 120, 400]),
                  "site": rng.choice([None, None, None, "airport"])}
        if record["date_start"] is None:
            record["date_end"] = None
        members.append(Member(record, f"outlet{i % 5}", "2021-08-21"))
    fast = sorted(sorted(m.event_id for m in c.members) for c in cluster_block(members))
    slow = sorted(sorted(m.event_id for m in c.members) for c in _every_pair_clusters(members))
    assert fast == slow
    assert len(fast) < len(members) / 2  # the members do fuse: the comparison is not between singletons
