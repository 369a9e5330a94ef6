"""Locked statistics periods with the rows their figures counted, and the background
exports of the statistics with their progress.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "statistics_locks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("locked_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("locked_at", _MOMENT, nullable=False),
        sa.UniqueConstraint("period_start", "period_end"),
    )
    op.create_table(
        "statistics_lock_rows",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "lock_id", sa.Integer(), sa.ForeignKey("statistics_locks.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("basis", sa.String(12), nullable=False),
        sa.Column("figure", sa.String(40), nullable=False),
        sa.Column("inspection_id", sa.String(36), nullable=False),
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("facility_id", sa.String(64), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
    )
    op.create_index("ix_statistics_lock_rows_lookup", "statistics_lock_rows", ["lock_id", "basis", "figure"])
    op.create_table(
        "statistics_exports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("lang", sa.String(4), nullable=False),
        sa.Column("params", _JSON, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("created_at", _MOMENT, nullable=False),
        sa.Column("updated_at", _MOMENT, nullable=False),
    )
    op.create_index("ix_statistics_exports_user_id", "statistics_exports", ["user_id"])


def downgrade() -> None:
    op.drop_table("statistics_exports")
    op.drop_table("statistics_lock_rows")
    op.drop_table("statistics_locks")
