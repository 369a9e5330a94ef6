"""`inspector-server clean-uploads`: abandoned partial uploads and unreferenced files go.

A partial upload untouched for `age_s` (24 h by default) was abandoned: a laptop resumes
within hours or asks again from offset 0. A verified attachment that no record refers to
is removed once it is older than `age_s` too (a laptop uploads attachments while it pushes
the records naming them, so a fresh one may be about to be referred to), and so is a blob
file with no row (a crash between publishing it and recording it). A part file some
request is writing (its lock is held) is left alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import time
from dataclasses import dataclass

import sqlalchemy as sa

from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database
from sync.server.persistence.models import AttachmentRow, OrderReportRow, RecordAttachment
from sync.server.services.security import aware

_BLOB = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class CleanReport:
    partial: int = 0
    unreferenced: int = 0
    orphans: int = 0
    bytes_freed: int = 0

    def line(self) -> str:
        return (
            f"removed {self.partial} abandoned partial uploads, {self.unreferenced} unreferenced "
            f"attachments, {self.orphans} files with no record; {self.bytes_freed} bytes freed"
        )


def clean_uploads(db: Database, blobs: BlobStore, age_s: float, now: float | None = None) -> CleanReport:
    now = time.time() if now is None else now
    report = CleanReport()
    _clean_parts(blobs, now - age_s, report)
    _clean_unreferenced(db, blobs, dt.datetime.fromtimestamp(now - age_s, dt.UTC), report)
    _clean_orphans(db, blobs, now - age_s, report)
    return report


def _files(blobs: BlobStore):
    root = blobs.root / "blobs"
    for folder in sorted(root.iterdir()) if root.is_dir() else ():
        if folder.is_dir():
            yield from folder.iterdir()


def _clean_parts(blobs: BlobStore, before: float, report: CleanReport) -> None:
    for path in _files(blobs):
        if not path.name.endswith(".part"):
            continue
        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                if stat.st_mtime >= before:
                    continue
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # not being written
                path.unlink()
        except (BlockingIOError, FileNotFoundError):
            continue
        report.partial += 1
        report.bytes_freed += stat.st_size


def _clean_unreferenced(db: Database, blobs: BlobStore, before: dt.datetime, report: CleanReport) -> None:
    referenced = sa.select(RecordAttachment.sha256).where(RecordAttachment.sha256 == AttachmentRow.sha256)
    with db.write() as session:
        rows = session.execute(
            sa.select(AttachmentRow.sha256, AttachmentRow.size, AttachmentRow.created_at)
            .where(~referenced.exists())
            .where(AttachmentRow.sha256.not_in(sa.select(OrderReportRow.sha256)))  # execution reports
            .with_for_update()
        ).all()
        stale = [sha for sha, _, created in rows if aware(created) < before]
        if stale:
            session.execute(sa.delete(AttachmentRow).where(AttachmentRow.sha256.in_(stale)))
    sizes = {sha: size for sha, size, _ in rows}
    for sha in stale:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(blobs.blob_name(sha))
        report.unreferenced += 1
        report.bytes_freed += sizes[sha]


def _clean_orphans(db: Database, blobs: BlobStore, before: float, report: CleanReport) -> None:
    candidates = {}
    for path in _files(blobs):
        if _BLOB.match(path.name):
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            if stat.st_mtime < before:
                candidates[path.name] = (path, stat.st_size)
    if not candidates:
        return
    with db.read() as session:
        known = set(
            session.scalars(sa.select(AttachmentRow.sha256).where(AttachmentRow.sha256.in_(list(candidates))))
        )
    for sha, (path, size) in candidates.items():
        if sha in known:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        report.orphans += 1
        report.bytes_freed += size
