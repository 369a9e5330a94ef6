"""HTTP side of the sync client: gzip JSON, timeouts, retries with backoff and jitter.

Connection failures and 5xx answers are retried (every call here is idempotent by the
protocol's design); a coded 4xx is raised at once as a `Problem`. When retries run out,
`Unreachable` (no answer at all) or the last `Problem` is raised.
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import requests
from pydantic import BaseModel

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem

RETRYABLE_STATUS = {408, 500, 502, 503, 504}  # 408: the body came too slowly
GZIP_JSON = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
TRANSPORT_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


class Unreachable(Exception):
    """No answer from the server (refused, reset, timed out) after every retry."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2^attempt)], at least Retry-After."""
        ceiling = min(self.max_delay, self.base_delay * 2**attempt)
        jittered = random.uniform(0, ceiling)
        return max(jittered, min(retry_after or 0, self.max_delay))


class SyncClient:
    def __init__(
        self,
        session: requests.Session,
        base_url: str,
        token: str | None = None,
        *,
        timeout: tuple[float, float] = (5.0, 60.0),
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        compress_level: int = protocol.GZIP_LEVEL,
    ) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self.compress_level = compress_level
        self._sent = itertools.count()  # thread-safe: uploads run beside pushes
        self._counted = 0
        self.desktop_release: tuple[str, str] | None = None  # (version, url) the server offers

    @property
    def requests_sent(self) -> int:
        """Requests made so far (each attempt counts)."""
        return self._counted

    # --- calls ----------------------------------------------------------------------

    def health(self, retry: bool = True) -> protocol.Health:
        response = self._call("GET", "/health", retry=retry, auth=False)
        return protocol.Health.model_validate(response.json())

    def enrol(
        self,
        username: str,
        password: str,
        device_name: str,
        transfer_keys: protocol.TransferKeys | None = None,
    ) -> protocol.EnrolResponse:
        body = protocol.EnrolRequest(
            username=username, password=password, device_name=device_name, transfer_keys=transfer_keys
        )
        # without keys the field is left out: servers from before it refuse unknown keys
        response = self._call(
            "POST", f"{protocol.API}/auth/enrol", json_body=body.model_dump(exclude_none=True), auth=False
        )
        return protocol.EnrolResponse.model_validate(response.json())

    def change_password(self, username: str, password: str, new_password: str) -> None:
        """The user's own change (after a reset: 40304). Not retried: had a lost answer's
        change been made, a second try with the old password would be refused."""
        body = protocol.PasswordChange(username=username, password=password, new_password=new_password)
        self._call(
            "POST", f"{protocol.API}/auth/password", json_body=body.model_dump(), auth=False, retry=False
        )

    def changes(self, since: int, limit: int = 500) -> protocol.ChangesResponse:
        response = self._call(
            "GET",
            f"{protocol.API}/changes",
            params={"since": since, "limit": limit},
            headers={protocol.CHANGE_KINDS_HEADER: ",".join(protocol.REFERENCE_KINDS)},
        )
        version = response.headers.get(protocol.DESKTOP_VERSION_HEADER, "").strip()
        if version:
            self.desktop_release = (version, response.headers.get(protocol.DESKTOP_URL_HEADER, "").strip())
        return protocol.ChangesResponse.model_validate_json(response.content)

    def push_body(self, records: Sequence[protocol.InspectionRecord]) -> bytes:
        """The gzip JSON body of a push (CPU only: may run on another thread)."""
        body = b'{"records":[' + b",".join(_json(r) for r in records) + b"]}"
        return gzip.compress(body, compresslevel=self.compress_level)

    def send_push(self, body: bytes) -> protocol.PushResponse:
        response = self._call("POST", f"{protocol.API}/records", data=body, headers=GZIP_JSON)
        return protocol.PushResponse.model_validate_json(response.content)

    def upload_batch(self, parts: Sequence[tuple[str, bytes]]) -> list[protocol.PartState]:
        """Whole attachments in one request, each `<sha256> <length>\\n` then its bytes.
        Not retried here: after a failure the caller asks which parts arrived."""
        body = b"".join(
            piece for sha, data in parts for piece in (b"%s %d\n" % (sha.encode(), len(data)), data)
        )
        response = self._call(
            "POST",
            f"{protocol.API}/uploads/batch",
            data=body,
            retry=False,
            headers={"Content-Type": protocol.BATCH_MEDIA_TYPE},
        )
        return protocol.BatchUploadResponse.model_validate_json(response.content).attachments

    def attachment_status(self, shas: Sequence[str]) -> list[protocol.AttachmentState]:
        response = self._call("POST", f"{protocol.API}/attachments/status", json_body={"sha256": list(shas)})
        return protocol.AttachmentStatusResponse.model_validate_json(response.content).attachments

    def upload_offset(self, sha256: str) -> protocol.AttachmentState:
        response = self._call("HEAD", f"{protocol.API}/uploads/{sha256}")
        offset = int(response.headers.get("Upload-Offset", "0"))
        verified = response.headers.get("Attachment-Verified") == "true"
        return protocol.AttachmentState(sha256=sha256, offset=offset, verified=verified)

    def upload_chunk(self, sha256: str, offset: int, length: int, data: bytes) -> protocol.AttachmentState:
        """One PATCH, not retried here: after a failure the caller asks the offset again."""
        headers = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream",
            "Tus-Resumable": protocol.TUS_VERSION,
        }
        response = self._call(
            "PATCH", f"{protocol.API}/uploads/{sha256}", data=data, headers=headers, retry=False
        )
        return protocol.AttachmentState.model_validate_json(response.content)

    # --- plumbing -------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict | None = None,
        retry: bool = True,
        auth: bool = True,
    ) -> requests.Response:
        headers = {protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION), **(headers or {})}
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if json_body is not None:
            data = gzip.compress(
                json.dumps(json_body, ensure_ascii=False).encode(), compresslevel=self.compress_level
            )
            headers.update(GZIP_JSON)
        attempts = self.retry.attempts if retry else 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                self._counted = next(self._sent) + 1
                response = self.session.request(
                    method,
                    self.base_url + path,
                    data=data,
                    headers=headers,
                    params=params,
                    timeout=self.timeout,
                )
            except TRANSPORT_ERRORS as error:
                if last:
                    raise Unreachable(str(error)) from error
                self.sleep(self.retry.delay(attempt))
                continue
            if response.status_code < 400:
                return response
            problem = _problem(response)
            if not _retryable(response, problem) or last:
                raise problem
            self.sleep(self.retry.delay(attempt, _retry_after(response)))
        raise AssertionError("unreachable")


def _json(record: protocol.InspectionRecord) -> bytes:
    """The record's JSON. orjson writes its dataclasses directly: the same JSON as pydantic
    (tested) in about 60% of the time (18 against 30 ms for 100 records of 200 answers), and
    the push encodes a few MB per batch. Integers beyond 64 bits make orjson refuse;
    pydantic writes those."""
    try:
        return orjson.dumps(record, default=_model_fields, option=orjson.OPT_UTC_Z)
    except TypeError:
        return record.__pydantic_serializer__.to_json(record)


def _model_fields(value: Any) -> dict[str, Any]:
    if isinstance(value, BaseModel):
        return {name: getattr(value, name) for name in type(value).model_fields}
    raise TypeError(f"{type(value).__name__} is not JSON")


def _problem(response: requests.Response) -> Problem:
    try:
        body = response.json()
    except ValueError:
        body = None
    return Problem.from_body(body, response.status_code)


def _retryable(response: requests.Response, problem: Problem) -> bool:
    if response.status_code in RETRYABLE_STATUS:
        return True
    return problem.kind is problems.UPLOAD_LOCKED


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.replace(".", "", 1).isdigit() else None
