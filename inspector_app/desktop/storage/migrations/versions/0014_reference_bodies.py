"""Competent bodies and districts as reference data the server sends

A store made before gets the bodies and districts the application ships with, and its sync
cursor starts again from 0: it pulled before it asked for these kinds, so the server left
out the changes an administrator had made to them (a pull from 0 only re-applies the current
state of what the laptop already holds). A new store is seeded after its migrations.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

NAMES = ("name_kk", "name_ru", "name_en")


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("code", sa.Text(), primary_key=True),
        *(sa.Column(name, sa.Text(), nullable=False) for name in NAMES),
        sa.Column("active", sa.Boolean(), nullable=False, server_default="1"),
    )
    op.create_table(
        "districts",
        sa.Column("code", sa.Text(), primary_key=True),
        sa.Column("region", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in NAMES),
        sa.Column("active", sa.Boolean(), nullable=False, server_default="1"),
    )
    op.create_index("ix_districts_region", "districts", ["region"])
    connection = op.get_bind()
    if connection.execute(sa.text("SELECT count(*) FROM regions")).scalar():
        _seed_existing(connection)


def _seed_existing(connection: sa.Connection) -> None:
    from inspector_app.desktop.storage.reference import seed_bodies_and_districts

    seed_bodies_and_districts(connection)
    connection.execute(sa.text("UPDATE settings SET value = '0' WHERE key = 'sync.cursor'"))


def downgrade() -> None:
    op.drop_index("ix_districts_region", table_name="districts")
    op.drop_table("districts")
    op.drop_table("bodies")
