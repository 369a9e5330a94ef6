"""The server's tables of the follow-up of orders and of outcomes (migration 0007): made over
a database at 0006 with its records kept, and the execution reports' files kept by the
clean-up of unreferenced uploads."""

from __future__ import annotations

import datetime as dt
import os

import sqlalchemy as sa

from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import AttachmentRow, OrderItemRow, OrderReportRow
from sync.server.services.cleanup import clean_uploads
from sync.server.services.seed import DEMO_PASSWORD
from sync.server.services.users import create_user


def test_the_migration_adds_the_tables_and_keeps_what_was_there(backend, tmp_path, request):
    from tests.sync.conftest import fresh_database_url

    url = fresh_database_url(backend, tmp_path, request)
    migrate(url, "0006")
    db = Database(url)
    with db.write() as session:
        create_user(session, username="supervisor", password=DEMO_PASSWORD, role="supervisor", regions=[])
    db.dispose()
    migrate(url)
    db = Database(url)
    with db.write() as session:
        user_id = session.scalar(sa.text("SELECT id FROM users WHERE username = 'supervisor'"))
        session.add(
            OrderItemRow(
                inspection_id="r1",
                measure_id="m2",
                finding_id="f0",
                region="AST",
                state="not_executed",
                note="",
                updated_by=user_id,
                updated_at=dt.datetime.now(dt.UTC),
            )
        )
    with db.read() as session:
        assert session.scalar(sa.select(OrderItemRow.state)) == "not_executed"
        tables = set(sa.inspect(session.get_bind()).get_table_names())
    db.dispose()
    assert {"order_items", "order_reports", "measure_outcomes"} <= tables


def test_clean_uploads_keeps_the_files_of_execution_reports(db_url, tmp_path):
    blobs = BlobStore(tmp_path / "blobs")
    db = Database(db_url)
    report, dropped = "a" * 64, "b" * 64
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    for sha in (report, dropped):
        blobs.blob_path(sha).write_bytes(b"%PDF-1.4")
        os.utime(blobs.blob_path(sha), (long_ago.timestamp(), long_ago.timestamp()))
    with db.write() as session:
        user = create_user(
            session, username="supervisor", password=DEMO_PASSWORD, role="supervisor", regions=[]
        )
        session.flush()
        for sha in (report, dropped):
            session.add(
                AttachmentRow(sha256=sha, size=8, uploaded_by=user.id, device_id=None, created_at=long_ago)
            )
        session.add(
            OrderReportRow(
                inspection_id="r1",
                measure_id="m2",
                finding_id="f0",
                sha256=report,
                filename="report.pdf",
                content_type="application/pdf",
                size=8,
                uploaded_by=user.id,
                uploaded_at=long_ago,
            )
        )
    result = clean_uploads(db, blobs, 24 * 3600)
    db.dispose()
    assert result.unreferenced == 1
    assert blobs.has_blob(report) and not blobs.has_blob(dropped)
