"""Fusion time for 1x, 10x and 100x a synthetic corpus of events, and the growth factor.

The synthetic corpus is built from the events sitroom extracts from the sample corpus: each copy
shifts every event by a number of days and moves it to another of a set of towns, so that copies
form new real-looking events rather than exact duplicates. Fusion of each size is timed (median of
several runs) in-process on the clustering code the store uses.

    .venv/bin/python bench/fuse_speed.py [--runs 3]
"""
from __future__ import annotations

import argparse
import copy
import statistics
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _base_members():
    from sitroom.fuse.model import Member
    from sitroom.ingest import Metadata, discover, read_file
    from sitroom.pipeline import analyse

    members = []
    for path in discover([str(ROOT / "examples" / "corpus")]):
        for raw in read_file(path, Metadata()):
            if isinstance(raw, Exception):
                continue
            for ev in analyse(raw).events:
                members.append(Member(ev.to_contract(), raw.meta.source or "unknown",
                                      raw.meta.published.isoformat() if raw.meta.published else None))
    return members


def _scaled(base, factor: int):
    from sitroom.fuse.model import Member

    out = []
    for k in range(factor):
        for m in base:
            rec = copy.deepcopy(m.record)
            rec["event_id"] = f"{rec['event_id']}-{k}"
            rec["doc_id"] = f"{rec['doc_id']}-{k % 7}"
            for key in ("date_start", "date_end"):
                if rec.get(key):
                    rec[key] = (date.fromisoformat(rec[key]) + timedelta(days=9 * k)).isoformat()
            if rec.get("location") and k:
                rec["location"] = dict(rec["location"], name=f"{rec['location']['name']}-{k % 5}")
            out.append(Member(rec, f"{m.source}-{k % 11}", m.published))
    return out


def fuse_all(members) -> int:
    """Cluster every (type, country) block, as the store does."""
    from sitroom.fuse.cluster import cluster_block, summarise

    blocks = defaultdict(list)
    for m in members:
        loc = m.record.get("location") or {}
        blocks[(m.record["event_type"], loc.get("country_code") or "")].append(m)
    return sum(len([summarise(c) for c in cluster_block(b)]) for b in blocks.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    base = _base_members()
    print(f"base corpus: {len(base)} events from the sample corpus")
    print(f"{'size':>6} {'events':>8} {'fused':>7} {'median s':>9} {'events/s':>9}")
    previous = None
    for factor in (1, 10, 100):
        members = _scaled(base, factor)
        times, fused = [], 0
        for _ in range(a.runs):
            start = time.perf_counter()
            fused = fuse_all(members)
            times.append(time.perf_counter() - start)
        med = statistics.median(times)
        growth = f"  x{med / previous:.1f} time for x10 events" if previous else ""
        print(f"{factor:>5}x {len(members):8d} {fused:7d} {med:9.3f} {len(members) / med:9.0f}{growth}")
        previous = med


if __name__ == "__main__":
    main()
