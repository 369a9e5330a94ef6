"""The review queue: records of the caller's regions, filtered, oldest waiting first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.persistence.models import FacilityRow, InspectionRevision, InspectionRow, User
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
    waiting_since: dt.datetime


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


def _base(principal: Principal):
    revision = sa.orm.aliased(InspectionRevision)
    query = (
        sa.select(InspectionRow, FacilityRow, User.username, User.full_name, revision.created_at)
        .join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
        .join(User, User.id == InspectionRow.owner_id)
        .join(
            revision,
            sa.and_(revision.inspection_id == InspectionRow.id, revision.revision == InspectionRow.revision),
        )
    )
    if not principal.is_admin:
        query = query.where(InspectionRow.region.in_(sorted(principal.regions)))
    return query, revision


def _filtered(query, revision, filters: Filters, dialect: str):
    kind = InspectionRow.payload["header"]["type"].as_string()
    conditions = {
        "region": InspectionRow.region == filters.region,
        "district": FacilityRow.district == filters.district,
        "inspector": User.username == filters.inspector,
        "facility_kind": FacilityRow.kind == filters.facility_kind,
        "inspection_kind": kind == filters.inspection_kind,
    }
    for name, condition in conditions.items():
        if getattr(filters, name):
            query = query.where(condition)
    start, end = _date(filters.received_from), _date(filters.received_to)
    if start:
        query = query.where(revision.created_at >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end:
        query = query.where(
            revision.created_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
        )
    if filters.has_protocol in ("yes", "no"):
        exists = has_measure(dialect, "protocol")
        query = query.where(exists if filters.has_protocol == "yes" else sa.not_(exists))
    return query


def has_measure(dialect: str, kind: str):
    """Whether the stored record has a measure of this kind (a JSON test in SQL)."""
    if dialect == "postgresql":
        path = sa.text("CAST(:path AS jsonpath)").bindparams(path=f'$.measures[*] ? (@.kind == "{kind}")')
        return sa.func.jsonb_path_exists(InspectionRow.payload, path)
    measures = sa.func.json_each(InspectionRow.payload, "$.measures").table_valued("value")
    return (
        sa.select(sa.literal(1))
        .select_from(measures)
        .where(sa.func.json_extract(measures.c.value, "$.kind") == kind)
        .exists()
    )


def queue_page(session: Session, principal: Principal, filters: Filters) -> QueuePage:
    dialect = session.get_bind().dialect.name
    query, revision = _base(principal)
    query = _filtered(query, revision, filters, dialect)
    if filters.orders_overdue == "yes":
        from sync.server.console.orders import overdue_record_ids

        query = query.where(InspectionRow.id.in_(sorted(overdue_record_ids(session, principal))))
    inner = query.with_only_columns(InspectionRow.id, InspectionRow.review_state).subquery()
    counts: dict[str, int] = dict(
        session.execute(sa.select(inner.c.review_state, sa.func.count()).group_by(inner.c.review_state)).all()
    )
    if filters.state:
        query = query.where(InspectionRow.review_state == filters.state)
    total = counts.get(filters.state, 0) if filters.state else sum(counts.values())
    pages = max(1, -(-total // PAGE))
    page = min(filters.page, pages)
    rows = session.execute(
        query.order_by(revision.created_at, InspectionRow.id).limit(PAGE).offset((page - 1) * PAGE)
    ).all()
    return QueuePage(
        rows=[
            QueueRow(
                id=row.id,
                facility=facility,
                inspector=username,
                inspector_name=full_name or username,
                inspection_kind=(row.payload.get("header") or {}).get("type", ""),
                state=row.review_state,
                revision=row.revision,
                waiting_since=since,
            )
            for row, facility, username, full_name, since in rows
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
