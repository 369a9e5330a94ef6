"""Files of an organisation's execution report uploaded in the browser: PDFs and photos,
checked by their first bytes and size, stored as attachments by SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass

from sqlalchemy.orm import Session

from sync.server.console.orders import Key
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.models import OrderReportRow
from sync.server.services.attachments import register_attachments
from sync.server.services.principal import Principal
from sync.server.services.security import utcnow


@dataclass(frozen=True)
class Limits:
    files: int = 10  # per upload
    file_bytes: int = 10 * 1024 * 1024

    @property
    def megabytes(self) -> int:
        return self.file_bytes // (1024 * 1024)


LIMITS = Limits()
# the type of a file by its first bytes (what the browser says is not trusted)
SIGNATURES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes | None  # None when larger than the limit
    content_type: str | None  # None when not an accepted type


@dataclass(frozen=True)
class Stored:
    sha256: str
    filename: str
    content_type: str
    size: int


def _kind(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)


def _name(raw: str | None) -> str:
    name = os.path.basename((raw or "").replace("\\", "/")).strip()
    return "".join(c for c in name if c.isprintable() and c not in '"<>')[:200] or "report"


async def read_uploads(form) -> list[Upload]:
    """The files of the form's `files` field, read up to one byte past the limit."""
    found = []
    for part in form.getlist("files"):
        if not hasattr(part, "read") or not part.filename:
            continue
        data = await part.read(LIMITS.file_bytes + 1)
        too_big = len(data) > LIMITS.file_bytes
        found.append(Upload(_name(part.filename), None if too_big else data, _kind(data[:16])))
    return found


def problem_of(files: list[Upload]) -> str:
    """Why these files are refused ("" when they are accepted)."""
    if not files:
        return "no_file"
    if len(files) > LIMITS.files:
        return "too_many"
    if any(f.data is None for f in files):
        return "too_big"
    if any(f.content_type is None or not f.data for f in files):
        return "file_type"
    return ""


def store(blobs: BlobStore, upload: Upload) -> Stored:
    """Write the bytes under their SHA-256 (atomically; an existing blob is the same bytes).
    Only for uploads `problem_of` accepted."""
    data, content_type = upload.data, upload.content_type
    assert data is not None and content_type is not None  # checked by problem_of
    sha = hashlib.sha256(data).hexdigest()
    target = blobs.blob_name(sha)
    if not os.path.exists(target):
        folder = os.path.dirname(target)
        handle, partial = tempfile.mkstemp(dir=folder, suffix=".console.part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    return Stored(sha, upload.filename, content_type, len(data))


def record(session: Session, principal: Principal, key: Key, stored: list[Stored]) -> None:
    register_attachments(session, principal, [(s.sha256, s.size) for s in stored])
    now = utcnow()
    for s in stored:
        session.add(
            OrderReportRow(
                inspection_id=key.inspection_id,
                measure_id=key.measure_id,
                finding_id=key.finding_id,
                sha256=s.sha256,
                filename=s.filename,
                content_type=s.content_type,
                size=s.size,
                uploaded_by=principal.user_id,
                uploaded_at=now,
            )
        )
