"""One sync pass (push records, upload their attachments, pull changes) and the auto-sync loop.

Progress is committed in small steps: each pushed batch is marked synced as soon as the
server holds it and all its attachments, and each pulled page is applied with its cursor.
Failures reach the user as `UserError`s in their language; data is never dropped because
sending failed.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import requests

from inspector_app.domain.errors import UserError
from sync import problems, protocol
from sync.problems import Problem

from . import messages  # noqa: F401  (registers the texts)
from .http import RetryPolicy, SyncClient, Unreachable
from .store import SyncStore

log = logging.getLogger("inspector.sync")

MIN_CHUNK = 16 * 1024
MAX_CHUNK = 8 * 1024 * 1024
FAST_CHUNK_S = 1.0  # a chunk sent faster than this doubles the next one
SLOW_CHUNK_S = 4.0  # slower than this halves it
UPLOAD_FAILURES = 8  # consecutive failures of one attachment before giving up this pass


@dataclass
class SyncProgress:
    stage: str  # "push", "upload", "pull"
    done: int
    total: int


@dataclass
class SyncReport:
    pushed: int = 0
    synced: int = 0
    incomplete: int = 0  # pushed but some attachment still missing
    conflicts: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    attachments_uploaded: int = 0
    attachment_bytes_sent: int = 0
    changes_applied: int = 0
    requests: int = 0
    notes: list[UserError] = field(default_factory=list)  # per-record problems to show

    @property
    def nothing_to_do(self) -> bool:
        return not (self.pushed or self.changes_applied)


def user_error(error: Exception) -> UserError:
    """Every failure of a pass as something a person can read (never a raw code)."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, (Unreachable, requests.RequestException)):
        return UserError("sync.offline")
    if not isinstance(error, Problem):
        return UserError("sync.unexpected")
    kind = error.kind
    if kind in (problems.TOKEN_INVALID, problems.TOKEN_EXPIRED, problems.TOKEN_REVOKED,
                problems.AUTH_REQUIRED):
        return UserError("sync.reenrol")
    if kind is problems.BAD_CREDENTIALS:
        return UserError("sync.bad_credentials")
    if kind is problems.TOO_MANY_ATTEMPTS:
        return UserError("sync.throttled", seconds=error.details.get("retry_after", 60))
    if kind is problems.BODY_TOO_LARGE:
        return UserError("sync.too_large")
    if kind is problems.PROTOCOL_VERSION_UNSUPPORTED:
        return UserError("sync.protocol")
    if kind.status == 403:
        return UserError("sync.forbidden")
    if kind.status >= 500:
        return UserError("sync.server_unavailable")
    return UserError("sync.unexpected")


def enrol(store: SyncStore, session: requests.Session, server_url: str, username: str,
          password: str, device_name: str) -> protocol.EnrolResponse:
    """The one online sign-in: exchange the password for this device's token."""
    client = SyncClient(session, server_url)
    try:
        response = client.enrol(username, password, device_name)
    except (Problem, Unreachable, requests.RequestException) as error:
        raise user_error(error) from error
    store.save_enrolment(server_url, response)
    return response


class SyncService:
    def __init__(self, store: SyncStore, session: requests.Session | None = None, *,
                 client: SyncClient | None = None, batch_size: int = 25, pull_limit: int = 500,
                 chunk_size: int = 64 * 1024, retry: RetryPolicy = RetryPolicy(),
                 timeout: tuple[float, float] = (5.0, 60.0),
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.session = session or requests.Session()
        self._client = client
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.chunk_size = chunk_size
        self.retry = retry
        self.timeout = timeout
        self.clock = clock

    def client(self) -> SyncClient:
        enrolment = self.store.enrolment()
        if enrolment is None:
            raise UserError("sync.not_enrolled")
        if self._client is None or self._client.token != enrolment.token \
                or self._client.base_url != enrolment.server_url.rstrip("/"):
            self._client = SyncClient(self.session, enrolment.server_url, enrolment.token,
                                      retry=self.retry, timeout=self.timeout)
        return self._client

    def run_once(self, progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
        """Push, upload, pull. Raises UserError; whatever completed before stays committed."""
        client = self.client()
        report = SyncReport()
        started = client.requests_sent
        try:
            self._push_all(client, report, progress or (lambda _p: None))
            self._pull_all(client, report, progress or (lambda _p: None))
        except (Problem, Unreachable, requests.RequestException) as error:
            log.warning("sync pass stopped", extra={"error": repr(error)})
            raise user_error(error) from error
        finally:
            report.requests = client.requests_sent - started
        return report

    # --- push -----------------------------------------------------------------------

    def _push_all(self, client: SyncClient, report: SyncReport, progress) -> None:
        ids = self.store.pending_record_ids()
        for start in range(0, len(ids), self.batch_size):
            records = [self.store.outgoing_record(i) for i in ids[start:start + self.batch_size]]
            response = client.push(records)
            waiting = self._settle(records, response.results, report)
            self._upload_for(client, waiting, report)
            progress(SyncProgress("push", min(start + self.batch_size, len(ids)), len(ids)))

    def _settle(self, records, results, report: SyncReport) -> dict:
        """Mark what is done; return {record: (revision, missing states)} still waiting."""
        waiting = {}
        for record, result in zip(records, results):
            report.pushed += 1
            if result.status in ("created", "updated", "unchanged"):
                if result.complete:
                    self.store.mark_synced(record.id, record.revision)
                    report.synced += 1
                else:
                    waiting[record.id] = (record, result.missing_attachments)
            elif result.status == "conflict":
                self.store.mark_conflict(record.id, record.revision, result.error, result.server_record)
                report.conflicts.append(record.id)
                code = ("sync.finalised_on_server" if result.error.code == problems.RECORD_FINALISED.code
                        else "sync.conflict")
                report.notes.append(UserError(code, record=record.header.appointment_number))
            else:
                self.store.mark_rejected(record.id, record.revision, result.error)
                report.rejected.append(record.id)
                report.notes.append(UserError("sync.rejected", record=record.header.appointment_number,
                                              reason=result.error.message))
        return waiting

    def _upload_for(self, client: SyncClient, waiting: dict, report: SyncReport) -> None:
        states = {s.sha256: s for _, missing in waiting.values() for s in missing}
        verified = set()
        for sha, state in states.items():
            if self._upload(client, sha, state.offset, report):
                verified.add(sha)
        for record_id, (record, missing) in waiting.items():
            if all(s.sha256 in verified for s in missing):
                self.store.mark_synced(record_id, record.revision)
                report.synced += 1
            else:
                report.incomplete += 1

    def _upload(self, client: SyncClient, sha: str, offset: int, report: SyncReport) -> bool:
        try:
            data = self.store.attachment_bytes(sha)
        except KeyError:
            report.notes.append(UserError("sync.photo_missing", record=sha[:12]))
            return False
        failures = 0
        while True:
            chunk = data[offset:offset + self.chunk_size]
            started = self.clock()
            try:
                state = client.upload_chunk(sha, offset, len(data), chunk)
            except Problem as problem:
                if problem.kind is problems.UPLOAD_OFFSET_MISMATCH:
                    offset = int(problem.details.get("offset", 0))
                    continue
                if problem.kind is problems.ATTACHMENT_HASH_MISMATCH:
                    log.error("attachment bytes do not match their hash", extra={"sha256": sha})
                    report.notes.append(UserError("sync.photo_missing", record=sha[:12]))
                    return False
                if problem.status < 500 and problem.kind is not problems.UPLOAD_LOCKED:
                    raise
                failures, offset = self._after_failure(client, sha, failures, report)
            except (Unreachable, requests.RequestException):
                report.attachment_bytes_sent += len(chunk)  # at most this much was lost
                failures, offset = self._after_failure(client, sha, failures, report)
            else:
                report.attachment_bytes_sent += len(chunk)
                failures = 0
                self._adapt(self.clock() - started, len(chunk))
                offset = state.offset
                if state.verified:
                    report.attachments_uploaded += 1
                    return True
                continue
            if offset < 0:  # already verified on the server
                report.attachments_uploaded += 1
                return True

    def _after_failure(self, client: SyncClient, sha: str, failures: int,
                       report: SyncReport) -> tuple[int, int]:
        """Back off, then ask the server how far it got. Returns (failures, offset or -1)."""
        failures += 1
        if failures >= UPLOAD_FAILURES:
            raise Unreachable(f"upload of {sha} failed {failures} times")
        self.chunk_size = max(MIN_CHUNK, self.chunk_size // 2)
        client.sleep(client.retry.delay(failures))
        state = client.upload_offset(sha)
        return failures, (-1 if state.verified else state.offset)

    def _adapt(self, seconds: float, sent: int) -> None:
        if sent < self.chunk_size:
            return
        if seconds < FAST_CHUNK_S:
            self.chunk_size = min(MAX_CHUNK, self.chunk_size * 2)
        elif seconds > SLOW_CHUNK_S:
            self.chunk_size = max(MIN_CHUNK, self.chunk_size // 2)

    # --- pull -----------------------------------------------------------------------

    def _pull_all(self, client: SyncClient, report: SyncReport, progress) -> None:
        cursor = self.store.cursor()
        while True:
            page = client.changes(cursor, self.pull_limit)
            if page.changes or page.cursor != cursor:
                self.store.apply_changes(page.changes, page.cursor)
            report.changes_applied += len(page.changes)
            cursor = page.cursor
            progress(SyncProgress("pull", report.changes_applied, report.changes_applied))
            if not page.more:
                return


class AutoSync:
    """Syncs in a background thread: every `interval` s, at once on `wake()`, and as soon as
    the server answers again after being unreachable (probed every `probe_every` s, backing off)."""

    OFFLINE = ("sync.offline", "sync.server_unavailable")

    def __init__(self, service: SyncService, *, interval: float = 300.0, probe_every: float = 15.0,
                 max_probe_every: float = 300.0,
                 on_report: Callable[[SyncReport], None] = lambda r: None,
                 on_error: Callable[[UserError], None] = lambda e: None) -> None:
        self.service = service
        self.interval = interval
        self.probe_every = probe_every
        self.max_probe_every = max_probe_every
        self.on_report = on_report
        self.on_error = on_error
        self.offline = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="auto-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        probe_wait = self.probe_every
        while not self._stop.is_set():
            if self.offline and not self._reachable():
                self._sleep(probe_wait)
                probe_wait = min(self.max_probe_every, probe_wait * 2)
                continue
            probe_wait = self.probe_every
            self._run()
            self._sleep(self.probe_every if self.offline else self.interval)

    def _run(self) -> None:
        try:
            report = self.service.run_once()
        except UserError as error:
            self.offline = error.code in self.OFFLINE
            self.on_error(error)
        except Exception:  # a bug: logged with its trace, the loop carries on
            log.exception("auto-sync pass failed")
            self.on_error(UserError("sync.unexpected"))
        else:
            self.offline = False
            self.on_report(report)

    def _reachable(self) -> bool:
        try:
            self.service.client().health(retry=False)
            return True
        except Exception:
            return False

    def _sleep(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()
