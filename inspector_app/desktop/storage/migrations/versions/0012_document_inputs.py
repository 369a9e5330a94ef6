"""Each rendered document keeps its inputs (date, place, author, organisation as printed,
refusal, signature hashes), sent with the record so the server computes the document's
content hash itself (inspector_app/core/documents/inputs.py).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("inputs", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("inputs")
