"""The append-only audit log: who changed what, when, from which device (entries are
chained by hash when the transaction commits, see persistence/audit_chain.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from sync.server.persistence import audit_chain
from sync.server.persistence.models import AuditEntry, User
from sync.server.services.security import aware, utcnow


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


def audit_entries(session: Session, query) -> list[protocol.AuditRecord]:
    """The entries a query selects, as the API returns them (with user names)."""
    rows = list(session.scalars(query))
    ids = {r.user_id for r in rows if r.user_id is not None}
    names = (
        dict(session.execute(sa.select(User.id, User.username).where(User.id.in_(ids))).all()) if ids else {}
    )
    return [
        protocol.AuditRecord(
            id=r.id,
            at=aware(r.at),
            user=names.get(r.user_id),
            device_id=r.device_id,
            action=r.action,
            entity_kind=r.entity_kind,
            entity_id=r.entity_id,
            details=r.details,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class AuditQuery:
    """A filter of the log: who (user name), which record (entity id), which action, and a
    period [start, end) in UTC; each optional."""

    user: str = ""
    entity_id: str = ""
    action: str = ""
    start: dt.datetime | None = None
    end: dt.datetime | None = None


def find_audit(
    session: Session, query: AuditQuery, offset: int, limit: int
) -> tuple[list[protocol.AuditRecord], int]:
    """One page of the entries a filter selects, newest first, and how many it selects."""
    where: list[sa.ColumnElement[bool]] = []
    if query.user:
        where.append(AuditEntry.user_id.in_(sa.select(User.id).where(User.username == query.user)))
    if query.entity_id:
        where.append(AuditEntry.entity_id == query.entity_id)
    if query.action:
        where.append(AuditEntry.action == query.action)
    if query.start is not None:
        where.append(AuditEntry.at >= query.start)
    if query.end is not None:
        where.append(AuditEntry.at < query.end)
    total = session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(*where)) or 0
    select = sa.select(AuditEntry).where(*where).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    return audit_entries(session, select), total
