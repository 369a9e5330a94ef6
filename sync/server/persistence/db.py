"""Engine, sessions and migrations of the server database (SQLite or PostgreSQL).

Each request that writes runs in one transaction (`Database.write`). On SQLite a write
transaction starts with BEGIN IMMEDIATE so concurrent writers queue on the file lock instead
of failing on a lock upgrade; reads use plain BEGIN and see a WAL snapshot. A commit is on
disk before it is answered (`synchronous=FULL`): a client forgets what the server
acknowledged, so an acknowledgement must survive a power cut. Requests are batched, so
this costs one sync per batch, not per record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from sync.server.persistence import audit_chain

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 7_310_001  # PostgreSQL advisory lock id held while migrating


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def json_dumps(value: Any) -> str:
    """JSON columns written by orjson (records are large); the standard library for the
    integers beyond 64 bits that orjson refuses."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


def make_engine(url: str, pool_size: int = 10) -> sa.Engine:
    if is_sqlite(url):
        engine = sa.create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            json_serializer=json_dumps,
            json_deserializer=orjson.loads,
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # JIT compiling costs seconds on the statistics' JSON statements (whose row counts
    # PostgreSQL cannot estimate) and never pays off on the server's short queries. Added to
    # the URL's own `options` (a search_path, say): connect_args would replace them.
    parsed = sa.make_url(url)
    options = " ".join(filter(None, [str(parsed.query.get("options") or ""), "-c jit=off"]))
    return sa.create_engine(
        parsed.update_query_dict({"options": options}),
        pool_size=pool_size,
        max_overflow=pool_size * 2,
        pool_pre_ping=True,
        pool_recycle=1800,
        json_serializer=json_dumps,
        json_deserializer=orjson.loads,
    )


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    immediate = connection.get_execution_options().get("immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        writer = self.engine.execution_options(immediate=True)
        self._write = sessionmaker(writer, expire_on_commit=False)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        for maker in (self._write, self._read):  # audit entries are chained as they commit
            event.listen(maker, "before_commit", audit_chain.flush_pending)
            event.listen(maker, "after_rollback", audit_chain.drop_pending)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(url: str, target: str = "head") -> None:
    """Bring the schema to `target`; several processes may call this at once."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
                connection.commit()
            try:
                command.upgrade(alembic_config(connection), target)
                connection.commit()
            finally:
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
                    connection.commit()
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
