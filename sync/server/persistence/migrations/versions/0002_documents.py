"""Documents by number, for the public verification page.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-22
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("number", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=200), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("facility_id", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("inspection_id", "document_id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_number"), ["number"], unique=False)
    _backfill()


def _backfill() -> None:
    """Numbers of the documents of records received before this table existed."""
    payload = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    inspections = sa.table("inspections", sa.column("id", sa.String), sa.column("payload", payload))
    documents = sa.table(
        "documents",
        *(
            sa.column(c)
            for c in (
                "inspection_id",
                "document_id",
                "number",
                "kind",
                "content_sha256",
                "facility_id",
                "issued_at",
            )
        ),
    )
    bind = op.get_bind()
    rows = {}
    for record_id, data in bind.execute(sa.select(inspections.c.id, inspections.c.payload)):
        header = data.get("header", {})
        for document in data.get("documents", []):
            number = document.get("number", "")
            if 0 < len(number) <= 200:
                rows[(record_id, document["id"][:200])] = {
                    "inspection_id": record_id,
                    "document_id": document["id"][:200],
                    "number": number,
                    "kind": document.get("kind", "")[:200],
                    "content_sha256": document.get("content_sha256"),
                    "facility_id": header.get("facility_id", ""),
                    "issued_at": None,
                }
    if rows:
        bind.execute(sa.insert(documents), list(rows.values()))


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_number"))
    op.drop_table("documents")
