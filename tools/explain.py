"""Print what each stage found in each sentence of a document (for debugging extraction).

Usage: python tools/explain.py DOC --published YYYY-MM-DD [--lang zh|en] [--grep TEXT]
"""
import argparse
import re
from pathlib import Path

from sitroom.ingest import Metadata, read_file
from sitroom.ingest.metadata import parse_date
from sitroom.pipeline import analyse

ap = argparse.ArgumentParser()
ap.add_argument("doc")
ap.add_argument("--published")
ap.add_argument("--lang")
ap.add_argument("--grep", default="")
a = ap.parse_args()
raw = next(read_file(Path(a.doc), Metadata(published=parse_date(a.published), language=a.lang)))
doc = analyse(raw)
print("dateline:", doc.dateline, "context:", sorted(doc.context_countries.items(), key=lambda kv: -kv[1])[:5],
      "main armed:", doc.main_armed_group)
for s in doc.sentences:
    if a.grep and not re.search(a.grep, s.text):
        continue
    print(f"[{s.index} p{s.paragraph} {s.kind}] {s.text}")
    print("   places:", [(p.text, p.place.key if p.place else None, p.role) for p in s.places])
    print("   actors:", [(m.text, m.actor.name if m.actor else None) for m in s.actors])
    print("   times:", [(t.text, str(t.date_start), t.kind) for t in s.times])
    print("   qty:", [(q.text, q.value, q.unit) for q in s.quantities])
for e in doc.events:
    if a.grep and not re.search(a.grep, e.evidence.text):
        continue
    print(e.event_type, e.actor1, e.place.name if e.place else None, e.date_start, e.quantity, e.certainty, e.reasons)
