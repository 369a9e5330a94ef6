"""The floors of the sync benchmark: ASGI apps that store one POSTed stream in a file.

- `app` writes the stream to a file and removes it: the bytes never leave the page cache.
- `durable_app` does, on top of that, only what any server must do before it acknowledges
  verified attachments: hash every byte (SHA-256) and have it on disk. Writing and hashing
  run on a thread beside the event loop, and the disk is set writing every few megabytes,
  so the sync at the end waits for little.

Run as `python -m uvicorn tests.kit.sink:app` (or `:durable_app`); SINK_DIR says where
the file goes. Both answer with the number of bytes they wrote.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import hashlib
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

GATHER = 1024 * 1024  # bytes handed to the disk thread at once
WRITEBACK = 4 * 1024 * 1024  # bytes written between two starts of the disk
SYNC_FILE_RANGE_WRITE = 2

_LIBC = ctypes.util.find_library("c")
_sync_file_range = getattr(ctypes.CDLL(_LIBC), "sync_file_range", None) if _LIBC else None
if _sync_file_range is not None:
    _sync_file_range.argtypes = (ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint)


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = _new_path()
    size = 0
    with path.open("wb") as out:
        while True:
            message = await receive()
            out.write(message.get("body", b""))
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
    path.unlink()
    await _answer(send, size)


async def durable_app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = _new_path()
    writer = DurableWriter(path)
    gathered, held = [], 0
    try:
        while True:
            message = await receive()
            piece = message.get("body", b"")
            gathered.append(piece)
            held += len(piece)
            if held >= GATHER or not message.get("more_body"):
                writer.put(b"".join(gathered))
                gathered, held = [], 0
            if not message.get("more_body"):
                break
        await writer.synced()
    finally:
        writer.close()
        path.unlink()
    await _answer(send, writer.written)


class DurableWriter:
    """Writes and hashes on its own thread, in order; `synced` waits until all is on disk."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.digest = hashlib.sha256()
        self.written = 0
        self.unstarted = 0
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="sink-disk")
        self._pending: list[Future] = []

    def put(self, data: bytes) -> None:
        self._pending.append(self._thread.submit(self._write, data))

    def _write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.written += len(data)
        self.unstarted += len(data)
        if self.unstarted >= WRITEBACK:
            self.handle.flush()
            _start_writeback(self.handle.fileno())
            self.unstarted = 0

    def _sync(self) -> str:
        self.handle.flush()
        os.fdatasync(self.handle.fileno())
        return self.digest.hexdigest()

    async def synced(self) -> str:
        self._pending.append(self._thread.submit(self._sync))
        for future in self._pending:
            await asyncio.wrap_future(future)
        return self._pending[-1].result()

    def close(self) -> None:
        self._thread.shutdown(wait=True)
        self.handle.close()


def _start_writeback(descriptor: int) -> None:
    """Set the disk writing the file's cached bytes now, without waiting (Linux)."""
    if _sync_file_range is not None:
        _sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WRITE)


def _new_path() -> Path:
    return Path(os.environ.get("SINK_DIR", ".")) / f"{uuid.uuid4().hex}.bin"


async def _answer(send, size: int) -> None:
    body = str(size).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
