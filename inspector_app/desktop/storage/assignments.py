"""Inspections planned by a supervisor for this inspector, as the server sent them."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from inspector_app.core.domain.models import Assignment
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import Database

_A = models.assignments


class AssignmentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def planned(self) -> list[Assignment]:
        """Planned ones, soonest first; those already started here stay, marked as such."""
        with self._db.read() as connection:
            rows = connection.execute(
                sa.select(_A).where(_A.c.status == "planned").order_by(_A.c.planned_date, _A.c.id)
            ).mappings()
            return [_assignment(row) for row in rows]

    def mark_started(self, assignment_id: str, inspection_id: str) -> None:
        with self._db.write() as connection:
            connection.execute(
                sa.update(_A).where(_A.c.id == assignment_id).values(inspection_id=inspection_id)
            )


def _assignment(row) -> Assignment:
    data = row["data"]
    return Assignment(
        id=row["id"],
        facility_id=row["facility_id"],
        form_id=data["form_id"],
        planned_date=dt.date.fromisoformat(row["planned_date"]),
        inspection_type=data["inspection_type"],
        ground=data.get("ground"),
        note=data.get("note") or "",
        inspection_id=row["inspection_id"],
    )
