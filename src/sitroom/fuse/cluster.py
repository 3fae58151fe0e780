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
from sitroom.fuse.model import FusedEvent, Member

# how far apart two reports of one event may date it, in days
DATE_WINDOW = {"territory_captured": 3, "territory_surrendered": 3, "withdrawal": 3, "armed_clash": 2, "attack": 1,
               "air_strike": 1, "troop_deployment": 7, "evacuation": 4, "appeal": 2, "threat": 2, "rejection": 2,
               "meeting": 2, "agreement": 3, "displacement": 30, "casualties": 2, "protest": 1, "arrest": 2}
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


def compatible(e: Member, cluster: FusedEvent) -> bool:
    """An event joins a cluster when nothing in it contradicts the event and some report is close in time."""
    window = DATE_WINDOW.get(e.record["event_type"], 3)
    hard = all(places_compatible(e, m) and actors_compatible(e, m) and quantities_compatible(e, m)
               for m in cluster.members)
    return hard and any(dates_close(e, m, window) for m in cluster.members)


def canonical_order(m: Member) -> tuple:
    """The order a block is clustered in: dated first, by date, most precise place first, then id."""
    loc = _loc(m)
    return (m.record.get("date_start") or "9999-99-99", _PRECISION_RANK.get(loc.get("precision") if loc else None, 3),
            m.event_id)


def cluster_block(members: list[Member]) -> list[FusedEvent]:
    """Fuse the events of one block; deterministic whatever order ``members`` come in.

    Events are visited in date order, so a cluster whose latest report is older than the date window
    can never take another event: it is closed, and each event is compared only with open clusters.
    """
    clusters: list[FusedEvent] = []
    open_clusters: list[tuple[FusedEvent, date | None]] = []  # (cluster, latest end date)
    for m in sorted(members, key=canonical_order):
        window = DATE_WINDOW.get(m.record["event_type"], 3)
        start = _day(m.record.get("date_start"))
        if start is not None:
            open_clusters = [(c, last) for c, last in open_clusters if last is None or (start - last).days <= window]
        fits = [c for c, _ in open_clusters if compatible(m, c)]
        end = _day(m.record.get("date_end")) or start
        if fits:
            best = min(fits, key=lambda c: (_specificity_gap(m, c), c.fused_id))
            best.members.append(m)
            open_clusters = [(c, max(last, end) if last and end else (last or end)) if c is best else (c, last)
                             for c, last in open_clusters]
        else:
            cluster = FusedEvent([m])
            clusters.append(cluster)
            open_clusters.append((cluster, end))
    return clusters


def _specificity_gap(m: Member, c: FusedEvent) -> int:
    here = _PRECISION_RANK.get(_loc(m).get("precision") if _loc(m) else None, 3)
    return min(abs(here - _PRECISION_RANK.get(_loc(x).get("precision") if _loc(x) else None, 3)) for x in c.members)


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
    best_day = sorted(day_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if day_votes else (min(starts) if starts else None)
    actors = Counter(m.record.get("actor1") for m in members if m.record.get("actor1"))
    actor1 = sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if actors else None
    actors2 = Counter(m.record.get("actor2") for m in members if m.record.get("actor2"))
    actor2 = sorted(actors2.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if actors2 else None
    quantities = sorted(m.record["quantity"] for m in members if m.record.get("quantity") is not None)
    sources = sorted({m.source for m in members})
    certainty, denied_by = _fused_certainty(members)
    return {
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
