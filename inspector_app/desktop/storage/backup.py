"""Encrypted backups of the local store, and putting one back.

A backup is a folder in `backups/` beside the database (and, if chosen, a copy of it in
another folder, a USB stick): `store.db`, made by `sqlcipher_export` under the store's own
key inside one read transaction (a consistent snapshot while answers are being written);
`store.key` (salt and check value, no secret: the folder opens with the passphrase alone);
`photos/`, the sealed photo files the snapshot names, copied as they are (already
encrypted); and `manifest.json`: date, app version, schema revision, counts, and the SHA-256
of every file. Nothing is ever written unencrypted. A backup is built under a `.tmp` name,
every file fsynced, and renamed whole into place; a crash leaves only a `.tmp` folder, which
is never listed and is removed by the next backup.

A restore replaces the store while it is closed: the chosen backup is checked, the current
store backed up, and a marker written; the next opening (`apply_pending`) checks the backup
again and puts it in place before anything reads the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

import inspector_app
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.desktop.storage import files
from inspector_app.desktop.storage.crypto import KEY_NAME, StoreKeys, write_atomically
from inspector_app.desktop.storage.engine import Database, classify, open_connection

BACKUPS = "backups"  # the folder of backups in the store folder
MANIFEST = "manifest.json"
PENDING = "restore.pending"  # in the store folder: the backup to put in place at the next opening
DB_FILE, PHOTOS, SEALED = "store.db", "photos", ".sealed"  # as in store.py (which imports this)
EXTRA_FOLDER = "FieldInspector-backups"  # made inside the folder chosen for extra copies
KEEP_SETTING, KEEP_DEFAULT = "backup.keep", 7
FOLDER_SETTING = "backup.folder"  # the extra folder chosen, "" for none
EVERY = dt.timedelta(days=1)  # the automatic backup's period
ATTEMPTS = 3  # a photo removed between the snapshot and its copy: take the snapshot again
CHUNK = 1 << 20

Report = Callable[[int, int], None]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str  # daily, manual, before-migration, before-restore
    app_version: str
    schema: str | None
    inspections: int | None
    unsynced: int | None
    photos: int | None
    files: dict[str, str] = field(repr=False)  # relative path -> SHA-256

    @property
    def database(self) -> Path:
        return self.path / DB_FILE


def backups_folder(store_folder: Path) -> Path:
    return store_folder / BACKUPS


# --- taking a backup ----------------------------------------------------------------------
def take(
    db: Database,
    reason: str,
    keep: int | None = None,
    extra: Path | None = None,
    report: Report | None = None,
) -> Backup:
    """Back the store of `db` up into its `backups/` folder; keep the newest `keep` there
    (None keeps all). With `extra`, copy the backup there too (rotated the same way)."""
    store_folder = db.path.parent
    target = backups_folder(store_folder)
    files.make_folder(target)
    _remove_unfinished(target)
    taken_at = dt.datetime.now()  # to the microsecond: the order of backups made in one second
    final = _free_name(target, f"{taken_at:%Y%m%d-%H%M%S}-{reason}")
    building = final.with_name(final.name + files.TMP_SUFFIX)
    try:
        manifest = _build(db, store_folder, building, taken_at, reason, report)
        os.replace(building, final)
        files.sync_folder(target)
    except OSError as error:
        shutil.rmtree(building, ignore_errors=True)
        raise classify(error) or UserError("backup.not_written", path=str(target)) from error
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    backup = _from_manifest(final, manifest)
    if keep is not None:
        rotate(target, keep)
    if extra is not None:
        copy_to(backup, extra, keep)
    return backup


def _build(db: Database, store_folder: Path, building: Path, taken_at, reason, report) -> dict:
    files.make_folder(building / PHOTOS)
    for _attempt in range(ATTEMPTS):
        _export(db, building / DB_FILE)
        photo_ids = _photo_ids(building / DB_FILE, db.keys)
        missing = _copy_photos(store_folder / PHOTOS, building / PHOTOS, photo_ids, report)
        if not missing:
            break
        log.info("photos removed during the backup: %s; taking the snapshot again", missing[:3])
    else:
        raise UserError("backup.not_written", path=str(building.parent))
    named = {photo_id + SEALED for photo_id in photo_ids}
    for path in (building / PHOTOS).iterdir():  # copied by an attempt whose snapshot named it
        if path.name not in named:
            path.unlink()
    shutil.copyfile(store_folder / KEY_NAME, building / KEY_NAME)
    sums = {name: _sha256_fsynced(building / name) for name in (DB_FILE, KEY_NAME)}
    sums |= {f"{PHOTOS}/{p.name}": _sha256_file(p) for p in sorted((building / PHOTOS).iterdir())}
    files.sync_folder(building / PHOTOS)
    manifest = {
        "format": 1,
        "taken_at": taken_at.isoformat(),
        "reason": reason,
        "app_version": inspector_app.__version__,
        **_counts(building / DB_FILE, db.keys),
        "files": sums,
    }
    write_atomically(building / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    return manifest


def _export(db: Database, target: Path) -> None:
    """`sqlcipher_export` into a new file under the same key, in one read transaction: the
    copy is the committed state at one instant, whatever is written meanwhile."""
    target.unlink(missing_ok=True)
    connection = open_connection(db.path, db.keys)
    try:
        connection.isolation_level = None
        connection.execute("ATTACH DATABASE ? AS backup KEY ?", (str(target), _key_text(db.keys)))
        connection.execute("BEGIN")
        connection.execute("SELECT sqlcipher_export('backup')")
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE backup")
    except sqlcipher3.Error as error:
        raise classify(error) or error from error
    finally:
        connection.close()


def _key_text(keys: StoreKeys) -> str:
    return f"x'{keys.database.hex()}'"


def _photo_ids(database: Path, keys: StoreKeys) -> list[str]:
    with _read_only(database, keys) as connection:
        try:
            return [row[0] for row in connection.execute("SELECT id FROM photos")]
        except sqlcipher3.OperationalError:  # a schema from before photos
            return []


def _copy_photos(source: Path, target: Path, photo_ids: list[str], report: Report | None) -> list[str]:
    """Copy the sealed files the snapshot names; returns the ids whose file is gone."""
    missing = []
    for done, photo_id in enumerate(photo_ids, 1):
        name = photo_id + SEALED
        if (target / name).exists():  # copied by an earlier attempt
            continue
        try:
            _copy_fsynced(source / name, target / name)
        except FileNotFoundError:
            missing.append(photo_id)
        if report is not None:
            report(done, len(photo_ids))
    return missing


def _counts(database: Path, keys: StoreKeys) -> dict:
    queries = {
        "schema": "SELECT version_num FROM alembic_version",
        "inspections": "SELECT count(*) FROM inspections",
        "unsynced": "SELECT count(*) FROM inspections WHERE synced_revision < revision",
        "photos": "SELECT count(*) FROM photos",
    }
    counts = {}
    with _read_only(database, keys) as connection:
        for name, query in queries.items():
            try:
                counts[name] = connection.execute(query).fetchone()[0]
            except sqlcipher3.OperationalError:  # an older schema without that table or column
                counts[name] = None
    return counts


class _read_only:
    """A read-only connection to a backup's database, keyed (never converted to WAL)."""

    def __init__(self, database: Path, keys: StoreKeys) -> None:
        self.connection = sqlcipher3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
        self.connection.execute(keys.sqlcipher_pragma())

    def __enter__(self) -> sqlcipher3.Connection:
        return self.connection

    def __exit__(self, *_exc) -> None:
        self.connection.close()


# --- files --------------------------------------------------------------------------------
def _copy_fsynced(source: Path, target: Path) -> None:
    with open(source, "rb") as reader, open(target, "wb") as writer:
        shutil.copyfileobj(reader, writer, CHUNK)
        writer.flush()
        os.fsync(writer.fileno())


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sha256_fsynced(path: Path) -> str:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
    return _sha256_file(path)


def _free_name(folder: Path, name: str) -> Path:
    candidate, n = folder / name, 1
    while candidate.exists() or candidate.with_name(candidate.name + files.TMP_SUFFIX).exists():
        n += 1
        candidate = folder / f"{name}-{n}"
    return candidate


def _remove_unfinished(folder: Path) -> None:
    """What a crash or a pulled USB stick left: folders still under their temporary name."""
    for path in folder.glob("*" + files.TMP_SUFFIX):
        shutil.rmtree(path, ignore_errors=True)


# --- listing and rotating -----------------------------------------------------------------
def list_backups(folder: Path) -> list[Backup]:
    """The whole backups in `folder`, newest first (a folder without a readable manifest is
    not a backup: it is left alone and not offered)."""
    found = []
    for path in folder.glob("*") if folder.is_dir() else []:
        if not path.is_dir() or path.name.endswith(files.TMP_SUFFIX):
            continue
        try:
            found.append(_from_manifest(path, json.loads((path / MANIFEST).read_bytes())))
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("not a backup (no readable manifest): %s", path)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _from_manifest(path: Path, manifest: dict) -> Backup:
    return Backup(
        path=path,
        taken_at=dt.datetime.fromisoformat(manifest["taken_at"]),
        reason=manifest["reason"],
        app_version=manifest["app_version"],
        schema=manifest.get("schema"),
        inspections=manifest.get("inspections"),
        unsynced=manifest.get("unsynced"),
        photos=manifest.get("photos"),
        files=dict(manifest["files"]),
    )


def rotate(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` backups (at least one is always kept)."""
    removed = [b.path for b in list_backups(folder)[max(keep, 1) :]]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    if removed:
        files.sync_folder(folder)
    return removed


def is_due(store_folder: Path, now: dt.datetime | None = None) -> bool:
    """True when the newest backup is a day old or there is none."""
    newest = list_backups(backups_folder(store_folder))[:1]
    return not newest or (now or dt.datetime.now()) - newest[0].taken_at >= EVERY


def copy_to(backup: Backup, extra: Path, keep: int | None = None) -> Path:
    """A whole copy of `backup` in `extra/FieldInspector-backups/`, built under a temporary
    name and renamed once every file is on the disk."""
    target_folder = extra / EXTRA_FOLDER
    try:
        files.make_folder(target_folder)
        _remove_unfinished(target_folder)
        final = _free_name(target_folder, backup.path.name)
        building = final.with_name(final.name + files.TMP_SUFFIX)
        files.make_folder(building / PHOTOS)
        for name in backup.files | {MANIFEST: ""}:
            _copy_fsynced(backup.path / name, building / name)
        files.sync_folder(building / PHOTOS)
        files.sync_folder(building)
        os.replace(building, final)
        files.sync_folder(target_folder)
    except OSError as error:
        raise UserError("backup.extra_not_written", path=str(extra)) from error
    if keep is not None:
        rotate(target_folder, keep)
    return final


# --- checking and restoring ---------------------------------------------------------------
def verify(backup: Backup, keys: StoreKeys) -> None:
    """Raise `backup.damaged` unless every file is whole (its SHA-256) and the database opens
    with the key and passes SQLCipher's and SQLite's integrity checks."""
    try:
        for name, expected in backup.files.items():
            if _sha256_file(backup.path / name) != expected:
                raise ValueError(f"{name}: checksum differs")
        with _read_only(backup.database, keys) as connection:
            if connection.execute("PRAGMA cipher_integrity_check").fetchall():
                raise ValueError("cipher_integrity_check")
            if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise ValueError("integrity_check")
    except (OSError, ValueError, sqlcipher3.Error) as error:
        log.warning("backup %s refused: %s", backup.path, error)
        raise UserError("backup.damaged", name=label(backup)) from error


def label(backup: Backup) -> str:
    return backup.taken_at.strftime("%d.%m.%Y %H:%M")


def unsynced_lost(db: Database, backup: Backup) -> list[dict]:
    """Inspections with changes not sent to the server that the backup lacks or holds as they
    were before the last change: restoring it loses them. Rows: name_kk, name_ru,
    appointment_date (ISO)."""
    query = (
        "SELECT i.id, i.updated_at, f.name_kk, f.name_ru, i.appointment_date FROM inspections i "
        "JOIN facilities f ON f.id = i.facility_id WHERE i.synced_revision < i.revision "
        "ORDER BY i.appointment_date, f.name_ru"
    )
    with db.read() as connection:
        unsynced = connection.exec_driver_sql(query).all()
    if not unsynced:
        return []
    with _read_only(backup.database, db.keys) as connection:
        try:
            kept = dict(connection.execute("SELECT id, updated_at FROM inspections").fetchall())
        except sqlcipher3.OperationalError:
            kept = {}
    return [
        {"name_kk": r[2], "name_ru": r[3], "appointment_date": r[4]}
        for r in unsynced
        if kept.get(r[0]) is None or kept[r[0]] < r[1]
    ]


def stage_restore(store_folder: Path, backup: Backup) -> None:
    """Ask the next opening of the store to put `backup` in place."""
    write_atomically(store_folder / PENDING, json.dumps({"backup": str(backup.path)}).encode())


def pending(store_folder: Path) -> Path | None:
    try:
        return Path(json.loads((store_folder / PENDING).read_bytes())["backup"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def apply_pending(store_folder: Path, keys: StoreKeys) -> Backup | None:
    """Put the backup a restore asked for in place (the store is not open yet). A marker
    left by a crash half-way makes the next opening do it again; a backup damaged since it
    was chosen is refused and the store stays as it was."""
    if not (store_folder / PENDING).exists():
        return None
    chosen = pending(store_folder)
    if chosen is None:  # a marker that cannot be read asks for nothing
        _forget_pending(store_folder)
        return None
    try:
        backup = _from_manifest(chosen, json.loads((chosen / MANIFEST).read_bytes()))
        verify(backup, keys)
        restore(store_folder, backup, keys, checked=True)
    except (OSError, ValueError, KeyError, TypeError) as error:
        _forget_pending(store_folder)
        raise UserError("backup.damaged", name=chosen.name) from error
    except UserError:
        _forget_pending(store_folder)
        raise
    _forget_pending(store_folder)
    return backup


def _forget_pending(store_folder: Path) -> None:
    (store_folder / PENDING).unlink(missing_ok=True)
    files.sync_folder(store_folder)


def restore(
    store_folder: Path, backup: Backup, keys: StoreKeys, checked: bool = False, keep_aside: bool = False
) -> Path | None:
    """Put `backup` in place of the closed store: its photos first, then its database in one
    rename. With `keep_aside` (a damaged store) the current file keeps a second name, which
    is returned. Photos the restored rows do not name are removed at the next opening."""
    if not checked:
        verify(backup, keys)
    photos = store_folder / PHOTOS
    files.make_folder(photos)
    for name in backup.files:
        if name.startswith(PHOTOS + "/") and not (store_folder / name).exists():
            files.copy_durably(backup.path / name, store_folder / name)
    return replace_database(store_folder / DB_FILE, backup.database, keep_aside)


def replace_database(current: Path, source: Path, keep_aside: bool) -> Path | None:
    """Copy `source` over the closed database `current`. Its log goes first (an old log is
    never replayed onto the copy); with `keep_aside` the old file and log keep other names."""
    aside = None
    if keep_aside:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = current.with_name(f"{current.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        part = current.with_name(current.name + suffix)
        if part.exists():
            if aside is not None:
                part.rename(aside.with_name(aside.name + suffix))
            else:
                part.unlink()
    if aside is not None and current.exists():
        try:
            os.link(current, aside)
        except OSError:  # a file system without hard links
            current.rename(aside)
    files.copy_durably(source, current)
    return aside


register_messages(
    {
        "backup.damaged": {
            "kk": "«{name}» резервтік көшірмесі зақымдалған немесе бұл құпия фразамен ашылмайды, "
            "сондықтан пайдаланылмады. Ештеңе өзгертілген жоқ. Басқа көшірмені таңдаңыз.",
            "ru": "Резервная копия «{name}» повреждена или не открывается этой парольной фразой, "
            "поэтому не использована. Ничего не изменено. Выберите другую копию.",
            "en": 'The backup "{name}" is damaged or does not open with this passphrase, so it was '
            "not used. Nothing was changed. Choose another backup.",
        },
        "backup.not_written": {
            "kk": "Резервтік көшірме {path} қалтасына жазылмады. Дискідегі бос орынды тексеріп, қайталаңыз; "
            "деректеріңізге ештеңе болған жоқ.",
            "ru": "Резервная копия не записана в папку {path}. Проверьте свободное место на диске и повторите; "
            "ваши данные не затронуты.",
            "en": "The backup could not be written to {path}. Check the free space on the disk and try again; "
            "your data was not touched.",
        },
        "backup.extra_not_written": {
            "kk": "Көшірме {path} қалтасына жазылмады (флешка қосылмаған ба?). Ноутбуктағы көшірме жасалды. "
            "Флешканы қосып, «Қазір көшірме жасау» батырмасын басыңыз.",
            "ru": "Копия не записана в папку {path} (флешка не подключена?). Копия на ноутбуке сделана. "
            "Подключите флешку и нажмите «Сделать копию сейчас».",
            "en": "The copy could not be written to {path} (is the USB stick plugged in?). The backup on the "
            'laptop was made. Plug the stick in and press "Back up now".',
        },
    }
)
