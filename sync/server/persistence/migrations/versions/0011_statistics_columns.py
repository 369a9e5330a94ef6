"""The header fields statistics select records by, as indexed columns of `inspections`: the
date that places a record in a period (appointment date, else the start of the inspection
period), the type and mode of the inspection and the kind of the facility inspected. A
year's statistics then read the JSON of that year's records only. Back-filled from the
stored records.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_KIND = "(SELECT facilities.kind FROM facilities WHERE facilities.id = inspections.facility_id)"
_FILL = {
    "postgresql": (
        "UPDATE inspections SET"
        " placed_on = CAST(COALESCE(payload #>> '{header,appointment_date}',"
        " payload #>> '{header,period_start}') AS date),"
        " inspection_type = payload #>> '{header,type}',"
        " inspection_mode = payload #>> '{header,mode}',"
        f" facility_kind = {_KIND}"
    ),
    "sqlite": (
        "UPDATE inspections SET"
        " placed_on = COALESCE(json_extract(payload, '$.header.appointment_date'),"
        " json_extract(payload, '$.header.period_start')),"
        " inspection_type = json_extract(payload, '$.header.type'),"
        " inspection_mode = json_extract(payload, '$.header.mode'),"
        f" facility_kind = {_KIND}"
    ),
}


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("placed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("inspection_type", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("inspection_mode", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("facility_kind", sa.String(length=20), nullable=True))
    op.execute(_FILL[op.get_bind().dialect.name])
    op.create_index("ix_inspections_status_placed_on", "inspections", ["status", "placed_on"])


def downgrade() -> None:
    op.drop_index("ix_inspections_status_placed_on", table_name="inspections")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        for name in ("facility_kind", "inspection_mode", "inspection_type", "placed_on"):
            batch_op.drop_column(name)
