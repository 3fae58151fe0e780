"""Documents, places, actors and events (schema version 1 of sitroom 0.1).

Offsets are character offsets into documents.text; events.record holds the full JSON object of the
event contract.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text, primary_key=True),  # derived from the normalised text
        sa.Column("path", sa.Text), sa.Column("title", sa.Text), sa.Column("source", sa.Text), sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),  # YYYY-MM-DD
        sa.Column("language", sa.Text, nullable=False), sa.Column("fmt", sa.Text), sa.Column("encoding", sa.Text),
        sa.Column("dateline_date", sa.Text),
        sa.Column("text", sa.Text, nullable=False),  # exactly as decoded
        sa.Column("ingested_at", sa.Text, nullable=False))
    op.create_table(
        "places",
        sa.Column("place_key", sa.Text, primary_key=True),  # CC/kind/name
        sa.Column("name", sa.Text, nullable=False), sa.Column("kind", sa.Text, nullable=False),
        sa.Column("admin1", sa.Text), sa.Column("country_code", sa.Text, nullable=False),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("source", sa.Text))
    op.create_table("actors", sa.Column("name", sa.Text, primary_key=True))
    op.create_table(
        "events",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("date_start", sa.Text), sa.Column("date_end", sa.Text), sa.Column("date_precision", sa.Text),
        sa.Column("actor1", sa.Text), sa.Column("actor2", sa.Text),
        sa.Column("place_key", sa.Text, sa.ForeignKey("places.place_key")),
        sa.Column("country_code", sa.Text), sa.Column("quantity", sa.Float), sa.Column("quantity_unit", sa.Text),
        sa.Column("certainty", sa.Text, nullable=False), sa.Column("attribution", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False), sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False))
    op.create_index("events_type_date", "events", ["event_type", "date_start"])
    op.create_index("events_country", "events", ["country_code"])
    op.create_index("events_doc", "events", ["doc_id"])
