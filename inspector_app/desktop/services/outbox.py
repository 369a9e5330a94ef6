"""What waits to be sent, read without the sync machinery (for the status line at start-up)."""

from __future__ import annotations

import sqlalchemy as sa

from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.store import Store

_I, _P, _S = models.inspections, models.photos, models.sync_problems
ENROLMENT_KEYS = ("server_url", "token", "device_id", "username")


def pending_ids(store: Store) -> list[str]:
    """Records not synced at their current revision and not held by a conflict or refusal."""
    query = (
        sa.select(_I.c.id)
        .where(_I.c.revision > _I.c.synced_revision)
        .where(_I.c.id.not_in(sa.select(_S.c.inspection_id)))
        .order_by(_I.c.updated_at)
    )
    with store.db.read() as connection:
        return list(connection.execute(query).scalars())


def pending_counts(store: Store) -> tuple[int, int]:
    """(records, distinct photos) waiting."""
    ids = pending_ids(store)
    with store.db.read() as connection:
        photos = connection.execute(
            sa.select(sa.func.count(sa.distinct(_P.c.sha256))).where(_P.c.inspection_id.in_(ids))
        ).scalar_one()
    return len(ids), photos


def is_enrolled(store: Store) -> bool:
    keys = [f"sync.{key}" for key in ENROLMENT_KEYS]
    with store.db.read() as connection:
        found = connection.execute(
            sa.select(sa.func.count())
            .select_from(models.settings)
            .where(models.settings.c.key.in_(keys), models.settings.c.value != "")
        ).scalar_one()
    return found == len(keys)
