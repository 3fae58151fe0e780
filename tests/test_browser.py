"""The page in a real browser: Debian's Chromium driven by Playwright against a real uvicorn server.

The server runs in a background thread on a free port of 127.0.0.1 and serves a database holding the demo corpus
and a hostile article (markup and script in its title and text, plus a real capture). Every request the browser
makes to another host is recorded and aborted, so nothing leaves the machine even when a test fails.

When Chromium or Playwright cannot start, every test here fails with the reason: browser tests are never skipped.
"""
from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import build_picture, write_article
import uvicorn

from sitroom.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 20_000

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_TITLE = f"Taliban take Jalalabad {SCRIPT} {IMG}"
HOSTILE_TEXT = (f"KABUL, Aug 15 (Hostile Wire) - The Taliban captured Jalalabad on Sunday {IMG} without a fight, "
                f"officials said. {SCRIPT}\n\nResidents said the city was calm <b>on Sunday evening</b>.\n")
EARLY_DAY = "2021-08-07"  # after the first captures (Zaranj, Sheberghan), before Kunduz and everything later


# ---------------------------------------------------------------------------------------------------------------
# server and database
# ---------------------------------------------------------------------------------------------------------------
def _database(folder: Path) -> Path:
    return build_picture(folder, [write_article(folder, "hostile", HOSTILE_TEXT, {"published": "2021-08-15", "language": "en", "source": "Hostile Wire", "title": HOSTILE_TITLE})])


@contextlib.contextmanager
def serving(db: Path):
    """A real uvicorn server for ``db`` on a free port of 127.0.0.1, stopped on leaving; yields its base URL."""
    app = create_app(db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, name="sitroom-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            srv.should_exit = True
            pytest.fail(f"the test server did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test server on the demo corpus and the hostile article, for the whole module."""
    with serving(_database(tmp_path_factory.mktemp("browser"))) as url:
        yield url


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as r:  # noqa: S310 - our own server on 127.0.0.1
        return json.loads(r.read())


# ---------------------------------------------------------------------------------------------------------------
# browser
# ---------------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium():
    """Chromium through Playwright, or the reason it could not start (each test then fails with it)."""
    try:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
    except Exception as exc:  # noqa: BLE001 - reported as the failure of every browser test
        yield f"Playwright could not start: {type(exc).__name__}: {exc}"
        return
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
    except Exception as exc:  # noqa: BLE001
        playwright.stop()
        yield (f"Chromium could not be launched from {CHROMIUM} ({type(exc).__name__}: {exc}); "
               "install it with 'sudo apt-get install chromium' or run 'make chromium'")
        return
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@dataclass
class Log:
    """What the page did: console errors, uncaught exceptions, every request URL."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign(self, server: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(server + "/") and not u.startswith(("data:", "blob:"))]


@contextlib.contextmanager
def open_page(chromium, server: str, size: tuple[int, int] = (1400, 900)):
    """A fresh browser context and page; requests to any other host are recorded, then aborted."""
    if isinstance(chromium, str):
        pytest.fail(chromium, pytrace=False)
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]})
    log = Log()

    def route(r) -> None:
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda msg: log.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
    page.on("request", lambda req: log.requests.append(req.url))
    try:
        yield page, log
    finally:
        context.close()


def load(page, log: Log, url: str) -> None:
    page.goto(url)
    try:
        page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=TIMEOUT_MS)
    except Exception:  # noqa: BLE001 - say what the page reported
        pytest.fail(f"the page never finished loading; errors: {log.errors}", pytrace=False)


def legend_count(page) -> int:
    return int(page.get_attribute("#legend", "data-count"))


# ---------------------------------------------------------------------------------------------------------------
# tests
# ---------------------------------------------------------------------------------------------------------------
def test_page_loads_without_errors_and_nothing_leaves_this_machine(chromium, server: str) -> None:
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.wait_for_load_state("networkidle")
        assert log.errors == []
        assert log.requests and log.requests[0] == server + "/"
        assert log.foreign(server) == [], "the page asked another host"
        assert not [u for u in log.requests if "openstreetmap" in u]
        requested = {u.split("?")[0].removeprefix(server) for u in log.requests}
        assert {"/static/leaflet/leaflet.js", "/static/app.js", "/api/world", "/api/meta", "/api/control"} <= requested
        assert page.evaluate("typeof window.__pwned") == "undefined"


def test_online_tiles_are_requested_only_once_switched_on(chromium, server: str) -> None:
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.wait_for_load_state("networkidle")
        assert not [u for u in log.requests if "tile.openstreetmap.org" in u]
        page.hover(".leaflet-control-layers")
        with page.expect_request(re.compile(r"^https://tile\.openstreetmap\.org/")):
            page.get_by_text("Online map (needs internet)").click()
        assert log.foreign(server) and all(u.startswith("https://tile.openstreetmap.org/") for u in log.foreign(server))


def test_map_shows_the_demo_markers(chromium, server: str) -> None:
    meta = api(server, "/api/meta")
    events = api(server, f"/api/events?until={meta['last_day']}&limit=1000")["items"]
    located = [e for e in events if e["location"] and e["location"]["latitude"] is not None]
    assert len(located) > 20
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        markers = page.locator("#map .leaflet-marker-icon")
        assert markers.count() > 0
        # every located event is on the map, alone or counted in a cluster
        shown = page.evaluate("""() => [...document.querySelectorAll('#map .leaflet-marker-icon')]
            .map(m => m.querySelector('.cluster') ? Number(m.textContent) : 1).reduce((a, b) => a + b, 0)""")
        assert shown == len(located)
        assert page.locator("#events tbody tr").count() == len(events)
        assert page.text_content("#day-label") == meta["last_day"]
        assert page.locator("#map path.leaflet-interactive").count() > 100  # the offline country outlines
        assert log.errors == []


def test_slider_to_an_early_day_changes_the_shaded_places(chromium, server: str) -> None:
    meta = api(server, "/api/meta")
    latest = len(api(server, "/api/control")["features"])
    early = len(api(server, f"/api/control?at={EARLY_DAY}")["features"])
    assert 0 < early < latest
    index = (date.fromisoformat(EARLY_DAY) - date.fromisoformat(meta["first_day"])).days
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        assert legend_count(page) == latest
        assert page.locator("#map path.control-area").count() == latest
        assert page.get_attribute("#slider", "max") == str((date.fromisoformat(meta["last_day"])
                                                            - date.fromisoformat(meta["first_day"])).days)
        page.eval_on_selector("#slider", "(s, v) => { s.value = String(v); s.dispatchEvent(new Event('input')); }", index)
        page.wait_for_function("n => document.querySelector('#legend').dataset.count === String(n)", arg=early)
        assert page.text_content("#day-label") == EARLY_DAY
        assert legend_count(page) == early != latest
        page.wait_for_function("n => document.querySelectorAll('#map path.control-area').length === n", arg=early)
        assert f"day={EARLY_DAY}" in page.url
        # the events listed are those up to that day
        rows = page.locator("#events tbody tr td:first-child").all_text_contents()
        assert rows and all(d <= EARLY_DAY for d in rows if d)
        assert log.errors == []


def test_loading_a_url_with_a_day_restores_it(chromium, server: str) -> None:
    early = len(api(server, f"/api/control?at={EARLY_DAY}")["features"])
    with open_page(chromium, server) as (page, log):
        load(page, log, f"{server}/?day={EARLY_DAY}")
        assert page.text_content("#day-label") == EARLY_DAY
        assert legend_count(page) == early
        assert log.errors == []


def test_play_moves_the_day_forward(chromium, server: str) -> None:
    meta = api(server, "/api/meta")
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.click("#play")  # at the last day, play starts again from the first
        second = (date.fromisoformat(meta["first_day"]) + timedelta(days=1)).isoformat()
        page.wait_for_function("([a, b]) => { const t = document.querySelector('#day-label').textContent;"
                               " return t >= a && t < b; }", arg=[second, meta["last_day"]], timeout=5_000)
        page.click("#play")  # pause
        day = page.text_content("#day-label")
        assert meta["first_day"] < day < meta["last_day"]
        page.wait_for_timeout(900)
        assert page.text_content("#day-label") == day, "pause did not stop the slider"
        assert log.errors == []


def _show(page, fused_id: str, n_mentions: int) -> None:
    page.click(f'#events tbody tr[data-id="{fused_id}"]')
    page.wait_for_selector("#detail:not(.hidden) mark.evidence")
    page.wait_for_function("n => document.querySelectorAll('#detail mark.evidence').length === n", arg=n_mentions)


def test_clicking_an_event_shows_its_evidence_in_the_article(chromium, server: str) -> None:
    events = api(server, "/api/events?type=territory_captured&place=Kandahar")["items"]
    assert events
    event = events[0]
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        _show(page, event["fused_id"], len(event["mentions"]))
        marks = page.locator("#detail mark.evidence").all_text_contents()
        articles = page.locator("#detail .article").all_text_contents()
        assert len(marks) == len(articles) == len(event["mentions"])
        for mark, article, mention in zip(marks, articles, event["mentions"], strict=True):
            doc = api(server, f"/api/documents/{mention['doc_id']}")
            assert mark.strip(), "the evidence mark is empty"
            assert mark in article and mark in doc["text"]
            assert article == doc["text"]
            assert mark == doc["text"][mention["evidence"]["start"]:mention["evidence"]["end"]]
        assert "Kandahar" in page.text_content("#detail h3")
        assert log.errors == []


def test_hostile_article_is_shown_as_literal_text(chromium, server: str) -> None:
    docs = api(server, "/api/documents")["items"]
    [hostile] = [d for d in docs if d["source"] == "Hostile Wire"]
    captures = api(server, "/api/events?type=territory_captured&place=Jalalabad")["items"]
    [event] = [e for e in captures if hostile["doc_id"] in {m["doc_id"] for m in e["mentions"]}]
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        _show(page, event["fused_id"], len(event["mentions"]))
        page.wait_for_load_state("networkidle")
        detail = page.text_content("#detail")
        assert IMG in detail and SCRIPT in detail and "<b>on Sunday evening</b>" in detail
        assert "<img" in detail
        assert HOSTILE_TITLE in detail  # the document heading, as text
        assert page.locator("#detail img, #detail script, #detail b").count() == 0
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
        # the report tab lists the hostile title among its sources, as text too
        page.click('#tabs button[data-tab="report"]')
        page.wait_for_selector("#report:not(.hidden) h4")
        page.wait_for_function("t => document.querySelector('#report').textContent.includes(t)", arg=HOSTILE_TITLE)
        assert page.locator("#report img, #report script").count() == 0
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert server + "/x" not in log.requests, "an injected <img src=x> was loaded"
        assert log.errors == []


def test_report_tab_shows_the_report_and_links_to_events(chromium, server: str) -> None:
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.click('#tabs button[data-tab="report"]')
        page.wait_for_selector("#report:not(.hidden) h3")
        assert page.locator("#list").get_attribute("class").split().count("hidden") == 1
        assert page.locator("#report h4").count() >= 2 and page.locator("#report ol li").count() > 0
        page.locator("#report ul li a").first.click()
        page.wait_for_selector("#detail:not(.hidden) mark.evidence")
        page.click('#tabs button[data-tab="list"]')
        assert "hidden" in page.get_attribute("#report", "class")
        assert page.locator("#events tbody tr").count() > 0
        assert log.errors == []


def test_filters_are_reflected_in_the_url_and_restored_from_it(chromium, server: str) -> None:
    expected = api(server, "/api/events?type=territory_captured&limit=1000")["total"]
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        total = page.locator("#events tbody tr").count()
        page.select_option("#f-type", "territory_captured")
        page.wait_for_url(re.compile(r"[?&]type=territory_captured(&|$)"))
        page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=expected)
        types = page.locator("#events tbody tr td:nth-child(2)").all_text_contents()
        assert types and set(types) == {"territory_captured"} and len(types) < total
        page.select_option("#f-country", "AF")
        page.wait_for_url(re.compile(r"[?&]country=AF(&|$)"))
        url = page.url
        assert "type=territory_captured" in url
        assert log.errors == []
    with open_page(chromium, server) as (page, log):
        load(page, log, url)
        assert page.input_value("#f-type") == "territory_captured"
        assert page.input_value("#f-country") == "AF"
        want = api(server, "/api/events?type=territory_captured&country=AF&limit=1000")["items"]
        rows = page.locator("#events tbody tr")
        assert rows.count() == len(want) > 0
        assert set(page.locator("#events tbody tr td:nth-child(2)").all_text_contents()) == {"territory_captured"}
        assert log.errors == []


@pytest.mark.parametrize("target", ["/static/../pyproject.toml", "/static/%2e%2e/pyproject.toml",
                                    "/static/leaflet/../../x", "/static/leaflet/%2e%2e/%2e%2e/app.py",
                                    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"])
def test_real_server_serves_nothing_outside_the_package(server: str, target: str) -> None:
    """Raw request lines (no client-side clean-up of '..') against the uvicorn server itself."""
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        conn.endheaders()
        r = conn.getresponse()
        body = r.read()
    finally:
        conn.close()
    assert r.status in (400, 404), (r.status, body[:200])
    assert b"[project]" not in body and b"root:" not in body and b"def create_app" not in body


# ---------------------------------------------------------------------------------------------------------------
# the page as an analyst uses it: shaded places with names, a slider over the filtered data, a window, links to
# the articles, a selected event shown on the map, stable colours, a phone
# ---------------------------------------------------------------------------------------------------------------
SIZES = [(1400, 900), (390, 844)]


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_control_is_shaded_with_place_names(chromium, server: str, size: tuple[int, int]) -> None:
    places = {f["properties"]["place"] for f in api(server, "/api/control")["features"]}
    with open_page(chromium, server, size) as (page, log):
        load(page, log, server + "/")
        assert page.locator("#map path.control-area").count() == len(places)
        labels = set(page.locator("#map .leaflet-tooltip.place-label").all_text_contents())
        assert {label.replace(" (contested)", "") for label in labels} == places
        assert page.locator("#legend-types span[data-type]").count() == len(api(server, "/api/meta")["event_types"])
        assert log.errors == []


def _boxes(page, selectors: list[str]) -> dict[str, dict]:
    return {sel: page.locator(sel).bounding_box() for sel in selectors}


def test_nothing_overlaps_on_a_phone(chromium, server: str) -> None:
    with open_page(chromium, server, (390, 844)) as (page, log):
        load(page, log, server + "/")
        boxes = _boxes(page, ["header", "#map", "#timebar", "#legend", "#right"])
        order = list(boxes.values())
        for upper, lower in zip(order, order[1:]):
            assert upper["y"] + upper["height"] <= lower["y"] + 1, (upper, lower)
        for box in order:
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, box
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # the timebar's controls stay inside it
        bar = boxes["#timebar"]
        for sel in ["#play", "#slider", "#date", "#window"]:
            b = page.locator(sel).bounding_box()
            assert bar["x"] <= b["x"] and b["x"] + b["width"] <= bar["x"] + bar["width"] + 1, sel
            assert bar["y"] <= b["y"] and b["y"] + b["height"] <= bar["y"] + bar["height"] + 1, sel
        assert log.errors == []


def test_the_slider_spans_the_filtered_data(chromium, server: str) -> None:
    dates = sorted(e["best_date"] for e in api(server, "/api/events?type=troop_deployment&limit=1000")["items"])
    everything = api(server, "/api/meta")
    assert (dates[0], dates[-1]) != (everything["first_day"], everything["last_day"])
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.select_option("#f-type", "troop_deployment")
        page.wait_for_function("d => document.querySelector('#slider').dataset.first === d", arg=dates[0])
        assert page.get_attribute("#slider", "data-last") == dates[-1]
        days = (date.fromisoformat(dates[-1]) - date.fromisoformat(dates[0])).days
        assert page.get_attribute("#slider", "max") == str(days)
        assert (page.get_attribute("#date", "min"), page.get_attribute("#date", "max")) == (dates[0], dates[-1])
        assert page.input_value("#date") == dates[-1]
        assert log.errors == []


def test_the_date_box_and_the_window_choose_the_events(chromium, server: str) -> None:
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        page.fill("#date", "2021-08-13")
        page.dispatch_event("#date", "change")
        page.wait_for_function("() => document.querySelector('#day-label').textContent === '2021-08-13'")
        page.select_option("#window", "7")
        page.wait_for_function("() => location.search.includes('window=7')")
        page.wait_for_timeout(300)
        shown = page.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.id)")
        expected = api(server, "/api/events?since=2021-08-07&until=2021-08-13&limit=1000")["items"]
        everything_until = api(server, "/api/events?until=2021-08-13&limit=1000")["items"]
        assert 0 < len(expected) < len(everything_until)
        assert sorted(shown) == sorted(e["fused_id"] for e in expected)
        assert log.errors == []


def test_an_event_opens_with_a_link_to_its_article_and_is_shown_on_the_map(chromium, server: str) -> None:
    event = api(server, "/api/events?type=territory_captured&place=Kandahar")["items"][0]
    lat, lon = event["location"]["latitude"], event["location"]["longitude"]
    with open_page(chromium, server) as (page, log):
        load(page, log, server + "/")
        _show(page, event["fused_id"], len(event["mentions"]))
        links = page.locator("#detail a.source")
        assert links.count() == len(event["mentions"])
        href = links.first.get_attribute("href")
        doc = api(server, f"/api/documents/{event['mentions'][0]['doc_id']}")
        assert href == (doc["url"] or f"/api/documents/{doc['doc_id']}/text")
        assert links.first.get_attribute("rel") == "noopener noreferrer"
        with urllib.request.urlopen(server + href, timeout=10) as r:  # noqa: S310 - our own server
            assert r.read().decode("utf-8") == doc["text"]
        page.wait_for_function("() => document.querySelector('#map .selected-ring') !== null")
        center = page.evaluate("() => { const c = map.getCenter(); return [c.lat, c.lng]; }")
        assert abs(center[0] - lat) < 1.5 and abs(center[1] - lon) < 1.5, (center, lat, lon)
        assert page.locator(f'#events tbody tr.selected[data-id="{event["fused_id"]}"]').count() == 1
        assert log.errors == []


def test_a_controllers_colour_is_the_same_whatever_is_shown_first(chromium, server: str) -> None:
    colours = []
    for url in ("/", "/?country=SY", f"/?day={EARLY_DAY}"):
        with open_page(chromium, server) as (page, log):
            load(page, log, server + url)
            colours.append(page.evaluate("() => Object.fromEntries([...document.querySelectorAll("
                                         "'#legend-control span')].map(s => [s.dataset.controller, s.style.color]))"))
    shared = set(colours[0]) & set(colours[2])
    assert "Taliban" in shared
    for who in shared:
        assert colours[0][who] == colours[2][who]
    for who in set(colours[0]) & set(colours[1]):
        assert colours[0][who] == colours[1][who]


VISIBLE_LABELS = """() => [...document.querySelectorAll('#map .leaflet-tooltip.place-label')]
    .filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => { const r = l.getBoundingClientRect();
      return {text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""


@pytest.mark.parametrize("size", SIZES, ids=["desktop", "phone"])
def test_place_names_never_cover_one_another_and_zooming_in_shows_more(chromium, server: str,
                                                                       size: tuple[int, int]) -> None:
    with open_page(chromium, server, size) as (page, log):
        load(page, log, server + "/?country=AF")
        def visible() -> list[dict]:
            labels = page.evaluate(VISIBLE_LABELS)
            for i, a in enumerate(labels):
                for b in labels[i + 1:]:
                    assert not (a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"]
                                and b["top"] < a["bottom"]), (a, b)
            return labels
        far = visible()
        assert far, "no place name shown"
        page.evaluate("() => map.setView([34.5, 67.5], 7, {animate: false})")
        page.wait_for_timeout(400)
        near = visible()
        assert len(near) >= len(far)
        hidden = page.locator("#map .leaflet-tooltip.place-label.crowded").count()
        assert len(near) + hidden == page.locator("#map .leaflet-tooltip.place-label").count()
        assert log.errors == []


def test_an_event_without_a_date_does_not_empty_the_slider(chromium, tmp_path: Path) -> None:
    """Sorted by date in descending order, an undated fused event came first and the slider lost its last day."""
    from click.testing import CliRunner

    from sitroom.cli import main

    db = _database(tmp_path)
    with serving(db) as url:
        meta = api(url, "/api/meta")
        kabul = api(url, "/api/events?type=territory_captured&place=Kabul")["items"][0]
    result = CliRunner().invoke(main, ["review", kabul["fused_id"], "--db", str(db), "--correct", "date_start=null",
                                       "--correct", "date_end=null"])
    assert result.exit_code == 0, result.output
    with serving(db) as url:
        assert api(url, "/api/events?sort=-date&limit=1")["items"][0]["best_date"] is None
        dated = sorted(e["best_date"] for e in api(url, "/api/events?limit=1000")["items"] if e["best_date"])
        with open_page(chromium, url) as (page, log):
            load(page, log, url + "/")
            assert page.get_attribute("#slider", "data-first") == dated[0] == meta["first_day"]
            assert page.get_attribute("#slider", "data-last") == dated[-1]
            assert page.is_enabled("#slider")
            assert log.errors == []
