"""The review queue's order and filters by index: each record keeps when its current
revision was stored (`waiting_since`, back-filled from the revisions), indexed alone and
after the review state and the region, so a page of the oldest waiting records of 100,000
is read from an index instead of sorting them all.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_inspections_waiting_since": ["waiting_since", "id"],
    "ix_inspections_state_waiting_since": ["review_state", "waiting_since", "id"],
    "ix_inspections_region_state_waiting_since": ["region", "review_state", "waiting_since"],
    # the queue filtered by inspection type or facility kind: counted from the index alone
    "ix_inspections_type_state_waiting_since": ["inspection_type", "review_state", "waiting_since"],
    "ix_inspections_kind_state_waiting_since": ["facility_kind", "review_state", "waiting_since"],
    # a region's records of a period, for statistics broken down by region
    "ix_inspections_region_status_placed_on": ["region", "status", "placed_on"],
}


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE inspections SET waiting_since = (SELECT r.created_at FROM inspection_revisions r"
        " WHERE r.inspection_id = inspections.id AND r.revision = inspections.revision)"
    )
    for name, columns in INDEXES.items():
        op.create_index(name, "inspections", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="inspections")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("waiting_since")
