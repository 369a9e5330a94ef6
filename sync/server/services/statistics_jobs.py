"""Statistics exports made in the background. The server runs as several stateless processes,
so a job's state and progress are rows of `statistics_exports` and its file lies in the shared
data folder (`<blob dir>/exports/<id>.<format>`): any process can show the progress and serve
the file; the process that accepted the request does the work, in a thread.

Locking a period is such a job too (format `lock`, no file): the lock, its rows and its audit
entry are stored in one transaction, so until the job is done the period's figures stay
provisional, and a job that fails (or whose process dies) stores none of them."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.persistence.db import Database
from sync.server.persistence.models import StatisticsExport
from sync.server.services import statistics as st
from sync.server.services import statistics_export as export
from sync.server.services import statistics_locks as locks
from sync.server.services.audit import audit
from sync.server.services.principal import Principal

log = logging.getLogger(__name__)
STALE = dt.timedelta(minutes=15)  # a job not moving for this long died with its process
LOCK = "lock"  # the format of a job that locks a period (it makes no file)


def create(session: Session, principal: Principal, fmt: str, query: st.Query, lang: str) -> str:
    now = dt.datetime.now(dt.UTC)
    job = StatisticsExport(
        id=str(uuid.uuid4()),
        user_id=principal.user_id,
        format=fmt,
        lang=lang,
        params={k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(query).items()},
        state="queued",
        done=0,
        total=1,
        filename="",
        created_at=now,
        updated_at=now,
    )
    session.add(job)
    return job.id


def find(session: Session, principal: Principal, job_id: str) -> StatisticsExport | None:
    """The caller's own job (another user's is not found)."""
    job = session.get(StatisticsExport, job_id[:36])
    return job if job is not None and job.user_id == principal.user_id else None


def state_of(job: StatisticsExport) -> str:
    from sync.server.services.security import aware

    if job.state in ("queued", "running") and dt.datetime.now(dt.UTC) - aware(job.updated_at) > STALE:
        return "failed"
    return job.state


def path_of(folder: Path, job: StatisticsExport) -> Path:
    return folder / f"{job.id}.{job.format}"


def start(
    db: Database, folder: Path, job_id: str, principal: Principal, translate: export.Translate, today: dt.date
):
    thread = threading.Thread(
        target=run,
        args=(db, folder, job_id, principal, translate, today),
        name=f"export-{job_id[:8]}",
        daemon=True,
    )
    thread.start()
    return thread


def run(
    db: Database, folder: Path, job_id: str, principal: Principal, translate: export.Translate, today: dt.date
):
    """Make the file of a job, writing its progress as it goes."""
    try:
        with db.read() as session:
            job = session.get(StatisticsExport, job_id)
            assert job is not None
            fmt, lang, params = job.format, job.lang, dict(job.params)
        query = st.Query(
            start=dt.date.fromisoformat(params["start"]),
            end=dt.date.fromisoformat(params["end"]),
            region=params.get("region"),
            kind=params.get("kind"),
            basis=params.get("basis") or "approved",
        )
        _update(db, job_id, state="running")
        with db.read() as session:
            data = export.gather(
                session, principal, query, today, lambda done, total: _progress(db, job_id, done, total)
            )
        content = export.render(data, fmt, translate, lang)
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{job_id}.{fmt}.partial"
        partial.write_bytes(content)
        partial.replace(folder / f"{job_id}.{fmt}")
        name = f"statistics-{query.start.isoformat()}-{query.end.isoformat()}.{fmt}"
        _update(db, job_id, state="done", filename=name)
    except Exception:
        log.exception("statistics export %s failed", job_id)
        _update(db, job_id, state="failed")


def _progress(db: Database, job_id: str, done: int, total: int) -> None:
    _update(db, job_id, done=done, total=max(total, 1))


def _update(db: Database, job_id: str, **values) -> None:
    with db.write() as session:
        job = session.get(StatisticsExport, job_id)
        if job is None:
            return
        for name, value in values.items():
            setattr(job, name, value)
        if values.get("state") == "done":
            job.done = job.total
        job.updated_at = dt.datetime.now(dt.UTC)


def create_lock(session: Session, principal: Principal, start: dt.date, end: dt.date, kept: dict) -> str:
    """A job locking start–end; `kept` are the page's filters to return to when it is done."""
    now = dt.datetime.now(dt.UTC)
    job = StatisticsExport(
        id=str(uuid.uuid4()),
        user_id=principal.user_id,
        format=LOCK,
        lang="",
        params={"start": start.isoformat(), "end": end.isoformat(), **kept},
        state="queued",
        done=0,
        total=1,
        filename="",
        created_at=now,
        updated_at=now,
    )
    session.add(job)
    return job.id


def locking(session: Session, start: dt.date, end: dt.date) -> StatisticsExport | None:
    """The job locking start–end now (by anyone), if one is queued or running."""
    jobs = session.scalars(
        sa.select(StatisticsExport).where(
            StatisticsExport.format == LOCK,
            StatisticsExport.state.in_(("queued", "running")),
            StatisticsExport.params["start"].as_string() == start.isoformat(),
            StatisticsExport.params["end"].as_string() == end.isoformat(),
        )
    ).all()
    return next((job for job in jobs if state_of(job) in ("queued", "running")), None)


def start_lock(db: Database, job_id: str, principal: Principal, today: dt.date, details: dict):
    thread = threading.Thread(
        target=run_lock, args=(db, job_id, principal, today, details), name=f"lock-{job_id[:8]}", daemon=True
    )
    thread.start()
    return thread


def run_lock(db: Database, job_id: str, principal: Principal, today: dt.date, details: dict) -> None:
    """Lock the job's period: the lock, its rows and the audit entry in one transaction."""
    try:
        with db.read() as session:
            job = session.get(StatisticsExport, job_id)
            assert job is not None and job.format == LOCK
            start, end = dt.date.fromisoformat(job.params["start"]), dt.date.fromisoformat(job.params["end"])
        _update(db, job_id, state="running")
        period = f"{start.isoformat()}..{end.isoformat()}"
        with db.write() as session:
            changed = locks.find(session, start, end) is None
            locks.lock(session, principal, start, end, today)
            audit(
                session,
                user_id=principal.user_id,
                device_id=None,
                action="statistics.lock",
                entity_kind="statistics_period",
                entity_id=period,
                details={**details, "changed": changed, "job": job_id},
            )
        _update(db, job_id, state="done")
    except Exception:
        log.exception("statistics lock %s failed", job_id)
        _update(db, job_id, state="failed")


@dataclass
class Cleaned:
    expired: int = 0  # jobs older than the retention: row and file removed
    failed: int = 0  # jobs whose process died, marked failed
    files: int = 0  # files removed (of expired jobs, half-written or with no job)
    bytes_freed: int = 0

    def line(self) -> str:
        return (
            f"removed {self.expired} statistics jobs older than the retention and {self.files} export "
            f"files; marked {self.failed} jobs whose process died failed; {self.bytes_freed} bytes freed"
        )


def clean(db: Database, folder: Path, retention: dt.timedelta, now: dt.datetime | None = None) -> Cleaned:
    """`inspector-server clean-uploads` for the statistics: jobs (exports and lockings) made
    longer than `retention` ago go with their files; a job whose process died is marked failed
    (its user starts it again); a file with no job, older than the retention, goes too."""
    from sync.server.services.security import aware

    now = now or dt.datetime.now(dt.UTC)
    report = Cleaned()
    expired: set[str] = set()
    working: dict[str, bool] = {}  # the kept jobs: whether one may be writing its file
    with db.write() as session:
        for job in session.scalars(sa.select(StatisticsExport)):
            if aware(job.created_at) < now - retention:
                expired.add(job.id)
                session.delete(job)
                continue
            if job.state in ("queued", "running") and now - aware(job.updated_at) > STALE:
                job.state, job.updated_at = "failed", now
                report.failed += 1
            working[job.id] = job.state in ("queued", "running")
    report.expired = len(expired)
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        job_id, stat = path.name.split(".", 1)[0], path.stat()
        if job_id in working:
            gone = path.name.endswith(".partial") and not working[job_id]  # left by a failure
        else:
            old = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC) < now - retention
            gone = job_id in expired or old  # an unknown young file: a job being created now
        if gone:
            path.unlink(missing_ok=True)
            report.files += 1
            report.bytes_freed += stat.st_size
    return report
