"""The outcomes page of an inspection: a form per measure (protocol, disciplinary referral,
referral to the competent body, recommendation), validated on the server, its errors shown
beside the fields in the reader's language. CSRF-checked, region-scoped, audited."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from inspector_app.core.problems import Problem
from sync.server.console import outcomes
from sync.server.console.orders import order_items, today
from sync.server.console.web import ConsoleError, Page, signed_page
from sync.server.persistence.models import FacilityRow
from sync.server.services.records import readable_record

router = APIRouter(prefix="/console/inspections", include_in_schema=False)


def _record(session, page: Page, record_id: str):
    try:
        return readable_record(session, page.signed_in.principal, record_id[:64])
    except Problem as problem:
        raise ConsoleError(404, "not_found") from problem


def _render(page: Page, record_id: str, status: int = 200, failed: str = "", checked=None) -> Response:
    with page.services.db.read() as session:
        row = _record(session, page, record_id)
        facility = session.get(FacilityRow, row.facility_id)
        saved = outcomes.saved(session, row.id)
        items = order_items(session, page.signed_in.principal, page.lang, row.id)
        measures = outcomes.measures_of(row.payload)
        # who decides each protocol's case, from its article's reference data (still editable)
        deciders = {m["id"]: outcomes.decider_of(session, m) for m in measures if m["kind"] == "protocol"}
        offered = {i: outcomes.deciders(session, body) for i, body in deciders.items()}
        codes = {c for choices in offered.values() for c in choices}
        codes |= {str(r.data.get("decided_by") or "") for r in saved.values() if r.kind == "protocol"}
        body_names = {
            c: outcomes.body_label(session, c, page.lang) for c in codes - {"", *outcomes.DECIDED_BY}
        }
    return page.render(
        "outcomes.html",
        status=status,
        row=row,
        facility=facility,
        measures=measures,
        deciders=deciders,
        offered=offered,
        body_names=body_names,
        saved=saved,
        items=items,
        failed=failed,
        checked=checked,
        today=today(),
        done=page.request.query_params.get("done", "")[:100],
        outcomes=outcomes,
    )


@router.get("/{record_id}/outcomes")
def outcomes_page(record_id: str, request: Request) -> Response:
    return _render(signed_page(request), record_id)


@router.post("/{record_id}/outcomes/{measure_id}")
async def save_outcome(record_id: str, measure_id: str, request: Request) -> Response:
    form = await request.form()
    return await run_in_threadpool(_save, signed_page(request), record_id, measure_id[:100], form)


def _save(page: Page, record_id: str, measure_id: str, form) -> Response:
    page.check_csrf(form)
    with page.services.db.read() as session:
        row = _record(session, page, record_id)
        measure = next((m for m in outcomes.measures_of(row.payload) if m["id"] == measure_id), None)
        if measure is None:
            raise ConsoleError(404, "not_found")
        checked = outcomes.check(session, measure["kind"], form, measure, today())
    if checked.errors:
        return _render(page, record_id, 400, measure_id, checked)
    with page.services.db.write() as session:
        outcomes.save(session, page.signed_in.principal, row.id, row.region, measure, checked.data)
    page.audit("outcome.save", "inspection", row.id, {"measure": measure_id, **checked.data})
    return RedirectResponse(f"/console/inspections/{row.id}/outcomes?done={measure_id}#m-{measure_id}", 303)
