"""A throwaway PostgreSQL cluster for a test session, where PostgreSQL's programs are installed.

`initdb` into a temp folder, `pg_ctl start` on a free loopback port (its socket in that
folder too), trust authentication for the role `inspector`, durability off (the data dies with
the session); `stop()` shuts it down and removes the folder. initdb and the server refuse to
run as root, so under root they run as the `postgres` user (or `nobody`), who owns the folder.
The programs are looked up in INSPECTOR_PG_BIN, on PATH, then in /usr/lib/postgresql/*/bin.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.kit.server import free_port

ROLE = "inspector"
SERVER_SETTINGS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
)


class ClusterUnavailable(Exception):
    """No PostgreSQL programs here, or the cluster would not start (the message says which)."""


def find_bin_dir() -> Path | None:
    """The folder of initdb and pg_ctl, or None."""
    configured = os.environ.get("INSPECTOR_PG_BIN")
    if configured:
        return Path(configured)
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    # Debian keeps them off PATH, one folder per major version; the newest wins
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    return Path(found[-1]).parent if found else None


def _major_version(path: str) -> int:
    version = Path(path).parent.parent.name
    return int(version) if version.isdigit() else 0


def _run_as() -> pwd.struct_passwd | None:
    """Whom to run the cluster as: nobody else unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ClusterUnavailable("running as root and there is no postgres or nobody user to run initdb as")


class ThrowawayCluster:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.user = _run_as()
        self.folder = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.started_in_s = 0.0

    @classmethod
    def start(cls) -> ThrowawayCluster:
        bin_dir = find_bin_dir()
        if bin_dir is None or not (bin_dir / "initdb").exists():
            raise ClusterUnavailable("PostgreSQL's initdb and pg_ctl are not installed")
        cluster = cls(bin_dir)
        try:
            cluster._start()
        except BaseException:
            cluster.stop()
            raise
        return cluster

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/postgres"

    def _start(self) -> None:
        began = time.perf_counter()
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            ROLE,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
            "--no-instructions",
        )
        options = f"-p {self.port} -k {self.folder} {SERVER_SETTINGS}"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )
        self.started_in_s = time.perf_counter() - began

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            # the folder goes anyway; a server left running stops when its files go
            with contextlib.suppress(ClusterUnavailable):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        as_user = (
            {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} if self.user else {}
        )
        done = subprocess.run(
            [str(self.bin_dir / program), *args],
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **as_user,
        )
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterUnavailable(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")
