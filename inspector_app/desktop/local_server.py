"""`make run`: a local central server with demo data, and the workstation enrolled with it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

DEMO_PORT = 8765
DEMO_USER, DEMO_PASSWORD = "inspector", "demo-password"


def _die_with_parent() -> None:
    """Linux: the server ends when the app ends, however the app ends."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class LocalServer:
    """`inspector-server` on 127.0.0.1 over an SQLite file in `folder`, seeded with demo data."""

    def __init__(self, folder: Path, port: int = DEMO_PORT) -> None:
        self.folder, self.port = folder, port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "INSPECTOR_SERVER_DB": str(self.folder / "server.db"),
            "INSPECTOR_BLOB_DIR": str(self.folder / "blobs"),
            "INSPECTOR_LOG_LEVEL": "WARNING",
        }

    def start(self, timeout: float = 60) -> LocalServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "sync.server.cli"]
        for step in ("migrate", "seed-demo"):
            subprocess.run([*command, step], env=self.environment(), check=True, capture_output=True)
        with open(self.folder / "server.log", "ab") as log:  # the server keeps its own copy
            self.process = subprocess.Popen(
                [*command, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the demo server did not start; see {self.folder / 'server.log'}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def enrol_demo(store, catalogue, received_forms: Path, url: str) -> None:
    """Sign the demo store in to the server once (the first sync then brings the register)."""
    from inspector_app.desktop.services.sync_store import StoreSyncAdapter
    from inspector_app.desktop.sync.service import SyncService, enrol

    adapter = StoreSyncAdapter(store, catalogue, received_forms)
    if adapter.enrolment() is None:
        enrol(adapter, requests.Session(), url, DEMO_USER, DEMO_PASSWORD, "demo laptop")
        SyncService(adapter).run_once()
