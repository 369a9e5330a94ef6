"""Region names are searchable: "Қарағанды" or "Карагандинская" finds the facilities there

The folded search text of every facility now holds its region's Kazakh and Russian names
(as `storage.facilities.search_text` makes it), so it is computed again; the full-text
index follows by its update trigger.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from inspector_app.core.domain.reference import REGIONS
from inspector_app.core.domain.text import fold

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000
FIELDS = ("name_kk", "name_ru", "region", "settlement", "district", "address", "bin", "head")


def upgrade() -> None:
    regions = {r.code: f"{r.name.kk} {r.name.ru}" for r in REGIONS}
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id, {', '.join(FIELDS)} FROM facilities")).mappings().all()
    update = sa.text("UPDATE facilities SET search_text = :text WHERE id = :id")

    def text(row) -> str:
        parts = [regions.get(row[f], "") if f == "region" else (row[f] or "") for f in FIELDS]
        return fold(" ".join(parts))

    for start in range(0, len(rows), BATCH):
        connection.execute(
            update, [{"id": row["id"], "text": text(row)} for row in rows[start : start + BATCH]]
        )


def downgrade() -> None:
    pass  # a search text that holds the region names does no harm to the older schema
