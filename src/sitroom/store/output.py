"""Writing stored events as a table, JSON Lines or CSV, and the short situation summary."""
from __future__ import annotations

import csv
import json
from collections import Counter
from typing import TextIO

from sitroom.store.database import Store

CSV_COLUMNS = ["event_id", "doc_id", "event_type", "date_start", "date_end", "date_precision", "actor1", "actor2",
               "location", "admin1", "country_code", "latitude", "longitude", "quantity", "quantity_unit",
               "certainty", "attribution", "evidence_start", "evidence_end", "evidence_text"]


FUSED_COLUMNS = ["fused_id", "event_type", "best_date", "date_start", "date_end", "date_precision", "actor1", "actor2",
                 "location", "admin1", "country_code", "latitude", "longitude", "location_precision", "quantity",
                 "quantity_unit", "certainty", "n_sources", "n_mentions", "sources", "first_reported"]
_TABLE_HEADER = ["date", "type", "actor", "place", "quantity", "certainty"]


def _place_columns(r: dict) -> dict:
    """The record's location spread over the columns of the flat rows."""
    loc = r.get("location") or {}
    return {"location": loc.get("name"), "admin1": loc.get("admin1"), "country_code": loc.get("country_code"),
            "latitude": loc.get("latitude"), "longitude": loc.get("longitude")}


def flat_fused(r: dict) -> dict:
    """A fused event record as one flat row (FUSED_COLUMNS): the place spread over columns, sources joined."""
    return {**{k: r.get(k) for k in FUSED_COLUMNS}, **_place_columns(r),
            "location_precision": (r.get("location") or {}).get("precision"),
            "sources": "; ".join(r.get("sources") or [])}


def write_fused_events(rows: list[dict], fmt: str, out: TextIO) -> None:
    """Write fused event records in ``fmt``: table (with a header row), jsonl or csv."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FUSED_COLUMNS)
        writer.writeheader()
        writer.writerows(flat_fused(r) for r in rows)
    else:
        out.write(_table_line([*_TABLE_HEADER[:5], "sources", "id"]))
        for r in rows:
            f = flat_fused(r)
            qty = f"{r['quantity']:g} {r['quantity_unit'] or ''}".strip() if r.get("quantity") is not None else ""
            out.write(_table_line([r.get("best_date") or "?", r["event_type"], r.get("actor1") or "-",
                                   f["location"] or "-", qty, str(r.get("n_sources", 0)), r["fused_id"]]))


def _table_line(cells: list[str]) -> str:
    widths = (10, 21, 24, 18, 14, 9)
    return "  ".join([f"{c[:w]:{w}}" for c, w in zip(cells, widths)] + cells[len(widths):]) + "\n"


def flat_event(r: dict) -> dict:
    """An event record as one flat row (CSV_COLUMNS): the place and the evidence spread over columns."""
    ev = r.get("evidence") or {}
    return {**{k: r.get(k) for k in CSV_COLUMNS if k in r}, **_place_columns(r),
            "evidence_start": ev.get("start"), "evidence_end": ev.get("end"), "evidence_text": ev.get("text")}


def write_events(rows: list[dict], fmt: str, out: TextIO) -> None:
    """Write event records in ``fmt``: table, jsonl or csv."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(flat_event(r))
    else:
        out.write(_table_line([*_TABLE_HEADER, "evidence"]))
        for r in rows:
            f = flat_event(r)
            qty = f"{r['quantity']:g} {r['quantity_unit']}" if r.get("quantity") is not None else ""
            out.write(_table_line([r.get("date_start") or "?", r["event_type"], r.get("actor1") or "-",
                                   f["location"] or "-", qty, r["certainty"],
                                   (f["evidence_text"] or "")[:50].replace("\n", " ")]))


def summary_text(store: Store) -> str:
    """A short situation summary: counts per event type and the captured places with their dates."""
    rows = store.query_events()
    counts = store.counts()
    lines = [f"{counts['documents']} documents, {counts['events']} events, "
             f"{counts.get('fused_events', 0)} after merging reports of the same event", "", "Events by type:"]
    for etype, n in Counter(r["event_type"] for r in rows).most_common():
        lines.append(f"  {etype:22} {n}")
    captured: dict[str, dict] = {}
    for r in rows:
        if r["event_type"] == "territory_captured" and r.get("location") and r["location"].get("precision") != "country" \
                and r.get("date_start"):
            key = f"{r['location']['name']} ({r['location']['country_code']})"
            best = captured.get(key)
            if best is None or r["date_start"] > best["date_start"]:
                captured[key] = r
    lines += ["", "Places captured (latest capture reported, with who took them):"]
    for key, r in sorted(captured.items(), key=lambda kv: (kv[1]["date_start"] or "9", kv[0])):
        lines.append(f"  {r['date_start'] or 'date unknown':12} {key:32} by {r['actor1'] or 'unknown'}")
    if not captured:
        lines.append("  none")
    return "\n".join(lines)
