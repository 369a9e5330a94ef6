"""Register search: a one-letter prefix index, so the first letter typed answers at once

Without it, a one-letter prefix merges the lists of every word starting with that letter
(tens of thousands of rows in a full register) on each keystroke.

Only the index table is made again: the triggers that keep it up to date belong to
`facilities` and name the index table in their bodies, so they stay and serve the new one.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _recreate(prefix: str) -> None:
    op.execute("DROP TABLE facilities_fts")
    op.execute(
        "CREATE VIRTUAL TABLE facilities_fts USING fts5(search_text, "
        "content='facilities', content_rowid='rowid', "
        f"tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
    )
    op.execute("INSERT INTO facilities_fts(facilities_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate("1 2 3")


def downgrade() -> None:
    _recreate("2 3")
