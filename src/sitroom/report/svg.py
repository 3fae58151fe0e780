"""Static SVG figures made offline: a map of control changes and a timeline of events.

The map draws Natural Earth country outlines (data/world_110m.geojson, shipped in the package) in
an equirectangular projection around the places, so it reads without JavaScript or tiles.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from importlib import resources

from sitroom.fuse.control import Change

PALETTE = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#2e4053"]
TYPE_COLOURS = {"control": "#c0392b", "military": "#2471a3", "posture": "#b9770e", "diplomacy": "#1e8449",
                "humanitarian": "#7d3c98"}


@lru_cache(maxsize=1)
def world() -> list[dict]:
    """Country outlines (empty when the data file is missing)."""
    path = resources.files("sitroom.report").joinpath("data/world_110m.geojson")
    if not path.is_file():
        return []
    return json.loads(path.read_text("utf-8")).get("features", [])


def _rings(geometry: dict) -> list[list[list[float]]]:
    if not geometry:
        return []
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for poly in geometry["coordinates"] for ring in poly]
    return []


def control_map(changes: list[Change], width: int = 720, height: int = 420) -> str:
    """An SVG map: country outlines, and each place whose control changed, coloured by who took it."""
    points = [(c.place.get("longitude"), c.place.get("latitude"), c) for c in changes
              if c.place.get("longitude") is not None and c.place.get("latitude") is not None]
    if not points:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="60" role="img"><text x="10" y="35">' \
               'No located change of control in this period.</text></svg>'
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    pad = 1.5
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    span = max(east - west, (north - south) * width / height, 6.0)
    cx, cy = (west + east) / 2, (south + north) / 2
    west, east = cx - span / 2, cx + span / 2
    lat_span = span * height / width
    south, north = cy - lat_span / 2, cy + lat_span / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * height

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="Map of control changes">',
             f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>']
    for feature in world():
        for ring in _rings(feature.get("geometry")):
            if not any(west - 10 <= lon <= east + 10 and south - 10 <= lat <= north + 10 for lon, lat in ring):
                continue
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in ring)) + "Z"
            parts.append(f'<path d="{d}" fill="#fdfefe" stroke="#95a5a6" stroke-width="0.6"/>')
    controllers = sorted({c.controller for _, _, c in points})
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(controllers)}
    for lon, lat, c in points:
        x, y = xy(lon, lat)
        title = escape(f"{c.place.get('name')}: {c.controller} since {c.since} ({len(c.sources)} source(s))")
        parts.append(f'<g><title>{title}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour[c.controller]}" '
                     f'stroke="#fff" stroke-width="1.2"/><text x="{x + 7:.1f}" y="{y + 4:.1f}" font-size="11" '
                     f'font-family="sans-serif">{escape(c.place.get("name") or "")} {escape(c.since[5:])}</text></g>')
    for i, name in enumerate(controllers):
        parts.append(f'<circle cx="14" cy="{16 + 16 * i}" r="5" fill="{colour[name]}"/>'
                     f'<text x="24" y="{20 + 16 * i}" font-size="12" font-family="sans-serif">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline(fused: list[dict], sections: list[tuple[str, str, tuple[str, ...]]], width: int = 720) -> str:
    """An SVG timeline: one row per report section, one dot per fused event on its day, sized by sources."""
    dated = [f for f in fused if f.get("best_date") or f.get("date_start")]
    if not dated:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="60"><text x="10" y="35">No dated events.</text></svg>'
    days = [date.fromisoformat((f.get("best_date") or f["date_start"])[:10]) for f in dated]
    first, last = min(days), max(days)
    if last == first:
        last = first + timedelta(days=1)
    left, right, row_h = 190, 20, 34
    height = 40 + row_h * len(sections)

    def x(d: date) -> float:
        return left + (d - first).days / (last - first).days * (width - left - right)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="Timeline of events">']
    for i, (key, heading, types) in enumerate(sections):
        y = 20 + row_h * i + row_h / 2
        parts.append(f'<text x="6" y="{y + 4:.0f}" font-size="12" font-family="sans-serif">{escape(heading)}</text>'
                     f'<line x1="{left}" y1="{y:.0f}" x2="{width - right}" y2="{y:.0f}" stroke="#d5d8dc"/>')
        for f, d in zip(dated, days):
            if f["event_type"] in types:
                r = 3 + min(f.get("n_sources", 1), 5)
                title = escape(f"{f['event_type']} {f.get('actor1') or ''} {(f.get('location') or {}).get('name') or ''} {d}")
                parts.append(f'<circle cx="{x(d):.1f}" cy="{y:.0f}" r="{r}" fill="{TYPE_COLOURS.get(key, "#555")}" '
                             f'fill-opacity="0.55"><title>{title}</title></circle>')
    axis_y = height - 12
    step = max(1, (last - first).days // 8)
    d = first
    while d <= last:
        parts.append(f'<text x="{x(d):.0f}" y="{axis_y}" font-size="10" font-family="sans-serif" '
                     f'text-anchor="middle">{d.isoformat()[5:]}</text>')
        d += timedelta(days=step)
    parts.append("</svg>")
    return "".join(parts)
