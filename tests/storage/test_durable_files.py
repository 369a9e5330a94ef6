"""Backups made to undo a migration are whole on disk before they are relied on, a new store's
folder is named durably, and what a crash leaves in the store folder is removed at open."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.storage import backup, files, migrate
from inspector_app.desktop.storage.store import DB_NAME, backups, create_store, open_store, restore_backup
from tests.conftest import FAST_SCRYPT, ROOT

PASS = "correct horse battery"
HOUR_AGO = time.time() - 3600


@pytest.fixture
def fsyncs(monkeypatch) -> list[Path]:
    """The path of every file and folder fsynced from Python, in order."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("naming a descriptor's file needs /proc")
    calls, real = [], os.fsync

    def record(fd: int) -> None:
        calls.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    return calls


def test_a_durable_copy_is_fsynced_then_renamed_then_its_folder_fsynced(tmp_path, fsyncs, monkeypatch):
    source, target = tmp_path / "source", tmp_path / "copies" / "target"
    source.write_bytes(os.urandom(200_000))
    target.parent.mkdir()
    renamed_after, real_replace = [], os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (renamed_after.append(len(fsyncs)), real_replace(a, b)))
    files.copy_durably(source, target)
    assert fsyncs == [(target.parent / "target.tmp").resolve(), target.parent.resolve()]
    assert renamed_after == [1]  # after the copy's data reached the disk, before the folder
    assert target.read_bytes() == source.read_bytes()


def test_a_backup_is_fsynced_whole_then_renamed_then_its_folder_fsynced(
    store, store_dir, inspection, jpeg, fsyncs, monkeypatch
):
    store.photos.add(inspection.id, "item.1", jpeg)
    fsyncs.clear()
    renamed_after, real_replace = [], os.replace
    monkeypatch.setattr(
        os, "replace", lambda a, b: (renamed_after.append((Path(b), len(fsyncs))), real_replace(a, b))
    )
    taken = backup.take(store.db, "manual")
    building = taken.path.with_name(taken.path.name + ".tmp").resolve()
    [at] = [n for b, n in renamed_after if b == taken.path]
    before = set(fsyncs[:at])
    for name in ("store.db", "store.key", "manifest.json.tmp", "photos", *taken.files):
        assert building / name in before, name
    assert building in before  # the names inside it, then the folder itself is renamed
    assert fsyncs[at:] == [taken.path.parent.resolve()]


def test_a_restore_is_fsynced_with_its_folder(store, store_dir, fsyncs):
    taken = backup.take(store.db, "manual")
    keys = store.db.keys
    store.close()
    fsyncs.clear()
    restore_backup(store_dir, taken, keys)
    assert fsyncs[-2:] == [(store_dir / (DB_NAME + ".tmp")).resolve(), store_dir.resolve()]
    assert (store_dir / DB_NAME).read_bytes() == taken.database.read_bytes()


def test_a_new_store_folder_is_named_durably_in_its_parent(tmp_path, profile, fsyncs):
    folder = tmp_path / "data" / "store"
    create_store(folder, PASS, profile, scrypt_n=FAST_SCRYPT).close()
    parent, store_folder = folder.parent.resolve(), folder.resolve()
    assert fsyncs == [
        parent.parent,
        parent,  # `data` named in its parent, then `store` in `data`
        store_folder / "store.key.tmp",
        store_folder,  # the key file, then its name
        store_folder,  # `photos`
        store_folder,
    ]  # the database's own name, once it is made


def run_until_killed(code: str, *args: str) -> None:
    """Run `code` in a new process and SIGKILL it once it prints its first line."""
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as child:
        assert child.stdout.readline(), "the child died before its copy was made"
        child.send_signal(signal.SIGKILL)


STOP_BEFORE_MIGRATING = """
import sys, time
from pathlib import Path
from inspector_app.desktop.storage import migrate
from inspector_app.desktop.storage.store import open_store

def stop(db, action, target):
    print("copied", flush=True)  # the migration would begin here
    time.sleep(60)

migrate._run_alembic = stop
open_store(Path(sys.argv[1]), sys.argv[2])
"""


def test_the_copy_before_a_migration_is_whole_when_killed_before_migrating(store, store_dir, inspection):
    store.inspections.save_answer(inspection.id, "item.1", verdict=Verdict.COMPLIES)
    migrate.downgrade(store.db, "0001")
    store.close()
    keys = store.db.keys
    run_until_killed(STOP_BEFORE_MIGRATING, str(store_dir), PASS)
    [taken] = backups(store_dir)
    assert taken.schema == "0001"
    assert not list(store_dir.glob("*.tmp")) and not list((store_dir / "backups").glob("*.tmp"))
    restore_backup(store_dir, taken, keys)  # checked whole first
    restored = open_store(store_dir, PASS)  # the copy, migrated now, holds the answer
    try:
        assert restored.inspections.answers(inspection.id)["item.1"].verdict is Verdict.COMPLIES
    finally:
        restored.close()


STOP_AFTER_RESTORING = """
import sys, time
from pathlib import Path
from inspector_app.desktop.storage.crypto import unlock
from inspector_app.desktop.storage.store import backups, restore_backup

folder = Path(sys.argv[1])
restore_backup(folder, backups(folder)[0], unlock(folder / "store.key", sys.argv[2]))
print("restored", flush=True)  # the store would be opened here
time.sleep(60)
"""


def test_a_restored_copy_is_whole_when_killed_before_reopening(store, store_dir, inspection):
    store.inspections.save_answer(inspection.id, "item.kept", verdict=Verdict.COMPLIES)
    taken = backup.take(store.db, "manual")
    store.inspections.save_answer(inspection.id, "item.later", verdict=Verdict.VIOLATED)
    store.close()
    with open(store_dir / DB_NAME, "r+b") as handle:
        handle.write(b"\0" * 8192)
    run_until_killed(STOP_AFTER_RESTORING, str(store_dir), PASS)
    assert (store_dir / DB_NAME).read_bytes() == taken.database.read_bytes()
    assert list(store_dir.glob(DB_NAME + ".damaged-*"))  # the damaged file is kept aside
    reopened = open_store(store_dir, PASS)
    try:
        answers = reopened.inspections.answers(inspection.id)
        assert "item.kept" in answers and "item.later" not in answers
    finally:
        reopened.close()


COPY_FOREVER = """
import sys
from pathlib import Path
from inspector_app.desktop.storage.files import copy_durably

print("copying", flush=True)
while True:
    copy_durably(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_kill_during_a_copy_leaves_the_old_file_or_a_whole_copy(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    source.write_bytes(os.urandom(8 * 2**20))
    whole = source.read_bytes()
    for delay in (0.0, 0.01, 0.02, 0.05, 0.1, 0.2):
        target.write_bytes(b"the old file")
        with subprocess.Popen(
            [sys.executable, "-c", COPY_FOREVER, str(source), str(target)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ) as child:
            child.stdout.readline()
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
        assert target.read_bytes() in (b"the old file", whole), delay


def test_a_backup_cut_short_is_never_offered_for_restoring(store, store_dir):
    taken = backup.take(store.db, "manual")
    taken.path.rename(taken.path.with_name(taken.path.name + ".tmp"))  # as a crash leaves it
    assert backups(store_dir) == []
    backup.take(store.db, "manual")
    assert len(list((store_dir / "backups").iterdir())) == 1  # the next backup removed it


def test_open_removes_crash_leftovers_and_never_a_photo_a_row_names(store, store_dir, inspection, jpeg):
    named = store.photos.add(inspection.id, "item.1", jpeg)
    store.close()
    photos = store_dir / "photos"
    named_file = photos / f"{named.id}.sealed"
    orphan = photos / f"{uuid.uuid4()}.sealed"  # its row never committed
    half_sealed = photos / f"{uuid.uuid4()}.sealed.tmp"
    half_copy = store_dir / (DB_NAME + ".before-0006-to-0007.tmp")
    in_flight = photos / f"{uuid.uuid4()}.sealed"  # young: another window may be adding it
    for path in (orphan, half_sealed, half_copy, in_flight):
        path.write_bytes(b"leftover")
    for path in (named_file, orphan, half_sealed, half_copy):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    reopened = open_store(store_dir, PASS)
    try:
        assert not orphan.exists() and not half_sealed.exists() and not half_copy.exists()
        assert in_flight.exists()
        assert reopened.photos.data(named) == jpeg.read_bytes()  # old, but its row names it
    finally:
        reopened.close()
