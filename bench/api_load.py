"""Load on the API: `sitroom serve` on 127.0.0.1 over the demo database, hit by N clients at once for a fixed
time with a mix of the page's requests; prints requests/s, p50/p99 latency and the errors (5xx, refused,
timed out) per concurrency.

    .venv/bin/python bench/api_load.py [--concurrency 10,50] [--seconds 30] [--db FILE]

Each client is a thread with its own keep-alive connection; the server is one uvicorn process, as
`sitroom serve` runs it. Figures vary with the load of a shared machine: compare runs, not seconds.
"""
from __future__ import annotations

import argparse
import http.client
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITROOM = Path(sys.executable).with_name("sitroom")
REQUESTS = ["/api/events", "/api/events?type=territory_captured&limit=50", "/api/events?sort=-sources&q=Taliban",
            "/api/control", "/api/control?at=2021-08-13", "/api/report", "/api/meta", "/api/health",
            "/api/documents", "/", "/static/app.js", "/api/events?since=2021-08-01&until=2021-08-20&country=AF"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(port: int, stop: float, seed: int, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.perf_counter() < stop:
        path = rng.choice(REQUESTS)
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status >= 500:
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
    conn.close()


def run(port: int, concurrency: int, seconds: float) -> dict:
    """Requests/s, p50 and p99 in ms, and the errors of ``concurrency`` clients for ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.perf_counter() + seconds
    threads = [threading.Thread(target=_client, args=(port, stop, i, latencies, errors)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ordered = sorted(latencies)
    return {"requests": len(latencies), "rps": len(latencies) / seconds,
            "p50": statistics.median(ordered) * 1000 if ordered else None,
            "p99": ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else None, "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concurrency", default="10,50")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--db", help="database to serve (default: the demo corpus, ingested into a temporary file)")
    a = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sitroom-load-"))
    db = a.db or str(folder / "demo.sqlite")
    if not a.db:
        subprocess.run([str(SITROOM), "ingest", str(ROOT / "examples" / "corpus"), "--db", db, "--quiet"],
                       check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([str(SITROOM), "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/api/health")
                break
            except OSError:
                time.sleep(0.1)
        for c in [int(x) for x in a.concurrency.split(",")]:
            r = run(port, c, a.seconds)
            print(f"concurrency {c:3d}: {r['requests']:6d} requests in {a.seconds:g} s, {r['rps']:7.1f} requests/s, "
                  f"p50 {r['p50']:7.1f} ms, p99 {r['p99']:7.1f} ms, errors {len(r['errors'])}"
                  + (f" (first: {r['errors'][0]})" if r["errors"] else ""), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
