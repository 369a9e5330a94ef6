"""The review queue: records of the caller's regions, filtered, oldest waiting first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.persistence.models import FacilityRow, InspectionRow, User
from sync.server.services.principal import Principal

PAGE = 50
SYSTEM_STATES = ("submitted", "resubmitted", "draft")  # set by pushes
SUPERVISOR_STATES = ("returned", "approved")  # set by a decision
STATES = SYSTEM_STATES + SUPERVISOR_STATES


@dataclass
class Filters:
    region: str = ""
    district: str = ""
    inspector: str = ""
    facility_kind: str = ""
    inspection_kind: str = ""
    state: str = ""
    received_from: str = ""  # ISO dates, as the form sends them
    received_to: str = ""
    has_protocol: str = ""  # "yes", "no" or ""
    orders_overdue: str = ""  # "yes": only records with an order item past its deadline
    page: int = 1
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, params) -> Filters:
        values = {f.name: (params.get(f.name) or "").strip()[:200] for f in fields(cls) if f.name != "extra"}
        try:
            page = max(1, min(int(values.pop("page") or 1), 100_000))
        except ValueError:
            page = 1
        return cls(**values, page=page, extra={})

    def query_string(self, **changes) -> str:
        from urllib.parse import urlencode

        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        data.update(changes)
        return urlencode({k: v for k, v in data.items() if v != "" and (k != "page" or v != 1)})


@dataclass(frozen=True)
class QueueRow:
    id: str
    facility: FacilityRow
    inspector: str
    inspector_name: str
    inspection_kind: str
    state: str
    revision: int
    # null for a record whose stored revision the 0013 back-fill could not find; shown as "—"
    waiting_since: dt.datetime | None


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    counts: dict[str, int]
    page: int
    pages: int


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _scoped(query, principal: Principal, filters: Filters, dialect: str):
    """`query` (over InspectionRow) limited to the caller's regions and the filters; the
    facility and the owner are joined only when a filter needs them."""
    if not principal.is_admin:
        query = query.where(InspectionRow.region.in_(sorted(principal.regions)))
    if filters.district:
        query = query.join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
    if filters.inspector:
        query = query.join(User, User.id == InspectionRow.owner_id)
    conditions = {  # type and facility kind: copied beside the record (indexed, no JSON read)
        "region": InspectionRow.region == filters.region,
        "district": FacilityRow.district == filters.district,
        "inspector": User.username == filters.inspector,
        "facility_kind": InspectionRow.facility_kind == filters.facility_kind,
        "inspection_kind": InspectionRow.inspection_type == filters.inspection_kind,
    }
    for name, condition in conditions.items():
        if getattr(filters, name):
            query = query.where(condition)
    since = InspectionRow.waiting_since  # when the current revision was stored
    start, end = _date(filters.received_from), _date(filters.received_to)
    if start:
        query = query.where(since >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end:
        query = query.where(since < dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC))
    if filters.has_protocol in ("yes", "no"):
        exists = has_measure(dialect, "protocol")
        query = query.where(exists if filters.has_protocol == "yes" else sa.not_(exists))
    return query


def has_measure(dialect: str, kind: str):
    """Whether the stored record has a measure of this kind (a JSON test in SQL, on the
    small copy of its measures that statistics count)."""
    if dialect == "postgresql":
        path = sa.text("CAST(:path AS jsonpath)").bindparams(path=f'$.measures[*] ? (@.kind == "{kind}")')
        return sa.func.jsonb_path_exists(InspectionRow.counted, path)
    measures = sa.func.json_each(InspectionRow.counted, "$.measures").table_valued("value")
    return (
        sa.select(sa.literal(1))
        .select_from(measures)
        .where(sa.func.json_extract(measures.c.value, "$.kind") == kind)
        .exists()
    )


def queue_page(session: Session, principal: Principal, filters: Filters) -> QueuePage:
    dialect = session.get_bind().dialect.name
    if filters.orders_overdue == "yes":
        from sync.server.console.orders import overdue_record_ids

        overdue = sorted(overdue_record_ids(session, principal))
    counted = sa.select(InspectionRow.review_state, sa.func.count()).group_by(InspectionRow.review_state)
    counted = _scoped(counted, principal, filters, dialect)
    if filters.orders_overdue == "yes":
        counted = counted.where(InspectionRow.id.in_(overdue))
    counts: dict[str, int] = dict(session.execute(counted).all())
    total = counts.get(filters.state, 0) if filters.state else sum(counts.values())
    pages = max(1, -(-total // PAGE))
    page = min(filters.page, pages)
    listed = sa.select(InspectionRow.id).order_by(InspectionRow.waiting_since, InspectionRow.id)
    listed = _scoped(listed, principal, filters, dialect)
    if filters.orders_overdue == "yes":
        listed = listed.where(InspectionRow.id.in_(overdue))
    if filters.state:
        listed = listed.where(InspectionRow.review_state == filters.state)
    chosen = listed.limit(PAGE).offset((page - 1) * PAGE).subquery()
    rows = session.execute(
        sa.select(InspectionRow, FacilityRow, User.username, User.full_name)
        .options(sa.orm.defer(InspectionRow.payload), sa.orm.defer(InspectionRow.counted))
        .join(chosen, chosen.c.id == InspectionRow.id)
        .join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
        .join(User, User.id == InspectionRow.owner_id)
        .order_by(InspectionRow.waiting_since, InspectionRow.id)
    ).all()
    return QueuePage(
        rows=[
            QueueRow(
                id=row.id,
                facility=facility,
                inspector=username,
                inspector_name=full_name or username,
                inspection_kind=row.inspection_type or "",
                state=row.review_state,
                revision=row.revision,
                waiting_since=row.waiting_since,
            )
            for row, facility, username, full_name in rows
        ],
        total=total,
        counts=counts,
        page=page,
        pages=pages,
    )


def choices(session: Session, principal: Principal) -> dict[str, list]:
    """Values offered by the filters: the caller's regions, their districts and inspectors."""
    regions = None if principal.is_admin else sorted(principal.regions)
    districts = sa.select(FacilityRow.district).distinct().where(FacilityRow.district != "")
    inspectors = (
        sa.select(User.username, User.full_name)
        .where(User.id.in_(sa.select(InspectionRow.owner_id).distinct()))
        .order_by(User.full_name, User.username)
    )
    if regions is not None:
        districts = districts.where(FacilityRow.region.in_(regions))
        inspectors = inspectors.where(
            User.id.in_(sa.select(InspectionRow.owner_id).where(InspectionRow.region.in_(regions)))
        )
    return {
        "districts": sorted(session.scalars(districts)),
        "inspectors": list(session.execute(inspectors).all()),
    }
