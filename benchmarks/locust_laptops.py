"""Locust users that behave as laptops syncing a day's work (run by `bench_capacity`).

Each user is one enrolled device of an inspector of its own. A session, as the desktop client
makes it: pull the changes since its cursor (page by page), ask which of the day's photos
the server lacks (`status`), send them in one batch request (`upload`), push the day's
records (`push`), then wait `THINK` seconds before the next session (45-75 s by default:
a laptop on a 256 kbit/s link needs about a minute to send a session's 1.8 MB of photos, so
this is every laptop syncing back to back as fast as its link lets it). Request names are
the kinds the benchmark reports.

Settings come from the environment: CAPACITY_TOKENS (a JSON file of [token, region] pairs),
CAPACITY_CURSOR (the cursor after the first full pull), CAPACITY_PROCESSES (worker processes),
CAPACITY_THINK ("low,high" seconds between sessions).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import time
from pathlib import Path

import requests
from locust import HttpUser, between, task

from inspector_app.core import protocol
from inspector_app.desktop.sync.http import SyncClient
from sync.server.services.seed import demo_facilities
from tests.kit.factory import inspection, sha256

RECORDS_PER_SESSION = 3  # a day's inspections
ANSWERS = 120
PHOTOS_PER_SESSION = 4
PHOTO_BYTES = 450_000  # a phone picture as the laptop reduces it (2,048 px, JPEG q85)
THINK = tuple(float(x) for x in os.environ.get("CAPACITY_THINK", "45,75").split(","))

TOKENS = json.loads(Path(os.environ["CAPACITY_TOKENS"]).read_text())
CURSOR = int(os.environ.get("CAPACITY_CURSOR", "0"))
PROCESSES = int(os.environ.get("CAPACITY_PROCESSES", "1"))
ENCODER = SyncClient(
    requests.Session(), "http://unused"
)  # only its push_body: the records as the client sends them
_local = itertools.count()
_facilities: dict[str, list[str]] = {}


def _facility(region: str, rng: random.Random) -> str:
    if not _facilities:  # the server's demo register, made once per process
        for facility in demo_facilities():
            _facilities.setdefault(facility.region, []).append(facility.id)
    return rng.choice(_facilities[region][:20])


class Laptop(HttpUser):
    wait_time = between(*THINK)

    def on_start(self) -> None:
        worker = getattr(self.environment.runner, "worker_index", 0) or 0
        self.number = (worker + PROCESSES * next(_local)) % len(TOKENS)
        token, self.region = TOKENS[self.number]
        self.headers = {
            "Authorization": f"Bearer {token}",
            protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION),
        }
        self.cursor = CURSOR
        self.sessions = itertools.count()
        self.rng = random.Random(self.number)
        time.sleep(self.rng.uniform(0, THINK[1]))  # laptops come online at their own moments

    @task
    def session(self) -> None:
        self._pull()
        day = self.number * 100_000 + next(self.sessions) * 10
        photos = [self.rng.randbytes(PHOTO_BYTES) for _ in range(PHOTOS_PER_SESSION)]
        records = [
            inspection(
                _facility(self.region, self.rng),
                answers=ANSWERS,
                seed=day + n,
                photos={str(i): p for i, p in enumerate(photos) if i % RECORDS_PER_SESSION == n},
            )
            for n in range(RECORDS_PER_SESSION)
        ]
        self._upload(photos)
        self._push(records)

    def _pull(self) -> None:
        while True:
            with self.client.get(
                f"{protocol.API}/changes",
                params={"since": self.cursor, "limit": 500},
                headers=self.headers,
                name="pull",
                catch_response=True,
            ) as answer:
                if answer.status_code != 200:
                    answer.failure(f"{answer.status_code} {answer.text[:200]}")
                    return
                page = answer.json()
            self.cursor = page["cursor"]
            if not page["more"]:
                return

    def _upload(self, photos: list[bytes]) -> None:
        shas = [sha256(p) for p in photos]
        status = self._post("status", "/attachments/status", _gzip_json({"sha256": shas}))
        if status is None:
            return
        held = {a["sha256"] for a in status["attachments"] if a["verified"]}
        body = b"".join(
            b"%s %d\n%s" % (sha256(p).encode(), len(p), p) for p in photos if sha256(p) not in held
        )
        if body:
            answer = self._post("upload", "/uploads/batch", body, {"Content-Type": protocol.BATCH_MEDIA_TYPE})
            if answer is not None and not all(a["verified"] for a in answer["attachments"]):
                self.environment.events.request.fire(
                    request_type="POST",
                    name="upload (not verified)",
                    response_time=0,
                    response_length=0,
                    exception=RuntimeError("a photo was not verified"),
                    context={},
                )

    def _push(self, records) -> None:
        answer = self._post("push", "/records", ENCODER.push_body(records))
        if answer is not None:
            bad = [
                r
                for r in answer["results"]
                if r["status"] not in ("created", "updated", "unchanged") or not r["complete"]
            ]
            if bad:
                self.environment.events.request.fire(
                    request_type="POST",
                    name="push (not complete)",
                    response_time=0,
                    response_length=0,
                    exception=RuntimeError(str(bad[0])[:300]),
                    context={},
                )

    def _post(self, name: str, path: str, body: bytes, headers: dict | None = None) -> dict | None:
        extra = headers or {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        with self.client.post(
            protocol.API + path, data=body, headers={**self.headers, **extra}, name=name, catch_response=True
        ) as answer:
            if answer.status_code >= 400:
                answer.failure(f"{answer.status_code} {answer.text[:200]}")
                return None
            return answer.json()


def _gzip_json(value) -> bytes:
    return gzip.compress(json.dumps(value).encode(), 5)
