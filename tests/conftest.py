"""Shared fixtures: every app directory redirected to a temp dir, a fresh store per test, and
a test fails on a log record at ERROR or above unless it is marked as expecting one."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# offscreen, on a screen the size of the inspectors' laptops
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={ROOT / 'tests' / 'journeys' / 'screen-1366x768.json'}"
    )
FAST_SCRYPT = 2**10  # tests need not resist brute force


class _ErrorRecords(logging.Handler):
    """Keeps every record at ERROR or above that reaches the root logger, from any thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_ERROR_RECORDS = pytest.StashKey[_ErrorRecords]()


def _unexpected_errors(item: pytest.Item) -> None:
    """Fail `item` on the error records it did not declare (then forget them)."""
    handler = item.stash.get(_ERROR_RECORDS, None)
    if handler is None or not handler.records:
        return
    records, handler.records = handler.records, []
    marker = item.get_closest_marker("allow_error_logs")
    if marker is not None:
        patterns = marker.args
        records = [r for r in records if patterns and not any(re.search(p, r.getMessage()) for p in patterns)]
    if records:
        told = "\n".join(f"  {r.name} {r.levelname}: {r.getMessage()}" for r in records)
        pytest.fail(
            f"unexpected log records at ERROR or above (mark the test @pytest.mark.allow_error_logs"
            f"('pattern') if it expects them):\n{told}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _fail_on_error_logs(request):
    """Records the test's ERROR logs; those of its body fail it, those of teardown error it."""
    handler = _ErrorRecords()
    request.node.stash[_ERROR_RECORDS] = handler
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    _unexpected_errors(request.node)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    try:
        result = yield
    except BaseException:
        item.stash[_ERROR_RECORDS].records.clear()  # failed already: its report shows the logs
        raise
    _unexpected_errors(item)
    return result


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(home / "store"))


@pytest.fixture
def profile():
    from inspector_app.core.domain.models import InspectorProfile

    return InspectorProfile(
        name="Әсел Қанатқызы Нұрланова",
        position="бас маман",
        body_kk="Бала құқықтарын қорғау комитеті",
        body_ru="Комитет по охране прав детей",
        region="ALA",
        code="K07",
        language="kk",
    )


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir, profile):
    from inspector_app.desktop.storage.store import create_store

    opened = create_store(store_dir, "correct horse battery", profile, scrypt_n=FAST_SCRYPT)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def catalogue():
    from inspector_app.core.forms.catalogue import FormCatalogue

    return FormCatalogue.load(ROOT / "forms")


@pytest.fixture
def school_form(catalogue):
    from inspector_app.core.domain.models import FacilityKind

    return catalogue.newest_for(FacilityKind.SCHOOL)


@pytest.fixture
def facility(store):
    from inspector_app.demo.facilities import demo_facilities

    facilities = demo_facilities(40)
    store.facilities.upsert_many(facilities)
    return next(f for f in facilities if f.kind.value == "school")


@pytest.fixture
def inspection(store, facility, school_form):
    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType, Person

    return store.inspections.create(
        Inspection(
            id="",
            facility_id=facility.id,
            form_id=school_form.id,
            form_version=school_form.version,
            form_hash=school_form.content_hash,
            type=InspectionType.SCHEDULED,
            mode=InspectionMode.ON_SITE,
            appointment_number="17",
            appointment_date=dt.date.today(),
            inspectors=[Person("Әсел Қанатқызы", "бас маман")],
        )
    )


@pytest.fixture
def jpeg(tmp_path) -> Path:
    from PIL import Image

    path = tmp_path / "evidence.jpg"
    Image.new("RGB", (320, 240), (200, 60, 40)).save(path, "JPEG")
    return path
