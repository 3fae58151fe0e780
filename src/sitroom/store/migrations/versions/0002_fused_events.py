"""Fused events (one real event, many reports) and their members (schema version 2 of sitroom 0.1).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "fused_events",
        sa.Column("fused_id", sa.Text, primary_key=True),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("block", sa.Text, nullable=False),  # country code of the block ('' when unlocated)
        sa.Column("date_start", sa.Text), sa.Column("date_end", sa.Text), sa.Column("best_date", sa.Text),
        sa.Column("actor1", sa.Text), sa.Column("country_code", sa.Text),
        sa.Column("certainty", sa.Text, nullable=False), sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False))  # the fused event as JSON (mentions, sources, ranges)
    op.create_table(
        "fused_members",
        sa.Column("event_id", sa.Text, sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("fused_id", sa.Text, nullable=False))
    op.create_index("fused_block", "fused_events", ["event_type", "block"])
    op.create_index("fused_type_date", "fused_events", ["event_type", "best_date"])
    op.create_index("events_block", "events", ["event_type", "country_code"])
