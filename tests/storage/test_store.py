import shutil

import pytest
import sqlcipher3

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Verdict
from inspector_app.core.domain.text import name_sort_key
from inspector_app.desktop.storage import crypto, migrate
from inspector_app.desktop.storage.engine import Database
from inspector_app.desktop.storage.store import DB_NAME, backups, create_store, open_store, restore_backup
from tests.conftest import FAST_SCRYPT

PASS = "correct horse battery"


def test_reopen_keeps_profile_and_answers(store, store_dir, inspection):
    store.inspections.save_answer(
        inspection.id, "sch.security.video", verdict=Verdict.VIOLATED, note="Камералар істемейді"
    )
    store.close()
    reopened = open_store(store_dir, PASS)
    try:
        assert reopened.reference.profile().name == "Әсел Қанатқызы Нұрланова"
        answer = reopened.inspections.answers(inspection.id)["sch.security.video"]
        assert answer.verdict is Verdict.VIOLATED and answer.note == "Камералар істемейді"
    finally:
        reopened.close()


def test_wrong_passphrase_is_told_and_touches_nothing(store, store_dir):
    store.close()
    before = (store_dir / DB_NAME).read_bytes()
    with pytest.raises(UserError) as caught:
        open_store(store_dir, "not the passphrase")
    assert caught.value.code == "store.wrong_passphrase"
    assert "Данные не затронуты" in caught.value.message("ru")
    assert (store_dir / DB_NAME).read_bytes() == before


def test_short_passphrase_refused(tmp_path, profile):
    with pytest.raises(UserError) as caught:
        create_store(tmp_path / "s", "short", profile, scrypt_n=FAST_SCRYPT)
    assert caught.value.code == "store.passphrase_too_short"


def test_database_file_is_unreadable_without_the_key(store, store_dir, inspection):
    store.inspections.save_answer(
        inspection.id, "sch.security.video", verdict=Verdict.VIOLATED, note="ҚҰПИЯ ЕСКЕРТПЕ"
    )
    store.db.checkpoint()
    raw = (store_dir / DB_NAME).read_bytes()
    assert b"SQLite format 3" not in raw
    assert "ҚҰПИЯ".encode() not in raw and "Әсел".encode() not in raw
    connection = sqlcipher3.connect(str(store_dir / DB_NAME))
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_corrupt_database_told_and_restorable_from_pre_migration_copy(store, store_dir, profile):
    # make an old-schema store, migrate it (which copies it first), then damage the file
    store.close()
    shutil.rmtree(store_dir)
    old = create_store(store_dir, PASS, profile, scrypt_n=FAST_SCRYPT)
    migrate.downgrade(old.db, "0001")
    old.close()
    migrated = open_store(store_dir, PASS)
    assert migrated.migration_backup is not None and migrated.migration_backup.exists()
    migrated.close()
    with open(store_dir / DB_NAME, "r+b") as handle:
        handle.seek(0)
        handle.write(b"\x00" * 8192)
    with pytest.raises(UserError) as caught:
        open_store(store_dir, PASS)
    assert caught.value.code == "store.corrupt"
    keys = crypto.unlock(store_dir / "store.key", PASS)
    aside = restore_backup(store_dir, backups(store_dir)[0], keys)
    assert aside.exists()  # the damaged file is kept, never deleted
    restored = open_store(store_dir, PASS)
    assert restored.reference.profile().code == "K07"
    restored.close()


def test_migration_from_first_schema_keeps_data(store, store_dir, inspection):
    """seed at 0001 -> migrate to head -> the data is intact and new tables exist."""
    store.inspections.save_answer(inspection.id, "sch.security.video", verdict=Verdict.COMPLIES)
    migrate.downgrade(store.db, "0001")
    assert migrate.current_revision(store.db) == "0001"
    backup = migrate.upgrade(store.db)
    assert backup is not None and backup.name.endswith(f"0001-to-{migrate.HEAD}")
    assert migrate.current_revision(store.db) == migrate.HEAD
    assert store.inspections.answers(inspection.id)["sch.security.video"].verdict is Verdict.COMPLIES
    facility = store.facilities.get(inspection.facility_id)
    for typed in (facility.name_ru[:1], facility.name_ru[:3]):  # the register index was rebuilt
        assert facility.id in {f.id for f in store.facilities.search(typed, limit=100_000)}
    kazakh = [f.name_kk for f in store.facilities.search("", language="kk", limit=100_000)]
    russian = [f.name_ru for f in store.facilities.search("", language="ru", limit=100_000)]
    assert kazakh == sorted(kazakh, key=name_sort_key)  # the sort keys were filled
    assert russian == sorted(russian, key=name_sort_key)
    with store.db.read() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM documents").scalar() == 0
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_answers_are_durable_on_return(store, store_dir, inspection):
    """A second, independent connection sees the answer as soon as save_answer returns."""
    from inspector_app.desktop.storage import crypto

    store.inspections.save_answer(inspection.id, "sch.food.hot_meal", verdict=Verdict.VIOLATED)
    keys = crypto.unlock(store_dir / "store.key", PASS)
    other = Database(store_dir / DB_NAME, keys)
    with other.read() as connection:
        verdict = connection.exec_driver_sql(
            "SELECT verdict FROM answers WHERE item_id = 'sch.food.hot_meal'"
        ).scalar()
    other.close()
    assert verdict == "violated"


def not_fts(name, kind, _parent):
    return not (kind == "table" and name.startswith("facilities_fts"))


def test_migrations_build_exactly_the_declared_tables(store):
    """The tables the code declares and the schema the migrations build do not drift apart."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from inspector_app.desktop.storage.models import metadata

    with store.db.read() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": not_fts})
        differences = compare_metadata(context, metadata)
    assert differences == []
