"""Schema migrations of the local store (Alembic), each in its own transaction.

Before any migration of an existing database an encrypted backup of the store is taken
(`backup.take`: whole on disk before the migration starts), so a failed or faulty migration
can be undone by restoring it. Alembic is imported only when a migration is due, to keep
start-up quick.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.desktop.storage import backup
from inspector_app.desktop.storage.engine import Database

HEAD = "0014"
MIGRATIONS = Path(__file__).with_name("migrations")


def current_revision(db: Database) -> str | None:
    with db.read() as connection:
        has_table = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
        ).first()
        if not has_table:
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(db: Database, target: str = HEAD) -> Path | None:
    """Bring the schema to `target`; returns the folder of the backup taken, if any."""
    revision = current_revision(db)
    if revision == target:
        return None
    taken = backup.take(db, f"before-migration-{revision}-to-{target}") if revision is not None else None
    _run_alembic(db, "upgrade", target)
    return taken.path if taken else None


def downgrade(db: Database, target: str) -> None:
    """Back to an older schema (for support and for the migration tests)."""
    _run_alembic(db, "downgrade", target)


def _run_alembic(db: Database, action: str, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.exclusive() as connection:  # Alembic opens one transaction per migration
        # tables are rebuilt by copying; references are checked once all is done
        raw = connection.connection.dbapi_connection  # a PRAGMA must run outside a transaction
        assert raw is not None  # the connection is open for the whole block
        raw.execute("PRAGMA foreign_keys = OFF")
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        raw.execute("PRAGMA foreign_keys = ON")
        if broken:
            raise RuntimeError(f"migration {target} broke references: {broken[:5]}")
