"""Batch uploads: many photos in one request, each verified by its hash and kept on a cut."""

from __future__ import annotations

import socket
import time

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core import problems
from sync.server.persistence.models import AttachmentRow, AuditEntry
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.kit.faultproxy import Fault, FaultProxy
from tests.kit.server import ServerProcess
from tests.sync.api import API, attachment_states, push, results, upload, upload_batch
from tests.sync.client_helpers import enrolled_store, point_at, service
from tests.sync.conftest import enrol


def test_a_batch_verifies_each_part_and_refuses_only_the_tampered_one(server, seeded_url):
    headers = enrol(server.url, "inspector")
    good = [photo_bytes(90_000, 10 + i) for i in range(3)]
    forged = bytearray(good[1])
    forged[5] ^= 0xFF
    parts = [(sha256(good[0]), good[0]), (sha256(good[1]), bytes(forged)), (sha256(good[2]), good[2])]
    response = upload_batch(server.url, headers, parts)
    assert response.status_code == 200, response.text
    states = response.json()["attachments"]
    assert [s["verified"] for s in states] == [True, False, True]
    assert states[1]["error"]["code"] == problems.ATTACHMENT_HASH_MISMATCH.code
    assert {
        s["sha256"]: s["verified"]
        for s in attachment_states(server.url, headers, [sha256(d) for d in good]).values()
    } == {sha256(good[0]): True, sha256(good[1]): False, sha256(good[2]): True}
    engine = sa.create_engine(seeded_url)
    with engine.connect() as connection:
        actions = connection.execute(
            sa.select(AuditEntry.action, AuditEntry.entity_id).where(AuditEntry.entity_kind == "attachment")
        ).all()
    engine.dispose()
    assert sorted(actions) == sorted(
        [
            ("attachment.verified", sha256(good[0])),
            ("attachment.rejected", sha256(good[1])),
            ("attachment.verified", sha256(good[2])),
        ]
    )


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_batch_cut_midway_keeps_what_arrived_and_the_rest_resumes(server, seeded_url):
    """The link dies 450 KB into five photos of 100 KB: the whole parts the server read are
    kept and verified, the broken one resumes from the byte acknowledged, none restarts."""
    headers = enrol(server.url, "inspector")
    photos = [photo_bytes(100_000, 40 + i) for i in range(5)]
    shas = [sha256(d) for d in photos]
    proxy = FaultProxy(server.port, plan=lambda n: Fault("drop_up", after=450_000) if n == 0 else Fault())
    with proxy, pytest.raises(requests.ConnectionError):
        upload_batch(proxy.url, headers, list(zip(shas, photos, strict=True)))
    states = _settled(server.url, headers, shas)
    verified = [states[s]["verified"] for s in shas]
    kept = verified.index(False)
    assert kept >= 1 and not any(verified[kept:]), verified  # whole parts, in order
    for sha, data in zip(shas[kept:], photos[kept:], strict=True):
        held = states[sha]["offset"]
        assert upload(server.url, headers, sha, data[held:], held, len(data)).json()["verified"]
    engine = sa.create_engine(seeded_url)
    with engine.connect() as connection:
        assert set(connection.scalars(sa.select(AttachmentRow.sha256))) == set(shas)
    engine.dispose()


def _settled(url: str, headers: dict, shas: list[str]) -> dict[str, dict]:
    """The server finishes a cut request on its own time: wait until it has recorded it."""
    deadline = time.monotonic() + 10
    while True:
        states = attachment_states(url, headers, shas)
        if states[shas[0]]["verified"] or time.monotonic() > deadline:
            time.sleep(0.2)  # and the rest of that request's parts
            return attachment_states(url, headers, shas)
        time.sleep(0.05)


def test_bad_batch_framing_is_a_coded_error_and_keeps_what_came_before(server):
    headers = enrol(server.url, "inspector")
    photo = photo_bytes(20_000, 77)
    body = b"%s %d\n%s" % (sha256(photo).encode(), len(photo), photo) + b"not a header\n"
    response = requests.post(
        f"{server.url}{API}/uploads/batch",
        data=body,
        timeout=30,
        headers={**headers, "Content-Type": "application/vnd.inspector.attachments"},
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == problems.BAD_HEADER.code
    assert attachment_states(server.url, headers, [sha256(photo)])[sha256(photo)]["verified"]
    wrong_type = requests.post(
        f"{server.url}{API}/uploads/batch",
        data=body,
        timeout=30,
        headers={**headers, "Content-Type": "text/plain"},
    )
    assert wrong_type.json()["error"]["code"] == problems.UNSUPPORTED_MEDIA_TYPE.code


def test_a_photo_sent_by_batch_completes_its_record(server):
    headers = enrol(server.url, "inspector")
    photos = {"a": photo_bytes(60_000, 5), "b": photo_bytes(40_000, 6)}
    record = inspection(demo_facility("AST"), seed=61, photos=photos)
    assert not results(push(server.url, headers, record))[0]["complete"]
    upload_batch(server.url, headers, [(sha256(d), d) for d in photos.values()])
    assert results(push(server.url, headers, record))[0]["complete"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_sync_sends_small_photos_several_to_a_request(server):
    store = enrolled_store(server.url)
    photos = {str(i): photo_bytes(30_000, 300 + i) for i in range(40)}
    store.add(
        inspection(demo_facility("AST"), seed=62, photos=photos), {sha256(d): d for d in photos.values()}
    )
    proxy = FaultProxy(server.port)
    point_at(store, proxy.url)
    with proxy:
        report = service(store, chunk_size=2 * 1024 * 1024).run_once()
    assert report.synced == 1 and report.attachments_uploaded == 40
    assert report.requests <= 5  # status, push, one batch, pull (and nothing per photo)


def test_older_clients_still_speak_protocol_1(server):
    headers = {**enrol(server.url, "inspector"), "Inspector-Protocol": "1"}
    response = requests.get(f"{server.url}{API}/me", headers=headers, timeout=30)
    assert response.status_code == 200 and response.headers["Inspector-Protocol"] == "2"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_client_gone_silent_mid_photo_is_let_go_and_its_bytes_are_kept(seeded_url, tmp_path):
    """A dead link never closes: after the idle limit the server ends the upload itself,
    keeps (on disk) what arrived, and the next HEAD resumes from there."""
    process = ServerProcess(
        seeded_url, tmp_path / "blobs", tmp_path / "server.log", env={"INSPECTOR_UPLOAD_IDLE_S": "2"}
    ).start()
    try:
        headers = enrol(process.url, "inspector")
        data = photo_bytes(200_000, 77)
        sha = sha256(data)
        with socket.create_connection(("127.0.0.1", process.port)) as link:
            link.sendall(
                (
                    f"PATCH {API}/uploads/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    f"Authorization: {headers['Authorization']}\r\n"
                    f"Upload-Offset: 0\r\nUpload-Length: {len(data)}\r\n"
                    f"Content-Type: application/offset+octet-stream\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n"
                ).encode()
                + data[:70_000]
            )
            link.settimeout(20)
            started = time.monotonic()
            answer = link.recv(4096)  # sent once the server gives up waiting
            waited = time.monotonic() - started
        assert b"upload-offset: 70000" in answer.lower(), answer[:300]
        assert 1.5 < waited < 15, waited
        state = requests.head(f"{process.url}{API}/uploads/{sha}", headers=headers, timeout=10)
        assert state.headers["Upload-Offset"] == "70000"
        rest = upload(process.url, headers, sha, data[70_000:], 70_000, len(data))
        assert rest.json()["verified"] is True
    finally:
        process.stop()
