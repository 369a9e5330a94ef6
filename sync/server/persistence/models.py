"""Tables of the central server. Changed only through Alembic migrations."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inspector_app.core.protocol import Role

JsonType = sa.JSON().with_variant(JSONB(), "postgresql")
Moment = sa.DateTime(timezone=True)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JsonType,
        list[Any]: JsonType,
        dt.datetime: Moment,
    }

    if TYPE_CHECKING:  # every model here is mapped to a Table (DeclarativeBase says FromClause)
        __table__: ClassVar[sa.Table]


class Region(Base):
    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    name_kk: Mapped[str] = mapped_column(sa.Text)
    name_ru: Mapped[str] = mapped_column(sa.Text)
    name_en: Mapped[str] = mapped_column(sa.Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(200), unique=True)
    full_name: Mapped[str] = mapped_column(sa.Text, default="")
    role: Mapped[Role] = mapped_column(sa.String(20))
    password_hash: Mapped[str] = mapped_column(sa.Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]
    language: Mapped[str | None] = mapped_column(sa.String(8))  # the web console's, once chosen
    # set by a password reset: sign-in answers 40304 until the user changes it
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


class UserRegion(Base):
    __tablename__ = "user_regions"
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), primary_key=True)
    region: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"), primary_key=True)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(sa.Text)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    last_seen_at: Mapped[dt.datetime | None]
    # public keys of transfer bundles, when the laptop sent them at enrolment
    transfer_x25519: Mapped[str | None] = mapped_column(sa.String(64))
    transfer_ed25519: Mapped[str | None] = mapped_column(sa.String(64))


class LoginFailure(Base):
    __tablename__ = "login_failures"
    username: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    ip: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    failures: Mapped[int]
    last_failure_at: Mapped[dt.datetime]


class FacilityRow(Base):
    __tablename__ = "facilities"
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    region: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    name_kk: Mapped[str] = mapped_column(sa.Text)
    name_ru: Mapped[str] = mapped_column(sa.Text)
    district: Mapped[str] = mapped_column(sa.Text, default="")
    settlement: Mapped[str] = mapped_column(sa.Text, default="")
    bin: Mapped[str] = mapped_column(sa.String(12), default="")
    address: Mapped[str] = mapped_column(sa.Text, default="")
    head: Mapped[str] = mapped_column(sa.Text, default="")
    capacity: Mapped[int | None]
    children: Mapped[int | None]
    risk: Mapped[str] = mapped_column(sa.String(10), default="medium")
    special_control: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[dt.datetime]


class FormRow(Base):
    __tablename__ = "forms"
    form_id: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    content: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]
    retired_at: Mapped[dt.datetime | None]  # no longer offered for new inspections


class MrpRow(Base):
    __tablename__ = "mrp"
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    tenge: Mapped[int]


class ArticleRow(Base):
    __tablename__ = "articles"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    article: Mapped[str] = mapped_column(sa.String(20))
    part: Mapped[str] = mapped_column(sa.String(20), default="")
    title_kk: Mapped[str] = mapped_column(sa.Text)
    title_ru: Mapped[str] = mapped_column(sa.Text)
    title_en: Mapped[str] = mapped_column(sa.Text, default="")
    min_mrp: Mapped[int]
    max_mrp: Mapped[int]
    item: Mapped[str] = mapped_column(sa.String(20), default="", server_default="")
    protocol_by: Mapped[str] = mapped_column(sa.String(40), default="committee", server_default="committee")
    decided_by: Mapped[str] = mapped_column(sa.String(40), default="court", server_default="court")
    repeat: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    org_mrp: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")


class BodyRow(Base):
    """A competent body (reference data): added and edited by administrators, never deleted."""

    __tablename__ = "bodies"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    name_kk: Mapped[str] = mapped_column(sa.Text)
    name_ru: Mapped[str] = mapped_column(sa.Text)
    name_en: Mapped[str] = mapped_column(sa.Text, default="")
    active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())


class DistrictRow(Base):
    """A district of a region (reference data): added and edited, never deleted."""

    __tablename__ = "districts"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    region: Mapped[str] = mapped_column(sa.ForeignKey("regions.code"), index=True)
    name_kk: Mapped[str] = mapped_column(sa.Text)
    name_ru: Mapped[str] = mapped_column(sa.Text)
    name_en: Mapped[str] = mapped_column(sa.Text, default="")
    active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())


class AssignmentRow(Base):
    __tablename__ = "assignments"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    facility_id: Mapped[str] = mapped_column(sa.ForeignKey("facilities.id"))
    region: Mapped[str] = mapped_column(sa.String(16), index=True)
    inspector_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    form_id: Mapped[str] = mapped_column(sa.String(100))
    planned_date: Mapped[dt.date]
    inspection_type: Mapped[str] = mapped_column(sa.String(20))
    ground: Mapped[str | None] = mapped_column(sa.String(50))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[str] = mapped_column(sa.String(20), default="planned")
    created_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[dt.datetime]


class InspectionRow(Base):
    """The current revision of each inspection record."""

    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    facility_id: Mapped[str] = mapped_column(sa.ForeignKey("facilities.id"))
    region: Mapped[str] = mapped_column(sa.String(16), index=True)
    status: Mapped[str] = mapped_column(sa.String(20))  # draft / finalised
    # draft / submitted / resubmitted (set by pushes) / returned / approved (by a supervisor)
    review_state: Mapped[str] = mapped_column(sa.String(20))
    revision: Mapped[int]
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[dict[str, Any]]
    received_at: Mapped[dt.datetime]
    # header fields statistics select by, copied from `payload` (and the facility) on each store
    placed_on: Mapped[dt.date | None]  # appointment_date, else period_start
    inspection_type: Mapped[str | None] = mapped_column(sa.String(20))
    inspection_mode: Mapped[str | None] = mapped_column(sa.String(20))
    facility_kind: Mapped[str | None] = mapped_column(sa.String(20))
    # what statistics count of the measures and restored children (statistics.counted_facts):
    # a few hundred bytes read instead of the whole record
    counted: Mapped[dict[str, Any] | None]
    # when the current revision was stored (its InspectionRevision.created_at): the review
    # queue's order, oldest waiting first
    waiting_since: Mapped[dt.datetime | None]

    __table_args__ = (
        sa.Index("ix_inspections_status_placed_on", "status", "placed_on"),
        sa.Index("ix_inspections_waiting_since", "waiting_since", "id"),
        sa.Index("ix_inspections_state_waiting_since", "review_state", "waiting_since", "id"),
        sa.Index("ix_inspections_region_state_waiting_since", "region", "review_state", "waiting_since"),
        sa.Index("ix_inspections_region_status_placed_on", "region", "status", "placed_on"),
        sa.Index(
            "ix_inspections_type_state_waiting_since", "inspection_type", "review_state", "waiting_since"
        ),
        sa.Index("ix_inspections_kind_state_waiting_since", "facility_kind", "review_state", "waiting_since"),
    )


class InspectionRevision(Base):
    """Every revision ever accepted: the edit history, and what makes late retries idempotent."""

    __tablename__ = "inspection_revisions"
    inspection_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(sa.String(36))
    created_at: Mapped[dt.datetime]


class RecordAttachment(Base):
    """The attachments the current revision of a record refers to."""

    __tablename__ = "record_attachments"
    inspection_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True, index=True)
    size: Mapped[int]


class AttachmentRow(Base):
    """An attachment verified against its SHA-256; its bytes live in the blob directory."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int] = mapped_column(sa.BigInteger)
    uploaded_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(sa.String(36))
    created_at: Mapped[dt.datetime]


class DocumentRow(Base):
    """A document of the current revision of a record, by number, for /verify."""

    __tablename__ = "documents"
    inspection_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    document_id: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(200), index=True)
    kind: Mapped[str] = mapped_column(sa.String(200))
    content_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    facility_id: Mapped[str] = mapped_column(sa.String(64))
    issued_at: Mapped[dt.datetime | None]
    rendered_sha256: Mapped[str | None] = mapped_column(sa.String(64))  # computed by the server
    revision: Mapped[int | None]  # of the record rendered_sha256 was computed from


class DocumentNumber(Base):
    """A document number, bound for ever to the record, owner and region that first used it."""

    __tablename__ = "document_numbers"
    number: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    owner_id: Mapped[int]
    region: Mapped[str] = mapped_column(sa.String(16))
    bound_at: Mapped[dt.datetime]


class InspectorCode(Base):
    """The inspector code a user prints in document numbers of a region."""

    __tablename__ = "inspector_codes"
    region: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))


class ReviewRow(Base):
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    revision: Mapped[int]
    decision: Mapped[Literal["approved", "returned"]] = mapped_column(sa.String(20))
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    reviewer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    new_revision: Mapped[int | None]
    decided_at: Mapped[dt.datetime]
    # comments on single checklist items: [{"item_id": ..., "comment": ...}]
    item_comments: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    # the record as reviewed (revision `revision`), to compare a resubmission with
    payload: Mapped[dict[str, Any] | None]


class ConsoleSession(Base):
    """A signed-in browser of the web console; the cookie carries only the random id."""

    __tablename__ = "console_sessions"
    id_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)  # SHA-256 of the cookie
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]  # the absolute end; idle expiry counts from last_seen_at
    ip: Mapped[str] = mapped_column(sa.String(64), default="")


class AuditEntry(Base):
    """Append-only (triggers refuse UPDATE and DELETE) and chained by hash
    (persistence/audit_chain.py): write entries through `audit_chain.queue`."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime]
    user_id: Mapped[int | None]
    device_id: Mapped[str | None] = mapped_column(sa.String(36))
    action: Mapped[str] = mapped_column(sa.String(40), index=True)
    entity_kind: Mapped[str] = mapped_column(sa.String(20))
    entity_id: Mapped[str] = mapped_column(sa.String(100), index=True)
    details: Mapped[dict[str, Any]]
    seq: Mapped[int | None] = mapped_column(sa.BigInteger, index=True, unique=True)
    hash: Mapped[str | None] = mapped_column(sa.String(64))


class ChangeRow(Base):
    """The latest change of each entity, numbered by the server's change sequence."""

    __tablename__ = "changes"
    kind: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    entity_id: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    seq: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    region: Mapped[str | None] = mapped_column(sa.String(16))
    owner_id: Mapped[int | None]
    origin_device: Mapped[str | None] = mapped_column(sa.String(36))
    deleted: Mapped[bool] = mapped_column(default=False)


class Counter(Base):
    """Named counters; the row lock of "changes" orders writers (see changes.py)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger)


class RateWindow(Base):
    """Requests of one key (a client address and a purpose) in the current fixed window."""

    __tablename__ = "rate_windows"
    key: Mapped[str] = mapped_column(sa.String(120), primary_key=True)
    window_start: Mapped[int] = mapped_column(sa.BigInteger, index=True)
    count: Mapped[int] = mapped_column(sa.Integer)


class OrderItemRow(Base):
    """The follow-up of one item of an order (a finding with its deadline): its state once a
    supervisor has acted on it; an item without a row is open."""

    __tablename__ = "order_items"
    inspection_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    measure_id: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    finding_id: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    region: Mapped[str] = mapped_column(sa.String(16), index=True)
    # open / report_received / executed / not_executed / follow_up
    state: Mapped[str] = mapped_column(sa.String(20), default="open")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    assignment_id: Mapped[str | None] = mapped_column(sa.String(36))
    updated_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime]


class OrderReportRow(Base):
    """A file of the organisation's execution report of an order item (bytes in the blobs)."""

    __tablename__ = "order_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    measure_id: Mapped[str] = mapped_column(sa.String(100))
    finding_id: Mapped[str] = mapped_column(sa.String(100))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    filename: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(50))
    size: Mapped[int] = mapped_column(sa.BigInteger)
    uploaded_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    uploaded_at: Mapped[dt.datetime]


class MeasureOutcomeRow(Base):
    """What became of a measure: a protocol's decision, an employer's or a body's answer, a
    recommendation accepted or not (fields by kind in `data`)."""

    __tablename__ = "measure_outcomes"
    inspection_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    measure_id: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    region: Mapped[str] = mapped_column(sa.String(16), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    data: Mapped[dict[str, Any]]
    updated_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime]


class StatisticsLock(Base):
    """A period (from–to) whose statistics an administrator locked: its figures are served
    from the rows stored at that moment (`StatisticsLockRow`), not computed again."""

    __tablename__ = "statistics_locks"
    __table_args__ = (sa.UniqueConstraint("period_start", "period_end"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    period_start: Mapped[dt.date] = mapped_column(sa.Date)
    period_end: Mapped[dt.date] = mapped_column(sa.Date)
    locked_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    locked_at: Mapped[dt.datetime]


class StatisticsLockRow(Base):
    """One thing a figure of a locked period counted (an inspection, a measure, a decision,
    a child restored): the figure is the count (or the sum of `amount`) of its rows."""

    __tablename__ = "statistics_lock_rows"
    id: Mapped[int] = mapped_column(primary_key=True)
    lock_id: Mapped[int] = mapped_column(sa.ForeignKey("statistics_locks.id", ondelete="CASCADE"))
    basis: Mapped[str] = mapped_column(sa.String(12))
    figure: Mapped[str] = mapped_column(sa.String(40))
    inspection_id: Mapped[str] = mapped_column(sa.String(36))
    item: Mapped[str] = mapped_column(sa.String(200), default="")
    amount: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    region: Mapped[str] = mapped_column(sa.String(16))
    kind: Mapped[str] = mapped_column(sa.String(20))
    facility_id: Mapped[str] = mapped_column(sa.String(64))
    month: Mapped[str] = mapped_column(sa.String(7))


sa.Index(
    "ix_statistics_lock_rows_lookup",
    StatisticsLockRow.lock_id,
    StatisticsLockRow.basis,
    StatisticsLockRow.figure,
)


class StatisticsExport(Base):
    """An export of the statistics made in the background: its state and progress live here
    (any server process can show them), its file in the shared data folder."""

    __tablename__ = "statistics_exports"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    format: Mapped[str] = mapped_column(sa.String(8))
    lang: Mapped[str] = mapped_column(sa.String(4))
    params: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(sa.String(12))  # queued / running / done / failed
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=1)
    filename: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class ServerIdentity(Base):
    """The one row (id 1) of this server's transfer identity: made once, at first need."""

    __tablename__ = "server_identity"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    server_id: Mapped[str] = mapped_column(sa.String(36))
    x25519_private: Mapped[str] = mapped_column(sa.Text)
    ed25519_private: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime]


class TransferBundle(Base):
    """A bundle of a laptop imported once; a second import of it is refused."""

    __tablename__ = "transfer_bundles"
    bundle_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(sa.String(36))
    ack_id: Mapped[str] = mapped_column(sa.String(36))
    imported_at: Mapped[dt.datetime]
    summary: Mapped[dict[str, Any]]
