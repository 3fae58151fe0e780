"""Members found by their fused event: re-fusing a block deletes its members without a scan.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_index("fused_members_fused", "fused_members", ["fused_id"], if_not_exists=True)
