"""The uploader's connections share one queue: whatever one of them puts back after a
failure is sent, whichever connections are still there."""

from __future__ import annotations

import itertools
import threading
import time

from inspector_app.core import protocol
from inspector_app.desktop.sync.http import RetryPolicy, Unreachable
from inspector_app.desktop.sync.uploads import Chunking, Uploader
from tests.kit.factory import photo_bytes, sha256

START = 1024 * 1024  # the chunk: one photo per request


class OneFailure:
    """A server where each connection takes one photo, and the second one's upload dies
    once the first connection has run out of work and left (the chunk then halves)."""

    def __init__(self) -> None:
        self.retry = RetryPolicy(attempts=1, base_delay=0.0)
        self.uploader: Uploader | None = None
        self.second_started = threading.Event()
        self.failed = False
        self.received: list[str] = []

    def sleep(self, _seconds: float) -> None:
        pass

    def upload_batch(self, parts):
        if threading.current_thread().name.endswith("-1") and not self.failed:
            self.second_started.set()
            first = self.uploader._threads[0]
            while first.is_alive():
                time.sleep(0.01)
            self.failed = True
            raise Unreachable("cut")
        self.second_started.wait(5)
        self.received += [sha for sha, _ in parts]
        return [
            protocol.PartState(sha256=sha, size=len(data), offset=len(data), verified=True)
            for sha, data in parts
        ]

    def upload_chunk(self, sha, offset, length, data):  # the resumable path, chunk by chunk
        done = offset + len(data)
        if done == length:
            self.received.append(sha)
        return protocol.AttachmentState(sha256=sha, size=length, offset=done, verified=done == length)

    def attachment_status(self, shas):
        return [protocol.AttachmentState(sha256=sha) for sha in shas]


def test_an_attachment_put_back_after_the_first_connection_left_is_still_sent():
    client = OneFailure()
    ticks = itertools.count(0.0, 2.0)  # every request takes 2 s: the chunk neither grows nor shrinks
    uploader = Uploader(client, Chunking(START, clock=lambda: next(ticks)))
    client.uploader = uploader
    photos = [photo_bytes(700_000, 1), photo_bytes(700_000, 2)]  # one per request
    uploader.start()
    for data in photos:
        uploader.put(sha256(data), 0, data)
    finishing = threading.Thread(target=uploader.finish, daemon=True)
    finishing.start()
    finishing.join(15)
    assert not finishing.is_alive(), "the uploader never finished"
    assert client.failed and uploader.chunking.size < START
    assert sorted(client.received) == sorted(sha256(d) for d in photos)
    assert uploader.outcome.verified == {sha256(d) for d in photos}
