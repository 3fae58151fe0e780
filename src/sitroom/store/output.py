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


def _flat(r: dict) -> dict:
    loc = r.get("location") or {}
    ev = r.get("evidence") or {}
    return {**{k: r.get(k) for k in CSV_COLUMNS if k in r}, "location": loc.get("name"), "admin1": loc.get("admin1"),
            "country_code": loc.get("country_code"), "latitude": loc.get("latitude"), "longitude": loc.get("longitude"),
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
            writer.writerow(_flat(r))
    else:
        for r in rows:
            f = _flat(r)
            qty = f"{r['quantity']:g} {r['quantity_unit']}" if r.get("quantity") is not None else ""
            out.write("  ".join([f"{r.get('date_start') or '?':10}", f"{r['event_type']:21}", f"{(r.get('actor1') or '-')[:24]:24}",
                                 f"{(f['location'] or '-')[:18]:18}", f"{qty:14}", f"{r['certainty']:9}",
                                 (f["evidence_text"] or "")[:50].replace("\n", " ")]) + "\n")


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
