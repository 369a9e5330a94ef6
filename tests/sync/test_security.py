"""Security: region and owner scoping, token states, tampered attachments, audit, throttling."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core import problems
from sync.server.persistence.models import AuditEntry, Device
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.kit.server import ServerProcess
from tests.sync.api import API, error_code, pull_all, push, push_one, results, upload
from tests.sync.conftest import enrol


def _make_inspector(url: str, admin: dict, name: str, region: str) -> dict:
    created = requests.post(
        f"{url}{API}/users",
        headers=admin,
        timeout=30,
        json={"username": name, "password": "пароль-қазақша-1", "role": "inspector", "regions": [region]},
    )
    assert created.status_code == 201, created.text
    return enrol(url, name, "пароль-қазақша-1")


def test_an_inspector_cannot_read_or_write_another_regions_records(server):
    admin = enrol(server.url, "admin")
    astana, supervisor = enrol(server.url, "inspector"), enrol(server.url, "supervisor")
    shymkent = _make_inspector(server.url, admin, "shymkent", "SHY")
    photo = photo_bytes(20_000, 1)
    theirs = inspection(demo_facility("SHY"), seed=1, photos={"a": photo})
    assert results(push(server.url, shymkent, theirs))[0]["status"] == "created"
    upload(server.url, shymkent, sha256(photo), photo)

    written = push_one(server.url, astana, inspection(demo_facility("SHY", 1), seed=2))
    assert written.status_code == 403 and error_code(written) == problems.FORBIDDEN_REGION.code
    read = requests.get(f"{server.url}{API}/records/{theirs.id}", headers=astana, timeout=30)
    assert error_code(read) == problems.FORBIDDEN_OWNER.code
    by_supervisor = requests.get(f"{server.url}{API}/records/{theirs.id}", headers=supervisor, timeout=30)
    assert error_code(by_supervisor) == problems.FORBIDDEN_REGION.code
    photo_read = requests.get(f"{server.url}{API}/attachments/{sha256(photo)}", headers=astana, timeout=30)
    assert photo_read.status_code == 403
    overwrite = theirs.model_copy(deep=True, update={"revision": 2, "base_revision": 1})
    overwrite.header.facility_id = demo_facility("AST")
    assert error_code(push_one(server.url, astana, overwrite)) == problems.FORBIDDEN_OWNER.code
    assert requests.get(f"{server.url}{API}/records", headers=astana, timeout=30).json() == []
    changes, _, _ = pull_all(server.url, astana)
    assert all(c["data"]["region"] in ("AST", "AKM", "ALA") for c in changes if c["kind"] == "facility")
    assert not [c for c in changes if c["kind"] == "inspection"]


def test_revoked_expired_unknown_and_missing_tokens_get_coded_401s(server, seeded_url):
    headers = enrol(server.url, "inspector")
    me = f"{server.url}{API}/me"
    assert requests.get(me, headers=headers, timeout=30).status_code == 200
    assert error_code(requests.get(me, timeout=30)) == problems.AUTH_REQUIRED.code
    assert (
        error_code(requests.get(me, headers={"Authorization": "Bearer nope"}, timeout=30))
        == problems.TOKEN_INVALID.code
    )
    expiring = enrol(server.url, "inspector")
    engine = sa.create_engine(seeded_url)
    with engine.begin() as connection:
        last = connection.scalar(sa.select(sa.func.max(Device.created_at)))
        connection.execute(
            sa.update(Device)
            .where(Device.created_at == last)
            .values(expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        )
    engine.dispose()
    expired = requests.get(me, headers=expiring, timeout=30)
    assert expired.status_code == 401 and error_code(expired) == problems.TOKEN_EXPIRED.code
    assert requests.post(f"{server.url}{API}/auth/revoke", headers=headers, timeout=30).status_code == 204
    revoked = requests.get(me, headers=headers, timeout=30)
    assert revoked.status_code == 401 and error_code(revoked) == problems.TOKEN_REVOKED.code


def test_a_tampered_attachment_is_refused_and_discarded(server):
    headers = enrol(server.url, "inspector")
    genuine = photo_bytes(50_000, 3)
    tampered = bytearray(genuine)
    tampered[1000] ^= 0xFF
    response = upload(server.url, headers, sha256(genuine), bytes(tampered))
    assert response.status_code == 422
    assert error_code(response) == problems.ATTACHMENT_HASH_MISMATCH.code
    state = requests.get(f"{server.url}{API}/uploads/{sha256(genuine)}", headers=headers, timeout=30).json()
    assert state == {"sha256": sha256(genuine), "size": None, "offset": 0, "verified": False}
    assert upload(server.url, headers, sha256(genuine), genuine).json()["verified"]


def test_the_audit_log_records_each_change_and_cannot_be_rewritten(server, seeded_url):
    inspector, supervisor = enrol(server.url, "inspector"), enrol(server.url, "supervisor")
    admin = enrol(server.url, "admin")
    record = inspection(demo_facility("AKM", 1), seed=5)
    push_one(server.url, inspector, record)
    requests.post(
        f"{server.url}{API}/records/{record.id}/review",
        headers=supervisor,
        timeout=30,
        json={"decision": "returned", "revision": 1, "comment": "Толықтырыңыз"},
    )
    push_one(server.url, inspector, record.model_copy(update={"revision": 3, "base_revision": 2}))
    trail = requests.get(f"{server.url}{API}/records/{record.id}/audit", headers=inspector, timeout=30).json()
    assert [(e["action"], e["user"]) for e in trail] == [
        ("record.create", "inspector"),
        ("review.returned", "supervisor"),
        ("record.update", "inspector"),
    ]
    assert all(e["device_id"] for e in trail)
    assert trail[1]["details"]["comment"] == "Толықтырыңыз"
    assert {"device.enrol", "user.create", "facility.upsert"} <= _every_action(server.url, admin)
    assert requests.get(f"{server.url}{API}/audit", headers=inspector, timeout=30).status_code == 403
    engine = sa.create_engine(seeded_url)
    for statement in (sa.update(AuditEntry).values(action="forged"), sa.delete(AuditEntry)):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(statement)  # the audit log refuses a rewrite
    engine.dispose()


def _every_action(url: str, admin: dict) -> set[str]:
    actions, after = set(), 0
    while page := requests.get(
        f"{url}{API}/audit", params={"after": after, "limit": 1000}, headers=admin, timeout=30
    ).json():
        actions |= {e["action"] for e in page}
        after = page[-1]["id"]
    return actions


def test_failed_sign_ins_are_slowed_across_server_processes(server, seeded_url, tmp_path):
    wrong = {"username": "inspector", "password": "wrong"}
    # the second process starts first: the pause after five failures is 2 s, less than a
    # start on a loaded machine
    with ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "second.log") as second:
        codes = [requests.post(f"{server.url}{API}/auth/enrol", json=wrong, timeout=30) for _ in range(6)]
        assert [error_code(r) for r in codes[:5]] == [problems.BAD_CREDENTIALS.code] * 5
        assert codes[5].status_code == 429 and int(codes[5].headers["Retry-After"]) >= 1
        again = requests.post(
            f"{second.url}{API}/auth/enrol",
            timeout=30,
            json={"username": "inspector", "password": "demo-password"},
        )
        assert error_code(again) == problems.TOO_MANY_ATTEMPTS.code
