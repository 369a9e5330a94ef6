"""What the reference page's forms for competent bodies, districts and region names check:
the values as typed, the errors beside each field (message ids), and the wire model the
services save. Codes are never deleted; a body or district is deactivated instead."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from inspector_app.core.domain.models import Bilingual
from inspector_app.core.domain.reference import COMMITTEE, COURT
from sync.server.console.i18n import N_
from sync.server.persistence.models import ArticleRow, BodyRow, DistrictRow, Region

NAMES = ("name_kk", "name_ru", "name_en")
REQUIRED_TEXT = N_("Fill in this field.")
TOO_LONG = N_("The text is too long: at most 200 characters.")
BODY_CODE = N_("Use small Latin letters, digits and underscores, starting with a letter.")
DISTRICT_CODE = N_("Use capital Latin letters, digits, hyphens and underscores.")
CODE_TAKEN = N_("This code is already in use: choose another one, or edit that entry.")
UNKNOWN_REGION = N_("Choose a region from the list.")
STAYS_ACTIVE = N_("The Committee, the court and bodies named by articles stay active.")


@dataclass
class Checked:
    """A form as typed, its field errors (message ids) and, without errors, the entry."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    entry: Any = None
    new: bool = False


def body_names(session: Session) -> dict[str, Bilingual]:
    """Every body by code (inactive ones too: articles and records may name them)."""
    rows = session.scalars(sa.select(BodyRow).order_by(BodyRow.code))
    return {r.code: Bilingual(r.name_kk, r.name_ru, r.name_en) for r in rows}


def values_of(entry: BaseModel | None) -> dict[str, str]:
    if entry is None:
        return {"active": "1"}
    data = entry.model_dump()
    values = {k: str(v) for k, v in data.items() if k != "active"}
    values["active"] = "1" if data.get("active", True) else ""
    return values


def _read(form, names: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    values = {k: str(form.get(k) or "").strip()[:1000] for k in names}
    values["active"] = "1" if form.get("active") else ""
    errors: dict[str, str] = {k: REQUIRED_TEXT for k in ("code", "name_kk", "name_ru") if not values.get(k)}
    errors |= {k: TOO_LONG for k in NAMES if len(values.get(k, "")) > 200}
    return values, errors


def _model(checked: Checked, model: type[BaseModel], data: dict[str, Any]) -> Checked:
    if checked.errors:
        return checked
    try:
        checked.entry = model(**data)
    except ValidationError as error:
        checked.errors = {str(e["loc"][0]): TOO_LONG for e in error.errors()}
    return checked


def check_body(session: Session, form) -> Checked:
    values, errors = _read(form, ("code", *NAMES))
    checked = Checked(values, errors, new=form.get("new") == "1")
    values["code"] = values["code"].lower()
    if values["code"] and not re.match(protocol.BODY_CODE, values["code"]):
        errors["code"] = BODY_CODE
    elif checked.new and session.get(BodyRow, values["code"]) is not None:
        errors["code"] = CODE_TAKEN
    if not values["active"] and _must_stay_active(session, values["code"]):
        errors["active"] = STAYS_ACTIVE
    data = {k: values[k] for k in ("code", *NAMES)} | {"active": bool(values["active"])}
    return _model(checked, protocol.Body, data)


def _must_stay_active(session: Session, code: str) -> bool:
    if code in (COMMITTEE, COURT):
        return True
    named = sa.select(ArticleRow.code).where(
        sa.or_(ArticleRow.protocol_by == code, ArticleRow.decided_by == code)
    )
    return session.execute(named.limit(1)).first() is not None


def check_district(session: Session, form) -> Checked:
    values, errors = _read(form, ("code", "region", *NAMES))
    checked = Checked(values, errors, new=form.get("new") == "1")
    values["code"] = values["code"].upper()
    if values["code"] and not re.match(protocol.DISTRICT_CODE, values["code"]):
        errors["code"] = DISTRICT_CODE
    elif checked.new and session.get(DistrictRow, values["code"]) is not None:
        errors["code"] = CODE_TAKEN
    if session.get(Region, values["region"][:16]) is None:
        errors["region"] = UNKNOWN_REGION
    data = {k: values[k] for k in ("code", "region", *NAMES)} | {"active": bool(values["active"])}
    return _model(checked, protocol.District, data)


def check_region(form) -> Checked:
    values, errors = _read(form, ("code", *NAMES))
    values.pop("active")
    return _model(Checked(values, errors), protocol.RegionName, {k: values[k] for k in ("code", *NAMES)})
