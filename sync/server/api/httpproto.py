"""uvicorn's HTTP protocol (httptools) with what the server needs below ASGI: a deadline for
the request line and headers, and its own 400s in the protocol's error shape.

uvicorn bounds the idle time between requests (`timeout_keep_alive`) but not a request
whose headers trickle in a byte at a time; such a connection would be held for ever. Here
the headers of each request must be complete within `header_timeout` seconds of its first
byte, or the connection is closed. A request uvicorn cannot parse at all (a malformed
request line or header) is answered `40006` as JSON instead of uvicorn's plain text.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem


def malformed_request_bytes(reason: str) -> bytes:
    """A complete HTTP/1.1 400 answer in the error shape, closing the connection."""
    body = json.dumps(Problem(problems.MALFORMED_REQUEST, details={"reason": reason[:200]}).body()).encode()
    head = [
        b"HTTP/1.1 400 Bad Request",
        b"content-type: application/json",
        b"content-length: " + str(len(body)).encode(),
        protocol.PROTOCOL_HEADER.lower().encode() + b": " + str(protocol.PROTOCOL_VERSION).encode(),
        b"x-request-id: " + uuid.uuid4().hex[:12].encode(),
        b"connection: close",
    ]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


MAX_HEADER_BYTES = 64 * 1024  # request line and headers of one request


class GuardedHttpTools(HttpToolsProtocol):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # read here: with several workers each process builds its own protocols
        self.header_timeout = float(os.environ.get("INSPECTOR_HEADER_TIMEOUT_S", 10))
        self._header_deadline: asyncio.TimerHandle | None = None
        self._header_bytes: int | None = None  # counted from a request's first byte to its headers' end

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value))
        super().on_header(name, value)

    def _count(self, size: int) -> None:
        """Raised inside the parser, this becomes its error, answered by send_400_response."""
        counted = self._header_bytes = (self._header_bytes or 0) + size
        if counted > MAX_HEADER_BYTES:
            raise ValueError("request headers too large")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._cancel_header_deadline()
        self._header_bytes = 0
        self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def on_headers_complete(self) -> None:
        self._cancel_header_deadline()
        self._header_bytes = None
        super().on_headers_complete()

    def connection_lost(self, exc) -> None:
        self._cancel_header_deadline()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self._cancel_header_deadline()
        self.transport.write(malformed_request_bytes(msg))
        self.transport.close()

    def _cancel_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if not self.transport.is_closing():
            self.logger.warning(
                "Request headers not complete in %s s; connection closed.", self.header_timeout
            )
            self.transport.close()
