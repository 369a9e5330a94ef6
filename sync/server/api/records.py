"""Push and pull of inspection records, server views of them, and supervisor reviews."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.api.bodies import check_record_sizes, json_body_of, json_response, parse_json
from sync.server.api.deps import PrincipalDep, ServicesDep
from sync.server.persistence.models import AuditEntry, InspectionRow, User
from sync.server.services.audit import audit_entries
from sync.server.services.pull import pull
from sync.server.services.records import Prepared, Pusher, readable_record, review, server_view
from sync.server.services.security import aware

router = APIRouter(prefix=protocol.API, tags=["records"])
ATTEMPTS = 3  # a concurrent first push of the same id fails one writer; it retries and dedupes


@router.get("/changes", response_model=protocol.ChangesResponse)
def changes(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    since: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> Response:
    """Everything the caller may see that changed after cursor `since`."""
    with services.db.read() as session:
        body = pull(
            session, principal, since, limit, services.settings.max_page_bytes, accepted_kinds(request)
        )
    response = json_response(body, request.headers.get("accept-encoding"))
    settings = services.settings
    if settings.desktop_version:
        response.headers[protocol.DESKTOP_VERSION_HEADER] = settings.desktop_version
        response.headers[protocol.DESKTOP_URL_HEADER] = settings.desktop_url
    return response


def accepted_kinds(request: Request) -> frozenset[str]:
    """The change kinds beyond version 2 the client names in its header (unknown names are
    ignored: a newer client may know more than this server)."""
    named = request.headers.get(protocol.CHANGE_KINDS_HEADER, "")[:200].split(",")
    return frozenset(k.strip() for k in named) & frozenset(protocol.REFERENCE_KINDS)


@router.post(
    "/records", response_model=protocol.PushResponse, openapi_extra=json_body_of(protocol.PushRequest)
)
async def push(request: Request, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Push a batch of records (a `PushRequest`); one transaction; per-record results
    (conflicts included). The body is parsed and applied off the event loop."""
    raw = await request.body()
    answer = await run_in_threadpool(_push_raw, services, principal, raw)
    return Response(answer.model_dump_json(), media_type="application/json")


def _push_raw(services, principal, raw: bytes) -> protocol.PushResponse:
    request, data = parse_json(protocol.PushRequest, raw, check_record_sizes)
    return push_records(
        services,
        principal,
        [
            Prepared.as_sent(record, sent)
            for record, sent in zip(request.records, data["records"], strict=True)
        ],
    )


def push_records(services, principal, batch: list[Prepared]) -> protocol.PushResponse:
    for attempt in range(ATTEMPTS):
        try:
            with services.db.write() as session:
                results = Pusher(session, principal, services.blobs).push_all(batch)
            return protocol.PushResponse(results=results)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@router.put(
    "/records/{record_id}",
    response_model=protocol.RecordResult,
    responses={201: {"model": protocol.RecordResult}},
    openapi_extra=json_body_of(protocol.PushedRecord),
)
async def push_one(record_id: str, request: Request, principal: PrincipalDep, services: ServicesDep):
    """Push one record; a conflict answers 409 with the server's version in details."""
    raw = await request.body()
    return await run_in_threadpool(_push_one_raw, services, principal, record_id, raw)


def _push_one_raw(services, principal, record_id: str, raw: bytes) -> JSONResponse:
    body, data = parse_json(protocol.PushedRecord, raw, check_record_sizes)
    if record_id != body.id:
        raise Problem(
            problems.VALIDATION_FAILED,
            "The URL and the body name different records.",
            details={"url": record_id[:64], "body": body.id},
        )
    result = push_records(services, principal, [Prepared.as_sent(body, data)]).results[0]
    if result.error is not None:
        details = {**result.error.details}
        if result.server_record is not None:
            details["server_record"] = result.server_record.model_dump(mode="json")
        error = result.error.model_copy(update={"details": details})
        return JSONResponse({"error": error.model_dump(mode="json")}, status_code=error.code // 100)
    return JSONResponse(
        result.model_dump(mode="json"), status_code=201 if result.status == "created" else 200
    )


@router.get("/records", response_model=list[protocol.RecordSummary])
def list_records(
    principal: PrincipalDep,
    services: ServicesDep,
    review_state: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> list[protocol.RecordSummary]:
    """Records the caller may see: an inspector their own, a supervisor their regions'."""
    query = sa.select(InspectionRow, User.username).join(User, User.id == InspectionRow.owner_id)
    if principal.role == "inspector":
        query = query.where(InspectionRow.owner_id == principal.user_id)
    elif not principal.is_admin:
        query = query.where(InspectionRow.region.in_(list(principal.regions)))
    if review_state:
        query = query.where(InspectionRow.review_state == review_state)
    query = query.order_by(InspectionRow.received_at, InspectionRow.id).limit(limit).offset(offset)
    with services.db.read() as session:
        return [_summary(session, row, owner) for row, owner in session.execute(query)]


def _summary(session, row: InspectionRow, owner: str) -> protocol.RecordSummary:
    view = server_view(session, row)
    return protocol.RecordSummary(
        id=row.id,
        facility_id=row.facility_id,
        owner=owner,
        region=row.region,
        status=row.status,
        review_state=row.review_state,
        revision=row.revision,
        complete=view.complete,
        received_at=aware(row.received_at),
    )


@router.get("/records/{record_id}", response_model=protocol.ServerRecord)
def get_record(record_id: str, principal: PrincipalDep, services: ServicesDep) -> protocol.ServerRecord:
    with services.db.read() as session:
        return server_view(session, readable_record(session, principal, record_id[:64]))


@router.post("/records/{record_id}/review", response_model=protocol.Review)
def review_record(
    record_id: str, body: protocol.ReviewRequest, principal: PrincipalDep, services: ServicesDep
) -> protocol.Review:
    """Approve a finalised record, or return it to its inspector with a comment."""
    with services.db.write() as session:
        return review(session, principal, record_id[:64], body)


@router.get("/records/{record_id}/audit", response_model=list[protocol.AuditRecord])
def record_audit(
    record_id: str, principal: PrincipalDep, services: ServicesDep
) -> list[protocol.AuditRecord]:
    """The audit trail of one record, for whoever may read the record."""
    with services.db.read() as session:
        readable_record(session, principal, record_id[:64])
        return audit_entries(
            session,
            sa.select(AuditEntry).where(AuditEntry.entity_id == record_id[:64]).order_by(AuditEntry.id),
        )
