"""Recording attachments as verified, once their bytes are on disk and match their hash."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.persistence.models import AttachmentRow, AuditEntry
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
        session.execute(
            sa.insert(AuditEntry.__table__),
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
