"""Records by USB stick: the server's transfer keys (made once, kept here so every process
of the server signs and decrypts alike), each device's public transfer keys from its
enrolment, and the bundles imported (a bundle imported twice is refused by its id).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "server_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_id", sa.String(length=36), nullable=False),
        sa.Column("x25519_private", sa.Text(), nullable=False),
        sa.Column("ed25519_private", sa.Text(), nullable=False),
        sa.Column("created_at", _MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "transfer_bundles",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("ack_id", sa.String(length=36), nullable=False),
        sa.Column("imported_at", _MOMENT, nullable=False),
        sa.Column("summary", _JSON, nullable=False),
        sa.PrimaryKeyConstraint("bundle_id"),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transfer_x25519", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("transfer_ed25519", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("transfer_ed25519")
        batch_op.drop_column("transfer_x25519")
    op.drop_table("transfer_bundles")
    op.drop_table("server_identity")
