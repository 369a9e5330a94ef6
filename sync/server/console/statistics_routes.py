"""The statistics page: the summary of a period, region, kind of facility and basis, with the
methodology beside the figures (services/statistics.py computes both)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import Response

from sync.server.console.i18n import N_
from sync.server.console.orders import today
from sync.server.console.routes import _region_names
from sync.server.console.web import signed_page
from sync.server.services import statistics

router = APIRouter(prefix="/console/statistics", include_in_schema=False)
KINDS = ("school", "camp", "orphanage", "special_needs")
BAD_DATE = N_("Enter a date as YYYY-MM-DD.")
REVERSED = N_("The start of the period is later than its end.")


def _date(text: str, default: dt.date) -> dt.date | None:
    if not text:
        return default
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


@router.get("")
def statistics_page(request: Request) -> Response:
    page = signed_page(request)
    day = today()
    params = request.query_params
    form = {name: str(params.get(name) or "")[:20] for name in ("from", "to", "region", "kind", "basis")}
    start, end = _date(form["from"], day.replace(month=1, day=1)), _date(form["to"], day)
    errors = {name: BAD_DATE for name, value in (("from", start), ("to", end)) if value is None}
    if start and end and start > end:
        errors["from"] = REVERSED
    with page.services.db.read() as session:
        regions = _region_names(session, page)
        query = statistics.Query(
            start=start or day,
            end=end or day,
            region=form["region"] if form["region"] in regions else None,
            kind=form["kind"] if form["kind"] in KINDS else None,
            basis="finalised" if form["basis"] == "finalised" else "approved",
        )
        principal = page.signed_in.principal
        if errors:
            figures, by_region = None, {}
        else:
            figures, by_region = statistics.summary_and_breakdown(session, principal, query, "region", day)
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
        methodology=statistics.METHODOLOGY.get(page.lang, statistics.METHODOLOGY["en"]),
    )
