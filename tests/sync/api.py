"""Small HTTP helpers for the server tests (raw requests, to see the wire as it is)."""

from __future__ import annotations

import gzip
import json

import requests

from inspector_app.core.protocol import InspectionRecord

API = "/api/v1"


def push(url: str, headers: dict, *records: InspectionRecord) -> requests.Response:
    body = gzip.compress(json.dumps({"records": [r.model_dump(mode="json") for r in records]}).encode())
    return requests.post(
        f"{url}{API}/records",
        data=body,
        timeout=30,
        headers={**headers, "Content-Type": "application/json", "Content-Encoding": "gzip"},
    )


def push_one(url: str, headers: dict, record: InspectionRecord) -> requests.Response:
    return requests.put(
        f"{url}{API}/records/{record.id}", json=record.model_dump(mode="json"), headers=headers, timeout=30
    )


def results(response: requests.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]


def upload(
    url: str, headers: dict, sha: str, data: bytes, offset: int = 0, length: int | None = None
) -> requests.Response:
    return requests.patch(
        f"{url}{API}/uploads/{sha}",
        data=data,
        timeout=30,
        headers={
            **headers,
            "Upload-Offset": str(offset),
            "Upload-Length": str(length or len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )


def error_code(response: requests.Response) -> int:
    return response.json()["error"]["code"]


def pull_all(url: str, headers: dict, since: int = 0) -> tuple[list[dict], int, int]:
    """(changes, final cursor, requests made)"""
    changes, count = [], 0
    while True:
        count += 1
        page = requests.get(
            f"{url}{API}/changes", params={"since": since}, headers=headers, timeout=30
        ).json()
        changes += page["changes"]
        since = page["cursor"]
        if not page["more"]:
            return changes, since, count


def upload_batch(url: str, headers: dict, parts: list[tuple[str, bytes]]) -> requests.Response:
    """POST /uploads/batch: each part `<sha256> <length>\\n` then its bytes."""
    body = b"".join(b"%s %d\n%s" % (sha.encode(), len(data), data) for sha, data in parts)
    return requests.post(
        f"{url}{API}/uploads/batch",
        data=body,
        timeout=30,
        headers={**headers, "Content-Type": "application/vnd.inspector.attachments"},
    )


def attachment_states(url: str, headers: dict, shas: list[str]) -> dict[str, dict]:
    response = requests.post(
        f"{url}{API}/attachments/status", json={"sha256": shas}, headers=headers, timeout=30
    )
    return {s["sha256"]: s for s in response.json()["attachments"]}
