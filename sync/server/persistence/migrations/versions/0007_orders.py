"""Orders and outcomes: the follow-up state of each order item, the files of organisations'
execution reports, and the outcome of each measure (a protocol's decision, answers to
referrals, recommendations accepted or not).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "order_items",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=100), nullable=False),
        sa.Column("finding_id", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("assignment_id", sa.String(length=36), nullable=True),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("updated_at", _MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", "measure_id", "finding_id"),
    )
    op.create_index("ix_order_items_region", "order_items", ["region"])
    op.create_table(
        "order_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=100), nullable=False),
        sa.Column("finding_id", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=50), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("uploaded_at", _MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_order_reports_inspection_id", "order_reports", ["inspection_id"])
    op.create_table(
        "measure_outcomes",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("data", _JSON, nullable=False),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("updated_at", _MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", "measure_id"),
    )
    op.create_index("ix_measure_outcomes_region", "measure_outcomes", ["region"])


def downgrade() -> None:
    op.drop_index("ix_measure_outcomes_region", "measure_outcomes")
    op.drop_table("measure_outcomes")
    op.drop_index("ix_order_reports_inspection_id", "order_reports")
    op.drop_table("order_reports")
    op.drop_index("ix_order_items_region", "order_items")
    op.drop_table("order_items")
