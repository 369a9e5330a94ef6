"""Faults: a killed process, a full disk and a read-only folder lose nothing acknowledged."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.storage.store import open_store
from tests.conftest import ROOT
from tests.storage import drill

PASS = drill.PASS
TRIALS = 12


@pytest.fixture
def template(tmp_path, profile, jpeg) -> drill.Template:
    return drill.make_template(tmp_path / "template", profile, jpeg)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_write(template, tmp_path):
    """Each trial a fresh store and a new writer process, killed at a random moment: every
    answer and photo it acknowledged reads back after reopening."""
    report = drill.run(template, tmp_path, TRIALS, seed=20261121, window=0.4, launch=drill.spawn)
    assert report.losses == []
    assert report.answers > 10 * TRIALS and report.photos >= TRIALS  # real work before each kill


@pytest.mark.slow
def test_kill_check_reports_writes_acknowledged_before_they_are_durable(template, tmp_path):
    """The same check, on a writer that acknowledges first and writes later, finds the loss."""
    report = drill.Report()
    for trial in range(8):
        drill.run_trial(template, tmp_path, trial, 0.1, report, drill.spawn, behind=True)
        if {loss.kind for loss in report.losses} == {"answer", "photo"}:
            break
    kinds = {loss.kind for loss in report.losses}
    assert kinds == {"answer", "photo"}, report.losses
    assert report.kept  # the store that lost a write is kept for a post-mortem


@pytest.mark.slow
def test_drill_prints_its_figures_and_passes():
    """`make drills` in small: forked writers, the same check, the figures printed."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.storage.drill", "--trials", "5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 trials" in result.stdout and "losses (goal 0)" in result.stdout


@pytest.fixture
def small_disk(tmp_path):
    """A small file system of its own, so filling it harms nothing else."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], capture_output=True
    )
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
    import datetime as dt

    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType
    from inspector_app.demo.facilities import demo_facilities
    from inspector_app.desktop.storage.store import create_store
    from tests.conftest import FAST_SCRYPT

    store = create_store(folder / "store", PASS, profile, scrypt_n=FAST_SCRYPT)
    facility = demo_facilities(1)[0]
    store.facilities.upsert_many([facility])
    inspection = store.inspections.create(
        Inspection(
            "",
            facility.id,
            "school",
            1,
            "h",
            InspectionType.SCHEDULED,
            InspectionMode.ON_SITE,
            "1",
            dt.date.today(),
        )
    )
    return store, inspection


def test_disk_full_refuses_the_answer_and_keeps_what_was_saved(small_disk, profile, jpeg):
    store, inspection = make_store(small_disk, profile)
    for n in range(20):
        store.inspections.save_answer(inspection.id, f"item.{n}", verdict=Verdict.COMPLIES)
    filler = fill(small_disk)
    with pytest.raises(UserError) as caught:  # noqa: PT012  (one action: answer until the disk refuses)
        for n in range(20, 5000):  # the WAL grows until the disk refuses
            store.inspections.save_answer(
                inspection.id, f"item.{n}", verdict=Verdict.VIOLATED, note="x" * 2000
            )
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

        def reopen_and_answer() -> None:
            reopened = open_store(folder / "store", PASS)
            reopened.inspections.save_answer(inspection.id, "item.2", verdict=Verdict.VIOLATED)

        with pytest.raises(UserError) as caught:
            reopen_and_answer()
        assert caught.value.code in ("store.read_only", "store.corrupt")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    reopened = open_store(folder / "store", PASS)
    assert reopened.inspections.answers(inspection.id)["item.1"].verdict is Verdict.COMPLIES
    reopened.close()
