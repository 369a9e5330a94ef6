"""Encrypted backups of the store, on real files: what they hold, that they never hold
plaintext, a snapshot taken while answers are written, damaged backups refused, rotation,
the extra folder, the backup before a migration, and a restore done at the next opening."""

import datetime as dt
import hashlib
import json
import shutil
import threading
import time

import pytest
import sqlcipher3

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.storage import backup, migrate
from inspector_app.desktop.storage.engine import Database
from inspector_app.desktop.storage.store import DB_NAME, backups, open_store, restore_backup

PASS = "correct horse battery"
SECRET_NOTE = "ҚҰПИЯ: өрт сөндіргіш жоқ"


def read(database, keys, query):
    connection = sqlcipher3.connect(str(database))
    connection.execute(keys.sqlcipher_pragma())
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_a_backup_holds_the_store_and_its_photos_encrypted(store, inspection, jpeg):
    store.inspections.save_answer(
        inspection.id, "sch.security.video", verdict=Verdict.VIOLATED, note=SECRET_NOTE
    )
    photo = store.photos.add(inspection.id, "sch.security.video", jpeg)
    taken = backup.take(store.db, "manual")
    raw = taken.database.read_bytes()
    assert b"SQLite format 3" not in raw
    assert SECRET_NOTE.encode() not in raw and "Әсел".encode() not in raw
    sealed = (taken.path / "photos" / f"{photo.id}.sealed").read_bytes()
    picture = jpeg.read_bytes()
    assert picture[:64] not in sealed and not sealed.startswith(b"\xff\xd8")
    manifest = json.loads((taken.path / "manifest.json").read_text())
    assert SECRET_NOTE not in json.dumps(manifest, ensure_ascii=False)
    assert (manifest["schema"], manifest["inspections"], manifest["unsynced"], manifest["photos"]) == (
        migrate.HEAD,
        1,
        1,
        1,
    )
    assert manifest["app_version"] and manifest["reason"] == "manual"
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((taken.path / name).read_bytes()).hexdigest() == digest
    assert set(manifest["files"]) == {"store.db", "store.key", f"photos/{photo.id}.sealed"}
    notes = read(taken.database, store.db.keys, "SELECT note FROM answers")
    assert notes == [(SECRET_NOTE,)]
    backup.verify(taken, store.db.keys)


def test_a_backup_taken_while_answers_are_written_is_one_consistent_snapshot(store, store_dir, inspection):
    """Answers are saved on one thread and pairs of settings written in one transaction by a
    second connection (a setting and a row of another table in one transaction) while backups are taken: every backup opens, passes the checks, and
    holds both halves of every transaction."""
    other = Database(store_dir / DB_NAME, store.db.keys)
    stop, written = threading.Event(), [0, 0]

    def save_answers() -> None:
        while not stop.is_set():
            written[0] += 1
            store.inspections.save_answer(inspection.id, f"item.{written[0]}", verdict=Verdict.COMPLIES)
            time.sleep(0.002)  # room for the other writer (SQLite's busy wait favours no one)

    def write_pairs() -> None:
        while not stop.is_set():
            written[1] += 1
            with other.write() as connection:
                connection.exec_driver_sql(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('pair', ?)", (str(written[1]),)
                )  # and in another table, which the export copies at another moment
                connection.exec_driver_sql(
                    "INSERT INTO mrp (year, tenge) VALUES (?, 1)", (10_000 + written[1],)
                )
            time.sleep(0.002)

    threads = [threading.Thread(target=save_answers), threading.Thread(target=write_pairs)]
    for thread in threads:
        thread.start()
    try:
        taken = []
        while len(taken) < 3 or (min(written) < 5 and len(taken) < 10):
            taken.append(backup.take(store.db, "manual"))
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        other.close()
    assert min(written) >= 5  # the writers really wrote during the backups
    assert read(taken[-1].database, store.db.keys, "SELECT count(*) FROM answers")[0][0] > 0
    for each in taken:
        backup.verify(each, store.db.keys)
        pair = read(each.database, store.db.keys, "SELECT value FROM settings WHERE key = 'pair'")
        [(year,)] = read(each.database, store.db.keys, "SELECT max(year) FROM mrp WHERE year > 10000")
        assert (int(pair[0][0]) if pair else 0) == (year or 10_000) - 10_000
        answers = read(each.database, store.db.keys, "SELECT count(*) FROM answers")[0][0]
        assert answers <= written[0]


def damage_database(taken):
    with open(taken.database, "r+b") as handle:
        handle.seek(5000)
        byte = handle.read(1)
        handle.seek(5000)
        handle.write(bytes([byte[0] ^ 0xFF]))


def damage_and_fix_the_checksum(taken):
    """Bytes flipped and the manifest rewritten to match: only SQLCipher's page check sees it."""
    damage_database(taken)
    manifest = json.loads((taken.path / "manifest.json").read_text())
    manifest["files"]["store.db"] = hashlib.sha256(taken.database.read_bytes()).hexdigest()
    (taken.path / "manifest.json").write_text(json.dumps(manifest))


def truncate(taken):
    with open(taken.database, "r+b") as handle:
        handle.truncate(taken.database.stat().st_size // 2)


def flip_photo(taken):
    [sealed] = (taken.path / "photos").iterdir()
    data = bytearray(sealed.read_bytes())
    data[100] ^= 1
    sealed.write_bytes(bytes(data))


@pytest.mark.parametrize("harm", [damage_database, damage_and_fix_the_checksum, truncate, flip_photo])
def test_a_damaged_backup_is_refused_and_nothing_is_replaced(store, store_dir, inspection, jpeg, harm):
    store.photos.add(inspection.id, "item.1", jpeg)
    taken = backup.take(store.db, "manual")
    [taken] = backups(store_dir)  # as listed, from its manifest
    harm(taken)
    keys = store.db.keys
    store.close()
    before = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    with pytest.raises(UserError) as caught:
        restore_backup(store_dir, taken, keys)
    assert caught.value.code == "backup.damaged"
    assert "Ничего не изменено" in caught.value.message("ru")
    assert "Ештеңе өзгертілген жоқ" in caught.value.message("kk")
    assert {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()} == before


def test_a_damaged_backup_asked_for_is_refused_at_opening_and_the_store_opens_as_it_was(
    store, store_dir, inspection
):
    taken = backup.take(store.db, "manual")
    store.inspections.save_answer(inspection.id, "item.after", verdict=Verdict.COMPLIES)
    backup.stage_restore(store_dir, taken)
    store.close()
    truncate(taken)
    with pytest.raises(UserError) as caught:
        open_store(store_dir, PASS)
    assert caught.value.code == "backup.damaged"
    reopened = open_store(store_dir, PASS)  # the marker is gone: the store is the same
    try:
        assert "item.after" in reopened.inspections.answers(inspection.id)
    finally:
        reopened.close()


def test_rotation_keeps_the_newest_n(store, store_dir):
    taken = [backup.take(store.db, "daily", keep=3) for _ in range(5)]
    assert [b.path for b in backups(store_dir)] == [b.path for b in reversed(taken[2:])]
    assert sorted(p.name for p in (store_dir / "backups").iterdir()) == sorted(b.path.name for b in taken[2:])


def test_a_copy_goes_to_the_extra_folder_and_is_rotated_there(store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    for _ in range(3):
        taken = backup.take(store.db, "daily", keep=2, extra=usb)
    copies = backup.list_backups(usb / backup.EXTRA_FOLDER)
    assert len(copies) == 2 and copies[0].path.name == taken.path.name
    backup.verify(copies[0], store.db.keys)


def test_an_extra_folder_that_is_gone_is_told_and_the_backup_is_still_made(store, store_dir, tmp_path):
    missing = tmp_path / "unplugged"
    missing.touch()  # a file where the folder should be: nothing can be made inside it
    with pytest.raises(UserError) as caught:
        backup.take(store.db, "daily", extra=missing)
    assert caught.value.code == "backup.extra_not_written"
    assert len(backups(store_dir)) == 1


def test_a_migration_is_preceded_by_an_encrypted_backup(store, store_dir, inspection):
    store.inspections.save_answer(inspection.id, "item.1", verdict=Verdict.COMPLIES, note=SECRET_NOTE)
    migrate.downgrade(store.db, "0001")
    keys = store.db.keys
    store.close()
    migrated = open_store(store_dir, PASS)
    migrated.close()
    [taken] = backups(store_dir)
    assert migrated.migration_backup == taken.path
    assert taken.reason == f"before-migration-0001-to-{migrate.HEAD}" and taken.schema == "0001"
    assert b"SQLite format 3" not in taken.database.read_bytes()
    assert SECRET_NOTE.encode() not in taken.database.read_bytes()
    backup.verify(taken, keys)


def test_a_restore_is_done_at_the_next_opening_and_tells_what_it_loses(store, store_dir, inspection, jpeg):
    kept = store.photos.add(inspection.id, "item.kept", jpeg)
    store.inspections.save_answer(inspection.id, "item.kept", verdict=Verdict.COMPLIES)
    taken = backup.take(store.db, "manual")
    assert backup.unsynced_lost(store.db, taken) == []
    store.inspections.save_answer(inspection.id, "item.later", verdict=Verdict.VIOLATED)
    later = store.photos.add(inspection.id, "item.later", jpeg)
    facility = store.facilities.get(inspection.facility_id)
    assert backup.unsynced_lost(store.db, taken) == [
        {
            "name_kk": facility.name_kk,
            "name_ru": facility.name_ru,
            "appointment_date": dt.date.today().isoformat(),
        }
    ]
    (store_dir / "photos" / f"{kept.id}.sealed").unlink()  # lost since: the backup brings it back
    backup.stage_restore(store_dir, taken)
    store.close()
    restored = open_store(store_dir, PASS)
    try:
        answers = restored.inspections.answers(inspection.id)
        assert "item.kept" in answers and "item.later" not in answers
        assert restored.photos.data(kept) == jpeg.read_bytes()
        assert [p.id for p in restored.photos.photos(inspection.id)] == [kept.id]
        assert (store_dir / "photos" / f"{later.id}.sealed").exists()  # young: removed later
    finally:
        restored.close()
    assert backup.pending(store_dir) is None


def test_a_backup_is_due_a_day_after_the_last(store, store_dir):
    assert backup.is_due(store_dir)
    taken = backup.take(store.db, "daily")
    assert not backup.is_due(store_dir)
    assert backup.is_due(store_dir, now=taken.taken_at + dt.timedelta(days=1, seconds=1))


def test_a_backup_copied_to_another_laptop_opens_with_the_passphrase(store, tmp_path, inspection):
    """The backup folder holds the key file: with the passphrase it is a whole store."""
    store.inspections.save_answer(inspection.id, "item.1", verdict=Verdict.COMPLIES)
    taken = backup.take(store.db, "manual")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(taken.path, elsewhere)
    opened = open_store(elsewhere, PASS)
    try:
        assert "item.1" in opened.inspections.answers(inspection.id)
    finally:
        opened.close()
