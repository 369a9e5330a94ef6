"""Attachment bytes: content-addressed files, and resumable partial uploads.

A partial upload is a file `blobs/ab/<sha256>.<device>.part` beside where its blob will be
(publishing is then a rename within one directory, and new files spread over 256
directories instead of queueing on one). Its size is the offset the server acknowledges,
so it survives a restart of the server with nothing else to recover. One writer at a time
per part file (an advisory file lock); a second request for the same upload is told to
retry. When the declared length is reached the bytes are checked against
the SHA-256 in the URL: a match is renamed into `blobs/ab/<sha256>`, a mismatch is deleted.

All file work of a request (open, lock, write, hash, verify, rename) runs in order on one
disk thread of its own (`Disk`), so the event loop keeps reading the next bytes meanwhile.

Durability: bytes are acknowledged only once they are on disk. A part file that stops short
is fdatasync'ed before its offset is answered; published blobs (their data and the directory
entries of the renames) are synced before the caller records them as verified, in one pass
per request (`Disk.synced`), so many small photos do not each wait for the disk.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import fcntl
import hashlib
import os
from collections import deque
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from inspector_app.core import problems
from inspector_app.core.problems import Problem

READ_PIECE = 1024 * 1024
_LIBC = ctypes.util.find_library("c")
_libc = ctypes.CDLL(_LIBC, use_errno=True) if _LIBC else None


class Digest(Protocol):
    """What is used of a `hashlib` hash object."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


@dataclass(frozen=True)
class Received:
    offset: int
    complete: bool
    path: str | None = None  # the published blob, when complete


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._folder = str(root / "blobs")
        for prefix in range(256):  # made once here, not on every publish
            (root / "blobs" / f"{prefix:02x}").mkdir(parents=True, exist_ok=True)

    # Names are built as text: on the upload path pathlib cost as much as writing the bytes.
    def blob_name(self, sha256: str) -> str:
        return f"{self._folder}/{sha256[:2]}/{sha256}"

    def part_name(self, sha256: str, device: str) -> str:
        return f"{self._folder}/{sha256[:2]}/{sha256}.{device}.part"

    def blob_path(self, sha256: str) -> Path:
        return Path(self.blob_name(sha256))

    def has_blob(self, sha256: str) -> bool:
        return os.path.isfile(self.blob_name(sha256))

    def offset(self, sha256: str, device: str) -> int:
        try:
            return os.stat(self.part_name(sha256, device)).st_size
        except FileNotFoundError:
            return 0

    async def receive(
        self, sha256: str, device: str, offset: int, length: int, stream: AsyncIterator[bytes]
    ) -> Received:
        """One resumable chunk: append the body at `offset`; verify, publish and sync the
        blob when `length` is reached. A wrong offset is refused before the body is read."""
        disk = Disk()
        try:
            part = disk.begin(self, sha256, device, offset, length)
            await disk.opened(part)
            received = await asyncio.wrap_future(await disk.stream(part, stream))
            await disk.synced()
            return received
        finally:
            disk.close()


class Disk:
    """The disk thread of one upload request, and the blobs it published.

    The body is handed over in pieces of at least `GATHER` bytes (a small part in one
    piece, opened, written, hashed and published by one task): every hand-over makes the
    two threads trade the interpreter lock, so fewer, larger ones keep the bytes flowing."""

    GATHER = 1024 * 1024
    MAX_PENDING = 16  # pieces queued for writing before the reader waits

    def __init__(self) -> None:
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="upload-disk")
        self._pending: deque[Future] = deque()
        self._published: list[str] = []

    def begin(self, store: BlobStore, sha256: str, device: str, offset: int, length: int) -> Part:
        return Part(store, sha256, device, offset, length)

    async def opened(self, part: Part) -> None:
        """Open the part now; raise at once if it cannot be written (wrong offset, another
        writer)."""
        await asyncio.wrap_future(self._thread.submit(part.open))
        if part.problem is not None:
            raise part.problem

    async def stream(self, part: Part, stream: AsyncIterator[bytes]) -> Future:
        """Hand the body (see `body_pieces`) to the disk thread. Returns, without waiting for
        the disk, the future of the part's outcome (a Problem if it was refused), so the next
        part can be read while this one is still being written."""
        gathered: list[bytes] = []
        size = 0
        try:
            async for piece in stream:
                gathered.append(piece)
                size += len(piece)
                if size >= self.GATHER:
                    await self._write(part, b"".join(gathered))
                    gathered, size = [], 0
        except BaseException:  # a cut: what arrived stays, on disk, as the resumable part
            with suppress(Exception):
                self._thread.submit(part.close, b"".join(gathered), False).result()
            raise
        return self._thread.submit(self._finish, part, b"".join(gathered))

    def _finish(self, part: Part, tail: bytes) -> Received:
        received = part.close(tail, True)
        if received.path is not None:
            self._published.append(received.path)
        return received

    async def _write(self, part: Part, piece: bytes) -> None:
        self._pending.append(self._thread.submit(part.write, piece))
        while self._pending and self._pending[0].done():
            self._pending.popleft().result()  # raises a failed write (disk full)
        if len(self._pending) > self.MAX_PENDING:
            await asyncio.wrap_future(self._pending.popleft())

    async def synced(self) -> list[str]:
        """Every blob published so far is on disk; returns them."""
        published, self._published = self._published, []
        if published:
            await asyncio.wrap_future(self._thread.submit(make_durable, published))
        return published

    def close(self) -> None:
        self._thread.shutdown(wait=True)


@dataclass
class Part:
    """One attachment being written; every method runs on the disk thread, in order.
    The file is opened by the first write, unless `Disk.opened` did it before the body."""

    store: BlobStore
    sha256: str
    device: str
    offset: int
    length: int
    held: int = 0
    handle: BinaryIO | None = None
    problem: Problem | None = None
    digest: Digest = field(default_factory=hashlib.sha256)

    def open(self) -> None:
        path = self.store.part_name(self.sha256, self.device)
        handle = open(path, "ab")  # noqa: SIM115  (held across requests until `close`)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            self.problem = Problem(problems.UPLOAD_LOCKED, headers={"Retry-After": "2"})
            return
        self.held = os.fstat(handle.fileno()).st_size
        if self.held != self.offset:
            handle.close()
            self.problem = Problem(
                problems.UPLOAD_OFFSET_MISMATCH,
                details={"offset": self.held},
                headers={"Upload-Offset": str(self.held)},
            )
            return
        self.handle = handle
        if self.held:
            _hash_file(path, self.digest)

    def write(self, piece: bytes) -> None:
        if self.handle is None and self.problem is None:
            self.open()
        if self.problem is not None:
            return  # refused: the bytes are only read past
        assert self.handle is not None  # `open` sets either the handle or a problem
        if self.held + len(piece) > self.length:
            self.handle.truncate(0)
            self.problem = Problem(
                problems.ATTACHMENT_SIZE_MISMATCH,
                details={"length": self.length, "received_at_least": self.held + len(piece)},
            )
            return
        self.handle.write(piece)
        self.digest.update(piece)
        self.held += len(piece)

    def close(self, tail: bytes, ended: bool) -> Received:
        """Write the last bytes and finish the part: sync what stopped short; verify and
        publish what is whole."""
        self.write(tail)
        if self.handle is None:
            assert self.problem is not None  # `open` sets either the handle or a problem
            raise self.problem
        try:
            self.handle.flush()
            if self.problem is not None:
                raise self.problem
            if not ended or self.held < self.length:
                os.fdatasync(self.handle.fileno())  # the offset we answer is on disk
                return Received(self.held, False)
            return Received(self.held, True, self._publish())
        finally:
            self.handle.close()

    def _publish(self) -> str:
        part = self.store.part_name(self.sha256, self.device)
        actual = self.digest.hexdigest()
        if actual != self.sha256:
            with suppress(FileNotFoundError):
                os.unlink(part)
            raise Problem(
                problems.ATTACHMENT_HASH_MISMATCH, details={"declared": self.sha256, "received": actual}
            )
        target = self.store.blob_name(self.sha256)
        os.replace(part, target)
        return target


def make_durable(paths: Iterable[str]) -> None:
    """fdatasync each file, then fsync each directory that got a new entry (the renames).

    Many files at once: one syncfs of their file system (Linux) costs one journal commit
    instead of one per file."""
    paths = list(paths)
    if len(paths) > 4 and _syncfs(os.path.dirname(paths[0])):
        return
    for path in paths:
        _fsync(path, os.O_RDONLY, os.fdatasync)
    for directory in {os.path.dirname(path) for path in paths}:
        _fsync(directory, os.O_RDONLY | os.O_DIRECTORY, os.fsync)


def _fsync(path: str, flags: int, sync) -> None:
    descriptor = os.open(path, flags)
    try:
        sync(descriptor)
    finally:
        os.close(descriptor)


def _syncfs(directory: str) -> bool:
    """Write out and wait for everything of the file system holding `directory`; False
    where the call does not exist or fails (then each file is synced on its own)."""
    if _libc is None or not hasattr(_libc, "syncfs"):
        return False
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return _libc.syncfs(descriptor) == 0
    finally:
        os.close(descriptor)


def _hash_file(path: str, digest: Digest) -> None:
    with open(path, "rb") as handle:
        while piece := handle.read(READ_PIECE):
            digest.update(piece)


async def body_pieces(stream: AsyncIterator[bytes], idle_s: float) -> AsyncIterator[bytes]:
    """A request body, ended early if the client sends nothing for `idle_s` (a dead link
    never says goodbye). Bodies come in tens of thousands of small pieces, so a piece costs
    a clock reading, not a timer (see `IdleWatch`)."""
    iterator = stream.__aiter__()
    with IdleWatch(idle_s) as watch:
        while True:
            watch.wait_begins()
            try:
                piece = await iterator.__anext__()
            except StopAsyncIteration:
                return
            except asyncio.CancelledError:
                if watch.expired():
                    return
                raise
            watch.wait_ends()
            yield piece


class IdleWatch:
    """Cancels the current task once it has waited `idle_s` for the next piece. One timer
    checks now and then, and is set again for when the wait in progress would run out."""

    def __init__(self, idle_s: float) -> None:
        self.idle_s = idle_s
        self.loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("IdleWatch runs only inside a task")
        self.task = task
        self.waiting = False
        self.since = self.loop.time()
        self._cancelled = False
        self._cancelling = self.task.cancelling()  # cancellations already asked of the task
        self._handle: asyncio.TimerHandle | None = None

    def __enter__(self) -> IdleWatch:
        self._handle = self.loop.call_at(self.since + self.idle_s, self._check)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def wait_begins(self) -> None:
        self.waiting, self.since = True, self.loop.time()

    def wait_ends(self) -> None:
        self.waiting = False

    def _check(self) -> None:
        now = self.loop.time()
        if self.waiting and now - self.since >= self.idle_s:
            self._cancelled = True
            self.task.cancel()
            return
        due = self.since + self.idle_s if self.waiting else now + self.idle_s
        self._handle = self.loop.call_at(due, self._check)

    def expired(self) -> bool:
        """Whether the cancellation now being raised is ours alone (then it is taken back);
        one asked by anybody else goes on."""
        if not self._cancelled:
            return False
        self._cancelled = False
        return self.task.uncancel() <= self._cancelling
