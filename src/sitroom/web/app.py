"""The situation room in the browser: a FastAPI application with a JSON API and one page.

The database is opened read-only for every request. Nothing is written unless the app was made with
``allow_ingest``; uploads then need the bearer token from ``SITROOM_TOKEN``, are size-limited and go
through the same ingest path as the command line. Only the package's own static files are served.
"""
from __future__ import annotations

import hmac
import os
import re
import tempfile
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom import __version__
from sitroom.errors import SitroomError
from sitroom.events.model import CERTAINTIES, EVENT_TYPES
from sitroom.store import Store
from sitroom.store.backends import is_postgres
from sitroom.store.database import require_database
from sitroom.store.reviews import PRECISIONS
from sitroom.web.memo import ResponseMemo

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# scripts only from this server (no inline script anywhere); the report's HTML carries its own style
# block; map tiles come from OpenStreetMap only when the user switches the online layer on
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_STATIC = Path(str(resources.files("sitroom.web").joinpath("static")))
_WORLD = Path(str(resources.files("sitroom.report").joinpath("data/world_110m.geojson")))
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Certainty = Literal[CERTAINTIES]  # type: ignore[valid-type]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code")]



def _iso_day(value: object) -> object:
    """Only a YYYY-MM-DD string is a day (pydantic alone would also take a number as seconds since 1970)."""
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


Day = Annotated[date | None, Query(description="YYYY-MM-DD"), BeforeValidator(_iso_day)]


Name = Annotated[str, Field(min_length=1, max_length=200)]


class ReviewChanges(BaseModel):
    """The fields a correction may set (null clears one that may be empty)."""
    model_config = {"extra": "forbid"}
    event_type: EventType | None = None
    actor1: Name | None = None
    actor2: Name | None = None
    location: Annotated[Name | None, Field(description="English place name, ',CC' added when ambiguous")] = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: Literal[PRECISIONS] | None = None  # type: ignore[valid-type]
    quantity: Annotated[float, Field(ge=0, le=1e12)] | None = None
    quantity_unit: Name | None = None
    certainty: Certainty | None = None
    attribution: Name | None = None


class ReviewBody(BaseModel):
    """An analyst's review of an event: verify, reject, or correct fields (``changes``, with action correct)."""
    model_config = {"extra": "forbid"}
    action: Literal["verify", "reject", "correct"]
    changes: ReviewChanges | None = None
    note: Annotated[str, Field(max_length=1000)] | None = None
    reviewer: Annotated[str, Field(max_length=200)] | None = None


class Problem(BaseModel):
    """The body of every error answer."""
    ok: Literal[False] = False
    error: str


def _errors(*statuses: int) -> dict[int | str, dict]:
    """The OpenAPI description of the error answers an operation can give."""
    meaning = {400: "The body cannot be read as JSON", 401: "No valid bearer token", 403: "The server is read-only",
               404: "Nothing with this id or name", 413: "The document is larger than the upload limit",
               422: "A parameter or the document is not valid (the message says which)"}
    return {status: {"model": Problem, "description": meaning[status]} for status in statuses}


def _known_parameters_only(request: Request) -> None:
    """Refuse a query parameter an API operation does not have: a misspelt filter must not silently widen the answer.

    The page (not in the OpenAPI document) keeps its own state in the query string and is left alone.
    """
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not getattr(route, "include_in_schema", False):
        return
    known = {p.alias for p in dependant.query_params} | {p.alias for d in dependant.dependencies
                                                         for p in d.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(422, f"unknown parameter {', '.join(unknown)}; this operation takes "
                                 f"{', '.join(sorted(known)) or 'none'}")


_BEARER = HTTPBearer(auto_error=False, description="The token set in SITROOM_TOKEN when the server was started")


def create_app(db_path: str | Path, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """The application serving ``db_path`` (an SQLite file or a PostgreSQL URL)."""
    require_database(db_path)
    if not is_postgres(db_path):
        db_path = Path(db_path)
    app = FastAPI(title="sitroom", version=__version__, docs_url=None, redoc_url=None,  # their pages load from a CDN
                  dependencies=[Depends(_known_parameters_only)],
                  description="Conflict events fused from news reports: events, documents, control, reports.")
    app.state.db_path = db_path
    app.state.allow_ingest = allow_ingest
    app.state.token = token if token is not None else os.environ.get("SITROOM_TOKEN")
    memo = ResponseMemo(db_path)

    def kept(key: tuple, compute) -> Response:
        """A response of the picture, computed once per state of the database."""
        with store() as s:
            version = s.picture_version()
        return memo.get(key, version, compute)

    def store() -> Store:
        try:
            return Store(db_path, must_exist=True, readonly=True)
        except SitroomError as exc:
            raise HTTPException(503, str(exc)) from None

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        messages = ["; ".join(f"{'.'.join(str(p) for p in e.get('loc', []))}: {e.get('msg')}" for e in exc.errors())]
        return JSONResponse({"ok": False, "error": messages[0]}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"ok": False, "error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.get("/api/health", summary="Health and counts")
    def health() -> dict:
        with store() as s:
            return {"ok": True, "version": __version__, **s.counts()}

    @app.get("/api/meta", summary="Date range, types, countries and actors of the picture (for filters)")
    def meta() -> dict:
        return kept(("meta",), _meta)

    def _meta() -> dict:
        with store() as s:
            return {**s.facets(), "certainties": list(CERTAINTIES)}

    @app.get("/api/events", summary="Fused events, filtered, sorted and paginated", responses=_errors(422))
    def events(type: EventType | None = None, country: Country = None,  # noqa: A002 - the API's word
               actor: Annotated[str | None, Query(max_length=200)] = None,
               place: Annotated[str | None, Query(max_length=200)] = None,
               since: Day = None, until: Day = None, certainty: Certainty | None = None,
               q: Annotated[str | None, Query(max_length=200, description="text search in evidence")] = None,
               sort: Literal["date", "-date", "sources", "-sources"] = "date",
               limit: Annotated[int, Query(ge=1, le=1000)] = 200, offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> dict:
        if since and until and since > until:
            raise HTTPException(422, "since is after until")
        if not (actor or place or certainty or q):  # filters of stored columns: sorted and paged in SQL
            with store() as s:
                total, page = s.fused_page(type, country, since, until, sort, limit, offset)
            return {"total": total, "offset": offset, "limit": limit, "items": page}
        with store() as s:
            rows = s.fused_events(event_type=type, country=country, since=since, until=until)
        rows = [r for r in rows if _matches(r, actor, place, certainty, q)]
        key = {"date": lambda r: (r.get("best_date") or "9999", r["fused_id"]),
               "sources": lambda r: (r.get("n_sources", 0), r["fused_id"])}[sort.lstrip("-")]
        rows.sort(key=key, reverse=sort.startswith("-"))
        return {"total": len(rows), "offset": offset, "limit": limit, "items": rows[offset:offset + limit]}

    @app.get("/api/events/{fused_id}", summary="One fused event with its mentions and evidence",
             responses=_errors(404, 422))
    def event(fused_id: Annotated[str, _ident()]) -> dict:
        with store() as s:
            record = s.fused_event(fused_id)
        if record is None:
            raise HTTPException(404, f"no event {fused_id}")
        return record

    @app.get("/api/documents", summary="Documents: metadata")
    def documents(limit: Annotated[int, Query(ge=1, le=1000)] = 200, offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> dict:
        with store() as s:
            docs = s.documents()
        return {"total": len(docs), "items": docs[offset:offset + limit]}

    @app.get("/api/documents/{doc_id}", summary="One document: metadata, text, and the events read from it",
             responses=_errors(404, 422))
    def document(doc_id: Annotated[str, _ident()]) -> dict:
        with store() as s:
            doc = s.document(doc_id)
            if doc is None:
                raise HTTPException(404, f"no document {doc_id}")
            events = s.query_events(doc_id=doc_id)
        return {**doc, "events": events}

    @app.get("/api/documents/{doc_id}/text", summary="One document's text as stored (plain text)",
             responses={200: {"description": "The text, exactly as decoded",
                              "content": {"text/plain": {"schema": {"type": "string"}}}}, **_errors(404, 422)})
    def document_text(doc_id: Annotated[str, _ident()]) -> PlainTextResponse:
        with store() as s:
            doc = s.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        return PlainTextResponse(doc["text"], media_type="text/plain; charset=utf-8")

    @app.get("/api/control", summary="Who controls each place on a date")
    def control(at: Day = None, country: Country = None) -> dict:
        from sitroom.fuse.control import state_at
        from sitroom.report.tables import control_geojson

        def compute() -> dict:
            with store() as s:
                fused = s.fused_events(event_type="territory_captured")
            return control_geojson(state_at(fused, at.isoformat() if at else None, country))

        return kept(("control", at, country and country.upper()), compute)

    @app.get("/api/places/{country_code}/{name}/control", summary="The control timeline of one place",
             responses=_errors(404, 422))
    def place_control(country_code: Annotated[str, _code()], name: Annotated[str, _name()]) -> dict:
        from sitroom.fuse.control import place_key, timelines

        with store() as s:
            fused = s.fused_events(event_type="territory_captured")
        changes = timelines(fused).get(place_key({"country_code": country_code.upper(), "name": name}))
        if not changes:
            raise HTTPException(404, f"no change of control reported for {name}")
        return {"place": name, "country_code": country_code.upper(), "changes": [c.as_row() for c in changes]}

    @app.get("/api/report", summary="The situation report for a period",
             responses={200: {"description": "The report as JSON, Markdown or HTML (the format parameter)",
                              "content": {"application/json": {}, "text/markdown": {"schema": {"type": "string"}},
                                          "text/html": {"schema": {"type": "string"}}}}, **_errors(422)})
    def report(since: Day = None, until: Day = None, country: Country = None,
               format: Literal["json", "md", "html"] = "json"):  # noqa: A002 - the API's word
        from sitroom.report.brief import brief_json, build_brief
        from sitroom.report.render import to_html, to_markdown

        if since and until and since > until:
            raise HTTPException(422, "since is after until")

        def compute():
            with store() as s:
                fused = s.fused_events()
                docs = {d["doc_id"]: d for d in s.documents()}
            brief = build_brief(fused, docs, country, since.isoformat() if since else None,
                                until.isoformat() if until else None)
            if format == "md":
                return PlainTextResponse(to_markdown(brief), media_type="text/markdown; charset=utf-8")
            if format == "html":
                return HTMLResponse(to_html(brief))
            return brief_json(brief)

        return kept(("report", since, until, country, format), compute)

    @app.get("/api/world", summary="Country outlines (Natural Earth 1:110m), for the offline base map",
             response_class=FileResponse,
             responses={200: {"description": "A GeoJSON FeatureCollection",
                              "content": {"application/geo+json": {"schema": {"type": "object"}}}}})
    def world() -> FileResponse:
        return FileResponse(_WORLD, media_type="application/geo+json")

    def require_writer(request: Request, what: str) -> None:
        """Stop unless the server takes writes (--allow-ingest) and the request carries the bearer token."""
        if not app.state.allow_ingest:
            raise HTTPException(403, f"this server is read-only; start it with --allow-ingest to {what}")
        expected = app.state.token
        # the header is read as sent (the security dependency only documents the scheme: it strips spaces)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        # the scheme is case-insensitive (RFC 7235: "bearer" is "Bearer"); the token must be exactly the one set,
        # without spaces around it, and is compared as bytes in constant time (a str with non-ASCII characters
        # cannot be compared so)
        if not expected or scheme.lower() != "bearer" or \
                not hmac.compare_digest(given.encode("utf-8", "surrogatepass"),
                                        expected.encode("utf-8", "surrogatepass")):
            raise HTTPException(401, "a valid bearer token (SITROOM_TOKEN) is required",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/events/{event_id}/review", summary="Verify, reject or correct an event (as sitroom review)",
              responses=_errors(400, 401, 403, 404, 422))
    def review(event_id: Annotated[str, _ident()], body: ReviewBody, request: Request,
               _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)] = None) -> dict:
        from sitroom.store.fusion import apply_review
        from sitroom.store.reviews import parse_changes

        require_writer(request, "accept reviews")
        with Store(db_path) as s:
            targets = s.reviewable(event_id)
            if not targets:
                raise HTTPException(404, f"no event or fused event {event_id}")
            given = body.changes.model_dump(mode="json", exclude_unset=True) if body.changes else {}
            if (body.action == "correct") != bool(given):
                raise HTTPException(422, "changes are given with action correct, and only with it")
            try:
                changes = parse_changes(given) if given else None
            except SitroomError as exc:
                raise HTTPException(422, str(exc)) from None
            apply_review(s, targets, body.action, changes, body.note, body.reviewer)
        return {"ok": True, "action": body.action, "events": targets}

    @app.post("/api/documents", summary="Ingest one document (only with --allow-ingest and a bearer token)",
              status_code=201, responses=_errors(401, 403, 413, 422),
              openapi_extra={"requestBody": {"required": True, "description": "The document, as it would be on disk",
                                             "content": {"text/plain": {"schema": {"type": "string"}},
                                                         "application/octet-stream": {"schema": {
                                                             "type": "string", "format": "binary"}}}}})
    async def upload(request: Request,
                     _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)] = None,
                     published: Day = None, lang: Literal["zh", "en", "auto"] | None = None,
                     source: Annotated[str | None, Query(max_length=200)] = None,
                     filename: Annotated[str, Query(pattern=r"^[\w.-]{1,100}\.(txt|md|html|htm|json|jsonl|xml)$")] = "upload.txt") -> dict:
        require_writer(request, "accept documents")
        too_big = HTTPException(413, f"document is larger than {MAX_UPLOAD_BYTES} bytes")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
            raise too_big
        chunks, size = [], 0
        async for chunk in request.stream():  # stop reading as soon as the limit is passed
            size += len(chunk)
            if size > MAX_UPLOAD_BYTES:
                raise too_big
            chunks.append(chunk)
        body = b"".join(chunks)
        return _ingest_upload(db_path, body, filename, published, lang, source)

    app.mount("/static/leaflet", StaticFiles(directory=_leaflet_dir()), name="leaflet")
    app.mount("/static/markercluster", StaticFiles(directory=_markercluster_dir()), name="markercluster")
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(_STATIC / "index.html", media_type="text/html")

    return app


def _ident():
    """A path parameter holding an id (hex digits)."""
    return PathParam(pattern=r"^[0-9a-f]{8,40}$")


def _code():
    """A path parameter holding an ISO 3166-1 alpha-2 code."""
    return PathParam(pattern=r"^[A-Za-z]{2}$")


def _name():
    """A path parameter holding a place name."""
    return PathParam(pattern=r"^[^/]{1,200}$")


def _matches(r: dict, actor: str | None, place: str | None, certainty: str | None, q: str | None) -> bool:
    if actor and actor.lower() not in f"{r.get('actor1') or ''} {r.get('actor2') or ''}".lower():
        return False
    if place and place.lower() not in ((r.get("location") or {}).get("name") or "").lower():
        return False
    if certainty and r.get("certainty") != certainty:
        return False
    if q:
        text = " ".join((m.get("evidence") or {}).get("text", "") for m in r.get("mentions", []))
        if q.lower() not in text.lower():
            return False
    return True


def _leaflet_dir() -> str:
    import xstatic.pkg.leaflet as leaflet

    return leaflet.BASE_DIR


def _markercluster_dir() -> str:
    import xstatic.pkg.leaflet_markercluster as markercluster

    return markercluster.BASE_DIR


def _ingest_upload(db_path: str | Path, body: bytes, filename: str, published: date | None, lang: str | None,
                   source: str | None) -> dict:
    """Write the upload to a temporary file and run the same ingest path as the command line."""
    from sitroom.ingest import Metadata, read_file
    from sitroom.store import ingest_documents

    override = Metadata(published=published, language=None if lang in (None, "auto") else lang, source=source)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / filename
        path.write_bytes(body)
        items = list(read_file(path, override))
        with Store(db_path) as s:
            report = ingest_documents(s, items)
    if report.failures:
        raise HTTPException(422, "; ".join(f.replace(str(path), filename) for f in report.failures))
    return {"ok": True, "new": report.new, "unchanged": report.unchanged, "events": report.events}
