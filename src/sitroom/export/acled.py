"""Fused events as ACLED rows: ACLED's 31 columns, its event types, actor types and precision codes.

Only the sitroom types ACLED codes become rows (``data/acled_types.tsv``); reports that are only planned or
denied are left out, and so are records without a date or a country, which ACLED cannot place. Casualty
reports are not rows of their own: their count of dead becomes the ``fatalities`` of the violent event
they belong to. Everything is derived from the records alone, so the same records give the same bytes.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from sitroom.export.actors import (ActorInfo, Country, acled_inter, classify, counterpart, country, cue_in,
                                   cues_of, evidence_text, inter_labels, pick_rule)

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
CODED_CERTAINTY = ("reported", "claimed")
PEOPLE_UNITS = ("people", "troops")
# the violent types a casualty count can belong to, most likely owner first
VIOLENT_TYPES = ("attack", "air_strike", "armed_clash", "territory_captured")
GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3, "country": 3}
CIVILIANS, PROTESTERS, RIOTERS, MILITIA = 7, 6, 5, 3
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def acled_rows(fused: list[dict]) -> list[dict]:
    """ACLED rows (dicts keyed by :data:`COLUMNS`, in the order of ``fused``) for the records ACLED codes."""
    fatalities, civilian_tolls = _casualty_links(fused)
    rows = []
    for record in fused:
        row = _row(record, fatalities.get(record["fused_id"], 0), record["fused_id"] in civilian_tolls)
        if row is not None:
            rows.append(row)
    return rows


# one row --------------------------------------------------------------------------------------------

def _row(record: dict, fatalities: int, civilian_toll: bool = False) -> dict | None:
    if record.get("certainty") not in CODED_CERTAINTY:
        return None
    day = _day(record.get("best_date") or record.get("date_start"))
    loc = record.get("location") or {}
    where = country(loc.get("country_code"))
    if day is None or where is None:
        return None
    a1 = classify(record.get("actor1"))
    a2 = counterpart(a1, classify(record.get("actor2")))
    cues = cues_of(record) | ({"civilians"} if civilian_toll else set())
    rule = pick_rule("acled_types.tsv", record, cues, a1, a2)
    if rule is None:
        return None
    actors = _actors(rule, a1, a2, cues, where)
    precision = time_precision(record)
    location, admin1, lat, lon = _place(loc, where)
    return {
        "event_id_cnty": event_id_cnty(record["fused_id"], where),
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": precision,
        "disorder_type": rule["disorder_type"],
        "event_type": rule["event_type"],
        "sub_event_type": rule["sub_event_type"],
        **actors,
        "iso": where.numeric,
        "region": where.region,
        "country": where.name,
        "admin1": admin1,
        "admin2": "",
        "admin3": "",
        "location": location,
        "latitude": _coord(lat),
        "longitude": _coord(lon),
        "geo_precision": GEO_PRECISION.get(loc.get("precision"), 3) if lat is not None else 3,
        "source": "; ".join(record.get("sources") or []),
        "source_scale": "",
        "notes": notes(rule, record, where, day, precision, a2.name if a2 else ""),
        "fatalities": fatalities if "Political violence" in rule["disorder_type"] else 0,
        "tags": _tags(rule, record),
        "timestamp": timestamp(record, day),
    }


def event_id_cnty(fused_id: str, where: Country) -> str:
    """ISO alpha-3 code and a number derived from the fused id (stable across runs and databases)."""
    return f"{where.alpha3}{int(fused_id[:10], 16)}"


def timestamp(record: dict, day: date) -> int:
    """Unix time of the first report's day (midnight UTC), else of the event day: fixed for a record."""
    first = _day(record.get("first_reported")) or day
    return int(datetime(first.year, first.month, first.day, tzinfo=timezone.utc).timestamp())


def time_precision(record: dict) -> int:
    """1 when the day is known, 2 when the report gives a range of a week at most, 3 for a longer range.

    Records fused before the precision was kept: a best date that differs from the earliest start comes from a
    report that named the day; otherwise the width of the date range decides.
    """
    precision = record.get("date_precision")
    if precision is not None:  # fused since precision is kept: the precision of the best date itself
        first, last = _day(record.get("best_date")), _day(record.get("best_date_end"))
        if precision == "day":
            return 1
        if precision == "range" and first and last and (last - first).days <= 7:
            return 2
        return 3
    start, end, best = (_day(record.get(k)) for k in ("date_start", "date_end", "best_date"))
    if start is None or end is None or start == end or (best is not None and best != start):
        return 1
    return 2 if (end - start).days <= 7 else 3


def _actors(rule: dict, a1: ActorInfo | None, a2: ActorInfo | None, cues: frozenset[str], where: Country) -> dict:
    """actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction and civilian_targeting."""
    cc = where.alpha2
    name1, inter1 = (a1.name, acled_inter(a1, cc)) if a1 else ("", None)
    name2, inter2 = (a2.name, acled_inter(a2, cc)) if a2 else ("", None)
    assoc1 = ""
    violent = "Political violence" in rule["disorder_type"]
    if rule["event_type"] in ("Protests", "Riots"):
        # the demonstrators are the first actor; a named group among them is associated with them
        crowd = "Rioters" if rule["event_type"] == "Riots" else "Protesters"
        if a1 is not None and not a1.state_side:
            assoc1 = a1.name
        elif a1 is not None and a2 is None and rule["sub_event_type"] != "Peaceful protest":
            name2, inter2 = a1.name, acled_inter(a1, cc)  # the force that intervened
        name1, inter1 = f"{crowd} ({where.name})", RIOTERS if crowd == "Rioters" else PROTESTERS
    elif violent and not name1:
        name1, inter1 = f"Unidentified Armed Group ({where.name})", MILITIA
    if violent and not name2 and (rule["event_type"] == "Violence against civilians" and
                                  rule["sub_event_type"] != "Abduction/forced disappearance" or "civilians" in cues):
        name2, inter2 = f"Civilians ({where.name})", CIVILIANS
    targeting = "Civilian targeting" if violent and inter2 == CIVILIANS else ""
    return {"actor1": name1, "assoc_actor_1": assoc1, "inter1": _label(inter1), "actor2": name2, "assoc_actor_2": "",
            "inter2": _label(inter2), "interaction": interaction(inter1, inter2), "civilian_targeting": targeting}


def _label(code: int | None) -> str:
    return inter_labels()[code] if code else ""


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction: the two actor types, lower code first ('State forces-Rebel group'), or 'X only'."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{_label(codes[0])} only"
    return f"{_label(codes[0])}-{_label(codes[1])}"


def _place(loc: dict, where: Country) -> tuple[str, str, float | None, float | None]:
    """location, admin1, latitude, longitude: a province stands for its capital, as ACLED codes it."""
    precision = loc.get("precision")
    name, admin1 = loc.get("name") or where.name, loc.get("admin1") or ""
    lat, lon = loc.get("latitude"), loc.get("longitude")
    if precision == "country":
        return where.name, "", lat, lon
    if precision == "admin1":
        from sitroom.places.gazetteer import gazetteer

        gaz = gazetteer()
        province = gaz.by_key.get(f"{where.alpha2}/admin1/{name}")
        capital = gaz.capital_of(province) if province else None
        if capital is not None and capital.lat is not None and capital.lon is not None:
            return capital.name, admin1 or name, capital.lat, capital.lon
        return name, admin1 or name, lat, lon
    return name, admin1, lat, lon


def _coord(value: float | None) -> str:
    return f"{float(value):.4f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else ""


def _tags(rule: dict, record: dict) -> str:
    if rule["event_type"] not in ("Protests", "Riots"):
        return ""
    q = record.get("quantity")
    if q is not None and record.get("quantity_unit") in PEOPLE_UNITS:
        return f"crowd size={_number(q)}"
    return "crowd size=no report"


# notes ----------------------------------------------------------------------------------------------

_FIELD = re.compile(r"\{(\w+)(?:\|([^}]*))?\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def notes(rule: dict, record: dict, where: Country, day: date, precision: int, actor2: str) -> str:
    """An English sentence from the record's fields, any claim or denial, and the first report's words."""
    values = {"actor1": record.get("actor1") or "", "actor2": actor2,
              "place": _place_phrase(record.get("location") or {}, where), "quantity": _quantity(record)}
    sentence = fill(rule["note"], values)
    text = f"{_when(record, day, precision)}, {sentence}"
    if record.get("certainty") == "claimed":
        by = next((m.get("attribution") for m in record.get("mentions") or []
                   if m.get("certainty") == "claimed" and m.get("attribution")), None)
        who = _who(by) if by else None
        text += f" This is a claim{' by ' + who if who else ''}, not confirmed by an independent report."
    if record.get("denied_by"):
        text += f" Denied by {', '.join(record['denied_by'])}."
    evidence = first_evidence(record)
    if evidence:
        text += f' Report: "{evidence}"'
    return text


def _who(attribution: str) -> str | None:
    """An attribution fit for an English sentence ('a local official'); None for one in another script."""
    if not attribution.isascii():
        return None
    first, _, rest = attribution.partition(" ")
    return f"{first.lower()} {rest}" if first in ("A", "An", "The") and rest else attribution


def fill(template: str, values: dict[str, str]) -> str:
    """Fill ``{field}`` and ``{field|default}``; drop a ``[part]`` when a field inside it is empty."""
    def optional(m: re.Match) -> str:
        fields = _FIELD.findall(m.group(1))
        return m.group(1) if all(values.get(f) for f, _ in fields) else ""

    text = _OPTIONAL.sub(optional, template)
    text = _FIELD.sub(lambda m: values.get(m.group(1)) or (m.group(2) or ""), text)
    return re.sub(r"\s+", " ", text).strip()


def first_evidence(record: dict, limit: int = 400) -> str:
    """The first report's evidence sentence, on one line, cut at ``limit`` characters."""
    for m in record.get("mentions") or []:
        text = " ".join(((m.get("evidence") or {}).get("text") or "").split())
        if text:
            return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""


def _when(record: dict, day: date, precision: int) -> str:
    if precision == 1:
        return f"On {day.day} {_MONTHS[day.month - 1]} {day.year}"
    start, end = _day(record.get("date_start")) or day, _day(record.get("date_end")) or day
    if precision == 2:
        return f"Between {_long(start)} and {_long(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"In {_MONTHS[start.month - 1]} {start.year}"
    return f"Between {_long(start)} and {_long(end)}"


def _long(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _place_phrase(loc: dict, where: Country) -> str:
    name = loc.get("name") or where.name
    return name if loc.get("precision") == "country" or name == where.name else f"{name}, {where.name}"


def _quantity(record: dict) -> str:
    q = record.get("quantity")
    if q is None:
        return ""
    unit = record.get("quantity_unit") or ""
    return f"{_number(q)} {unit}".strip()


def _number(q: float) -> str:
    return str(int(q)) if float(q).is_integer() else str(q)


# fatalities -----------------------------------------------------------------------------------------

def _casualty_links(fused: list[dict]) -> tuple[dict[str, int], set[str]]:
    """Reported dead per fused event, and the events whose dead are civilians.

    An event's dead are its own count of people killed, or the largest casualty report of the same place
    and days (from the same article when there is one; each casualty report goes to one event only).
    """
    violent: dict[tuple, list[dict]] = {}  # by place
    out: dict[str, int] = {}
    civilian: set[str] = set()
    for r in fused:
        if r.get("event_type") in VIOLENT_TYPES and r.get("location"):
            violent.setdefault(_place_key(r), []).append(r)
        dead = _dead(r) if r.get("event_type") != "casualties" else None
        if dead is not None:
            out[r["fused_id"]] = dead
    for c in fused:
        dead = _dead(c) if c.get("event_type") == "casualties" else None
        if dead is None:
            continue
        loc = c.get("location") or {}
        start, end = _day(c.get("date_start")), _day(c.get("date_end"))
        if loc.get("precision") not in ("point", "city", "admin1") or start is None:
            continue  # a national toll belongs to no single event
        owners = [r for r in violent.get(_place_key(c), []) if _days_overlap(r, c)]
        docs, sentences = _sources_of(c)
        if end and (end - start).days > 2:  # a toll over days ("in recent days"): only the fighting it is told with
            owners = [r for r in owners if sentences & _sources_of(r)[1]]
        if not owners:
            continue
        owner = min(owners, key=lambda r: (not sentences & _sources_of(r)[1], not docs & _sources_of(r)[0],
                                           VIOLENT_TYPES.index(r["event_type"]), r["fused_id"]))
        out[owner["fused_id"]] = max(out.get(owner["fused_id"], 0), dead)
        if "civilians" in cues_of(c):
            civilian.add(owner["fused_id"])
    return out, civilian


def _sources_of(record: dict) -> tuple[set, set]:
    """The documents and the sentences (document, evidence start) a fused record was read from."""
    mentions = record.get("mentions") or []
    return ({m.get("doc_id") for m in mentions},
            {(m.get("doc_id"), (m.get("evidence") or {}).get("start")) for m in mentions})


def _dead(record: dict) -> int | None:
    """The record's count when it counts people and its evidence says they died.

    Conservative, as ACLED is: a running toll ('since July', '共造成') is no one event's, and a count in a
    text about both dead and wounded must stand in the clause about the dead (see :func:`counts_dead`).
    """
    q = record.get("quantity")
    if q is None or record.get("quantity_unit") not in PEOPLE_UNITS:
        return None
    text = evidence_text(record)
    if cue_in("cumulative", text) or not counts_dead(text, int(q)):
        return None
    return int(q)


_CLAUSE = re.compile(r",\s|;|\band\b|\bwhile\b|、|，|；|。|并")


def counts_dead(text: str, n: int) -> bool:
    """Whether the number ``n`` of ``text`` counts dead: the text speaks of deaths and, when it also speaks of
    wounds, the figure stands in a clause about deaths ('killed at least 64 people | and wounded 180')."""
    if not cue_in("killed", text):
        return False
    if not cue_in("wounded", text):
        return True
    figure = re.compile(rf"(?<![\d.,])(?:{n:,}|{n})(?![\d]|[.,]\d)")
    for clause in _CLAUSE.split(text):
        if figure.search(clause):
            return cue_in("killed", clause) and not cue_in("wounded", clause)
    return False


def _place_key(record: dict) -> tuple:
    loc = record.get("location") or {}
    return loc.get("country_code"), loc.get("name")


def _days_overlap(a: dict, b: dict, slack: int = 1) -> bool:
    sa, sb = _day(a.get("date_start")), _day(b.get("date_start"))
    if sa is None or sb is None:
        return False
    ea, eb = _day(a.get("date_end")) or sa, _day(b.get("date_end")) or sb
    return (sa - eb).days <= slack and (sb - ea).days <= slack


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
