"""Sending attachments on their own thread while the records are pushed.

Whole attachments that fit the current chunk go several to a request (`POST /uploads/batch`);
an attachment larger than the chunk, or one the server already holds a part of, goes through
the resumable tus path from the offset the server acknowledged. The chunk adapts to the link
(see PROTOCOL.md), so after a cut no more than one chunk is sent again.

Attachments go out on `CONNECTIONS` threads, each with a request in flight, so one
request's last bytes, the server's check and its answer overlap the next request's bytes.
On a slow link this matters most: at 256 kbit/s and 300 ms round trip a 64 KiB chunk takes
2 s and its answer 0.3 s more, and TCP waits 0.5 s after each lost segment; with one
connection the link idles through all of it (measured: 1.5x the bandwidth's time), with
two the other connection's bytes fill those pauses. A cut costs no more for it: the server
keeps every byte that arrived, so only the bytes still in the network are sent again. Each
connection's chunk time is judged by its share of the link (the time divided by the
connections sending meanwhile), so two connections keep the chunk a single one would have.
The bytes are read from the local store by the caller's thread and handed over in a bounded
queue.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from inspector_app.core import problems
from inspector_app.core.domain.errors import UserError
from inspector_app.core.problems import Problem
from inspector_app.desktop.sync.http import SyncClient, Unreachable

log = logging.getLogger("inspector.sync")

MIN_CHUNK = 16 * 1024
MAX_CHUNK = 32 * 1024 * 1024
FAST_CHUNK_S = 1.0  # a chunk sent faster than this doubles the next one
SLOW_CHUNK_S = 4.0  # slower than this halves it
UPLOAD_FAILURES = 8  # consecutive failures before giving up this pass
MAX_QUEUED_BYTES = 64 * 1024 * 1024
CONNECTIONS = 2


@dataclass
class Item:
    sha256: str
    offset: int
    data: bytes


@dataclass
class Chunking:
    """The chunk size, adapted to how fast chunks go through."""

    size: int = 64 * 1024
    clock: Callable[[], float] = time.monotonic

    def sent(self, seconds: float, sent: int) -> None:
        if 2 * sent < self.size:
            return  # too small a sample to judge the link
        if seconds < FAST_CHUNK_S:  # far under the limit: grow faster on a fast link
            growth = 8 if seconds < FAST_CHUNK_S / 8 else 2
            self.size = min(MAX_CHUNK, self.size * growth)
        elif seconds > SLOW_CHUNK_S:
            self.size = max(MIN_CHUNK, self.size // 2)

    def failed(self) -> None:
        self.size = max(MIN_CHUNK, self.size // 2)


@dataclass
class Outcome:
    verified: set[str] = field(default_factory=set)
    uploaded: int = 0
    bytes_sent: int = 0
    notes: list[UserError] = field(default_factory=list)


class Uploader:
    def __init__(self, client: SyncClient, chunking: Chunking, connections: int = CONNECTIONS) -> None:
        self.client = client
        self.chunking = chunking
        self.outcome = Outcome()
        self._queue: deque[Item] = deque()
        self._queued_bytes = 0
        self._closed = False
        self._error: BaseException | None = None
        self._failures = 0  # consecutive, over all connections
        self._busy = 0  # connections with a request in flight
        self._lock = threading.Condition()
        self._threads = [
            threading.Thread(target=self._run, args=(n,), name=f"sync-uploads-{n}", daemon=True)
            for n in range(connections)
        ]

    # --- the caller's side ------------------------------------------------------------

    def start(self) -> Uploader:
        for thread in self._threads:
            thread.start()
        return self

    def put(self, sha256: str, offset: int, data: bytes) -> None:
        """Queue an attachment; waits while too many bytes are queued. Raises the
        uploader's error, if it stopped on one."""
        with self._lock:
            while self._queued_bytes > MAX_QUEUED_BYTES and self._error is None and not self._closed:
                self._lock.wait()
            self._raise()
            self._queue.append(Item(sha256, offset, data))
            self._queued_bytes += len(data) - offset
            self._lock.notify_all()

    def verified(self) -> set[str]:
        with self._lock:
            return set(self.outcome.verified)

    def finish(self) -> Outcome:
        """Wait until everything queued is sent; raise what stopped the uploads."""
        self.close()
        with self._lock:
            self._raise()
        return self.outcome

    def close(self) -> None:
        """No more attachments: the threads end when the queue is empty (or at once after an
        error). Safe to call twice."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        for thread in self._threads:
            if thread.is_alive():
                thread.join()

    def abandon(self) -> None:
        """Stop after the request in flight (the pass failed elsewhere)."""
        with self._lock:
            self._queue.clear()
            self._queued_bytes = 0
        self.close()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    # --- the thread -----------------------------------------------------------------------

    def _run(self, connection: int) -> None:
        try:
            while (group := self._next_group(connection)) is not None:
                if len(group) == 1 and (group[0].offset or len(group[0].data) > self.chunking.size):
                    self._send_resumable(group[0])
                else:
                    self._send_batch(group)
        except BaseException as error:  # handed to the caller's thread by finish()
            with self._lock:
                self._error = self._error or error
                self._lock.notify_all()

    def _waits(self, connection: int) -> bool:
        """Whether this connection should wait before taking work."""
        if self._error is not None:
            return False
        return not self._queue and not self._closed

    def _next_group(self, connection: int) -> list[Item] | None:
        """The next request's worth: whole attachments that fit one chunk, or one item.
        None when there is nothing more to send, or another connection stopped on an error."""
        with self._lock:
            while self._waits(connection):
                self._lock.wait(0.2)
            if not self._queue or self._error is not None:
                return None
            group = [self._queue.popleft()]
            budget = self.chunking.size - len(group[0].data)
            if group[0].offset == 0 and budget >= 0:
                while self._queue and self._queue[0].offset == 0 and len(self._queue[0].data) <= budget:
                    budget -= len(self._queue[0].data)
                    group.append(self._queue.popleft())
            self._queued_bytes -= sum(len(i.data) - i.offset for i in group)
            self._lock.notify_all()
            return group

    def _requeue(self, items: list[Item]) -> None:
        with self._lock:
            for item in reversed(items):
                self._queue.appendleft(item)
                self._queued_bytes += len(item.data) - item.offset
            self._lock.notify_all()

    def _begin(self) -> tuple[float, int]:
        with self._lock:
            self._busy += 1
            return self.chunking.clock(), self._busy

    def _end(self, began: tuple[float, int], sent: int) -> None:
        """Judge the link by this request's share of it: the time over the connections
        sending meanwhile (at its start and its end, averaged)."""
        with self._lock:
            share = (began[1] + self._busy) / 2
            self._busy -= 1
        if sent:
            self.chunking.sent((self.chunking.clock() - began[0]) / share, sent)

    def _sent(self, count: int) -> None:
        with self._lock:
            self.outcome.bytes_sent += count

    def _verified(self, sha256: str) -> None:
        with self._lock:
            if sha256 not in self.outcome.verified:
                self.outcome.verified.add(sha256)
                self.outcome.uploaded += 1

    def _refused(self, sha256: str) -> None:
        log.error("attachment bytes do not match their hash", extra={"sha256": sha256})
        with self._lock:
            self.outcome.notes.append(UserError("sync.photo_missing", record=sha256[:12]))

    # --- many small attachments in one request ----------------------------------------------

    def _send_batch(self, group: list[Item]) -> None:
        sent = sum(len(i.data) for i in group)
        began = self._begin()
        try:
            states = self.client.upload_batch([(i.sha256, i.data) for i in group])
        except Problem as problem:
            self._end(began, 0)
            if problem.status < 500 and problem.kind is not problems.UPLOAD_LOCKED:
                raise
            return self._batch_failed(group)
        except (Unreachable, requests.RequestException):
            self._end(began, 0)
            self._sent(sent)  # at most this much was lost
            return self._batch_failed(group)
        self._end(began, sent)
        self._sent(sent)
        self._failures = 0
        again = []
        for item, state in zip(group, states, strict=False):
            if state.verified:
                self._verified(item.sha256)
            elif state.error is not None and state.error.code == problems.ATTACHMENT_HASH_MISMATCH.code:
                self._refused(item.sha256)
            else:  # held by another request, or a part of it is already there: resume
                again.append(Item(item.sha256, state.offset, item.data))
        if again:
            self._back_off()
        self._requeue(again)

    def _batch_failed(self, group: list[Item]) -> None:
        """Back off, then ask what arrived: verified parts are done, the rest resume."""
        self._back_off()
        states = {s.sha256: s for s in self.client.attachment_status([i.sha256 for i in group])}
        again = []
        for item in group:
            state = states.get(item.sha256)
            if state is not None and state.verified:
                self._verified(item.sha256)
            else:
                again.append(Item(item.sha256, state.offset if state else 0, item.data))
        self._requeue(again)

    # --- one attachment, resumable ----------------------------------------------------------

    def _send_resumable(self, item: Item) -> None:
        data, offset = item.data, item.offset
        while True:
            chunk = data[offset : offset + self.chunking.size]
            began = self._begin()
            try:
                state = self.client.upload_chunk(item.sha256, offset, len(data), chunk)
            except Problem as problem:
                self._end(began, 0)
                if problem.kind is problems.UPLOAD_OFFSET_MISMATCH:
                    offset = int(problem.details.get("offset", 0))
                    self._count_failure()
                    continue
                if problem.kind is problems.ATTACHMENT_HASH_MISMATCH:
                    return self._refused(item.sha256)
                if problem.status < 500 and problem.kind is not problems.UPLOAD_LOCKED:
                    raise
                offset = self._resume_point(item.sha256)
            except (Unreachable, requests.RequestException):
                self._end(began, 0)
                self._sent(len(chunk))  # at most this much was lost
                offset = self._resume_point(item.sha256)
            else:
                self._end(began, len(chunk))
                self._sent(len(chunk))
                self._failures = 0
                offset = state.offset
                if state.verified:
                    return self._verified(item.sha256)
                continue
            if offset < 0:
                return self._verified(item.sha256)

    def _resume_point(self, sha256: str) -> int:
        """After a failure: back off and ask the server how far it got (-1: verified)."""
        self._back_off()
        state = self.client.upload_offset(sha256)
        return -1 if state.verified else state.offset

    def _back_off(self) -> None:
        self._count_failure()
        self.chunking.failed()
        self.client.sleep(self.client.retry.delay(self._failures))

    def _count_failure(self) -> None:
        with self._lock:
            self._failures += 1
        if self._failures >= UPLOAD_FAILURES:
            raise Unreachable(f"attachment uploads failed {self._failures} times in a row")
