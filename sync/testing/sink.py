"""The floor of the sync benchmark: an ASGI app that stores one POSTed stream in a file.

Run as `python -m uvicorn sync.testing.sink:app`; SINK_DIR says where the file goes.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = Path(os.environ.get("SINK_DIR", ".")) / f"{uuid.uuid4().hex}.bin"
    size = 0
    with path.open("wb") as out:
        while True:
            message = await receive()
            out.write(message.get("body", b""))
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
    path.unlink()
    body = str(size).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
