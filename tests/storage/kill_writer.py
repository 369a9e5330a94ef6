"""Run by the kill test in a child process: answer items and add photos as fast as possible,
printing an acknowledgement after each call returns (that is, after it is durable)."""
import sys
from pathlib import Path

from inspector_app.domain.models import Verdict
from inspector_app.storage.store import open_store


def main(folder: str, passphrase: str, inspection_id: str, photo: str) -> None:
    store = open_store(Path(folder), passphrase)
    verdicts = list(Verdict)
    for n in range(100000):
        item = f"item.{n % 400}"
        store.inspections.save_answer(inspection_id, item, verdict=verdicts[n % 3], note=f"note {n}")
        print(f"ANSWER {item} {n}", flush=True)
        if n % 25 == 0:
            added = store.photos.add(inspection_id, item, Path(photo))
            print(f"PHOTO {added.id}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
