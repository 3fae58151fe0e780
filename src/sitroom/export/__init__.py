"""Exports of the fused situation picture: ACLED CSV, GeoJSON, JSON Lines and PLOVER records.

``write_export(fused, fmt, out)`` writes the fused records (``Store.fused_events()``) in one of
:data:`FORMATS` and returns the number of records written. The same records always give the same bytes.
The mappings to ACLED and PLOVER are data files in ``export/data``, documented in ``docs/EXPORTS.md``.
"""
from __future__ import annotations

import csv
import json
from typing import TextIO

from sitroom.export.acled import COLUMNS as ACLED_COLUMNS
from sitroom.export.acled import acled_rows
from sitroom.export.geojson import feature_collection
from sitroom.export.jsonl import write_lines
from sitroom.export.plover import plover_records

FORMATS = ("acled", "geojson", "jsonl", "plover")


def write_export(fused: list[dict], fmt: str, out: TextIO) -> int:
    """Write ``fused`` to ``out`` as ``fmt`` (one of :data:`FORMATS`); return the number of records written.

    acled: CSV with ACLED's 31 columns and a header line (only the events ACLED codes);
    geojson: one FeatureCollection (every record a Feature);
    jsonl: one fused record per line;
    plover: one PLOVER record per line (only the records that are PLOVER events).
    """
    if fmt == "acled":
        rows = acled_rows(fused)
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
    if fmt == "geojson":
        collection = feature_collection(fused)
        out.write(json.dumps(collection, ensure_ascii=False) + "\n")
        return len(collection["features"])
    if fmt == "jsonl":
        return write_lines(fused, out)
    if fmt == "plover":
        return write_lines(plover_records(fused), out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_rows", "feature_collection", "plover_records", "write_export"]
