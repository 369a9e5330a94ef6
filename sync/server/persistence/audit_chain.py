"""The audit log as a hash chain: an edit, a deletion or a gap shows.

Entry n stores `seq` = n (1, 2, 3, ... with no gap) and `hash` = SHA-256 of the previous
entry's hash (64 zeros before the first) followed by the canonical JSON of its own content
(seq, at, user_id, device_id, action, entity_kind, entity_id, details). The counter row
"audit" holds the last seq, so cutting entries off the end shows too.

Appends are queued on the session (`queue`) and written when it commits (`flush_pending`,
a `before_commit` hook of the write sessions), under a lock that serializes them: an
advisory transaction lock on PostgreSQL, the database write lock on SQLite (write
transactions begin IMMEDIATE). Being last in the transaction, after the change counter,
every writer takes the two locks in the same order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from inspector_app.core.canonical import canonical_json

GENESIS = "0" * 64
AUDIT_LOCK = 7_310_002  # PostgreSQL advisory lock id held while appending to the audit log
COUNTER = "audit"
PENDING = "audit_pending"
COLUMNS = ("at", "user_id", "device_id", "action", "entity_kind", "entity_id", "details")

audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.BigInteger),
    sa.column("seq", sa.BigInteger),
    sa.column("hash", sa.String),
    sa.column("at", sa.DateTime(timezone=True)),
    *(sa.column(c) for c in COLUMNS[1:-1]),
    sa.column("details", sa.JSON().with_variant(JSONB(), "postgresql")),
)
counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))


def moment_text(at: dt.datetime | str) -> str:
    """A moment as hashed: UTC, ISO 8601 with microseconds (SQLite hands back naive UTC)."""
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_hash(previous: str, seq: int, entry: Mapping[Any, Any]) -> str:  # a dict or a RowMapping
    content = {c: entry.get(c) for c in COLUMNS}
    content["at"] = moment_text(entry["at"])
    content["details"] = entry.get("details") or {}
    content["seq"] = seq
    return hashlib.sha256(previous.encode() + canonical_json(content)).hexdigest()


def queue(session: Session, entries: Iterable[dict[str, Any]]) -> None:
    """Entries to append when the session commits (dicts of COLUMNS)."""
    session.info.setdefault(PENDING, []).extend(entries)


def flush_pending(session: Session) -> None:
    """The before_commit hook: append the queued entries to the chain."""
    pending = session.info.pop(PENDING, None)
    if pending:
        append(session, pending)


def drop_pending(session: Session) -> None:
    """The after_rollback hook: entries of a transaction that did not happen go with it."""
    session.info.pop(PENDING, None)


def append(session: Session, entries: list[dict[str, Any]]) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK})"))
    last = session.execute(
        sa.select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    seq, previous = (last.seq, last.hash) if last is not None and last.seq is not None else (0, GENESIS)
    rows = []
    for entry in entries:
        seq += 1
        previous = entry_hash(previous, seq, entry)
        rows.append(
            {
                **{c: entry.get(c) for c in COLUMNS},
                "details": entry.get("details") or {},
                "seq": seq,
                "hash": previous,
            }
        )
    session.execute(sa.insert(audit_log), rows)
    session.execute(sa.update(counters).where(counters.c.name == COUNTER).values(value=seq))


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_seq: int | None = None  # the first entry that does not fit (or the missing one)
    broken_id: int | None = None
    reason: str = ""
    kind: str = ""  # "unplaced", "missing", "altered" or "truncated" when broken

    @property
    def intact(self) -> bool:
        return not self.reason


def verify(connection: sa.Connection | Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in seq order; the first edited, missing or extra entry breaks it."""
    previous, expected, count = GENESIS, 1, 0
    for row in _rows(connection, batch):
        count += 1
        if row.seq is None or row.hash is None:
            return ChainReport(
                count, row.seq, row.id, f"entry id {row.id} has no place in the chain", "unplaced"
            )
        if row.seq != expected:
            return ChainReport(
                count, expected, row.id, f"entry {expected} is missing (next is {row.seq})", "missing"
            )
        if entry_hash(previous, row.seq, row._mapping) != row.hash:
            return ChainReport(
                count, row.seq, row.id, f"entry {row.seq} (id {row.id}) was altered", "altered"
            )
        previous, expected = row.hash, expected + 1
    recorded = connection.execute(sa.select(counters.c.value).where(counters.c.name == COUNTER)).scalar()
    if recorded is not None and recorded != count:
        return ChainReport(
            count, count + 1, None, f"entries after {count} are missing (the log had {recorded})", "truncated"
        )
    return ChainReport(count)


def _rows(connection, batch: int) -> Iterator[sa.Row]:
    after = None
    order = sa.func.coalesce(audit_log.c.seq, 0)
    while True:
        query = sa.select(audit_log).order_by(order, audit_log.c.id).limit(batch)
        if after is not None:
            query = query.where(sa.tuple_(order, audit_log.c.id) > sa.tuple_(*after))
        rows = connection.execute(query).all()
        if not rows:
            return
        yield from rows
        after = (rows[-1].seq or 0, rows[-1].id)
