"""Server-authoritative data sent to devices: facilities, forms, MRP, articles, assignments."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any, Literal, get_args

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol
from inspector_app.core.domain.models import Facility, FacilityKind, RiskDegree
from inspector_app.core.problems import Problem
from sync.server.persistence import audit_chain
from sync.server.persistence.models import (
    ArticleRow,
    AssignmentRow,
    FacilityRow,
    FormRow,
    InspectionRow,
    MrpRow,
    Region,
    User,
)
from sync.server.services.audit import audit
from sync.server.services.changes import ChangeEntry, record_changes
from sync.server.services.principal import Principal
from sync.server.services.security import utcnow

FACILITY_FIELDS = (
    "name_kk",
    "name_ru",
    "kind",
    "region",
    "district",
    "settlement",
    "bin",
    "address",
    "head",
    "capacity",
    "children",
    "risk",
    "special_control",
)


def facility_to_wire(row: FacilityRow) -> Facility:
    return Facility(
        id=row.id,
        name_kk=row.name_kk,
        name_ru=row.name_ru,
        kind=FacilityKind(row.kind),
        region=row.region,
        district=row.district,
        settlement=row.settlement,
        bin=row.bin,
        address=row.address,
        head=row.head,
        capacity=row.capacity,
        children=row.children,
        risk=RiskDegree(row.risk),
        special_control=row.special_control,
    )


def region_codes(session: Session) -> set[str]:
    return set(session.scalars(sa.select(Region.code)))


def upsert_facilities(session: Session, actor: Principal, facilities: list[Facility]) -> int:
    """Insert or update facilities (the last of any repeated id wins); returns how many
    actually changed. Read and written in bulk: a register has thousands of rows."""
    wanted = {f.id: f for f in facilities}
    existing = _facility_rows(session, list(wanted))
    now = utcnow()
    added, audits, changed = [], [], []
    for facility in wanted.values():
        values = {k: getattr(facility, k) for k in FACILITY_FIELDS}
        values["kind"], values["risk"] = facility.kind.value, facility.risk.value
        row = existing.get(facility.id)
        if row is not None and all(getattr(row, k) == v for k, v in values.items()):
            continue
        if row is None:
            added.append({"id": facility.id, **values, "updated_at": now})
        else:
            if row.kind != values["kind"]:  # the records keep their facility's kind for statistics
                session.execute(
                    sa.update(InspectionRow)
                    .where(InspectionRow.facility_id == facility.id)
                    .values(facility_kind=values["kind"])
                )
            for k, v in values.items():
                setattr(row, k, v)
            row.updated_at = now
        audits.append(
            {
                "at": now,
                **actor.audit_fields(),
                "action": "facility.upsert",
                "entity_kind": "facility",
                "entity_id": facility.id,
                "details": {"name_ru": facility.name_ru},
            }
        )
        changed.append(ChangeEntry("facility", facility.id, region=facility.region))
    if added:
        session.execute(sa.insert(FacilityRow.__table__), added)
    if audits:
        audit_chain.queue(session, audits)
    record_changes(session, changed)
    return len(changed)


def _facility_rows(session: Session, ids: list[str]) -> dict[str, FacilityRow]:
    rows = {}
    for start in range(0, len(ids), 500):
        rows.update(
            {
                r.id: r
                for r in session.scalars(
                    sa.select(FacilityRow).where(FacilityRow.id.in_(ids[start : start + 500]))
                )
            }
        )
    return rows


def form_to_wire(row: FormRow) -> protocol.FormVersion:
    return protocol.FormVersion(
        id=row.form_id, version=row.version, kind=row.kind, content_hash=row.content_hash, content=row.content
    )


def upsert_form(session: Session, actor: Principal, content: dict[str, Any], content_hash: str) -> bool:
    """A form version is immutable once published: the same hash again is a no-op."""
    key = (str(content["id"]), int(content["version"]))
    row = session.get(FormRow, key)
    if row is not None:
        if row.content_hash != content_hash:
            raise Problem(
                problems.DUPLICATE,
                "This form version is already published with different content; publish a new version.",
                details={"form": key[0], "version": key[1]},
            )
        return False
    session.add(
        FormRow(
            form_id=key[0],
            version=key[1],
            kind=str(content["kind"]),
            content_hash=content_hash,
            content=content,
            created_at=utcnow(),
        )
    )
    entity = f"{key[0]}@{key[1]}"
    audit(
        session,
        **actor.audit_fields(),
        action="form.publish",
        entity_kind="form",
        entity_id=entity,
        details={"hash": content_hash},
    )
    record_changes(session, [ChangeEntry("form", entity)])
    return True


def set_mrp(session: Session, actor: Principal, mrp: protocol.Mrp) -> None:
    row = session.get(MrpRow, mrp.year)
    if row is not None and row.tenge == mrp.tenge:
        return
    if row is None:
        session.add(MrpRow(year=mrp.year, tenge=mrp.tenge))
    else:
        row.tenge = mrp.tenge
    audit(
        session,
        **actor.audit_fields(),
        action="mrp.set",
        entity_kind="mrp",
        entity_id=str(mrp.year),
        details={"tenge": mrp.tenge},
    )
    record_changes(session, [ChangeEntry("mrp", str(mrp.year))])


def set_article(session: Session, actor: Principal, article: protocol.Article) -> None:
    if article.min_mrp > article.max_mrp or any(low > high for low, high in article.org_mrp.values()):
        raise Problem(
            problems.VALIDATION_FAILED, "min_mrp is greater than max_mrp.", details={"code": article.code}
        )
    values = article.model_dump()
    row = session.get(ArticleRow, article.code)
    if row is not None and all(getattr(row, k) == v for k, v in values.items()):
        return
    if row is None:
        session.add(ArticleRow(**values))
    else:
        for k, v in values.items():
            setattr(row, k, v)
    audit(
        session,
        **actor.audit_fields(),
        action="article.set",
        entity_kind="article",
        entity_id=article.code,
        details={"min_mrp": article.min_mrp, "max_mrp": article.max_mrp},
    )
    record_changes(session, [ChangeEntry("article", article.code)])


def article_to_wire(row: ArticleRow) -> protocol.Article:
    return protocol.Article(
        code=row.code,
        article=row.article,
        part=row.part,
        title_kk=row.title_kk,
        title_ru=row.title_ru,
        title_en=row.title_en,
        min_mrp=row.min_mrp,
        max_mrp=row.max_mrp,
        item=row.item,
        protocol_by=row.protocol_by,
        decided_by=row.decided_by,
        repeat=row.repeat,
        org_mrp=org_mrp_to_wire(row.org_mrp or {}),
    )


BusinessSizeName = Literal["small", "medium", "large", "non_commercial"]
_SIZE_NAMES: dict[str, BusinessSizeName] = {size: size for size in get_args(BusinessSizeName)}


def org_mrp_to_wire(org_mrp: Mapping[str, Sequence[int]]) -> dict[BusinessSizeName, list[int]]:
    """Fine ranges per business size as the wire names the sizes (a size it does not know
    raises KeyError)."""
    return {_SIZE_NAMES[size]: list(bounds) for size, bounds in org_mrp.items()}


def assignment_to_wire(row: AssignmentRow, usernames: dict[int, str]) -> protocol.Assignment:
    return protocol.Assignment(
        id=row.id,
        facility_id=row.facility_id,
        inspector=usernames.get(row.inspector_id, ""),
        form_id=row.form_id,
        planned_date=row.planned_date,
        inspection_type=row.inspection_type,
        ground=row.ground,
        note=row.note,
        status=row.status,
        created_by=usernames.get(row.created_by, ""),
        created_at=row.created_at,
    )


def usernames(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(sa.select(User.id, User.username).where(User.id.in_(ids))).all())


def create_assignment(
    session: Session, actor: Principal, request: protocol.AssignmentCreate
) -> protocol.Assignment:
    actor.require("supervisor", "administrator")
    facility = session.get(FacilityRow, request.facility_id)
    if facility is None:
        raise Problem(problems.UNKNOWN_FACILITY, details={"facility_id": request.facility_id})
    actor.require_region(facility.region)
    inspector = session.scalar(sa.select(User).where(User.username == request.inspector))
    if inspector is None or inspector.role != "inspector":
        raise Problem(
            problems.NOT_FOUND, "No inspector with this user name.", details={"inspector": request.inspector}
        )
    row = AssignmentRow(
        id=str(uuid.uuid4()),
        facility_id=facility.id,
        region=facility.region,
        inspector_id=inspector.id,
        form_id=request.form_id,
        planned_date=request.planned_date,
        inspection_type=request.inspection_type,
        ground=request.ground,
        note=request.note,
        status="planned",
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    session.add(row)
    audit(
        session,
        **actor.audit_fields(),
        action="assignment.create",
        entity_kind="assignment",
        entity_id=row.id,
        details=request.model_dump(mode="json"),
    )
    record_changes(session, [ChangeEntry("assignment", row.id, region=row.region, owner_id=inspector.id)])
    return assignment_to_wire(row, {inspector.id: inspector.username, actor.user_id: actor.username})


def facility_dict(f: Facility) -> dict:
    return asdict(f)
