from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from inspector_app.core import protocol
from sync.server.api.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/health", response_model=protocol.Health)
def health(services: ServicesDep) -> protocol.Health:
    """Liveness with a database round trip; answers 503 (coded) when the database is down."""
    with services.db.read() as session:
        session.execute(sa.text("SELECT 1"))
    return protocol.Health(status="ok", protocol=protocol.PROTOCOL_VERSION, database=services.db.dialect)
