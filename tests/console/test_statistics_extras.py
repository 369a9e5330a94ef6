"""The statistics a Committee can publish, against a real server (SQLite and PostgreSQL): every
figure opens the list of the records behind it (as many rows as the figure, or rows whose tenge
add up to it), region-scoped; charts drawn by the server; XLSX, CSV and PDF exports made in the
background and read back; a period locked by an administrator keeps its figures after a new
approval, and is unlocked again, both audited."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from openpyxl import load_workbook
from pypdf import PdfReader

from sync.server.persistence.db import Database
from sync.server.persistence.models import AuditEntry, StatisticsExport, User
from sync.server.services import statistics_jobs
from sync.server.services import statistics_locks as locks
from sync.server.services import statistics_records as sr
from sync.server.services.principal import SYSTEM, Principal
from sync.server.services.statistics import Query
from tests.console import test_statistics
from tests.console.test_console_http import csrf_of, sign_in
from tests.console.test_statistics import YEAR, _approve, figures, shown
from tests.sync.conftest import enrol, pg_database, pg_server  # noqa: F401 (fixtures)

world = test_statistics.world  # the same records, a server of this module
SHOTS = Path(os.environ.get("CONSOLE_SHOTS", "/tmp/console-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}
YEAR_START, YEAR_END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
MARCH_START, MARCH_END = dt.date(2026, 3, 1), dt.date(2026, 3, 31)


def records_of(browser, world, figure: str, **params) -> tuple[int, int | None, str]:
    """The count (and tenge total) a figure's list shows, and the page."""
    page = browser.get(
        f"{world.url}/console/statistics/records", params={**params, "figure": figure}, timeout=30
    )
    assert page.status_code == 200, page.text
    count = int(re.search(r'<span id="records-count">(\d+)</span>', page.text).group(1))
    amount = re.search(r'<span id="records-amount">(\d+)</span>', page.text)
    return count, int(amount.group(1)) if amount else None, page.text


@pytest.mark.parametrize("username", ["admin", "supervisor"])
@pytest.mark.parametrize("basis", ["approved", "finalised"])
def test_every_figure_opens_the_records_it_counts(world, username, basis):
    browser, _ = sign_in(world.url, username)
    params = {**YEAR, "basis": basis}
    page = browser.get(f"{world.url}/console/statistics", params=params, timeout=30).text
    numbers = shown(page)
    assert set(numbers) == set(sr.FIGURES)
    for figure, value in numbers.items():
        assert 'href="/console/statistics/records?' in page and f'id="open-{figure}"' in page
        count, amount, listed = records_of(browser, world, figure, **params)
        assert (amount if figure in sr.AMOUNTS else count) == value, figure
        if figure not in ("regions",) and value:
            assert listed.count('class="open-inspection"') == count
    assert numbers["inspections"] > 0 and numbers["fines_imposed"] > 0


def test_a_list_is_scoped_to_the_readers_regions_and_each_row_opens_its_inspection(world):
    browser, _ = sign_in(world.url, "supervisor_kar")
    count, _, listed = records_of(browser, world, "inspections", basis="finalised", **YEAR)
    assert count == 1 and f'href="/console/inspections/{world.id("other_region")}"' in listed
    assert world.id("desk") not in listed
    opened = browser.get(f"{world.url}/console/inspections/{world.id('other_region')}", timeout=30)
    assert opened.status_code == 200
    unknown = browser.get(
        f"{world.url}/console/statistics/records", params={"figure": "drop table"}, timeout=30
    )
    assert unknown.status_code == 404


def test_a_long_list_is_paged(world):
    db = Database(world.database_url)
    query = Query(start=YEAR_START, end=YEAR_END, basis="finalised")
    with db.read() as session:
        rows = sr.live(session, SYSTEM, query, "inspections", YEAR_END)
        pages = [sr.listing(rows, "inspections", session, n, size=3) for n in (1, 2, 3)]
    db.dispose()
    assert [p.count for p in pages] == [7, 7, 7] and [p.pages for p in pages] == [3, 3, 3]
    ids = [r.inspection_id for p in pages for r in p.rows]
    assert len(ids) == 7 and len(set(ids)) == 7


def test_the_charts_are_drawn_by_the_server_with_text_labels(world):
    browser, _ = sign_in(world.url, "admin")
    page = browser.get(
        f"{world.url}/console/statistics", params={**YEAR, "basis": "finalised"}, timeout=30
    ).text
    for chart in ("chart-region", "chart-month", "chart-category"):
        svg = re.search(rf'<svg id="{chart}".*?</svg>', page, re.S).group(0)
        assert 'role="img"' in svg and f'aria-labelledby="{chart}-title"' in svg and "<text" in svg
    region = re.search(r'<svg id="chart-region".*?</svg>', page, re.S).group(0)
    assert "<title>Астана: 4</title>" in region  # the bar of Astana says its number
    month = re.search(r'<svg id="chart-month".*?</svg>', page, re.S).group(0)
    assert "<title>2026-03: 6</title>" in month and "<title>2026-02: 1</title>" in month
    assert "<title>Тұрғын үй: 2</title>" in page  # children restored, housing
    assert "<script" not in page


def _export(browser, world, fmt: str, **params) -> requests.Response:
    token = csrf_of(browser.get(f"{world.url}/console/statistics", params=params, timeout=30).text)
    started = browser.post(
        f"{world.url}/console/statistics/exports", data={**params, "csrf": token, "format": fmt}, timeout=30
    )
    assert started.status_code == 200 and "/console/statistics/exports/" in started.url, started.text
    for _ in range(100):
        status = browser.get(started.url, timeout=30)
        if 'id="download"' in status.text:
            break
        assert "Refresh" in status.headers and 'id="export-progress"' in status.text
        time.sleep(0.2)
    else:
        raise AssertionError("the export did not finish")
    return browser.get(started.url + "/file", timeout=30)


def test_the_three_exports_are_made_in_the_background_and_read_back(world):
    browser, _ = sign_in(world.url, "supervisor")
    params = {**YEAR, "basis": "finalised"}
    numbers = shown(browser.get(f"{world.url}/console/statistics", params=params, timeout=30).text)
    workbook = _export(browser, world, "xlsx", **params)
    assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(workbook.content))
    assert len(book.sheetnames) == 5
    summary = book.worksheets[0]
    values = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert values["Тексерулер"] == numbers["inspections"] == 6
    assert values["Салынған айыппұлдар, теңге"] == numbers["fines_imposed"]
    assert any("appointment_date" in str(v) for v in values)  # the methodology
    records = book.worksheets[4]
    assert records.max_row - 1 == numbers["inspections"]
    table = _export(browser, world, "csv", **params)
    assert table.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig"))))
    whole = {r[2]: int(r[3]) for r in rows[1:] if r[0] == rows[1][0]}
    assert whole == numbers and rows[1][1] == "Тексерілген ұйымдар"
    report = _export(browser, world, "pdf", **params)
    (SHOTS / "statistics.pdf").write_bytes(report.content)  # to look at (pdftoppm)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(report.content)).pages).split())
    assert "Тексерілген ұйымдар" in text and "Проверено организаций" in text
    assert "151 375" in text.replace("\u00a0", " ") and "Әдістеме" in text and "Методика" in text
    other, _ = sign_in(world.url, "supervisor_kar")
    job = workbook.url.removesuffix("/file")
    assert other.get(job, timeout=30).status_code == 404  # another user's export is not theirs


def _audited(world, action: str) -> list[str]:
    db = Database(world.database_url)
    with db.read() as session:
        found = session.scalars(sa.select(AuditEntry.entity_id).where(AuditEntry.action == action)).all()
    db.dispose()
    return list(found)


def test_a_locked_period_keeps_its_figures_after_a_new_approval(world):
    admin, _ = sign_in(world.url, "admin")
    page = admin.get(f"{world.url}/console/statistics", params=MARCH, timeout=30).text
    before = shown(page)
    assert 'id="provisional"' in page and before["inspections"] == 2  # to_approve, surprise
    supervisor, _ = sign_in(world.url, "supervisor")
    token = csrf_of(supervisor.get(f"{world.url}/console/statistics", params=MARCH, timeout=30).text)
    refused = supervisor.post(
        f"{world.url}/console/statistics/lock", data={**MARCH, "csrf": token}, timeout=30
    )
    assert refused.status_code == 403
    locked = admin.post(
        f"{world.url}/console/statistics/lock", data={**MARCH, "csrf": csrf_of(page)}, timeout=60
    )
    assert locked.status_code == 200 and 'id="done-locked"' in locked.text and 'id="locked"' in locked.text
    assert shown(locked.text) == before
    assert _audited(world, "statistics.lock") == ["2026-03-01..2026-03-31"]
    _approve(world, enrol(world.url, "supervisor"), "plain")  # 10 Mar 2026, Almaty
    after = shown(admin.get(f"{world.url}/console/statistics", params=MARCH, timeout=30).text)
    assert after == before
    api = figures(world, **MARCH)
    assert api["provisional"] is False and api["locked"] and api["inspections"]["total"] == 2
    assert (
        figures(world, **{"from": "2026-03-01", "to": "2026-03-30"})["inspections"]["total"] == 3
    )  # not locked
    for figure, value in after.items():
        count, amount, _ = records_of(admin, world, figure, **MARCH)
        assert (amount if figure in sr.AMOUNTS else count) == value, figure
    own = shown(supervisor.get(f"{world.url}/console/statistics", params=MARCH, timeout=30).text)
    assert own["inspections"] == 2 and own["regions"] == 2  # AKM and AST are the supervisor's
    page = admin.get(f"{world.url}/console/statistics", params=MARCH, timeout=30).text
    unlocked = admin.post(
        f"{world.url}/console/statistics/unlock", data={**MARCH, "csrf": csrf_of(page)}, timeout=30
    )
    assert 'id="done-unlocked"' in unlocked.text and 'id="provisional"' in unlocked.text
    assert shown(unlocked.text)["inspections"] == 3
    assert _audited(world, "statistics.unlock") == ["2026-03-01..2026-03-31"]
    db = Database(world.database_url)
    with db.read() as session:
        assert locks.find(session, MARCH_START, MARCH_END) is None
    db.dispose()


@pytest.mark.allow_error_logs("statistics export")
def test_an_export_that_fails_says_so_and_offers_no_file(world, tmp_path):
    browser, _ = sign_in(world.url, "supervisor")
    db = Database(world.database_url)
    with db.read() as session:
        supervisor = session.scalar(sa.select(User).where(User.username == "supervisor"))
        principal = Principal(supervisor.id, "supervisor", "supervisor", frozenset({"AST"}))
    with db.write() as session:
        job_id = statistics_jobs.create(
            session, principal, "xlsx", Query(start=YEAR_START, end=YEAR_END), "kk"
        )
        session.get(StatisticsExport, job_id).params = {"start": "not a date"}
    statistics_jobs.run(db, tmp_path, job_id, principal, lambda lang, text: text, YEAR_END)
    db.dispose()
    status = browser.get(f"{world.url}/console/statistics/exports/{job_id}", timeout=30)
    assert 'id="export-failed"' in status.text and "Refresh" not in status.headers
    token = csrf_of(status.text)  # the user starts it again from the same page
    again = browser.post(
        f"{world.url}/console/statistics/exports", data={"csrf": token, "format": "xlsx", **YEAR}, timeout=30
    )
    assert 'id="export-again"' in status.text and again.status_code == 200 and job_id not in again.url
    assert browser.get(f"{world.url}/console/statistics/exports/{job_id}/file", timeout=30).status_code == 404


@pytest.mark.allow_error_logs("statistics lock")
def test_locking_a_period_is_a_job_that_stores_all_or_nothing(world, monkeypatch):
    start, end = dt.date(2026, 4, 1), dt.date(2026, 6, 30)
    period = {"from": start.isoformat(), "to": end.isoformat()}
    admin, _ = sign_in(world.url, "admin")
    db = Database(world.database_url)
    with db.read() as session:
        user = session.scalar(sa.select(User).where(User.username == "admin"))
        principal = Principal(user.id, "admin", user.role, frozenset())
    with db.write() as session:
        job_id = statistics_jobs.create_lock(session, principal, start, end, {"basis": "finalised"})
    # queued: any process shows it; the period's figures stay provisional meanwhile
    page = admin.get(f"{world.url}/console/statistics", params=period, timeout=30).text
    assert 'id="being-locked"' in page and 'id="provisional"' in page and job_id in page
    status = admin.get(f"{world.url}/console/statistics/locking/{job_id}", timeout=30)
    assert 'id="lock-progress"' in status.text and status.headers["Refresh"] == "2"
    assert admin.get(f"{world.url}/console/statistics/exports/{job_id}", timeout=30).status_code == 404
    supervisor, _ = sign_in(world.url, "supervisor")
    assert supervisor.get(f"{world.url}/console/statistics/locking/{job_id}", timeout=30).status_code == 403
    # a failure after the lock's first row was written stores nothing
    monkeypatch.setattr(sr, "live_many", _failing)
    statistics_jobs.run_lock(db, job_id, principal, YEAR_END, {})
    monkeypatch.undo()
    with db.read() as session:
        assert locks.find(session, start, end) is None
        assert statistics_jobs.state_of(session.get(StatisticsExport, job_id)) == "failed"
    assert "2026-04-01..2026-06-30" not in _audited(world, "statistics.lock")
    status = admin.get(f"{world.url}/console/statistics/locking/{job_id}", timeout=30)
    assert 'id="lock-failed"' in status.text and "Refresh" not in status.headers
    # locked again through the page: running, then done, which shows the locked period
    token = csrf_of(admin.get(f"{world.url}/console/statistics", params=period, timeout=30).text)
    done = admin.post(
        f"{world.url}/console/statistics/lock",
        data={**period, "basis": "finalised", "csrf": token},
        timeout=60,
    )
    assert 'id="done-locked"' in done.text and 'id="locked"' in done.text and "basis=finalised" in done.url
    assert _audited(world, "statistics.lock").count("2026-04-01..2026-06-30") == 1
    # a job whose process died long ago is failed, and no longer holds the period
    with db.write() as session:
        stale = statistics_jobs.create_lock(session, principal, start, end, {})
        session.flush()
        session.get(StatisticsExport, stale).updated_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    with db.read() as session:
        assert statistics_jobs.state_of(session.get(StatisticsExport, stale)) == "failed"
        assert statistics_jobs.locking(session, start, end) is None
    with db.write() as session:
        assert locks.unlock(session, start, end)
    db.dispose()


def _failing(*args, **kwargs):
    raise RuntimeError("the records could not be read")
