"""What statistics count of each record's measures and restored children (ids, kinds,
findings, deadlines, categories), stored beside the record in `inspections.counted`: a
year's statistics read these few hundred bytes instead of the whole record (about 16 KB).
Back-filled from the stored records like `statistics.counted_facts` makes them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _pg_slim(path: str, keys: tuple[str, ...]) -> str:
    fields = ", ".join(f"'{k}', e->'{k}'" for k in keys)
    return (
        f"COALESCE((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object({fields})))"
        f" FROM jsonb_array_elements(CASE WHEN jsonb_typeof(payload->'{path}') = 'array'"
        f" THEN payload->'{path}' ELSE '[]'::jsonb END) AS e"
        " WHERE jsonb_typeof(e) = 'object'), '[]'::jsonb)"
    )


def _sqlite_slim(path: str, keys: tuple[str, ...]) -> str:
    """json_patch onto {} drops the null members, as jsonb_strip_nulls does."""
    fields = ", ".join(  # text as text, arrays and objects as JSON
        f"'{k}', json_extract(e.value, '$.{k}')"
        if k in ("id", "kind")
        else f"'{k}', json(json_extract(e.value, '$.{k}'))"
        for k in keys
    )
    return (
        f"(SELECT json_group_array(json_patch('{{}}', json_object({fields})))"
        f" FROM json_each(payload, '$.{path}') AS e WHERE e.type = 'object')"
    )


MEASURES, CHILDREN = ("id", "kind", "finding_ids", "deadlines"), ("id", "categories")


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counted", _JSON, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        built = (
            f"jsonb_build_object('measures', {_pg_slim('measures', MEASURES)},"
            f" 'restored_children', {_pg_slim('restored_children', CHILDREN)})"
        )
    else:
        built = (
            f"json_object('measures', {_sqlite_slim('measures', MEASURES)},"
            f" 'restored_children', {_sqlite_slim('restored_children', CHILDREN)})"
        )
    op.execute(f"UPDATE inspections SET counted = {built}")


def downgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("counted")
