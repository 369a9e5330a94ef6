"""Register search: a one-letter prefix index, so the first letter typed answers at once

Without it, a one-letter prefix merges the lists of every word starting with that letter
(tens of thousands of rows in a full register) on each keystroke.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TRIGGERS = ("facilities_ai", "facilities_ad", "facilities_au")


def _recreate(prefix: str) -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE facilities_fts")
    op.execute("CREATE VIRTUAL TABLE facilities_fts USING fts5(search_text, "
               "content='facilities', content_rowid='rowid', "
               f"tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')")
    op.execute("INSERT INTO facilities_fts(facilities_fts) VALUES ('rebuild')")
    op.execute("CREATE TRIGGER facilities_ai AFTER INSERT ON facilities BEGIN "
               "INSERT INTO facilities_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END")
    op.execute("CREATE TRIGGER facilities_ad AFTER DELETE ON facilities BEGIN "
               "INSERT INTO facilities_fts(facilities_fts, rowid, search_text) "
               "VALUES ('delete', old.rowid, old.search_text); END")
    op.execute("CREATE TRIGGER facilities_au AFTER UPDATE ON facilities BEGIN "
               "INSERT INTO facilities_fts(facilities_fts, rowid, search_text) "
               "VALUES ('delete', old.rowid, old.search_text); "
               "INSERT INTO facilities_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END")


def upgrade() -> None:
    _recreate("1 2 3")


def downgrade() -> None:
    _recreate("2 3")
