"""An emulated slow link for the fault proxy (the kernel's netem is not available everywhere).

The model, per direction (client to server, server to client), each direction a link of its own:

- Rate: a token bucket at `rate` bytes/s shared by every connection through the proxy, holding
  no burst: the link carries one 1,460-byte segment after another, each taking
  `segment / rate` seconds. Connections with data waiting take turns, one read (at most
  `READ` bytes) at a time.
- Delay: every segment is released to the far side `delay` seconds after the link finished
  carrying it (a release queue per connection and direction, so delay is paid once per
  burst and overlaps the next segments' transmission, as a real link's propagation delay).
- Loss as TCP feels it: each segment is lost with probability `loss` (a seeded generator per
  connection and direction). A lost segment took its time on the link for nothing and is
  carried again (its bytes counted again); before that the connection waits a retransmission
  timeout, `min_rto` + the round trip (doubled for a segment lost again), during which that
  connection's direction sends nothing and delivers nothing past the hole, while the link
  carries the other connections' segments.
- A new connection sends its first bytes one round trip after it was accepted (the handshake).

Not modelled: TCP/IP headers (the counts and the rate are of payload bytes), ACK traffic,
slow start after a timeout, TLS handshakes, and a receive window smaller than the link's
bandwidth-delay product (9.6 KB at 256 kbit/s and 300 ms).
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass

READ = 8 * 1024  # a connection takes the link for at most this much at a time
MARGIN = 0.05  # a sender reads its next bytes this long before the link is free for them


@dataclass(frozen=True)
class LinkModel:
    rate: float  # bytes per second, each direction
    delay: float = 0.0  # one way, seconds
    loss: float = 0.0  # probability a segment is lost
    segment: int = 1460
    min_rto: float = 0.2
    seed: int = 0

    @property
    def rtt(self) -> float:
        return 2 * self.delay

    @property
    def rto(self) -> float:
        return self.min_rto + self.rtt


RURAL = LinkModel(rate=256_000 / 8, delay=0.150, loss=0.01, seed=2026)


class Wire:
    """One direction of the link: its schedule and what it carried."""

    def __init__(self, model: LinkModel) -> None:
        self.model = model
        self.free_at = 0.0  # when the link has carried everything reserved so far
        self.carried = 0  # bytes put on the link, retransmissions included
        self.retransmitted = 0
        self.losses = 0
        self.stalled = 0.0  # seconds connections waited on retransmission timeouts
        self._lock = threading.Lock()

    def carry(self, size: int, not_before: float) -> float:
        """Reserve the link for `size` bytes from `not_before` at the earliest: when it ends."""
        with self._lock:
            start = max(not_before, self.free_at)
            self.free_at = start + size / self.model.rate
            self.carried += size
            return self.free_at

    def lost(self, size: int, wait: float) -> None:
        with self._lock:
            self.losses += 1
            self.retransmitted += size
            self.stalled += wait


class Flow:
    """One direction of one connection over a `Wire`: segments are scheduled on the wire by
    the reading thread and written to `target` at their release times by a thread of its own."""

    def __init__(self, wire: Wire, target: socket.socket, forward, seed: int, ready_at: float) -> None:
        self.wire, self.model = wire, wire.model
        self.target, self.forward = target, forward
        self.rng = random.Random(seed)
        self.ready_at = ready_at  # no segment of this flow leaves before this
        self.released_at = 0.0
        self.queue: deque[tuple[float, bytes] | None] = deque()
        self.cond = threading.Condition()
        self.dead = False
        self.thread = threading.Thread(target=self._release, name="link-flow", daemon=True)
        self.thread.start()

    def send(self, data: bytes, arrival: float) -> None:
        """Schedule `data` (read at `arrival`) segment by segment; return when the next bytes
        may be read."""
        ready = max(arrival, self.ready_at)
        size = self.model.segment
        end = ready
        for start in range(0, len(data), size):
            piece = data[start : start + size]
            end, wait = self.wire.carry(len(piece), ready), self.model.rto
            while self.rng.random() < self.model.loss:
                self.wire.lost(len(piece), wait)
                ready = end + wait
                self._sleep_until(ready - MARGIN)  # the link serves others meanwhile
                end, wait = self.wire.carry(len(piece), ready), 2 * wait
            self._put(max(end + self.model.delay, self.released_at), piece)
            ready = end
        self.ready_at = end
        self._sleep_until(end - MARGIN)

    def drain(self) -> None:
        """Wait until everything scheduled has been written (or the connection died)."""
        with self.cond:
            self.queue.append(None)
            self.cond.notify_all()
        self.thread.join()

    def kill(self) -> None:
        with self.cond:
            self.dead = True
            self.queue.clear()
            self.cond.notify_all()

    def _put(self, release: float, piece: bytes) -> None:
        self.released_at = release
        with self.cond:
            if self.dead:
                raise ConnectionAbortedError
            self.queue.append((release, piece))
            self.cond.notify_all()

    def _sleep_until(self, moment: float) -> None:
        pause = moment - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        if self.dead:
            raise ConnectionAbortedError

    def _release(self) -> None:
        try:
            while True:
                with self.cond:
                    while not self.queue and not self.dead:
                        self.cond.wait()
                    if self.dead:
                        return
                    head = self.queue[0]
                if head is None:
                    return
                pause = head[0] - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                self._write_due()
        except OSError:
            self.kill()

    def _write_due(self) -> None:
        """Write every segment due by now in one go."""
        now, due = time.monotonic(), []
        with self.cond:
            while self.queue:
                head = self.queue[0]
                if head is None or head[0] > now:
                    break
                due.append(head[1])
                self.queue.popleft()
        if due and not self.dead:
            self.forward(self.target, b"".join(due))
