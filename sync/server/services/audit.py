"""The append-only audit log: who changed what, when, from which device (entries are
chained by hash when the transaction commits, see persistence/audit_chain.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from sync.server.persistence import audit_chain
from sync.server.services.security import utcnow


def audit(
    session: Session,
    *,
    user_id: int | None,
    device_id: str | None,
    action: str,
    entity_kind: str,
    entity_id: str,
    details: dict[str, Any] | None = None,
) -> None:
    audit_chain.queue(
        session,
        [
            {
                "at": utcnow(),
                "user_id": user_id,
                "device_id": device_id,
                "action": action,
                "entity_kind": entity_kind,
                "entity_id": entity_id[:100],
                "details": details or {},
            }
        ],
    )
