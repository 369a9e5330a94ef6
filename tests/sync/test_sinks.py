"""The benchmark's floors, run as the benchmark runs them: each stores the whole stream,
answers its size and leaves no file behind."""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import sys
import time

import pytest
import requests

from tests.kit import sink
from tests.kit.server import free_port


@pytest.mark.parametrize("name", ["app", "durable_app"])
def test_a_sink_takes_a_stream_of_many_pieces_and_answers_its_size(name, tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            f"tests.kit.sink:{name}",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env={**os.environ, "SINK_DIR": str(tmp_path)},
    )
    try:
        pieces = [os.urandom(300_000) for _ in range(20)]  # past GATHER and WRITEBACK both
        answer = _post_when_up(f"http://127.0.0.1:{port}/", pieces)
        assert answer.text == str(sum(map(len, pieces)))
        assert list(tmp_path.iterdir()) == []
    finally:
        process.terminate()
        process.wait(10)


def test_the_durable_writer_hashes_and_writes_every_byte_in_order(tmp_path):
    pieces = [os.urandom(size) for size in (1, 5_000_000, 70_000, 0, 3)]
    writer = sink.DurableWriter(tmp_path / "stream.bin")
    try:
        for piece in pieces:
            writer.put(piece)
        digest = asyncio.run(writer.synced())
    finally:
        writer.close()
    assert digest == hashlib.sha256(b"".join(pieces)).hexdigest()
    assert (tmp_path / "stream.bin").read_bytes() == b"".join(pieces)


def _post_when_up(url: str, pieces: list[bytes]) -> requests.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return requests.post(url, data=iter(pieces), timeout=30)
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
