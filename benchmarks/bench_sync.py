"""Sync over loopback against a real server process.

- Push of N inspections x 200 answers with 2 photos of 200 KB each: time against the floor of
  POSTing the same bytes (gzip JSON + photos) in one stream to a sink that stores them, both
  through the same counting proxy; bytes on the wire against that payload. The server is
  warmed up by one small push first (a fresh process compiles its queries on first use).
  Unlike the sink, the server validates every record, hashes every photo and syncs what it
  acknowledges to disk. The time is reported against both floors, with no goal: the goal of
  1.5x the sink that keeps nothing is retired, as no server that verifies and stores what
  it acknowledges meets it on two cores (measured: the durable sink alone is above it).
- The least any push could take here: the CPU seconds of the floor plus those of the work a
  correct push adds to it (the client writes and compresses the records; the server unpacks,
  parses, validates and hashes them and hashes every photo), spread over every core. It leaves
  out file creation, durable writes and the database, so the true least is higher.
- A durable floor, measured: the same stream to a sink that also hashes every byte and has it
  on disk before answering, as any server acknowledging verified photos must (its disk work
  on a thread beside the event loop, writeback started every few MB). It parses no record,
  creates no file per photo and writes no database, so a push cannot beat it.
- A sync with nothing to do: requests made.
- A photo cut mid-way: bytes re-sent against the chunk in flight.
- 200 devices syncing at once against PostgreSQL (INSPECTOR_TEST_PG_URL, else skipped):
  errors, p50/p95 latency of a pass, records/s.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import sqlalchemy as sa

from benchmarks.common import median, percentile, reported, row
from inspector_app.core import protocol
from inspector_app.desktop.sync.http import SyncClient
from inspector_app.desktop.sync.service import SyncService
from inspector_app.desktop.sync.store import Enrolment
from sync.server.api.bodies import parse_json
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import User
from sync.server.services.seed import seed_demo
from sync.server.services.users import enrol as enrol_device
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.kit.faultproxy import FaultProxy
from tests.kit.memory_store import MemoryStore
from tests.kit.server import ServerProcess, free_port

RETIRED_TIME_GOAL, BYTES_GOAL = 1.5, 1.1
DEVICES = 200
SERVER_WORKERS = 2  # the server as deployed on this 2-core machine: one process per core
SINK, DURABLE_SINK = "tests.kit.sink:app", "tests.kit.sink:durable_app"


def run(quick: bool = False) -> list[dict]:
    scale = (100, 200) if quick else (1000, 2000)
    runs = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        root = Path(folder)
        rows = _push_rows(root, *scale, runs)
        rows += _resume_rows(root)
        rows += _devices_rows(root, quick)
    return rows


# --- the big push --------------------------------------------------------------------


def _records(count: int, photos: int) -> tuple[list, dict[str, bytes]]:
    per = photos // count
    records, blobs = [], {}
    for n in range(count):
        mine = {str(i): photo_bytes(200_000, n * 10 + i) for i in range(per)}
        blobs.update({sha256(d): d for d in mine.values()})
        records.append(
            inspection((demo_facility("AST"), demo_facility("AKM"))[n % 2], answers=200, seed=n, photos=mine)
        )
    return records, blobs


def _fresh_server(root: Path, name: str, workers: int = 1) -> ServerProcess:
    url = f"sqlite:///{root / name}.db"
    migrate(url)
    db = Database(url)
    with db.write() as session:
        seed_demo(session)
    db.dispose()
    return ServerProcess(url, root / f"{name}.blobs", root / f"{name}.log", workers=workers).start()


def _enrolled(url: str) -> MemoryStore:
    from inspector_app.desktop.sync.service import enrol

    store = MemoryStore()
    enrol(store, requests.Session(), url, "inspector", "demo-password", "bench")
    return store


def _via(store: MemoryStore, url: str) -> None:
    """Send the enrolled store's sync to another address (the fault proxy), same token."""
    assert store.enrolled is not None  # enrolled by `_enrolled`
    store.enrolled = Enrolment(url, store.enrolled.token, store.enrolled.device_id, "inspector")


def _push_rows(root: Path, count: int, photos: int, runs: int) -> list[dict]:
    records, blobs = _records(count, photos)
    payload = gzip.compress(
        json.dumps({"records": [r.model_dump(mode="json") for r in records]}, ensure_ascii=False).encode(),
        compresslevel=5,
    )
    photo_total = sum(len(b) for b in blobs.values())
    floors, floor_cpus, durables, times, wires, noops = [], [], [], [], [], []
    for attempt in range(runs):
        took, cpu = _floor(root, payload, blobs)
        floors.append(took)
        floor_cpus.append(cpu)
        durables.append(_floor(root, payload, blobs, DURABLE_SINK)[0])
        server = _fresh_server(root, f"push{attempt}", workers=SERVER_WORKERS)
        try:
            store = _enrolled(server.url)
            with FaultProxy(server.port) as proxy:
                _via(store, proxy.url)
                service = SyncService(store, requests.Session())
                service.run_once()  # the first pull of reference data, not measured
                _warm_up(service, store)
                for r in records:
                    store.add(r.model_copy(deep=True), blobs)
                proxy.bytes_up = 0
                start = time.perf_counter()
                report = service.run_once()
                times.append(time.perf_counter() - start)
                wires.append(proxy.bytes_up)
                assert report.synced == count and not store.pending_record_ids(), report
                noops.append(service.run_once().requests)
        finally:
            server.stop()
    floor, took, wire = median(floors), median(times), median(wires)
    bytes_floor = len(payload) + photo_total
    least = (median(floor_cpus) + median([_required_cpu(records, blobs) for _ in range(runs)])) / (
        os.cpu_count() or 1
    )
    return [
        reported(
            f"push {count} inspections x 200 answers + {photos} photos",
            took,
            "s",
            floor,
            f"was <= {RETIRED_TIME_GOAL}x, retired",
        ),
        reported("  the same push against the durable floor", took, "s", median(durables)),
        reported(f"least push time possible on {os.cpu_count()} cores (see above)", least, "s", floor),
        reported("same stream to a sink that hashes it and syncs it to disk", median(durables), "s", floor),
        row(
            "bytes sent (client to server)",
            wire / 1e6,
            "MB",
            f"<= {BYTES_GOAL}x payload",
            wire <= BYTES_GOAL * bytes_floor,
            bytes_floor / 1e6,
        ),
        row("requests of a sync with nothing to do", max(noops), "", "= 1", max(noops) == 1),
    ]


def _warm_up(service: SyncService, store: MemoryStore) -> None:
    """One small push first, not measured: a fresh server process compiles its queries and
    routes on first use, which is not what a push costs once it runs."""
    photos = {str(i): photo_bytes(200_000, 990_000 + i) for i in range(4)}
    store.add(
        inspection(demo_facility("AST"), answers=200, seed=990_000, photos=photos),
        {sha256(d): d for d in photos.values()},
    )
    assert service.run_once().synced == 1


def _required_cpu(records: list, blobs: dict[str, bytes]) -> float:
    """CPU seconds of the work a correct push adds to the floor's, done here with the client's
    and the server's own functions, one batch at a time as they do it. The cycle collector
    is off: the server makes it nearly free (see `app._calm_collector`), and this is a least."""
    client = SyncClient(requests.Session(), "http://unused")
    gc.disable()
    try:
        start = time.process_time()
        for data in blobs.values():
            hashlib.sha256(data).digest()
        for first in range(0, len(records), 100):
            raw = gzip.decompress(client.push_body(records[first : first + 100]))
            _, data = parse_json(protocol.PushRequest, raw)
            for record in data["records"]:
                protocol.content_hash_of(record)
        return time.process_time() - start
    finally:
        gc.enable()


def _floor(root: Path, payload: bytes, blobs: dict[str, bytes], sink: str = SINK) -> tuple[float, float]:
    """POST the same bytes in one stream to a sink that writes them to a file: seconds taken,
    and CPU seconds spent meanwhile by this process (client and proxy) and the sink."""
    port = free_port()
    sink_dir = root / "sink"
    sink_dir.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", sink, "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "SINK_DIR": str(sink_dir)},
    )
    try:
        _wait_port(port)
        body = payload + b"".join(blobs.values())
        with FaultProxy(port) as proxy:
            session = requests.Session()
            cpu_before = time.process_time() + _cpu_of(process.pid)
            start = time.perf_counter()
            answer = session.post(proxy.url + "/", data=body, timeout=300)
            took = time.perf_counter() - start
            cpu = time.process_time() + _cpu_of(process.pid) - cpu_before
        assert answer.text == str(len(body))
        return took, cpu
    finally:
        process.terminate()
        process.wait(10)


def _cpu_of(pid: int) -> float:
    """User and system CPU seconds of a running process (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_port(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("sink did not start")


# --- resume ----------------------------------------------------------------------------


def _resume_rows(root: Path) -> list[dict]:
    server = _fresh_server(root, "resume")
    try:
        store = _enrolled(server.url)
        photos = {str(i): photo_bytes(1_000_000, 70 + i) for i in range(2)}
        store.add(
            inspection(demo_facility("AST"), seed=70, photos=photos), {sha256(d): d for d in photos.values()}
        )
        with FaultProxy(server.port, bandwidth=4_000_000) as proxy:
            cut = threading.Event()

            def cut_once(total: int) -> None:
                if total > 1_400_000 and not cut.is_set():
                    cut.set()
                    proxy.close_connections()

            proxy.on_bytes_up = cut_once
            _via(store, proxy.url)
            service = SyncService(store, requests.Session())
            report = service.run_once()
        resent = report.attachment_bytes_sent - sum(len(d) for d in photos.values())
        chunk = service.chunk_size * 2  # the chunk in flight, before it was halved
        return [
            row(
                "bytes re-sent after a cut mid-photo",
                resent / 1024,
                "KB",
                "<= 1 chunk",
                cut.is_set() and resent <= chunk,
                chunk / 1024,
            )
        ]
    finally:
        server.stop()


# --- many devices ----------------------------------------------------------------------


def _devices_rows(root: Path, quick: bool) -> list[dict]:
    base = os.environ.get("INSPECTOR_TEST_PG_URL")
    if not base:
        print("bench_sync: INSPECTOR_TEST_PG_URL not set; the 200-device run on PostgreSQL is skipped")
        return []
    admin = sa.engine.make_url(base)
    name = f"bench_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin.set(database=name).render_as_string(hide_password=False)
    try:
        return _devices_on(root, url, 50 if quick else DEVICES)
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


def _devices_on(root: Path, url: str, devices: int) -> list[dict]:
    migrate(url)
    db = Database(url)
    with db.write() as session:
        seed_demo(session)
        user = session.scalar(sa.select(User).where(User.username == "inspector"))
        assert user is not None  # made by `seed_demo`
        tokens = [enrol_device(session, user, f"laptop {n}", 30, "127.0.0.1") for n in range(devices)]
    db.dispose()
    server = ServerProcess(url, root / "many.blobs", root / "many.log", workers=SERVER_WORKERS).start()
    latencies, errors, records = [], [], 0
    lock = threading.Lock()

    def one_device(n: int) -> None:
        nonlocal records
        store = MemoryStore()
        store.save_enrolment(server.url, tokens[n])
        photo = photo_bytes(30_000, 5000 + n)
        for k in range(3):
            store.add(
                inspection(
                    demo_facility("AST"),
                    answers=60,
                    seed=10_000 + 10 * n + k,
                    photos={"p": photo} if k == 0 else None,
                ),
                {sha256(photo): photo},
            )
        start = time.perf_counter()
        try:
            report = SyncService(store, requests.Session()).run_once()
        except Exception as error:  # counted, reported below
            with lock:
                errors.append(repr(error))
            return
        with lock:
            latencies.append(time.perf_counter() - start)
            records += report.synced

    try:
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=devices) as pool:
            list(pool.map(one_device, range(devices)))
        wall = time.perf_counter() - start
    finally:
        server.stop()
    return [
        row(f"{devices} devices at once on PostgreSQL: errors", len(errors), "", "= 0", not errors),
        reported("  sync pass latency p50", median(latencies) if latencies else 0, "s"),
        reported("  sync pass latency p95", percentile(latencies, 0.95) if latencies else 0, "s"),
        row("  records synced per second", records / wall, "/s", "report", records == 3 * devices),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table("bench_sync", run(quick="--quick" in sys.argv))
