"""Per-address limits on requests, for the public /verify page: a QR code is checked a few
times, an enumeration of numbers is thousands of requests.

Two layers: `SlidingWindow` in this process's memory turns a flood away without touching the
database; `shared_wait` counts in the database, so every server process shares one limit.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.persistence.models import RateWindow


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


def shared_wait(session: Session, key: str, limit: int, window_s: int = 60, now: float | None = None) -> int:
    """0 if a request under `key` may go now (and count it), else seconds to wait.

    A fixed window counted in the database with one upsert, so every process sees the same
    count. Windows that ended are deleted when a key starts a new one.
    """
    now = time.time() if now is None else now
    window = int(now // window_s) * window_s
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    table = RateWindow.__table__
    statement = insert(table).values(key=key[:120], window_start=window, count=1)
    same_window = table.c.window_start == statement.excluded.window_start
    upsert = statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "count": sa.case((same_window, table.c.count + 1), else_=1),
            "window_start": statement.excluded.window_start,
        },
    ).returning(table.c.count)
    count = session.execute(upsert).scalar_one()
    if count == 1:
        session.execute(sa.delete(table).where(table.c.window_start < window - window_s))
    if count > limit:
        return max(1, math.ceil(window + window_s - now))
    return 0
