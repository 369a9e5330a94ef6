"""The summary of inspections for a period, region and kind of facility, computed in SQL
(aggregates over the stored records and the outcomes supervisors recorded), with the
methodology that says what each figure counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.models import RightsCategory
from sync.server.persistence.models import FacilityRow, InspectionRow, MeasureOutcomeRow, OrderItemRow
from sync.server.services.principal import Principal

Basis = Literal["approved", "finalised"]
BASES: tuple[str, ...] = ("approved", "finalised")
PENDING = ("open", "report_received")  # an order item the organisation still has to execute

# which date places a record in a period, and what each figure counts: returned with the figures
METHODOLOGY = {
    "en": (
        "An inspection belongs to the period by the date of its act on appointment "
        "(header.appointment_date; the start of the inspection period, header.period_start, "
        "where that is missing). Basis 'approved' counts finalised inspections a supervisor "
        "approved; 'finalised' counts every finalised inspection. Organisations: distinct "
        "facilities inspected. Protocols, recommendations and referrals to other bodies: "
        "measures of these kinds drawn up. Fines imposed and paid: the tenge of the decisions "
        "recorded on protocols (sanction 'fine'; paid when marked paid), not the inspector's "
        "proposal. Orders: one per inspection with order measures; executed when every item is "
        "executed; overdue when an item not yet executed is past its deadline today. Officials "
        "disciplined: employers' answers saying the official was disciplined. Children: each "
        "child of an inspection once in the total and once in each category restored. The "
        "figures are provisional: periods cannot be locked yet."
    ),
    "ru": (
        "Проверка относится к периоду по дате акта о назначении проверки "
        "(header.appointment_date; при её отсутствии — по началу периода проверки, "
        "header.period_start). Основа «approved» — завершённые проверки, утверждённые "
        "руководителем; «finalised» — все завершённые проверки. Организации — число разных "
        "проверенных объектов. Протоколы, рекомендации и передачи в другие органы — "
        "составленные меры этих видов. Наложенные и уплаченные штрафы — тенге из внесённых "
        "решений по протоколам (взыскание «штраф»; уплачен — если отмечено), а не предложение "
        "инспектора. Предписания — одно на проверку с мерами-предписаниями; исполнено, когда "
        "исполнены все пункты; просрочено, когда неисполненный пункт прошёл срок на сегодня. "
        "Привлечённые к дисциплинарной ответственности — по ответам работодателей. Дети — "
        "каждый ребёнок проверки один раз в итоге и один раз в каждой категории. Данные "
        "предварительные: закрытие периодов пока не предусмотрено."
    ),
    "kk": (
        "Тексеру кезеңге тексеруді тағайындау туралы актінің күні бойынша жатады "
        "(header.appointment_date; ол болмаса — тексеру кезеңінің басы, header.period_start). "
        "«approved» негізі — басшы бекіткен аяқталған тексерулер; «finalised» — барлық "
        "аяқталған тексерулер. Ұйымдар — тексерілген әртүрлі объектілер саны. Хаттамалар, "
        "ұсынымдар және басқа органдарға жолдаулар — жасалған осы түрдегі шаралар. Салынған "
        "және төленген айыппұлдар — хаттамалар бойынша енгізілген шешімдердегі теңге "
        "(«айыппұл» жазасы; төленгені белгіленсе — төленген), инспектордың ұсынысы емес. "
        "Нұсқамалар — нұсқама шаралары бар әр тексеруге біреу; барлық тармағы орындалса — "
        "орындалған; орындалмаған тармақтың мерзімі бүгінге өтсе — мерзімі өткен. Тәртіптік "
        "жауапкершілікке тартылғандар — жұмыс берушілердің жауаптары бойынша. Балалар — "
        "тексерудің әр баласы жиынтықта бір рет және әр санатта бір рет. Деректер алдын ала: "
        "кезеңдерді жабу әзірге жоқ."
    ),
}


@dataclass(frozen=True)
class Query:
    start: dt.date
    end: dt.date
    region: str | None = None
    kind: str | None = None
    basis: Basis = "approved"


@dataclass
class Summary:
    organisations_inspected: int = 0
    regions: int = 0
    inspections: dict[str, int] = field(default_factory=dict)
    protocols: int = 0
    fines_imposed_tenge: int = 0
    fines_paid_tenge: int = 0
    orders: dict[str, int] = field(default_factory=dict)
    recommendations: int = 0
    referrals: int = 0
    officials_disciplined: int = 0
    children_restored: dict[str, Any] = field(default_factory=dict)
    provisional: bool = True  # no period lock exists yet: every period is provisional

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def summary(session: Session, principal: Principal, query: Query, today: dt.date) -> Summary:
    """The figures of the inspections `principal` may see that `query` selects."""
    dialect = session.get_bind().dialect.name
    scope = _scope(principal, query).cte("scope")
    found = Summary()
    _count_inspections(session, scope, found)
    _count_measures(session, dialect, scope, found)
    _count_outcomes(session, scope, found)
    found.orders = _orders(session, dialect, scope, today)
    found.children_restored = _children(session, dialect, scope)
    return found


def _header(name: str):
    return InspectionRow.payload[("header", name)].as_string()


def _scope(principal: Principal, query: Query) -> sa.Select:
    placed = sa.func.coalesce(_header("appointment_date"), _header("period_start"))
    select = (
        sa.select(
            InspectionRow.id.label("id"),
            InspectionRow.facility_id.label("facility_id"),
            InspectionRow.region.label("region"),
            _header("type").label("type"),
            _header("mode").label("mode"),
        )
        .join(FacilityRow, FacilityRow.id == InspectionRow.facility_id)
        .where(
            InspectionRow.status == "finalised",
            placed >= query.start.isoformat(),
            placed <= query.end.isoformat(),
        )
    )
    if query.basis == "approved":
        select = select.where(InspectionRow.review_state == "approved")
    if not principal.is_admin:
        select = select.where(InspectionRow.region.in_(sorted(principal.regions)))
    if query.region:
        select = select.where(InspectionRow.region == query.region)
    if query.kind:
        select = select.where(FacilityRow.kind == query.kind)
    return select


def _count_if(condition) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _count_inspections(session: Session, scope, found: Summary) -> None:
    c = scope.c
    row = session.execute(
        sa.select(
            sa.func.count(sa.distinct(c.facility_id)),
            sa.func.count(sa.distinct(c.region)),
            sa.func.count(),
            _count_if(c.mode == "on_site"),
            _count_if(c.mode == "desk"),
            _count_if(c.type == "scheduled"),
            _count_if(c.type == "unscheduled"),
            _count_if(c.type == "surprise"),
        ).select_from(scope)
    ).one()
    found.organisations_inspected, found.regions = int(row[0]), int(row[1])
    names = ("total", "on_site", "desk", "scheduled", "unscheduled", "surprise")
    found.inspections = {n: int(v) for n, v in zip(names, row[2:], strict=True)}


def _elements(dialect: str, document, path: str):
    """The elements of a JSON array inside `document` as a lateral table with a `value`."""
    if dialect == "postgresql":
        keys = path.removeprefix("$.").split(".")
        return (
            sa.func.jsonb_array_elements(
                sa.func.coalesce(sa.func.jsonb_extract_path(document, *keys), sa.text("'[]'::jsonb"))
            )
            .table_valued("value")
            .lateral()
        )
    return sa.func.json_each(document, path).table_valued("value")


def _text(dialect: str, value, key: str):
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path_text(value, key)
    return sa.func.json_extract(value, f"$.{key}")


def _scalar_text(dialect: str, value):
    """A JSON string element as text."""
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path_text(value, sa.text("VARIADIC ARRAY[]::text[]"))
    return value


def _measures(dialect: str, scope):
    """(inspection id, measure JSON, measure kind) of every measure of the records in scope."""
    elements = _elements(dialect, InspectionRow.payload, "$.measures")
    return (
        sa.select(
            InspectionRow.id.label("id"),
            elements.c.value.label("value"),
            _text(dialect, elements.c.value, "kind").label("kind"),
            _text(dialect, elements.c.value, "id").label("measure_id"),
        )
        .select_from(InspectionRow)
        .join(scope, scope.c.id == InspectionRow.id)
        .join(elements, sa.true())
    )


def _count_measures(session: Session, dialect: str, scope, found: Summary) -> None:
    measures = _measures(dialect, scope).subquery()
    counts: dict[str, int] = dict(
        session.execute(sa.select(measures.c.kind, sa.func.count()).group_by(measures.c.kind)).all()
    )
    found.protocols = int(counts.get("protocol", 0))
    found.recommendations = int(counts.get("recommendation", 0))
    found.referrals = int(counts.get("transfer", 0))


def _count_outcomes(session: Session, scope, found: Summary) -> None:
    o = MeasureOutcomeRow
    fine = o.data["sanction"].as_string() == "fine"
    tenge = sa.func.coalesce(o.data["fine_tenge"].as_integer(), 0)
    row = session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(sa.case((sa.and_(o.kind == "protocol", fine), tenge), else_=0)), 0),
            sa.func.coalesce(
                sa.func.sum(
                    sa.case(
                        (sa.and_(o.kind == "protocol", fine, o.data["paid"].as_string() == "yes"), tenge),
                        else_=0,
                    )
                ),
                0,
            ),
            _count_if(sa.and_(o.kind == "disciplinary", o.data["disciplined"].as_string() == "yes")),
        )
        .select_from(o)
        .join(scope, scope.c.id == o.inspection_id)
    ).one()
    found.fines_imposed_tenge, found.fines_paid_tenge, found.officials_disciplined = (int(v) for v in row)


def _orders(session: Session, dialect: str, scope, today: dt.date) -> dict[str, int]:
    """Orders issued, executed (every item) and overdue (an item pending past its deadline)."""
    every = _measures(dialect, scope).subquery()
    measures = sa.select(every).where(every.c.kind == "order").subquery()
    findings = _elements(dialect, measures.c.value, "$.finding_ids")
    finding_id = _scalar_text(dialect, findings.c.value)
    if dialect == "postgresql":
        deadline = sa.func.jsonb_extract_path_text(measures.c.value, "deadlines", finding_id)
    else:
        deadline = sa.func.json_extract(measures.c.value, sa.literal('$.deadlines."') + finding_id + '"')
    state = sa.func.coalesce(OrderItemRow.state, "open")
    items = (
        sa.select(
            measures.c.id.label("id"),
            _count_if(state != "executed").label("unexecuted"),
            _count_if(sa.and_(state.in_(PENDING), deadline < today.isoformat())).label("overdue"),
        )
        .select_from(measures)
        .join(findings, sa.true())
        .outerjoin(
            OrderItemRow,
            sa.and_(
                OrderItemRow.inspection_id == measures.c.id,
                OrderItemRow.measure_id == measures.c.measure_id,
                OrderItemRow.finding_id == finding_id,
            ),
        )
        .group_by(measures.c.id)
        .subquery()
    )
    row = session.execute(
        sa.select(
            sa.func.count(), _count_if(items.c.unexecuted == 0), _count_if(items.c.overdue > 0)
        ).select_from(items)
    ).one()
    return {"issued": int(row[0]), "executed": int(row[1]), "overdue": int(row[2])}


def _children(session: Session, dialect: str, scope) -> dict[str, Any]:
    """Each child of a record once in the total and once per category restored."""
    children = _elements(dialect, InspectionRow.payload, "$.restored_children")
    listed = (
        sa.select(
            InspectionRow.id.label("id"),
            _text(dialect, children.c.value, "id").label("child"),
            children.c.value.label("value"),
        )
        .select_from(InspectionRow)
        .join(scope, scope.c.id == InspectionRow.id)
        .join(children, sa.true())
        .subquery()
    )
    total = session.scalar(
        sa.select(sa.func.count()).select_from(sa.select(listed.c.id, listed.c.child).distinct().subquery())
    )
    categories = _elements(dialect, listed.c.value, "$.categories")
    category = _scalar_text(dialect, categories.c.value).label("category")
    pairs = (
        sa.select(listed.c.id, listed.c.child, category)
        .select_from(listed)
        .join(categories, sa.true())
        .distinct()
        .subquery()
    )
    counts: dict[str, int] = dict(
        session.execute(sa.select(pairs.c.category, sa.func.count()).group_by(pairs.c.category)).all()
    )
    by_category = {c.value: int(counts.get(c.value, 0)) for c in RightsCategory}
    return {"total": int(total or 0), "by_category": by_category}
