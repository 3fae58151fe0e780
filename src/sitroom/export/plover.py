"""Fused events as PLOVER event records (one JSON object per event, JSON Lines as the manual suggests).

Categories, modes and contexts follow ``data/plover_types.tsv``; actors carry a PLOVER actor code (ISO
alpha-3, or IGO, NGO, IMG) and sector. Field names: ``id``, ``date``, ``enddate``, ``event_type``, ``mode``,
``context``, ``quad_code``, ``actor``, ``recipient``, ``location``, ``event_text`` and, for ASSAULT and
PROTEST, ``dead``/``injured``/``size``; sitroom's own fields are kept beside them (``sitroom_type``,
``certainty``, ``sources``...). Displacement is not a PLOVER event and is left out.
"""
from __future__ import annotations

from functools import lru_cache

from sitroom.export.acled import counts_dead
from sitroom.export.actors import (ActorInfo, classify, counterpart, country, cue_in, cues_of, evidence_text, pick_rule,
                                   read_table)

NOT_CODED = "-"


@lru_cache(maxsize=1)
def categories() -> dict[str, int]:
    """The sixteen PLOVER event categories and their quad code."""
    return {r["event_type"]: int(r["quad_code"]) for r in read_table("plover_categories.tsv")}


def plover_type(record: dict) -> tuple[str, str | None, list[str], str] | None:
    """(event_type, mode, context, actors) for a fused record, or None when it is no PLOVER event."""
    a1 = classify(record.get("actor1"))
    a2 = counterpart(a1, classify(record.get("actor2")))
    rule = pick_rule("plover_types.tsv", record, cues_of(record), a1, a2)
    if rule is None or rule["event_type"] == NOT_CODED:
        return None
    context = [c for c in rule["context"].split("|") if c]
    return rule["event_type"], rule["mode"] or None, context, rule["actors"]


def plover_records(fused: list[dict]) -> list[dict]:
    """PLOVER records for the fused records that are PLOVER events, in the order given."""
    out = []
    for record in fused:
        rec = plover_record(record)
        if rec is not None:
            out.append(rec)
    return out


def plover_record(record: dict) -> dict | None:
    """One fused record as a PLOVER record (None: not a PLOVER event)."""
    typed = plover_type(record)
    if typed is None:
        return None
    event_type, mode, context, arrangement = typed
    if record.get("certainty") == "planned":
        context = context + ["future"]
    a1 = classify(record.get("actor1"))
    a2 = counterpart(a1, classify(record.get("actor2")))
    actors = [_actor(a) for a in (a1, a2) if a is not None] if arrangement == "both" else [_actor(a1)] if a1 else []
    recipients = [_actor(a2)] if arrangement == "one" and a2 is not None else []
    day = record.get("best_date") or record.get("date_start")
    end = record.get("date_end")
    out = {
        "id": f"sitroom-{record['fused_id']}",
        "date": day,
        "enddate": end if end and end != day else None,
        "event_type": event_type,
        "mode": mode,
        "context": context,
        "quad_code": categories()[event_type],
        "actor": actors,
        "recipient": recipients,
        "location": _location(record.get("location")),
        "event_text": [((m.get("evidence") or {}).get("text") or "") for m in record.get("mentions") or []],
    }
    out.update(_sizes(record, event_type))
    out.update({
        "certainty": record.get("certainty"),
        "denied_by": record.get("denied_by") or [],
        "sources": record.get("sources") or [],
        "sitroom_type": record.get("event_type"),
        "fused_id": record["fused_id"],
    })
    return out


def _actor(info: ActorInfo) -> dict:
    """A PLOVER actor object: the canonical name, the actor code and the sector."""
    spec = info.spec
    if spec.plover_code == "ISO3":
        where = country(info.country)
        code = where.alpha3 if where else ("IMG" if info.armed and not info.state_side else None)
    else:
        code = spec.plover_code
    return {"name": info.name, "code": code, "sector": spec.plover_sector or None}


def _location(loc: dict | None) -> dict | None:
    if not loc:
        return None
    where = country(loc.get("country_code"))
    return {"name": loc.get("name"), "admin1": loc.get("admin1"), "country_code": loc.get("country_code"),
            "cc3": where.alpha3 if where else None, "latitude": loc.get("latitude"),
            "longitude": loc.get("longitude"), "precision": loc.get("precision")}


def _sizes(record: dict, event_type: str) -> dict:
    """PLOVER's dead / injured / size for violence and protests, from the record's count of people."""
    q = record.get("quantity")
    if event_type not in ("ASSAULT", "PROTEST") or q is None or record.get("quantity_unit") not in ("people", "troops"):
        return {}
    n = int(q) if float(q).is_integer() else q
    if event_type == "PROTEST":
        return {"size": n}
    text = evidence_text(record)
    if counts_dead(text, int(q)):
        return {"dead": n}
    if cue_in("wounded", text):
        return {"injured": n}
    return {"size": n}
