"""The one catalogue of numbered problems the server answers with, shared by the client.

Every error body has the shape
``{"error": {"code": <int>, "name": "...", "message": "...", "details": {...}}}``.
A code is the HTTP status times 100 plus a number (40901 is the first kind of 409), so a
client can tell kinds apart without parsing messages. Codes are never reused or renumbered;
`sync/PROTOCOL.md` lists them and a test checks that the list and this module agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ProblemKind:
    code: int
    name: str
    message: str

    @property
    def status(self) -> int:
        return self.code // 100


CATALOGUE: dict[int, ProblemKind] = {}


def _kind(code: int, name: str, message: str) -> ProblemKind:
    if code in CATALOGUE:
        raise ValueError(f"problem code {code} defined twice")
    kind = ProblemKind(code, name, message)
    CATALOGUE[code] = kind
    return kind


MALFORMED_JSON = _kind(40001, "malformed_json", "The request body is not valid JSON.")
BAD_GZIP = _kind(40002, "bad_gzip", "The request body is marked gzip but cannot be decompressed.")
BAD_ENCODING = _kind(
    40003, "unsupported_content_encoding", "Only identity and gzip content encodings are accepted."
)
BAD_HEADER = _kind(40004, "bad_header", "A required header is missing or malformed.")
PROTOCOL_VERSION_UNSUPPORTED = _kind(
    40005, "protocol_version_unsupported", "The client speaks a protocol version this server does not."
)
MALFORMED_REQUEST = _kind(
    40006, "malformed_request", "The HTTP request itself (its request line or headers) is malformed."
)
AUTH_REQUIRED = _kind(40101, "auth_required", "A device token is required (Authorization: Bearer).")
TOKEN_INVALID = _kind(40102, "token_invalid", "The device token is not known.")
TOKEN_EXPIRED = _kind(40103, "token_expired", "The device token has expired; enrol the device again.")
TOKEN_REVOKED = _kind(40104, "token_revoked", "The device token was revoked; enrol the device again.")
BAD_CREDENTIALS = _kind(40105, "bad_credentials", "The user name or password is wrong.")
ACCOUNT_DEACTIVATED = _kind(
    40106, "account_deactivated", "Your account was deactivated; ask your administrator."
)
FORBIDDEN_ROLE = _kind(40301, "forbidden_role", "Your role does not allow this action.")
FORBIDDEN_REGION = _kind(40302, "forbidden_region", "This record belongs to a region outside your scope.")
FORBIDDEN_OWNER = _kind(40303, "forbidden_owner", "This record belongs to another inspector.")
PASSWORD_CHANGE_REQUIRED = _kind(
    40304,
    "password_change_required",
    "The password was reset and must be changed before signing in (POST /auth/password).",
)
NOT_FOUND = _kind(40401, "not_found", "No such resource.")
UNKNOWN_FACILITY = _kind(40402, "unknown_facility", "The record names a facility the server does not know.")
METHOD_NOT_ALLOWED = _kind(40501, "method_not_allowed", "This method is not allowed here.")
REVISION_CONTENT_MISMATCH = _kind(
    40901,
    "revision_content_mismatch",
    "The server holds different content under this revision; the record was changed elsewhere.",
)
STALE_BASE_REVISION = _kind(
    40902,
    "stale_base_revision",
    "The record was edited from an older revision than the server's; both versions are kept.",
)
RECORD_FINALISED = _kind(
    40903, "record_finalised", "The record is finalised on the server and cannot be changed."
)
UPLOAD_OFFSET_MISMATCH = _kind(
    40904, "upload_offset_mismatch", "Upload-Offset does not match the bytes the server holds."
)
UPLOAD_LOCKED = _kind(
    40905, "upload_in_progress", "Another request is writing this attachment right now; retry shortly."
)
DUPLICATE = _kind(40906, "duplicate", "A resource with this key already exists.")
REVIEW_STATE = _kind(
    40907, "review_not_allowed", "The record is not in a state that allows this review decision."
)
REQUEST_TIMEOUT = _kind(40801, "request_timeout", "The request did not arrive in time; send it again.")
BODY_TOO_LARGE = _kind(41301, "body_too_large", "The request body is larger than the server accepts.")
RECORD_TOO_LARGE = _kind(
    41302, "record_too_large", "A record is larger than the server accepts (2 MiB of JSON)."
)
UNSUPPORTED_MEDIA_TYPE = _kind(41501, "unsupported_media_type", "The Content-Type is not accepted here.")
VALIDATION_FAILED = _kind(42201, "validation_failed", "The request does not match the schema.")
ATTACHMENT_HASH_MISMATCH = _kind(
    42202,
    "attachment_hash_mismatch",
    "The uploaded bytes do not match the declared SHA-256; the upload was discarded.",
)
ATTACHMENT_SIZE_MISMATCH = _kind(
    42203, "attachment_size_mismatch", "The upload is longer than its declared length."
)
IMPORT_FAILED = _kind(42204, "import_failed", "No row of the file could be imported.")
DOCUMENT_NUMBER_FOREIGN = _kind(
    42205,
    "document_number_foreign",
    "A document number is not one of yours: its region or inspector code is not the pushing inspector's, "
    "or its year has not begun.",
)
DOCUMENT_NUMBER_TAKEN = _kind(
    42206, "document_number_taken", "A document number already belongs to another record."
)
WEAK_PASSWORD = _kind(
    42207,
    "weak_password",
    "The password is too weak: at least 10 characters, of at least two kinds "
    "(letters, digits, other signs), and not the user name.",
)
BAD_USERNAME = _kind(
    42208,
    "bad_username",
    "The user name may not be empty or hold spaces at its ends, control or invisible characters.",
)
BUNDLE_UNREADABLE = _kind(
    42220,
    "bundle_unreadable",
    "The file is not a transfer bundle, or it was changed or cut short; nothing was taken in.",
)
BUNDLE_OTHER_SERVER = _kind(
    42221, "bundle_other_server", "The bundle was made for another server, or is not a laptop's export."
)
BUNDLE_UNKNOWN_DEVICE = _kind(
    42222,
    "bundle_unknown_device",
    "The bundle comes from a device this server did not enrol for transfer bundles.",
)
BUNDLE_ALREADY_IMPORTED = _kind(
    40920, "bundle_already_imported", "This bundle was imported before; nothing was taken in twice."
)
TOO_MANY_ATTEMPTS = _kind(42901, "too_many_attempts", "Too many failed sign-ins; wait before trying again.")
TOO_MANY_CHECKS = _kind(
    42902, "too_many_checks", "Too many document checks from this address; wait before trying again."
)
INTERNAL = _kind(50001, "internal_error", "An unexpected error happened on the server; it was logged.")
DATABASE_UNAVAILABLE = _kind(
    50301, "database_unavailable", "The server's database is unreachable right now; retry later."
)
STORAGE_UNAVAILABLE = _kind(
    50302, "storage_unavailable", "The server's attachment storage is unavailable right now; retry later."
)


@dataclass
class Problem(Exception):
    """A coded problem raised by the server and read back by the client."""

    kind: ProblemKind
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.kind.name)
        self.message = self.message or self.kind.message

    @property
    def code(self) -> int:
        return self.kind.code

    @property
    def status(self) -> int:
        return self.kind.status

    def body(self) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "name": self.kind.name,
                "message": self.message,
                "details": self.details,
            }
        }

    @classmethod
    def from_body(cls, body: Any, status: int) -> Problem:
        """Read an error body back; anything unexpected becomes a generic problem."""
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict) or error.get("code") not in CATALOGUE:
            fallback = DATABASE_UNAVAILABLE if status == 503 else INTERNAL
            return cls(fallback, details={"status": status})
        return cls(CATALOGUE[error["code"]], str(error.get("message", "")), error.get("details") or {})
