"""`sitroom ingest --jobs N`: worker processes analyse, one writer stores; the picture is the serial one."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli import main
from sitroom.ingest import Metadata, read_file
from sitroom.store import Store, ingest_documents

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "examples" / "corpus", ROOT / "eval" / "shadow" / "corpus"]


def _picture(db: Path) -> dict[str, list]:
    """Everything a user can read back: documents, events, fused events and their members (not the clock)."""
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute("SELECT doc_id, path, title, source, url, published, language, text "
                                      "FROM documents ORDER BY doc_id").fetchall(),
            "events": conn.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall(),
            "fused": conn.execute("SELECT fused_id, record FROM fused_events ORDER BY fused_id").fetchall(),
            "members": conn.execute("SELECT event_id, fused_id FROM fused_members ORDER BY event_id").fetchall(),
        }
    finally:
        conn.close()


def _ingest(db: Path, jobs: int, *paths: Path):
    return CliRunner().invoke(main, ["ingest", *map(str, paths), "--db", str(db), "--jobs", str(jobs), "--quiet"])


def test_two_workers_store_the_same_picture_as_one(tmp_path):
    serial, parallel = tmp_path / "serial.sqlite", tmp_path / "parallel.sqlite"
    one = _ingest(serial, 1, *CORPORA)
    two = _ingest(parallel, 2, *CORPORA)
    assert one.exit_code == two.exit_code == 0, (one.output, two.output)
    assert one.output.replace(str(serial), "DB") == two.output.replace(str(parallel), "DB")
    a, b = _picture(serial), _picture(parallel)
    assert len(a["documents"]) == 24 and len(a["events"]) > 150 and len(a["fused"]) > 100
    assert a == b
    control = [CliRunner().invoke(main, ["control", "--db", str(db), "--history", "--format", "csv"]).output
               for db in (serial, parallel)]
    assert control[0] == control[1] and control[0].count("\n") > 10
    again = _ingest(parallel, 2, *CORPORA)
    assert "0 new, 24 unchanged" in again.output and _picture(parallel) == b


def _items(folder: Path, texts: dict[str, str]) -> list:
    folder.mkdir()
    items = []
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
        items.extend(read_file(folder / f"{name}.txt", Metadata(language="en", published=None)))
    return items


TEXTS = {
    "a_kunduz": "KABUL, Aug 8 2021 (Example Wire) - The Taliban captured the northern city of Kunduz on Sunday.",
    "b_boom": "BOOM. Rebels seized the town of Goma in eastern Congo on Tuesday, a UN spokesman said.",
    "c_mosul": "BAGHDAD, June 10 2014 (Example Wire) - Islamic State fighters seized Mosul on Tuesday.",
    "d_kunduz_again": "KABUL, Aug 8 2021 (Example Wire) - The Taliban captured the northern city of Kunduz on Sunday.",
}


def test_a_document_that_fails_in_a_worker_is_named_and_the_others_are_stored(tmp_path, monkeypatch):
    import sitroom.pipeline

    real = sitroom.pipeline.analyse

    def fragile(raw):
        if raw.text.startswith("BOOM"):
            raise ValueError("cannot read this one")
        return real(raw)

    monkeypatch.setattr(sitroom.pipeline, "analyse", fragile)  # workers are forked after this: they inherit it
    items = _items(tmp_path / "in", TEXTS)
    with Store(tmp_path / "db.sqlite") as store:
        report = ingest_documents(store, items, jobs=2)
        assert (report.new, report.unchanged) == (2, 1)  # d_kunduz_again is the text of a_kunduz
        assert len(report.failures) == 1 and "b_boom.txt" in report.failures[0] and "ValueError" in report.failures[0]
        assert sorted(d["path"].rsplit("/", 1)[-1] for d in store.documents()) == ["a_kunduz.txt", "c_mosul.txt"]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_a_worker_that_dies_loses_nothing_stored_and_a_rerun_completes(tmp_path, monkeypatch):
    import sitroom.pipeline

    real = sitroom.pipeline.analyse

    def dies(raw):
        if raw.text.startswith("BOOM"):
            os._exit(9)  # as a worker killed by the kernel for its memory would
        return real(raw)

    items = _items(tmp_path / "in", TEXTS)
    db = tmp_path / "db.sqlite"
    monkeypatch.setattr(sitroom.pipeline, "analyse", dies)
    with Store(db) as store:
        report = ingest_documents(store, items, jobs=2)
        assert report.failures and all("worker process stopped" in f for f in report.failures)
        assert report.new + len(report.failures) == 3
    monkeypatch.setattr(sitroom.pipeline, "analyse", real)
    with Store(db) as store:
        rerun = ingest_documents(store, items, jobs=2)
        assert rerun.failures == [] and rerun.new == len(report.failures)
        assert store.counts()["documents"] == 3
    clean = tmp_path / "clean.sqlite"
    with Store(clean) as store:
        ingest_documents(store, items, jobs=1)
    assert _picture(db) == _picture(clean)


def test_a_local_dask_cluster_stores_the_same_picture_as_one_process(tmp_path):
    pytest.importorskip("distributed")
    serial, dask = tmp_path / "serial.sqlite", tmp_path / "dask.sqlite"
    assert _ingest(serial, 1, *CORPORA).exit_code == 0
    result = CliRunner().invoke(main, ["ingest", *map(str, CORPORA), "--db", str(dask), "--dask", "local",
                                       "--jobs", "2", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "24 new" in result.output
    assert _picture(serial) == _picture(dask)


def test_an_unreachable_dask_scheduler_is_one_clear_error(tmp_path):
    pytest.importorskip("distributed")
    import dask

    db = tmp_path / "db.sqlite"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(main, ["ingest", str(CORPORA[0]), "--db", str(db), "--dask",
                                           "tcp://127.0.0.1:9", "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "--dask tcp://127.0.0.1:9:" in result.output
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_past_the_time_limit_is_stopped_named_and_the_others_stored(tmp_path, monkeypatch, jobs):
    import dataclasses
    import time as _time

    import sitroom.pipeline
    import sitroom.settings

    real = sitroom.pipeline.analyse

    def slow(raw):
        if raw.text.startswith("BOOM"):
            while True:  # a document whose analysis never ends
                _time.sleep(0.01)
        return real(raw)

    monkeypatch.setattr(sitroom.pipeline, "analyse", slow)
    monkeypatch.setattr(sitroom.settings, "DEFAULTS", dataclasses.replace(sitroom.settings.DEFAULTS,
                                                                          document_seconds=0.5))
    items = _items(tmp_path / "in", TEXTS)
    with Store(tmp_path / "db.sqlite") as store:
        report = ingest_documents(store, items, jobs=jobs)
        assert report.new == 2 and len(report.failures) == 1
        assert "b_boom.txt: took longer than 0.5 s to analyse and was stopped" in report.failures[0]
