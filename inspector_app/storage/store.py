"""Opening, creating and restoring the encrypted local store.

A store is a folder: `store.db` (SQLCipher), `store.key` (salt and check value, no secret),
`photos/` (sealed files) and copies `store.db.before-*` made before each migration.
"""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import UserError, register_messages
from ..domain.models import InspectorProfile
from . import crypto, migrate
from .engine import Database, classify
from .facilities import FacilityRepository
from .reference import ReferenceRepository, seed

if TYPE_CHECKING:
    from .inspections import InspectionRepository
    from .paperwork import PaperworkRepository
    from .photos import PhotoVault

DB_NAME = "store.db"
KEY_NAME = crypto.KEY_NAME
PHOTOS = "photos"
MIN_PASSPHRASE = 8


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
        from .inspections import InspectionRepository

        return InspectionRepository(self.db)

    @cached_property
    def photos(self) -> PhotoVault:
        from .photos import PhotoVault

        return PhotoVault(self.db, self.folder / PHOTOS, self.photos_key)

    @cached_property
    def paperwork(self) -> PaperworkRepository:
        from .paperwork import PaperworkRepository

        return PaperworkRepository(self.db)

    def close(self) -> None:
        self.db.close()


def _assemble(folder: Path, keys: crypto.StoreKeys) -> Store:
    db = Database(folder / DB_NAME, keys)
    (folder / PHOTOS).mkdir(exist_ok=True)
    return Store(folder, db, ReferenceRepository(db), FacilityRepository(db), keys.photos)


def create_store(folder: Path, passphrase: str, profile: InspectorProfile,
                 scrypt_n: int = crypto.SCRYPT_N) -> Store:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError("store.passphrase_too_short", minimum=MIN_PASSPHRASE)
    if store_exists(folder):
        raise UserError("store.exists", path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        keys = crypto.create_key_file(folder / KEY_NAME, passphrase, n=scrypt_n)
    except OSError as error:
        raise classify(error) or UserError("store.read_only") from error
    store = _assemble(folder, keys)
    migrate.upgrade(store.db)
    with store.db.write() as connection:
        seed(connection)
    store.reference.save_profile(profile)
    return store


def open_store(folder: Path, passphrase: str) -> Store:
    """Unlock and bring the schema up to date. A wrong passphrase touches nothing."""
    return open_with_keys(folder, crypto.unlock(folder / KEY_NAME, passphrase))


def open_with_keys(folder: Path, keys: crypto.StoreKeys) -> Store:
    store = _assemble(folder, keys)
    try:
        store.migration_backup = migrate.upgrade(store.db)
        store.reference.profile()
    except UserError:
        store.close()
        raise
    except Exception as error:
        store.close()
        raise UserError("store.corrupt") from error
    return store


def backups(folder: Path) -> list[Path]:
    return migrate.list_backups(folder / DB_NAME)


def restore_backup(folder: Path, backup: Path) -> Path:
    """Put a pre-migration copy back in place. The damaged file is kept aside, never deleted."""
    current = folder / DB_NAME
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = current.with_name(f"{DB_NAME}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = current.with_name(DB_NAME + suffix)
        if part.exists():
            part.rename(aside.with_name(aside.name + suffix))
    shutil.copy2(backup, current)
    return aside


register_messages({
    "store.exists": {
        "kk": "{path} қалтасында деректер қоймасы бар. Оны ашыңыз немесе басқа қалтаны таңдаңыз.",
        "ru": "В папке {path} уже есть хранилище данных. Откройте его или выберите другую папку.",
        "en": "A data store already exists in {path}. Open it or choose another folder.",
    },
})
