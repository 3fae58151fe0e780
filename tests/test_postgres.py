"""PostgreSQL as the second store: the same schema (Alembic), writes, queries, fusion, control and API as SQLite,
checked by storing the same corpus in both and comparing everything a user can read back."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from postgres_server import available, postgres_server, reset

from sitroom.cli import main
from sitroom.store import SCHEMA_REVISION, Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.skipif(not available(), reason="PostgreSQL is not installed (make test installs it)")

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "examples" / "corpus", ROOT / "eval" / "shadow" / "corpus"]


@pytest.fixture(scope="module")
def server() -> str:
    with postgres_server() as url:
        yield url


@pytest.fixture
def pg(server: str) -> str:
    reset(server)
    return server


def _picture(target) -> dict[str, list]:
    """Documents, events, fused events and members, as any back end returns them."""
    with Store(target, readonly=True) as s:
        q = lambda sql: [tuple(r) for r in s.conn.execute(sql)]  # noqa: E731
        return {"documents": q("SELECT doc_id, path, title, source, url, published, language, text FROM documents "
                               "ORDER BY doc_id"),
                "events": q("SELECT event_id, record FROM events ORDER BY event_id"),
                "fused": q("SELECT fused_id, record FROM fused_events ORDER BY fused_id"),
                "members": q("SELECT event_id, fused_id FROM fused_members ORDER BY event_id"),
                "places": q("SELECT place_key, name, latitude, longitude FROM places ORDER BY place_key")}


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def both(server: str, tmp_path_factory) -> tuple[Path, str]:
    """The corpus stored in an SQLite file (one process) and in PostgreSQL (two workers)."""
    reset(server)
    sqlite = tmp_path_factory.mktemp("pg") / "picture.sqlite"
    _run("ingest", *map(str, CORPORA), "--db", str(sqlite), "--jobs", "1", "--quiet")
    out = _run("ingest", *map(str, CORPORA), "--db", server, "--jobs", "2", "--quiet")
    assert "24 new" in out
    return sqlite, server


def test_the_same_picture_in_postgresql_as_in_sqlite(both) -> None:
    sqlite, pg = both
    a, b = _picture(sqlite), _picture(pg)
    assert len(a["documents"]) == 24 and len(a["fused"]) > 100
    assert a == b
    with Store(pg, readonly=True) as s:
        assert s.conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_REVISION
        # coordinates keep their digits (double precision, not PostgreSQL's 4-byte REAL)
        assert s.conn.execute("SELECT data_type FROM information_schema.columns WHERE table_name='places' "
                              "AND column_name='latitude'").fetchone()[0] == "double precision"


def test_reingesting_and_refusing_in_postgresql_change_nothing(both) -> None:
    sqlite, pg = both
    before = _picture(pg)
    assert "0 new, 24 unchanged" in _run("ingest", *map(str, CORPORA), "--db", pg, "--quiet")
    _run("fuse", "--db", pg)
    assert _picture(pg) == before


def test_queries_control_and_exports_agree(both) -> None:
    sqlite, pg = both
    with Store(sqlite, readonly=True) as a, Store(pg, readonly=True) as b:
        for filters in ({}, {"event_type": "territory_captured"}, {"country": "sy"}, {"actor": "taliban"},
                        {"limit": 5, "offset": 3}):
            assert a.query_events(**filters) == b.query_events(**filters)
        for sort in ("date", "-date", "sources", "-sources"):
            assert a.fused_page(sort=sort, limit=20, offset=5) == b.fused_page(sort=sort, limit=20, offset=5)
        assert a.facets() == b.facets() and a.counts() == b.counts() and a.documents() == b.documents()
    for verb in (["control", "--history", "--format", "csv"], ["events", "--format", "jsonl"], ["summary"],
                 ["export", "--format", "acled"]):
        assert _run(*verb, "--db", str(sqlite)) == _run(*verb, "--db", pg)


def test_the_api_answers_alike_from_both(both) -> None:
    sqlite, pg = both
    paths = ["/api/events?limit=1000", "/api/events?type=territory_captured&sort=-sources", "/api/control",
             "/api/report", "/api/meta", "/api/documents", "/api/health"]
    with TestClient(__import__("sitroom.web.app", fromlist=["create_app"]).create_app(sqlite)) as a, \
            TestClient(__import__("sitroom.web.app", fromlist=["create_app"]).create_app(pg)) as b:
        for path in paths:
            ra, rb = a.get(path), b.get(path)
            assert ra.status_code == rb.status_code == 200, path
            assert ra.json() == rb.json(), path
        fused_id = a.get("/api/events").json()["items"][0]["fused_id"]
        assert a.get(f"/api/events/{fused_id}").json() == b.get(f"/api/events/{fused_id}").json()
        doc_id = a.get("/api/documents").json()["items"][0]["doc_id"]
        assert a.get(f"/api/documents/{doc_id}").json() == b.get(f"/api/documents/{doc_id}").json()


def test_a_reader_cannot_write_and_a_bad_url_is_one_clear_error(pg: str) -> None:
    with Store(pg):
        pass
    with Store(pg, readonly=True) as s, pytest.raises(Exception, match="read-only"):
        s.conn.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    result = CliRunner().invoke(main, ["summary", "--db", pg.replace("sitroom_test", "no_such_db")])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert 'Error: postgresql://postgres@/no_such_db' in result.output and 'database "no_such_db" does not exist' \
        in result.output


def test_an_upload_through_the_api_lands_in_postgresql(pg: str) -> None:
    with Store(pg):
        pass
    with TestClient(__import__("sitroom.web.app", fromlist=["create_app"]).create_app(pg, allow_ingest=True,
                                                                                        token="t")) as c:
        r = c.post("/api/documents", content=b"KABUL, Aug 16 (Upload Wire) - The Taliban captured Bamiyan on Monday.\n",
                   headers={"Authorization": "Bearer t"}, params={"published": "2021-08-16", "lang": "en"})
        assert r.status_code == 201 and r.json()["new"] == 1, r.text
        assert "Bamyan" in json.dumps(c.get("/api/control").json())


def test_a_local_dask_cluster_writes_the_same_picture_to_postgresql(both, pg: str) -> None:
    pytest.importorskip("distributed")
    sqlite, _ = both
    out = _run("ingest", *map(str, CORPORA), "--db", pg, "--dask", "local", "--jobs", "2", "--quiet")
    assert "24 new" in out
    assert _picture(pg) == _picture(sqlite)
