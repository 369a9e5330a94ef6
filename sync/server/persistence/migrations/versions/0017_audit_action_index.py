"""The audit log is filtered by action (the console's log page): an index on `action`, so
a filter and its count do not read the whole log.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # not in batch mode: on SQLite a batch could copy the table and lose its append-only triggers
    op.create_index("ix_audit_log_action", "audit_log", ["action"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_action", table_name="audit_log")
