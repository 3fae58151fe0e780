"""Clustering the events of one block (type and country) into fused events.

Events are compatible when they have the same type, the same place or one place inside the other,
dates within a window suited to the type, compatible actors and numbers that agree. A block is
clustered in a canonical order (date, place precision, event id), so the result does not depend on
the order in which articles were ingested, and each event is compared only with the clusters still
open in its date window: the cost grows with the block, not with all pairs of events.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from sitroom.events.sites import site_class
from sitroom.fuse.model import FusedEvent, Member, fused_id_for

# how far apart two reports of one event may date it, in days
DATE_WINDOW = {"territory_captured": 3, "territory_surrendered": 3, "withdrawal": 3, "armed_clash": 2, "attack": 1,
               "air_strike": 1, "troop_deployment": 7, "evacuation": 4, "appeal": 2, "threat": 2, "rejection": 2,
               "meeting": 2, "agreement": 3, "displacement": 30, "casualties": 2, "protest": 1, "arrest": 2}
YEAR_APART_DAYS = 365
_PRECISION_RANK = {"point": 0, "city": 0, "admin1": 1, "country": 2, None: 3}
_CERTAINTY_RANK = {"reported": 0, "claimed": 1, "planned": 2, "denied": 3}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _loc(m: Member) -> dict:
    return m.record.get("location") or {}


def _place_key(m: Member) -> str | None:
    loc = _loc(m)
    return f"{loc.get('country_code')}/{loc.get('precision')}/{loc.get('name')}" if loc else None


def places_compatible(a: Member, b: Member) -> bool:
    """Same place, or one inside the other (a country contains its towns, a province its capital); the
    same kind of site (a town's airport is not the town)."""
    if site_class(a.record.get("site")) != site_class(b.record.get("site")):
        return False
    la, lb = _loc(a), _loc(b)
    if not la or not lb:
        return True
    if la.get("country_code") != lb.get("country_code"):
        return False
    if la.get("name") == lb.get("name"):
        return True
    pa, pb = la.get("precision"), lb.get("precision")
    if "country" in (pa, pb):
        return True
    if pa == "admin1" and pb in ("city", "point"):
        return lb.get("admin1") == la.get("name")
    if pb == "admin1" and pa in ("city", "point"):
        return la.get("admin1") == lb.get("name")
    return False


def actors_compatible(a: Member, b: Member) -> bool:
    """Equal actors, an unknown one, or a state and its own forces."""
    x, y = a.record.get("actor1"), b.record.get("actor1")
    if not x or not y or x == y:
        return True
    cx, cy = _actor_country(a), _actor_country(b)
    return bool(cx) and cx == cy


def _actor_country(m: Member) -> str | None:
    return m.record.get("actor1_country") or None


def quantities_compatible(a: Member, b: Member) -> bool:
    """Numbers that agree within a quarter (reports round differently), or one of them missing."""
    qa, qb = a.record.get("quantity"), b.record.get("quantity")
    if qa is None or qb is None:
        return True
    return abs(qa - qb) <= 0.25 * max(abs(qa), abs(qb))


def dates_close(a: Member, b: Member, window: int) -> bool:
    """Date ranges that overlap, or start within ``window`` days of each other."""
    sa, sb = _day(a.record.get("date_start")), _day(b.record.get("date_start"))
    if sa is None or sb is None:
        return True
    ea = _day(a.record.get("date_end")) or sa
    eb = _day(b.record.get("date_end")) or sb
    if sa <= eb and sb <= ea:
        return True
    return abs((sa - sb).days) <= window


def years_apart(a: Member, b: Member) -> bool:
    """Reports starting more than a year apart: a toll "since 2011" and one of this week are two events, however
    their ranges overlap."""
    sa, sb = _day(a.record.get("date_start")), _day(b.record.get("date_start"))
    return sa is not None and sb is not None and abs((sa - sb).days) > YEAR_APART_DAYS


def canonical_order(m: Member) -> tuple:
    """The order a block is clustered in: dated first, by date, most precise place first, then id."""
    loc = _loc(m)
    return (m.record.get("date_start") or "9999-99-99", _PRECISION_RANK.get(loc.get("precision") if loc else None, 3),
            m.event_id)


class _Open:
    """An open cluster while a block is clustered: its members' distinct facts, latest date, town, first id."""

    __slots__ = ("cluster", "kinds", "last", "town", "first_id")

    def __init__(self, m: Member, end: date | None, town: tuple | None) -> None:
        self.cluster = FusedEvent([m])
        self.kinds = {_facts(m): m}  # members that agree on every fact compared are compared once
        self.last, self.town, self.first_id = end, town, m.event_id

    def add(self, m: Member, end: date | None) -> None:
        self.cluster.members.append(m)
        self.kinds.setdefault(_facts(m), m)
        self.last = max(self.last, end) if self.last and end else (self.last or end)
        self.first_id = min(self.first_id, m.event_id)

    def takes(self, m: Member) -> bool:
        """Whether ``m`` joins: nothing in the cluster contradicts it and some report is close in time."""
        kinds = self.kinds.values()
        window = DATE_WINDOW.get(m.record["event_type"], 3)
        return (all(places_compatible(m, x) and actors_compatible(m, x) and quantities_compatible(m, x)
                    and not years_apart(m, x) for x in kinds)
                and any(dates_close(m, x, window) for x in kinds))

    def rank(self, m: Member) -> tuple:
        """Best cluster for ``m`` first: the closest place precision, then the fused id."""
        here = _PRECISION_RANK.get(_loc(m).get("precision") if _loc(m) else None, 3)
        gap = min(abs(here - _PRECISION_RANK.get(_loc(x).get("precision") if _loc(x) else None, 3)) for x in self.kinds.values())
        return gap, fused_id_for(self.first_id)


def cluster_block(members: list[Member]) -> list[FusedEvent]:
    """Fuse the events of one block; deterministic whatever order ``members`` come in.

    Events are visited in date order, so a cluster whose latest report is older than the date window
    can never take another event: it is closed. Open clusters are kept by the town they are in (a
    cluster holds at most one town: two towns are never the same place), so an event in a town is
    compared only with the clusters of that town and those without one, and with each distinct kind
    of member once: the cost grows with the reports of each place, not with all pairs of the block.
    """
    clusters: list[FusedEvent] = []
    open_by_town: dict[tuple | None, list[_Open]] = {}
    latest: date | None = None
    for m in sorted(members, key=canonical_order):
        window = DATE_WINDOW.get(m.record["event_type"], 3)
        start = _day(m.record.get("date_start"))
        latest = start or latest
        town = _town(m)
        candidates: list[_Open] = []
        for key in ((town, None) if town is not None else list(open_by_town)):
            entries = open_by_town.get(key)
            if entries and latest is not None:
                entries[:] = [e for e in entries if e.last is None or (latest - e.last).days <= window]
            candidates.extend(entries or ())
        fits = [e for e in candidates if e.takes(m)]
        end = _day(m.record.get("date_end")) or start
        if fits:
            best = min(fits, key=lambda e: e.rank(m))
            best.add(m, end)
            if town is not None and best.town is None:  # the cluster now has a town: file it under it
                open_by_town[None].remove(best)
                best.town = town
                open_by_town.setdefault(town, []).append(best)
        else:
            entry = _Open(m, end, town)
            clusters.append(entry.cluster)
            open_by_town.setdefault(town, []).append(entry)
    return clusters


def _facts(m: Member) -> tuple:
    """Everything the compatibility checks read of a member: members equal on these answer alike."""
    r, loc = m.record, _loc(m)
    return (r.get("site") and site_class(r.get("site")), loc.get("country_code"), loc.get("name"), loc.get("precision"),
            loc.get("admin1"), bool(loc), r.get("actor1"), r.get("actor1_country"), r.get("quantity"),
            r.get("date_start"), r.get("date_end"))


def _town(m: Member) -> tuple | None:
    """(country, name) of an event placed in a town, None for a province, a country or no place."""
    loc = _loc(m)
    if loc and loc.get("precision") in ("city", "point") and loc.get("name"):
        return loc.get("country_code"), loc.get("name")
    return None


def summarise(cluster: FusedEvent) -> dict:
    """The fused event's record: best place, date range and best day, certainty, sources, mentions."""
    members = sorted(cluster.members, key=lambda m: (m.published or "9999", m.event_id))
    first = members[0].record
    located = [m for m in members if _loc(m)]
    best_loc = min((_loc(m) for m in located), key=lambda loc: _PRECISION_RANK.get(loc.get("precision"), 3),
                   default=None)
    starts = [m.record["date_start"] for m in members if m.record.get("date_start")]
    ends = [m.record.get("date_end") or m.record["date_start"] for m in members if m.record.get("date_start")]
    day_votes = Counter(m.record["date_start"] for m in members
                        if m.record.get("date_start") and m.record.get("date_precision") == "day")
    if day_votes:  # the day most reports give
        best_day, precision = sorted(day_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0], "day"
        best_end = best_day
    else:  # no report gives a day: the earliest start, as precise as the report that gives it
        earliest = min((m for m in members if m.record.get("date_start")),
                       key=lambda m: (m.record["date_start"], m.record.get("date_end") or "", m.event_id), default=None)
        best_day = earliest.record["date_start"] if earliest else None
        precision = earliest.record.get("date_precision") if earliest else None
        best_end = (earliest.record.get("date_end") or best_day) if earliest else None
    actors = Counter(m.record.get("actor1") for m in members if m.record.get("actor1"))
    actor1 = sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if actors else None
    actors2 = Counter(m.record.get("actor2") for m in members if m.record.get("actor2"))
    actor2 = sorted(actors2.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if actors2 else None
    quantities = sorted(m.record["quantity"] for m in members if m.record.get("quantity") is not None)
    sources = sorted({m.source for m in members})
    certainty, denied_by = _fused_certainty(members)
    reviewed = [m.record["review"] for m in members if m.record.get("review")]
    record = {
        "fused_id": cluster.fused_id,
        "event_type": first["event_type"],
        "actor1": actor1,
        "actor2": actor2,
        "location": best_loc,
        "site": Counter(m.record.get("site") for m in members if m.record.get("site")).most_common(1)[0][0]
        if any(m.record.get("site") for m in members) else None,
        "date_start": min(starts) if starts else None,
        "date_end": max(ends) if ends else None,
        "best_date": best_day,
        "best_date_end": best_end,  # the last day best_date may stand for (best_date itself for a day)
        "date_precision": precision,  # of best_date: day, or the month, year or range it stands for
        "quantity": quantities[len(quantities) // 2] if quantities else None,  # the median report
        "quantity_unit": next((m.record.get("quantity_unit") for m in members if m.record.get("quantity") is not None), None),
        "quantity_range": [quantities[0], quantities[-1]] if quantities else None,
        "certainty": certainty,
        "denied_by": denied_by,
        "sources": sources,
        "n_sources": len(sources),
        "n_mentions": len(members),
        "first_reported": min((m.published for m in members if m.published), default=None),
        "mentions": [{"event_id": m.event_id, "doc_id": m.record["doc_id"], "source": m.source,
                      "published": m.published, "certainty": m.record.get("certainty"),
                      "attribution": m.record.get("attribution"), "date_start": m.record.get("date_start"),
                      "evidence": m.record.get("evidence")} for m in members],
    }
    if reviewed:  # an analyst's word on some of its reports (sitroom review)
        record["verified"] = any(r.get("status") == "verified" for r in reviewed)
        record["corrected"] = sorted({k for r in reviewed for k in r.get("corrected", {})})
        for mention, m in zip(record["mentions"], members):
            if m.record.get("review"):
                mention["review"] = m.record["review"]
    return record


def _fused_certainty(members: list[Member]) -> tuple[str, list[str]]:
    """Reported when any source reports it or two independent sources claim it; denials are kept beside."""
    denied_by = sorted({m.record.get("attribution") or m.source for m in members if m.record.get("certainty") == "denied"})
    kinds = Counter(m.record.get("certainty") for m in members if m.record.get("certainty") != "denied")
    if kinds.get("reported"):
        return "reported", denied_by
    claimed_sources = {m.source for m in members if m.record.get("certainty") == "claimed"}
    if len(claimed_sources) >= 2:
        return "reported", denied_by  # a party's claim confirmed by an independent outlet
    if kinds:
        return min(kinds, key=lambda k: _CERTAINTY_RANK.get(k, 9)), denied_by
    return "denied", denied_by
