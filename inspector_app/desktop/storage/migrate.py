"""Schema migrations of the local store (Alembic), each in its own transaction.

Before any migration of an existing database the file is copied beside it (durably: the
copy is whole on disk before the migration starts), so a failed or faulty migration can be
undone by restoring the copy. Alembic is imported only when a
migration is due, to keep start-up quick.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.desktop.storage.engine import Database
from inspector_app.desktop.storage.files import TMP_SUFFIX, copy_durably

HEAD = "0010"
MIGRATIONS = Path(__file__).with_name("migrations")
BACKUP_SUFFIX = ".before-"


def current_revision(db: Database) -> str | None:
    with db.read() as connection:
        has_table = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
        ).first()
        if not has_table:
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(db: Database, target: str = HEAD) -> Path | None:
    """Bring the schema to `target`; returns the backup made, if any."""
    revision = current_revision(db)
    if revision == target:
        return None
    backup = backup_copy(db, f"{revision}-to-{target}") if revision is not None else None
    _run_alembic(db, "upgrade", target)
    return backup


def backup_copy(db: Database, label: str) -> Path:
    db.checkpoint()  # all committed pages in the main file, so one file is a whole copy
    target = db.path.with_name(db.path.name + BACKUP_SUFFIX + label)
    return copy_durably(db.path, target)


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


def list_backups(db_path: Path) -> list[Path]:
    """Whole copies only, newest first: a copy a crash cut short still has its temporary name."""
    copies = db_path.parent.glob(db_path.name + BACKUP_SUFFIX + "*")
    return sorted((c for c in copies if not c.name.endswith(TMP_SUFFIX)), reverse=True)
