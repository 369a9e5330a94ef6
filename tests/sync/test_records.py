"""Record semantics over a real server: idempotent pushes, coded conflicts, reviews, pull."""

from __future__ import annotations

import gzip
import json

import pytest
import requests

from inspector_app.core import problems
from inspector_app.core.domain.models import RestoredChild, RestoredRights, RightsCategory
from inspector_app.core.protocol import InspectionRecord
from sync.server.api.bodies import accepts_gzip
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.sync.api import API, error_code, pull_all, push, push_one, results, upload
from tests.sync.conftest import enrol

FACILITY = demo_facility("AST")  # seeded by seed-demo, region AST


def test_resending_the_same_revision_is_success_not_a_copy(server):
    headers = enrol(server.url, "inspector")
    record = inspection(FACILITY, answers=30, seed=1)
    first = results(push(server.url, headers, record))[0]
    again = [results(push(server.url, headers, record))[0] for _ in range(3)]
    assert first["status"] == "created" and first["complete"]
    assert [r["status"] for r in again] == ["unchanged"] * 3
    listed = requests.get(f"{server.url}{API}/records", headers=headers, timeout=30).json()
    assert [r["id"] for r in listed] == [record.id]


def test_other_content_under_the_same_revision_is_a_coded_conflict(server):
    headers = enrol(server.url, "inspector")
    record = inspection(FACILITY, seed=2)
    assert push_one(server.url, headers, record).status_code == 201
    changed = record.model_copy(deep=True)
    changed.answers[0].note = "басқа мазмұн"
    response = push_one(server.url, headers, changed)
    assert response.status_code == 409
    assert error_code(response) == problems.REVISION_CONTENT_MISMATCH.code
    server_version = response.json()["error"]["details"]["server_record"]
    assert server_version["answers"][0]["note"] == record.answers[0].note


def test_an_edit_from_a_stale_base_is_a_conflict_carrying_the_server_version(server):
    headers = enrol(server.url, "inspector")
    draft = inspection(FACILITY, seed=3, status="draft")
    push_one(server.url, headers, draft)
    second = draft.model_copy(deep=True, update={"revision": 2, "base_revision": 1})
    second.answers[0].note = "екінші"
    assert push_one(server.url, headers, second).json()["status"] == "updated"
    stale = draft.model_copy(deep=True, update={"revision": 2, "base_revision": 1})
    stale.answers[0].note = "басқа құрылғыдан"
    third_from_old = draft.model_copy(deep=True, update={"revision": 3, "base_revision": 1})
    assert error_code(push_one(server.url, headers, stale)) == problems.REVISION_CONTENT_MISMATCH.code
    response = push_one(server.url, headers, third_from_old)
    assert error_code(response) == problems.STALE_BASE_REVISION.code
    assert response.json()["error"]["details"]["server_record"]["revision"] == 2
    # a late retry of the superseded first revision is still a success
    assert push_one(server.url, headers, draft).json()["status"] == "unchanged"


def test_finalised_records_are_immutable_until_returned(server):
    inspector = enrol(server.url, "inspector")
    supervisor = enrol(server.url, "supervisor")
    record = inspection(FACILITY, seed=4)
    push_one(server.url, inspector, record)
    edit = record.model_copy(deep=True, update={"revision": 2, "base_revision": 1})
    assert error_code(push_one(server.url, inspector, edit)) == problems.RECORD_FINALISED.code

    _, cursor, _ = pull_all(server.url, inspector)
    unknown_item = requests.post(
        f"{server.url}{API}/records/{record.id}/review",
        headers=supervisor,
        json={
            "decision": "returned",
            "revision": 1,
            "comment": "Фотосуретті қосыңыз",
            "item_comments": [{"item_id": "sch.no_such_item", "comment": "?"}],
        },
        timeout=30,
    )
    assert error_code(unknown_item) == problems.VALIDATION_FAILED.code
    assert unknown_item.json()["error"]["details"]["item_comments"] == ["sch.no_such_item"]
    returned = requests.post(
        f"{server.url}{API}/records/{record.id}/review",
        headers=supervisor,
        json={"decision": "returned", "revision": 1, "comment": "Фотосуретті қосыңыз"},
        timeout=30,
    )
    assert returned.status_code == 200 and returned.json()["new_revision"] == 2
    changes, _, _ = pull_all(server.url, inspector, cursor)
    by_kind = {c["kind"]: c for c in changes}
    assert by_kind["review"]["data"]["comment"] == "Фотосуретті қосыңыз"
    assert by_kind["inspection"]["data"]["revision"] == 2
    assert by_kind["inspection"]["data"]["header"]["status"] == "draft"

    fixed = record.model_copy(deep=True, update={"revision": 3, "base_revision": 2})
    assert push_one(server.url, inspector, fixed).json()["status"] == "updated"
    approve = requests.post(
        f"{server.url}{API}/records/{record.id}/review",
        headers=supervisor,
        json={"decision": "approved", "revision": 3},
        timeout=30,
    )
    assert approve.json()["decision"] == "approved"
    later = record.model_copy(deep=True, update={"revision": 4, "base_revision": 3})
    assert error_code(push_one(server.url, inspector, later)) == problems.RECORD_FINALISED.code


def test_a_record_is_complete_only_when_its_photos_are_verified(server):
    headers = enrol(server.url, "inspector")
    photos = {"a": photo_bytes(70_000, 1), "b": photo_bytes(50_000, 2)}
    record = inspection(FACILITY, seed=5, photos=photos)
    result = results(push(server.url, headers, record))[0]
    assert not result["complete"]
    assert {m["sha256"] for m in result["missing_attachments"]} == {sha256(d) for d in photos.values()}
    data = photos["a"]
    assert upload(server.url, headers, sha256(data), data[:30_000], 0, len(data)).json()["offset"] == 30_000
    head = requests.head(f"{server.url}{API}/uploads/{sha256(data)}", headers=headers, timeout=30)
    assert head.headers["Upload-Offset"] == "30000"
    wrong = upload(server.url, headers, sha256(data), data[10_000:], 10_000, len(data))
    assert wrong.status_code == 409 and error_code(wrong) == problems.UPLOAD_OFFSET_MISMATCH.code
    assert wrong.json()["error"]["details"]["offset"] == 30_000
    assert upload(server.url, headers, sha256(data), data[30_000:], 30_000, len(data)).json()["verified"]
    assert not results(push(server.url, headers, record))[0]["complete"]
    upload(server.url, headers, sha256(photos["b"]), photos["b"])
    assert results(push(server.url, headers, record))[0]["complete"]
    got = requests.get(f"{server.url}{API}/attachments/{sha256(data)}", headers=headers, timeout=30)
    assert got.content == data


def test_pull_returns_reference_data_once_and_then_nothing(server):
    headers = enrol(server.url, "inspector")
    changes, cursor, _ = pull_all(server.url, headers)
    kinds = {c["kind"] for c in changes}
    assert {"facility", "form", "mrp", "article"} <= kinds
    mrp = {c["data"]["year"]: c["data"]["tenge"] for c in changes if c["kind"] == "mrp"}
    assert mrp == {2024: 3692, 2025: 3932, 2026: 4325}
    assert {c["data"]["region"] for c in changes if c["kind"] == "facility"} == {"AST", "AKM", "ALA"}
    again, same_cursor, requests_made = pull_all(server.url, headers, cursor)
    assert again == [] and same_cursor == cursor and requests_made == 1


def test_a_record_reaches_the_inspectors_other_laptop_as_it_was_pushed(server):
    laptop, other_laptop = enrol(server.url, "inspector"), enrol(server.url, "inspector")
    _, laptop_cursor, _ = pull_all(server.url, laptop)
    _, other_cursor, _ = pull_all(server.url, other_laptop)
    record = inspection(FACILITY, answers=40, seed=11, status="draft")
    record.answers[0].note = "Әділет: қ ң ө ұ ү һ і"
    assert results(push(server.url, laptop, record))[0]["status"] == "created"
    changes, _, _ = pull_all(server.url, other_laptop, other_cursor)
    pulled = [c for c in changes if c["kind"] == "inspection"]
    assert [c["id"] for c in pulled] == [record.id] and not pulled[0]["deleted"]
    assert pulled[0]["data"] == record.model_dump(mode="json")
    assert InspectionRecord.model_validate(pulled[0]["data"]) == record
    own, _, _ = pull_all(server.url, laptop, laptop_cursor)
    assert [c for c in own if c["kind"] == "inspection"] == []  # it has it already


def test_a_pull_is_gzip_compressed_when_the_client_accepts_it(server):
    headers = enrol(server.url, "inspector")
    url = f"{server.url}{API}/changes"

    def raw(accept: str) -> requests.Response:
        response = requests.get(url, headers={**headers, "Accept-Encoding": accept}, stream=True, timeout=30)
        response.raw_bytes = response.raw.read(decode_content=False)
        return response

    plain, packed = raw("identity"), raw("gzip, deflate")
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert packed.headers["Vary"] == "Accept-Encoding"
    assert json.loads(gzip.decompress(packed.raw_bytes)) == json.loads(plain.raw_bytes)
    assert len(packed.raw_bytes) * 5 < len(plain.raw_bytes)  # the register shrinks
    refused = raw("gzip;q=0, identity")
    assert "Content-Encoding" not in refused.headers and refused.raw_bytes == plain.raw_bytes


@pytest.mark.parametrize(
    ("header", "gzip_ok"),
    [
        ("gzip, deflate", True),
        ("GZIP", True),
        ("*", True),
        ("br, gzip;q=0.5", True),
        ("deflate", False),
        ("", False),
        ("gzip;q=0", False),
        ("identity, *;q=0", False),
        ("gzip;q=oops", False),
        ("*;q=0, gzip", True),
    ],
)
def test_accept_encoding_is_read_as_http_says(header, gzip_ok):
    assert accepts_gzip(header) is gzip_ok


def test_a_child_tied_to_a_measure_the_record_lacks_is_refused_per_record(server):
    headers = enrol(server.url, "inspector")
    good, bad = inspection(FACILITY, seed=41), inspection(FACILITY, seed=42)
    good.restored_children = [RestoredChild("c1", "Ә.Қ.", [RightsCategory.HOUSING], finding_id="f0")]
    good.restored = [RestoredRights(RightsCategory.HOUSING, 1)]
    bad.restored_children = [RestoredChild("c1", "Ә.Қ.", [RightsCategory.HOUSING], measure_id="m9")]
    bad.restored = [RestoredRights(RightsCategory.HOUSING, 1)]
    statuses = results(push(server.url, headers, good, bad))
    assert [r["status"] for r in statuses] == ["created", "rejected"]
    assert statuses[1]["error"]["code"] == problems.VALIDATION_FAILED.code
    assert "measure the record does not have" in statuses[1]["error"]["message"]
