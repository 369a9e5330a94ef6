"""Planning inspections for inspectors of the supervisor's regions: the choices offered (a
facility found by a text search, the region's inspectors, the checklists of the facility's
kind, the kind of inspection and an unscheduled one's ground) and the checks of the form.
The assignment is made by the registry and reaches the laptop with the next pull."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.models import UnscheduledGround
from sync.server.console.i18n import N_
from sync.server.console.orders import region_inspectors
from sync.server.persistence.models import AssignmentRow, FacilityRow, FormRow, User
from sync.server.services.principal import Principal

TYPES = ("scheduled", "unscheduled", "surprise")
GROUNDS = tuple(g.value for g in UnscheduledGround)
FOUND_AT_MOST = 50

REQUIRED = N_("Fill in this field.")
BAD_CHOICE = N_("Choose one of the offered values.")
PAST_DATE = N_("The planned date cannot be in the past.")
WRONG_INSPECTOR = N_("Choose an inspector of the facility's region.")
WRONG_FORM = N_("This checklist is not for this kind of facility.")
GROUND_NEEDED = N_("An unscheduled inspection needs its ground.")


def _folded(text: str) -> str:
    return (text or "").casefold()


def find_facilities(session: Session, principal: Principal, query: str) -> list[FacilityRow]:
    """Facilities of the caller's regions whose name (kk or ru), BIN, settlement or district
    contains the query (casefolded in Python: SQLite folds only Latin letters)."""
    select = sa.select(FacilityRow).order_by(FacilityRow.name_ru)
    if not principal.is_admin:
        select = select.where(FacilityRow.region.in_(sorted(principal.regions)))
    words = _folded(query).split()
    if not words:
        return []
    found = []
    for row in session.scalars(select):
        haystack = _folded(" ".join((row.name_kk, row.name_ru, row.bin, row.settlement, row.district)))
        if all(w in haystack for w in words):
            found.append(row)
            if len(found) == FOUND_AT_MOST:
                break
    return found


def inspectors(session: Session, principal: Principal) -> list[tuple[str, str, str]]:
    """(user name, full name, region) of the inspectors of the caller's regions."""
    regions = sorted(principal.regions) if not principal.is_admin else _all_regions(session)
    return [(u, n, r) for r in regions for u, n in region_inspectors(session, r)]


def _all_regions(session: Session) -> list[str]:
    return sorted(session.scalars(sa.select(FacilityRow.region).distinct()))


def forms(session: Session) -> list[tuple[str, str]]:
    """(form id, kind) of each checklist, its latest version."""
    in_use = sa.select(FormRow.form_id, FormRow.kind).where(FormRow.retired_at.is_(None))
    return sorted(set(session.execute(in_use).all()))


@dataclass
class Checked:
    values: dict = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    facility: FacilityRow | None = None


def check(session: Session, principal: Principal, form, today: dt.date) -> Checked:
    names = ("facility_id", "inspector", "form_id", "inspection_type", "ground", "planned_date", "note")
    checked = Checked({n: str(form.get(n) or "").strip()[: 2000 if n == "note" else 100] for n in names})
    v, errors = checked.values, checked.errors
    facility = session.get(FacilityRow, v["facility_id"]) if v["facility_id"] else None
    if facility is None or not principal.sees_region(facility.region):
        errors["facility_id"] = REQUIRED if not v["facility_id"] else BAD_CHOICE
    checked.facility = facility if "facility_id" not in errors else None
    if v["inspection_type"] not in TYPES:
        errors["inspection_type"] = REQUIRED if not v["inspection_type"] else BAD_CHOICE
    if v["inspection_type"] == "unscheduled" and v["ground"] not in GROUNDS:
        errors["ground"] = GROUND_NEEDED if not v["ground"] else BAD_CHOICE
    if v["inspection_type"] != "unscheduled":
        v["ground"] = ""
    _check_date(v, errors, today)
    _check_people(session, checked)
    return checked


def _check_date(values: dict, errors: dict, today: dt.date) -> None:
    try:
        if dt.date.fromisoformat(values["planned_date"]) < today:
            errors["planned_date"] = PAST_DATE
    except ValueError:
        errors["planned_date"] = REQUIRED if not values["planned_date"] else BAD_CHOICE


def _check_people(session: Session, checked: Checked) -> None:
    v, errors, facility = checked.values, checked.errors, checked.facility
    kinds = dict(forms(session))
    if v["form_id"] not in kinds:
        errors["form_id"] = REQUIRED if not v["form_id"] else BAD_CHOICE
    elif facility is not None and kinds[v["form_id"]] != facility.kind:
        errors["form_id"] = WRONG_FORM
    if not v["inspector"]:
        errors["inspector"] = REQUIRED
    elif facility is not None and v["inspector"] not in {
        u for u, _ in region_inspectors(session, facility.region)
    }:
        errors["inspector"] = WRONG_INSPECTOR


@dataclass(frozen=True)
class AssignmentView:
    row: AssignmentRow
    facility: FacilityRow
    inspector: str


def planned(session: Session, principal: Principal, limit: int = 200) -> list[AssignmentView]:
    """Assignments of the caller's regions, latest planned date first."""
    query = (
        sa.select(AssignmentRow, FacilityRow, User.full_name, User.username)
        .join(FacilityRow, FacilityRow.id == AssignmentRow.facility_id)
        .join(User, User.id == AssignmentRow.inspector_id)
        .order_by(AssignmentRow.planned_date.desc(), AssignmentRow.created_at.desc())
        .limit(limit)
    )
    if not principal.is_admin:
        query = query.where(AssignmentRow.region.in_(sorted(principal.regions)))
    return [AssignmentView(a, f, n or u) for a, f, n, u in session.execute(query).all()]
