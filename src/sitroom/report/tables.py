"""Control tables as text, CSV and GeoJSON."""
from __future__ import annotations

import csv
import json
from typing import TextIO

from sitroom.report.dates import date_label
from sitroom.fuse.control import Change

CONTROL_COLUMNS = ["place", "admin1", "country_code", "latitude", "longitude", "controller", "since", "sources",
                   "until", "certainty", "source_names", "claimants", "since_end", "since_precision"]


def write_control(rows: list[Change], fmt: str, out: TextIO) -> None:
    """Write control rows as table, csv or geojson."""
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CONTROL_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for c in rows:
            writer.writerow(c.as_row())
    elif fmt == "geojson":
        out.write(json.dumps(control_geojson(rows), ensure_ascii=False, indent=1) + "\n")
    else:
        if not rows:
            out.write("no place reported taken\n")
        for c in rows:
            r = c.as_row()
            out.write(f"{date_label(c.since, c.since_end, c.since_precision):22}  {(r['place'] or '')[:22]:22} {r['country_code'] or '':3} "
                      f"{r['controller'][:28]:28} {r['sources']:2d} source(s)"
                      + (f"  until {r['until']}" if r["until"] else "")
                      + (f"  claimed by: {r['claimants']}" if r["claimants"] else "") + "\n")


def control_geojson(rows: list[Change]) -> dict:
    """A FeatureCollection of points, one per place, with its controller and since when."""
    features = []
    for c in rows:
        r = c.as_row()
        if r["latitude"] is None or r["longitude"] is None:
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                         "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")}})
    return {"type": "FeatureCollection", "features": features}
