"""The central server in a subprocess (`python -m sync.server.cli`): `make run` starts one with
demo data and enrols the workstation with it, and the test kit starts its servers the same way.
The desktop never imports the server's code; it runs its command line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

DEMO_PORT = 8765
DEMO_USER, DEMO_PASSWORD = "inspector", "demo-password"
SERVER_COMMAND = (sys.executable, "-m", "sync.server.cli")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: the server ends when the thread that started it ends, however it ends."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


class ServerProcess:
    """`inspector-server serve` on 127.0.0.1 over `database_url`, in a process group of its own
    (stopping it stops its workers too), its output appended to `log_path`. With
    `die_with_parent` (Linux) it also ends when the thread that started it ends, even killed:
    for a server started by the app's main thread."""

    def __init__(
        self,
        database_url: str,
        blob_dir: Path,
        log_path: Path,
        port: int | None = None,
        workers: int = 1,
        env: dict[str, str] | None = None,
        die_with_parent: bool = False,
    ) -> None:
        self.database_url = database_url
        self.blob_dir = blob_dir
        self.log_path = log_path
        self.port = port or free_port()
        self.workers = workers
        self.extra_env = env or {}
        self.die_with_parent = die_with_parent and sys.platform == "linux"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        env = {
            **os.environ,
            "INSPECTOR_DATABASE_URL": self.database_url,
            "INSPECTOR_BLOB_DIR": str(self.blob_dir),
            "INSPECTOR_LOG_LEVEL": os.environ.get("INSPECTOR_SERVER_LOG_LEVEL", "WARNING"),
            **self.extra_env,
        }
        env.pop("INSPECTOR_SERVER_DB", None)
        return env

    def cli(self, *args: str, input_text: str | None = None) -> subprocess.CompletedProcess:
        """One command of the server's command line (`migrate`, `seed-demo`, ...) on its database."""
        return subprocess.run(
            [*SERVER_COMMAND, *args],
            env=self.environment(),
            capture_output=True,
            text=True,
            input=input_text,
            timeout=120,
        )

    def start(self, timeout: float = 60) -> ServerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    *SERVER_COMMAND,
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.workers),
                ],
                env=self.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent if self.die_with_parent else None,
            )
        try:
            self._wait_ready(self.process, timeout)
        except RuntimeError:
            self.stop()
            raise
        return self

    def _wait_ready(self, process: subprocess.Popen, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}; see {self.log_path}")
            try:
                if requests.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready in {timeout} s; see {self.log_path}")

    def stop(self, hard: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGKILL if hard else signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)

    def restart(self, hard: bool = True) -> None:
        self.stop(hard=hard)
        self.start()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def demo_server(folder: Path, port: int = DEMO_PORT) -> ServerProcess:
    """`make run`'s server: an SQLite file in `folder`, migrated and seeded with demo data."""
    folder.mkdir(parents=True, exist_ok=True)
    database = f"sqlite:///{(folder / 'server.db').resolve()}"
    server = ServerProcess(database, folder / "blobs", folder / "server.log", port, die_with_parent=True)
    for step in ("migrate", "seed-demo"):
        done = server.cli(step)
        if done.returncode:
            raise RuntimeError(f"the demo server could not {step}: {done.stderr.strip()[-500:]}")
    return server.start()


def enrol_demo(store, catalogue, received_forms: Path, url: str) -> None:
    """Sign the demo store in to the server once (the first sync then brings the register)."""
    from inspector_app.desktop.services.sync_store import StoreSyncAdapter
    from inspector_app.desktop.sync.service import SyncService, enrol

    adapter = StoreSyncAdapter(store, catalogue, received_forms)
    if adapter.enrolment() is None:
        enrol(adapter, requests.Session(), url, DEMO_USER, DEMO_PASSWORD, "demo laptop")
        SyncService(adapter).run_once()
