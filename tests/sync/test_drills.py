"""Fault drills: random drops, 5xx, stalls and a server restart mid-push; a slow lossy link."""

from __future__ import annotations

import random
import threading

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core.domain.errors import UserError
from inspector_app.desktop.sync.http import RetryPolicy
from sync.server.persistence.models import AttachmentRow, InspectionRevision, InspectionRow
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.kit.faultproxy import Fault, FaultProxy
from tests.sync.api import API
from tests.sync.client_helpers import enrolled_store, point_at, service
from tests.sync.conftest import enrol

TRIALS = 30
RECORDS = 12


def _fill(store, count: int, photos_each: int, size: int) -> dict[str, bytes]:
    every = {}
    for n in range(count):
        photos = {str(i): photo_bytes(size, 1000 * n + i) for i in range(photos_each)}
        every.update({sha256(d): d for d in photos.values()})
        store.add(
            inspection(demo_facility("AST"), answers=40, seed=500 + n, photos=photos),
            {sha256(d): d for d in photos.values()},
        )
    return every


@pytest.mark.slow
def test_random_faults_and_a_restart_leave_one_copy_of_everything(server, seeded_url):
    store = enrolled_store(server.url)
    photos = _fill(store, RECORDS, 2, 120_000)
    rng = random.Random(7)
    proxy = FaultProxy(server.port, plan=lambda n: Fault.random(rng, 0.35, 400_000))
    restarted = threading.Event()

    def restart_mid_push(total: int) -> None:
        if total > 900_000 and not restarted.is_set():
            restarted.set()
            threading.Thread(target=server.restart, daemon=True).start()

    proxy.on_bytes_up = restart_mid_push
    point_at(store, proxy.url)
    sync = service(
        store, batch_size=3, retry=RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.3), timeout=(1.0, 3.0)
    )
    failures = 0
    with proxy:
        for _ in range(TRIALS):
            try:
                sync.run_once()
            except UserError as error:
                if error.code not in ("sync.offline", "sync.server_unavailable"):
                    raise
                failures += 1
            if not store.pending_record_ids() and restarted.is_set():
                break
    assert restarted.is_set() and proxy.faults, "the drill injected no faults"
    point_at(store, server.url)
    service(store).run_once()  # the network is good again
    assert store.pending_record_ids() == []
    _assert_server_holds_exactly(server, seeded_url, store, photos)


def _assert_server_holds_exactly(server, url, store, photos) -> None:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        records = connection.execute(sa.select(InspectionRow.id, InspectionRow.revision)).all()
        revisions = connection.scalar(sa.select(sa.func.count()).select_from(InspectionRevision))
        verified = set(connection.scalars(sa.select(AttachmentRow.sha256)))
    engine.dispose()
    assert sorted(r.id for r in records) == sorted(store.records)
    assert {r.revision for r in records} == {1} and revisions == len(store.records)
    assert verified == set(photos)
    headers = enrol(server.url, "inspector")
    for sha, data in photos.items():
        got = requests.get(f"{server.url}{API}/attachments/{sha}", headers=headers, timeout=30)
        assert got.content == data


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_slow_lossy_link_resumes_an_interrupted_photo(server):
    """256 kbit/s, 300 ms one-way delay, and the link cut in the middle of the third photo."""
    store = enrolled_store(server.url)
    photos = {str(i): photo_bytes(200_000, 900 + i) for i in range(5)}
    store.add(
        inspection(demo_facility("AST"), seed=900, photos=photos), {sha256(d): d for d in photos.values()}
    )
    proxy = FaultProxy(server.port, bandwidth=32_000, latency=0.3)
    cut = threading.Event()

    def cut_mid_photo(total: int) -> None:
        if total > 500_000 and not cut.is_set():
            cut.set()
            proxy.close_connections()

    proxy.on_bytes_up = cut_mid_photo
    point_at(store, proxy.url)
    sync = service(store, timeout=(5.0, 30.0))
    with proxy:
        report = sync.run_once()
    assert cut.is_set() and report.synced == 1
    total = sum(len(d) for d in photos.values())
    resent = report.attachment_bytes_sent - total
    assert 0 < resent <= sync.chunk_size * 2, (resent, sync.chunk_size)
    assert proxy.bytes_up - total < 64 * 1024 + 60_000  # one chunk plus JSON and headers
