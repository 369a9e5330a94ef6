"""A `SyncStore` held in memory: the reference implementation the drills and benchmark use."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from inspector_app.core import problems
from inspector_app.core.protocol import Change, EnrolResponse, ErrorInfo, InspectionRecord
from inspector_app.desktop.sync.store import Enrolment


@dataclass
class LocalRecord:
    record: InspectionRecord
    synced_revision: int = 0
    state: str = "pending"  # pending / synced / conflict / rejected / returned / approved
    conflict: tuple[ErrorInfo, InspectionRecord | None] | None = None


@dataclass
class MemoryStore:
    records: dict[str, LocalRecord] = field(default_factory=dict)
    attachments: dict[str, bytes] = field(default_factory=dict)
    pulled: dict[tuple[str, str], object] = field(default_factory=dict)
    pull_cursor: int = 0
    enrolled: Enrolment | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, record: InspectionRecord, photos: dict[str, bytes] | None = None) -> None:
        with self.lock:
            self.records[record.id] = LocalRecord(record)
            self.attachments.update(photos or {})

    def edit(self, record: InspectionRecord) -> None:
        """A local edit of a synced record: a new revision based on the synced one."""
        with self.lock:
            local = self.records[record.id]
            record.base_revision = local.synced_revision
            record.revision = record.header.revision = local.synced_revision + 1
            local.record, local.state = record, "pending"

    # --- SyncStore ----------------------------------------------------------------------

    def enrolment(self) -> Enrolment | None:
        return self.enrolled

    def save_enrolment(self, server_url: str, response: EnrolResponse) -> None:
        self.enrolled = Enrolment(server_url, response.token, response.device_id, response.user.username)

    def pending_record_ids(self) -> list[str]:
        with self.lock:
            return [
                i
                for i, r in self.records.items()
                if r.state == "pending" and r.synced_revision != r.record.revision
            ]

    def outgoing_record(self, record_id: str) -> InspectionRecord:
        with self.lock:  # a shallow copy: the sync service never changes what it sends
            return self.records[record_id].record.model_copy()

    def attachment_bytes(self, sha256: str) -> bytes:
        return self.attachments[sha256]

    def mark_synced(self, record_id: str, revision: int) -> None:
        with self.lock:
            local = self.records[record_id]
            if local.record.revision == revision:
                local.synced_revision, local.state = revision, "synced"

    def mark_conflict(
        self, record_id: str, revision: int, problem: ErrorInfo, server_record: InspectionRecord | None
    ) -> None:
        with self.lock:
            local = self.records[record_id]
            local.state, local.conflict = "conflict", (problem, server_record)

    def mark_rejected(self, record_id: str, revision: int, problem: ErrorInfo) -> None:
        with self.lock:
            local = self.records[record_id]
            local.state, local.conflict = "rejected", (problem, None)

    def cursor(self) -> int:
        return self.pull_cursor

    def apply_changes(self, changes: Sequence[Change], cursor: int) -> None:
        with self.lock:
            for change in changes:
                self.pulled[(change.kind, change.id)] = change.data
                if change.kind == "inspection" and change.data is not None:
                    self._returned(change.data)
                if (
                    change.kind == "review"
                    and change.data is not None
                    and change.data.decision == "approved"
                    and change.id in self.records
                ):
                    self.records[change.id].state = "approved"
            self.pull_cursor = cursor

    def _returned(self, record: InspectionRecord) -> None:
        """A newer server revision: taken only if nothing local is unsent, else a conflict."""
        local = self.records.get(record.id)
        if local is None or local.synced_revision >= record.revision:
            return
        if local.state in ("pending", "conflict", "rejected"):
            problem = ErrorInfo.of(problems.STALE_BASE_REVISION)
            local.state, local.conflict = "conflict", (problem, record)
            return
        state = "returned" if record.header.status.value == "draft" else "synced"
        local.record, local.synced_revision, local.state = record, record.revision, state
