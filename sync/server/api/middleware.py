"""ASGI middleware: gzip request bodies, size limits, protocol version, request logs.

Pure ASGI (no BaseHTTPMiddleware) so upload bodies stream through untouched.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
import zlib

from starlette.concurrency import run_in_threadpool

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem

log = logging.getLogger("inspector.server.http")
UPLOAD_PREFIX = f"{protocol.API}/uploads/"
_SUPPORTED = {str(v) for v in protocol.SUPPORTED_VERSIONS}


async def send_problem(send, problem: Problem) -> None:
    body = json.dumps(problem.body(), ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in problem.headers.items()]
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Decodes gzip bodies (bounded), refuses other encodings and oversized bodies."""

    def __init__(self, app, max_json_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_json = max_json_bytes
        self.max_upload = max_upload_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        limit = self.max_upload if scope["path"].startswith(UPLOAD_PREFIX) else self.max_json
        try:
            self._check_protocol(headers)
            self._check_length(headers, limit)
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding == "gzip":
                # off the event loop: zlib lets go of the interpreter, so uploads go on meanwhile
                body = await run_in_threadpool(_decompress, await _read_all(receive, limit), limit)
                receive = _replay(body)
                scope = _without_encoding(scope, len(body))
            elif encoding not in ("", "identity"):
                raise Problem(problems.BAD_ENCODING, details={"content_encoding": encoding})
            else:
                receive = _counting(receive, limit)
        except Problem as problem:
            return await send_problem(send, problem)
        await self.app(scope, receive, send)

    @staticmethod
    def _check_protocol(headers: dict[str, str]) -> None:
        version = headers.get(protocol.PROTOCOL_HEADER.lower())
        if version is not None and version.strip() not in _SUPPORTED:
            raise Problem(
                problems.PROTOCOL_VERSION_UNSUPPORTED,
                details={"supported": list(protocol.SUPPORTED_VERSIONS), "sent": version[:20]},
            )

    @staticmethod
    def _check_length(headers: dict[str, str], limit: int) -> None:
        declared = headers.get("content-length")
        if declared is None:
            return
        if not declared.strip().isdigit():
            raise Problem(problems.BAD_HEADER, details={"header": "Content-Length"})
        if int(declared) > limit:
            raise _too_large(limit)


def _too_large(limit: int) -> Problem:
    return Problem(
        problems.BODY_TOO_LARGE,
        f"The request body is larger than {limit} bytes; send smaller batches.",
        details={"limit_bytes": limit},
    )


async def _read_all(receive, limit: int) -> bytes:
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        parts.append(message.get("body", b""))
        size += len(parts[-1])
        if size > limit:
            raise _too_large(limit)
        if not message.get("more_body"):
            break
    return b"".join(parts)


def _decompress(data: bytes, limit: int) -> bytes:
    decoder = zlib.decompressobj(wbits=31)
    try:
        body = decoder.decompress(data, limit + 1)
        if len(body) > limit or decoder.unconsumed_tail:
            raise _too_large(limit)
        body += decoder.flush()
        if not decoder.eof:
            raise zlib.error("truncated stream")
    except zlib.error as error:
        raise Problem(problems.BAD_GZIP, details={"reason": str(error)}) from None
    if len(body) > limit:
        raise _too_large(limit)
    return body


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _counting(receive, limit: int):
    seen = 0

    async def counted():
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise _too_large(limit)
        return message

    return counted


def _without_encoding(scope, length: int):
    headers = [
        (k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")
    ]
    headers.append((b"content-length", str(length).encode()))
    return {**scope, "headers": headers}


class RequestLog:
    """One structured log line per request, and the protocol version on every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), {"code": 0}
        request_id = uuid.uuid4().hex[:12]

        async def sending(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (protocol.PROTOCOL_HEADER.lower().encode(), str(protocol.PROTOCOL_VERSION).encode()),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status["code"],
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "request_id": request_id,
                    "client": (scope.get("client") or ("", 0))[0],
                },
            )
