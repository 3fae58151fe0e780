"""The ``sitroom`` command: verbs that match the pipeline (ingest, extract, events, fuse, control, report,
export, summary, eval)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from sitroom import __version__
from sitroom.errors import SitroomError
from sitroom.ingest import Metadata, discover, read_file
from sitroom.ingest.metadata import parse_date, parse_language
from sitroom.settings import DEFAULT_DB, DEFAULTS


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _override(published: str | None, lang: str | None, source: str | None) -> Metadata:
    try:
        return Metadata(published=parse_date(published, "--published"), language=parse_language(lang), source=source)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None


def _documents(paths: tuple[str, ...], override: Metadata) -> Iterator:
    for item in discover(list(paths)):
        if isinstance(item, SitroomError):
            yield item
            continue
        yield from read_file(item, override)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitroom")
def main() -> None:
    """sitroom: conflict news in Chinese and English to a situation picture an analyst can trust."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date YYYY-MM-DD (overrides sidecars and file metadata).")
@click.option("--lang", type=click.Choice(["zh", "en", "auto"]), default=None, help="Language of the documents.")
@click.option("--source", help="Outlet name (overrides sidecars and file metadata).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def extract(paths: tuple[str, ...], published: str | None, lang: str | None, source: str | None, fmt: str) -> None:
    """Extract events from documents and print them (no database needed)."""
    from sitroom.store.ingest import analyse_for_store

    override = _override(published, lang, source)
    failed = 0
    for item in _documents(paths, override):
        if isinstance(item, SitroomError):
            _fail(str(item))
            failed += 1
            continue
        if item.meta.published is None:
            _fail(f"{item.origin}: no publication date; pass --published YYYY-MM-DD or add a .meta.json sidecar")
            failed += 1
            continue
        doc = analyse_for_store(item)  # within the time limit; a failure is one line naming the file
        if isinstance(doc, str):
            _fail(doc)
            failed += 1
            continue
        for ev in doc.events:
            record = ev.to_contract()
            if fmt == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                click.echo(_table_row(record))
    if failed:
        sys.exit(1)


def _table_row(r: dict) -> str:
    loc = (r["location"] or {}).get("name") or "-"
    qty = f"{r['quantity']} {r['quantity_unit']}" if r["quantity"] is not None else "-"
    return "\t".join([r["event_type"], r["date_start"] or "-", r["actor1"] or "-", loc, qty, r["certainty"],
                      r["evidence"]["text"][:60].replace("\n", " ")])


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides sidecars and file metadata).")
@click.option("--lang", type=click.Choice(["zh", "en", "auto"]), default=None, help="Language of the documents.")
@click.option("--source", help="Outlet name (overrides sidecars and file metadata).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes that analyse documents [default: the number of cores].")
@click.option("--dask", metavar="ADDRESS", help="Analyse and fuse on a Dask cluster: its scheduler's address "
              "(tcp://host:8786), or 'local' for a local cluster of --jobs workers. Needs sitroom[cluster].")
def ingest(paths: tuple[str, ...], db: str, published: str | None, lang: str | None, source: str | None, quiet: bool,
           jobs: int | None, dask: str | None) -> None:
    """Read documents, extract their events and store both in the database."""
    from sitroom.store import Store, ingest_documents
    from sitroom.store.ingest import default_jobs

    override = _override(published, lang, source)
    try:
        store = Store(db)
    except SitroomError as exc:
        _fail(str(exc))
        sys.exit(1)
    with store:
        items = list(_documents(paths, override))
        try:
            report = ingest_documents(store, items, progress=not quiet and len(items) >= DEFAULTS.progress_min_files,
                                      jobs=jobs or default_jobs(), dask=dask)
        except (RuntimeError, OSError) as exc:  # no Dask installed, or no scheduler at the address
            _fail(f"--dask {dask}: {exc}")
            sys.exit(1)
    for line in report.failures:
        _fail(line)
    click.echo(f"ingested: {report.new} new, {report.unchanged} unchanged, {len(report.failures)} failed; "
               f"{report.events} events stored in {store.name}" + (f"; {report.fused} fused events updated" if report.fused else ""))
    if report.failures:
        sys.exit(1)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--fused", is_flag=True, help="Fused events (reports of one event merged) instead of each report's.")
@click.option("--type", "event_type", help="Event type (territory_captured, troop_deployment ...).")
@click.option("--country", help="ISO 3166-1 alpha-2 country code of the place.")
@click.option("--actor", help="Actor name (actor1 or actor2, case-insensitive substring).")
@click.option("--since", help="Events on or after YYYY-MM-DD.")
@click.option("--until", help="Events on or before YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(db: str, fused: bool, event_type: str | None, country: str | None, actor: str | None, since: str | None,
           until: str | None, fmt: str) -> None:
    """Query stored events (each report's, or with --fused the merged picture)."""
    from sitroom.store import write_events, write_fused_events
    from sitroom.store.filters import with_actor

    f = _filters(event_type, country, since, until)
    with _open(db) as store:
        if fused:
            rows = store.fused_events(event_type=f.event_type, country=f.country, since=f.since, until=f.until)
            rows = with_actor(rows, actor)
        else:
            rows = store.query_events(event_type=f.event_type, country=f.country, actor=actor, since=f.since,
                                      until=f.until)
    (write_fused_events if fused else write_events)(rows, fmt, sys.stdout)


def _filters(event_type: str | None, country: str | None, since: str | None, until: str | None):
    """The filter options checked (a known type and country, a period in order), or a usage error."""
    from sitroom.store.filters import check_filters

    try:
        return check_filters(event_type, country, since, until, ("--type", "--country", "--since", "--until"))
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
def summary(db: str) -> None:
    """Print a short situation summary: events per type and captured places with dates."""
    from sitroom.store import Store, summary_text

    try:
        store = Store(db, must_exist=True, readonly=True)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None
    with store:
        click.echo(summary_text(store))


def _open(db: str, write: bool = False):
    """Open an existing database (read-only unless ``write``: readers never migrate or lock it), or stop
    with a usage error naming it."""
    from sitroom.store import Store

    try:
        return Store(db, must_exist=True, readonly=not write)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None


def _date_option(value: str | None, name: str):
    try:
        return parse_date(value, name)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
def fuse(db: str) -> None:
    """Rebuild the fused picture: merge events of all documents into fused events."""
    from sitroom.store import refuse_all

    with _open(db, write=True) as store:
        n = refuse_all(store)
        counts = store.counts()
    click.echo(f"{counts['events']} events from {counts['documents']} documents fused into {n} events")


@main.command()
@click.argument("event_id", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--verify", "action", flag_value="verify", help="Mark the event as checked and right.")
@click.option("--reject", "action", flag_value="reject", help="Take the event out of the picture (wrongly extracted).")
@click.option("--correct", "corrections", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field (event_type, actor1, actor2, location, date_start, date_end, date_precision, "
                   "quantity, quantity_unit, certainty, attribution); repeat for several; VALUE null clears it.")
@click.option("--note", help="Why (kept with the review).")
@click.option("--reviewer", help="Who reviews (kept with the review).")
@click.option("--list", "show", is_flag=True, help="List every review made, oldest first.")
def review(event_id: str | None, db: str, action: str | None, corrections: tuple[str, ...], note: str | None,
           reviewer: str | None, show: bool) -> None:
    """Verify, reject or correct an event (an event id, or a fused id for all its reports). Reviews are kept
    apart from what was extracted and survive re-ingest and re-fusion; the picture is fused again at once."""
    from sitroom.store.fusion import apply_review
    from sitroom.store.reviews import parse_changes

    if show:
        with _open(db) as store:
            for r in store.review_log():
                changes = ", ".join(f"{k}={v}" for k, v in (r["changes"] or {}).items())
                click.echo("\t".join([str(r["review_id"]), r["created_at"], r["event_id"], r["action"], changes,
                                      r["note"] or "", r["reviewer"] or ""]))
        return
    if not event_id:
        raise click.UsageError("give the EVENT_ID to review (or --list)")
    if bool(action) + bool(corrections) != 1:
        raise click.UsageError("give one of --verify, --reject or --correct FIELD=VALUE")
    try:
        changes = parse_changes(list(corrections)) if corrections else None
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None
    with _open(db, write=True) as store:
        targets = store.reviewable(event_id)
        if not targets:
            raise click.UsageError(f"{store.name}: no event or fused event {event_id}")
        apply_review(store, targets, action or "correct", changes, note, reviewer)
    click.echo(f"{action or 'correct'}: {len(targets)} event(s) reviewed; the picture is fused again")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--country", help="ISO 3166-1 alpha-2 code.")
@click.option("--at", "at", help="State on this date (YYYY-MM-DD); default: the latest known.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "geojson"]), default="table", show_default=True)
@click.option("--history", is_flag=True, help="Every change of control, not only the state at the date.")
def control(db: str, country: str | None, at: str | None, fmt: str, history: bool) -> None:
    """Who controls each place reported taken, and since when."""
    from sitroom.fuse.control import state_at, timelines
    from sitroom.report.tables import write_control

    at_date = _date_option(at, "--at")
    country = _filters(None, country, None, None).country
    with _open(db) as store:
        fused = store.fused_events(event_type="territory_captured")
    if history:
        rows = [c for key, changes in sorted(timelines(fused).items()) for c in changes
                if (not country or key.startswith(country.upper() + "/")) and (not at_date or c.since <= at_date.isoformat())]
    else:
        rows = state_at(fused, at_date.isoformat() if at_date else None, country)
    write_control(rows, fmt, sys.stdout)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--country", help="ISO 3166-1 alpha-2 code.")
@click.option("--since", help="Events on or after YYYY-MM-DD.")
@click.option("--until", help="Events on or before YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("--title", help="Title of the report.")
def report(db: str, country: str | None, since: str | None, until: str | None, fmt: str, output: str | None,
           title: str | None) -> None:
    """Write the situation report for a period: control, military, posture, diplomacy, humanitarian, gaps."""
    from sitroom.report.brief import build_brief
    from sitroom.report.render import to_html, to_markdown

    f = _filters(None, country, since, until)
    with _open(db) as store:
        fused = store.fused_events()
        documents = {d["doc_id"]: d for d in store.documents()}
    brief = build_brief(fused, documents, f.country, f.since.isoformat() if f.since else None,
                        f.until.isoformat() if f.until else None, title)
    text = to_html(brief) if fmt == "html" else to_markdown(brief)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"report written to {output}")
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file, or a postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["acled", "geojson", "jsonl", "plover"]), required=True)
@click.option("--type", "event_type", help="Event type.")
@click.option("--country", help="ISO 3166-1 alpha-2 code.")
@click.option("--since", help="Events on or after YYYY-MM-DD.")
@click.option("--until", help="Events on or before YYYY-MM-DD.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
def export(db: str, fmt: str, event_type: str | None, country: str | None, since: str | None, until: str | None,
           output: str | None) -> None:
    """Export fused events as ACLED-style CSV, GeoJSON, JSON Lines or PLOVER records."""
    from sitroom.export import write_export

    f = _filters(event_type, country, since, until)
    with _open(db) as store:
        fused = store.fused_events(event_type=f.event_type, country=f.country, since=f.since, until=f.until)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = write_export(fused, fmt, fh)
        click.echo(f"{n} records written to {output}")
    else:
        write_export(fused, fmt, sys.stdout)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True, help="Accept POST /api/documents with the bearer token in SITROOM_TOKEN.")
def serve(db: str, host: str, port: int, allow_ingest: bool) -> None:
    """Serve the map, time slider, evidence and the JSON API."""
    import os

    import uvicorn

    from sitroom.web.app import create_app

    if allow_ingest and not os.environ.get("SITROOM_TOKEN"):
        raise click.UsageError("--allow-ingest needs a token: set SITROOM_TOKEN")
    try:
        app = create_app(db, allow_ingest=allow_ingest)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: --host {host} makes the page reachable from other machines, and it has no login: "
                   "anyone who can reach this port reads the whole database" +
                   ("; uploads still need the bearer token" if allow_ingest else ""), err=True)
    from sitroom.store.backends import display_name

    click.echo(f"sitroom is serving {display_name(db)} at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database file (opened read-only).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--metadata-only", is_flag=True, help="Print the Datasette metadata and stop.")
@click.pass_context
def datasette(ctx: click.Context, db: str, port: int, metadata_only: bool) -> None:
    """Browse the database with Datasette (SQL, facets, CSV): read-only, with sitroom's table descriptions,
    facets and canned queries. Needs sitroom[datasette]; arguments after -- go to Datasette."""
    import shutil
    import subprocess
    import tempfile

    from sitroom.store.backends import is_postgres
    from sitroom.store.database import require_database
    from sitroom.store.datasette import datasette_metadata

    if is_postgres(db):
        raise click.UsageError("Datasette reads SQLite files only")
    try:
        require_database(db)
    except SitroomError as exc:
        raise click.UsageError(str(exc)) from None
    metadata = datasette_metadata(db)
    if metadata_only:
        click.echo(json.dumps(metadata, indent=2, ensure_ascii=False))
        return
    program = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    if not Path(program).exists():
        raise click.UsageError("Datasette is not installed: pip install 'sitroom[datasette]'")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as fh:
        json.dump(metadata, fh)
        fh.flush()
        sys.exit(subprocess.call([program, "serve", "-i", db, "--metadata", fh.name, "--port", str(port), *ctx.args]))


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the gold files' documents (default: beside the gold files or ../corpus).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the report.")
@click.option("--quiet", is_flag=True, help="Only the per-document rows and averages, no misses or false positives.")
def evaluate(gold: tuple[Path, ...], corpus: Path | None, as_json: bool, quiet: bool) -> None:
    """Extract each gold file's document and score it: per document and micro-averaged P, R, F1."""
    from sitroom.evaluate.runner import evaluate_gold_files, format_report

    files: list[Path] = []
    for g in gold:
        files += sorted(g.glob("*.gold.json")) if g.is_dir() else [g]
    try:
        result = evaluate_gold_files(files, corpus)
    except SitroomError as exc:
        _fail(str(exc))
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
    else:
        click.echo(format_report(result, details=not quiet))


if __name__ == "__main__":  # pragma: no cover
    main()
