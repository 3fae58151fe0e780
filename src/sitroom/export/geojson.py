"""Fused events as a GeoJSON FeatureCollection (RFC 7946): a Point per located event, [longitude, latitude]."""
from __future__ import annotations


def feature_collection(fused: list[dict]) -> dict:
    """A FeatureCollection with one Feature per fused record, in the order given.

    The geometry is a Point at the record's location (WGS 84 longitude, latitude, as RFC 7946 orders them),
    or null when the record has no coordinates. The properties are the whole fused record.
    """
    return {"type": "FeatureCollection", "features": [feature(r) for r in fused]}


def feature(record: dict) -> dict:
    """One fused record as a Feature, identified by its fused id."""
    loc = record.get("location") or {}
    lon, lat = loc.get("longitude"), loc.get("latitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if _valid(lon, lat) else None
    return {"type": "Feature", "id": record["fused_id"], "geometry": geometry, "properties": record}


def _valid(lon: object, lat: object) -> bool:
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat))
    return numbers and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0  # type: ignore[operator]
