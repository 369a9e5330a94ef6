"""Attachment bytes: content-addressed files, and resumable partial uploads.

A partial upload is a file `uploads/<sha256>.<device>.part`; its size is the offset the
server acknowledges, so it survives a restart of the server with nothing else to recover.
One writer at a time per part file (an advisory file lock); a second request for the same
upload is told to retry. When the declared length is reached the bytes are checked against
the SHA-256 in the URL: a match is renamed into `blobs/ab/<sha256>`, a mismatch is deleted.
"""
from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import AsyncIterator, Iterator

from sync import problems
from sync.problems import Problem

READ_PIECE = 1024 * 1024
IDLE_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Received:
    offset: int
    complete: bool


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "blobs").mkdir(parents=True, exist_ok=True)
        (root / "uploads").mkdir(parents=True, exist_ok=True)

    def blob_path(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / sha256

    def has_blob(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    def part_path(self, sha256: str, device: str) -> Path:
        return self.root / "uploads" / f"{sha256}.{device}.part"

    def offset(self, sha256: str, device: str) -> int:
        try:
            return self.part_path(sha256, device).stat().st_size
        except FileNotFoundError:
            return 0

    def open_blob(self, sha256: str):
        return self.blob_path(sha256).open("rb")

    async def receive(self, sha256: str, device: str, offset: int, length: int,
                      stream: AsyncIterator[bytes]) -> Received:
        """Append the body at `offset`; verify and publish when `length` is reached."""
        part = self.part_path(sha256, device)
        with _locked(part) as handle:
            held = os.fstat(handle.fileno()).st_size
            if held != offset:
                raise Problem(problems.UPLOAD_OFFSET_MISMATCH, details={"offset": held},
                              headers={"Upload-Offset": str(held)})
            digest = _hash_prefix(part, held)
            try:
                held = await _append(handle, stream, held, length, digest)
            finally:
                handle.flush()
            if held < length:
                return Received(held, False)
            self._publish(part, sha256, digest.hexdigest())
            return Received(held, True)

    def _publish(self, part: Path, sha256: str, actual: str) -> None:
        if actual != sha256:
            part.unlink(missing_ok=True)
            raise Problem(problems.ATTACHMENT_HASH_MISMATCH,
                          details={"declared": sha256, "received": actual})
        target = self.blob_path(sha256)
        target.parent.mkdir(exist_ok=True)
        os.replace(part, target)

    def discard(self, sha256: str, device: str) -> None:
        self.part_path(sha256, device).unlink(missing_ok=True)


@contextmanager
def _locked(part: Path) -> Iterator:
    handle = part.open("ab")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Problem(problems.UPLOAD_LOCKED, headers={"Retry-After": "2"}) from None
        yield handle
    finally:
        handle.close()


def _hash_prefix(part: Path, size: int):
    digest = hashlib.sha256()
    if size:
        with part.open("rb") as handle:
            while piece := handle.read(READ_PIECE):
                digest.update(piece)
    return digest


async def _pieces(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The body, ended early if the client goes silent (a dead link never says goodbye)."""
    iterator = stream.__aiter__()
    while True:
        try:
            yield await asyncio.wait_for(iterator.__anext__(), IDLE_TIMEOUT_S)
        except (StopAsyncIteration, asyncio.TimeoutError):
            return


async def _append(handle, stream: AsyncIterator[bytes], held: int, length: int, digest) -> int:
    async for piece in _pieces(stream):
        if not piece:
            continue
        if held + len(piece) > length:
            handle.truncate(0)
            raise Problem(problems.ATTACHMENT_SIZE_MISMATCH,
                          details={"length": length, "received_at_least": held + len(piece)})
        handle.write(piece)
        digest.update(piece)
        held += len(piece)
    return held
