"""A real server (subprocess) with the demo data and inspections pushed through the API,
for the web console's tests."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sync.server.console.i18n import compile_catalogues
from sync.server.persistence.db import Database, migrate
from sync.server.services.seed import DEMO_PASSWORD, seed_demo
from sync.server.services.users import create_user
from tests.kit.console_records import facility_in, school_record
from tests.kit.server import ServerProcess
from tests.sync.api import push, results, upload
from tests.sync.conftest import enrol


@dataclass
class World:
    url: str
    database_url: str
    records: dict[str, object] = field(default_factory=dict)  # name -> InspectionRecord

    def id(self, name: str) -> str:
        return self.records[name].id


def _users(database_url: str) -> None:
    db = Database(database_url)
    with db.write() as session:
        seed_demo(session)
        create_user(
            session,
            username="inspector_kar",
            password=DEMO_PASSWORD,
            role="inspector",
            regions=["KAR"],
            full_name="Ерлан Қарағандин",
        )
        create_user(
            session,
            username="supervisor_kar",
            password=DEMO_PASSWORD,
            role="supervisor",
            regions=["KAR"],
            full_name="Гүлмира Төлеуова",
        )
    db.dispose()


def _push(world: World, username: str, name: str, facility_id: str, **options) -> None:
    headers = enrol(world.url, username)
    record, photos = school_record(world.database_url, facility_id, **options)
    for sha, data in photos.items():
        assert upload(world.url, headers, sha, data).status_code == 200
    result = results(push(world.url, headers, record))[0]
    assert result["status"] == "created" and result["complete"], result
    world.records[name] = record


_TEMPLATE: list[Path] = []  # a migrated and seeded database, made once per test session


def _seeded_copy(target: Path) -> str:
    if not _TEMPLATE:
        template = Path(tempfile.mkdtemp(prefix="console-template-")) / "server.db"
        migrate(f"sqlite:///{template}")
        _users(f"sqlite:///{template}")
        _TEMPLATE.append(template)
    shutil.copyfile(_TEMPLATE[0], target)
    return f"sqlite:///{target}"


def start_world(tmp_path, database_url: str | None = None, **env) -> tuple[ServerProcess, World]:
    """The server on a seeded SQLite copy, or on `database_url` (migrated and seeded here)."""
    compile_catalogues()
    if database_url is None:
        database_url = _seeded_copy(tmp_path / "server.db")
    else:
        migrate(database_url)
        _users(database_url)
    server = ServerProcess(database_url, tmp_path / "blobs", tmp_path / "server.log", env=env).start()
    world = World(server.url, database_url)
    _push(world, "inspector", "to_return", facility_in("AST", 0), seed=11, tamper_protocol_hash=True)
    _push(world, "inspector", "to_approve", facility_in("AKM", 0), seed=12, protocol=False, region_code="AKM")
    _push(world, "inspector", "plain", facility_in("ALA", 0), seed=13, protocol=False, region_code="ALA")
    _push(
        world,
        "inspector_kar",
        "other_region",
        facility_in("KAR", 0),
        seed=14,
        region_code="KAR",
        inspector="Ерлан Қарағандин",
    )
    _push(
        world,
        "supervisor",
        "own",
        facility_in("AST", 1),
        seed=15,
        inspector="Нұрлан Қасымов",
        inspector_code="S01",  # an inspector code is one person's in a region
    )
    return server, world


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One server per test module: tests that decide use records of their own."""
    server, world = start_world(tmp_path_factory.mktemp("console"))
    yield world
    server.stop()
