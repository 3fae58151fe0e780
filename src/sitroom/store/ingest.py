"""Ingesting documents into the store: analyse (in worker processes when asked), write from one writer in
input order, one transaction per document, then re-fuse the blocks the new documents touched.

The picture does not depend on the number of workers: documents are written in the order they were read,
whatever order the workers finish them in, so a parallel run stores what a serial run stores.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sitroom.errors import SitroomError
from sitroom.ingest.model import RawDocument
from sitroom.store.database import Store
from sitroom.text.document import Document


@dataclass
class IngestReport:
    """What an ingest run did."""

    new: int = 0
    unchanged: int = 0
    events: int = 0
    fused: int = 0
    failures: list[str] = field(default_factory=list)


def default_jobs() -> int:
    """Worker processes used when none are asked for: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ingest_documents(store: Store, items: list, progress: bool = False, jobs: int = 1,
                     dask: str | None = None) -> IngestReport:
    """Store every RawDocument of ``items`` (errors in ``items`` are reported, the rest still stored).

    ``jobs`` > 1 analyses documents, and clusters the blocks they touch, in that many worker processes;
    ``dask`` (a scheduler address, or ``local`` for a local cluster of ``jobs`` workers) does it on a Dask
    cluster instead. The store is written by this process only.
    """
    report = IngestReport()
    pending: list[RawDocument] = []
    queued: set[str] = set()
    for item in items:
        if isinstance(item, SitroomError):
            report.failures.append(str(item))
            continue
        assert isinstance(item, RawDocument)
        if item.doc_id in queued or store.has_document(item.doc_id):
            report.unchanged += 1  # stored before, or the same text twice in this batch
            continue
        queued.add(item.doc_id)
        pending.append(item)
    jobs = min(jobs, len(pending))
    with _workers(jobs, dask if pending else None, store) as pool:
        _store_analysed(store, pending, pool, jobs, report, progress)
        # the blocks of the documents just stored, and those an earlier ingest stored but did not fuse (it was
        # killed before it could): every block holding an event that belongs to no fused event
        touched = store.unfused_blocks()
        if touched:
            from sitroom.store.fusion import refuse_blocks

            fusers = pool if pool is not None and getattr(pool, "reaches_database", True) else None
            try:
                report.fused = refuse_blocks(store, touched, fusers)
            except BrokenExecutor:  # a worker died while clustering: the same blocks, here
                report.fused = refuse_blocks(store, touched)
    return report


def _store_analysed(store: Store, pending: list[RawDocument], pool: Executor | None, jobs: int,
                    report: IngestReport, progress: bool) -> None:
    """Write each analysed document in input order, counting what was stored and what failed in ``report``."""
    results = _analysed(pending, pool, jobs)
    if progress and pending:
        from tqdm import tqdm

        results = tqdm(results, total=len(pending), desc="ingest", unit="doc")
    for item, result in results:
        if isinstance(result, str):
            report.failures.append(result)
            continue
        try:
            if store.add_document(result, item.fmt, item.encoding):
                report.new += 1
                report.events += len(result.events)
            else:
                report.unchanged += 1
        except SitroomError as exc:
            report.failures.append(f"{item.origin}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - a failed write is rolled back and reported, never a traceback
            report.failures.append(f"{item.origin}: could not be stored ({type(exc).__name__}: {exc}); "
                                   "nothing of it was stored")


class AnalysisTooLong(Exception):
    """Raised inside an analysis that ran past ``Settings.document_seconds``."""


def analyse_for_store(item: RawDocument) -> Document | str:
    """The analysed document as the store needs it (events and metadata, without the per-sentence
    analysis), or a one-line message naming the file when analysis failed or ran past the time limit."""
    from sitroom.pipeline import analyse
    from sitroom.settings import DEFAULTS

    try:
        doc = within_time_limit(lambda: analyse(item), DEFAULTS.document_seconds)
    except AnalysisTooLong:
        return (f"{item.origin}: took longer than {DEFAULTS.document_seconds:g} s to analyse and was stopped; "
                "nothing of it was stored")
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run or show a traceback
        return f"{item.origin}: could not be analysed ({type(exc).__name__}: {exc}); nothing of it was stored"
    return replace(doc, sentences=[], view="")


def within_time_limit(work, seconds: float):
    """``work()``, interrupted with AnalysisTooLong after ``seconds`` (a timer signal: POSIX, main thread;
    elsewhere, as in Dask's worker threads, it runs without a limit)."""
    import signal
    import threading

    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return work()

    def stop(signum, frame):
        raise AnalysisTooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _workers(jobs: int, dask: str | None, store: Store) -> Iterator[Executor | None]:
    """A pool of ``jobs`` worker processes (None for one job), or a Dask client; on leaving it, queued work
    is dropped."""
    if dask:
        from sitroom.store.backends import is_postgres
        from sitroom.store.dask_workers import DaskWorkers

        client = DaskWorkers(dask, max(1, jobs), shared_database=is_postgres(store.target))
        try:
            yield client
        finally:
            client.shutdown()
        return
    if jobs <= 1:
        yield None
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start)
    try:
        yield pool
    finally:
        # on Ctrl-C or an error of the writer, queued documents are dropped, not analysed for nothing
        pool.shutdown(wait=True, cancel_futures=True)


def _analysed(pending: list[RawDocument], pool: Executor | None,
              jobs: int) -> Iterator[tuple[RawDocument, Document | str]]:
    """``(item, analysed document or failure)`` for each pending item, in input order."""
    if pool is None:
        for item in pending:
            yield item, analyse_for_store(item)
        return
    chunksize = max(1, min(16, len(pending) // (jobs * 8)))
    done = 0
    try:
        for result in pool.map(analyse_for_store, pending, chunksize=chunksize):
            yield pending[done], result
            done += 1
    except BrokenExecutor:
        for item in pending[done:]:
            yield item, (f"{item.origin}: a worker process stopped (killed or out of memory) before it was "
                         "analysed; nothing of it was stored; run the same ingest again")


def _worker_start() -> None:
    """Each worker loads the gazetteer and lexicons at once (in parallel with the others) and leaves
    Ctrl-C to the writer, which stops cleanly with every finished document stored."""
    import signal

    from sitroom.pipeline import warm

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm()
