"""Inspections planned by a supervisor for this inspector, as the server sent them."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from inspector_app.core.domain.models import Assignment, Facility
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import Database
from inspector_app.desktop.storage.facilities import from_row as facility_from_row

_A = models.assignments
_F = models.facilities


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

    def planned_with_facilities(self) -> list[tuple[Assignment, Facility | None]]:
        """`planned()` with each assignment's facility, in one query (None: the facility is
        not in this laptop's register yet)."""
        facility_columns = [c.label(f"f_{c.name}") for c in _F.c]
        query = (
            sa.select(_A, *facility_columns)
            .select_from(_A.outerjoin(_F, _F.c.id == _A.c.facility_id))
            .where(_A.c.status == "planned")
            .order_by(_A.c.planned_date, _A.c.id)
        )
        with self._db.read() as connection:
            rows = connection.execute(query).mappings().all()
        return [(_assignment(row), _facility(row)) for row in rows]

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


def _facility(row) -> Facility | None:
    if row["f_id"] is None:
        return None
    return facility_from_row({c.name: row[f"f_{c.name}"] for c in _F.c})
