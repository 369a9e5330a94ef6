"""The kill drill: a writer process is killed (SIGKILL) at a random moment, the store is
reopened and every write it acknowledged is checked. `make drills` runs 1,000 trials and
prints the figures; `test_faults.py` runs a few with the same checker.

Each trial writes to a fresh copy of one template store, and every note it writes carries
the trial's number, so only the trial's own writes can satisfy its checks.

    python -m tests.storage.drill [--trials 1000] [--seed N] [--window 0.25] [--spawn]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType, InspectorProfile
from inspector_app.desktop.storage.store import create_store, open_store, remove_leftovers
from tests.storage import kill_writer

PASS = "correct horse battery"
FAST_SCRYPT = 2**10  # the drill need not resist brute force
ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0  # seconds for a writer to acknowledge its first write


@dataclass(frozen=True)
class Loss:
    kind: str  # "store", "answer" or "photo"
    detail: str


@dataclass
class Acks:
    answers: dict[str, int] = field(default_factory=dict)  # item -> newest acknowledged write
    photos: list[str] = field(default_factory=list)
    count: int = 0  # answers acknowledged, repeats included


def read_acks(text: str) -> Acks:
    acks = Acks()
    for line in text.split("\n")[:-1]:  # a line the kill cut short was never acknowledged
        words = line.split()
        if words[:1] == ["ANSWER"]:
            acks.answers[words[1]] = int(words[2])
            acks.count += 1
        elif words[:1] == ["PHOTO"]:
            acks.photos.append(words[1])
    return acks


@dataclass(frozen=True)
class Template:
    """A closed store with one inspection, copied afresh for every trial."""

    folder: Path
    inspection_id: str
    photo: Path


def make_template(folder: Path, profile: InspectorProfile, photo: Path) -> Template:
    from inspector_app.demo.facilities import demo_facilities

    store = create_store(folder, PASS, profile, scrypt_n=FAST_SCRYPT)
    facility = demo_facilities(1)[0]
    store.facilities.upsert_many([facility])
    inspection = store.inspections.create(
        Inspection(
            id="",
            facility_id=facility.id,
            form_id="school",
            form_version=1,
            form_hash="h",
            type=InspectionType.SCHEDULED,
            mode=InspectionMode.ON_SITE,
            appointment_number="1",
            appointment_date=dt.date.today(),
        )
    )
    store.close()
    return Template(folder, inspection.id, photo)


# --- the checker ---------------------------------------------------------------------------
def check_trial(folder: Path, template: Template, trial: int, acks: Acks) -> tuple[list[Loss], int]:
    """Reopen the killed store and check every acknowledged write; returns the losses and how
    many crash leftovers were removed (all of them, whatever their age)."""
    try:
        store = open_store(folder, PASS)
    except UserError as error:
        return [Loss("store", f"trial {trial}: does not open ({error.code})")], 0
    try:
        with store.db.read() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        losses = [] if integrity == "ok" else [Loss("store", f"trial {trial}: {integrity}")]
        removed = remove_leftovers(store, older_than=0)  # must never take a named file
        losses += check_answers(store, template.inspection_id, trial, acks)
        losses += check_photos(store, template, trial, acks)
    finally:
        store.close()
    return losses, len(removed)


def check_answers(store, inspection_id: str, trial: int, acks: Acks) -> list[Loss]:
    saved = store.inspections.answers(inspection_id)
    losses = []
    for item, n in acks.answers.items():
        answer = saved.get(item)
        found = _written(answer.note, trial) if answer else None
        # a later write, begun but not acknowledged, may have landed too: never an older one
        whole = (
            found is not None
            and kill_writer.item_of(found) == item
            and answer.verdict is kill_writer.verdict_of(found)
        )
        if not whole or found < n:
            losses.append(
                Loss(
                    "answer",
                    f"trial {trial}: {item} acknowledged write {n}, "
                    f"found {answer.note if answer else 'nothing'!r}",
                )
            )
    return losses


def _written(note: str, trial: int) -> int | None:
    words = note.split()
    if len(words) == 4 and words[:3] == ["trial", str(trial), "note"] and words[3].isdigit():
        return int(words[3])
    return None


def check_photos(store, template: Template, trial: int, acks: Acks) -> list[Loss]:
    """Every acknowledged photo reads back as the source; every row's file opens whole."""
    stored = {photo.id: photo for photo in store.photos.photos(template.inspection_id)}
    source = template.photo.read_bytes()
    acknowledged = set(acks.photos)
    losses = [
        Loss("photo", f"trial {trial}: {photo_id} acknowledged, no row")
        for photo_id in acknowledged - stored.keys()
    ]
    for photo in stored.values():
        problem = _read_back(store, photo, source if photo.id in acknowledged else None)
        if problem:
            kind = "acknowledged" if photo.id in acknowledged else "not acknowledged, has a row,"
            losses.append(Loss("photo", f"trial {trial}: {photo.id} {kind} {problem}"))
    return losses


def _read_back(store, photo, source: bytes | None) -> str | None:
    try:
        data = store.photos.data(photo)
    except Exception as error:  # a missing file or a failed seal: the photo is lost either way
        return f"unreadable ({getattr(error, 'code', type(error).__name__)})"
    if hashlib.sha256(data).hexdigest() != photo.sha256:
        return "damaged"
    if source is not None and data != source:
        return "not the photo sent"
    return None


# --- the writer's process ------------------------------------------------------------------
def spawn(folder: Path, template: Template, trial: int, out, behind: bool):
    """A new interpreter running kill_writer, as the test runs it."""
    args = [
        sys.executable,
        "-m",
        "tests.storage.kill_writer",
        str(folder),
        PASS,
        template.inspection_id,
        str(template.photo),
        str(trial),
        *(["--behind"] * behind),
    ]
    return subprocess.Popen(
        args, stdout=out, stderr=out, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )


class Forked:
    """A child forked from this already-loaded process: the drill's trials start in
    milliseconds. It opens the store itself; this process holds no connection at the fork."""

    def __init__(self, folder: Path, template: Template, trial: int, out, behind: bool) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:
            self._child(folder, template, trial, out.fileno(), behind)
        self.returncode = None

    @staticmethod
    def _child(folder: Path, template: Template, trial: int, fd: int, behind: bool) -> None:
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            store = open_store(folder, PASS)
            kill_writer.write_until_killed(store, template.inspection_id, template.photo, trial, behind)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)

    def wait(self) -> int:
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode


# --- trials ----------------------------------------------------------------------------------
@dataclass
class Report:
    trials: int = 0
    answers: int = 0
    photos: int = 0
    leftovers: int = 0
    losses: list[Loss] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # stores with a loss, for a post-mortem


def run_trial(
    template: Template,
    workdir: Path,
    trial: int,
    delay: float,
    report: Report,
    launch=spawn,
    behind: bool = False,
) -> list[Loss]:
    """One trial: copy the template, start the writer, kill it `delay` seconds after its
    first acknowledgement, check. Adds to `report` and returns the trial's losses."""
    folder = workdir / f"trial-{trial}"
    shutil.copytree(template.folder, folder)
    out_path = workdir / f"trial-{trial}.out"
    with open(out_path, "wb", buffering=0) as out:
        writer = launch(folder, template, trial, out, behind)
        try:
            _await_first_ack(writer, out_path)
            time.sleep(delay)
        finally:
            writer.kill()
            writer.wait()
    acks = read_acks(out_path.read_text(errors="replace"))
    losses, removed = check_trial(folder, template, trial, acks)
    report.trials += 1
    report.answers, report.photos = report.answers + acks.count, report.photos + len(acks.photos)
    report.leftovers += removed
    report.losses += losses
    if losses:
        report.kept.append(folder)
    else:
        shutil.rmtree(folder)
        out_path.unlink()
    return losses


def _await_first_ack(writer, out_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while b"\n" not in out_path.read_bytes()[:200]:
        if writer.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the writer did not start: {out_path.read_text(errors='replace')}")
        time.sleep(0.002)


def run(
    template: Template,
    workdir: Path,
    trials: int,
    seed: int,
    window: float,
    launch=spawn,
    behind: bool = False,
) -> Report:
    """`trials` trials, each killed at a moment drawn from [0, window) seconds."""
    rng = random.Random(seed)
    report = Report()
    for trial in range(trials):
        run_trial(template, workdir, trial, rng.uniform(0.0, window), report, launch, behind)
    return report


def drill_profile() -> InspectorProfile:
    return InspectorProfile(
        name="Әсел Қанатқызы Нұрланова",
        position="бас маман",
        body_kk="Бала құқықтарын қорғау комитеті",
        body_ru="Комитет по охране прав детей",
        region="ALA",
        code="K07",
        language="kk",
    )


def make_photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (320, 240), (200, 60, 40)).save(path, "JPEG")
    Image.open(path).verify()  # Pillow's JPEG reader loaded before any fork
    return path


def print_report(report: Report, seconds: float, how: str) -> None:
    print(f"kill drill ({how}): {report.trials:,} trials in {seconds:.1f} s")
    for label, figure in (
        ("acknowledged answers", report.answers),
        ("acknowledged photos", report.photos),
        ("crash leftovers removed", report.leftovers),
        ("losses (goal 0)", len(report.losses)),
    ):
        print(f"  {label:<24}{figure:>10,}")
    for loss in report.losses[:20]:
        print(f"  LOST {loss.kind}: {loss.detail}")
    for folder in report.kept[:5]:
        print(f"  kept for inspection: {folder}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.storage.drill")
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--window", type=float, default=0.25, help="kill within this many seconds")
    parser.add_argument("--spawn", action="store_true", help="a new interpreter per trial (slower)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="kill-drill-"))
    started = time.monotonic()
    template = make_template(workdir / "template", drill_profile(), make_photo(workdir / "photo.jpg"))
    launch = spawn if args.spawn else Forked
    print(f"seed {args.seed}, working in {workdir}", flush=True)
    report = run(template, workdir, args.trials, args.seed, args.window, launch)
    print_report(report, time.monotonic() - started, "spawned" if args.spawn else "forked")
    if report.losses:
        return 1
    shutil.rmtree(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
