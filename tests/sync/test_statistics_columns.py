"""Migrations 0011 to 0013: the header fields statistics select by (the appointment date,
else the start of the period; type, mode; facility kind), the facts they count of the
measures and restored children, and when the current revision was stored (the review
queue's order), back-filled from records stored before them exactly as a push stores them."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import InspectionRevision, InspectionRow, JsonType
from sync.server.services.seed import DEMO_PASSWORD
from sync.server.services.statistics import counted_facts
from sync.server.services.users import create_user

_INSPECTIONS = sa.table(
    "inspections",
    *(sa.column(n) for n in ("id", "owner_id", "facility_id", "region", "status", "review_state")),
    *(sa.column(n) for n in ("revision", "content_hash", "received_at")),
    sa.column("payload", JsonType),
)


def _record(record_id: str, **header) -> dict:
    return {
        "id": record_id,
        "owner_id": 0,
        "facility_id": "f1",
        "region": "AST",
        "status": "finalised",
        "review_state": "approved",
        "revision": 1,
        "content_hash": "0" * 64,
        "received_at": dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        "payload": {
            "id": record_id,
            "header": {"type": "scheduled", "mode": "desk", **header},
            "measures": MEASURES if record_id == "r1" else [],
            "restored_children": CHILDREN if record_id == "r1" else [],
        },
    }


MEASURES = [
    {"id": "m1", "kind": "protocol", "finding_ids": ["f2"], "article": "127-3", "substance": {"kk": "…"}},
    {"id": "m2", "kind": "order", "finding_ids": ["f0", "f1"], "deadlines": {"f0": "2026-04-15"}},
]
STORED, EARLIER = dt.datetime(2026, 3, 2, 8, 15, tzinfo=dt.UTC), dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
CHILDREN = [{"id": "c0", "reference": "Б-0", "categories": ["housing"], "finding_id": "f0"}]


def test_the_migration_fills_the_columns_from_the_stored_records(backend, tmp_path, request):
    from tests.sync.conftest import fresh_database_url

    url = fresh_database_url(backend, tmp_path, request)
    migrate(url, "0010")
    db = Database(url)
    with db.write() as session:
        user = create_user(
            session, username="inspector", password=DEMO_PASSWORD, role="inspector", regions=[]
        )
        session.execute(
            sa.text(
                "INSERT INTO facilities (id, region, kind, name_kk, name_ru, district, settlement,"
                " bin, address, head, risk, special_control, updated_at) VALUES ('f1', 'AST', 'camp',"
                " 'Лагерь', 'Лагерь', '', '', '', '', '', 'low', false, '2026-01-01')"
            )
        )
        records = [
            _record("r1", appointment_date="2026-02-01", period_start="2026-02-05"),
            _record("r2", appointment_date=None, period_start="2025-12-30"),
        ]
        session.execute(sa.insert(_INSPECTIONS), [{**r, "owner_id": user.id} for r in records])
        session.execute(
            sa.insert(InspectionRevision),
            [
                {
                    "inspection_id": "r1",
                    "revision": 1,
                    "content_hash": "0" * 64,
                    "author_id": user.id,
                    "created_at": STORED,
                },
                {
                    "inspection_id": "r1",
                    "revision": 0,
                    "content_hash": "0" * 64,
                    "author_id": user.id,
                    "created_at": EARLIER,
                },
            ],
        )
    db.dispose()
    migrate(url)
    db = Database(url)
    with db.read() as session:
        rows = session.execute(
            sa.select(
                InspectionRow.id,
                InspectionRow.placed_on,
                InspectionRow.inspection_type,
                InspectionRow.inspection_mode,
                InspectionRow.facility_kind,
                InspectionRow.counted,
                InspectionRow.waiting_since,
            ).order_by(InspectionRow.id)
        ).all()
    db.dispose()
    assert [tuple(r[:5]) for r in rows] == [
        ("r1", dt.date(2026, 2, 1), "scheduled", "desk", "camp"),
        ("r2", dt.date(2025, 12, 30), "scheduled", "desk", "camp"),
    ]
    assert [r.counted for r in rows] == [counted_facts(r["payload"]) for r in records]
    assert rows[0].counted["measures"][1] == MEASURES[1]  # an order keeps its findings and deadlines
    assert [r.waiting_since for r in rows] in ([STORED, None], [STORED.replace(tzinfo=None), None])
