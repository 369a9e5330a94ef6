"""Pages of the follow-up of orders: the lists (overdue, due within 7 days, all), an item's
page with the organisation's execution report, the supervisor's verdict and the follow-up
inspection it leads to. Every action is CSRF-checked, scoped to the caller's regions and
audited."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response

from inspector_app.core import protocol
from inspector_app.core.problems import Problem
from sync.server.console import orders, reports
from sync.server.console.routes import see_other
from sync.server.console.web import ConsoleError, Page, signed_page
from sync.server.persistence.models import OrderReportRow
from sync.server.services.registry import create_assignment

router = APIRouter(prefix="/console/orders", include_in_schema=False)
VIEWS = ("overdue", "soon", "all")


@router.get("")
def order_list(request: Request, view: str = "overdue") -> Response:
    page = signed_page(request)
    view = view if view in VIEWS else "overdue"
    day = orders.today()
    with page.services.db.read() as session:
        items = orders.order_items(session, page.signed_in.principal, page.lang)
    counts = {
        "overdue": sum(i.overdue(day) for i in items),
        "soon": sum(i.due_soon(day) for i in items),
        "all": len(items),
    }
    shown = {
        "overdue": [i for i in items if i.overdue(day)],
        "soon": [i for i in items if i.due_soon(day)],
        "all": items,
    }[view]
    return page.render("orders.html", items=shown, view=view, counts=counts, today=day)


def _key(record_id: str, measure_id: str, finding_id: str) -> orders.Key:
    return orders.Key(record_id[:36], measure_id[:100], finding_id[:100])


def _item(session, page: Page, key: orders.Key) -> orders.ItemView:
    """The item if it is in a record of the caller's regions; anything else is "not found"."""
    item = orders.find_item(session, page.signed_in.principal, key, page.lang)
    if item is None:
        raise ConsoleError(404, "not_found")
    return item


@router.get("/{record_id}/{measure_id}/{finding_id}")
def order_item(record_id: str, measure_id: str, finding_id: str, request: Request) -> Response:
    page = signed_page(request)
    key = _key(record_id, measure_id, finding_id)
    with page.services.db.read() as session:
        item = _item(session, page, key)
        inspectors = orders.region_inspectors(session, item.region)
    return page.render(
        "order_item.html",
        item=item,
        inspectors=inspectors,
        today=orders.today(),
        actions=orders.ACTIONS,
        problem=request.query_params.get("problem", "")[:40],
        done=request.query_params.get("done", "")[:40],
        limits=reports.LIMITS,
    )


@router.post("/{record_id}/{measure_id}/{finding_id}/report")
async def upload_report(record_id: str, measure_id: str, finding_id: str, request: Request) -> Response:
    page = signed_page(request)
    try:
        form = await request.form(max_files=reports.LIMITS.files + 1, max_part_size=64 * 1024)
    except Exception as error:  # starlette refuses too many parts with its own exception
        raise ConsoleError(400, "bad_form") from error
    files = await reports.read_uploads(form)
    return await run_in_threadpool(_report, page, _key(record_id, measure_id, finding_id), form, files)


def _report(page: Page, key: orders.Key, form, files) -> Response:
    page.check_csrf(form)
    url = f"/console/orders/{key.slug}"
    with page.services.db.read() as session:
        item = _item(session, page, key)
    if item.state not in orders.ACTIONS["report"][1]:
        return see_other(f"{url}?problem=state#actions")
    problem = reports.problem_of(files)
    if problem:
        return see_other(f"{url}?problem={problem}#report")
    stored = [reports.store(page.services.blobs, f) for f in files]
    with page.services.db.write() as session:
        reports.record(session, page.signed_in.principal, key, stored)
        orders.set_state(session, page.signed_in.principal, item, "report_received")
    page.audit(
        "order.report",
        "order_item",
        key.slug,
        {"files": [{"sha256": s.sha256, "name": s.filename, "size": s.size} for s in stored]},
    )
    return see_other(f"{url}?done=report")


@router.post("/{record_id}/{measure_id}/{finding_id}/state")
async def change_state(record_id: str, measure_id: str, finding_id: str, request: Request) -> Response:
    form = await request.form()
    key = _key(record_id, measure_id, finding_id)
    return await run_in_threadpool(_change_state, signed_page(request), key, form)


def _change_state(page: Page, key: orders.Key, form) -> Response:
    page.check_csrf(form)
    action = str(form.get("action") or "")
    if action not in ("executed", "not_executed"):
        raise ConsoleError(400, "bad_form")
    note = str(form.get("note") or "").strip()[:2000]
    url = f"/console/orders/{key.slug}"
    with page.services.db.read() as session:
        item = _item(session, page, key)
    target, allowed = orders.ACTIONS[action]
    if item.state not in allowed:
        return see_other(f"{url}?problem=state#actions")
    with page.services.db.write() as session:
        orders.set_state(session, page.signed_in.principal, item, target, note=note)
    page.audit("order." + action, "order_item", key.slug, {"from": item.state, "note": note})
    return see_other(f"{url}?done={action}")


@router.post("/{record_id}/{measure_id}/{finding_id}/follow-up")
async def follow_up(record_id: str, measure_id: str, finding_id: str, request: Request) -> Response:
    form = await request.form()
    key = _key(record_id, measure_id, finding_id)
    return await run_in_threadpool(_follow_up, signed_page(request), key, form)


def _follow_up(page: Page, key: orders.Key, form) -> Response:
    page.check_csrf(form)
    url = f"/console/orders/{key.slug}"
    inspector = str(form.get("inspector") or "")[:200]
    try:
        planned = dt.date.fromisoformat(str(form.get("planned_date") or ""))
    except ValueError:
        return see_other(f"{url}?problem=date#follow-up")
    if planned < orders.today():
        return see_other(f"{url}?problem=past_date#follow-up")
    with page.services.db.read() as session:
        item = _item(session, page, key)
        offered = {u for u, _ in orders.region_inspectors(session, item.region)}
    if item.state not in orders.ACTIONS["follow_up"][1]:
        return see_other(f"{url}?problem=state#actions")
    if inspector not in offered:
        return see_other(f"{url}?problem=inspector#follow-up")
    note = f"{item.order_number or item.key.measure_id} · {item.finding}"[:2000]
    request = protocol.AssignmentCreate(
        facility_id=item.facility.id,
        inspector=inspector,
        form_id=item.form_id,
        planned_date=planned,
        inspection_type="unscheduled",
        ground=orders.FOLLOW_UP_GROUND,
        note=note,
    )
    try:
        with page.services.db.write() as session:
            made = create_assignment(session, page.signed_in.principal, request)
            orders.set_state(session, page.signed_in.principal, item, "follow_up", assignment_id=made.id)
    except Problem as problem:
        raise ConsoleError(403, "refused") from problem
    page.audit("order.follow_up", "order_item", key.slug, {"assignment": made.id, "inspector": inspector})
    return see_other(f"{url}?done=follow_up")


@router.get("/reports/{report_id}")
def report_file(report_id: int, request: Request) -> Response:
    page = signed_page(request)
    with page.services.db.read() as session:
        row = session.get(OrderReportRow, report_id)
        if row is None:
            raise ConsoleError(404, "not_found")
        _item(session, page, orders.Key(row.inspection_id, row.measure_id, row.finding_id))
    path = page.services.blobs.blob_path(row.sha256)
    if not path.exists():
        raise ConsoleError(404, "not_found")
    return FileResponse(
        path,
        media_type=row.content_type,
        filename=row.filename,
        content_disposition_type="attachment",
        headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"},
    )
