"""Register, reference data, assignments, users and the audit log."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Path, Query, Response

from inspector_app.core import problems, protocol
from inspector_app.core.domain.models import Facility
from inspector_app.core.problems import Problem
from sync.server.api.deps import PrincipalDep, ServicesDep
from sync.server.persistence.models import ArticleRow, AssignmentRow, AuditEntry, FacilityRow, MrpRow
from sync.server.services.audit import audit_entries
from sync.server.services.registry import (
    article_to_wire,
    assignment_to_wire,
    create_assignment,
    facility_to_wire,
    region_codes,
    set_article,
    set_mrp,
    upsert_facilities,
    usernames,
)
from sync.server.services.users import (
    create_user,
    reset_password,
    set_active,
    user_devices,
    user_info,
)

router = APIRouter(prefix=protocol.API, tags=["register"])
Key = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/facilities", response_model=list[Facility])
def facilities(
    principal: PrincipalDep, services: ServicesDep, region: Annotated[str | None, Query(max_length=16)] = None
) -> list[Facility]:
    """The register, limited to the caller's regions."""
    query = sa.select(FacilityRow).order_by(FacilityRow.id)
    if not principal.is_admin:
        query = query.where(FacilityRow.region.in_(list(principal.regions)))
    if region:
        query = query.where(FacilityRow.region == region)
    with services.db.read() as session:
        return [facility_to_wire(r) for r in session.scalars(query)]


MAX_HEADCOUNT = 1_000_000  # places or children of one facility; larger is a typing slip


@router.put("/facilities/{facility_id}", response_model=Facility)
def put_facility(
    facility_id: Key, body: Facility, principal: PrincipalDep, services: ServicesDep
) -> Facility:
    principal.require("administrator")
    if body.id != facility_id:
        raise Problem(problems.VALIDATION_FAILED, "The URL and the body name different facilities.")
    for name in ("capacity", "children"):
        value = getattr(body, name)
        if value is not None and not 0 <= value <= MAX_HEADCOUNT:
            raise Problem(problems.VALIDATION_FAILED, f"The {name} is out of range.", details={name: value})
    with services.db.write() as session:
        if body.region not in region_codes(session):
            raise Problem(problems.VALIDATION_FAILED, "Unknown region.", details={"region": body.region})
        upsert_facilities(session, principal, [body])
    return body


@router.get("/reference/mrp", response_model=list[protocol.Mrp])
def mrp(_principal: PrincipalDep, services: ServicesDep) -> list[protocol.Mrp]:
    with services.db.read() as session:
        return [
            protocol.Mrp(year=r.year, tenge=r.tenge)
            for r in session.scalars(sa.select(MrpRow).order_by(MrpRow.year))
        ]


@router.put("/reference/mrp/{year}", response_model=protocol.Mrp)
def put_mrp(
    year: Annotated[int, Path(ge=1990, le=2200)],
    body: protocol.Mrp,
    principal: PrincipalDep,
    services: ServicesDep,
) -> protocol.Mrp:
    principal.require("administrator")
    if body.year != year:
        raise Problem(problems.VALIDATION_FAILED, "The URL and the body name different years.")
    with services.db.write() as session:
        set_mrp(session, principal, body)
    return body


@router.get("/reference/articles", response_model=list[protocol.Article])
def articles(_principal: PrincipalDep, services: ServicesDep) -> list[protocol.Article]:
    with services.db.read() as session:
        return [article_to_wire(r) for r in session.scalars(sa.select(ArticleRow).order_by(ArticleRow.code))]


@router.put("/reference/articles/{code}", response_model=protocol.Article)
def put_article(
    code: Annotated[str, Path(min_length=1, max_length=40)],
    body: protocol.Article,
    principal: PrincipalDep,
    services: ServicesDep,
) -> protocol.Article:
    principal.require("administrator")
    if body.code != code:
        raise Problem(problems.VALIDATION_FAILED, "The URL and the body name different articles.")
    with services.db.write() as session:
        set_article(session, principal, body)
    return body


@router.post("/assignments", response_model=protocol.Assignment, status_code=201)
def new_assignment(
    body: protocol.AssignmentCreate, principal: PrincipalDep, services: ServicesDep
) -> protocol.Assignment:
    """Plan an inspection for an inspector (supervisor of the facility's region, or admin)."""
    with services.db.write() as session:
        return create_assignment(session, principal, body)


@router.get("/assignments", response_model=list[protocol.Assignment])
def assignments(principal: PrincipalDep, services: ServicesDep) -> list[protocol.Assignment]:
    query = sa.select(AssignmentRow).order_by(AssignmentRow.planned_date, AssignmentRow.id)
    if principal.role == "inspector":
        query = query.where(AssignmentRow.inspector_id == principal.user_id)
    elif not principal.is_admin:
        query = query.where(AssignmentRow.region.in_(list(principal.regions)))
    with services.db.read() as session:
        rows = list(session.scalars(query))
        names = usernames(session, {r.inspector_id for r in rows} | {r.created_by for r in rows})
        return [assignment_to_wire(r, names) for r in rows]


@router.post("/users", response_model=protocol.UserInfo, status_code=201)
def new_user(body: protocol.UserCreate, principal: PrincipalDep, services: ServicesDep) -> protocol.UserInfo:
    principal.require("administrator")
    with services.db.write() as session:
        user = create_user(
            session,
            username=body.username,
            password=body.password,
            role=body.role,
            regions=body.regions,
            full_name=body.full_name,
            actor=principal,
        )
        session.flush()
        return user_info(session, user)


Username = Annotated[str, Path(min_length=1, max_length=200)]


@router.post("/users/{username}/deactivate", status_code=204)
def deactivate_user(username: Username, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Off-boarding: every device of the user answers 40106 from its next request on."""
    principal.require("administrator")
    with services.db.write() as session:
        set_active(session, principal, username, False)
    return Response(status_code=204)


@router.post("/users/{username}/activate", status_code=204)
def activate_user(username: Username, principal: PrincipalDep, services: ServicesDep) -> Response:
    principal.require("administrator")
    with services.db.write() as session:
        set_active(session, principal, username, True)
    return Response(status_code=204)


@router.post("/users/{username}/password", status_code=204)
def reset_user_password(
    username: Username, body: protocol.PasswordReset, principal: PrincipalDep, services: ServicesDep
) -> Response:
    """A temporary password, to be changed at the next sign-in (`POST /auth/password`)."""
    principal.require("administrator")
    reset_password(services.db, principal, username, body.password)
    return Response(status_code=204)


@router.get("/users/{username}/devices", response_model=list[protocol.DeviceInfo])
def devices_of_user(
    username: Username, principal: PrincipalDep, services: ServicesDep
) -> list[protocol.DeviceInfo]:
    """A user's enrolled devices; revoke one with `POST /devices/{id}/revoke`."""
    principal.require("administrator")
    with services.db.read() as session:
        return user_devices(session, username)


@router.get("/audit", response_model=list[protocol.AuditRecord])
def audit_log(
    principal: PrincipalDep,
    services: ServicesDep,
    entity_id: Annotated[str | None, Query(max_length=100)] = None,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[protocol.AuditRecord]:
    """The audit log (administrators), oldest first from id `after`."""
    principal.require("administrator")
    query = sa.select(AuditEntry).where(AuditEntry.id > after)
    if entity_id:
        query = query.where(AuditEntry.entity_id == entity_id)
    with services.db.read() as session:
        return audit_entries(session, query.order_by(AuditEntry.id).limit(limit))
