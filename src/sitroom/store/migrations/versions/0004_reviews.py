"""Reviews: an analyst's verification, rejection or correction of an extracted event, kept apart from what was
extracted (events.record is never changed) and keyed by the event's id, which re-extracting the same text gives
again, so a review outlives re-ingest and re-fusion.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("review_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.Text, nullable=False),  # no foreign key: a review waits for its event's return
        sa.Column("action", sa.Text, nullable=False),  # verify, reject, correct
        sa.Column("changes", sa.Text),  # correct: a JSON object of field -> value
        sa.Column("note", sa.Text), sa.Column("reviewer", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False))
    op.create_index("reviews_event", "reviews", ["event_id"])
