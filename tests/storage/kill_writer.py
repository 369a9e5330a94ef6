"""The writer the kill drill kills: it answers items and adds photos as fast as it can and
prints an acknowledgement after each call returns (that is, once the store calls it durable).

Every note carries the trial's number, so no other trial's value can pass for this one's.
`--behind` is a broken double that proves the check can fail: like a write-back cache, it
acknowledges each answer at once but saves it only with the next one, and writes each
photo's file only when the next photo comes.

    python -m tests.storage.kill_writer FOLDER PASSPHRASE INSPECTION PHOTO TRIAL [--behind]
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.storage import photos as photo_module
from inspector_app.desktop.storage.store import Store, open_store

ITEMS = 400
PHOTO_EVERY = 25
VERDICTS = list(Verdict)


def item_of(n: int) -> str:
    return f"item.{n % ITEMS}"


def verdict_of(n: int) -> Verdict:
    return VERDICTS[n % len(VERDICTS)]


def note_of(trial: int, n: int) -> str:
    return f"trial {trial} note {n}"


def ack(*words) -> None:
    print(*words, flush=True)  # one write() per line: in the kernel's hands before the next call


def write_until_killed(
    store: Store, inspection_id: str, photo: Path, trial: int, behind: bool = False
) -> None:
    if behind:
        _write_photo_files_late()
    for n in itertools.count():
        if behind:
            ack("ANSWER", item_of(n), n)
        if not behind or n > 0:
            written = n - 1 if behind else n
            store.inspections.save_answer(
                inspection_id, item_of(written), verdict=verdict_of(written), note=note_of(trial, written)
            )
        if not behind:
            ack("ANSWER", item_of(n), n)
        if n % PHOTO_EVERY == 0:
            ack("PHOTO", store.photos.add(inspection_id, item_of(n), photo).id)


def _write_photo_files_late() -> None:
    """Hold each sealed file back until the next photo comes: the row commits without it."""
    pending = []
    write_now = photo_module.write_atomically

    def write_late(path: Path, data: bytes) -> None:
        pending.append((path, data))
        if len(pending) > 1:
            write_now(*pending.pop(0))

    photo_module.write_atomically = write_late


def main(folder: str, passphrase: str, inspection_id: str, photo: str, trial: str, *flags: str) -> None:
    store = open_store(Path(folder), passphrase)
    write_until_killed(store, inspection_id, Path(photo), int(trial), behind="--behind" in flags)


if __name__ == "__main__":
    main(*sys.argv[1:])
