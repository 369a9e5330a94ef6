"""Server fixtures over both backends: SQLite files and PostgreSQL schemas.

PostgreSQL comes from INSPECTOR_TEST_PG_URL, or else from a throwaway cluster the session
starts where PostgreSQL's programs are installed (tests/kit/postgres.py); one database is
created for the session and dropped after it, and every server gets its own schema in it.
Without either the PostgreSQL variants skip, unless INSPECTOR_REQUIRE_PG=1, where they fail.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from sync.server.persistence.db import Database, migrate
from sync.server.services.seed import DEMO_PASSWORD, seed_demo
from tests.kit.postgres import ClusterUnavailable, ThrowawayCluster
from tests.kit.server import ServerProcess

PG_ENV = "INSPECTOR_TEST_PG_URL"


def _pg_missing(reason: str):
    if os.environ.get("INSPECTOR_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL required (INSPECTOR_REQUIRE_PG=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server: INSPECTOR_TEST_PG_URL, or a throwaway cluster."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given
        return
    try:
        cluster = ThrowawayCluster.start()
    except ClusterUnavailable as error:
        _pg_missing(f"{PG_ENV} is not set and no throwaway cluster: {error}")
    yield cluster.url
    cluster.stop()


@pytest.fixture(scope="session")
def pg_database(pg_server):
    """A fresh PostgreSQL database for this session (URL), dropped afterwards."""
    admin_url = sa.engine.make_url(pg_server)
    name = f"inspector_test_{uuid.uuid4().hex[:10]}"
    try:
        engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as error:
        _pg_missing(f"PostgreSQL at {admin_url.host}:{admin_url.port} is unreachable: {error.orig}")
    yield admin_url.set(database=name)
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


def fresh_database_url(backend: str, directory: Path, request) -> str:
    if backend == "sqlite":
        return f"sqlite:///{directory / 'server.db'}"
    database = request.getfixturevalue("pg_database")
    schema = f"s_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(database)
    with engine.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    return database.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture
def db_url(backend, tmp_path, request) -> str:
    url = fresh_database_url(backend, tmp_path, request)
    migrate(url)
    return url


def seed(url: str) -> None:
    db = Database(url)
    with db.write() as session:
        seed_demo(session)
    db.dispose()


@pytest.fixture
def seeded_url(db_url) -> str:
    seed(db_url)
    return db_url


@pytest.fixture
def server(seeded_url, tmp_path):
    process = ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "server.log")
    process.start()
    yield process
    process.stop()


def enrol(url: str, username: str, password: str = DEMO_PASSWORD) -> dict[str, str]:
    response = requests.post(
        f"{url}/api/v1/auth/enrol", json={"username": username, "password": password}, timeout=30
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}
