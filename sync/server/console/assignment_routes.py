"""The assignments page: inspections planned for inspectors of the supervisor's regions and
the form that plans one (CSRF-checked, validated on the server, audited by the registry)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from inspector_app.core import protocol
from inspector_app.core.problems import Problem
from sync.server.console import assignments
from sync.server.console.orders import today
from sync.server.console.web import ConsoleError, Page, signed_page
from sync.server.services.registry import create_assignment

router = APIRouter(prefix="/console/assignments", include_in_schema=False)


def _render(page: Page, status: int = 200, checked: assignments.Checked | None = None) -> Response:
    principal = page.signed_in.principal
    values = checked.values if checked else {}
    query = page.request.query_params.get("q", "")[:100].strip()
    with page.services.db.read() as session:
        found = assignments.find_facilities(session, principal, query)
        if checked and checked.facility is not None and checked.facility not in found:
            found.insert(0, checked.facility)
        context = {
            "found": found,
            "inspectors": assignments.inspectors(session, principal),
            "forms": assignments.forms(session),
            "rows": assignments.planned(session, principal),
        }
    return page.render(
        "assignments.html",
        status=status,
        query=query,
        values=values,
        errors=checked.errors if checked else {},
        types=assignments.TYPES,
        grounds=assignments.GROUNDS,
        today=today(),
        done=page.request.query_params.get("done", "")[:40],
        **context,
    )


@router.get("")
def assignments_page(request: Request) -> Response:
    return _render(signed_page(request))


@router.post("")
async def plan(request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_plan, signed_page(request), form)


def _plan(page: Page, form) -> Response:
    page.check_csrf(form)
    with page.services.db.read() as session:
        checked = assignments.check(session, page.signed_in.principal, form, today())
    if checked.errors:
        return _render(page, 400, checked)
    v = checked.values
    request = protocol.AssignmentCreate(
        facility_id=v["facility_id"],
        inspector=v["inspector"],
        form_id=v["form_id"],
        planned_date=dt.date.fromisoformat(v["planned_date"]),
        inspection_type=v["inspection_type"],
        ground=v["ground"] or None,
        note=v["note"],
    )
    try:
        with page.services.db.write() as session:
            create_assignment(session, page.signed_in.principal, request)
    except Problem as problem:
        raise ConsoleError(403, "refused") from problem
    return RedirectResponse("/console/assignments?done=planned", status_code=303)
