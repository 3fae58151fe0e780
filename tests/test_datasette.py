"""Browsing a sitroom database with Datasette: sitroom's metadata (descriptions, facets, canned queries), facets
that agree with the store, SQL, and `sitroom datasette` serving the file read-only."""
from __future__ import annotations

import asyncio
import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_picture
from datasette.app import Datasette

from sitroom.cli import main
from sitroom.store import Store
from sitroom.store.datasette import datasette_metadata


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_picture(tmp_path_factory.mktemp("datasette"))


def get(db: Path, path: str) -> dict | list:
    async def fetch():
        ds = Datasette(immutables=[str(db)], metadata=datasette_metadata(db))
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()
    return asyncio.run(fetch())


def test_facets_agree_with_the_store(db: Path) -> None:
    with Store(db, readonly=True) as store:
        by_type = Counter(e["event_type"] for e in store.query_events())
        fused_by_country = Counter((f["location"] or {}).get("country_code") for f in store.fused_events())
    page = get(db, f"/{db.stem}/events.json?_size=0&_facet_size=max")
    facets = page["facet_results"]
    facets = facets.get("results", facets)
    assert {r["value"]: r["count"] for r in facets["event_type"]["results"]} == dict(by_type)
    fused = get(db, f"/{db.stem}/fused_events.json?_size=0&_facet_size=max")["facet_results"]
    fused = fused.get("results", fused)
    assert {r["value"]: r["count"] for r in fused["country_code"]["results"]} == \
        {k: v for k, v in fused_by_country.items() if k is not None}


def test_sql_and_the_canned_queries(db: Path) -> None:
    rows = get(db, f"/{db.stem}.json?sql=select+count(*)+as+n+from+events&_shape=array")
    with Store(db, readonly=True) as store:
        assert rows == [{"n": store.counts()["events"]}]
        doc_id = store.documents()[0]["doc_id"]
        expected = len(store.query_events(doc_id=doc_id))
    captures = get(db, f"/{db.stem}/captures_by_place.json?_shape=array")
    assert {"place": "Kabul", "country_code": "AF", "actor1": "Taliban"}.items() <= \
        next(r for r in captures if r["place"] == "Kabul").items()
    assert len(get(db, f"/{db.stem}/events_of_a_document.json?doc_id={doc_id}&_shape=array")) == expected


def test_the_metadata_is_keyed_by_the_file_and_printed_by_the_command(db: Path) -> None:
    result = CliRunner().invoke(main, ["datasette", "--db", str(db), "--metadata-only"])
    assert result.exit_code == 0, result.output
    metadata = json.loads(result.output)
    assert list(metadata["databases"]) == [db.stem]
    assert metadata["databases"][db.stem]["tables"]["alembic_version"] == {"hidden": True}
    missing = CliRunner().invoke(main, ["datasette", "--db", str(db.with_name("none.sqlite"))])
    assert missing.exit_code == 2 and "no such database" in missing.output


def test_sitroom_datasette_serves_the_file_read_only(db: Path) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "datasette", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{db.stem}/events.json?_size=1") as r:
                    page = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(server.stdout.read().decode() if server.poll() is not None else "no answer")
                time.sleep(0.3)
        assert page["rows"] and "event_type" in page["columns"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
