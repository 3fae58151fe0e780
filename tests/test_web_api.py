"""The web application's JSON API, pages and uploads, through FastAPI's TestClient, on a real database.

The database holds every document of examples/corpus (the demo) plus a hostile English article whose title and
body carry markup and script; it still reports a real capture, so it yields an event.
"""
from __future__ import annotations

import asyncio
import hashlib
import shutil
import warnings
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import build_picture, write_article

with warnings.catch_warnings():  # starlette's TestClient warns about httpx on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitroom.errors import SitroomError
from sitroom.store import Store
from sitroom.web.app import MAX_UPLOAD_BYTES, create_app

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitroom"

HOSTILE_TITLE = 'Taliban take Jalalabad <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    "KABUL, Aug 15 (Hostile Wire) - The Taliban captured Jalalabad on Sunday "
    '<img src=x onerror="window.__pwned=1"> without a fight, officials said. '
    "<script>window.__pwned=1</script>\n\n"
    "Residents said the city was calm <b>on Sunday evening</b>.\n"
)
TOKEN = "correct-horse-battery-staple"
BAMIYAN = b"KABUL, Aug 16 (Upload Wire) - The Taliban captured Bamiyan on Monday, officials said.\n"


# ---------------------------------------------------------------------------------------------------------------
# the database
# ---------------------------------------------------------------------------------------------------------------
def write_hostile(folder: Path) -> Path:
    meta = {"published": "2021-08-15", "language": "en", "source": "Hostile Wire", "title": HOSTILE_TITLE}
    return write_article(folder, "hostile_jalalabad_en", HOSTILE_TEXT, meta)


def build_database(folder: Path, hostile: bool = True) -> Path:
    """Ingest the demo corpus (and the hostile article) into folder/picture.sqlite and close it."""
    return build_picture(folder, [write_hostile(folder / "hostile")] if hostile else [])


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("web_api"))


@pytest.fixture(scope="module")
def client(db_path: Path) -> TestClient:
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture
def db_copy(db_path: Path, tmp_path: Path) -> Path:
    """A private copy of the database (its WAL is empty once the builder closed it)."""
    target = tmp_path / "copy.sqlite"
    shutil.copyfile(db_path, target)
    return target


@pytest.fixture(scope="module")
def all_events(client: TestClient) -> list[dict]:
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["items"]) > 20
    return body["items"]


@pytest.fixture(scope="module")
def hostile_doc(client: TestClient) -> dict:
    docs = client.get("/api/documents", params={"limit": 1000}).json()["items"]
    [doc] = [d for d in docs if d["source"] == "Hostile Wire"]
    return doc


def _error(r) -> str:
    body = r.json()
    assert body["ok"] is False, body
    assert isinstance(body["error"], str) and body["error"], body
    return body["error"]


# ---------------------------------------------------------------------------------------------------------------
# health, meta
# ---------------------------------------------------------------------------------------------------------------
def test_health_counts_what_the_database_holds(client: TestClient, db_path: Path) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    with Store(db_path, readonly=True) as s:
        counts = s.counts()
    assert body["ok"] is True and body["version"]
    assert {k: body[k] for k in counts} == counts
    assert body["documents"] == client.get("/api/documents").json()["total"] > 10
    assert body["events"] > 0 and 0 < body["fused_events"] <= body["events"]


def test_meta_lists_the_filters_values(client: TestClient, all_events: list[dict]) -> None:
    meta = client.get("/api/meta").json()
    days = sorted(e["best_date"] for e in all_events if e["best_date"])
    assert meta["first_day"] == days[0] and meta["last_day"] == days[-1]
    assert meta["event_types"] == sorted({e["event_type"] for e in all_events})
    assert "territory_captured" in meta["event_types"]
    assert {"AF", "SD", "SY", "UA", "CD"} <= set(meta["countries"])
    assert "Taliban" in meta["actors"] and "M23" in meta["actors"]
    assert meta["certainties"] == ["reported", "claimed", "planned", "denied"]


def test_missing_database_is_refused_at_creation(tmp_path: Path) -> None:
    with pytest.raises(SitroomError):
        create_app(tmp_path / "nothing.sqlite")


# ---------------------------------------------------------------------------------------------------------------
# /api/events: filters, sort, pagination
# ---------------------------------------------------------------------------------------------------------------
def _events(client: TestClient, **params) -> list[dict]:
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return body["items"]


def _ids(rows: list[dict]) -> set[str]:
    return {r["fused_id"] for r in rows}


def test_filter_by_type(client: TestClient, all_events: list[dict]) -> None:
    rows = _events(client, type="territory_captured")
    assert rows and all(r["event_type"] == "territory_captured" for r in rows)
    assert _ids(rows) == {e["fused_id"] for e in all_events if e["event_type"] == "territory_captured"}


def test_filter_by_country_in_any_case(client: TestClient, all_events: list[dict]) -> None:
    expected = {e["fused_id"] for e in all_events if (e["location"] or {}).get("country_code") == "AF"}
    assert expected and _ids(_events(client, country="AF")) == expected
    assert _ids(_events(client, country="af")) == expected
    assert _events(client, country="ZZ") == []


def test_filter_by_actor(client: TestClient, all_events: list[dict]) -> None:
    rows = _events(client, actor="taliban")
    assert rows and all("taliban" in f"{r['actor1']} {r['actor2']}".lower() for r in rows)
    assert _ids(rows) == {e["fused_id"] for e in all_events if "taliban" in f"{e['actor1']} {e['actor2']}".lower()}


def test_filter_by_place(client: TestClient, all_events: list[dict]) -> None:
    rows = _events(client, place="kabul")
    assert rows and all("kabul" in r["location"]["name"].lower() for r in rows)
    assert _ids(rows) == {e["fused_id"] for e in all_events if "kabul" in ((e["location"] or {}).get("name") or "").lower()}


def test_filter_by_period(client: TestClient, all_events: list[dict]) -> None:
    since, until = "2021-08-08", "2021-08-12"
    rows = _events(client, since=since, until=until)
    expected = {e["fused_id"] for e in all_events
                if (e["date_end"] or e["best_date"]) >= since and (e["best_date"] or e["date_start"]) <= until}
    assert rows and _ids(rows) == expected and len(rows) < len(all_events)
    assert {r["location"]["name"] for r in rows if r["event_type"] == "territory_captured"} >= {"Kunduz", "Kandahar"}
    early = _events(client, until="2021-08-07")
    assert all((r["best_date"] or r["date_start"]) <= "2021-08-07" for r in early)
    assert "Kunduz" not in {r["location"]["name"] for r in early if r["event_type"] == "territory_captured"}
    late = _events(client, since="2024-01-01")
    assert late and all((r["date_end"] or r["best_date"]) >= "2024-01-01" for r in late)


def test_filter_by_certainty(client: TestClient, all_events: list[dict]) -> None:
    for certainty in ("claimed", "planned", "reported"):
        rows = _events(client, certainty=certainty)
        assert rows and all(r["certainty"] == certainty for r in rows), certainty
        assert _ids(rows) == {e["fused_id"] for e in all_events if e["certainty"] == certainty}


def test_text_search_in_evidence(client: TestClient) -> None:
    for q in ("Kandahar", "kandahar", "昆都士"):
        rows = _events(client, q=q)
        assert rows, q
        for r in rows:
            assert any(q.lower() in m["evidence"]["text"].lower() for m in r["mentions"]), (q, r["fused_id"])
    assert _events(client, q="no such words anywhere in the corpus") == []


def test_filters_combine(client: TestClient, all_events: list[dict]) -> None:
    rows = _events(client, type="territory_captured", country="SY", actor="Hayat")
    expected = {e["fused_id"] for e in all_events if e["event_type"] == "territory_captured"
                and e["location"]["country_code"] == "SY" and "hayat" in (e["actor1"] or "").lower()}
    assert rows and _ids(rows) == expected
    assert {r["location"]["name"] for r in rows} >= {"Aleppo"}


@pytest.mark.parametrize("sort, key, descending", [("date", "best_date", False), ("-date", "best_date", True),
                                                    ("sources", "n_sources", False), ("-sources", "n_sources", True)])
def test_sort(client: TestClient, sort: str, key: str, descending: bool) -> None:
    rows = _events(client, sort=sort)
    values = [r[key] if r[key] is not None else ("9999" if key == "best_date" else 0) for r in rows]
    assert values == sorted(values, reverse=descending)
    assert len(set(values)) > 1


@pytest.mark.parametrize("sort", ["date", "-date", "sources", "-sources"])
def test_pages_sorted_in_sql_follow_the_documented_order_with_ties_by_id(client: TestClient, all_events: list[dict],
                                                                         sort: str) -> None:
    key = (lambda e: (e["best_date"] or "9999", e["fused_id"])) if "date" in sort else \
        (lambda e: (e["n_sources"], e["fused_id"]))
    expected = [e["fused_id"] for e in sorted(all_events, key=key, reverse=sort.startswith("-"))]
    pages = [client.get("/api/events", params={"sort": sort, "limit": 9, "offset": o}).json()["items"]
             for o in range(0, len(all_events), 9)]
    assert [e["fused_id"] for page in pages for e in page] == expected
    # the same order where a filter needs every record parsed (a text search for a space: English evidence)
    searched = [e["fused_id"] for e in client.get("/api/events", params={"sort": sort, "limit": 1000, "q": " "}).json()["items"]]
    assert len(searched) > 10 and searched == [i for i in expected if i in set(searched)]


def test_pagination_covers_every_event_once(client: TestClient, all_events: list[dict]) -> None:
    pages, offset = [], 0
    while True:
        body = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert body["total"] == len(all_events) and body["limit"] == 7 and body["offset"] == offset
        if not body["items"]:
            break
        assert len(body["items"]) <= 7
        pages.extend(body["items"])
        offset += 7
    assert [r["fused_id"] for r in pages] == [e["fused_id"] for e in all_events]
    assert client.get("/api/events", params={"offset": 10**9}).json()["items"] == []


def test_default_page_size(client: TestClient, all_events: list[dict]) -> None:
    body = client.get("/api/events").json()
    assert body["limit"] == 200 and body["offset"] == 0
    assert body["items"] == all_events[:200]


# ---------------------------------------------------------------------------------------------------------------
# one event, documents, evidence
# ---------------------------------------------------------------------------------------------------------------
def test_each_event_has_mentions_whose_evidence_is_the_document_text(client: TestClient, all_events: list[dict]) -> None:
    texts: dict[str, str] = {}
    for listed in all_events:
        r = client.get(f"/api/events/{listed['fused_id']}")
        assert r.status_code == 200
        event = r.json()
        assert event == listed
        assert event["mentions"] and len(event["mentions"]) == event["n_mentions"]
        assert event["n_sources"] == len(event["sources"]) >= 1
        for m in event["mentions"]:
            if m["doc_id"] not in texts:
                texts[m["doc_id"]] = client.get(f"/api/documents/{m['doc_id']}").json()["text"]
            ev = m["evidence"]
            assert ev["text"], m
            assert texts[m["doc_id"]][ev["start"]:ev["end"]] == ev["text"], (listed["fused_id"], m)


def test_unknown_event_is_404(client: TestClient) -> None:
    r = client.get("/api/events/0123456789abcdef")
    assert r.status_code == 404
    assert "0123456789abcdef" in _error(r)


def test_documents_list_metadata_without_text(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    health = client.get("/api/health").json()
    assert body["total"] == len(body["items"]) == health["documents"]
    for d in body["items"]:
        assert set(d) >= {"doc_id", "path", "title", "source", "url", "published", "language"}
        assert "text" not in d
    assert {d["language"] for d in body["items"]} == {"en", "zh"}
    page = client.get("/api/documents", params={"limit": 3, "offset": 2}).json()
    assert page["items"] == body["items"][2:5] and page["total"] == body["total"]


def test_document_has_text_and_its_events(client: TestClient) -> None:
    docs = client.get("/api/documents").json()["items"]
    with_events = 0
    for meta in docs:
        r = client.get(f"/api/documents/{meta['doc_id']}")
        assert r.status_code == 200
        doc = r.json()
        assert {k: doc[k] for k in meta} == meta
        assert doc["text"].strip()
        for ev in doc["events"]:
            assert ev["doc_id"] == meta["doc_id"]
            span = ev["evidence"]
            assert doc["text"][span["start"]:span["end"]] == span["text"]
        with_events += bool(doc["events"])
    assert with_events == len(docs)
    assert client.get("/api/documents/0123456789abcdef").status_code == 404


def test_hostile_article_is_stored_verbatim_and_yields_its_capture(client: TestClient, hostile_doc: dict) -> None:
    doc = client.get(f"/api/documents/{hostile_doc['doc_id']}").json()
    assert doc["title"] == HOSTILE_TITLE
    assert doc["text"] == HOSTILE_TEXT
    captures = [e for e in doc["events"] if e["event_type"] == "territory_captured"]
    assert captures and captures[0]["location"]["name"] == "Jalalabad"
    assert captures[0]["actor1"] == "Taliban"
    fused = _events(client, type="territory_captured", place="Jalalabad")
    assert any(hostile_doc["doc_id"] in {m["doc_id"] for m in f["mentions"]} for f in fused)


# ---------------------------------------------------------------------------------------------------------------
# control, places, report, world
# ---------------------------------------------------------------------------------------------------------------
def _check_control_collection(fc: dict, at: str | None = None) -> None:
    assert fc["type"] == "FeatureCollection"
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["place"] and f["properties"]["controller"]
        if at:
            assert f["properties"]["since"] <= at


def test_control_on_a_date_before_the_captures_has_fewer_places(client: TestClient) -> None:
    latest = client.get("/api/control").json()
    _check_control_collection(latest)
    early = client.get("/api/control", params={"at": "2021-08-07"}).json()
    _check_control_collection(early, "2021-08-07")
    places_latest = {f["properties"]["place"] for f in latest["features"]}
    places_early = {f["properties"]["place"] for f in early["features"]}
    assert 0 < len(places_early) < len(places_latest)
    assert {"Zaranj", "Sheberghan"} <= places_early and "Kunduz" not in places_early
    assert {"Kunduz", "Kandahar", "Kabul", "Goma"} <= places_latest
    assert client.get("/api/control", params={"at": "2000-01-01"}).json()["features"] == []
    af = client.get("/api/control", params={"country": "af"}).json()
    assert af["features"] and all(f["properties"]["country_code"] == "AF" for f in af["features"])


def test_place_control_timeline(client: TestClient) -> None:
    for code in ("AF", "af"):
        r = client.get(f"/api/places/{code}/Kunduz/control")
        assert r.status_code == 200
        body = r.json()
        assert body["place"] == "Kunduz" and body["country_code"] == "AF"
        assert body["changes"] and body["changes"][-1]["controller"] == "Taliban"
    r = client.get("/api/places/AF/Lashkar Gah/control")  # a name with a space
    assert r.status_code in (200, 404) and r.headers["content-type"].startswith("application/json")
    r = client.get("/api/places/AF/Nowhereville/control")
    assert r.status_code == 404 and "Nowhereville" in _error(r)


def test_report_in_three_formats(client: TestClient) -> None:
    r = client.get("/api/report")
    assert r.status_code == 200
    brief = r.json()
    assert brief["title"] and brief["sections"] and brief["sources"]
    for section in brief["sections"]:
        assert section["heading"]
        for item in section["items"]:
            assert item["text"] and item["citations"]
    md = client.get("/api/report", params={"format": "md"})
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# ")
    html = client.get("/api/report", params={"format": "html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<html" in html.text.lower()
    # the hostile title is listed as text, never as markup
    assert "<script>window.__pwned" not in html.text and "<img src=x" not in html.text
    assert "&lt;script&gt;window.__pwned" in html.text
    period = client.get("/api/report", params={"since": "2021-08-01", "until": "2021-08-31", "country": "AF"}).json()
    assert period["since"] == "2021-08-01" and period["until"] == "2021-08-31"


def test_world_is_geojson(client: TestClient) -> None:
    r = client.get("/api/world")
    assert r.status_code == 200 and "json" in r.headers["content-type"]
    world = r.json()
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 100
    assert {f["geometry"]["type"] for f in world["features"]} <= {"Polygon", "MultiPolygon"}
    assert "AF" in {f["properties"].get("iso_a2") for f in world["features"]}


def test_page_and_static_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="map"' in page.text and "/static/app.js" in page.text
    leaflet = client.get("/static/leaflet/leaflet.js")
    assert leaflet.status_code == 200 and "javascript" in leaflet.headers["content-type"]
    assert "Leaflet" in leaflet.text[:500]
    assert client.get("/static/leaflet/leaflet.css").status_code == 200
    app_js = client.get("/static/app.js")
    assert app_js.status_code == 200 and "javascript" in app_js.headers["content-type"]
    assert app_js.text == (PACKAGE / "web" / "static" / "app.js").read_text("utf-8")
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/no-such-file.js").status_code == 404


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/health", "/api/meta", "/api/events", "/api/events/{fused_id}", "/api/documents",
            "/api/documents/{doc_id}", "/api/control", "/api/places/{country_code}/{name}/control", "/api/report",
            "/api/world"} <= set(paths)


# ---------------------------------------------------------------------------------------------------------------
# bad parameters
# ---------------------------------------------------------------------------------------------------------------
BAD = [
    ("/api/events", {"since": "2021-13-01"}),
    ("/api/events", {"since": "yesterday"}),
    ("/api/events", {"until": "2021-02-30"}),
    ("/api/events", {"since": "2022-01-01", "until": "2021-01-01"}),
    ("/api/events", {"limit": "0"}),
    ("/api/events", {"limit": "100000"}),
    ("/api/events", {"limit": "ten"}),
    ("/api/events", {"type": "unknown"}),
    ("/api/events", {"country": "ABC"}),
    ("/api/events", {"country": "1"}),
    ("/api/events", {"certainty": "sure"}),
    ("/api/events", {"sort": "bad"}),
    ("/api/events", {"offset": "-1"}),
    ("/api/events", {"q": "x" * 201}),
    ("/api/documents", {"limit": "0"}),
    ("/api/documents", {"offset": "-1"}),
    ("/api/control", {"at": "2021-8-7x"}),
    ("/api/control", {"country": "AFG"}),
    ("/api/report", {"format": "pdf"}),
    ("/api/report", {"since": "2022-01-01", "until": "2021-01-01"}),
    ("/api/report", {"until": "not-a-date"}),
    ("/api/events/NOT-HEX", {}),
    ("/api/documents/xyz", {}),
    ("/api/places/AFG/Kabul/control", {}),
]


@pytest.mark.parametrize("path, params", BAD, ids=[f"{p}?{'&'.join(f'{k}={v[:12]}' for k, v in q.items())}" for p, q in BAD])
def test_bad_parameters_give_422_with_an_error(client: TestClient, path: str, params: dict) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422, (r.status_code, r.text)
    error = _error(r)
    assert "Traceback" not in error


def test_since_after_until_is_named(client: TestClient) -> None:
    r = client.get("/api/events", params={"since": "2022-01-01", "until": "2021-01-01"})
    assert "since" in _error(r) and "until" in _error(r)


# ---------------------------------------------------------------------------------------------------------------
# static files: nothing outside the package
# ---------------------------------------------------------------------------------------------------------------
def raw_get(app, target: str) -> tuple[int, bytes]:
    """Send one GET with ``target`` as the raw request path (no client-side normalisation of '..')."""
    path, _, query = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": unquote(path), "raw_path": path.encode("latin-1"),
             "query_string": query.encode("latin-1"), "root_path": "", "headers": [(b"host", b"testserver")],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80), "state": {}}
    sent: list[dict] = []
    received = False

    async def receive() -> dict:
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


TRAVERSALS = [
    "/static/../pyproject.toml",
    "/static/%2e%2e/pyproject.toml",
    "/static/%2E%2E/%2E%2E/%2E%2E/pyproject.toml",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/leaflet/../../x",
    "/static/leaflet/../../app.py",
    "/static/leaflet/%2e%2e/%2e%2e/web/app.py",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static//etc/passwd",
    "/static/leaflet//etc/passwd",
    "/static/..\\..\\pyproject.toml",
    "/static/%5c..%5c..%5cpyproject.toml",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_static_files_never_leave_the_package(db_path: Path, target: str) -> None:
    app = create_app(db_path)
    status, body = raw_get(app, target)
    assert status in (400, 403, 404, 405), (status, body[:200])
    assert b"[project]" not in body and b"root:" not in body and b"def create_app" not in body


def test_static_traversal_through_the_test_client(client: TestClient) -> None:
    for target in ("/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml", "/static/leaflet/../../x"):
        r = client.get(target)
        assert r.status_code == 404, (target, r.status_code)
        assert "[project]" not in r.text


# every operation's parameters, path and query, with the same attempts: a 4xx, and no file's content
OPERATION_TRAVERSALS = [
    "/api/events/..%2f..%2f..%2fpyproject.toml", "/api/events/../../pyproject.toml",
    "/api/events/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/documents/..%2f..%2fpyproject.toml",
    "/api/documents/../../../../etc/passwd", "/api/documents/%2e%2e%5c%2e%2e%5cpyproject.toml",
    "/api/places/AF/..%2f..%2f..%2fetc%2fpasswd/control", "/api/places/../../../etc/passwd/control",
    "/api/places/%2e%2e/%2e%2e/control", "/api/places/AF/%2e%2e/control", "/api/places/AF/..%5c..%5cpyproject.toml/control",
    "/api/world/../../pyproject.toml", "/api/world/%2e%2e/%2e%2e/pyproject.toml",
    "/api/report?format=../../../etc/passwd", "/api/report?country=..", "/api/control?country=%2e%2e",
    "/api/events?type=../../etc/passwd", "/api/events?sort=../pyproject.toml",
    "/api/documents?offset=../../etc/passwd", "/api/meta?file=/etc/passwd", "/api/health?path=../../pyproject.toml",
    "/api/../pyproject.toml", "/api/%2e%2e/pyproject.toml", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/openapi.json/../../pyproject.toml",
]
SECRETS = (b"[project]", b"root:x:", b"def create_app", b"SQLite format 3")


@pytest.mark.parametrize("target", OPERATION_TRAVERSALS)
def test_traversal_attempts_on_every_operation_get_4xx_and_no_file(db_path: Path, target: str) -> None:
    status, body = raw_get(create_app(db_path), target)
    assert 400 <= status < 500, (status, body[:200])
    assert not any(secret in body for secret in SECRETS), body[:200]


@pytest.mark.parametrize("param", ["place", "actor", "q"])
def test_a_path_in_a_text_filter_is_only_text(client: TestClient, param: str) -> None:
    response = client.get("/api/events", params={param: "../../../etc/passwd"})
    assert response.status_code == 200 and response.json()["total"] == 0


def test_traversal_attempts_cover_every_operation(client: TestClient) -> None:
    operations = {path for path in client.get("/openapi.json").json()["paths"]}
    attempted = {target.split("?")[0] for target in OPERATION_TRAVERSALS}
    for operation in operations:
        prefix = operation.split("{")[0].rstrip("/")
        assert any(t.startswith(prefix) for t in attempted), operation


@pytest.mark.parametrize("url", ["/api/events?contry=AF", "/api/events?type=territory_captured&sice=2021-08-01",
                                 "/api/control?date=2021-08-10", "/api/report?counrty=AF", "/api/health?x=1"])
def test_an_unknown_parameter_is_refused_rather_than_ignored(client: TestClient, url: str) -> None:
    """A misspelt filter silently ignored gave the whole picture as if filtered."""
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.json()["error"].startswith("unknown parameter"), response.text


def test_the_page_keeps_its_own_state_in_the_query_string(client: TestClient) -> None:
    response = client.get("/?type=territory_captured&country=AF&day=2021-08-10")
    assert response.status_code == 200 and "<html" in response.text.lower()


def test_raw_get_reaches_real_static_files(db_path: Path) -> None:
    """The helper above sends real requests: the package's own files are served through it."""
    app = create_app(db_path)
    status, body = raw_get(app, "/static/app.js")
    assert status == 200 and body == (PACKAGE / "web" / "static" / "app.js").read_bytes()
    status, body = raw_get(app, "/static/leaflet/leaflet.js")
    assert status == 200 and b"Leaflet" in body[:500]


# ---------------------------------------------------------------------------------------------------------------
# uploads
# ---------------------------------------------------------------------------------------------------------------
def test_upload_is_forbidden_on_a_read_only_server(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, token=TOKEN)) as c:
        before = c.get("/api/health").json()
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
            r = c.post("/api/documents", content=BAMIYAN, headers=headers)
            assert r.status_code == 403
            assert "read-only" in _error(r)
        assert c.get("/api/health").json() == before


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer ", "Bearer wrong", f"Bearer {TOKEN}x",
                                           f"Basic {TOKEN}", f"Bearer {TOKEN[:-1]}"])
def test_upload_needs_the_right_token(db_copy: Path, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        before = c.get("/api/health").json()
        r = c.post("/api/documents", content=BAMIYAN, params={"published": "2021-08-16"}, headers=headers)
        assert r.status_code == 401, (authorization, r.status_code, r.text)
        assert "token" in _error(r)
        assert r.headers.get("www-authenticate", "").startswith("Bearer")
        assert c.get("/api/health").json() == before


def test_upload_without_any_configured_token_is_refused(db_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITROOM_TOKEN", raising=False)
    with TestClient(create_app(db_copy, allow_ingest=True)) as c:
        for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
            assert c.post("/api/documents", content=BAMIYAN, headers=headers).status_code == 401


def test_upload_over_the_size_limit_is_413(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        before = c.get("/api/health").json()
        body = BAMIYAN + b"x" * (MAX_UPLOAD_BYTES + 1 - len(BAMIYAN))
        r = c.post("/api/documents", content=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413
        assert str(MAX_UPLOAD_BYTES) in _error(r)
        assert c.get("/api/health").json() == before


def test_upload_of_a_real_article_is_ingested(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        before = c.get("/api/health").json()
        r = c.post("/api/documents", content=BAMIYAN, headers={"Authorization": f"Bearer {TOKEN}"},
                   params={"published": "2021-08-16", "lang": "en", "source": "Upload Wire", "filename": "bamiyan.txt"})
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["ok"] is True and body["new"] == 1 and body["events"] >= 1
        after = c.get("/api/health").json()
        assert after["documents"] == before["documents"] + 1
        assert after["events"] >= before["events"] + 1
        rows = c.get("/api/events", params={"q": "Bamiyan", "type": "territory_captured"}).json()["items"]
        assert rows and rows[0]["best_date"] == "2021-08-16" and rows[0]["sources"] == ["Upload Wire"]
        # the same article again changes nothing
        again = c.post("/api/documents", content=BAMIYAN, headers={"Authorization": f"Bearer {TOKEN}"},
                       params={"published": "2021-08-16"})
        assert again.status_code == 201 and again.json()["new"] == 0 and again.json()["unchanged"] == 1
        assert c.get("/api/health").json() == after


def test_kept_reports_are_computed_once_and_again_after_the_database_changes(db_copy: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sitroom.report.brief
    from sitroom.ingest import Metadata, read_file
    from sitroom.store import ingest_documents

    real, calls = sitroom.report.brief.build_brief, []
    monkeypatch.setattr(sitroom.report.brief, "build_brief", lambda *a: calls.append(1) or real(*a))
    with TestClient(create_app(db_copy)) as c:
        first = c.get("/api/report", params={"country": "AF"})
        second = c.get("/api/report", params={"country": "AF"})
        assert first.status_code == second.status_code == 200 and first.content == second.content
        assert len(calls) == 1
        control = c.get("/api/control", params={"country": "AF"}).json()
        assert "Bamyan" not in first.text and "Bamyan" not in str(control)
        article = db_copy.parent / "bamiyan.txt"
        article.write_bytes(BAMIYAN)
        with Store(db_copy) as store:  # another process's ingest, as `sitroom ingest` beside `sitroom serve`
            assert ingest_documents(store, list(read_file(article, Metadata(language="en", published=date(2021, 8, 16))))).new == 1
        third = c.get("/api/report", params={"country": "AF"})
        assert len(calls) == 2 and "Bamyan" in third.text and "bamiyan.txt" in third.text
        assert "Bamyan" in str(c.get("/api/control", params={"country": "AF"}).json())
        assert c.get("/api/report", params={"country": "AF", "format": "md"}).headers["content-type"].startswith(
            "text/markdown")


def test_upload_token_from_the_environment(db_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_TOKEN", "from-the-env")
    with TestClient(create_app(db_copy, allow_ingest=True)) as c:
        assert c.post("/api/documents", content=BAMIYAN, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 401
        r = c.post("/api/documents", content=BAMIYAN, headers={"Authorization": "Bearer from-the-env"},
                   params={"published": "2021-08-16"})
        assert r.status_code == 201, r.text


@pytest.mark.parametrize("content, word", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02\x03" * 500 + bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, "PNG"),
], ids=["empty", "blank", "binary", "png"])
def test_upload_of_an_empty_or_binary_file_is_422_with_a_clear_message(db_copy: Path, content: bytes, word: str) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        before = c.get("/api/health").json()
        r = c.post("/api/documents", content=content, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 422, (r.status_code, r.text)
        error = _error(r)
        assert word.lower() in error.lower(), error
        assert error.startswith("upload.txt"), error  # names the upload, not a temporary file
        assert "/tmp" not in error and "Traceback" not in error
        assert c.get("/api/health").json() == before


def test_upload_file_name_cannot_escape(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        for name in ("../evil.txt", "a/b.txt", "evil.sh", ".."):
            r = c.post("/api/documents", content=BAMIYAN, params={"filename": name},
                       headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 422, (name, r.status_code)
            assert "filename" in _error(r)


# ---------------------------------------------------------------------------------------------------------------
# the database is never written by reads; start-up time
# ---------------------------------------------------------------------------------------------------------------
def _snapshot(path: Path) -> tuple[int, str]:
    return path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_endpoints_never_modify_the_database(db_copy: Path, tmp_path: Path) -> None:
    before = _snapshot(db_copy)
    with TestClient(create_app(db_copy, allow_ingest=False)) as c:
        doc_ids = [d["doc_id"] for d in c.get("/api/documents").json()["items"]]
        fused = c.get("/api/events", params={"limit": 1000}).json()["items"]
        urls = ["/api/health", "/api/meta", "/api/events?sort=-sources&q=Taliban", "/api/control",
                "/api/control?at=2021-08-07", "/api/places/AF/Kunduz/control", "/api/places/AF/Nowhere/control",
                "/api/report", "/api/report?format=md", "/api/report?format=html", "/api/world", "/",
                "/static/app.js", "/api/events?limit=0", "/api/events/0123456789abcdef", "/openapi.json"]
        urls += [f"/api/documents/{d}" for d in doc_ids] + [f"/api/events/{f['fused_id']}" for f in fused[:20]]
        for url in urls:
            assert c.get(url).status_code < 500, url
        assert c.post("/api/documents", content=BAMIYAN).status_code == 403
    assert _snapshot(db_copy) == before
    wal = db_copy.with_name(db_copy.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "a read wrote to the write-ahead log"


def test_date_parameters_accept_iso_dates(client: TestClient) -> None:
    today = date.today().isoformat()
    assert client.get("/api/events", params={"until": today}).status_code == 200
    assert client.get("/api/control", params={"at": today}).status_code == 200
    assert client.get("/api/events", params={"since": "0001-01-01", "until": "9999-12-31"}).json()["total"] > 0


def test_every_response_carries_the_security_headers(client: TestClient, all_events: list[dict]) -> None:
    for path in ["/", "/static/app.js", "/api/events", f"/api/events/{all_events[0]['fused_id']}", "/api/report?format=html",
                 "/api/events?type=nonsense", "/api/no/such/thing"]:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "no-referrer"


def test_the_page_has_no_inline_script() -> None:
    import re

    html = (PACKAGE / "web" / "static" / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son[a-z]+\s*=", html)  # no onclick= and the like


@pytest.mark.parametrize("authorization", ["Bearer correct-horse-battery-stäple", "Bearer 令牌", "Bearer \u00e9"])
def test_a_token_with_other_characters_is_refused_with_401_not_500(db_copy: Path, authorization: str) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        r = c.post("/api/documents", content=BAMIYAN, headers={"Authorization": authorization.encode("utf-8")},
                   params={"published": "2021-08-16"})
        assert r.status_code == 401, r.text


def test_serving_beyond_loopback_warns_that_the_page_has_no_login(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from sitroom.cli import main

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: served.append(host))
    outside = CliRunner().invoke(main, ["serve", "--db", str(db_path), "--host", "0.0.0.0"])
    inside = CliRunner().invoke(main, ["serve", "--db", str(db_path)])
    assert outside.exit_code == inside.exit_code == 0 and served == ["0.0.0.0", "127.0.0.1"]
    assert "warning: --host 0.0.0.0" in outside.stderr and "no login" in outside.stderr
    assert "warning" not in inside.stderr


@pytest.mark.parametrize("authorization, status", [
    (f"bearer {TOKEN}", 201), (f"BEARER {TOKEN}", 201),  # the scheme is case-insensitive (RFC 7235)
    (f"Bearer  {TOKEN}", 401), (f"Bearer {TOKEN} ", 401), (f"Bearer {TOKEN.upper()}", 401),  # the token is exact
])
def test_the_token_is_exact_and_the_scheme_case_insensitive(db_copy: Path, authorization: str, status: int) -> None:
    with TestClient(create_app(db_copy, allow_ingest=True, token=TOKEN)) as c:
        r = c.post("/api/documents", content=BAMIYAN, headers={"Authorization": authorization},
                   params={"published": "2021-08-16"})
        assert r.status_code == status, r.text
