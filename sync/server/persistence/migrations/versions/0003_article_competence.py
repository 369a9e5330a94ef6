"""Articles say who draws up protocols and who decides, their sub-item, repetition and
fine ranges per business size.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("protocol_by", sa.String(length=40), nullable=False, server_default="committee")
        )
        batch_op.add_column(
            sa.Column("decided_by", sa.String(length=40), nullable=False, server_default="court")
        )
        batch_op.add_column(sa.Column("repeat", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("org_mrp", _JSON, nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        for name in ("org_mrp", "repeat", "decided_by", "protocol_by", "item"):
            batch_op.drop_column(name)
