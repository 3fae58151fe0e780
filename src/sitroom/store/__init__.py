"""Store stage: SQLite (WAL) or PostgreSQL, Alembic migrations, ingest with idempotence, queries and summaries."""
from sitroom.store.database import SCHEMA_REVISION, Store
from sitroom.store.fusion import refuse_all, refuse_blocks
from sitroom.store.ingest import IngestReport, ingest_documents
from sitroom.store.output import flat_fused, summary_text, write_events, write_fused_events

__all__ = ["refuse_all", "refuse_blocks", "SCHEMA_REVISION", "IngestReport", "Store", "ingest_documents", "summary_text", "write_events",
           "write_fused_events", "flat_fused"]
