"""Planned inspections read with their facilities in one query."""

import datetime as dt

from sqlalchemy import event

from inspector_app.core import protocol
from inspector_app.desktop.services.sync_store import StoreSyncAdapter


def plan(store, catalogue, tmp_path, *facility_ids: str) -> None:
    changes = [
        protocol.AssignmentChange(
            seq=n,
            id=f"a-{n}",
            kind="assignment",
            data=protocol.Assignment(
                id=f"a-{n}",
                facility_id=facility_id,
                inspector="aigul",
                form_id="school",
                planned_date=dt.date.today() + dt.timedelta(days=n),
                inspection_type="scheduled",
                ground=None,
                note="",
                status="planned",
                created_by="head",
                created_at=dt.datetime.now(dt.UTC),
            ),
        )
        for n, facility_id in enumerate(facility_ids, start=1)
    ]
    StoreSyncAdapter(store, catalogue, tmp_path / "forms").apply_changes(changes, len(changes))


def test_assignments_come_with_their_facilities_in_one_query(store, catalogue, tmp_path, facility):
    plan(store, catalogue, tmp_path, facility.id, "not-in-this-register")
    statements = []

    def note(_connection, _cursor, statement, *_rest) -> None:
        statements.append(statement)

    event.listen(store.db.engine, "before_cursor_execute", note)
    try:
        rows = store.assignments.planned_with_facilities()
    finally:
        event.remove(store.db.engine, "before_cursor_execute", note)
    assert [(a.id, f) for a, f in rows] == [("a-1", facility), ("a-2", None)]
    assert [s for s in statements if s.startswith("SELECT")] == statements[-1:]  # one read
