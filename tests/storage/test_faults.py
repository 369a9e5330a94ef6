"""Faults: a killed process, a full disk and a read-only folder lose nothing acknowledged."""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app.domain.errors import UserError
from inspector_app.domain.models import Verdict
from inspector_app.storage.store import open_store
from tests.conftest import ROOT

PASS = "correct horse battery"
TRIALS = 12


def read_acks(lines: list[str]):
    answers, photos = {}, []
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ANSWER":
            answers[parts[1]] = f"note {parts[2]}"
        elif len(parts) == 2 and parts[0] == "PHOTO":
            photos.append(parts[1])
    return answers, photos


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_answer(store, store_dir, inspection, jpeg):
    store.close()
    rng = random.Random(20261121)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    total = 0
    for trial in range(TRIALS):
        with subprocess.Popen(
                [sys.executable, "-m", "tests.storage.kill_writer", str(store_dir), PASS,
                 inspection.id, str(jpeg)], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                env=env) as child:
            first = child.stdout.readline()  # the store is open and writing
            assert first, "the writer did not start"
            time.sleep(rng.uniform(0.05, 0.6))
            child.send_signal(signal.SIGKILL)
            rest = child.stdout.read().splitlines()
        answers, photos = read_acks([first, *rest])
        total += len(answers)
        reopened = open_store(store_dir, PASS)
        try:
            with reopened.db.read() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            saved = reopened.inspections.answers(inspection.id)
            for item, note in answers.items():
                # a later, unacknowledged write may have landed too: never an older one
                assert int(saved[item].note.split()[1]) >= int(note.split()[1]), (trial, item)
            stored = {p.id: p for p in reopened.photos.photos(inspection.id)}
            for photo_id in photos:
                assert reopened.photos.data(stored[photo_id]) == jpeg.read_bytes()
        finally:
            reopened.close()
    assert total > TRIALS  # the writer did real work before each kill


@pytest.fixture
def small_disk(tmp_path):
    """A small file system of its own, so filling it harms nothing else."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("mounting a small file system needs root: " + result.stderr.decode())
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def make_store(folder: Path, profile):
    from inspector_app.demo import demo_facilities
    from inspector_app.domain.models import Inspection, InspectionMode, InspectionType
    from inspector_app.storage.store import create_store
    from tests.conftest import FAST_SCRYPT
    import datetime as dt

    store = create_store(folder / "store", PASS, profile, scrypt_n=FAST_SCRYPT)
    facility = demo_facilities(1)[0]
    store.facilities.upsert_many([facility])
    inspection = store.inspections.create(Inspection(
        "", facility.id, "school", 1, "h", InspectionType.SCHEDULED, InspectionMode.ON_SITE,
        "1", dt.date.today()))
    return store, inspection


def test_disk_full_refuses_the_answer_and_keeps_what_was_saved(small_disk, profile, jpeg):
    store, inspection = make_store(small_disk, profile)
    for n in range(20):
        store.inspections.save_answer(inspection.id, f"item.{n}", verdict=Verdict.COMPLIES)
    filler = fill(small_disk)
    with pytest.raises(UserError) as caught:
        for n in range(20, 5000):  # the WAL grows until the disk refuses
            store.inspections.save_answer(inspection.id, f"item.{n}", verdict=Verdict.VIOLATED,
                                          note="x" * 2000)
    assert caught.value.code == "store.disk_full"
    assert "Освободите место" in caught.value.message("ru")
    with pytest.raises(UserError) as photo_error:
        store.photos.add(inspection.id, "item.1", jpeg)
    assert photo_error.value.code == "store.disk_full"
    failed_at = n
    store.close()
    filler.unlink()
    reopened = open_store(small_disk / "store", PASS)
    answers = reopened.inspections.answers(inspection.id)
    assert all(answers[f"item.{k}"].verdict is Verdict.COMPLIES for k in range(20))
    assert f"item.{failed_at}" not in answers  # the refused answer was not half-saved
    with reopened.db.read() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    reopened.close()


def test_read_only_folder_refuses_the_answer_and_keeps_what_was_saved(tmp_path, profile):
    folder = tmp_path / "ro"
    folder.mkdir()
    store, inspection = make_store(folder, profile)
    store.inspections.save_answer(inspection.id, "item.1", verdict=Verdict.COMPLIES)
    store.close()
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("bind mounts need root: " + bind.stderr.decode())
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        with pytest.raises(UserError) as caught:
            reopened = open_store(folder / "store", PASS)
            reopened.inspections.save_answer(inspection.id, "item.2", verdict=Verdict.VIOLATED)
        assert caught.value.code in ("store.read_only", "store.corrupt")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    reopened = open_store(folder / "store", PASS)
    assert reopened.inspections.answers(inspection.id)["item.1"].verdict is Verdict.COMPLIES
    reopened.close()
