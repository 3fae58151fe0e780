"""Ingesting documents into the store: analyse, write in one transaction, report new/unchanged/failed."""
from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.errors import SitroomError
from sitroom.ingest.model import RawDocument
from sitroom.store.database import Store


@dataclass
class IngestReport:
    """What an ingest run did."""

    new: int = 0
    unchanged: int = 0
    events: int = 0
    fused: int = 0
    failures: list[str] = field(default_factory=list)


def ingest_documents(store: Store, items: list, progress: bool = False) -> IngestReport:
    """Store every RawDocument of ``items`` (errors in ``items`` are reported, the rest still stored)."""
    from sitroom.pipeline import analyse

    report = IngestReport()
    touched: set[tuple[str, str]] = set()
    iterator = items
    if progress:
        from tqdm import tqdm

        iterator = tqdm(items, desc="ingest", unit="doc")
    for item in iterator:
        if isinstance(item, SitroomError):
            report.failures.append(str(item))
            continue
        assert isinstance(item, RawDocument)
        if store.has_document(item.doc_id):
            report.unchanged += 1
            continue
        try:
            doc = analyse(item)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run or show a traceback
            report.failures.append(f"{item.origin}: could not be analysed ({type(exc).__name__}: {exc}); "
                                   "nothing of it was stored")
            continue
        try:
            if store.add_document(doc, item.fmt, item.encoding):
                report.new += 1
                report.events += len(doc.events)
                touched |= store.blocks_of(doc.doc_id)
            else:
                report.unchanged += 1
        except SitroomError as exc:
            report.failures.append(f"{item.origin}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - a failed write is rolled back and reported, never a traceback
            report.failures.append(f"{item.origin}: could not be stored ({type(exc).__name__}: {exc}); "
                                   "nothing of it was stored")
    if touched:
        from sitroom.store.fusion import refuse_blocks

        report.fused = refuse_blocks(store, touched)
    return report
