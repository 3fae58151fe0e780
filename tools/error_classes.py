#!/usr/bin/env python3
"""Count why extracted events miss their gold events, by matching criterion.

    python3 tools/error_classes.py SITROOM GOLD_DIR CORPUS_DIR [--show CLASS]

For every core gold event that no prediction matched, the prediction of the same type that fails
the fewest of the shared scorer's criteria (location, date, actor, quantity) names the failing
ones; with no prediction of that type the miss is 'no event of the type'. Prints the counts per
class (a miss can fail several criteria) and, with --show, the misses of one class with evidence.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
sys.path.insert(0, str(KIT))
from score import actor_ok, date_ok, loc_ok, qty_ok, score  # type: ignore  # noqa: E402

CHECKS = {"location": loc_ok, "date": date_ok, "actor": actor_ok, "quantity": qty_ok}


def classify(gold: dict, preds: list[dict]) -> list[tuple[str, dict, dict | None]]:
    """(class, gold event, nearest prediction) for each missed core event."""
    result = score(gold, preds)
    missed = set(result["missed"])
    out = []
    for g in gold["events"]:
        if g["id"] not in missed:
            continue
        same = [p for p in preds if p.get("event_type") == g["type"]]
        if not same:
            out.append(("no event of the type", g, None))
            continue
        best = min(same, key=lambda p: sum(not f(g, p) for f in CHECKS.values()))
        fails = [name for name, f in CHECKS.items() if not f(g, best)]
        out.append(("+".join(fails) or "taken by another gold event", g, best))
    return out


def main() -> int:
    """Run the extractor on a gold set and print the miss classes."""
    ap = argparse.ArgumentParser()
    ap.add_argument("sitroom")
    ap.add_argument("gold_dir")
    ap.add_argument("corpus_dir")
    ap.add_argument("--show", help="list the misses of one class (date, actor, ...), or all of them")
    ap.add_argument("--unread", action="store_true",
                    help="count, by language and type, the misses whose sentence gave no event of their type")
    ap.add_argument("--false-positives", action="store_true",
                    help="list the judged predictions that matched no gold event, with the nearest gold event")
    a = ap.parse_args()
    fps: list[tuple[str, dict, dict | None, list[str]]] = []
    unread: collections.Counter = collections.Counter()
    counts: collections.Counter = collections.Counter()
    shown = []
    for path in sorted(Path(a.gold_dir).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = Path(a.corpus_dir) / gold["document"]
        run = subprocess.run([a.sitroom, "extract", str(doc), "--published", gold["published"], "--lang",
                              gold["language"], "--format", "jsonl"], capture_output=True, text=True)
        preds = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
        text = doc.read_text(encoding="utf-8")
        if a.false_positives:
            for i in score(gold, preds)["false_positives"]:
                p = preds[i]
                same = [g for g in gold["events"] if g["type"] == p.get("event_type")]
                near = min(same, key=lambda g: sum(not f(g, p) for f in CHECKS.values()), default=None)
                fails = [name for name, f in CHECKS.items() if near and not f(near, p)]
                fps.append((path.name, p, near, fails))
        for cls, g, p in classify(gold, preds):
            for part in cls.split("+"):
                counts[part] += 1
            at = text.find(g["evidence"])
            if a.unread and at >= 0 and not any(
                    q.get("event_type") == g["type"] and q["evidence"]["start"] <= at + len(g["evidence"])
                    and at <= q["evidence"]["end"] for q in preds):
                unread[(gold["language"], g["type"])] += 1
                if a.show == "unread":
                    shown.append((path.name, "unread", g, None))
            if a.show and (a.show == "all" or a.show in cls):
                shown.append((path.name, cls, g, p))
    for cls, n in counts.most_common():
        print(f"{n:4d}  {cls}")
    if a.unread:
        print("misses whose sentence gave no event of their type:")
        for (lang, typ), n in unread.most_common():
            print(f"{n:4d}  {lang} {typ}")
    if a.false_positives:
        print(f"false positives: {len(fps)}")
        for name, p, g, fails in fps:
            pl = p.get("location") or {}
            print(f"\n{name} FP {p['event_type']} actor={p.get('actor1')} loc={pl.get('name')} "
                  f"date={p.get('date_start')} q={p.get('quantity')}\n   {p['evidence']['text'][:150]}")
            if g:
                print(f"   nearest gold {g['id']} fails {'+'.join(fails) or 'taken'}: "
                      f"actor={(g.get('actor1') or ['-'])[:3]} loc={(g.get('location') or {}).get('name')} "
                      f"date={g.get('date')}")
    for name, cls, g, p in shown:
        pl = (p or {}).get("location") or {}
        print(f"\n{name} {g['id']} {g['type']} [{cls}] gold: actor={(g.get('actor1') or ['-'])[:3]} "
              f"loc={(g.get('location') or {}).get('name')} date={g.get('date')} q={g.get('quantity')}\n   {g['evidence'][:150]}")
        if p:
            print(f"   pred: actor={p.get('actor1')} loc={pl.get('name')} date={p.get('date_start')} q={p.get('quantity')}"
                  f" | {p['evidence']['text'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
