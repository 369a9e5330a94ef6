"""Trust: the audit log chained by hash; document numbers bound to one record, inspector
and region; the server's own content hash of each document.

- audit_log gets `seq` and `hash` (see persistence/audit_chain.py), back-filled in id order;
  the counter "audit" holds the last seq. PostgreSQL also refuses TRUNCATE by trigger;
  SQLite refuses an INSERT that would replace an entry (INSERT OR REPLACE).
- document_numbers: each number accepted, for ever bound to its record, owner and region;
  inspector_codes: the inspector code of a region each user prints in numbers.
- documents get `rendered_sha256` (the content hash computed by the server from the record)
  and `revision` (of the record it was computed from); drafts keep no documents.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from sync.server.persistence.audit_chain import COUNTER, GENESIS, entry_hash

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    _chain_audit_log()
    op.create_table(
        "document_numbers",
        sa.Column("number", sa.String(length=200), nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("bound_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )
    op.create_index("ix_document_numbers_inspection_id", "document_numbers", ["inspection_id"])
    op.create_table(
        "inspector_codes",
        sa.Column("region", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.PrimaryKeyConstraint("region", "code"),
    )
    op.add_column("documents", sa.Column("rendered_sha256", sa.String(length=64), nullable=True))
    op.add_column("documents", sa.Column("revision", sa.Integer(), nullable=True))
    _forget_draft_documents()


def _chain_audit_log() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    op.add_column("audit_log", sa.Column("seq", sa.BigInteger(), nullable=True))
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_log_seq", "audit_log", ["seq"], unique=True)
    if postgres:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
    _backfill_chain(bind)
    if postgres:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
        op.execute("""
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()""")
    else:
        op.execute("""
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""")
        op.execute("""
            CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
            WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id OR seq = NEW.seq)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""")


def _backfill_chain(bind) -> None:
    log = sa.table(
        "audit_log",
        *(
            sa.column(c)
            for c in ("id", "seq", "hash", "at", "user_id", "device_id", "action", "entity_kind", "entity_id")
        ),
        sa.column("details", _JSON),
    )
    previous, seq = GENESIS, 0
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    for row in rows:
        seq += 1
        previous = entry_hash(previous, seq, dict(row))
        bind.execute(sa.update(log).where(log.c.id == row["id"]).values(seq=seq, hash=previous))
    counters = sa.table("counters", sa.column("name"), sa.column("value"))
    bind.execute(sa.insert(counters).values(name=COUNTER, value=seq))


def _forget_draft_documents() -> None:
    """Drafts show nothing on /verify; numbers of finalised records are bound to them."""
    bind = op.get_bind()
    inspections = sa.table(
        "inspections", sa.column("id"), sa.column("status"), sa.column("owner_id"), sa.column("region")
    )
    documents = sa.table("documents", sa.column("inspection_id"), sa.column("number"), sa.column("issued_at"))
    finalised = sa.select(inspections.c.id).where(inspections.c.status == "finalised")
    bind.execute(sa.delete(documents).where(documents.c.inspection_id.not_in(finalised)))
    bound: dict[str, tuple[str, int, str]] = {}  # number: (record id, owner id, region)
    query = (
        sa.select(documents.c.number, inspections.c.id, inspections.c.owner_id, inspections.c.region)
        .join(inspections, inspections.c.id == documents.c.inspection_id)
        .order_by(documents.c.issued_at, inspections.c.id)
    )
    for number, record_id, owner_id, region in bind.execute(query):
        bound.setdefault(number, (record_id, owner_id, region))
    if bound:
        numbers = sa.table(
            "document_numbers",
            sa.column("number"),
            sa.column("inspection_id"),
            sa.column("owner_id"),
            sa.column("region"),
            sa.column("bound_at", sa.DateTime(timezone=True)),
        )
        now = dt.datetime.now(dt.UTC)
        bind.execute(
            sa.insert(numbers),
            [
                {"number": n, "inspection_id": r, "owner_id": o, "region": g, "bound_at": now}
                for n, (r, o, g) in bound.items()
            ],
        )


def downgrade() -> None:
    op.drop_column("documents", "revision")
    op.drop_column("documents", "rendered_sha256")
    op.drop_table("inspector_codes")
    op.drop_index("ix_document_numbers_inspection_id", "document_numbers")
    op.drop_table("document_numbers")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_replace")
    op.execute(sa.text("DELETE FROM counters WHERE name = :name").bindparams(name=COUNTER))
    op.drop_index("ix_audit_log_seq", "audit_log")
    op.drop_column("audit_log", "hash")
    op.drop_column("audit_log", "seq")
