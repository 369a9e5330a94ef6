"""Reference data administrators edit and laptops pull: competent bodies, districts and the
names of regions. Nothing here is ever deleted (records refer to the codes): a body or a
district is deactivated instead, and a region's code is fixed."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.persistence.models import BodyRow, DistrictRow, Region
from sync.server.services.audit import audit
from sync.server.services.changes import ChangeEntry, record_changes
from sync.server.services.principal import Principal

NAMES = ("name_kk", "name_ru", "name_en")


def bodies(session: Session) -> list[protocol.Body]:
    return [body_to_wire(r) for r in session.scalars(sa.select(BodyRow).order_by(BodyRow.code))]


def districts(session: Session) -> list[protocol.District]:
    query = sa.select(DistrictRow).order_by(DistrictRow.region, DistrictRow.name_ru)
    return [district_to_wire(r) for r in session.scalars(query)]


def regions(session: Session) -> list[protocol.RegionName]:
    return [region_to_wire(r) for r in session.scalars(sa.select(Region).order_by(Region.code))]


def body_to_wire(row: BodyRow) -> protocol.Body:
    return protocol.Body(code=row.code, **_names(row), active=row.active)


def district_to_wire(row: DistrictRow) -> protocol.District:
    return protocol.District(code=row.code, region=row.region, **_names(row), active=row.active)


def region_to_wire(row: Region) -> protocol.RegionName:
    return protocol.RegionName(code=row.code, **_names(row))


def _names(row: Any) -> dict[str, str]:
    return {name: getattr(row, name) or "" for name in NAMES}


def set_body(session: Session, actor: Principal, body: protocol.Body, *, new: bool) -> bool:
    """Add (`new`) or edit a body; False if nothing changed. Adding an existing code is a
    conflict, editing an unknown one is not found: a form never overwrites by accident."""
    row = _existing(session, BodyRow, body.code, new)
    return _save(session, actor, "body", row or BodyRow(code=body.code), body.model_dump(), row is None)


def set_district(session: Session, actor: Principal, district: protocol.District, *, new: bool) -> bool:
    if session.get(Region, district.region) is None:
        raise Problem(problems.VALIDATION_FAILED, "No such region.", details={"region": district.region})
    row = _existing(session, DistrictRow, district.code, new)
    values = district.model_dump()
    return _save(session, actor, "district", row or DistrictRow(code=district.code), values, row is None)


def set_region_name(session: Session, actor: Principal, region: protocol.RegionName) -> bool:
    row = _existing(session, Region, region.code, new=False)
    return _save(session, actor, "region", row, region.model_dump(), False)


def _existing(session: Session, table: type, code: str, new: bool) -> Any:
    row = session.get(table, code)
    if new and row is not None:
        raise Problem(problems.VALIDATION_FAILED, "This code is taken.", details={"code": code})
    if not new and row is None:
        raise Problem(problems.NOT_FOUND, details={"code": code})
    return row


def _save(session: Session, actor: Principal, kind: str, row: Any, values: dict, added: bool) -> bool:
    """Write the values, audit them and log the change laptops pull; False if nothing changed."""
    if not added and all(getattr(row, k) == v for k, v in values.items()):
        return False
    for k, v in values.items():
        setattr(row, k, v)
    if added:
        session.add(row)
    audit(
        session,
        **actor.audit_fields(),
        action=f"{kind}.{'add' if added else 'set'}",
        entity_kind=kind,
        entity_id=values["code"],
        details={k: v for k, v in values.items() if k != "code"},
    )
    record_changes(session, [ChangeEntry(kind, values["code"])])
    return True
