"""A rural link (256 kbit/s, 300 ms round trip, 1% segment loss, see `tests.kit.link`) cut in
the middle of a photo: what crosses the link again after the resume is at most one chunk."""

from __future__ import annotations

import threading

import pytest
import requests

from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.kit.faultproxy import FaultProxy
from tests.kit.link import RURAL
from tests.sync.api import API
from tests.sync.client_helpers import enrolled_store, point_at, service
from tests.sync.conftest import enrol

PHOTO = 400_000  # about 12 s on the link: six 64 KiB chunks and a part
CUT_AT = 200_000  # bytes delivered to the server


def _one_pass(server, seed: int, cut_at: int | None) -> tuple[int, bool, bytes]:
    """Push one inspection with one photo over the link: the bytes the link carried client
    to server the first time (retransmissions of lost segments left out: they follow the
    loss, not the cut), whether it was cut, and the photo."""
    store = enrolled_store(server.url)
    photo = photo_bytes(PHOTO, seed)
    store.add(inspection(demo_facility("AST"), seed=seed, photos={"p": photo}), {sha256(photo): photo})
    cut = threading.Event()
    with FaultProxy(server.port, link=RURAL) as proxy:

        def cut_mid_photo(delivered: int) -> None:
            if cut_at is not None and delivered > cut_at and not cut.is_set():
                cut.set()
                proxy.close_connections()

        proxy.on_bytes_up = cut_mid_photo
        point_at(store, proxy.url)
        sync = service(store, timeout=(5.0, 30.0))
        report = sync.run_once()
        assert report.synced == 1 and not store.pending_record_ids(), report
    return proxy.up_wire.carried - proxy.up_wire.retransmitted, cut.is_set(), photo


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_cut_mid_photo_on_a_rural_link_resends_at_most_one_chunk(server):
    whole, _, _ = _one_pass(server, 41, cut_at=None)
    with_cut, was_cut, photo = _one_pass(server, 42, cut_at=CUT_AT)
    assert was_cut
    resent = with_cut - whole  # the same sizes both times: the difference is the cut's cost
    assert 0 < resent <= 64 * 1024, resent  # the first chunk size (it halves after the cut)
    headers = enrol(server.url, "inspector")
    got = requests.get(f"{server.url}{API}/attachments/{sha256(photo)}", headers=headers, timeout=30)
    assert got.content == photo
