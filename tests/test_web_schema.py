"""Property-based requests from the app's own OpenAPI document (schemathesis): no GET ever answers with a 5xx.

Uploads (POST) are left out: they write to the database and are covered in test_web_api.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_picture, write_article
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from sitroom.web.app import create_app

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
def web_schema(tmp_path_factory: pytest.TempPathFactory):
    app = create_app(_database(tmp_path_factory.mktemp("web_schema")))
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")


# The GET operations of the API. ``schemathesis.pytest.from_fixture`` cannot be used with pytest 9 (it sets
# ``request.node._nodeid``, which pytest 9 no longer has), so each operation is driven through its own Hypothesis
# strategy, in positive (valid by the schema) and negative (violating it) modes.
OPERATIONS = ["/api/health", "/api/meta", "/api/events", "/api/events/{fused_id}", "/api/documents",
              "/api/documents/{doc_id}", "/api/control", "/api/places/{country_code}/{name}/control", "/api/report",
              "/api/world"]
WITHOUT_PARAMETERS = {"/api/health", "/api/meta", "/api/world"}  # nothing to violate in negative mode
CASES = [(path, GenerationMode.POSITIVE) for path in OPERATIONS] + \
        [(path, GenerationMode.NEGATIVE) for path in OPERATIONS if path not in WITHOUT_PARAMETERS]


@pytest.mark.parametrize("path, mode", CASES, ids=[f"GET {p} {m.value}" for p, m in CASES])
def test_get_operations_never_answer_with_a_server_error(web_schema, path: str, mode: GenerationMode) -> None:
    operation = web_schema[path]["GET"]
    statuses: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:
        response = case.call_and_validate(checks=[not_a_server_error])
        statuses.append(response.status_code)

    check()
    assert statuses, "no request was generated"
    assert max(statuses) < 500, statuses


def test_the_schema_covers_every_read_operation(web_schema) -> None:
    operations = {(op.ok().method.upper(), op.ok().path) for op in web_schema.get_all_operations()}
    assert all(method == "GET" for method, _ in operations), operations
    assert {path for _, path in operations} == set(OPERATIONS)
