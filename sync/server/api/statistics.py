"""The statistics summary for other systems: GET /api/v1/statistics."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.api.deps import PrincipalDep, ServicesDep
from sync.server.services import statistics, statistics_locks
from sync.server.services.documents import KAZAKHSTAN

router = APIRouter(prefix=protocol.API, tags=["statistics"])
Text = Annotated[str | None, Query(max_length=20)]


@router.get("/statistics")
def get_statistics(
    principal: PrincipalDep,
    services: ServicesDep,
    start: Annotated[str, Query(alias="from", max_length=20)],
    end: Annotated[str, Query(alias="to", max_length=20)],
    region: Text = None,
    kind: Text = None,
    basis: Text = "approved",
    breakdown: Text = None,
) -> dict[str, Any]:
    """The figures of a period: supervisors their regions, administrators all."""
    principal.require("supervisor", "administrator")
    query = statistics.Query(
        start=_date("from", start),
        end=_date("to", end),
        region=region or None,
        kind=kind or None,
        basis=_basis(basis),
    )
    if query.start > query.end:
        raise Problem(
            problems.VALIDATION_FAILED, "`from` is later than `to`.", details={"from": start, "to": end}
        )
    if query.region:
        principal.require_region(query.region)
    if breakdown and breakdown not in statistics.BREAKDOWNS:
        raise Problem(
            problems.VALIDATION_FAILED,
            "`breakdown` must be region or kind.",
            details={"breakdown": breakdown[:20], "allowed": list(statistics.BREAKDOWNS)},
        )
    today = dt.datetime.now(KAZAKHSTAN).date()
    with services.db.read() as session:  # a locked period's figures are those stored at its lock
        if breakdown:
            figures, parts = statistics_locks.summary_and_breakdown(
                session, principal, query, breakdown, today
            )
        else:
            figures, parts = statistics_locks.summary(session, principal, query, today), None
        locked = statistics_locks.described(statistics_locks.find(session, query.start, query.end))
    answer = {
        "from": query.start.isoformat(),
        "to": query.end.isoformat(),
        "region": query.region,
        "kind": query.kind,
        "basis": query.basis,
        **figures.as_dict(),
        "locked": locked,
        "methodology": statistics.METHODOLOGY,
    }
    if parts is not None:
        answer[f"by_{breakdown}"] = {key: part.as_dict() for key, part in parts.items()}
    return answer


def _date(name: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else _bad_date(name, text)
    except ValueError:
        return _bad_date(name, text)


def _bad_date(name: str, text: str) -> dt.date:
    raise Problem(
        problems.VALIDATION_FAILED, f"`{name}` must be a date YYYY-MM-DD.", details={name: text[:20]}
    )


def _basis(text: str | None) -> statistics.Basis:
    if text in (None, "", "approved"):
        return "approved"
    if text == "finalised":
        return "finalised"
    raise Problem(
        problems.VALIDATION_FAILED,
        "`basis` must be approved or finalised.",
        details={"basis": str(text)[:20], "allowed": list(statistics.BASES)},
    )
