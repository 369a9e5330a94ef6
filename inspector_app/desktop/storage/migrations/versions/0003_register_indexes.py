"""Register indexes: list by name, districts of a region, without scanning the register

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_facilities_name_ru", "facilities", ["name_ru"])
    op.create_index("ix_facilities_region_district", "facilities", ["region", "district"])


def downgrade() -> None:
    op.drop_index("ix_facilities_region_district", "facilities")
    op.drop_index("ix_facilities_name_ru", "facilities")
