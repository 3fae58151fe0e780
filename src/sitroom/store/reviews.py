"""Reviews of extracted events: verify, reject or correct a field, applied wherever the picture is read.

A review is stored in its own table and keyed by event id; the extracted record stays as it was. The effective
record is the extracted one with the event's corrections applied in the order they were made, marked with the
review (``review``: status, corrected fields and their extracted values). A rejected event leaves the fused
picture, the control table, the report and the exports; it still lists among each report's events, marked.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.errors import OptionError
from sitroom.events.model import CERTAINTIES, EVENT_TYPES

ACTIONS = ("verify", "reject", "correct")
PRECISIONS = ("day", "month", "year", "range")
CORRECTABLE = ("event_type", "actor1", "actor2", "location", "date_start", "date_end", "date_precision", "quantity",
               "quantity_unit", "certainty", "attribution")


@dataclass
class Review:
    """Every review of one event, merged: the last verify or reject decides the status."""

    status: str | None = None  # verified, rejected or None (only corrected)
    changes: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, action: str, changes: dict[str, Any] | None, note: str | None) -> None:
        """Fold in one stored review."""
        if action == "verify":
            self.status = "verified"
        elif action == "reject":
            self.status = "rejected"
        else:
            self.changes.update(changes or {})
        if note:
            self.notes.append(note)


def effective(record: dict, review: Review | None) -> dict:
    """The record as the analyst's review has it (the extracted record itself when there is none)."""
    if review is None:
        return record
    out = {**record, **review.changes}
    out["review"] = {"status": review.status, "corrected": {k: record.get(k) for k in review.changes},
                     "notes": list(review.notes)}
    return out


def block_of(record: dict) -> tuple[str, str]:
    """The (event type, country) block a record is fused in."""
    return record["event_type"], ((record.get("location") or {}).get("country_code") or "")


def parse_changes(pairs: list[str] | dict[str, Any]) -> dict[str, Any]:
    """``field=value`` pairs (or a mapping) checked and typed; an OptionError names what is wrong."""
    items = pairs.items() if isinstance(pairs, dict) else [_split(p) for p in pairs]
    out: dict[str, Any] = {}
    for name, value in items:
        if name not in CORRECTABLE:
            raise OptionError(f"{name!r} cannot be corrected; one of {', '.join(CORRECTABLE)}")
        out[name] = _typed(name, value)
    if not out:
        raise OptionError("nothing to correct: give field=value")
    start, end = out.get("date_start"), out.get("date_end")
    if start and end and start > end:
        raise OptionError(f"date_start {start} is after date_end {end}")
    return out


def _split(pair: str) -> tuple[str, str]:
    name, sep, value = pair.partition("=")
    if not sep or not name.strip():
        raise OptionError(f"{pair!r} is not field=value")
    return name.strip(), value.strip()


def _typed(name: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and value.lower() in ("", "null", "none")):
        if name in ("event_type", "certainty"):
            raise OptionError(f"{name} cannot be empty")
        return None
    if name == "event_type":
        return _one_of(name, value, EVENT_TYPES)
    if name == "certainty":
        return _one_of(name, value, CERTAINTIES)
    if name == "date_precision":
        return _one_of(name, value, PRECISIONS)
    if name in ("date_start", "date_end"):
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise OptionError(f"{name} {value!r} is not a date YYYY-MM-DD") from None
    if name == "quantity":
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise OptionError(f"quantity {value!r} is not a number") from None
        if not math.isfinite(number) or number < 0:
            raise OptionError(f"quantity {value!r} is not a count")
        return int(number) if number.is_integer() else number
    if name == "location":
        return _place(value)
    if not isinstance(value, str) or len(value) > 200:
        raise OptionError(f"{name} must be a name of at most 200 characters")
    return value


def _one_of(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise OptionError(f"{name} {value!r} is not one of {', '.join(allowed)}")
    return value


def _place(value: Any) -> dict:
    """``Kherson`` or ``Kherson,UA`` (a country code when the name is ambiguous) as a location object."""
    from sitroom.places.gazetteer import gazetteer

    name, _, code = str(value).partition(",")
    gaz = gazetteer()
    found = [p for p in gaz.lookup_en(name.strip()) if not code.strip() or p.country_code == code.strip().upper()]
    if not found:
        raise OptionError(f"location {value!r} is not a place the gazetteer knows (write its English name, "
                          "and ',CC' with the country code when needed)")
    return found[0].as_location()


def dumps(changes: dict[str, Any] | None) -> str | None:
    """The changes as stored."""
    return json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes else None
