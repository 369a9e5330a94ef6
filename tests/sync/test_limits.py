"""Limits: record sizes, gzip bodies, pull pages, bad records, slow clients, and errors in
the protocol's shape where the framework or uvicorn would answer otherwise."""

from __future__ import annotations

import gzip
import json
import select
import socket
import time
from pathlib import Path

import pytest
import requests

from inspector_app.core import problems, protocol
from tests.kit.factory import demo_facility, inspection
from tests.kit.server import ServerProcess
from tests.sync.api import API, error_code, push, results
from tests.sync.conftest import enrol

MiB = 1024 * 1024


def _post_records(url: str, headers: dict, body: bytes, gzipped: bool = True) -> requests.Response:
    extra = {"Content-Encoding": "gzip"} if gzipped else {}
    return requests.post(
        f"{url}{API}/records",
        data=gzip.compress(body) if gzipped else body,
        timeout=60,
        headers={**headers, "Content-Type": "application/json", **extra},
    )


def _rss_kib(server: ServerProcess) -> int:
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


def _record_json(seed: int, **header) -> dict:
    data = inspection(demo_facility("AST"), seed=seed).model_dump(mode="json")
    data["header"].update(header)
    return data


def test_an_8_mib_record_is_refused_before_it_costs_memory(server):
    headers = enrol(server.url, "inspector")
    huge = _record_json(1)
    huge["answers"][0]["note"] = "Ә" * (4 * MiB)  # 8 MiB of UTF-8, 40 KiB gzipped
    body = json.dumps({"records": [huge]}, ensure_ascii=False).encode()
    before = _rss_kib(server)
    for _ in range(20):
        answer = _post_records(server.url, headers, body)
        assert answer.status_code == 413 and error_code(answer) == problems.RECORD_TOO_LARGE.code
        assert answer.json()["error"]["details"]["limit_bytes"] == protocol.MAX_RECORD_BYTES
    grown = (_rss_kib(server) - before) // 1024
    print(f"RSS grew {grown} MiB over 20 refused 8 MiB records")
    assert grown < 64

    long_note = _record_json(2)
    long_note["answers"][0]["note"] = "x" * (protocol.MAX_TEXT_CHARS + 1)
    answer = _post_records(server.url, headers, json.dumps({"records": [long_note]}).encode())
    assert error_code(answer) == problems.VALIDATION_FAILED.code
    assert answer.json()["error"]["details"]["errors"][0]["loc"][-1] == "note"
    fits = _record_json(3)
    fits["answers"][0]["note"] = "ұ" * protocol.MAX_TEXT_CHARS
    assert results(_post_records(server.url, headers, json.dumps({"records": [fits]}).encode()))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_gzip_is_inflated_only_after_authentication(server):
    bomb = gzip.compress(b" " * (15 * MiB))  # 15 KiB that inflate to 15 MiB
    anonymous = requests.post(
        f"{server.url}{API}/records",
        data=bomb,
        timeout=30,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert error_code(anonymous) == problems.BODY_TOO_LARGE.code
    assert anonymous.json()["error"]["details"]["limit_bytes"] == 64 * 1024
    forged = requests.post(
        f"{server.url}{API}/records",
        data=bomb,
        timeout=30,
        headers={"Authorization": "Bearer forged", "Content-Encoding": "gzip"},
    )
    assert error_code(forged) == problems.TOKEN_INVALID.code
    sign_in = gzip.compress(json.dumps({"username": "inspector", "password": "demo-password"}).encode())
    enrolled = requests.post(
        f"{server.url}{API}/auth/enrol",
        data=sign_in,
        timeout=30,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert enrolled.status_code == 200, enrolled.text


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_pull_page_is_bounded_by_size(seeded_url, tmp_path):
    env = {"INSPECTOR_MAX_PAGE_BYTES": "300000"}
    with ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "log", env=env) as server:
        inspector, supervisor = enrol(server.url, "inspector"), enrol(server.url, "supervisor")
        for seed in range(10):  # each about 200 KB of JSON
            record = _record_json(seed)
            for answer in record["answers"]:
                answer["note"] = f"{seed}" * 10_000
            assert results(_post_records(server.url, inspector, json.dumps({"records": [record]}).encode()))
        pages, cursor, ids = [], 0, set()
        while True:
            answer = requests.get(
                f"{server.url}{API}/changes",
                params={"since": cursor, "limit": 2000},
                headers=supervisor,
                timeout=60,
            )
            page = answer.json()
            pages.append(len(answer.content))
            ids |= {c["id"] for c in page["changes"] if c["kind"] == "inspection"}
            cursor = page["cursor"]
            if not page["more"]:
                break
    assert len(ids) == 10
    assert len(pages) >= 5 and max(pages) < 300_000 + 250_000, pages  # the page, one record more


BAD_RECORDS = {
    "photo hash not hex": lambda d: d["photos"].append(dict(_photo(d), sha256="z" * 64)),
    "photo hash too long": lambda d: d["photos"].append(dict(_photo(d), sha256="a" * 5000)),
    "year 1": lambda d: d["header"].update(appointment_date="0001-01-01"),
    "year 9999": lambda d: d["header"].update(created_at="9999-12-31T23:59:59Z"),
    "time zone past year 1": lambda d: d["header"].update(created_at="0001-01-01T00:00:00+05:00"),
    "document dated 9999": lambda d: d["documents"].append(
        {"id": "d1", "kind": "act", "number": "A-1", "created_at": "9999-01-01T00:00:00Z"}
    ),
}


def _photo(data: dict) -> dict:
    return {
        "id": "p9",
        "inspection_id": data["id"],
        "item_id": "s1.i1",
        "sha256": "0" * 64,
        "size": 1,
        "taken_at": None,
    }


@pytest.mark.parametrize("name", list(BAD_RECORDS))
def test_a_bad_record_gets_a_4xx_and_verify_still_works(server, name):
    headers = enrol(server.url, "inspector")
    data = _record_json(7)
    BAD_RECORDS[name](data)
    body = json.dumps({"records": [data]}).encode()
    for answer in (
        _post_records(server.url, headers, body),
        requests.put(
            f"{server.url}{API}/records/{data['id']}", data=json.dumps(data), headers=headers, timeout=30
        ),
    ):
        assert answer.status_code == 422, (name, answer.status_code, answer.text[:300])
        assert error_code(answer) == problems.VALIDATION_FAILED.code
    assert requests.get(f"{server.url}/verify/A-1", headers={"Accept": "application/json"}, timeout=30).ok


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_lone_surrogates_invalid_utf8_and_nesting_are_malformed_json(server):
    headers = enrol(server.url, "inspector")
    data = json.dumps({"records": [_record_json(8)]})
    surrogate = data.replace('"note": "', '"note": "\\ud800', 1).encode()
    nested = b'{"records": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    for body in (surrogate, b'{"records": ["\xff\xfe"]}', nested):
        for gzipped in (True, False):
            answer = _post_records(server.url, headers, body, gzipped)
            assert error_code(answer) == problems.MALFORMED_JSON.code, (body[:40], answer.text[:200])
    record = json.dumps(_record_json(9)).replace('"note": "', '"note": "\\udfff', 1)
    put = requests.put(
        f"{server.url}{API}/records/{_record_json(9)['id']}",
        data=record,
        headers={**headers, "Content-Type": "application/json"},
        timeout=30,
    )
    assert error_code(put) == problems.MALFORMED_JSON.code
    for body in (b'{"username": "\\ud800", "password": "x"}', b'{"username": "\xff"}', b"[" * 100_000):
        answer = requests.post(
            f"{server.url}{API}/auth/enrol",
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        refused = (problems.MALFORMED_JSON.code, problems.VALIDATION_FAILED.code)
        assert error_code(answer) in refused, (body[:30], answer.text[:200])


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_gzip_followed_by_garbage_is_refused(server):
    headers = enrol(server.url, "inspector")
    body = gzip.compress(json.dumps({"records": [_record_json(4)]}).encode()) + b"garbage"
    answer = requests.post(
        f"{server.url}{API}/records",
        data=body,
        timeout=30,
        headers={**headers, "Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert error_code(answer) == problems.BAD_GZIP.code


def _raw(port: int, chunks: list[bytes], pause: float, wait: float) -> tuple[bytes, float]:
    """Send `chunks` with `pause` s between them; what the server answered, and when the
    connection ended (seconds after the start)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as connection:
        try:
            for chunk in chunks:
                connection.sendall(chunk)
                if select.select([connection], [], [], pause)[0]:
                    break  # the server answered or closed: stop sending
        except OSError:
            pass  # closed by the server meanwhile
        received = b""
        try:
            while part := connection.recv(65536):
                received += part
        except OSError:
            pass
    return received, time.monotonic() - started


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_slow_headers_and_slow_bodies_are_cut(seeded_url, tmp_path):
    env = {"INSPECTOR_HEADER_TIMEOUT_S": "2", "INSPECTOR_BODY_TIMEOUT_S": "2"}
    with ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "log", env=env) as server:
        request = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 30 + b"\r\n\r\n"
        answer, took = _raw(server.port, [bytes([b]) for b in request], 1.0, 20)
        assert answer == b"" and took < 6, (answer, took)  # closed after 2 s, not after 40

        head = b"POST /api/v1/auth/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        head += b"Content-Length: 60\r\n\r\n"
        answer, took = _raw(server.port, [head] + [b" "] * 30, 1.0, 20)
        assert b" 408 " in answer.split(b"\r\n")[0] and took < 8, (answer[:300], took)
        body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
        assert body["error"]["code"] == problems.REQUEST_TIMEOUT.code
        assert requests.get(f"{server.url}/health", timeout=10).ok


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_uvicorns_own_400_has_the_error_shape(server):
    for request in (b"GARBAGE\r\n\r\n", b"GET /health HTTP/1.1\r\nBad Header\r\n\r\n"):
        answer, _ = _raw(server.port, [request], 0, 10)
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400"), answer
        assert b"inspector-protocol: 2" in head.lower() and b"x-request-id: " in head.lower()
        assert json.loads(body)["error"]["code"] == problems.MALFORMED_REQUEST.code
    big = b"GET /health HTTP/1.1\r\nX-Big: " + b"a" * (100 * 1024) + b"\r\n\r\n"
    answer, _ = _raw(server.port, [big], 0, 10)
    assert answer.startswith(b"HTTP/1.1 400") and b'"code": 40006' in answer


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_push_that_passes_the_limits_is_untouched(server):
    """The limits cost a normal push nothing: a batch of 100 is created as before."""
    headers = enrol(server.url, "inspector")
    batch = [inspection(demo_facility("AST", n % 3), seed=100 + n) for n in range(100)]
    assert {r["status"] for r in results(push(server.url, headers, *batch))} == {"created"}
