"""Reading the body of a batch upload: parts of `<sha256 hex> <length>\\n` then the bytes.

The reader works on the request stream as it arrives, so each part can be written and
verified before the next one is read; nothing holds the whole body in memory.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem

MAX_HEADER = 100
_HEADER = re.compile(rb"^([0-9a-f]{64}) ([0-9]{1,12})$")


class PartReader:
    def __init__(self, stream: AsyncIterator[bytes]) -> None:
        self._stream = stream.__aiter__()
        self._buffer = b""
        self._ended = False
        self.parts = 0

    async def next_header(self) -> tuple[str, int] | None:
        """(sha256, length) of the next part; None at the end of the body."""
        while b"\n" not in self._buffer:
            if len(self._buffer) > MAX_HEADER:
                raise self._bad("a part header is too long")
            if not await self._fill():
                if self._buffer:
                    raise self._bad("the body ends inside a part header")
                return None
        line, self._buffer = self._buffer.split(b"\n", 1)
        match = _HEADER.match(line.rstrip(b"\r"))
        if match is None:
            raise self._bad("a part header is not '<sha256 hex> <length>'")
        length = int(match[2])
        if length > protocol.MAX_ATTACHMENT_BYTES:
            raise self._bad("a part is longer than an attachment may be")
        self.parts += 1
        return match[1].decode(), length

    async def body(self, length: int) -> AsyncIterator[bytes]:
        """Exactly `length` bytes of the current part (fewer if the body is cut short)."""
        remaining = length
        while remaining:
            if not self._buffer and not await self._fill():
                return
            piece, self._buffer = self._buffer[:remaining], self._buffer[remaining:]
            remaining -= len(piece)
            yield piece

    async def _fill(self) -> bool:
        if self._ended:
            return False
        try:
            piece = await self._stream.__anext__()
        except StopAsyncIteration:
            self._ended = True
            return False
        self._buffer += piece
        return True

    def _bad(self, reason: str) -> Problem:
        return Problem(problems.BAD_HEADER, details={"reason": reason, "part": self.parts + 1})
