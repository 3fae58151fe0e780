"""Scale: documents/s of `sitroom ingest` at 1,000 and 10,000 documents with 1, 2 and all cores, growth per
x10, peak RSS, API latency on the largest database, and cold start.

Documents are synthesised from the sample corpus and the shadow set: each copy gets other towns of the same
country (from the gazetteer, in the document's script), other small numbers and days, so every copy has its
own id and its own events. Every ingest runs as its own `sitroom` process into a new SQLite file.

    .venv/bin/python bench/scale.py [--sizes 1000,10000] [--jobs 1,2,0] [--runs 1] [--api-runs 20] [--keep DIR]

``--jobs 0`` means all cores. Figures vary with the load of a shared machine: compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITROOM = Path(sys.executable).with_name("sitroom")
TEMPLATES = [ROOT / "examples" / "corpus", ROOT / "eval" / "shadow" / "corpus"]
API_PATHS = ("/api/events", "/api/events?type=territory_captured&country=AF&limit=50", "/api/control", "/api/report",
             "/api/meta")
SHORT_ARTICLE = "KABUL, Aug 8 2021 (Example Wire) - The Taliban captured the northern city of Kunduz on Sunday.\n"


def _templates() -> list[tuple[object, list[tuple[str, str]], int]]:
    """(raw document, [(place as written, its country)], number of sentences) of each template document."""
    from sitroom.ingest import Metadata, discover, read_file
    from sitroom.pipeline import analyse

    out = []
    for item in discover([str(p) for p in TEMPLATES]):
        if isinstance(item, Exception):
            continue
        for raw in read_file(item, Metadata()):
            if isinstance(raw, Exception) or raw.meta.published is None:
                continue
            doc = analyse(raw)
            places = {(doc.text[s.span(p.start, p.end)[0]:s.span(p.start, p.end)[1]], p.place.country_code)
                      for s in doc.sentences for p in s.places if p.place is not None and p.place.kind == "city"}
            out.append((raw, sorted(places, key=lambda x: -len(x[0])), len(doc.sentences)))
    return out


def _towns_by_country() -> dict[tuple[str, str], list[str]]:
    """(country, script) -> names of its towns in the gazetteer, Chinese names for 'zh', English for 'en'."""
    from sitroom.places import gazetteer

    gaz = gazetteer()
    out: dict[tuple[str, str], set[str]] = {}
    for name, places in gaz.zh.items():
        for p in places:
            if p.kind == "city" and len(name) >= 2:
                out.setdefault((p.country_code, "zh"), set()).add(name)
    for places in gaz.en.values():
        for p in places:
            if p.kind == "city":
                out.setdefault((p.country_code, "en"), set()).add(p.name)
    return {k: sorted(v) for k, v in out.items()}


_SMALL_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,])")


def _perturb(raw, places, towns, rng: random.Random) -> str:
    text = raw.text
    script = "zh" if raw.meta.language == "zh" else "en"
    for written, country in places:
        choices = towns.get((country, script)) or []
        if choices:
            text = text.replace(written, rng.choice(choices))
    return _SMALL_NUMBER.sub(lambda m: str(rng.randint(1, 28) if len(m.group(0)) <= 2 else rng.randint(100, 999)), text)


def synthesise(n: int, folder: Path, seed: int = 7) -> tuple[Path, int]:
    """Write ``n`` perturbed copies of the templates as one JSONL file; returns it and its sentence count."""
    templates = _templates()
    towns = _towns_by_country()
    rng = random.Random(seed)
    path = folder / f"synthetic-{n}.jsonl"
    sentences = 0
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as fh:
        i = 0
        while i < n:
            raw, places, n_sentences = templates[i % len(templates)]
            text = _perturb(raw, places, towns, rng)
            if text in seen:
                continue
            seen.add(text)
            meta = raw.meta
            fh.write(json.dumps({"text": text, "published": meta.published.isoformat(), "language": meta.language,
                                 "source": meta.source or "synthetic", "title": meta.title}, ensure_ascii=False) + "\n")
            sentences += n_sentences
            i += 1
    return path, sentences


def _timed(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MiB of the largest process the command ran, and its output."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode); "
               "sys.stderr.write(p.stdout[-400:] + p.stderr[-400:])")
    done = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    seconds, rss_kb, rc = done.stdout.split()
    if rc != "0":
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr}")
    return float(seconds), int(rss_kb) // 1024, done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_latency(db: Path, runs: int) -> dict[str, tuple[float, float]]:
    """(first request, median) milliseconds of the read endpoints on ``db``, served by `sitroom serve`."""
    port = _free_port()
    server = subprocess.Popen([str(SITROOM), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        out = {}
        for path in API_PATHS:
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                urllib.request.urlopen(base + path, timeout=60).read()
                times.append((time.perf_counter() - t) * 1000)
            out[path] = (times[0], statistics.median(times))
        return out
    finally:
        server.terminate()
        server.wait(timeout=10)


def cold_start(folder: Path, runs: int = 5) -> dict[str, tuple[float, int]]:
    """Median wall seconds and peak RSS (MiB) of `--version`, `extract` of one short article, and `extract`
    of the sample corpus; the compact copies of the gazetteer and lexicons are built before timing."""
    article = folder / "short.txt"
    article.write_text(SHORT_ARTICLE, "utf-8")
    cases = {"sitroom --version": [str(SITROOM), "--version"],
             "extract one short article": [str(SITROOM), "extract", str(article), "--lang", "en",
                                                   "--published", "2021-08-09"],
             "extract the sample corpus": [str(SITROOM), "extract", str(ROOT / "examples" / "corpus")]}
    _timed(cases["extract one short article"])
    out = {}
    for name, cmd in cases.items():
        results = [_timed(cmd) for _ in range(runs)]
        out[name] = (statistics.median(r[0] for r in results), max(r[1] for r in results))
    return out


def _ingests(folder: Path, sizes: list[int], jobs: list[int], backends: dict[str, str | None],
             runs: int) -> dict[tuple[str, int, int], float]:
    """Median seconds of each ingest (back end, documents, jobs), printed as they come."""
    table: dict[tuple[str, int, int], float] = {}
    for n in sizes:
        corpus, sentences = synthesise(n, folder)
        for backend, target in backends.items():
            for j in jobs:
                results = []
                for _ in range(runs):
                    db = target or str(folder / f"scale-{n}-j{j}.sqlite")
                    _empty(db)
                    results.append(_timed([str(SITROOM), "ingest", str(corpus), "--db", db, "--jobs", str(j),
                                           "--quiet"]))
                seconds, rss = statistics.median(r[0] for r in results), max(r[1] for r in results)
                table[backend, n, j] = seconds
                one = table.get((backend, n, 1))
                ratio = f"  x{one / seconds:.2f} the docs/s of --jobs 1" if one else ""
                print(f"ingest {backend:10s} {n:6d} docs  --jobs {j}:  {seconds:7.1f} s  {n / seconds:6.1f} docs/s  "
                      f"{sentences / seconds / j:6.0f} sentences/s per core  peak RSS {rss} MiB{ratio}", flush=True)
    return table


def _empty(db: str) -> None:
    """Start from an empty database: remove the SQLite file, or drop every table of the PostgreSQL one."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return
    for stale in Path(db).parent.glob(Path(db).name + "*"):
        stale.unlink()


@contextlib.contextmanager
def _postgres(choice: str):
    """The PostgreSQL URL to measure: the one given, a throwaway server (tests/postgres_server.py), or None."""
    if choice == "none":
        yield None
    elif choice != "auto":
        yield choice
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        import postgres_server

        if not postgres_server.available():
            print("PostgreSQL is not installed: measuring SQLite only")
            yield None
        else:
            with postgres_server.postgres_server() as url:
                yield url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="numbers of documents, comma-separated")
    ap.add_argument("--jobs", default="1,2,0", help="worker counts to compare (0 = all cores)")
    ap.add_argument("--runs", type=int, default=1, help="ingests per size and job count (the median is shown)")
    ap.add_argument("--api-runs", type=int, default=20)
    ap.add_argument("--keep", help="keep the synthetic corpora and databases in this folder")
    ap.add_argument("--postgres", default="auto", help="a postgresql:// URL to measure too, 'auto' (a throwaway "
                    "server when PostgreSQL is installed, as the tests start) or 'none'")
    a = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    sizes = [int(s) for s in a.sizes.split(",")]
    jobs = sorted({int(j) or cores for j in a.jobs.split(",")})
    folder = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="sitroom-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {cores} cores; python {sys.version.split()[0]}; folder {folder}")
    try:
        for name, (seconds, rss) in cold_start(folder).items():
            print(f"cold start  {name:28s} {seconds:6.2f} s  peak RSS {rss:4d} MiB")
        with _postgres(a.postgres) as pg:
            backends = {"sqlite": None} | ({"postgresql": pg} if pg else {})
            table = _ingests(folder, sizes, jobs, backends, a.runs)
            for (backend, j) in sorted({(b, j) for b, _, j in table}):
                for small, big in zip(sizes, sizes[1:]):
                    growth = table[backend, big, j] / table[backend, small, j]
                    print(f"growth {backend} --jobs {j}: {small} -> {big} docs (x{big / small:g}) took x{growth:.2f} "
                          "the time")
            for backend, target in backends.items():
                db = target or folder / f"scale-{sizes[-1]}-j{jobs[-1]}.sqlite"
                for path, (first, median) in api_latency(db, a.api_runs).items():
                    print(f"API {backend:10s} {path:58s} median {median:7.1f} ms over {a.api_runs}, "
                          f"the first {first:7.1f} ms ({sizes[-1]} documents)")
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
