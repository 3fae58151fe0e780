"""Extraction speed: sentences per second, documents per second and peak RSS.

Runs the whole pipeline (text, places, time, quantities, actors, events) in-process
on (a) the sample corpus in examples/corpus and (b) the reference document
repeated, several times each, and prints medians. Start-up (loading the
gazetteer and lexicons) is timed separately, once.

    .venv/bin/python bench/extract_speed.py [--runs 5] [--repeat 20]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "corpus" / "xinhua-2021-08-14-afghanistan.zh.txt"


def _load(paths: list[Path]):
    from sitroom.ingest import Metadata, discover, read_file

    docs = []
    for item in discover([str(p) for p in paths]):
        if isinstance(item, Exception):
            continue
        for raw in read_file(item, Metadata()):
            if not isinstance(raw, Exception):
                docs.append(raw)
    return docs


def _run(docs) -> tuple[float, int]:
    from sitroom.pipeline import analyse

    start = time.perf_counter()
    sentences = 0
    for raw in docs:
        sentences += len(analyse(raw).sentences)
    return time.perf_counter() - start, sentences


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=20, help="copies of the reference document per run")
    a = ap.parse_args()

    t0 = time.perf_counter()
    from sitroom.actors import actor_lexicon
    from sitroom.places import gazetteer

    gazetteer()
    actor_lexicon()
    startup = time.perf_counter() - t0

    sets = {"sample corpus": _load([ROOT / "examples" / "corpus"])}
    if REFERENCE.is_file():
        from sitroom.ingest import Metadata, read_file
        from sitroom.ingest.metadata import parse_date

        ref = next(read_file(REFERENCE, Metadata(published=parse_date("2021-08-14"), language="zh")))
        sets[f"reference document x{a.repeat}"] = [ref] * a.repeat
    else:
        print(f"(reference document not found at {REFERENCE}; skipped)", file=sys.stderr)
    _run(sets["sample corpus"][:1])  # warm caches that load lazily

    print(f"start-up (gazetteer + lexicons): {startup:.2f} s")
    print(f"{'set':32} {'docs':>5} {'sentences':>9} {'median s':>9} {'sent/s':>9} {'docs/s':>8}")
    for name, docs in sets.items():
        times, sentences = [], 0
        for _ in range(a.runs):
            elapsed, sentences = _run(docs)
            times.append(elapsed)
        med = statistics.median(times)
        print(f"{name:32} {len(docs):5d} {sentences:9d} {med:9.3f} {sentences / med:9.0f} {len(docs) / med:8.1f}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss_mb:.0f} MiB  (median of {a.runs} runs each)")


if __name__ == "__main__":
    main()
