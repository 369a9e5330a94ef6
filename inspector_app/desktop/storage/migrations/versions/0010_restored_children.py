"""Children whose rights were restored, one row per child; registration date and objections

Children were a count per category, so a child restored in two categories counted twice in
the total and nothing said what restored the rights. Each child is now a row: a short
reference, the categories, and the finding or measure that restored them. Counts already
recorded become anonymous children numbered per category ("housing-1", "housing-2", ...),
each counted once, tied to nothing.

The registration with legal statistics gets a date of its own beside its number
(`registration_mark`); a mark ending in a date ("№ 123, 10.03.2026") is split. The act
also records the subject's objections.

Revision ID: 0010
Revises: 0009
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MARK_WITH_DATE = re.compile(r"^(.*?)[\s,;]*(\d{2})\.(\d{2})\.(\d{4})\s*$")

children = sa.table(
    "restored_children",
    sa.column("inspection_id"),
    sa.column("id"),
    sa.column("reference"),
    sa.column("categories", sa.JSON),
    sa.column("finding_id"),
    sa.column("measure_id"),
    sa.column("position"),
)


def upgrade() -> None:
    op.create_table(
        "restored_children",
        sa.Column("inspection_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("finding_id", sa.Text(), nullable=False),
        sa.Column("measure_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
        ),
        sa.PrimaryKeyConstraint("inspection_id", "id"),
    )
    connection = op.get_bind()
    counts = connection.exec_driver_sql(
        "SELECT inspection_id, category, children FROM restored_rights "
        "WHERE children > 0 ORDER BY inspection_id, rowid"
    ).all()
    rows: list[dict[str, object]] = []
    positions: dict[str, int] = {}
    for inspection_id, category, count in counts:
        for n in range(1, count + 1):
            position = positions[inspection_id] = positions.get(inspection_id, 0) + 1
            rows.append(
                {
                    "inspection_id": inspection_id,
                    "id": f"{category}-{n}",
                    "reference": "",
                    "categories": [category],
                    "finding_id": "",
                    "measure_id": "",
                    "position": position,
                }
            )
    if rows:
        connection.execute(sa.insert(children), rows)
    op.drop_table("restored_rights")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("registration_date", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("objections", sa.Text(), nullable=False, server_default=""))
    for inspection_id, mark in connection.exec_driver_sql(
        "SELECT id, registration_mark FROM inspections WHERE registration_mark != ''"
    ).all():
        found = MARK_WITH_DATE.match(mark)
        if found and found.group(1).strip():
            number, (d, m, y) = found.group(1).strip(), found.group(2, 3, 4)
            connection.exec_driver_sql(
                "UPDATE inspections SET registration_mark = ?, registration_date = ? WHERE id = ?",
                (number, f"{y}-{m}-{d}", inspection_id),
            )


def downgrade() -> None:
    connection = op.get_bind()
    for inspection_id, mark, day in connection.exec_driver_sql(
        "SELECT id, registration_mark, registration_date FROM inspections WHERE registration_date IS NOT NULL"
    ).all():
        y, m, d = day.split("-")
        joined = f"{mark}, {d}.{m}.{y}" if mark else f"{d}.{m}.{y}"
        connection.exec_driver_sql(
            "UPDATE inspections SET registration_mark = ? WHERE id = ?", (joined, inspection_id)
        )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("objections")
        batch_op.drop_column("registration_date")
    op.create_table(
        "restored_rights",
        sa.Column("inspection_id", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("children", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
        ),
        sa.PrimaryKeyConstraint("inspection_id", "category"),
    )
    counts: dict[tuple[str, str], int] = {}
    for inspection_id, categories in connection.execute(
        sa.select(children.c.inspection_id, children.c.categories)
    ).all():
        for category in categories:
            counts[inspection_id, category] = counts.get((inspection_id, category), 0) + 1
    if counts:
        connection.execute(
            sa.text("INSERT INTO restored_rights VALUES (:i, :c, :n)"),
            [{"i": i, "c": c, "n": n} for (i, c), n in counts.items()],
        )
    op.drop_table("restored_children")
