"""What the sync service needs from the local store (implemented over the app's `Store`).

Rules every implementation keeps:
- nothing is deleted because sending failed; a record leaves the outbox only by
  `mark_synced` for the revision that was sent (a newer local edit stays pending);
- a conflict keeps both versions until a person decides (`mark_conflict`), and the record
  is not offered again by `pending_record_ids` until then;
- `apply_changes` stores the changes and the new cursor in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from inspector_app.core.protocol import Change, EnrolResponse, ErrorInfo, InspectionRecord


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    token: str
    device_id: str
    username: str


class EnrolmentKeeper(Protocol):
    def save_enrolment(self, server_url: str, response: EnrolResponse) -> None:
        """Keep the device token (encrypted at rest like everything else)."""


@runtime_checkable
class SyncStore(Protocol):
    def enrolment(self) -> Enrolment | None:
        """The server and device token this laptop was enrolled with, if any."""

    def save_enrolment(self, server_url: str, response: EnrolResponse) -> None:
        """Keep the device token (encrypted at rest like everything else)."""

    def pending_record_ids(self) -> list[str]:
        """Records to push: not synced at their current revision, not in conflict."""

    def outgoing_record(self, record_id: str) -> InspectionRecord:
        """The wire form of the record's current revision (`base_revision` = last synced)."""

    def attachment_bytes(self, sha256: str) -> bytes:
        """The bytes of a photo or document; KeyError if this laptop lacks them."""

    def mark_synced(self, record_id: str, revision: int) -> None:
        """The server holds this revision and every attachment of it (verified)."""

    def mark_conflict(
        self, record_id: str, revision: int, problem: ErrorInfo, server_record: InspectionRecord | None
    ) -> None:
        """Keep both versions for a person to resolve; stop offering the record."""

    def mark_rejected(self, record_id: str, revision: int, problem: ErrorInfo) -> None:
        """The server refused the record (e.g. facility outside the inspector's regions)."""

    def cursor(self) -> int:
        """The pull cursor (0 before the first pull)."""

    def apply_changes(self, changes: Sequence[Change], cursor: int) -> None:
        """Store pulled facilities, forms, reference data, assignments, reviews and returned
        records, and the new cursor, in one transaction."""

    def pending_counts(self) -> tuple[int, int]:
        """(records, photos) waiting to be sent, for the status line."""


__all__ = ["Change", "Enrolment", "EnrolmentKeeper", "SyncStore"]
