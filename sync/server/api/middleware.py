"""ASGI middleware: gzip request bodies, size limits, protocol version, request logs.

Pure ASGI (no BaseHTTPMiddleware) so upload bodies stream through untouched.
"""

from __future__ import annotations

import asyncio
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
CONSOLE_PREFIX = "/console/"
_SUPPORTED = {str(v) for v in protocol.SUPPORTED_VERSIONS}
# gzip bodies of callers without a device token (a sign-in) are inflated to this size at most
ANONYMOUS_JSON_BYTES = 64 * 1024
PRINCIPAL_KEY = "inspector.principal"  # in scope["state"]: the caller, once authenticated


async def send_problem(send, problem: Problem) -> None:
    body = json.dumps(problem.body(), ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if problem.status in (408, 413):  # the rest of the body is not read: the connection ends
        headers.append((b"connection", b"close"))
    headers += [(k.lower().encode(), v.encode()) for k, v in problem.headers.items()]
    await send({"type": "http.response.start", "status": problem.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def send_too_large_page(send, limit: int) -> None:
    """A person in the console gets a page, in each of its languages, before the body arrives."""
    mb = limit // (1024 * 1024)
    lines = (
        f"Жіберілген файлдар тым үлкен: барлығы {mb} МБ-тан аспауы керек. Артқа оралып, кішірек файлдарды таңдаңыз.",
        f"Отправленные файлы слишком велики: всего не более {mb} МБ. Вернитесь назад и выберите файлы поменьше.",
        f"The files sent are too large: at most {mb} MB in all. Go back and choose smaller files.",
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    body = (
        '<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>413</title></head>'
        f'<body><main role="alert">{paragraphs}</main></body></html>'
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Decodes gzip bodies (bounded, and beyond a sign-in's size only for an authenticated
    caller), refuses other encodings and oversized bodies, and ends a body (outside
    uploads, which have their own idle limit) that has not arrived within `body_timeout` s."""

    def __init__(
        self,
        app,
        max_json_bytes: int,
        max_upload_bytes: int,
        body_timeout: float = 60.0,
        authenticate=None,
        console_limit=None,
    ) -> None:
        self.app = app
        self.max_json = max_json_bytes
        self.max_upload = max_upload_bytes
        self.console_limit = console_limit or (lambda _path: max_json_bytes)  # path -> bytes
        self.body_timeout = body_timeout
        self.authenticate = authenticate  # (app, token) -> principal, raising a Problem

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        upload = scope["path"].startswith(UPLOAD_PREFIX)
        console = scope["path"].startswith(CONSOLE_PREFIX)
        limit = self.max_upload if upload else self.console_limit(scope["path"]) if console else self.max_json
        counted = None
        try:
            self._check_protocol(headers)
            self._check_length(headers, limit)
            if not upload:
                receive = _deadline(receive, self.body_timeout)
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding == "gzip":
                limit = await self._gzip_limit(scope, headers, limit)
                # off the event loop: zlib lets go of the interpreter, so uploads go on meanwhile
                body = await run_in_threadpool(_decompress, await _read_all(receive, limit), limit)
                receive = _replay(body)
                scope = _without_encoding(scope, len(body))
            elif encoding not in ("", "identity"):
                raise Problem(problems.BAD_ENCODING, details={"content_encoding": encoding})
            else:
                receive = counted = _Counting(receive, limit)
        except Problem as problem:
            return await self._refuse(send, problem, console, limit)
        if counted is None:
            return await self.app(scope, receive, send)
        await self._counted(scope, counted, send, console, limit)

    async def _counted(self, scope, counted: _Counting, send, console: bool, limit: int) -> None:
        """Run the app on a body counted as it arrives (no Content-Length to refuse it by).
        Once it overflows, whatever the app answers (a form parser's error turned into a 400
        page, a 500) is replaced by the 413, which ends the connection."""
        started = False

        async def sending(message):
            nonlocal started
            if counted.over:
                if not started:
                    started = True
                    await self._refuse(send, _too_large(limit), console, limit)
                return  # the app's own answer to the overflow is dropped
            started = True
            await send(message)

        try:
            await self.app(scope, counted, sending)
        except Problem as problem:
            if not (counted.over and problem.kind is problems.BODY_TOO_LARGE):
                raise
            if not started:
                await self._refuse(send, problem, console, limit)

    @staticmethod
    async def _refuse(send, problem: Problem, console: bool, limit: int) -> None:
        if console and problem.kind is problems.BODY_TOO_LARGE:
            return await send_too_large_page(send, limit)
        return await send_problem(send, problem)

    async def _gzip_limit(self, scope, headers: dict[str, str], limit: int) -> int:
        """Inflating costs memory and time: a caller without a device token gets a sign-in's
        worth; one with a bad token its 401 before anything is inflated."""
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if self.authenticate is None or scheme.lower() != "bearer" or not token.strip():
            return min(limit, ANONYMOUS_JSON_BYTES)
        principal = await run_in_threadpool(self.authenticate, scope["app"], token.strip())
        scope.setdefault("state", {})[PRINCIPAL_KEY] = principal
        return limit

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
        if decoder.unused_data:
            raise zlib.error("bytes after the end of the gzip stream")
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


def _deadline(receive, seconds: float, bytes_per_second: int = 1024):
    """`receive` that fails with 40801 once the body has taken more than `seconds` plus one
    second per `bytes_per_second` received: a body trickling in a byte at a time would
    otherwise hold a worker for ever, while a large body on a slow link still gets through."""
    started, received, done = time.monotonic(), 0, False

    async def bounded():
        nonlocal received, done
        if done:  # the body is in: what follows is waiting for a disconnect
            return await receive()
        left = started + seconds + received / bytes_per_second - time.monotonic()
        try:
            message = await asyncio.wait_for(receive(), max(0.0, left))
        except TimeoutError:
            raise Problem(
                problems.REQUEST_TIMEOUT,
                f"The request body did not arrive within {seconds:g} s "
                f"(plus 1 s per {bytes_per_second} bytes received).",
                details={"limit_seconds": seconds, "bytes_received": received},
            ) from None
        received += len(message.get("body", b""))
        done = not message.get("more_body")
        return message

    return bounded


class _Counting:
    """`receive` that refuses (41301) a body once more than `limit` bytes of it have come,
    and keeps refusing: `over` tells BodyGuard the answer must be the 413."""

    def __init__(self, receive, limit: int) -> None:
        self.receive, self.limit, self.seen, self.over = receive, limit, 0, False

    async def __call__(self):
        if self.over:
            raise _too_large(self.limit)
        message = await self.receive()
        self.seen += len(message.get("body", b""))
        if self.seen > self.limit:
            self.over = True
            raise _too_large(self.limit)
        return message


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
        started, status = time.perf_counter(), {"code": 0, "started": False}
        request_id = uuid.uuid4().hex[:12]

        async def sending(message):
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (protocol.PROTOCOL_HEADER.lower().encode(), str(protocol.PROTOCOL_VERSION).encode()),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:  # a bug: answered here so the answer has our headers
            status["code"] = status["code"] or 500
            log.error(
                "unhandled error",
                exc_info=error,
                extra={"status": 500, "request_id": request_id, "path": scope["path"]},
            )
            if not status["started"]:
                await send_problem(sending, Problem(problems.INTERNAL, details={"request_id": request_id}))
        finally:
            log.log(
                logging.ERROR if status["code"] >= 500 else logging.INFO,
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
