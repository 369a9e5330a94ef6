"""The change log that pull reads: one row per entity holding the seq of its latest change.

Ordering against concurrent writers: `record_changes` must be the last statement of a write
transaction. It bumps the "changes" counter row, and that row's lock is held until commit,
so writers take sequence numbers in commit order. A reader first reads the counter
(everything at or below it is committed), then reads change rows up to that value, so it
never advances its cursor past a change that commits later with a smaller number.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from sync.server.persistence.models import ChangeRow, Counter
from sync.server.services.principal import Principal

GLOBAL_KINDS = ("form", "mrp", "article", *protocol.REFERENCE_KINDS)


@dataclass(frozen=True)
class ChangeEntry:
    kind: str
    entity_id: str
    region: str | None = None
    owner_id: int | None = None
    origin_device: str | None = None
    deleted: bool = False


def record_changes(session: Session, entries: list[ChangeEntry]) -> None:
    if not entries:
        return
    session.flush()  # every other write of the transaction goes first
    top = session.execute(
        sa.update(Counter)
        .where(Counter.name == "changes")
        .values(value=Counter.value + len(entries))
        .returning(Counter.value)
    ).scalar_one()
    rows = [
        {
            "kind": e.kind,
            "entity_id": e.entity_id,
            "seq": top - len(entries) + 1 + i,
            "region": e.region,
            "owner_id": e.owner_id,
            "origin_device": e.origin_device,
            "deleted": e.deleted,
        }
        for i, e in enumerate(entries)
    ]
    session.execute(_upsert(session), rows)


def _upsert(session: Session):
    """One statement run for every row (its compiled form is cached, unlike a VALUES list)."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(ChangeRow.__table__)
    columns = ("seq", "region", "owner_id", "origin_device", "deleted")
    return statement.on_conflict_do_update(
        index_elements=["kind", "entity_id"], set_={c: getattr(statement.excluded, c) for c in columns}
    )


def high_water(session: Session) -> int:
    return session.scalar(sa.select(Counter.value).where(Counter.name == "changes")) or 0


def visible(principal: Principal, accepted: frozenset[str] = frozenset()):
    """The SQL condition of the change rows a principal may pull; kinds newer than protocol
    version 2 only for a client that named them in `accepted` (an older laptop refuses a
    kind it does not know, and would stop syncing)."""
    mine = sa.or_(ChangeRow.origin_device.is_(None), ChangeRow.origin_device != principal.device_id)
    unknown = [k for k in protocol.REFERENCE_KINDS if k not in accepted]
    if unknown:
        mine = sa.and_(mine, ChangeRow.kind.not_in(unknown))
    if principal.is_admin:
        return mine
    shared = sa.and_(ChangeRow.region.is_(None), ChangeRow.owner_id.is_(None))
    regions = list(principal.regions)
    if principal.role == "inspector":
        scoped = sa.or_(
            sa.and_(ChangeRow.kind == "facility", ChangeRow.region.in_(regions)),
            ChangeRow.owner_id == principal.user_id,
        )
    else:
        scoped = ChangeRow.region.in_(regions)
    return sa.and_(mine, sa.or_(shared, scoped))


def changed_since(
    session: Session, principal: Principal, since: int, limit: int, accepted: frozenset[str] = frozenset()
) -> tuple[list[ChangeRow], int, bool]:
    """(rows, new cursor, more). A cursor from another server (above ours) restarts at 0."""
    high = high_water(session)
    if since > high:
        since = 0
    rows = list(
        session.scalars(
            sa.select(ChangeRow)
            .where(ChangeRow.seq > since, ChangeRow.seq <= high, visible(principal, accepted))
            .order_by(ChangeRow.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].seq if more else high), more
