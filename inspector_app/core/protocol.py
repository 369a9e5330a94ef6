"""The wire protocol shared by the sync client and the central server (see PROTOCOL.md).

Inspection payloads reuse the domain records of `inspector_app.core.domain.models` (plain
dataclasses, no Qt): a field added there with a default is a compatible change of the wire.
The content hash of a record is the SHA-256 of its canonical JSON without its revision
numbers, so client and server agree on "same content" byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import MISSING, is_dataclass
from dataclasses import fields as dataclass_fields
from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator, with_config
from typing_extensions import TypedDict

from inspector_app.core.canonical import canonical_hash, canonical_json
from inspector_app.core.domain.models import (
    Answer,
    Facility,
    Finding,
    Inspection,
    Measure,
    Person,
    Photo,
    RestoredChild,
    RestoredRights,
)
from inspector_app.core.problems import ProblemKind

PROTOCOL_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)  # 2 adds batch uploads, document content hashes and /verify
API = "/api/v1"
PROTOCOL_HEADER = "Inspector-Protocol"
# the desktop version the server offers, on every pull (headers: older laptops ignore them)
DESKTOP_VERSION_HEADER = "Inspector-Desktop-Version"
DESKTOP_URL_HEADER = "Inspector-Desktop-Url"
# the change kinds beyond version 2's that a client understands, comma-separated: a server
# sends those kinds only to clients that name them (older laptops refuse an unknown kind)
CHANGE_KINDS_HEADER = "Inspector-Change-Kinds"
REFERENCE_KINDS = ("body", "district", "region")
TUS_VERSION = "1.0.0"
BATCH_MEDIA_TYPE = "application/vnd.inspector.attachments"

MAX_JSON_BYTES = 16 * 1024 * 1024  # decompressed size of one JSON body
MAX_BATCH = 100  # records in one push
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
GZIP_LEVEL = 3  # of JSON bodies both ways: records shrink ~20 times at a few ms per MB
REVISION_KEYS = ("revision", "base_revision")
# Limits of one record, far above anything an inspection holds (PROTOCOL.md, "Limits")
MAX_TEXT_CHARS = 10_000  # any text of a record: a note, a description, a name
MAX_RECORD_BYTES = 2 * 1024 * 1024  # the canonical JSON of one record
MIN_YEAR, MAX_YEAR = 1900, 2199  # of every date and time in a record
MAX_PAGE_BYTES = 8 * 1024 * 1024  # of the JSON of one pull page (one record more at most)

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
RecordId = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=4000)]
Role = Literal["inspector", "supervisor", "administrator"]


def content_hash_of(data: dict[str, Any]) -> str:
    """The content hash of a record from its JSON form (`model_dump(mode="json")`)."""
    content = {k: v for k, v in data.items() if k not in REVISION_KEYS}
    content["header"] = {k: v for k, v in data["header"].items() if k != "revision"}
    return canonical_hash(content)


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- errors ---------------------------------------------------------------------------


class ErrorInfo(Wire):
    code: int
    name: str
    message: str
    details: dict[str, Any] = {}

    @classmethod
    def of(cls, kind: ProblemKind) -> ErrorInfo:
        """The error of a problem of the catalogue, as the server would send it."""
        return cls(code=kind.code, name=kind.name, message=kind.message)


class ErrorBody(Wire):
    error: ErrorInfo


# --- enrolment ------------------------------------------------------------------------


Base64Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]  # 32 raw bytes


class TransferKeys(Wire):
    """Public keys of transfer bundles (records by USB stick, see PROTOCOL.md)."""

    x25519: Base64Key  # bundles are encrypted to this key
    ed25519: Base64Key  # and signed by its pair


class ServerTransfer(TransferKeys):
    server_id: str


class EnrolRequest(Wire):
    username: Name
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    device_name: Name = "laptop"
    transfer_keys: TransferKeys | None = None  # sent only by laptops that make bundles


class UserInfo(Wire):
    id: int
    username: str
    full_name: str
    role: Role
    regions: list[str]


class EnrolResponse(Wire):
    device_id: str
    token: str
    expires_at: dt.datetime
    user: UserInfo
    transfer: ServerTransfer | None = None  # only in answer to `transfer_keys`


# --- records --------------------------------------------------------------------------


class PrintedFacility(Wire):
    """The organisation as a document printed it (the register may change later)."""

    id: Annotated[str, StringConstraints(max_length=64)]
    name_kk: Text = ""
    name_ru: Text = ""
    kind: Annotated[str, StringConstraints(max_length=40)] = ""
    region: Annotated[str, StringConstraints(max_length=16)] = ""
    bin: Annotated[str, StringConstraints(max_length=12)] = ""
    address: Text = ""
    head: Text = ""


class PrintedRefusal(Wire):
    """The signer of `role` refused to sign; two witnesses attest it."""

    role: Name
    note: Text = ""
    witnesses: Annotated[list[Person], Field(min_length=2, max_length=2)]


class DocumentInputs(Wire):
    """What a printed document says beyond its record, so the server can compute the
    document's canonical content (and hash) itself: date, time and place of drawing up,
    the author and the body, the organisation as printed, a refusal to sign, and the
    SHA-256 of each signature image (images stay on the laptop)."""

    date: dt.date
    time: dt.time | None = None
    place: Text = ""
    author: Annotated[list[Text], Field(min_length=5, max_length=5)]  # name, position, kk, ru, code
    body: Annotated[list[Text], Field(min_length=2, max_length=2)]  # kk, ru
    facility: PrintedFacility
    refusal: PrintedRefusal | None = None
    signatures: Annotated[dict[Name, Sha256], Field(max_length=100)] = {}


class DocumentMeta(Wire):
    """A document printed for the inspection; its PDF may travel as an attachment.

    `sha256` is the PDF (an attachment); `content_sha256` is the hash of the document's
    canonical content, printed in its QR code and checked by `/verify/{number}`."""

    id: Name
    kind: Name
    number: Text
    sha256: Sha256 | None = None
    content_sha256: Sha256 | None = None
    language: Annotated[str, StringConstraints(max_length=8)] = "kk"
    measure_id: str | None = None
    created_at: dt.datetime | None = None
    inputs: DocumentInputs | None = None  # version 2: lets the server compute content_sha256


class InspectionRecord(Wire):
    """One inspection with everything recorded in it, as pushed by a device."""

    model_config = ConfigDict(extra="forbid", str_max_length=MAX_TEXT_CHARS)

    id: RecordId
    revision: Annotated[int, Field(ge=1, le=1_000_000)]
    base_revision: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    header: Inspection
    answers: Annotated[list[Answer], Field(max_length=5000)] = []
    findings: Annotated[list[Finding], Field(max_length=5000)] = []
    measures: Annotated[list[Measure], Field(max_length=2000)] = []
    photos: Annotated[list[Photo], Field(max_length=2000)] = []
    # children per category (distinct), as older clients and servers read them ...
    restored: Annotated[list[RestoredRights], Field(max_length=100)] = []
    # ... and each child, tied to a finding or measure of this record (checked by the server)
    restored_children: Annotated[list[RestoredChild], Field(max_length=20_000)] = []
    documents: Annotated[list[DocumentMeta], Field(max_length=500)] = []

    def content(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude=set(REVISION_KEYS))
        data["header"].pop("revision", None)
        return data

    def content_hash(self) -> str:
        return content_hash_of(self.model_dump(mode="json"))

    def attachment_shas(self) -> list[str]:
        shas = [p.sha256 for p in self.photos] + [d.sha256 for d in self.documents if d.sha256]
        return sorted(set(shas))

    @property
    def finalised(self) -> bool:
        return self.header.status.value == "finalised"

    @model_validator(mode="after")
    def _sane_values(self) -> InspectionRecord:
        """What the types alone let through: photo hashes that are not hex, and dates far
        outside any inspection (year 1 or 9999 break date arithmetic and time zones)."""
        for photo in self.photos:
            if not _SHA256.fullmatch(photo.sha256):
                raise ValueError(f"photo {photo.id[:40]!r}: sha256 must be 64 lowercase hex digits")
        bad = _date_outside(self)
        if bad is not None:
            raise ValueError(f"a date or time is outside the years {MIN_YEAR}..{MAX_YEAR}: {bad}")
        return self


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _date_outside(value: Any) -> str | None:
    """The first date or time in `value` (models, dataclasses, dicts, lists) whose year is
    outside MIN_YEAR..MAX_YEAR, as text; None if all are within."""
    if isinstance(value, dt.date):  # datetime is a date too
        return None if MIN_YEAR <= value.year <= MAX_YEAR else value.isoformat()
    if isinstance(value, BaseModel):
        items: Any = (getattr(value, name) for name in type(value).model_fields)
    elif is_dataclass(value):
        items = (getattr(value, f.name) for f in dataclass_fields(value))
    elif isinstance(value, dict):
        items = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        if isinstance(item, str | int | float | bool | None):
            continue
        bad = _date_outside(item)
        if bad is not None:
            return bad
    return None


def record_too_large(data: Any) -> int:
    """The size of a record's JSON if it is over MAX_RECORD_BYTES, else 0."""
    size = len(canonical_json(data))
    return size if size > MAX_RECORD_BYTES else 0


class AttachmentState(Wire):
    sha256: Sha256
    size: int | None = None
    offset: int = 0
    verified: bool = False


class PartState(AttachmentState):
    """The outcome of one part of a batch upload."""

    error: ErrorInfo | None = None


class BatchUploadResponse(Wire):
    attachments: list[PartState]


RecordStatus = Literal["created", "updated", "unchanged", "conflict", "rejected"]


class RecordResult(Wire):
    id: str
    status: RecordStatus
    revision: int | None = None  # the server's current revision
    content_hash: str | None = None
    complete: bool = False  # every attachment verified on the server
    missing_attachments: list[AttachmentState] = []
    review_state: str | None = None
    error: ErrorInfo | None = None
    server_record: InspectionRecord | None = None  # on conflict: the server's version


def data_shape(cls: type, name: str) -> type:
    """A TypedDict with the fields of dataclass `cls`: validated alike (the same types, the
    same required fields, no other keys) but kept as the dicts they came as."""
    hints = typing.get_type_hints(cls)
    fields = {
        f.name: hints[f.name]
        if f.default is MISSING and f.default_factory is MISSING
        else NotRequired[hints[f.name]]
        for f in dataclass_fields(cls)
    }
    # the functional form with computed fields is beyond static checking; pydantic reads it
    shape: type = TypedDict(name, fields)  # type: ignore[misc]
    return with_config(ConfigDict(extra="forbid", str_max_length=MAX_TEXT_CHARS))(shape)


if typing.TYPE_CHECKING:
    AnswerData = dict[str, Any]  # what it is at run time: the dict as sent
else:
    AnswerData = data_shape(Answer, "AnswerData")  # strings limited as in InspectionRecord


class PushedRecord(InspectionRecord):
    """A record as the server reads a push. Its answers, most of its bulk, are checked but
    not made into objects: the server stores the JSON as sent and reads only the header, the
    photos and the documents (building 20,000 answers per batch cost more than the rest)."""

    # narrower than the parent's list of Answer on purpose: the same fields, kept as dicts
    answers: Annotated[list[AnswerData], Field(max_length=5000)] = []  # type: ignore[assignment]


class PushRequest(Wire):
    records: Annotated[list[PushedRecord], Field(min_length=1, max_length=MAX_BATCH)]


class PushResponse(Wire):
    results: list[RecordResult]


class AttachmentStatusRequest(Wire):
    sha256: Annotated[list[Sha256], Field(min_length=1, max_length=2000)]


class AttachmentStatusResponse(Wire):
    attachments: list[AttachmentState]


class ServerRecord(Wire):
    """A record as the server holds it, with its review state (supervisor views)."""

    record: InspectionRecord
    owner: str
    region: str
    review_state: str
    complete: bool
    missing_attachments: list[str] = []
    received_at: dt.datetime


# --- reviews, assignments, reference -------------------------------------------------


class ItemComment(Wire):
    """A reviewer's comment on one checklist item, shown at that item on the laptop."""

    item_id: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    comment: Annotated[str, StringConstraints(min_length=1, max_length=4000)]


class ReviewRequest(Wire):
    decision: Literal["approved", "returned"]
    revision: Annotated[int, Field(ge=1)]
    comment: Text = ""
    item_comments: Annotated[list[ItemComment], Field(max_length=500)] = []


class Review(Wire):
    inspection_id: str
    revision: int  # the revision that was reviewed
    decision: Literal["approved", "returned"]
    comment: str
    reviewer: str
    decided_at: dt.datetime
    new_revision: int | None = None  # for "returned": the editable revision made for the inspector
    item_comments: list[ItemComment] = []


class AssignmentCreate(Wire):
    facility_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    inspector: Name  # user name
    form_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    planned_date: dt.date
    inspection_type: Literal["scheduled", "unscheduled", "surprise"] = "scheduled"
    ground: Annotated[str, StringConstraints(max_length=50)] | None = None
    note: Text = ""


class Assignment(Wire):
    id: str
    facility_id: str
    inspector: str
    form_id: str
    planned_date: dt.date
    inspection_type: str
    ground: str | None
    note: str
    status: str
    created_by: str
    created_at: dt.datetime


class FormVersion(Wire):
    id: str
    version: int
    kind: str
    content_hash: Sha256
    content: dict[str, Any]  # the form in its file format (forms/README.md)


class Mrp(Wire):
    year: Annotated[int, Field(ge=1990, le=2200)]
    tenge: Annotated[int, Field(ge=1, le=10_000_000)]


class Article(Wire):
    code: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    article: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    part: Annotated[str, StringConstraints(max_length=20)] = ""
    title_kk: Text
    title_ru: Text
    title_en: Text = ""
    min_mrp: Annotated[int, Field(ge=0, le=100_000)]
    max_mrp: Annotated[int, Field(ge=0, le=100_000)]
    # who draws up protocols under it and who decides the case (reference BODIES keys)
    item: Annotated[str, StringConstraints(max_length=20)] = ""
    protocol_by: Annotated[str, StringConstraints(min_length=1, max_length=40)] = "committee"
    decided_by: Annotated[str, StringConstraints(min_length=1, max_length=40)] = "court"
    repeat: bool = False  # the part depends on an earlier penalty
    # fine range per business size (small, medium, large, non_commercial), where it depends on it
    org_mrp: Annotated[
        dict[
            Literal["small", "medium", "large", "non_commercial"],
            Annotated[list[Annotated[int, Field(ge=0, le=100_000)]], Field(min_length=2, max_length=2)],
        ],
        Field(max_length=4),
    ] = {}


BODY_CODE, DISTRICT_CODE = r"^[a-z][a-z0-9_]{0,39}$", r"^[A-Z0-9][A-Z0-9_-]{0,39}$"
BodyCode = Annotated[str, StringConstraints(pattern=BODY_CODE)]
RegionCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,16}$")]
DistrictCode = Annotated[str, StringConstraints(pattern=DISTRICT_CODE)]


class Body(Wire):
    """A competent body a violation may be referred to (or who decides a case). Never
    deleted: records refer to its code; an inactive body is no longer offered."""

    code: BodyCode
    name_kk: Name
    name_ru: Name
    name_en: Annotated[str, StringConstraints(max_length=200)] = ""
    active: bool = True


class District(Wire):
    """A district of a region, offered where facilities are placed and filtered."""

    code: DistrictCode
    region: RegionCode
    name_kk: Name
    name_ru: Name
    name_en: Annotated[str, StringConstraints(max_length=200)] = ""
    active: bool = True


class RegionName(Wire):
    """The names of a region (its code is fixed: the administrative division)."""

    code: RegionCode
    name_kk: Name
    name_ru: Name
    name_en: Annotated[str, StringConstraints(max_length=200)] = ""


# --- pull -------------------------------------------------------------------------------


class _Change(Wire):
    seq: int
    id: str
    deleted: bool = False


class FacilityChange(_Change):
    kind: Literal["facility"]
    data: Facility | None = None


class FormChange(_Change):
    kind: Literal["form"]
    data: FormVersion | None = None


class MrpChange(_Change):
    kind: Literal["mrp"]
    data: Mrp | None = None


class ArticleChange(_Change):
    kind: Literal["article"]
    data: Article | None = None


class BodyChange(_Change):
    kind: Literal["body"]
    data: Body | None = None


class DistrictChange(_Change):
    kind: Literal["district"]
    data: District | None = None


class RegionChange(_Change):
    kind: Literal["region"]
    data: RegionName | None = None


class AssignmentChange(_Change):
    kind: Literal["assignment"]
    data: Assignment | None = None


class InspectionChange(_Change):
    kind: Literal["inspection"]
    data: InspectionRecord | None = None


class ReviewChange(_Change):
    kind: Literal["review"]
    data: Review | None = None


Change = Annotated[
    FacilityChange
    | FormChange
    | MrpChange
    | ArticleChange
    | BodyChange
    | DistrictChange
    | RegionChange
    | AssignmentChange
    | InspectionChange
    | ReviewChange,
    Field(discriminator="kind"),
]


class ChangesResponse(Wire):
    cursor: int
    more: bool
    changes: list[Change]


class DocumentVerification(Wire):
    """The public answer of `GET /verify/{number}`: only these facts, nothing else."""

    number: str
    verdict: Literal["genuine", "mismatch", "not_found", "unchecked"]
    found: bool
    kind: str | None = None
    kind_kk: str | None = None
    kind_ru: str | None = None
    organisation_kk: str | None = None
    organisation_ru: str | None = None
    date: dt.date | None = None
    sha256_matches: bool | None = None  # None: no hash given, or none recorded


class Health(Wire):
    status: Literal["ok"]
    protocol: int
    database: str


# --- supervisor and administrator views ----------------------------------------------------


class RecordSummary(Wire):
    id: str
    facility_id: str
    owner: str
    region: str
    status: str
    review_state: str
    revision: int
    complete: bool
    received_at: dt.datetime


class AuditRecord(Wire):
    id: int
    at: dt.datetime
    user: str | None
    device_id: str | None
    action: str
    entity_kind: str
    entity_id: str
    details: dict[str, Any]


class UserCreate(Wire):
    username: Name
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    role: Role
    regions: Annotated[list[Annotated[str, StringConstraints(max_length=16)]], Field(max_length=30)] = []
    full_name: Text = ""


class PasswordChange(Wire):
    """`POST /auth/password`: a user's own change (required after a reset)."""

    username: Name
    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    new_password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class PasswordReset(Wire):
    """`POST /users/{username}/password`: a temporary password set by an administrator."""

    password: Annotated[str, StringConstraints(min_length=1, max_length=1000)]


class DeviceInfo(Wire):
    id: str
    name: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None = None
    last_seen_at: dt.datetime | None = None
