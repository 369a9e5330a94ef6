"""Recording attachments as verified, once their bytes are on disk and match their hash."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.persistence import audit_chain
from sync.server.persistence.models import AttachmentRow, InspectionRow, RecordAttachment
from sync.server.services.principal import Principal
from sync.server.services.security import utcnow


def register_attachments(
    session: Session, principal: Principal, verified: list[tuple[str, int]]
) -> list[str]:
    """Insert what is not yet recorded (another device may have won the race); audit each."""
    if not verified:
        return []
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    now = utcnow()
    rows = [
        {
            "sha256": sha,
            "size": size,
            "uploaded_by": principal.user_id,
            "device_id": principal.device_id,
            "created_at": now,
        }
        for sha, size in dict(verified).items()
    ]
    table = AttachmentRow.__table__
    statement = insert(table).on_conflict_do_nothing(index_elements=["sha256"]).returning(table.c.sha256)
    added = list(session.execute(statement, rows).scalars())
    sizes = dict(verified)
    if added:
        audit_chain.queue(
            session,
            [
                {
                    "at": now,
                    **principal.audit_fields(),
                    "action": "attachment.verified",
                    "entity_kind": "attachment",
                    "entity_id": sha,
                    "details": {"size": sizes[sha]},
                }
                for sha in added
            ],
        )
    return added


def may_download(session: Session, principal: Principal, sha256: str) -> bool:
    """Whether the caller may have these bytes: a record they may read refers to them and
    its owner uploaded them. Naming someone else's hash in one's own record proves nothing
    (the bytes were never in one's hands), so it opens the bytes to no one, neither to
    the one who named it nor to a supervisor of that record."""
    uploader = session.scalar(sa.select(AttachmentRow.uploaded_by).where(AttachmentRow.sha256 == sha256))
    if uploader is None:
        return False
    holders = session.execute(
        sa.select(InspectionRow.owner_id, InspectionRow.region)
        .join(RecordAttachment, RecordAttachment.inspection_id == InspectionRow.id)
        .where(RecordAttachment.sha256 == sha256, InspectionRow.owner_id == uploader)
    ).all()
    return any(principal.may_read_record(owner, region) for owner, region in holders)
