#!/usr/bin/env python3
"""Check hand-written gold files before they join an evaluation set.

    python3 tools/check_gold.py GOLD_DIR CORPUS_DIR

For every `*.gold.json` in GOLD_DIR: the document and its `.meta.json` exist in
CORPUS_DIR and agree on language and publication date; every event has the
fields of the shared gold format (`id`, `core`, `type`, `actor1`, `location`,
`date`, `evidence`), a type of the ontology, an ordered date range, a location
with a country code (and lat/lon together or not at all), and an evidence
string found verbatim in the document. Finally a "perfect" prediction made
from the gold file must score precision = recall = 1 with the shared scorer
(`../shared/eval/score.py`), which proves the gold file is self-consistent.
Prints one line per problem and exits 1 if there is any. Never runs sitroom.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TYPES = {
    "territory_captured", "territory_surrendered", "withdrawal", "armed_clash", "attack",
    "air_strike", "troop_deployment", "evacuation", "appeal", "threat", "rejection", "meeting",
    "agreement", "displacement", "casualties", "protest", "arrest",
}
EXHAUSTIVE = ["territory_captured", "troop_deployment", "air_strike", "displacement"]


def _shared_scorer():
    """Import score() from the shared evaluation kit (../shared/eval/score.py)."""
    here = Path(__file__).resolve().parents[1]
    kit = here.parent / "shared" / "eval"
    sys.path.insert(0, str(kit))
    from score import score  # type: ignore

    return score


def perfect_prediction(event: dict, text: str) -> dict:
    """The prediction a flawless extractor would make for one gold event."""
    loc = event.get("location")
    location = None
    if loc:
        location = {"name": loc["name"], "country_code": loc.get("country")}
        if "lat" in loc:
            location.update(latitude=loc["lat"], longitude=loc["lon"])
    date = event.get("date")
    start = text.find(event["evidence"])
    return {
        "event_type": event["type"],
        "actor1": (event.get("actor1") or [None])[0],
        "location": location,
        "date_start": date[0] if date else None,
        "quantity": event.get("quantity"),
        "evidence": {"text": event["evidence"], "start": start, "end": start + len(event["evidence"])},
    }


def check_file(gold_path: Path, corpus: Path, score) -> list[str]:
    """Return the problems of one gold file (empty when it is sound)."""
    problems: list[str] = []
    say = lambda msg: problems.append(f"{gold_path.name}: {msg}")  # noqa: E731
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{gold_path.name}: not readable JSON ({exc})"]
    doc = corpus / gold.get("document", "")
    meta_path = doc.with_suffix(".meta.json")
    if not doc.is_file():
        return [f"{gold_path.name}: document {doc} missing"]
    text = doc.read_text(encoding="utf-8")
    if not meta_path.is_file():
        say(f"sidecar {meta_path.name} missing")
    else:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for key in ("published", "language"):
            if meta.get(key) != gold.get(key):
                say(f"{key} differs between gold ({gold.get(key)}) and sidecar ({meta.get(key)})")
    if gold.get("exhaustive_types") != EXHAUSTIVE:
        say(f"exhaustive_types must be {EXHAUSTIVE}")
    ids = set()
    for ev in gold.get("events", []):
        eid = ev.get("id", "?")
        if eid in ids:
            say(f"{eid}: duplicate id")
        ids.add(eid)
        for key in ("id", "core", "type", "actor1", "location", "date", "evidence"):
            if key not in ev:
                say(f"{eid}: field {key} missing")
        if ev.get("type") not in TYPES:
            say(f"{eid}: unknown type {ev.get('type')}")
        if ev.get("evidence", "") not in text or not ev.get("evidence"):
            say(f"{eid}: evidence not found verbatim in the document")
        date = ev.get("date")
        if date is not None and (len(date) != 2 or date[0] > date[1]):
            say(f"{eid}: date must be [start, end] with start <= end")
        loc = ev.get("location")
        if loc is not None:
            if not loc.get("country") or len(loc["country"]) != 2:
                say(f"{eid}: location needs a two-letter country code")
            if ("lat" in loc) != ("lon" in loc):
                say(f"{eid}: lat and lon go together")
            if "name" not in loc:
                say(f"{eid}: location needs a name")
        actors = ev.get("actor1")
        if actors is not None and not (isinstance(actors, list) and actors):
            say(f"{eid}: actor1 is a non-empty list of names or null")
    if problems:
        return problems
    preds = [perfect_prediction(ev, text) for ev in gold["events"]]
    result = score(gold, preds, text)
    if result["precision"] < 1 or result["recall_core"] < 1 or result["evidence_spans_valid"] < 1:
        say(f"a perfect prediction does not score 1.0: {result}")
    return problems


def main(argv: list[str]) -> int:
    """Check every gold file of a folder; print problems; return the exit status."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    gold_dir, corpus = Path(argv[0]), Path(argv[1])
    score = _shared_scorer()
    problems: list[str] = []
    files = sorted(gold_dir.glob("*.gold.json"))
    for path in files:
        problems += check_file(path, corpus, score)
    for line in problems:
        print(line)
    print(f"{len(files)} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
