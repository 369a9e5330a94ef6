"""The sync client and service against a real server: sync, no-op, offline, conflicts, returns."""

from __future__ import annotations

import pytest
import requests

from inspector_app.core.domain.errors import UserError
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.sync.api import API
from tests.sync.client_helpers import enrolled_store, service
from tests.sync.conftest import enrol

FACILITY = demo_facility("AST")


def _photos(n: int, size: int, seed: int) -> dict[str, bytes]:
    return {str(i): photo_bytes(size, seed * 100 + i) for i in range(n)}


def test_sync_sends_records_and_photos_and_a_sync_with_nothing_to_do_is_one_request(server):
    store = enrolled_store(server.url)
    photos = {}
    for n in range(3):
        some = _photos(2, 90_000, n)
        photos.update({sha256(d): d for d in some.values()})
        store.add(inspection(FACILITY, seed=n, photos=some), {sha256(d): d for d in some.values()})
    sync = service(store)
    report = sync.run_once()
    assert report.synced == 3 and store.pending_record_ids() == []
    assert report.attachments_uploaded == 6 and store.cursor() > 0
    headers = enrol(server.url, "supervisor")
    for sha, data in photos.items():
        assert (
            requests.get(f"{server.url}{API}/attachments/{sha}", headers=headers, timeout=30).content == data
        )
    assert sync.run_once().requests == 1


def test_offline_keeps_the_work_and_says_so_in_each_language(server):
    store = enrolled_store(server.url)
    record = inspection(FACILITY, seed=10)
    store.add(record)
    server.stop()
    with pytest.raises(UserError) as caught:
        service(store).run_once()
    assert caught.value.code == "sync.offline"
    assert "safe on this laptop" in caught.value.message("en")
    assert "сохранена" in caught.value.message("ru") and "сақталған" in caught.value.message("kk")
    assert store.pending_record_ids() == [record.id]


def test_a_conflict_keeps_both_versions_for_a_person(server):
    laptop_a, laptop_b = enrolled_store(server.url), enrolled_store(server.url)
    mine = inspection(FACILITY, seed=20, status="draft")
    other = mine.model_copy(deep=True)
    other.answers[0].note = "екінші ноутбуктан"
    laptop_a.add(mine)
    laptop_b.add(other)
    service(laptop_a).run_once()
    report = service(laptop_b).run_once()
    assert report.conflicts == [mine.id] and report.notes[0].code == "sync.conflict"
    local = laptop_b.records[mine.id]
    assert local.state == "conflict" and local.record.answers[0].note == "екінші ноутбуктан"
    assert local.conflict[1].answers[0].note == mine.answers[0].note
    assert laptop_b.pending_record_ids() == []  # not re-sent until a person decides


def test_a_returned_record_comes_back_as_an_editable_revision(server):
    store = enrolled_store(server.url)
    record = inspection(FACILITY, seed=30)
    store.add(record)
    sync = service(store)
    sync.run_once()
    supervisor = enrol(server.url, "supervisor")
    requests.post(
        f"{server.url}{API}/records/{record.id}/review",
        headers=supervisor,
        timeout=30,
        json={"decision": "returned", "revision": 1, "comment": "Қайта қараңыз"},
    )
    sync.run_once()
    local = store.records[record.id]
    assert local.state == "returned" and local.record.revision == 2
    assert local.record.header.status.value == "draft"
    edited = local.record.model_copy(deep=True)
    edited.header.status = type(edited.header.status)("finalised")
    store.edit(edited)
    assert sync.run_once().synced == 1
    assert store.records[record.id].synced_revision == 3
