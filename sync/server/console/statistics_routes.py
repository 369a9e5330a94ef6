"""The statistics page: the summary of a period, region, kind of facility and basis, with the
methodology beside the figures (services/statistics.py computes both); every figure opens the
list of the records behind it; charts by region, month and category; an administrator locks
and unlocks periods; exports (XLSX, CSV, PDF) are made in the background."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response

from sync.server.api.deps import client_ip
from sync.server.console import i18n
from sync.server.console.charts import Bar, bar_chart
from sync.server.console.i18n import N_
from sync.server.console.orders import today
from sync.server.console.routes import _region_names
from sync.server.console.web import ConsoleError, Page, signed_page
from sync.server.persistence.models import StatisticsExport
from sync.server.services import statistics, statistics_jobs
from sync.server.services import statistics_export as export
from sync.server.services import statistics_locks as locks
from sync.server.services import statistics_records as records

router = APIRouter(prefix="/console/statistics", include_in_schema=False)
KINDS = ("school", "camp", "orphanage", "special_needs")
BAD_DATE = N_("Enter a date as YYYY-MM-DD.")
REVERSED = N_("The start of the period is later than its end.")
FIELDS = ("from", "to", "region", "kind", "basis")
QUICK_LOCK_S = 3.0  # a lock done within this is answered with its result, not its progress


def _date(text: str, default: dt.date) -> dt.date | None:
    if not text:
        return default
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _filters(page: Page, session, params) -> tuple[dict, statistics.Query, dict, dict]:
    """The form as given, the query it makes, its errors and the regions offered."""
    day = today()
    form = {name: str(params.get(name) or "")[:20] for name in FIELDS}
    start, end = _date(form["from"], day.replace(month=1, day=1)), _date(form["to"], day)
    errors = {name: BAD_DATE for name, value in (("from", start), ("to", end)) if value is None}
    if start and end and start > end:
        errors["from"] = REVERSED
    regions = _region_names(session, page)
    query = statistics.Query(
        start=start or day,
        end=end or day,
        region=form["region"] if form["region"] in regions else None,
        kind=form["kind"] if form["kind"] in KINDS else None,
        basis="finalised" if form["basis"] == "finalised" else "approved",
    )
    return form, query, errors, regions


def query_string(query: statistics.Query, **more) -> str:
    values = {
        "from": query.start.isoformat(),
        "to": query.end.isoformat(),
        "region": query.region or "",
        "kind": query.kind or "",
        "basis": query.basis,
        **more,
    }
    return urlencode({k: v for k, v in values.items() if v not in ("", None)})


@router.get("")
def statistics_page(request: Request) -> Response:
    page = signed_page(request)
    day = today()
    principal = page.signed_in.principal
    with page.services.db.read() as session:
        form, query, errors, regions = _filters(page, session, request.query_params)
        figures: statistics.Summary | None
        by_region: dict[str, statistics.Summary]
        if errors:
            figures, by_region = None, {}
        else:
            figures, by_region = locks.summary_and_breakdown(session, principal, query, "region", day)
        by_month = {} if errors else locks.by_month(session, principal, query, day)
        locked = None if errors else locks.find(session, query.start, query.end)
        locking = None if errors or locked else statistics_jobs.locking(session, query.start, query.end)
        periods = locks.locks(session) if principal.is_admin else []
    charts = _charts(page, query, figures, by_region, by_month, regions) if figures else {}
    return page.render(
        "statistics.html",
        status=400 if errors else 200,
        query=query,
        form=form,
        errors=errors,
        figures=figures,
        by_region=by_region,
        regions=regions,
        kinds=KINDS,
        methodology=locks.methodology(page.lang),
        links={f: f"/console/statistics/records?{query_string(query, figure=f)}" for f in records.FIGURES},
        charts=charts,
        locked=locked,
        locking=locking,
        periods=periods,
        may_lock=principal.is_admin,
        done=str(request.query_params.get("done") or "")[:20],
        formats=tuple(export.FORMATS),
    )


def _charts(page: Page, query, figures, by_region, by_month, regions) -> dict:
    link = lambda **more: f"/console/statistics/records?{query_string(query, figure='inspections', **more)}"  # noqa: E731
    region_bars = [
        Bar(regions.get(code, code), part.inspections["total"], link(region=code))
        for code, part in by_region.items()
    ]
    month_bars = [Bar(month, count) for month, count in by_month.items()]
    category_bars = [
        Bar(
            page.gettext(export.CATEGORY_LABELS[code]),
            count,
            f"/console/statistics/records?{query_string(query, figure='children-' + code)}",
        )
        for code, count in figures.children_restored["by_category"].items()
    ]
    return {
        "region": bar_chart("chart-region", page.gettext("Inspections by region"), region_bars),
        "month": bar_chart("chart-month", page.gettext("Inspections by month"), month_bars),
        "category": bar_chart(
            "chart-category", page.gettext("Children whose rights were restored, by category"), category_bars
        ),
    }


@router.get("/records")
def figure_records(request: Request) -> Response:
    """The paged list of what a figure counts, in the caller's regions."""
    page = signed_page(request)
    figure = str(request.query_params.get("figure") or "")
    if figure not in records.FIGURES:
        raise ConsoleError(404, "not_found")
    number = _page_number(request.query_params.get("page"))
    principal = page.signed_in.principal
    with page.services.db.read() as session:
        _, query, errors, regions = _filters(page, session, request.query_params)
        if errors:
            raise ConsoleError(400, "bad_form")
        found = locks.listing(session, principal, query, figure, today(), number, page.lang)
        locked = locks.find(session, query.start, query.end)
    return page.render(
        "statistics_records.html",
        query=query,
        figure=figure,
        label=export.LABELS[figure],
        listing=found,
        regions=regions,
        locked=locked,
        back=f"/console/statistics?{query_string(query)}",
        region_link=lambda code: (
            f"/console/statistics/records?{query_string(replace(query, region=code), figure='inspections')}"
        ),
        here=lambda n: f"/console/statistics/records?{query_string(query, figure=figure, page=n)}",
        amounts=figure in records.AMOUNTS,
    )


def _page_number(text) -> int:
    try:
        return max(1, min(int(str(text or "1")[:6]), 100_000))
    except ValueError:
        return 1


@router.post("/lock")
async def lock_period(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_lock, signed_page(request), form, True)


@router.post("/unlock")
async def unlock_period(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_lock, signed_page(request), form, False)


def _lock(page: Page, form, locking: bool) -> Response:
    """Lock or unlock a period: administrators only (the Committee's central office; a
    supervisor's scope is their regions), CSRF-checked and audited."""
    page.check_csrf(form)
    principal = page.signed_in.principal
    if not principal.is_admin:
        raise ConsoleError(403, "refused")
    start, end = _date(str(form.get("from") or ""), today()), _date(str(form.get("to") or ""), today())
    if start is None or end is None or start > end or not form.get("from") or not form.get("to"):
        raise ConsoleError(400, "bad_form")
    kept = {name: str(form.get(name) or "")[:20] for name in ("region", "kind", "basis")}
    if locking:
        return _start_lock(page, start, end, kept)
    with page.services.db.write() as session:
        changed = locks.unlock(session, start, end)
    page.audit(
        "statistics.unlock",
        "statistics_period",
        f"{start.isoformat()}..{end.isoformat()}",
        {"changed": changed},
    )
    back = urlencode({"from": start.isoformat(), "to": end.isoformat(), **kept, "done": "unlocked"})
    return RedirectResponse(f"/console/statistics?{back}", status_code=303)


def _start_lock(page: Page, start: dt.date, end: dt.date, kept: dict) -> Response:
    """Lock a period in the background (a year of records takes about a minute), or follow
    the job already locking it; a lock done within a moment shows its result at once."""
    principal = page.signed_in.principal
    with page.services.db.write() as session:
        running = statistics_jobs.locking(session, start, end)
        job_id = running.id if running else statistics_jobs.create_lock(session, principal, start, end, kept)
    if running is None:
        details = {"ip": client_ip(page.request), "via": "console"}
        thread = statistics_jobs.start_lock(page.services.db, job_id, principal, today(), details)
        thread.join(QUICK_LOCK_S)
    return RedirectResponse(f"/console/statistics/locking/{job_id}", status_code=303)


@router.get("/locking/{job_id}")
def lock_status(job_id: str, request: Request) -> Response:
    """A period being locked; the page refreshes itself until the lock is stored, then shows
    the period's statistics."""
    page = signed_page(request)
    if not page.signed_in.principal.is_admin:
        raise ConsoleError(403, "refused")
    with page.services.db.read() as session:
        job = session.get(StatisticsExport, job_id[:36])
        if job is None or job.format != statistics_jobs.LOCK:
            raise ConsoleError(404, "not_found")
        session.expunge(job)
    state = statistics_jobs.state_of(job)
    params = job.params
    filters = {name: params.get(name) or "" for name in ("region", "kind", "basis")}
    back = {"from": params["start"], "to": params["end"], **{k: v for k, v in filters.items() if v}}
    if state == "done":
        return RedirectResponse(
            f"/console/statistics?{urlencode({**back, 'done': 'locked'})}", status_code=303
        )
    response = page.render(
        "statistics_lock.html",
        job=job,
        state=state,
        start=dt.date.fromisoformat(params["start"]),
        end=dt.date.fromisoformat(params["end"]),
        back=f"/console/statistics?{urlencode(back)}",
    )
    if state in ("queued", "running"):
        response.headers["Refresh"] = "2"  # the page follows the job without a script
    return response


@router.post("/exports")
async def start_export(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_start_export, signed_page(request), form)


def _translate(lang: str, message: str) -> str:
    return i18n.translations(lang).gettext(message)


def _start_export(page: Page, form) -> Response:
    page.check_csrf(form)
    fmt = str(form.get("format") or "")
    if fmt not in export.FORMATS:
        raise ConsoleError(400, "bad_form")
    principal = page.signed_in.principal
    with page.services.db.read() as session:
        _, query, errors, _ = _filters(page, session, form)
    if errors:
        raise ConsoleError(400, "bad_form")
    with page.services.db.write() as session:
        job_id = statistics_jobs.create(session, principal, fmt, query, page.lang)
    page.audit(
        "statistics.export", "statistics_export", job_id, {"format": fmt, "query": query_string(query)}
    )
    folder = _folder(page)
    statistics_jobs.start(page.services.db, folder, job_id, principal, _translate, today())
    return RedirectResponse(f"/console/statistics/exports/{job_id}", status_code=303)


def _folder(page: Page):
    return page.services.settings.blob_dir / "exports"


def _job(page: Page, job_id: str):
    with page.services.db.read() as session:
        job = statistics_jobs.find(session, page.signed_in.principal, job_id)
        if job is None or job.format not in export.FORMATS:
            raise ConsoleError(404, "not_found")
        session.expunge(job)
    return job


@router.get("/exports/{job_id}")
def export_status(job_id: str, request: Request) -> Response:
    """The progress of an export; the page refreshes itself until the file is ready."""
    page = signed_page(request)
    job = _job(page, job_id)
    state = statistics_jobs.state_of(job)
    percent = 100 if state == "done" else int(100 * job.done / max(job.total, 1))
    response = page.render("statistics_export.html", job=job, state=state, percent=percent)
    if state in ("queued", "running"):
        response.headers["Refresh"] = "1"  # the page follows the progress without a script
    return response


@router.get("/exports/{job_id}/file")
def export_file(job_id: str, request: Request) -> Response:
    page = signed_page(request)
    job = _job(page, job_id)
    path = statistics_jobs.path_of(_folder(page), job)
    if statistics_jobs.state_of(job) != "done" or not path.exists():
        raise ConsoleError(404, "not_found")
    page.audit("statistics.download", "statistics_export", job.id, {"format": job.format})
    return FileResponse(
        path,
        media_type=export.FORMATS[job.format],
        filename=job.filename,
        content_disposition_type="attachment",
        headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
    )
