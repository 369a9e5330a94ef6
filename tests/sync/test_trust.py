"""What the server's word is worth: attachments only to those whose records hold them, stale
uploads cleaned up, and an audit log whose edits, deletions and gaps show."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
import uuid

import pytest
import requests
import sqlalchemy as sa

from sync.server import cli
from sync.server.persistence import audit_chain
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import AttachmentRow, RecordAttachment
from sync.server.persistence.roles import audit_table_rights, grant_app_role
from sync.server.services.audit import audit
from sync.server.services.cleanup import clean_uploads
from sync.server.services.seed import DEMO_PASSWORD
from sync.server.services.users import create_user
from tests.kit.factory import demo_facility, inspection, photo_bytes, sha256
from tests.sync.api import API, push, results, upload
from tests.sync.conftest import enrol

# --- attachments ------------------------------------------------------------------------


def _add_user(url: str, username: str, role: str, regions: list[str]) -> None:
    db = Database(url)
    with db.write() as session:
        create_user(session, username=username, password=DEMO_PASSWORD, role=role, regions=regions)
    db.dispose()


def _download(url: str, headers: dict, sha: str) -> int:
    return requests.get(f"{url}{API}/attachments/{sha}", headers=headers, timeout=30).status_code


def test_naming_someone_elses_photo_in_ones_own_record_opens_it_to_no_one(server):
    _add_user(server.database_url, "almaty", "inspector", ["ALA"])
    _add_user(server.database_url, "almaty_head", "supervisor", ["ALA"])
    _add_user(server.database_url, "astana_head", "supervisor", ["AST"])
    photo = photo_bytes(30_000, 7)
    owner = enrol(server.url, "inspector")
    theirs = inspection(demo_facility("AST"), seed=7, photos={"a": photo})
    assert results(push(server.url, owner, theirs))[0]["status"] == "created"
    assert upload(server.url, owner, sha256(photo), photo).ok
    intruder = enrol(server.url, "almaty")
    forged = inspection(demo_facility("ALA"), seed=8, photos={"a": photo})  # never uploaded by them
    assert results(push(server.url, intruder, forged))[0]["status"] == "created"
    assert _download(server.url, intruder, sha256(photo)) == 403
    assert _download(server.url, enrol(server.url, "almaty_head"), sha256(photo)) == 403
    assert _download(server.url, owner, sha256(photo)) == 200
    assert _download(server.url, enrol(server.url, "astana_head"), sha256(photo)) == 200


def _aged(path, seconds: float) -> None:
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_clean_uploads_removes_abandoned_parts_and_unreferenced_files(db_url, tmp_path):
    blobs = BlobStore(tmp_path / "blobs")
    db = Database(db_url)
    day = 24 * 3600
    old_part, new_part = blobs.part_name("a" * 64, "dev1"), blobs.part_name("b" * 64, "dev1")
    for name in (old_part, new_part):
        with open(name, "wb") as handle:
            handle.write(b"x" * 100)
    _aged(old_part, day + 60)
    kept, dropped, fresh, orphan = "c" * 64, "d" * 64, "e" * 64, "f" * 64
    for sha in (kept, dropped, fresh, orphan):
        blobs.blob_path(sha).write_bytes(b"y" * 10)
        _aged(blobs.blob_path(sha), day + 60)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    with db.write() as session:
        _add = create_user(session, username="uploader", password=DEMO_PASSWORD, role="inspector", regions=[])
        session.flush()
        for sha, created in ((kept, long_ago), (dropped, long_ago), (fresh, dt.datetime.now(dt.UTC))):
            session.add(
                AttachmentRow(sha256=sha, size=10, uploaded_by=_add.id, device_id=None, created_at=created)
            )
        session.add(RecordAttachment(inspection_id=str(uuid.uuid4()), sha256=kept, size=10))
    report = clean_uploads(db, blobs, day)
    assert (report.partial, report.unreferenced, report.orphans) == (1, 1, 1)
    assert not os.path.exists(old_part) and os.path.exists(new_part)
    assert blobs.has_blob(kept) and blobs.has_blob(fresh)
    assert not blobs.has_blob(dropped) and not blobs.has_blob(orphan)
    with db.read() as session:
        assert set(session.scalars(sa.select(AttachmentRow.sha256))) == {kept, fresh}
    db.dispose()


def test_clean_uploads_is_a_command(db_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_DATABASE_URL", db_url)
    monkeypatch.setenv("INSPECTOR_BLOB_DIR", str(tmp_path / "blobs"))
    monkeypatch.setattr(cli.logs, "configure", lambda _level: None)
    blobs = BlobStore(tmp_path / "blobs")
    part = blobs.part_name("a" * 64, "dev")
    with open(part, "wb") as handle:
        handle.write(b"z")
    _aged(part, 3 * 3600)
    assert cli.main(["clean-uploads", "--older-than", "2"]) == 0
    assert "removed 1 abandoned partial uploads" in capsys.readouterr().out
    assert not os.path.exists(part)


# --- the audit chain --------------------------------------------------------------------


def _write_entries(url: str, count: int, label: str = "test") -> None:
    db = Database(url)
    for n in range(count):
        with db.write() as session:
            audit(
                session,
                user_id=None,
                device_id=None,
                action=f"{label}.{n}",
                entity_kind="test",
                entity_id=f"{label}-{n}",
                details={"n": n, "text": "Қазақ тілі"},
            )
    db.dispose()


def _verify_audit(url: str, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setenv("INSPECTOR_DATABASE_URL", url)
    monkeypatch.setattr(cli.logs, "configure", lambda _level: None)  # no handler on captured streams
    code = cli.main(["verify-audit"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_an_edited_deleted_or_replaced_entry_breaks_the_chain(db_url, monkeypatch, capsys):
    _write_entries(db_url, 5)
    assert _verify_audit(db_url, monkeypatch, capsys) == (0, "5 entries, chain intact\n")
    engine = sa.create_engine(db_url)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:  # the database role of the server, triggers out of the way
        if postgres:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        else:
            for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_no_replace"):
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        connection.exec_driver_sql("UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 3")
    code, text = _verify_audit(db_url, monkeypatch, capsys)
    assert code == 1 and "entry 3 " in text and "altered" in text
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = 3")
    code, text = _verify_audit(db_url, monkeypatch, capsys)
    assert code == 1 and "entry 3 is missing" in text
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq >= 3")
    code, text = _verify_audit(db_url, monkeypatch, capsys)
    assert code == 1 and "entries after 2 are missing" in text
    with engine.begin() as connection:
        connection.exec_driver_sql("TRUNCATE audit_log" if postgres else "DELETE FROM audit_log")
    code, text = _verify_audit(db_url, monkeypatch, capsys)
    assert code == 1 and "entries after 0 are missing" in text
    engine.dispose()


def test_sqlite_refuses_insert_or_replace_and_the_chain_shows_it_once_triggers_go(
    tmp_path, monkeypatch, capsys
):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    migrate(url)
    _write_entries(url, 3)
    engine = sa.create_engine(url)
    replace = (
        "INSERT OR REPLACE INTO audit_log (id, at, action, entity_kind, entity_id, details, seq, hash) "
        "SELECT id, at, 'forged', entity_kind, entity_id, details, seq, hash FROM audit_log WHERE seq = 2"
    )
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as connection:
        connection.exec_driver_sql(replace)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_replace")
        connection.exec_driver_sql(replace)
    engine.dispose()
    code, text = _verify_audit(url, monkeypatch, capsys)
    assert code == 1 and "entry 2 " in text


def test_the_migration_chains_the_entries_already_there(backend, tmp_path, request, monkeypatch, capsys):
    from tests.sync.conftest import fresh_database_url

    url = fresh_database_url(backend, tmp_path, request)
    migrate(url, "0004")
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        for n in range(4):
            connection.execute(
                sa.text(
                    "INSERT INTO audit_log (at, action, entity_kind, entity_id, details) "
                    "VALUES (:at, :action, 'test', :id, :details)"
                ),
                {
                    "at": dt.datetime(2026, 1, 1, 9, n, tzinfo=dt.UTC),
                    "action": "old",
                    "id": str(n),
                    "details": "{}",
                },
            )
    engine.dispose()
    migrate(url)
    _write_entries(url, 2)
    assert _verify_audit(url, monkeypatch, capsys) == (0, "6 entries, chain intact\n")


def test_concurrent_writers_do_not_fork_the_chain(db_url, monkeypatch, capsys):
    errors = []

    def writer(label: str) -> None:
        try:
            _write_entries(db_url, 25, label)
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(f"w{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert _verify_audit(db_url, monkeypatch, capsys) == (0, "75 entries, chain intact\n")


@pytest.mark.postgres
def test_the_servers_restricted_role_cannot_rewrite_the_audit_log(pg_database, tmp_path, request):
    from tests.sync.conftest import fresh_database_url

    owner_url = fresh_database_url("postgres", tmp_path, request)
    migrate(owner_url)
    role = f"inspector_app_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(pg_database, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'app-password'")
    try:
        grant_app_role(owner_url, role)
        app_url = sa.engine.make_url(owner_url).set(username=role, password="app-password")
        app_url = app_url.render_as_string(hide_password=False)
        migrate(app_url)  # serve's start-up migration: nothing to do, and it may do nothing
        _write_entries(app_url, 3)  # the server appends as this role
        engine = sa.create_engine(app_url)
        with engine.connect() as connection:
            assert audit_table_rights(connection, role) == {"SELECT", "INSERT"}
        for statement in (
            "TRUNCATE audit_log",
            "DELETE FROM audit_log",
            "UPDATE audit_log SET action = 'forged'",
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
            "ALTER TABLE audit_log ADD COLUMN x int",
            "DROP TRIGGER audit_log_append_only ON audit_log",
        ):
            with (
                pytest.raises(sa.exc.ProgrammingError, match=r"permission denied|must be owner"),
                engine.begin() as connection,
            ):
                connection.exec_driver_sql(statement)
        engine.dispose()
        owner = Database(owner_url)
        with owner.read() as session:
            assert audit_chain.verify(session).entries == 3 and audit_chain.verify(session).intact
        owner.dispose()
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP OWNED BY {role}")
            connection.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()
