"""An upload body ends when the client has sent nothing for the idle limit, and only then:
not while pieces keep coming slowly, nor while the server itself is busy between pieces."""

from __future__ import annotations

import asyncio
import time

import pytest

from sync.server.persistence.blobs import body_pieces

IDLE = 0.3


async def _pieces(gaps: list[float]):
    for gap in gaps:
        await asyncio.sleep(gap)
        yield b"x" * 10


async def _read(gaps: list[float], busy: float = 0.0) -> tuple[int, float]:
    count, start = 0, time.monotonic()
    async for _ in body_pieces(_pieces(gaps), IDLE):
        count += 1
        await asyncio.sleep(busy)  # the server writing the piece
    return count, time.monotonic() - start


def test_a_client_gone_silent_is_let_go_after_the_idle_limit():
    count, took = asyncio.run(_read([0, 0, 5.0]))
    assert count == 2
    assert IDLE <= took < IDLE + 0.5


def test_slow_pieces_within_the_limit_are_all_read():
    count, took = asyncio.run(_read([IDLE * 0.6] * 8))
    assert count == 8 and took > 3 * IDLE


def test_the_server_busy_between_pieces_does_not_count_as_the_client_idle():
    count, _ = asyncio.run(_read([0.0] * 4, busy=IDLE * 2))
    assert count == 4


def test_a_cancellation_from_elsewhere_is_not_swallowed():
    async def reader():
        async for _ in body_pieces(_pieces([0, 5.0]), IDLE):
            pass

    async def main():
        task = asyncio.create_task(reader())
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
