"""A day's work over a rural link: one inspection of 300 answers and 20 phone photos.

The laptop's real path: an encrypted store (`create_store`), the answers saved one by one,
each 4-6 MB camera picture added with `store.photos.add` (reduced to 2,048 px, JPEG q85, as
in the app), then one `SyncService.run_once` of the desktop sync client, as the app builds
it, pushing to a real server process (SQLite) through the fault proxy's emulated link:

- 256 kbit/s each way: a token bucket shared by every connection, no burst;
- 300 ms round trip: every segment released 150 ms after the link carried it (pipelined, so
  the delay is paid once per burst, not once per chunk);
- 1% loss as TCP feels it: each 1,460-byte segment is lost with probability 0.01 (seeded),
  carried again (its bytes counted again) after the connection waited a retransmission
  timeout of 200 ms + the round trip, while the link serves the other connections;
- a new connection's first bytes leave one round trip after it was opened (the handshake).
TCP/IP headers, ACKs, slow start and TLS are not modelled (see `tests.kit.link`).

Figures: the bytes the link carried both ways (retransmissions included) and the time of the
pass, against the floor of the bandwidth: the bytes the link carried client to server x 8 /
256,000 s (the direction the day's work goes; the answers come back on the other direction,
a link of its own). Beside it, with no goal: the same time against the least this link
allows for those bytes (the floor + one round trip for the handshake + one for the last
bytes' way there and the answer's way back), the seconds connections waited on
retransmission timeouts (the other connection's bytes use the link meanwhile), and the
requests made.

Camera pictures take seconds each to make; they are kept in a cache folder under the temp
directory, so the second run starts at once.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import requests

from benchmarks.common import reported, row
from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.domain.models import (
    FacilityKind,
    Inspection,
    InspectionMode,
    InspectionType,
    InspectorProfile,
    Person,
    Verdict,
)
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.storage.store import create_store
from inspector_app.desktop.sync.http import RetryPolicy
from inspector_app.desktop.sync.service import SyncService, enrol
from sync.server.persistence.db import Database, migrate
from sync.server.services.seed import DEMO_PASSWORD, seed_demo
from tests.kit.camera_photos import camera_photo
from tests.kit.faultproxy import FaultProxy
from tests.kit.forms import synthetic_form_yaml
from tests.kit.link import RURAL
from tests.kit.server import ServerProcess

ANSWERS, PHOTOS, QUICK_PHOTOS = 300, 20, 4
BYTES_GOAL_MB, TIME_GOAL = 12.0, 1.15
CACHE = Path(tempfile.gettempdir()) / "inspector-bench-camera"
APP_RETRY = RetryPolicy(attempts=3, base_delay=0.5, max_delay=5.0)  # as the sync controller has it


def run(quick: bool = False) -> list[dict]:
    photos = QUICK_PHOTOS if quick else PHOTOS
    with tempfile.TemporaryDirectory(prefix="bench-rural-") as folder:
        root = Path(folder)
        server = _fresh_server(root)
        try:
            return _day_over_link(root, server, photos)
        finally:
            server.stop()


def camera_pictures(count: int) -> list[Path]:
    """`count` phone pictures (4-6 MB each), made once and kept in the cache folder."""
    CACHE.mkdir(exist_ok=True)
    paths = []
    for seed in range(count):
        path = CACHE / f"camera-{seed}.jpg"
        if not path.exists():
            partial = path.with_suffix(".part")
            partial.write_bytes(camera_photo(seed))
            partial.replace(path)
        paths.append(path)
    return paths


def _fresh_server(root: Path) -> ServerProcess:
    url = f"sqlite:///{root / 'server.db'}"
    migrate(url)
    db = Database(url)
    with db.write() as session:
        seed_demo(session)
    db.dispose()
    return ServerProcess(url, root / "blobs", root / "server.log").start()


def laptop(root: Path, server_url: str):
    """An enrolled laptop with the reference data pulled, and a checklist of `ANSWERS` items."""
    forms = root / "forms"
    forms.mkdir()
    (forms / "synthetic.v1.yaml").write_text(synthetic_form_yaml(ANSWERS), encoding="utf-8")
    profile = InspectorProfile("Әсел Қанатқызы", "бас маман", "Комитет", "Комитет", "AST", "K07")
    store = create_store(root / "store", "correct horse battery", profile)
    catalogue = FormCatalogue.load(forms, root / "received-forms")
    adapter = StoreSyncAdapter(store, catalogue, root / "received-forms")
    enrol(adapter, requests.Session(), server_url, "inspector", DEMO_PASSWORD, "rural laptop")
    SyncService(adapter, retry=APP_RETRY).run_once()  # the register and forms, over a good link
    return store, next(f for f in catalogue.forms if f.id == "synthetic"), adapter


def days_work(store, form, pictures: list[Path]) -> str:
    """One inspection: every item answered one by one, a photo on each of the first
    violated items; returns its id."""
    school = store.facilities.search("", kind=FacilityKind.SCHOOL)[0]
    inspection = store.inspections.create(
        Inspection(
            id="",
            facility_id=school.id,
            form_id=form.id,
            form_version=form.version,
            form_hash=form.content_hash,
            type=InspectionType.SCHEDULED,
            mode=InspectionMode.ON_SITE,
            appointment_number="R-1",
            appointment_date=dt.date.today(),
            inspectors=[Person("Әсел Қанатқызы", "бас маман")],
        )
    )
    violated = []
    for n, item in enumerate(form.items()):
        if item.kind is AnswerKind.VERDICT:
            verdict = Verdict.VIOLATED if n % 7 == 0 else Verdict.COMPLIES
            note = "Тексеру кезінде анықталды / выявлено при проверке" if verdict is Verdict.VIOLATED else ""
            store.inspections.save_answer(inspection.id, item.id, verdict=verdict, note=note)
            if verdict is Verdict.VIOLATED:
                violated.append(item.id)
        else:
            store.inspections.save_answer(inspection.id, item.id, value=_value(item))
    for n, picture in enumerate(pictures):
        store.photos.add(inspection.id, violated[n % len(violated)], picture)
    return inspection.id


def _value(item) -> str:
    if item.kind is AnswerKind.NUMBER:
        return str(int(item.minimum or 0) + 3)
    if item.kind is AnswerKind.CHOICE:
        return item.choices[0].value
    if item.kind is AnswerKind.DATE:
        return dt.date.today().isoformat()
    return "Мәтін / текст"


def _day_over_link(root: Path, server: ServerProcess, photos: int) -> list[dict]:
    pictures = camera_pictures(photos)
    store, form, adapter = laptop(root, server.url)
    try:
        inspection_id = days_work(store, form, pictures)
        reduced = sum(len(store.photos.data(p)) for p in store.photos.photos(inspection_id))
        with FaultProxy(server.port, link=RURAL) as proxy:
            store.reference.set_setting("sync.server_url", proxy.url)
            service = SyncService(adapter, retry=APP_RETRY)
            start = time.perf_counter()
            report = service.run_once()
            took = time.perf_counter() - start
            assert report.synced == 1 and not adapter.pending_record_ids(), report
            up, down = proxy.up_wire, proxy.down_wire
        return _rows(photos, reduced, took, up, down, report.requests, proxy.connections)
    finally:
        store.close()


def _rows(
    photos: int, reduced: int, took: float, up, down, requests_made: int, connections: int
) -> list[dict]:
    floor = up.carried / RURAL.rate
    wire_mb = (up.carried + down.carried) / 1e6
    least = floor + 2 * RURAL.rtt  # the handshake, and the last bytes' trip there and the answer's back
    name = f"1 inspection, {ANSWERS} answers + {photos} photos over the link"
    return [
        reported(f"photos as reduced on the laptop ({photos} from 4-6 MB)", reduced / 1e6, "MB"),
        row(
            "bytes the link carried, both ways (retransmissions incl.)",
            wire_mb,
            "MB",
            f"<= {BYTES_GOAL_MB:g} MB",
            wire_mb <= BYTES_GOAL_MB,
        ),
        reported(
            f"  of which carried again after {up.losses + down.losses} losses",
            (up.retransmitted + down.retransmitted) / 1e6,
            "MB",
        ),
        row(f"{name}: time", took, "s", f"<= {TIME_GOAL}x up B*8/256k", took <= TIME_GOAL * floor, floor),
        reported("  against the floor + 2 round trips (handshake, answer)", took, "s", least),
        reported("  connections waited on retransmission timeouts", up.stalled + down.stalled, "s"),
        reported(f"  requests made ({connections} connections)", requests_made, ""),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table("bench_rural", run(quick="--quick" in sys.argv))
