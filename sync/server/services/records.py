"""Pushed inspection records: idempotent by (id, revision, content hash), coded conflicts,
finalised records immutable, supervisor reviews that return a record as a new revision."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from inspector_app.core.protocol import InspectionRecord, RecordResult, RecordStatus
from sync.server.persistence import audit_chain
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.models import (
    AttachmentRow,
    FacilityRow,
    InspectionRevision,
    InspectionRow,
    RecordAttachment,
    ReviewRow,
    User,
)
from sync.server.services.audit import audit
from sync.server.services.changes import ChangeEntry, record_changes
from sync.server.services.documents import NumberCheck, forget_documents, set_documents
from sync.server.services.principal import Principal
from sync.server.services.restored import check_restored
from sync.server.services.security import aware, utcnow
from sync.server.services.statistics import counted_facts


def error_info(problem: Problem) -> protocol.ErrorInfo:
    return protocol.ErrorInfo(**problem.body()["error"])


def stored_record(row: InspectionRow | NewInspection) -> InspectionRecord:
    return InspectionRecord.model_validate(row.payload)


@dataclass(frozen=True)
class Prepared:
    """A pushed record with its JSON form and content hash, computed before the write
    transaction opens (on SQLite that transaction holds the one write lock)."""

    record: InspectionRecord
    data: dict
    content_hash: str

    @classmethod
    def of(cls, record: InspectionRecord) -> Prepared:
        return cls.as_sent(record, record.model_dump(mode="json"))

    @classmethod
    def as_sent(cls, record: InspectionRecord, data: dict) -> Prepared:
        """`data`: the record's JSON as received, already validated as `record`. Stored and
        hashed as it came (see PROTOCOL.md, "Content hash"): writing it out again from the
        model would cost as much as validating it."""
        return cls(record, data, protocol.content_hash_of(data))


@dataclass
class NewInspection:
    """A record first seen in this batch: inserted with the others in one statement."""

    id: str
    owner_id: int
    facility_id: str
    region: str
    revision: int
    received_at: object
    status: str = ""
    review_state: str = ""
    content_hash: str = ""
    payload: dict | None = None
    placed_on: object = None
    inspection_type: str | None = None
    inspection_mode: str | None = None
    facility_kind: str | None = None
    counted: dict | None = None
    waiting_since: object = None

    def row(self) -> dict:
        return dict(self.__dict__)


class Pusher:
    """Applies a batch of pushed records inside one write transaction.

    The batch is read and written in bulk (one query for its facilities, one for the rows it
    touches, one for the attachments still missing) but decided record by record, in order,
    exactly as if each were pushed alone."""

    def __init__(self, session: Session, principal: Principal, blobs: BlobStore) -> None:
        self.session = session
        self.principal = principal
        self.blobs = blobs
        self.changes: list[ChangeEntry] = []
        self._regions: dict[str, str] = {}
        self._kinds: dict[str, str] = {}  # facility id -> kind
        self._rows: dict[str, InspectionRow | NewInspection] = {}
        self._new: list[NewInspection] = []
        self._stored: dict[str, InspectionRecord] = {}  # id -> record stored by this batch
        self._revisions: list[dict] = []
        self._audits: list[dict] = []
        self._numbers = NumberCheck(session, principal)

    def push_all(self, batch: list[Prepared]) -> list[RecordResult]:
        self._load([p.record for p in batch])
        outcomes = [self._outcome(prepared) for prepared in batch]
        self._write_stored()
        accepted = [o for o in outcomes if not isinstance(o, RecordResult)]
        missing = missing_by_record(self.session, [record_id for record_id, _ in accepted])
        results = [
            o if isinstance(o, RecordResult) else self._result(self._rows[o[0]], o[1], missing)
            for o in outcomes
        ]
        record_changes(self.session, self.changes)
        return results

    def _load(self, records: list[InspectionRecord]) -> None:
        facility_ids = {r.header.facility_id for r in records}
        facilities = self.session.execute(
            sa.select(FacilityRow.id, FacilityRow.region, FacilityRow.kind).where(
                FacilityRow.id.in_(facility_ids)
            )
        ).all()
        self._regions = {f.id: f.region for f in facilities}
        self._kinds = {f.id: f.kind for f in facilities}
        ids = {r.id for r in records}
        self._rows = {
            row.id: row
            for row in self.session.scalars(
                sa.select(InspectionRow).where(InspectionRow.id.in_(ids)).with_for_update()
            )
        }

    def _outcome(self, prepared: Prepared) -> RecordResult | tuple[str, RecordStatus]:
        """(id, status) when accepted, else the record's coded result."""
        record = prepared.record
        try:
            return record.id, self._push(prepared)
        except Problem as problem:
            if problem.kind.status == 409:
                row = self._rows.get(record.id)
                return RecordResult(
                    id=record.id,
                    status="conflict",
                    error=error_info(problem),
                    revision=row.revision if row else None,
                    server_record=stored_record(row) if row else None,
                )
            return RecordResult(id=record.id, status="rejected", error=error_info(problem))

    def _push(self, prepared: Prepared) -> RecordStatus:
        record, data, content_hash = prepared.record, prepared.data, prepared.content_hash
        if record.header.id != record.id:
            raise Problem(
                problems.VALIDATION_FAILED,
                "header.id differs from the record id.",
                details={"id": record.id, "header.id": record.header.id},
            )
        check_restored(record)
        region = self._regions.get(record.header.facility_id)
        if region is None:
            raise Problem(problems.UNKNOWN_FACILITY, details={"facility_id": record.header.facility_id})
        self.principal.require_region(region)
        row = self._rows.get(record.id)
        if row is None:
            return self._create(record, data, content_hash, region)
        if row.owner_id != self.principal.user_id:
            raise Problem(problems.FORBIDDEN_OWNER, details={"id": record.id})
        if record.revision <= row.revision:
            return self._resent(record, content_hash, row)
        return self._update(record, data, content_hash, row, region)

    def _create(self, record: InspectionRecord, data: dict, content_hash: str, region: str) -> RecordStatus:
        self._numbers.check(record, region)
        row = NewInspection(
            id=record.id,
            owner_id=self.principal.user_id,
            facility_id=record.header.facility_id,
            region=region,
            revision=record.revision,
            received_at=utcnow(),
        )
        self._new.append(row)
        self._rows[record.id] = row
        self._store(row, record, data, content_hash, "record.create")
        return "created"

    def _resent(
        self, record: InspectionRecord, content_hash: str, row: InspectionRow | NewInspection
    ) -> RecordStatus:
        if record.revision == row.revision:
            if content_hash == row.content_hash:
                return "unchanged"
            raise Problem(
                problems.REVISION_CONTENT_MISMATCH,
                details={"revision": row.revision, "server_hash": row.content_hash},
            )
        earlier = self.session.get(InspectionRevision, (record.id, record.revision))
        if earlier is not None and earlier.content_hash == content_hash:
            return "unchanged"  # a late retry of a superseded revision
        raise Problem(
            problems.STALE_BASE_REVISION,
            details={"revision": record.revision, "server_revision": row.revision},
        )

    def _update(
        self,
        record: InspectionRecord,
        data: dict,
        content_hash: str,
        row: InspectionRow | NewInspection,
        region: str,
    ) -> RecordStatus:
        if row.status == "finalised":
            raise Problem(
                problems.RECORD_FINALISED,
                details={"server_revision": row.revision, "review_state": row.review_state},
            )
        if record.base_revision != row.revision:
            raise Problem(
                problems.STALE_BASE_REVISION,
                details={"base_revision": record.base_revision, "server_revision": row.revision},
            )
        self._numbers.check(record, region)
        row.revision, row.region = record.revision, region
        row.facility_id = record.header.facility_id
        self._store(row, record, data, content_hash, "record.update")
        return "updated"

    def _store(
        self,
        row: InspectionRow | NewInspection,
        record: InspectionRecord,
        data: dict,
        content_hash: str,
        action: str,
    ) -> None:
        row.content_hash = content_hash
        row.payload = data
        row.status = record.header.status.value
        row.review_state = self._review_state(row, record)
        header = record.header
        row.placed_on = header.appointment_date or header.period_start
        row.inspection_type, row.inspection_mode = header.type.value, header.mode.value
        row.facility_kind = self._kinds.get(header.facility_id)
        row.counted = counted_facts(data)
        now = row.waiting_since = utcnow()
        self._revisions.append(
            {
                "inspection_id": record.id,
                "revision": record.revision,
                "content_hash": content_hash,
                "author_id": self.principal.user_id,
                "device_id": self.principal.device_id,
                "created_at": now,
            }
        )
        self._stored[record.id] = record
        self._audits.append(
            {
                "at": now,
                **self.principal.audit_fields(),
                "action": action,
                "entity_kind": "inspection",
                "entity_id": record.id,
                "details": {"revision": record.revision, "hash": content_hash, "status": row.status},
            }
        )
        self.changes.append(
            ChangeEntry(
                "inspection",
                record.id,
                region=row.region,
                owner_id=row.owner_id,
                origin_device=self.principal.device_id,
            )
        )

    def _review_state(self, row: InspectionRow | NewInspection, record: InspectionRecord) -> str:
        """draft; submitted when finalised; resubmitted when finalised after a return."""
        if not record.finalised:
            return "draft"
        if isinstance(row, NewInspection):
            return "submitted"
        returned = self.session.scalar(
            sa.select(ReviewRow.id)
            .where(ReviewRow.inspection_id == row.id, ReviewRow.decision == "returned")
            .limit(1)
        )
        return "resubmitted" if returned is not None else "submitted"

    def _write_stored(self) -> None:
        """New rows, revisions, audit entries, attachment references and document numbers
        of every record stored by the batch, a few statements for all of them (Core
        inserts on the tables: one compiled statement run for many rows)."""
        if not self._stored:
            return
        if self._new:
            self.session.execute(sa.insert(InspectionRow.__table__), [row.row() for row in self._new])
        self.session.execute(sa.insert(InspectionRevision.__table__), self._revisions)
        audit_chain.queue(self.session, self._audits)
        ids = list(self._stored)
        self.session.execute(sa.delete(RecordAttachment).where(RecordAttachment.inspection_id.in_(ids)))
        refs = [ref for record in self._stored.values() for ref in attachment_refs(record)]
        if refs:
            self.session.execute(sa.insert(RecordAttachment.__table__), refs)
        set_documents(self.session, list(self._stored.values()))

    def _result(
        self,
        row: InspectionRow | NewInspection,
        status: RecordStatus,
        missing: dict[str, list[tuple[str, int]]],
    ) -> RecordResult:
        device = self.principal.device_id or "-"
        absent = missing.get(row.id, [])
        states = [
            protocol.AttachmentState(sha256=sha, size=size, offset=self.blobs.offset(sha, device))
            for sha, size in absent
        ]
        return RecordResult(
            id=row.id,
            status=status,
            revision=row.revision,
            content_hash=row.content_hash,
            complete=not absent,
            missing_attachments=states,
            review_state=row.review_state,
        )


def attachment_refs(record: InspectionRecord) -> list[dict]:
    sizes = {p.sha256: p.size for p in record.photos}
    sizes.update({d.sha256: 0 for d in record.documents if d.sha256 and d.sha256 not in sizes})
    return [{"inspection_id": record.id, "sha256": sha, "size": size} for sha, size in sizes.items()]


def missing_by_record(session: Session, record_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
    """For each record, the attachments it names that are not verified yet."""
    found: dict[str, list[tuple[str, int]]] = {}
    if not record_ids:
        return found
    query = (
        sa.select(RecordAttachment.inspection_id, RecordAttachment.sha256, RecordAttachment.size)
        .outerjoin(AttachmentRow, AttachmentRow.sha256 == RecordAttachment.sha256)
        .where(RecordAttachment.inspection_id.in_(set(record_ids)), AttachmentRow.sha256.is_(None))
        .order_by(RecordAttachment.inspection_id, RecordAttachment.sha256)
    )
    for record_id, sha, size in session.execute(query):
        found.setdefault(record_id, []).append((sha, size))
    return found


def missing_attachments(session: Session, record_id: str) -> list[tuple[str, int]]:
    return missing_by_record(session, [record_id]).get(record_id, [])


def readable_record(session: Session, principal: Principal, record_id: str) -> InspectionRow:
    row = session.get(InspectionRow, record_id)
    if row is None:
        raise Problem(problems.NOT_FOUND, details={"id": record_id})
    if not principal.may_read_record(row.owner_id, row.region):
        kind = problems.FORBIDDEN_OWNER if principal.role == "inspector" else problems.FORBIDDEN_REGION
        raise Problem(kind, details={"id": record_id})
    return row


def server_view(session: Session, row: InspectionRow) -> protocol.ServerRecord:
    owner = session.get(User, row.owner_id)
    missing = [sha for sha, _ in missing_attachments(session, row.id)]
    return protocol.ServerRecord(
        record=stored_record(row),
        owner=owner.username if owner else "",
        region=row.region,
        review_state=row.review_state,
        complete=not missing,
        missing_attachments=missing,
        received_at=aware(row.received_at),
    )


def review(
    session: Session, principal: Principal, record_id: str, request: protocol.ReviewRequest
) -> protocol.Review:
    principal.require("supervisor", "administrator")
    row = session.get(InspectionRow, record_id, with_for_update=True)
    if row is None:
        raise Problem(problems.NOT_FOUND, details={"id": record_id})
    principal.require_region(row.region)
    if (
        row.status != "finalised"
        or row.review_state not in AWAITING_REVIEW
        or row.revision != request.revision
    ):
        raise Problem(
            problems.REVIEW_STATE,
            details={"status": row.status, "review_state": row.review_state, "revision": row.revision},
        )
    if pushed_by(session, row.id, principal.user_id):
        raise Problem(
            problems.REVIEW_STATE,
            "No one reviews a record they pushed themselves.",
            details={"reason": "own_record"},
        )
    _check_item_comments(row, request.item_comments)
    reviewed = dict(row.payload)
    new_revision = _return_record(session, principal, row) if request.decision == "returned" else None
    if new_revision is None:
        row.review_state = "approved"
    decision = ReviewRow(
        inspection_id=row.id,
        revision=request.revision,
        decision=request.decision,
        comment=request.comment,
        reviewer_id=principal.user_id,
        new_revision=new_revision,
        decided_at=utcnow(),
        item_comments=[c.model_dump() for c in request.item_comments],
        payload=reviewed,
    )
    session.add(decision)
    audit(
        session,
        **principal.audit_fields(),
        action=f"review.{request.decision}",
        entity_kind="inspection",
        entity_id=row.id,
        details={
            "revision": request.revision,
            "comment": request.comment,
            "new_revision": new_revision,
            "item_comments": [c.model_dump() for c in request.item_comments],
        },
    )
    entries = [ChangeEntry("review", row.id, region=row.region, owner_id=row.owner_id)]
    if new_revision is not None:
        entries.append(ChangeEntry("inspection", row.id, region=row.region, owner_id=row.owner_id))
    record_changes(session, entries)
    return review_to_wire(decision, principal.username)


AWAITING_REVIEW = ("submitted", "resubmitted")


def pushed_by(session: Session, record_id: str, user_id: int) -> bool:
    """Whether this user pushed any revision of the record (the returns a reviewer made
    are revisions too, but not pushed: they are told apart by having a review behind them)."""
    made_by_returns = sa.select(ReviewRow.new_revision).where(
        ReviewRow.inspection_id == record_id, ReviewRow.new_revision.is_not(None)
    )
    found = session.scalar(
        sa.select(InspectionRevision.revision)
        .where(
            InspectionRevision.inspection_id == record_id,
            InspectionRevision.author_id == user_id,
            InspectionRevision.revision.not_in(made_by_returns),
        )
        .limit(1)
    )
    return found is not None


def _return_record(session: Session, principal: Principal, row: InspectionRow) -> int:
    """A returned record comes back to its inspector as a new, editable draft revision."""
    record = stored_record(row)
    record.header.status = type(record.header.status)("draft")
    record.header.finalised_at = None
    record.revision = record.header.revision = row.revision + 1
    record.base_revision = row.revision
    row.revision = record.revision
    row.content_hash = record.content_hash()
    row.payload = record.model_dump(mode="json")
    row.counted = counted_facts(row.payload)
    row.status, row.review_state = "draft", "returned"
    row.waiting_since = utcnow()
    forget_documents(session, row.id)
    session.add(
        InspectionRevision(
            inspection_id=row.id,
            revision=row.revision,
            content_hash=row.content_hash,
            author_id=principal.user_id,
            device_id=principal.device_id,
            created_at=row.waiting_since,
        )
    )
    return row.revision


def _check_item_comments(row: InspectionRow, comments: list[protocol.ItemComment]) -> None:
    """A comment on an item must name an item the record answered, found on or photographed."""
    if not comments:
        return
    record = stored_record(row)
    known = {a.item_id for a in record.answers} | {f.item_id for f in record.findings}
    known |= {p.item_id for p in record.photos}
    unknown = sorted({c.item_id for c in comments} - known)
    if unknown:
        raise Problem(
            problems.VALIDATION_FAILED,
            "A comment names an item that is not in the record.",
            details={"item_comments": unknown},
        )


def review_to_wire(row: ReviewRow, reviewer: str) -> protocol.Review:
    return protocol.Review(
        inspection_id=row.inspection_id,
        revision=row.revision,
        decision=row.decision,
        comment=row.comment,
        reviewer=reviewer,
        decided_at=aware(row.decided_at),
        new_revision=row.new_revision,
        item_comments=[protocol.ItemComment(**c) for c in row.item_comments or []],
    )


def latest_review(session: Session, record_id: str) -> protocol.Review | None:
    row = session.scalar(
        sa.select(ReviewRow)
        .where(ReviewRow.inspection_id == record_id)
        .order_by(ReviewRow.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    reviewer = session.get(User, row.reviewer_id)
    return review_to_wire(row, reviewer.username if reviewer else "")
