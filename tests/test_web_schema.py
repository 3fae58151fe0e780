"""Property-based requests from the app's own OpenAPI document (schemathesis), every operation, every check.

Each operation is driven in positive mode (requests valid by the schema: they must be accepted, and every answer
must match its documented status, content type, headers and body schema) and negative mode (requests violating the
schema: they must be refused with a documented 4xx). Two rules the schema cannot state are held apart:
``since`` after ``until`` is refused with 422 (positive requests are drawn without it, and a test below checks the
refusal), and an upload whose content is not a readable document (an image, an empty body, undecodable bytes) is
refused with 422 naming the document, since only reading it can tell.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_picture, write_article
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from sitroom.web.app import create_app

TOKEN = "schema-test-token"
HOSTILE_TEXT = (
    "KABUL, Aug 15 (Hostile Wire) - The Taliban captured Jalalabad on Sunday "
    '<img src=x onerror="window.__pwned=1"> without a fight, officials said. '
    "<script>window.__pwned=1</script>\n"
)
HOSTILE_META = {"published": "2021-08-15", "language": "en", "source": "Hostile Wire",
                "title": 'Jalalabad <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'}


def _database(folder: Path) -> Path:
    return build_picture(folder, [write_article(folder, "hostile", HOSTILE_TEXT, HOSTILE_META)])


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    return create_app(_database(tmp_path_factory.mktemp("web_schema")), allow_ingest=True, token=TOKEN)


@pytest.fixture(scope="module")
def web_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# ``schemathesis.pytest.from_fixture`` cannot be used with pytest 9 (it sets ``request.node._nodeid``, which pytest 9
# no longer has), so each operation is driven through its own Hypothesis strategy.
OPERATIONS = [("GET", "/api/health"), ("GET", "/api/meta"), ("GET", "/api/events"), ("GET", "/api/events/{fused_id}"),
              ("GET", "/api/documents"), ("GET", "/api/documents/{doc_id}"), ("GET", "/api/documents/{doc_id}/text"),
              ("GET", "/api/control"),
              ("GET", "/api/places/{country_code}/{name}/control"), ("GET", "/api/report"), ("GET", "/api/world"),
              ("POST", "/api/documents"), ("POST", "/api/events/{event_id}/review")]
WITHOUT_PARAMETERS = {("GET", "/api/health"), ("GET", "/api/meta"), ("GET", "/api/world")}  # nothing to violate
CASES = [(*op, GenerationMode.POSITIVE) for op in OPERATIONS] + \
        [(*op, GenerationMode.NEGATIVE) for op in OPERATIONS if op not in WITHOUT_PARAMETERS]


def _since_after_until(case) -> bool:
    query = case.query or {}
    since, until = query.get("since"), query.get("until")
    return isinstance(since, str) and isinstance(until, str) and since > until


@pytest.mark.parametrize("method, path, mode", CASES, ids=[f"{m} {p} {g.value}" for m, p, g in CASES])
def test_every_operation_passes_every_schemathesis_check(web_schema, method: str, path: str,
                                                         mode: GenerationMode) -> None:
    operation = web_schema[path][method]
    statuses: list[int] = []
    strategy = operation.as_strategy(generation_mode=mode)
    if mode is GenerationMode.POSITIVE:
        strategy = strategy.filter(lambda case: not _since_after_until(case))

    @given(case=strategy)
    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        if (method, path) == ("POST", "/api/events/{event_id}/review"):
            token = {"Authorization": f"Bearer {TOKEN}"} if mode is GenerationMode.POSITIVE else None
            response = case.call_and_validate(headers=token)
        elif method == "POST":
            # positive requests carry the token as the caller's own auth, as schemathesis expects (its ignored-auth
            # check also sends them with a wrong token and without one: 401); negative ones carry what was drawn,
            # since removing the header can be the violation drawn
            token = {"Authorization": f"Bearer {TOKEN}"} if mode is GenerationMode.POSITIVE else None
            response = case.call_and_validate(headers=token, excluded_checks=[positive_data_acceptance])
            if mode is GenerationMode.POSITIVE:  # accepted, or the content itself refused, by name
                filename = (case.query or {}).get("filename", "upload.txt")
                assert response.status_code == 201 or (
                    response.status_code == 422 and response.json()["error"].startswith(f"{filename}:")), \
                    (response.status_code, response.text[:300])
        else:
            response = case.call_and_validate()
        statuses.append(response.status_code)

    check()
    assert statuses, "no request was generated"
    assert max(statuses) < 500, statuses
    if (method, path, mode) == ("POST", "/api/documents", GenerationMode.POSITIVE):
        assert 201 in statuses, "no schema-valid upload was stored"


def test_the_schema_covers_every_operation(web_schema) -> None:
    operations = {(op.ok().method.upper(), op.ok().path) for op in web_schema.get_all_operations()}
    assert operations == set(OPERATIONS)


@pytest.mark.parametrize("path", ["/api/events", "/api/report"])
def test_since_after_until_is_refused_with_422(app, path: str) -> None:
    with TestClient(app) as client:
        response = client.get(path, params={"since": "2021-08-15", "until": "2021-08-01"})
    assert response.status_code == 422
    assert response.json() == {"ok": False, "error": "since is after until"}


@pytest.mark.parametrize("value", ["0", "1629000000", "20210815", "2021-8-15", "2021-08-15T00:00:00"])
def test_a_day_is_only_written_yyyy_mm_dd(app, value: str) -> None:
    """A number was read as seconds since 1970 (0 gave 1970-01-01) and a full timestamp as its day."""
    with TestClient(app) as client:
        response = client.get("/api/events", params={"since": value})
    assert response.status_code == 422, response.text
    assert "YYYY-MM-DD" in response.json()["error"]
