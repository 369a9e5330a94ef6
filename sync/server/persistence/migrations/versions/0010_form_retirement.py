"""A checklist version can be retired: no longer offered for new inspections, kept for the
inspections already made with it (`retired_at` set; NULL while in use).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("forms", schema=None) as batch_op:
        batch_op.drop_column("retired_at")
