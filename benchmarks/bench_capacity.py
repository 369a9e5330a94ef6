"""Capacity: 200 laptops syncing a day's work at once against the server on PostgreSQL.

The server as deployed on this machine: `inspector-server serve --workers 2` on a fresh
PostgreSQL database (INSPECTOR_TEST_PG_URL names the cluster; without it the run is skipped
with a row saying so). 200 inspectors of their own, one enrolled device each, already
synced once (they start from the cursor after the first full pull).

The load comes from Locust (`benchmarks/locust_laptops.py`), headless, a master and worker
processes of its own, so the figures are the server's: each laptop pulls, asks which of its
4 photos of 450 KB the server lacks, sends them in one batch, pushes its 3 inspections of
120 answers, then waits 45-75 s: a session's photos take a rural laptop about a minute to
send, so this is every laptop syncing back to back as fast as its link allows (the load
generator itself sends at loopback speed). CAPACITY_THINK="5,15" gives a stress run. Figures, after every laptop has started (statistics reset
then): requests per second, p50 and p95 per request kind, and errors (any failed request,
a photo not verified or a record not complete). Goals: no error; p95 of a record push
<= 1 s. The machine's cores are shared with the load generator (and whatever else runs),
so the figures are pessimistic for a server of its own.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import requests
import sqlalchemy as sa

from benchmarks.common import reported, row
from inspector_app.core import protocol
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import User, UserRegion
from sync.server.services.security import hash_password, utcnow
from sync.server.services.seed import DEMO_PASSWORD, DEMO_REGIONS, seed_demo
from sync.server.services.users import enrol as enrol_device
from tests.kit.server import ServerProcess

LAPTOPS, QUICK_LAPTOPS = 200, 40
SECONDS, QUICK_SECONDS = 180, 60
SPAWN_RATE = 20  # laptops started per second
PROCESSES = 2  # Locust worker processes
PUSH_P95_GOAL = 1.0
KINDS = ("pull", "status", "upload", "push")
LOCUSTFILE = Path(__file__).with_name("locust_laptops.py")


def run(quick: bool = False) -> list[dict]:
    base = os.environ.get("INSPECTOR_TEST_PG_URL")
    if not base:
        return [reported("capacity: skipped, INSPECTOR_TEST_PG_URL is not set", 0, "", note="skipped")]
    laptops, seconds = (QUICK_LAPTOPS, QUICK_SECONDS) if quick else (LAPTOPS, SECONDS)
    admin = sa.engine.make_url(base)
    name = f"capacity_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        url = admin.set(database=name).render_as_string(hide_password=False)
        with tempfile.TemporaryDirectory(prefix="bench-capacity-") as folder:
            return _capacity(Path(folder), url, laptops, seconds)
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


def _inspectors(url: str, count: int) -> list[tuple[str, str]]:
    """`count` inspectors of their own, one device each: [token, region] pairs."""
    migrate(url)
    db = Database(url)
    secret = hash_password(DEMO_PASSWORD)  # one hash for all: sign-in is not measured
    tokens = []
    with db.write() as session:
        seed_demo(session)
        for n in range(count):
            region = DEMO_REGIONS[n % len(DEMO_REGIONS)]
            user = User(
                username=f"inspector{n:03d}",
                full_name=f"Инспектор {n}",
                role="inspector",
                password_hash=secret,
                active=True,
                created_at=utcnow(),
            )
            session.add(user)
            session.flush()
            session.add(UserRegion(user_id=user.id, region=region))
            tokens.append((enrol_device(session, user, f"laptop {n}", 30, "127.0.0.1").token, region))
    db.dispose()
    return tokens


def _first_cursor(server_url: str, token: str) -> int:
    """The cursor after a laptop's first full pull (the register, forms, reference data)."""
    cursor, headers = 0, {"Authorization": f"Bearer {token}"}
    while True:
        page = requests.get(
            f"{server_url}{protocol.API}/changes",
            params={"since": cursor, "limit": 500},
            headers=headers,
            timeout=60,
        ).json()
        cursor = page["cursor"]
        if not page["more"]:
            return cursor


def _capacity(root: Path, url: str, laptops: int, seconds: int) -> list[dict]:
    tokens = _inspectors(url, laptops)
    (root / "tokens.json").write_text(json.dumps(tokens))
    server = ServerProcess(url, root / "blobs", root / "server.log", workers=2).start()
    try:
        env = {
            **os.environ,
            "CAPACITY_TOKENS": str(root / "tokens.json"),
            "CAPACITY_CURSOR": str(_first_cursor(server.url, tokens[0][0])),
            "CAPACITY_PROCESSES": str(PROCESSES),
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        }
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--host",
                server.url,
                "--users",
                str(laptops),
                "--spawn-rate",
                str(SPAWN_RATE),
                "--run-time",
                f"{seconds}s",
                "--processes",
                str(PROCESSES),
                "--reset-stats",
                "--only-summary",
                "--csv",
                str(root / "locust"),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=seconds + 300,
        )
        (root / "locust.log").write_text(done.stdout + done.stderr)
        stats = list(csv.DictReader((root / "locust_stats.csv").open()))
    finally:
        server.stop()
    return _rows(stats, laptops, seconds)


def _rows(stats: list[dict], laptops: int, seconds: int) -> list[dict]:
    by_name = {s["Name"]: s for s in stats}
    total = by_name["Aggregated"]
    errors = sum(int(s["Failure Count"]) for s in stats if s["Name"] != "Aggregated")
    rows = [
        row(
            f"{laptops} laptops for {seconds} s, PostgreSQL, 2 workers: errors",
            errors,
            "",
            "= 0",
            errors == 0,
        ),
        reported("  requests per second (all kinds)", float(total["Requests/s"]), "/s"),
    ]
    for kind in KINDS:
        if kind not in by_name:
            rows.append(row(f"  {kind}: no request made", 0, "", "requests made", False))
            continue
        s = by_name[kind]
        p50, p95 = float(s["50%"]) / 1000, float(s["95%"]) / 1000
        rows.append(
            reported(
                f"  {kind}: {s['Request Count']} requests, {float(s['Requests/s']):.1f}/s, p50", p50, "s"
            )
        )
        if kind == "push":
            rows.append(row(f"  {kind}: p95", p95, "s", f"<= {PUSH_P95_GOAL:g} s", p95 <= PUSH_P95_GOAL))
        else:
            rows.append(reported(f"  {kind}: p95", p95, "s"))
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table("bench_capacity", run(quick="--quick" in sys.argv))
