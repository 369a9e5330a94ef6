"""Opening, creating and restoring the encrypted local store.

A store is a folder: `store.db` (SQLCipher), `store.key` (salt and check value, no secret),
`photos/` (sealed files) and `backups/` (encrypted backups, see backup.py; one is taken
before each migration). What a crash leaves behind (`*.tmp` files, sealed files whose row
never committed) is removed at open; a restore asked for is done at open, before the rest.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import InspectorProfile
from inspector_app.desktop.storage import backup, crypto, files, migrate
from inspector_app.desktop.storage.engine import Database, classify
from inspector_app.desktop.storage.facilities import FacilityRepository
from inspector_app.desktop.storage.reference import ReferenceRepository, seed

if TYPE_CHECKING:
    from inspector_app.desktop.storage.assignments import AssignmentRepository
    from inspector_app.desktop.storage.inspections import InspectionRepository
    from inspector_app.desktop.storage.paperwork import PaperworkRepository
    from inspector_app.desktop.storage.photos import PhotoVault

DB_NAME = "store.db"
KEY_NAME = crypto.KEY_NAME
PHOTOS = "photos"
SEALED_SUFFIX = ".sealed"  # photos/<photo id>.sealed
MIN_PASSPHRASE = 8
# Younger leftovers are kept: another window on the same store may be adding that photo.
LEFTOVER_AGE = 10 * 60  # seconds

log = logging.getLogger(__name__)


def store_exists(folder: Path) -> bool:
    return (folder / KEY_NAME).exists() and (folder / DB_NAME).exists()


@dataclass
class Store:
    """The services the UI and the background jobs call; each opens its own transactions.

    The register's repositories are made with the store; the others, and their modules,
    with their first use: the window shows the register before anything else."""

    folder: Path
    db: Database
    reference: ReferenceRepository
    facilities: FacilityRepository
    photos_key: bytes = field(repr=False)
    migration_backup: Path | None = None

    @cached_property
    def inspections(self) -> InspectionRepository:
        from inspector_app.desktop.storage.inspections import InspectionRepository

        return InspectionRepository(self.db)

    @cached_property
    def photos(self) -> PhotoVault:
        from inspector_app.desktop.storage.photos import PhotoVault

        return PhotoVault(self.db, self.folder / PHOTOS, self.photos_key)

    @cached_property
    def assignments(self) -> AssignmentRepository:
        from inspector_app.desktop.storage.assignments import AssignmentRepository

        return AssignmentRepository(self.db)

    @cached_property
    def paperwork(self) -> PaperworkRepository:
        from inspector_app.desktop.storage.paperwork import PaperworkRepository

        return PaperworkRepository(self.db)

    def close(self) -> None:
        self.db.close()


def _assemble(folder: Path, keys: crypto.StoreKeys) -> Store:
    db = Database(folder / DB_NAME, keys)
    files.make_folder(folder / PHOTOS)
    return Store(folder, db, ReferenceRepository(db), FacilityRepository(db), keys.photos)


def create_store(
    folder: Path, passphrase: str, profile: InspectorProfile, scrypt_n: int = crypto.SCRYPT_N
) -> Store:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError("store.passphrase_too_short", minimum=MIN_PASSPHRASE)
    if store_exists(folder):
        raise UserError("store.exists", path=str(folder))
    try:
        files.make_folder(folder)
        keys = crypto.create_key_file(folder / KEY_NAME, passphrase, n=scrypt_n)
    except OSError as error:
        raise classify(error) or UserError("store.read_only") from error
    store = _assemble(folder, keys)
    migrate.upgrade(store.db)
    with store.db.write() as connection:
        seed(connection)
    store.reference.save_profile(profile)
    files.sync_folder(folder)  # SQLite makes the database's own name durable only with its WAL's
    return store


def open_store(folder: Path, passphrase: str) -> Store:
    """Unlock and bring the schema up to date. A wrong passphrase touches nothing."""
    return open_with_keys(folder, crypto.unlock(folder / KEY_NAME, passphrase))


def open_with_keys(folder: Path, keys: crypto.StoreKeys) -> Store:
    backup.apply_pending(folder, keys)  # a restore asked for before the app was closed
    store = _assemble(folder, keys)
    try:
        store.migration_backup = migrate.upgrade(store.db)
        store.reference.profile()
        remove_leftovers(store)
    except UserError:
        store.close()
        raise
    except Exception as error:
        store.close()
        raise UserError("store.corrupt") from error
    return store


def remove_leftovers(store: Store, older_than: float = LEFTOVER_AGE) -> list[Path]:
    """Remove what a crash left: temporary files in the store and photos folders, and sealed
    photos no row names (the file is written before its row commits). Never a named file."""
    photos = store.folder / PHOTOS
    temporary = [*store.folder.glob("*" + files.TMP_SUFFIX), *photos.glob("*" + files.TMP_SUFFIX)]
    sealed = {path.name.removesuffix(SEALED_SUFFIX): path for path in photos.glob("*" + SEALED_SUFFIX)}
    if sealed:
        with store.db.read() as connection:
            named = {row[0] for row in connection.exec_driver_sql("SELECT id FROM photos")}
        sealed = {photo_id: path for photo_id, path in sealed.items() if photo_id not in named}
    cutoff = time.time() - older_than
    removed = [path for path in [*temporary, *sealed.values()] if _remove_if_older(path, cutoff)]
    if removed:
        files.sync_folder(photos)
        files.sync_folder(store.folder)
    return removed


def _remove_if_older(path: Path, cutoff: float) -> bool:
    try:
        if path.stat().st_mtime > cutoff:
            return False
        path.unlink()
    except OSError as error:  # a leftover that stays does no harm; the store still opens
        log.warning("could not remove %s: %s", path, error)
        return False
    return True


def backups(folder: Path) -> list[backup.Backup]:
    """The store's encrypted backups, newest first."""
    return backup.list_backups(backup.backups_folder(folder))


def restore_backup(folder: Path, chosen: backup.Backup, keys: crypto.StoreKeys) -> Path | None:
    """Put a backup in place of a damaged store that failed to open: the backup is checked
    first; the damaged file is kept aside, never deleted, and returned."""
    return backup.restore(folder, chosen, keys, keep_aside=True)


register_messages(
    {
        "store.exists": {
            "kk": "{path} қалтасында деректер қоймасы бар. Оны ашыңыз немесе басқа қалтаны таңдаңыз.",
            "ru": "В папке {path} уже есть хранилище данных. Откройте его или выберите другую папку.",
            "en": "A data store already exists in {path}. Open it or choose another folder.",
        },
    }
)
