"""Register names in the order people read them: numbers by value, Russian names too

Names are full of numbers ("№5 мектеп", "Детский дом №1017"), and as text №137 came
between №1361 and №1517. Both sort keys now pad every number (`name_sort_key`), so the
Kazakh keys are computed again, and the Russian list gets keys of its own in place of the
bare names (whose byte order also put lower case after Я, and ё and the Kazakh letters
after я). The indexes on the bare Russian names go with them.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from inspector_app.core.domain.text import name_sort_key

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.drop_index("ix_facilities_region_name_ru", "facilities")
    op.drop_index("ix_facilities_name_ru", "facilities")
    op.add_column("facilities", sa.Column("sort_ru", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, name_kk, name_ru FROM facilities").all()
    update = sa.text("UPDATE facilities SET sort_kk = :kk, sort_ru = :ru WHERE id = :id")
    for start in range(0, len(rows), BATCH):
        connection.execute(
            update,
            [
                {"id": facility_id, "kk": name_sort_key(kk), "ru": name_sort_key(ru)}
                for facility_id, kk, ru in rows[start : start + BATCH]
            ],
        )
    op.create_index("ix_facilities_sort_ru", "facilities", ["sort_ru"])
    op.create_index("ix_facilities_region_sort_ru", "facilities", ["region", "sort_ru"])


def downgrade() -> None:
    op.drop_index("ix_facilities_region_sort_ru", "facilities")
    op.drop_index("ix_facilities_sort_ru", "facilities")
    op.drop_column("facilities", "sort_ru")
    op.create_index("ix_facilities_name_ru", "facilities", ["name_ru"])
    op.create_index("ix_facilities_region_name_ru", "facilities", ["region", "name_ru"])
