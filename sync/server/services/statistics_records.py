"""The records behind each figure of the statistics: the inspections, measures, decisions,
orders and children a figure counts, selected with the summary's own scope and JSON readers
(services/statistics.py), so that the list behind a number always has that number of rows
(or, for fines, rows whose amounts add up to it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.models import RightsCategory
from sync.server.persistence.models import FacilityRow, InspectionRow, MeasureOutcomeRow, OrderItemRow
from sync.server.services import statistics as st
from sync.server.services.principal import Principal

CATEGORIES = tuple(f"children-{c.value}" for c in RightsCategory)
INSPECTION_FIGURES = {"on_site": ("mode", "on_site"), "desk": ("mode", "desk")} | {
    t: ("type", t) for t in ("scheduled", "unscheduled", "surprise")
}
MEASURE_FIGURES = {"protocols": "protocol", "recommendations": "recommendation", "referrals": "transfer"}
# the figures stored row by row when a period is locked; organisations and regions are the
# distinct facilities and regions of the "inspections" rows
BASE_FIGURES = (
    "inspections",
    *INSPECTION_FIGURES,
    *MEASURE_FIGURES,
    "fines_imposed",
    "fines_paid",
    "orders_issued",
    "orders_executed",
    "orders_overdue",
    "disciplined",
    "children",
    *CATEGORIES,
)
GROUPED = {"organisations": "facility_id", "regions": "region"}
FIGURES = ("organisations", "regions", *BASE_FIGURES)
AMOUNTS = ("fines_imposed", "fines_paid")  # figures that add up `amount` rather than count rows
COLUMNS = ("inspection_id", "item", "amount", "region", "kind", "facility_id", "month")


def live(session: Session, principal: Principal, query: st.Query, figure: str, today: dt.date) -> sa.Subquery:
    """The rows (COLUMNS) behind a base figure, computed now from the stored records."""
    rows = live_many(session, principal, query, (figure,), today)
    return sa.select(*(rows.c[c] for c in COLUMNS)).subquery(figure.replace("-", "_"))


def live_many(
    session: Session, principal: Principal, query: st.Query, figures: tuple[str, ...], today: dt.date
) -> sa.Subquery:
    """The rows behind several base figures with a `figure` column, in one statement that
    reads the records' JSON once (locking a period stores every figure this way)."""
    dialect = session.get_bind().dialect.name
    parts = Parts(dialect, st._materialised(st._scope(dialect, principal, query), "scope"))
    selects = [_rows(parts, f, today).add_columns(sa.literal(f).label("figure")) for f in figures]
    rows = (selects[0] if len(selects) == 1 else sa.union_all(*selects)).subquery("counted")
    header = InspectionRow.payload["header"]
    placed = sa.func.coalesce(header["appointment_date"].as_string(), header["period_start"].as_string())
    return (
        sa.select(
            rows.c.figure,
            rows.c.inspection_id,
            rows.c.item,
            rows.c.amount,
            InspectionRow.region.label("region"),
            FacilityRow.kind.label("kind"),
            InspectionRow.facility_id.label("facility_id"),
            sa.func.substr(placed, 1, 7).label("month"),
        )
        .join(InspectionRow, InspectionRow.id == rows.c.inspection_id)
        .join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
        .subquery("figures")
    )


class Parts:
    """The records in scope and, computed once for a statement, their content and measures."""

    def __init__(self, dialect: str, scope) -> None:
        self.dialect, self.scope = dialect, scope
        self._content: sa.CTE | None = None
        self._measures: sa.CTE | None = None

    @property
    def content(self) -> sa.CTE:
        if self._content is None:
            self._content = st._materialised(st._content(self.dialect, self.scope), "content")
        return self._content

    @property
    def measures(self) -> sa.CTE:
        if self._measures is None:
            self._measures = st._materialised(st._measures(self.dialect, self.content), "measures")
        return self._measures


def _row(inspection_id, item=None, amount=None) -> list:
    return [
        inspection_id.label("inspection_id"),
        sa.cast(item if item is not None else sa.literal(""), sa.String).label("item"),
        sa.cast(amount if amount is not None else sa.literal(0), sa.BigInteger).label("amount"),
    ]


def _rows(parts: Parts, figure: str, today: dt.date) -> sa.Select:
    scope = parts.scope
    if figure == "inspections":
        return sa.select(*_row(scope.c.id))
    if figure in INSPECTION_FIGURES:
        column, value = INSPECTION_FIGURES[figure]
        return sa.select(*_row(scope.c.id)).where(scope.c[column] == value)
    if figure in MEASURE_FIGURES:
        measures = parts.measures
        return sa.select(*_row(measures.c.id, measures.c.measure_id)).where(
            measures.c.kind == MEASURE_FIGURES[figure]
        )
    if figure in ("fines_imposed", "fines_paid", "disciplined"):
        return _decisions(scope, figure)
    if figure.startswith("orders_"):
        return _orders(parts, figure.removeprefix("orders_"), today)
    if figure == "children" or figure in CATEGORIES:
        return _children(parts, figure.removeprefix("children").removeprefix("-"))
    raise ValueError(figure)


def _decisions(scope, figure: str) -> sa.Select:
    """The decisions on protocols (fines, with their tenge) or employers' answers."""
    o = MeasureOutcomeRow
    fine = sa.and_(o.kind == "protocol", o.data["sanction"].as_string() == "fine")
    condition = {
        "fines_imposed": fine,
        "fines_paid": sa.and_(fine, o.data["paid"].as_string() == "yes"),
        "disciplined": sa.and_(o.kind == "disciplinary", o.data["disciplined"].as_string() == "yes"),
    }[figure]
    tenge = sa.func.coalesce(o.data["fine_tenge"].as_integer(), 0) if figure != "disciplined" else None
    return (
        sa.select(*_row(o.inspection_id, o.measure_id, tenge))
        .join(scope, scope.c.id == o.inspection_id)
        .where(condition)
    )


def _orders(parts: Parts, which: str, today: dt.date) -> sa.Select:
    """One row per inspection with order measures, as the summary counts orders."""
    dialect, measures = parts.dialect, parts.measures
    orders = sa.select(measures).where(measures.c.kind == "order").subquery()
    findings = st._elements(dialect, st._part(dialect, orders.c.value, "finding_ids"))
    finding_id = st._scalar_text(dialect, findings.c.value)
    if dialect == "postgresql":
        deadline = sa.func.jsonb_extract_path_text(orders.c.value, "deadlines", finding_id)
    else:
        deadline = sa.func.json_extract(orders.c.value, sa.literal('$.deadlines."') + finding_id + '"')
    state = sa.func.coalesce(OrderItemRow.state, "open")
    items = (
        sa.select(
            orders.c.id.label("id"),
            st._count_if(state != "executed").label("unexecuted"),
            st._count_if(sa.and_(state.in_(st.PENDING), deadline < today.isoformat())).label("overdue"),
        )
        .select_from(orders)
        .join(findings, sa.true())
        .outerjoin(
            OrderItemRow,
            sa.and_(
                OrderItemRow.inspection_id == orders.c.id,
                OrderItemRow.measure_id == orders.c.measure_id,
                OrderItemRow.finding_id == finding_id,
            ),
        )
        .group_by(orders.c.id)
        .subquery()
    )
    chosen = sa.select(*_row(items.c.id))
    if which == "executed":
        return chosen.where(items.c.unexecuted == 0)
    if which == "overdue":
        return chosen.where(items.c.overdue > 0)
    return chosen


def _children(parts: Parts, category: str) -> sa.Select:
    """Each child of an inspection once (in the total, or in one category restored)."""
    dialect, content = parts.dialect, parts.content
    children = st._elements(dialect, st._content_part(dialect, content, 1))
    listed = (
        sa.select(
            content.c.id.label("id"),
            st._text(dialect, children.c.value, "id").label("child"),
            children.c.value.label("value"),
        )
        .select_from(content)
        .join(children, sa.true())
        .subquery()
    )
    if not category:
        pairs = sa.select(listed.c.id, listed.c.child).distinct().subquery()
        return sa.select(*_row(pairs.c.id, pairs.c.child))
    categories = st._elements(dialect, st._part(dialect, listed.c.value, "categories"))
    named = st._scalar_text(dialect, categories.c.value)
    pairs = (
        sa.select(listed.c.id, listed.c.child)
        .select_from(listed)
        .join(categories, sa.true())
        .where(named == category)
        .distinct()
        .subquery()
    )
    return sa.select(*_row(pairs.c.id, pairs.c.child))


@dataclass(frozen=True)
class Row:
    inspection_id: str
    item: str
    amount: int
    region: str
    kind: str
    facility_id: str
    month: str
    facility_name: str
    count: int = 1  # inspections of a facility or region (organisations, regions)


@dataclass(frozen=True)
class Listing:
    figure: str
    rows: list[Row]
    count: int  # all rows, not only this page's
    amount: int  # the sum of every row's amount (fines) or of its count
    page: int
    pages: int


def listing(
    rows: sa.Subquery, figure: str, session: Session, page: int = 1, size: int = 50, lang: str = "kk"
) -> Listing:
    """A page of `rows` (a base figure's rows; organisations and regions group the
    inspections), with the count and the total of all of them."""
    if figure in GROUPED:
        rows = _grouped(rows, GROUPED[figure])
    page = max(1, page)
    found = _page(session, rows, page, size, lang)
    if not found and page > 1:  # past the end: the last page
        found = _page(session, rows, 1, size, lang)
        count = int(found[0].total) if found else 0
        page = max(1, -(-count // size))
        found = _page(session, rows, page, size, lang)
    count, amount = (int(found[0].total), int(found[0].total_amount or 0)) if found else (0, 0)
    shown = [
        Row(
            **{c: r._mapping[c] for c in (*COLUMNS, "facility_name")},
            count=int(r.amount) if figure in GROUPED else 1,
        )
        for r in found
    ]
    return Listing(figure, shown, count, amount, page, max(1, -(-count // size)))


def _page(session: Session, rows: sa.Subquery, page: int, size: int, lang: str) -> list:
    """One page of rows, each with the count and the amount of all of them (one statement:
    the records are read once)."""
    name = FacilityRow.name_ru if lang == "ru" else FacilityRow.name_kk
    return list(
        session.execute(
            sa.select(
                rows,
                name.label("facility_name"),
                sa.func.count().over().label("total"),
                sa.func.sum(rows.c.amount).over().label("total_amount"),
            )
            .outerjoin(FacilityRow, FacilityRow.id == rows.c.facility_id)
            .order_by(rows.c.month.desc(), rows.c.inspection_id, rows.c.item)
            .limit(size)
            .offset((page - 1) * size)
        ).all()
    )


def every_row(session: Session, rows: sa.Subquery, lang: str, size: int) -> Iterator[list[Row]]:
    """Every row, in the lists' order, in chunks of `size` (one statement, streamed)."""
    name = FacilityRow.name_ru if lang == "ru" else FacilityRow.name_kk
    result = session.execute(
        sa.select(rows, name.label("facility_name"))
        .outerjoin(FacilityRow, FacilityRow.id == rows.c.facility_id)
        .order_by(rows.c.month.desc(), rows.c.inspection_id, rows.c.item)
        .execution_options(yield_per=size)
    )
    for part in result.partitions(size):
        yield [Row(**{c: r._mapping[c] for c in (*COLUMNS, "facility_name")}) for r in part]


def _grouped(rows: sa.Subquery, column: str) -> sa.Subquery:
    """One row per facility or region of the inspections, its latest inspection linked and its
    number of inspections as the amount."""
    key = rows.c[column]
    return (
        sa.select(
            sa.func.max(rows.c.inspection_id).label("inspection_id"),
            key.label("item"),
            sa.func.count().label("amount"),
            sa.func.max(rows.c.region).label("region"),
            sa.func.max(rows.c.kind).label("kind"),
            sa.func.max(rows.c.facility_id).label("facility_id")
            if column != "facility_id"
            else key.label("facility_id"),
            sa.func.max(rows.c.month).label("month"),
        )
        .group_by(key)
        .subquery("grouped")
    )
