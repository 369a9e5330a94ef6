"""A bug answers 500 in the protocol's shape, with its headers, and is logged; no pushed
record, however odd, gets a 5xx (a property test over the push endpoint)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.core import problems, protocol
from sync.server.api.app import create_app
from sync.server.config import Settings
from tests.kit.factory import demo_facility, inspection

with warnings.catch_warnings():  # starlette asks for httpx2, not installed here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@pytest.fixture
def client(seeded_url, tmp_path):
    app = create_app(Settings(database_url=seeded_url, blob_dir=tmp_path / "blobs"))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.services.db.dispose()


@pytest.mark.allow_error_logs("unhandled error|request")
def test_a_bug_answers_500_with_the_protocol_headers_and_is_logged(client, caplog):
    def boom() -> None:
        raise RuntimeError("a bug")

    client.app.add_api_route("/boom", boom)
    with caplog.at_level(logging.INFO, logger="inspector.server"):
        answer = client.get("/boom")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == problems.INTERNAL.code
    assert answer.headers[protocol.PROTOCOL_HEADER] == str(protocol.PROTOCOL_VERSION)
    request_id = answer.headers["X-Request-Id"]
    logged = [r for r in caplog.records if getattr(r, "request_id", None) == request_id]
    assert any(r.exc_info and r.levelno == logging.ERROR for r in logged)
    assert any(r.getMessage() == "request" and r.status == 500 for r in logged)


ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=30)  # lone surrogates too
ODD_DATE = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
ODD_MOMENT = st.builds(
    lambda d, offset: f"{d}T00:00:00{offset}", ODD_DATE, st.sampled_from(["Z", "+14:00", "-12:00", ""])
)
ODD_VALUE = st.one_of(
    ANY_TEXT,
    ODD_DATE,
    ODD_MOMENT,
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.lists(ANY_TEXT, max_size=3),
    st.text("0123456789abcdefABCDEF/.\\", max_size=300),
)
PLACES = [
    ("header", "appointment_date"),
    ("header", "created_at"),
    ("header", "finalised_at"),
    ("header", "appointment_number"),
    ("header", "facility_id"),
    ("header", "form_version"),
    ("header", "objections"),
    ("answers", 0, "note"),
    ("answers", 0, "updated_at"),
    ("answers", 0, "item_id"),
    ("findings", 0, "description"),
    ("photos", 0, "sha256"),
    ("photos", 0, "taken_at"),
    ("photos", 0, "size"),
    ("revision",),
    ("base_revision",),
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.lists(st.tuples(st.sampled_from(PLACES), ODD_VALUE), min_size=1, max_size=4))
def test_no_pushed_record_gets_a_5xx(client, changes):
    if "Authorization" not in client.headers:
        enrolled = client.post(
            f"{protocol.API}/auth/enrol", json={"username": "inspector", "password": "demo-password"}
        )
        client.headers["Authorization"] = f"Bearer {enrolled.json()['token']}"
    data = inspection(demo_facility("AST"), seed=3).model_dump(mode="json")
    data["photos"] = [
        {
            "id": "p1",
            "inspection_id": data["id"],
            "item_id": "s1.i1",
            "sha256": "0" * 64,
            "size": 1,
            "taken_at": None,
        }
    ]
    for place, value in changes:
        *path, key = place
        target = data
        for step in path:
            target = target[step]
        target[key] = value
    body = json.dumps({"records": [data]}).encode()  # ensure_ascii: surrogates as \ud800
    answer = client.post(
        f"{protocol.API}/records", content=body, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code < 500, (changes, answer.text[:500])
    if answer.status_code >= 400:
        assert answer.json()["error"]["code"] // 100 == answer.status_code
    put = client.put(f"{protocol.API}/records/{data['id']}", content=json.dumps(data).encode())
    assert put.status_code < 500, (changes, put.text[:500])
