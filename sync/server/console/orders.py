"""The follow-up of orders: each item of an order (a finding with its own deadline) from the
synced records of the caller's regions, its state, the organisation's execution report, and
the unscheduled follow-up inspection proposed when it was not executed.

States: open → report_received → executed, or (from open or report_received) not_executed
→ follow_up (an assignment made for an inspector of the region)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.console.queue import has_measure
from sync.server.persistence.models import (
    FacilityRow,
    InspectionRow,
    OrderItemRow,
    OrderReportRow,
    User,
    UserRegion,
)
from sync.server.services.principal import Principal
from sync.server.services.security import utcnow

STATES = ("open", "report_received", "executed", "not_executed", "follow_up")
PENDING = ("open", "report_received")  # the organisation still has to execute
# the state each action leads to, and the states it may start from
ACTIONS = {
    "report": ("report_received", ("open", "report_received")),
    "executed": ("executed", ("open", "report_received")),
    "not_executed": ("not_executed", ("open", "report_received")),
    "follow_up": ("follow_up", ("not_executed",)),
}
SOON = dt.timedelta(days=7)
FOLLOW_UP_GROUND = "order_follow_up"  # UnscheduledGround.ORDER_FOLLOW_UP


@dataclass(frozen=True)
class Key:
    inspection_id: str
    measure_id: str
    finding_id: str

    @property
    def slug(self) -> str:
        return f"{self.inspection_id}/{self.measure_id}/{self.finding_id}"


@dataclass
class ItemView:
    key: Key
    region: str
    facility: FacilityRow
    form_id: str
    order_number: str
    deadline: dt.date | None
    finding: str
    action: str
    state: str = "open"
    note: str = ""
    assignment_id: str | None = None
    reports: list[OrderReportRow] = field(default_factory=list)

    def overdue(self, today: dt.date) -> bool:
        return self.state in PENDING and self.deadline is not None and self.deadline < today

    def due_soon(self, today: dt.date) -> bool:
        return self.state in PENDING and self.deadline is not None and today <= self.deadline <= today + SOON


def today() -> dt.date:
    from sync.server.services.documents import KAZAKHSTAN

    return dt.datetime.now(KAZAKHSTAN).date()


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return value.get(lang) or value.get("ru") or value.get("kk") or ""
    return str(value or "")


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def _records(session: Session, principal: Principal, record_id: str | None = None):
    dialect = session.get_bind().dialect.name
    query = (
        sa.select(InspectionRow, FacilityRow)
        .join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
        .where(InspectionRow.status == "finalised", has_measure(dialect, "order"))
        .order_by(InspectionRow.id)
    )
    if not principal.is_admin:
        query = query.where(InspectionRow.region.in_(sorted(principal.regions)))
    if record_id is not None:
        query = query.where(InspectionRow.id == record_id)
    return session.execute(query).all()


def _items_of(row: InspectionRow, facility: FacilityRow, lang: str) -> list[ItemView]:
    payload = row.payload
    findings = {f["id"]: f for f in payload.get("findings", [])}
    # one order document covers all the record's order measures
    number = next((d.get("number", "") for d in payload.get("documents", []) if d.get("kind") == "PD"), "")
    found = []
    for measure in payload.get("measures", []):
        if measure.get("kind") != "order":
            continue
        deadlines, actions = measure.get("deadlines") or {}, measure.get("actions") or {}
        for finding_id in measure.get("finding_ids", []):
            finding = findings.get(finding_id, {})
            found.append(
                ItemView(
                    key=Key(row.id, measure["id"], finding_id),
                    region=row.region,
                    facility=facility,
                    form_id=(payload.get("header") or {}).get("form_id", ""),
                    order_number=number,
                    deadline=_date(deadlines.get(finding_id)),
                    finding=finding.get("description") or finding.get("item_id", finding_id),
                    action=_text(actions.get(finding_id) or measure.get("required_action"), lang),
                )
            )
    return found


def order_items(
    session: Session, principal: Principal, lang: str, record_id: str | None = None
) -> list[ItemView]:
    """Every order item of the caller's regions (of one record if given), nearest deadline first."""
    items = [
        i for row, facility in _records(session, principal, record_id) for i in _items_of(row, facility, lang)
    ]
    if not items:
        return []
    ids = sorted({i.key.inspection_id for i in items})
    states = {
        Key(r.inspection_id, r.measure_id, r.finding_id): r
        for r in session.scalars(sa.select(OrderItemRow).where(OrderItemRow.inspection_id.in_(ids)))
    }
    reports: dict[Key, list] = {}
    for r in session.scalars(
        sa.select(OrderReportRow).where(OrderReportRow.inspection_id.in_(ids)).order_by(OrderReportRow.id)
    ):
        reports.setdefault(Key(r.inspection_id, r.measure_id, r.finding_id), []).append(r)
    for item in items:
        if (state := states.get(item.key)) is not None:
            item.state, item.note, item.assignment_id = state.state, state.note, state.assignment_id
        item.reports = reports.get(item.key, [])
    return sorted(items, key=lambda i: (i.deadline or dt.date.max, i.key.slug))


def find_item(session: Session, principal: Principal, key: Key, lang: str) -> ItemView | None:
    """The item if it exists in a record of the caller's regions."""
    found = [i for i in order_items(session, principal, lang, key.inspection_id) if i.key == key]
    return found[0] if found else None


def overdue_record_ids(session: Session, principal: Principal) -> set[str]:
    """Records of the caller's regions with an order item past its deadline and not executed."""
    day = today()
    return {i.key.inspection_id for i in order_items(session, principal, "ru") if i.overdue(day)}


def set_state(session: Session, principal: Principal, item: ItemView, state: str, **values) -> None:
    row = session.get(OrderItemRow, (item.key.inspection_id, item.key.measure_id, item.key.finding_id))
    if row is None:
        row = OrderItemRow(
            inspection_id=item.key.inspection_id,
            measure_id=item.key.measure_id,
            finding_id=item.key.finding_id,
            region=item.region,
            note="",
        )
        session.add(row)
    row.state, row.updated_by, row.updated_at = state, principal.user_id, utcnow()
    for name, value in values.items():
        setattr(row, name, value)


def region_inspectors(session: Session, region: str) -> list[tuple[str, str]]:
    """(user name, full name) of the active inspectors of a region."""
    query = (
        sa.select(User.username, User.full_name)
        .join(UserRegion, UserRegion.user_id == User.id)
        .where(UserRegion.region == region, User.role == "inspector", User.active.is_(True))
        .order_by(User.full_name, User.username)
    )
    return [(u, n or u) for u, n in session.execute(query).all()]
