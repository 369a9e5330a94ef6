"""A TCP proxy that injects network faults between the sync client and the server.

Per connection a `Fault` is drawn from the plan: pass, drop after N bytes (either way),
answer a bare HTTP 500/503 without reaching the server, or stall then drop. Every byte is
counted both ways, so tests can say how much was sent and re-sent.

The link can be shaped two ways:
- `bandwidth` and `latency`: each read is held `size / bandwidth` seconds, and a burst after
  a pause pays `latency` once (simple, per connection).
- `link=LinkModel(...)` (see `tests.kit.link`): a link shared by every connection, per
  direction a token bucket at the model's rate, a one-way delay on every segment forwarded
  (a release queue, so the delay is paid once per burst, not per chunk), and loss as TCP
  feels it: each 1,460-byte segment lost with the model's probability (seeded) is carried
  again, its bytes counted again, after the connection waited a retransmission timeout
  (200 ms + the round trip). `wire_up` and `wire_down` count the bytes the link carried,
  retransmissions included; `up_wire` / `down_wire` hold the losses and the time stalled.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.kit.link import READ, Flow, LinkModel, Wire

PIECE = 16 * 1024


@dataclass(frozen=True)
class Fault:
    kind: str = "pass"  # pass / drop_up / drop_down / respond / stall
    after: int = 0  # bytes before a drop
    status: int = 503
    seconds: float = 0.0

    @staticmethod
    def random(rng: random.Random, rate: float, max_offset: int = 300_000) -> Fault:
        if rng.random() >= rate:
            return Fault()
        kind = rng.choice(("drop_up", "drop_up", "drop_down", "respond", "respond", "stall"))
        return Fault(
            kind,
            after=rng.randint(0, max_offset),
            status=rng.choice((500, 503)),
            seconds=rng.uniform(0.2, 1.5),
        )


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        plan: Callable[[int], Fault] = lambda n: Fault(),
        bandwidth: float | None = None,
        latency: float = 0.0,
        link: LinkModel | None = None,
    ) -> None:
        self.upstream_port = upstream_port
        self.plan = plan
        self.bandwidth = bandwidth  # bytes per second, each direction
        self.latency = latency
        self.link = link
        self.up_wire = Wire(link) if link else None
        self.down_wire = Wire(link) if link else None
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.faults: list[str] = []
        self.on_bytes_up: Callable[[int], None] | None = None
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._running = True
        threading.Thread(target=self._accept, name="faultproxy", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def wire_up(self) -> int:
        """Bytes the link carried client to server, retransmissions included."""
        return self.up_wire.carried if self.up_wire else self.bytes_up

    @property
    def wire_down(self) -> int:
        return self.down_wire.carried if self.down_wire else self.bytes_down

    def close(self) -> None:
        self._running = False
        self._listener.close()
        with self._lock:
            for s in list(self._sockets):
                _reset(s)

    def close_connections(self) -> None:
        """Cut every open connection at once (the link went down), keep listening."""
        with self._lock:
            live, self._sockets = list(self._sockets), set()
        for s in live:
            _reset(s)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                number = self.connections
                self.connections += 1
            fault = self.plan(number)
            if fault.kind != "pass":
                with self._lock:
                    self.faults.append(fault.kind)
            threading.Thread(target=self._serve, args=(client, fault, number), daemon=True).start()

    def _serve(self, client: socket.socket, fault: Fault, number: int = 0) -> None:
        accepted = time.monotonic()
        self._track(client)
        if fault.kind == "respond":
            return self._respond(client, fault.status)
        if fault.kind == "stall":
            time.sleep(fault.seconds)
            return _reset(client)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=10)
        except OSError:
            return _reset(client)
        upstream.settimeout(None)
        self._track(upstream)
        pair = (client, upstream)
        up_limit = fault.after if fault.kind == "drop_up" else None
        down_limit = fault.after if fault.kind == "drop_down" else None
        up_flow = down_flow = None
        if self.link and self.up_wire and self.down_wire:  # first bytes one round trip after the accept
            seed = self.link.seed * 1_000_003 + 2 * number
            up_flow = Flow(self.up_wire, upstream, self._forward_up, seed, accepted + self.link.rtt)
            down_flow = Flow(self.down_wire, client, self._forward_down, seed + 1, accepted)
        threading.Thread(
            target=self._pump, args=(client, upstream, True, up_limit, pair, up_flow), daemon=True
        ).start()
        self._pump(upstream, client, False, down_limit, pair, down_flow)

    def _respond(self, client: socket.socket, status: int) -> None:
        client.settimeout(5)
        try:
            client.recv(PIECE)
            body = b'{"detail": "injected fault"}'
            client.sendall(
                b"HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (status, len(body), body)
            )
        except OSError:
            pass
        _reset(client, graceful=True)

    def _pump(
        self, source: socket.socket, target: socket.socket, up: bool, limit: int | None, pair, flow=None
    ) -> None:
        moved, last = 0, 0.0
        try:
            while True:
                data = source.recv(PIECE if flow is None else READ)
                if not data:
                    break
                if limit is not None and moved + len(data) >= limit:
                    data = data[: max(0, limit - moved)]
                    self._pass(flow, target, data, up)
                    if flow is not None:
                        flow.drain()
                    raise ConnectionAbortedError
                if flow is None:
                    last = self._shape(len(data), last)
                self._pass(flow, target, data, up)
                moved += len(data)
            if flow is not None:
                flow.drain()  # what the link still carries arrives before the close
        except OSError:
            pass
        if flow is not None:
            flow.kill()
        for s in pair:
            _reset(s)

    def _pass(self, flow: Flow | None, target: socket.socket, data: bytes, up: bool) -> None:
        if flow is None:
            self._forward(target, data, up)
        elif data:
            flow.send(data, time.monotonic())

    def _forward_up(self, target: socket.socket, data: bytes) -> None:
        self._forward(target, data, True)

    def _forward_down(self, target: socket.socket, data: bytes) -> None:
        self._forward(target, data, False)

    def _shape(self, size: int, last: float) -> float:
        now = time.monotonic()
        if self.latency and now - last > self.latency:
            time.sleep(self.latency)  # a new burst pays the one-way delay
        if self.bandwidth:
            time.sleep(size / self.bandwidth)
        return time.monotonic()

    def _forward(self, target: socket.socket, data: bytes, up: bool) -> None:
        if not data:
            return
        target.sendall(data)
        with self._lock:
            if up:
                self.bytes_up += len(data)
            else:
                self.bytes_down += len(data)
            total = self.bytes_up
        if up and self.on_bytes_up is not None:
            self.on_bytes_up(total)

    def _track(self, s: socket.socket) -> None:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle stalls on small replies
        with self._lock:
            self._sockets.add(s)


def _reset(s: socket.socket, graceful: bool = False) -> None:
    try:
        if not graceful:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv on it
    except OSError:
        pass
    with contextlib.suppress(OSError):
        s.close()
