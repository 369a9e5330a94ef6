"""One sync pass (push records, upload their attachments, pull changes) and the auto-sync loop.

Progress is committed in small steps: each pushed batch is marked synced as soon as the
server holds it and all its attachments, and each pulled page is applied with its cursor.
Failures reach the user as `UserError`s in their language; data is never dropped because
sending failed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

from inspector_app.core import problems, protocol, transfer
from inspector_app.core.domain.errors import UserError
from inspector_app.core.problems import Problem
from inspector_app.desktop.sync import messages  # noqa: F401  (registers the texts)
from inspector_app.desktop.sync.http import RetryPolicy, SyncClient, Unreachable
from inspector_app.desktop.sync.store import EnrolmentKeeper, SyncStore
from inspector_app.desktop.sync.uploads import Chunking, Uploader

log = logging.getLogger("inspector.sync")


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
    desktop_release: tuple[str, str] | None = None  # (version, url) the server offers


def user_error(error: Exception) -> UserError:
    """Every failure of a pass as something a person can read (never a raw code)."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, (Unreachable, requests.RequestException)):
        return UserError("sync.offline")
    if not isinstance(error, Problem):
        return UserError("sync.unexpected")
    kind = error.kind
    if kind in (
        problems.TOKEN_INVALID,
        problems.TOKEN_EXPIRED,
        problems.TOKEN_REVOKED,
        problems.AUTH_REQUIRED,
    ):
        return UserError("sync.reenrol")
    if kind is problems.ACCOUNT_DEACTIVATED:
        return UserError("sync.deactivated")
    if kind is problems.PASSWORD_CHANGE_REQUIRED:
        return UserError("sync.password_change_required")
    if kind is problems.WEAK_PASSWORD:
        return UserError("sync.weak_password")
    if kind is problems.REQUEST_TIMEOUT:
        return UserError("sync.offline")
    if kind is problems.BAD_CREDENTIALS:
        return UserError("sync.bad_credentials")
    if kind is problems.TOO_MANY_ATTEMPTS:
        return UserError("sync.throttled", seconds=error.details.get("retry_after", 60))
    if kind in (problems.BODY_TOO_LARGE, problems.RECORD_TOO_LARGE):
        return UserError("sync.too_large")
    if kind is problems.PROTOCOL_VERSION_UNSUPPORTED:
        return UserError("inspector_app.core.protocol")
    if kind.status == 403:
        return UserError("sync.forbidden")
    if kind.status >= 500:
        return UserError("sync.server_unavailable")
    return UserError("sync.unexpected")


def enrol(
    store: EnrolmentKeeper,
    session: requests.Session,
    server_url: str,
    username: str,
    password: str,
    device_name: str,
) -> protocol.EnrolResponse:
    """The one online sign-in: exchange the password for this device's token, and the keys
    of transfer bundles (records by USB stick) when the store keeps them."""
    client = SyncClient(session, server_url)
    keys = transfer.KeyPair.generate()
    public = keys.public()
    try:
        response = client.enrol(
            username,
            password,
            device_name,
            protocol.TransferKeys(x25519=public.x25519, ed25519=public.ed25519),
        )
    except (Problem, Unreachable, requests.RequestException) as error:
        raise user_error(error) from error
    store.save_enrolment(server_url, response)
    save_transfer = getattr(store, "save_transfer", None)
    if response.transfer is not None and save_transfer is not None:
        save_transfer(keys, response.transfer)
    return response


def change_password(
    session: requests.Session, server_url: str, username: str, password: str, new_password: str
) -> None:
    """Change the user's password with the current (or reset) one; then enrol anew."""
    try:
        SyncClient(session, server_url).change_password(username, password, new_password)
    except (Problem, Unreachable, requests.RequestException) as error:
        raise user_error(error) from error


class SyncService:
    def __init__(
        self,
        store: SyncStore,
        session: requests.Session | None = None,
        *,
        client: SyncClient | None = None,
        batch_size: int = 100,
        pull_limit: int = 500,
        chunk_size: int = 64 * 1024,
        retry: RetryPolicy = RetryPolicy(),
        timeout: tuple[float, float] = (5.0, 60.0),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.session = session or requests.Session()
        self._client = client
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.chunking = Chunking(chunk_size, clock)
        self.retry = retry
        self.timeout = timeout

    @property
    def chunk_size(self) -> int:
        """The upload chunk now (it adapts to the link during a pass)."""
        return self.chunking.size

    def client(self) -> SyncClient:
        enrolment = self.store.enrolment()
        if enrolment is None:
            raise UserError("sync.not_enrolled")
        if (
            self._client is None
            or self._client.token != enrolment.token
            or self._client.base_url != enrolment.server_url.rstrip("/")
        ):
            self._client = SyncClient(
                self.session, enrolment.server_url, enrolment.token, retry=self.retry, timeout=self.timeout
            )
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
        """Push records batch by batch while their attachments stream on the upload thread.

        Before each batch the server is asked which of its attachments it lacks, so photos
        start flowing at once instead of after the push answer; the next batch is encoded
        while this one is on the wire. A record is marked synced when its push answer says
        complete, or when every attachment it lacked is verified."""
        ids = self.store.pending_record_ids()
        if not ids:
            return
        batches = [ids[start : start + self.batch_size] for start in range(0, len(ids), self.batch_size)]
        uploader = Uploader(client, self.chunking).start()
        encoder = ThreadPoolExecutor(1, thread_name_prefix="sync-encode")
        waiting: dict[str, tuple] = {}
        queued: set[str] = set()
        try:
            upcoming = self._encode(encoder, client, batches[0])
            for number in range(len(batches)):
                records, body = upcoming
                self._queue_attachments(client, uploader, records, queued, report)
                if number + 1 < len(batches):
                    upcoming = self._encode(encoder, client, batches[number + 1])
                response = client.send_push(body.result())
                waiting.update(self._settle(records, response.results, report))
                self._queue_missing(uploader, waiting, queued, report)
                self._mark_uploaded(waiting, uploader.verified(), report)
                progress(SyncProgress("push", sum(map(len, batches[: number + 1])), len(ids)))
            outcome = uploader.finish()
        except BaseException:
            uploader.abandon()
            raise
        finally:
            encoder.shutdown(wait=True)
            self._mark_uploaded(waiting, uploader.verified(), report)
            report.attachments_uploaded += uploader.outcome.uploaded
            report.attachment_bytes_sent += uploader.outcome.bytes_sent
            report.notes += uploader.outcome.notes
        report.incomplete += len(waiting)
        progress(SyncProgress("upload", len(outcome.verified), len(queued)))

    def _encode(self, encoder: ThreadPoolExecutor, client: SyncClient, ids: list[str]):
        """The batch's records (read here, on the sync thread) and the future of its body."""
        records = [self.store.outgoing_record(i) for i in ids]
        return records, encoder.submit(client.push_body, records)

    def _queue_attachments(
        self, client: SyncClient, uploader: Uploader, records, queued: set[str], report: SyncReport
    ) -> None:
        shas = sorted({sha for r in records for sha in r.attachment_shas()} - queued)
        if not shas:
            return
        for state in client.attachment_status(shas):
            if not state.verified:
                self._queue(uploader, state.sha256, state.offset, queued, report)

    def _queue_missing(self, uploader: Uploader, waiting: dict, queued: set[str], report: SyncReport) -> None:
        for _, missing in waiting.values():
            for state in missing:
                if state.sha256 not in queued:
                    self._queue(uploader, state.sha256, state.offset, queued, report)

    def _queue(self, uploader: Uploader, sha: str, offset: int, queued: set[str], report: SyncReport) -> None:
        queued.add(sha)
        try:
            data = self.store.attachment_bytes(sha)
        except KeyError:
            report.notes.append(UserError("sync.photo_missing", record=sha[:12]))
            return
        uploader.put(sha, offset, data)

    def _settle(self, records, results, report: SyncReport) -> dict:
        """Mark what is done; return {record id: (record, missing states)} still waiting."""
        waiting = {}
        for record, result in zip(records, results, strict=False):
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
                code = (
                    "sync.finalised_on_server"
                    if result.error.code == problems.RECORD_FINALISED.code
                    else "sync.conflict"
                )
                report.notes.append(UserError(code, record=record.header.appointment_number))
            else:
                self.store.mark_rejected(record.id, record.revision, result.error)
                report.rejected.append(record.id)
                report.notes.append(
                    UserError(
                        "sync.rejected", record=record.header.appointment_number, reason=result.error.message
                    )
                )
        return waiting

    def _mark_uploaded(self, waiting: dict, verified: set[str], report: SyncReport) -> None:
        """Records whose every missing attachment is now verified are synced."""
        for record_id, (record, missing) in list(waiting.items()):
            if all(s.sha256 in verified for s in missing):
                self.store.mark_synced(record_id, record.revision)
                report.synced += 1
                del waiting[record_id]

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
                report.desktop_release = client.desktop_release
                return
