"""Nothing lost, nothing duplicated: `sitroom ingest` killed with SIGKILL at random points and run again, and
two ingests writing one database at once while it is read, end in the database of one clean run."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITROOM = str(Path(sys.executable).with_name("sitroom"))
SAMPLE = ROOT / "examples" / "corpus"
SHADOW = ROOT / "eval" / "shadow" / "corpus"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def _ingest(db: Path, *paths: Path, jobs: int = 1) -> subprocess.CompletedProcess:
    return subprocess.run([SITROOM, "ingest", *map(str, paths), "--db", str(db), "--jobs", str(jobs), "--quiet"],
                          capture_output=True, text=True, timeout=300)


def _picture(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        return {"documents": conn.execute("SELECT doc_id, path, text FROM documents ORDER BY doc_id").fetchall(),
                "events": conn.execute("SELECT event_id, doc_id, record FROM events ORDER BY event_id").fetchall(),
                "fused": conn.execute("SELECT fused_id, record FROM fused_events ORDER BY fused_id").fetchall(),
                "members": conn.execute("SELECT event_id, fused_id FROM fused_members ORDER BY event_id").fetchall()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple[Path, float]:
    """The database of one uninterrupted run, and how long that run took."""
    db = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    start = time.monotonic()
    assert _ingest(db, SAMPLE, SHADOW).returncode == 0
    return db, time.monotonic() - start


def test_killed_at_random_points_then_run_again_gives_the_clean_database(clean, tmp_path):
    clean_db, seconds = clean
    expected = _picture(clean_db)
    events_of = {}
    for event_id, doc_id, _ in expected["events"]:
        events_of.setdefault(doc_id, set()).add(event_id)
    rng = random.Random(20261207)
    stages = set()
    for trial in range(20):
        db = tmp_path / f"killed-{trial}.sqlite"
        proc = subprocess.Popen([SITROOM, "ingest", str(SAMPLE), str(SHADOW), "--db", str(db), "--jobs",
                                 str(1 + trial % 2), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.1, seconds))
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its worker processes, as a power cut would
        proc.wait()
        if db.exists():
            conn = sqlite3.connect(db)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "events" in tables and "documents" in tables:
                    stored = {d for (d,) in conn.execute("SELECT doc_id FROM documents")}
                    partial = {}
                    for event_id, doc_id in conn.execute("SELECT event_id, doc_id FROM events"):
                        partial.setdefault(doc_id, set()).add(event_id)
                    assert set(partial) <= stored  # no orphan events
                    for doc_id in stored:  # each stored document has all its events, never some
                        assert partial.get(doc_id, set()) == events_of.get(doc_id, set())
                    fused = conn.execute("SELECT count(*) FROM fused_members").fetchone()[0]
                    stages.add("fused" if fused and fused == sum(map(len, partial.values())) else
                               "stored" if stored else "empty")
            finally:
                conn.close()
        rerun = _ingest(db, SAMPLE, SHADOW, jobs=2)
        assert rerun.returncode == 0, rerun.stderr
        assert _picture(db) == expected, f"trial {trial}"
    assert {"stored", "fused"} & stages  # the kills did land while the ingest was writing


def test_two_ingests_at_once_beside_a_reader_store_the_picture_of_one_run(clean, tmp_path):
    clean_db, _ = clean
    db = tmp_path / "shared.sqlite"
    assert _ingest(db, SAMPLE).returncode == 0  # the file exists before the readers start
    writers = [subprocess.Popen([SITROOM, "ingest", *paths, "--db", str(db), "--jobs", "1", "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for paths in ([str(SHADOW)], [str(SAMPLE), str(SHADOW)])]
    reads = 0
    while any(w.poll() is None for w in writers):
        summary = subprocess.run([SITROOM, "summary", "--db", str(db)], capture_output=True, text=True, timeout=60)
        assert summary.returncode == 0, summary.stderr
        assert "locked" not in summary.stderr + summary.stdout
        reads += 1
    for w in writers:
        out, err = w.communicate()
        assert w.returncode == 0 and "locked" not in err, err
    assert reads >= 1
    assert _picture(db) == _picture(clean_db)
