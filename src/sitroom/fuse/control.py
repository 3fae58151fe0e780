"""Territorial control over time: who holds each place since when, from fused captures.

A capture (or a surrender to an armed actor, which extraction already reads as that actor taking the
place) starts a period of control; a later capture by someone else ends it. Two different captors on
the same day are shown as contested, never resolved by guess. Places never reported taken are not
listed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CONTROL_TYPES = ("territory_captured",)


@dataclass
class Change:
    """One change of control of a place."""

    place: dict  # the location object
    controller: str  # the actor who took it, or "contested"
    since: str  # YYYY-MM-DD: the first day it may have changed hands
    until: str | None = None
    since_end: str | None = None  # the last day it may have changed hands (a vague date: early March)
    since_precision: str | None = None  # day, month, year or range: how exactly the reports date the change
    sources: list[str] = field(default_factory=list)
    fused_ids: list[str] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)  # for contested changes: who claims it
    certainty: str = "reported"

    def as_row(self) -> dict:
        """A flat row for tables and CSV."""
        return {"place": self.place.get("name"), "admin1": self.place.get("admin1"),
                "country_code": self.place.get("country_code"), "latitude": self.place.get("latitude"),
                "longitude": self.place.get("longitude"), "controller": self.controller, "since": self.since,
                "since_end": self.since_end or self.since, "since_precision": self.since_precision,
                "until": self.until, "sources": len(self.sources), "source_names": "; ".join(self.sources),
                "certainty": self.certainty, "claimants": "; ".join(self.claimants)}


def place_key(loc: dict) -> str:
    """Key of a place in the control table."""
    return f"{loc.get('country_code')}/{loc.get('name')}"


def timelines(fused: list[dict]) -> dict[str, list[Change]]:
    """Per place, the changes of control in date order."""
    by_place: dict[str, dict[str, list[dict]]] = {}
    for f in fused:
        loc = f.get("location") or {}
        if f["event_type"] not in CONTROL_TYPES or loc.get("precision") not in ("city", "admin1", "point"):
            continue
        day = f.get("best_date") or f.get("date_start")
        if not day or not f.get("actor1"):
            continue
        by_place.setdefault(place_key(loc), {}).setdefault(day, []).append(f)
    out: dict[str, list[Change]] = {}
    for key, days in by_place.items():
        changes: list[Change] = []
        for day in sorted(days):
            same_day = days[day]
            takers = sorted({f["actor1"] for f in same_day})
            sources = sorted({s for f in same_day for s in f.get("sources", [])})
            ids = sorted(f["fused_id"] for f in same_day)
            loc = same_day[0]["location"]
            end, precision = _dated(same_day, day)
            if len(takers) > 1:
                change = Change(loc, "contested", day, sources=sources, fused_ids=ids, claimants=takers,
                                certainty="contested", since_end=end, since_precision=precision)
            else:
                certainty = "reported" if any(f.get("certainty") == "reported" for f in same_day) else same_day[0].get("certainty", "reported")
                change = Change(loc, takers[0], day, sources=sources, fused_ids=ids, certainty=certainty,
                                since_end=end, since_precision=precision)
            if changes and changes[-1].controller == change.controller:
                changes[-1].sources = sorted(set(changes[-1].sources) | set(sources))  # the same hold reported again
                changes[-1].fused_ids += ids
                continue
            if changes:
                changes[-1].until = day
            changes.append(change)
        out[key] = changes
    return out


def _dated(same_day: list[dict], day: str) -> tuple[str, str | None]:
    """(last day, precision) of the captures dated ``day``: the day itself when one reports it exactly, else the
    shortest range they give (3月初: to the 10th)."""
    if any(f.get("date_precision") == "day" for f in same_day):
        return day, "day"
    vague = sorted(((f.get("best_date_end") or day), f.get("date_precision")) for f in same_day)
    return vague[0][0], vague[0][1]


def state_at(fused: list[dict], at: str | None = None, country: str | None = None) -> list[Change]:
    """Who controls each place on ``at`` (default: the latest known), among places reported taken."""
    rows = []
    for key, changes in sorted(timelines(fused).items()):
        if country and not key.startswith(country.upper() + "/"):
            continue
        valid = [c for c in changes if at is None or c.since <= at]
        if valid:
            rows.append(valid[-1])
    return sorted(rows, key=lambda c: (c.since, c.place.get("country_code") or "", c.place.get("name") or ""))
