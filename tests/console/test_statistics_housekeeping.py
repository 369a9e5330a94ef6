"""Housekeeping of the statistics jobs (`inspector-server clean-uploads`): exports and their
jobs older than the retention go, a job whose process died is marked failed, a half-written
file or a file with no job is removed; what is recent stays."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy as sa

from sync.server import cli
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import StatisticsExport, User
from sync.server.services import statistics_jobs
from sync.server.services.principal import Principal
from sync.server.services.statistics import Query
from tests.sync.conftest import backend, fresh_database_url, pg_database, pg_server, seed  # noqa: F401 (fixtures)


@pytest.fixture
def url(backend, tmp_path, request) -> str:  # noqa: F811 (the fixture)
    made = fresh_database_url(backend, tmp_path, request)
    migrate(made)
    return made


NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
WEEK = dt.timedelta(days=7)


def _job(db: Database, principal: Principal, folder, age: dt.timedelta, state: str, moved: dt.timedelta):
    """A job made `age` ago, last moved `moved` ago, with its file written when it was made."""
    with db.write() as session:
        job_id = statistics_jobs.create(
            session, principal, "xlsx", Query(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)), "kk"
        )
        session.flush()
        job = session.get(StatisticsExport, job_id)
        job.state, job.created_at, job.updated_at = state, NOW - age, NOW - moved
    path = folder / f"{job_id}.xlsx"
    path.write_bytes(b"x" * 100)
    os.utime(path, ((NOW - age).timestamp(),) * 2)
    return job_id, path


def test_old_exports_go_and_dead_ones_are_marked_failed(url, tmp_path):
    seed(url)
    db = Database(url)
    with db.read() as session:
        user = session.scalar(sa.select(User).where(User.username == "admin"))
        principal = Principal(user.id, "admin", user.role, frozenset())
    folder = tmp_path / "exports"
    folder.mkdir()
    _, old_file = _job(db, principal, folder, WEEK + dt.timedelta(hours=1), "done", WEEK)
    recent, recent_file = _job(db, principal, folder, dt.timedelta(days=2), "done", dt.timedelta(days=2))
    dead, dead_file = _job(db, principal, folder, dt.timedelta(hours=1), "running", dt.timedelta(minutes=40))
    dead_file.rename(dead_file.with_name(f"{dead}.xlsx.partial"))
    busy, busy_file = _job(db, principal, folder, dt.timedelta(minutes=2), "running", dt.timedelta(seconds=5))
    busy_file.rename(busy_file.with_name(f"{busy}.xlsx.partial"))
    stray = folder / "0b7c-no-job.xlsx"
    stray.write_bytes(b"y" * 10)
    os.utime(stray, ((NOW - 2 * WEEK).timestamp(),) * 2)
    young_stray = folder / "0b7d-being-made.xlsx.partial"
    young_stray.write_bytes(b"z")
    os.utime(young_stray, (NOW.timestamp(),) * 2)

    report = statistics_jobs.clean(db, folder, WEEK, NOW)

    assert (report.expired, report.failed, report.files, report.bytes_freed) == (1, 1, 3, 210)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [recent_file.name, f"{busy}.xlsx.partial", young_stray.name]
    )
    with db.read() as session:
        states = {j.id: j.state for j in session.scalars(sa.select(StatisticsExport))}
    assert states == {recent: "done", dead: "failed", busy: "running"}
    assert not old_file.exists()
    db.dispose()


def test_clean_uploads_cleans_the_exports_too(url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_DATABASE_URL", url)
    monkeypatch.setenv("INSPECTOR_BLOB_DIR", str(tmp_path / "blobs"))
    monkeypatch.setenv("INSPECTOR_EXPORT_RETENTION_DAYS", "3")
    monkeypatch.setattr(cli.logs, "configure", lambda _level: None)
    folder = tmp_path / "blobs" / "exports"
    folder.mkdir(parents=True)
    stray = folder / "0b7c-no-job.csv"
    stray.write_bytes(b"y")
    os.utime(stray, ((dt.datetime.now(dt.UTC) - dt.timedelta(days=4)).timestamp(),) * 2)
    assert cli.main(["clean-uploads"]) == 0
    assert "removed 0 statistics jobs older than the retention and 1 export files" in capsys.readouterr().out
    assert not stray.exists()
