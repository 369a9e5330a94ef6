"""A per-address limit on requests in a sliding window, kept in this process's memory.

Used for the public /verify page: a QR code is checked a few times, an enumeration of
numbers is thousands of requests. Each server process counts on its own, so with N workers
an address gets at most N times the limit.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque


class SlidingWindow:
    def __init__(self, limit: int, window_s: float = 60.0, max_addresses: int = 100_000) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_addresses = max_addresses
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, address: str, now: float | None = None) -> int:
        """0 if a request from `address` may go now (and count it), else seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.pop(address, None) or deque()
            while times and times[0] <= now - self.window_s:
                times.popleft()
            self._seen[address] = times  # most recently used last
            if len(self._seen) > self.max_addresses:
                self._seen.popitem(last=False)
            if len(times) >= self.limit:
                return max(1, math.ceil(times[0] + self.window_s - now))
            times.append(now)
            return 0
