"""A long fuzzing run: random files through every reader and the whole pipeline, counting crashes (an
exception escaping instead of a one-line error), hangs (an input slower than --limit seconds) and the
slowest inputs.

    .venv/bin/python bench/fuzz.py [--inputs 100000] [--seed 7] [--limit 10] [--analyse-every 10] [--memory-every 25]

Inputs: random bytes, truncated UTF-8, UTF-16 without BOM, NUL bytes, random JSON and JSON Lines (wrong
types, huge and deeply nested values), broken HTML (unclosed tags, scripts), RSS/Atom with entity
declarations, mutations of the sample corpus, with random sidecars. Every input that reads as a document
is analysed too (``--analyse-every N``: one in N; documents of more than a million characters are only read, as
ingest stops their analysis at its per-document time limit). One input in 4,000 is a one-line text of 2 to 30 MB.
Memory: the peak of Python's allocations while one input is read and analysed (tracemalloc, for one input in
``--memory-every`` and every input over 1 MB); an input over ``--memory-bound`` MiB fails the run like a crash.
The test suite runs the same families with Hypothesis (tests/test_hostile_inputs.py); this is the long run.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = [".txt", ".json", ".jsonl", ".html", ".xml", ".md", ".htm", ".rss"]


def _samples() -> list[str]:
    texts = []
    for path in sorted((ROOT / "examples" / "corpus").iterdir()):
        if path.suffix in (".txt", ".html", ".xml", ".jsonl"):
            texts.append(path.read_text("utf-8"))
    return texts


def _json_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(9 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 2**63, 10**rng.randrange(1, 400), rng.random() * 1e308])
    if kind in (3, 4):
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x4e00, 0x9fff), rng.randrange(0, 0x10ffff)]))
                       for _ in range(rng.randrange(0, 60)))
    if kind in (5, 6):
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {rng.choice(["text", "published", "title", "language", "source", "url", "body", "x"]):
            _json_value(rng, depth + 1) for _ in range(rng.randrange(0, 6))}


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randrange(1, 20)):
        if not data:
            break
        op, i = rng.randrange(4), rng.randrange(len(data))
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            del data[i:i + rng.randrange(1, 50)]
        elif op == 2:
            data[i:i] = rng.choice([b"\x00", b"<script>", b"<!ENTITY a 'x'>", b"\xff\xfe", b"&a;", b"[" * 50, b"\n\n"])
        else:
            data = data[:i]
    return bytes(data)


def make_input(rng: random.Random, samples: list[str]) -> tuple[str, bytes, bytes | None]:
    """(file suffix, body, sidecar or None)."""
    family = rng.randrange(10)
    sample = rng.choice(samples)
    if rng.random() < 1 / 4000:  # a text of one line of several MB, on either side of the 20 MiB limit
        line = sample.replace("\n", " ").encode("utf-8")
        size = rng.choice([2, 8, 19, 21, 30]) * 2**20
        return ".txt", (line * (size // len(line) + 1))[:size], None
    if family == 0:
        body = rng.randbytes(rng.randrange(0, 4000))
    elif family == 1:
        body = sample.encode("utf-8")[:rng.randrange(0, 3000)]
    elif family == 2:
        body = sample.encode("utf-16-le")[:rng.randrange(0, 4000)]
    elif family == 3:
        body = sample.encode("utf-8").replace(b" ", b"\x00", rng.randrange(0, 20))
    elif family == 4:
        body = json.dumps(_json_value(rng)).encode("utf-8")
    elif family == 5:
        body = "\n".join(json.dumps({"text": rng.choice(samples)[:rng.randrange(0, 800)],
                                     "published": rng.choice(["2021-08-14", "0001-01-01", "9999-12-31", "x", 5, None])},
                                    ensure_ascii=rng.random() < 0.5) for _ in range(rng.randrange(1, 4))).encode()
    elif family == 6:
        body = ("<html><body>" + "<p>" * rng.randrange(0, 300) + "<script>" * rng.randrange(0, 300)
                + sample[:1500] + "</body>" * rng.randrange(0, 2)).encode("utf-8")
    elif family == 7:
        body = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + "x" * rng.randrange(0, 500) + '">]><rss><channel>'
                "<item><title>t</title><description>" + "&a;" * rng.randrange(0, 50) + sample[:500]
                + "</description></item></channel></rss>").encode("utf-8")
    elif family == 8:
        body = ("[" * rng.randrange(0, 200_000)).encode()
    else:
        body = _mutate(sample.encode("utf-8"), rng)
    sidecar = None
    if rng.random() < 0.3:
        sidecar = json.dumps(_json_value(rng)).encode() if rng.random() < 0.7 else _mutate(
            b'{"published": "2021-08-14", "language": "zh"}', rng)
    return rng.choice(SUFFIXES), body, sidecar


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=float, default=10.0, help="seconds after which an input counts as a hang")
    ap.add_argument("--analyse-every", type=int, default=10, help="analyse one document read in N")
    ap.add_argument("--memory-every", type=int, default=25,
                    help="trace the memory of one input in N (and of every input over 1 MB)")
    ap.add_argument("--memory-bound", type=float, default=256.0,
                    help="MiB of peak Python allocation above which an input counts as unbounded")
    a = ap.parse_args()

    from sitroom.errors import SitroomError
    from sitroom.ingest import Metadata, RawDocument, read_file
    from sitroom.pipeline import analyse, warm

    warm()
    rng = random.Random(a.seed)
    samples = _samples()
    folder = Path(tempfile.mkdtemp(prefix="sitroom-fuzz-"))
    crashes, hangs, documents, refused, analysed = [], [], 0, 0, 0
    slowest: list[tuple[float, int]] = []
    peaks: list[tuple[float, int, int]] = []  # (peak MiB allocated while reading and analysing, input, its bytes)
    start = time.perf_counter()
    for n in range(a.inputs):
        suffix, body, sidecar = make_input(rng, samples)
        path = folder / f"input{suffix}"
        for old in folder.iterdir():
            old.unlink()
        path.write_bytes(body)
        if sidecar is not None:
            (folder / "input.meta.json").write_bytes(sidecar)
        traced = n % a.memory_every == 0 or len(body) > 1_000_000
        if traced:
            tracemalloc.start()
        t = time.perf_counter()
        try:
            for item in read_file(path, Metadata()):
                if isinstance(item, SitroomError):
                    refused += 1
                    continue
                assert isinstance(item, RawDocument)
                documents += 1
                if documents % a.analyse_every == 0 and len(item.text) < 1_000_000:
                    if item.meta.published is None:
                        from datetime import date
                        from dataclasses import replace

                        item = replace(item, meta=replace(item.meta, published=date(2021, 8, 14)))
                    analyse(item)
                    analysed += 1
        except Exception:  # noqa: BLE001 - what this run counts
            crashes.append((n, traceback.format_exc(limit=3).strip().splitlines()[-1]))
        took = time.perf_counter() - t
        if traced:
            peaks.append((tracemalloc.get_traced_memory()[1] / 2**20, n, len(body) + len(sidecar or b"")))
            tracemalloc.stop()
        if took > a.limit:
            hangs.append((n, took))
        slowest = sorted(slowest + [(took, n)], reverse=True)[:3]
        if (n + 1) % 10_000 == 0:
            print(f"{n + 1} inputs, {time.perf_counter() - start:.0f} s, crashes {len(crashes)}, hangs {len(hangs)}",
                  flush=True)
    elapsed = time.perf_counter() - start
    print(f"inputs {a.inputs} (seed {a.seed}) in {elapsed:.0f} s: documents read {documents}, analysed {analysed}, "
          f"refused with a message {refused}, crashes {len(crashes)}, hangs over {a.limit:g} s {len(hangs)}; "
          f"slowest inputs {', '.join(f'#{i} {s:.2f} s' for s, i in slowest)}")
    over = [p for p in peaks if p[0] > a.memory_bound]
    values = sorted(p[0] for p in peaks)
    top = max(peaks)
    print(f"memory traced for {len(peaks)} inputs: median peak {values[len(values) // 2]:.2f} MiB, "
          f"largest {top[0]:.1f} MiB (input #{top[1]}, {top[2] / 2**20:.2f} MiB of input), "
          f"over {a.memory_bound:g} MiB: {len(over)}; process peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    big = sorted(peaks, key=lambda p: -p[2])[:3]
    print("largest inputs: " + ", ".join(f"#{n} {size / 2**20:.2f} MiB -> peak {peak:.1f} MiB" for peak, n, size in big))
    for n, line in crashes[:10]:
        print(f"  crash at input {n}: {line}")
    sys.exit(1 if crashes or hangs or over else 0)


if __name__ == "__main__":
    main()
