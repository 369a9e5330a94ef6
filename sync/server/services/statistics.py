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
from sync.server.persistence.models import InspectionRow, MeasureOutcomeRow, OrderItemRow
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
        "figures are provisional until an administrator locks the period: the figures of a "
        "locked period (exactly its from–to) are those stored when it was locked, with the "
        "records behind them, and do not change when records are approved or decisions are "
        "recorded later; unlocking (recorded in the audit log) makes them provisional again."
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
        "предварительные, пока администратор не закроет период: для закрытого периода (ровно его "
        "«с»–«по») выдаются данные, сохранённые при закрытии, вместе со списками записей, и они "
        "не меняются при последующих утверждениях и внесённых решениях; открытие периода "
        "(фиксируется в журнале аудита) снова делает их предварительными."
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
        "тексерудің әр баласы жиынтықта бір рет және әр санатта бір рет. Әкімші кезеңді "
        "жапқанға дейін деректер алдын ала болып табылады: жабылған кезеңнің (дәл оның басы мен "
        "соңы) деректері — жабу сәтінде сақталған деректер мен олардың артындағы жазбалар, олар "
        "кейінгі бекітулер мен енгізілген шешімдерден өзгермейді; кезеңді ашу (аудит журналына "
        "жазылады) оларды қайтадан алдын ала етеді."
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
    provisional: bool = True  # false for the figures of a locked period (statistics_locks)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def summary(session: Session, principal: Principal, query: Query, today: dt.date) -> Summary:
    """The figures of the inspections `principal` may see that `query` selects: one statement,
    which finds the period's records by indexed columns and reads only their stored JSON, once."""
    return _summary_of(_figures(session, principal, query, today).get("", {}))


TOTAL = "*"  # the group of every record in scope, beside those by region or kind


def _figures(
    session: Session, principal: Principal, query: Query, today: dt.date, by: str | None = None
) -> dict[str, dict[str, int]]:
    """Each figure by `by` (the records' region or facility kind, and all of them as TOTAL;
    one group "" without it), in one statement that reads the records once: a group without
    records has none (every figure 0)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":  # the JSON expansions' hash tables stay in memory (a year: MBs)
        session.execute(sa.text("SET LOCAL work_mem = '64MB'"))
    scope = _materialised(_scope(dialect, principal, query, by), "scope")
    content = _materialised(_content(dialect, scope), "content")
    measures = _materialised(_measures(dialect, content), "measures")
    figures: dict[str, Any] = {}
    parts = [
        *_inspection_columns(scope, figures),
        *_measure_columns(measures, figures),
        *_outcome_columns(scope, figures),
        *_order_columns(dialect, scope, measures, today, figures),
        *_children_columns(dialect, content, figures),
    ]
    if by:
        parts += [
            part.with_only_columns(sa.literal(TOTAL).label("key"), *part.selected_columns[1:]).group_by(None)
            for part in parts
        ]
    found: dict[str, dict[str, int]] = {}
    for key, label, value in session.execute(sa.union_all(*parts)):
        found.setdefault(key or "", {})[label] = int(value or 0)
    return found


def _summary_of(found: dict[str, int]) -> Summary:
    values = {label: found.get(label, 0) for label in _LABELS}
    return Summary(
        organisations_inspected=values["organisations"],
        regions=values["regions"],
        inspections={n: values[n] for n in INSPECTIONS},
        protocols=values["protocol"],
        fines_imposed_tenge=values["fines_imposed"],
        fines_paid_tenge=values["fines_paid"],
        orders={n: values[f"orders_{n}"] for n in ("issued", "executed", "overdue")},
        recommendations=values["recommendation"],
        referrals=values["transfer"],
        officials_disciplined=values["disciplined"],
        children_restored={
            "total": values["children"],
            "by_category": {c.value: values[f"category_{c.value}"] for c in RightsCategory},
        },
    )


INSPECTIONS = ("total", "on_site", "desk", "scheduled", "unscheduled", "surprise")
_LABELS = (
    "organisations",
    "regions",
    *INSPECTIONS,
    "protocol",
    "recommendation",
    "transfer",
    "fines_imposed",
    "fines_paid",
    "disciplined",
    "orders_issued",
    "orders_executed",
    "orders_overdue",
    "children",
    *(f"category_{c.value}" for c in RightsCategory),
)


def _materialised(select: sa.Select, name: str) -> sa.CTE:
    """A CTE computed once for the whole statement (SQLite 3.35+, PostgreSQL 12+)."""
    return select.cte(name).prefix_with("MATERIALIZED")


def _scalar(figures: dict, label: str, select: sa.Select, source) -> sa.Select:
    """(key, label, value) of an aggregate over `source`, a CTE or subquery with a `key`: a
    row for each key."""
    figures[label] = None
    key = source.c.key
    value = sa.cast(select.selected_columns[0], sa.BigInteger)
    return select.with_only_columns(key, sa.literal(label).label("label"), value.label("value")).group_by(key)


def _count_if(condition) -> sa.ColumnElement[int]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _scope(dialect: str, principal: Principal, query: Query, by: str | None = None) -> sa.Select:
    """The records counted: id, facility, region, type and mode, selected by the columns
    copied from their headers (indexed: no record's JSON is read to choose the period's), and
    the `key` they are grouped by."""
    r = InspectionRow
    key = {"region": r.region, "kind": r.facility_kind}.get(by or "", sa.literal(""))
    scope = sa.select(
        key.label("key"),
        r.id.label("id"),
        r.facility_id.label("facility_id"),
        r.region.label("region"),
        r.inspection_type.label("type"),
        r.inspection_mode.label("mode"),
        r.counted.label("counted"),
    ).where(r.status == "finalised", r.placed_on >= query.start, r.placed_on <= query.end)
    if query.basis == "approved":
        scope = scope.where(r.review_state == "approved")
    if not principal.is_admin:
        scope = scope.where(r.region.in_(sorted(principal.regions)))
    if query.region:
        scope = scope.where(r.region == query.region)
    if query.kind:
        scope = scope.where(r.facility_kind == query.kind)
    return scope


MEASURE_KEYS = ("id", "kind", "finding_ids", "deadlines")
CHILD_KEYS = ("id", "categories")


def counted_facts(data: dict) -> dict:
    """What the figures read of a record's measures and restored children, stored beside it
    (`InspectionRow.counted`) so that a period's statistics do not read whole records."""

    def slim(values, keys: tuple[str, ...]) -> list:
        listed = values if isinstance(values, list) else []
        return [{k: v[k] for k in keys if v.get(k) is not None} for v in listed if isinstance(v, dict)]

    return {
        "measures": slim(data.get("measures"), MEASURE_KEYS),
        "restored_children": slim(data.get("restored_children"), CHILD_KEYS),
    }


def _content(dialect: str, scope) -> sa.Select:
    """The measures and restored children of the records in scope (their `counted` facts)."""
    if dialect == "postgresql":
        parts = [
            scope.c.counted["measures"].label("measures"),
            scope.c.counted["restored_children"].label("children"),
        ]
    else:
        both = sa.func.json_extract(scope.c.counted, "$.measures", "$.restored_children")
        parts = [both.label("parts")]
    return sa.select(scope.c.key, scope.c.id, *parts)


def _content_part(dialect: str, content, n: int):
    """The measures (0) or the restored children (1) of a content row, as JSON."""
    if dialect == "postgresql":
        return (content.c.measures, content.c.children)[n]
    return sa.func.json_extract(content.c.parts, f"$[{n}]")


def _inspection_columns(scope, figures: dict) -> list:
    c = scope.c
    counted = {
        "organisations": sa.func.count(sa.distinct(c.facility_id)),
        "regions": sa.func.count(sa.distinct(c.region)),
        "total": sa.func.count(),
        "on_site": _count_if(c.mode == "on_site"),
        "desk": _count_if(c.mode == "desk"),
        "scheduled": _count_if(c.type == "scheduled"),
        "unscheduled": _count_if(c.type == "unscheduled"),
        "surprise": _count_if(c.type == "surprise"),
    }
    return [_scalar(figures, n, sa.select(e).select_from(scope), scope) for n, e in counted.items()]


def _elements(dialect: str, array):
    """The elements of a JSON array as a lateral table with a `value`."""
    if dialect == "postgresql":
        return (
            sa.func.jsonb_array_elements(sa.func.coalesce(array, sa.text("'[]'::jsonb")))
            .table_valued("value")
            .lateral()
        )
    return sa.func.json_each(array).table_valued("value")


def _text(dialect: str, value, key: str):
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path_text(value, key)
    return sa.func.json_extract(value, f"$.{key}")


def _scalar_text(dialect: str, value):
    """A JSON string element as text."""
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path_text(value, sa.text("VARIADIC ARRAY[]::text[]"))
    return value


def _measures(dialect: str, content) -> sa.Select:
    """(record id, measure id, kind, measure JSON) of every measure of the records in scope."""
    elements = _elements(dialect, _content_part(dialect, content, 0))
    return (
        sa.select(
            content.c.key.label("key"),
            content.c.id.label("id"),
            _text(dialect, elements.c.value, "id").label("measure_id"),
            _text(dialect, elements.c.value, "kind").label("kind"),
            elements.c.value.label("value"),
        )
        .select_from(content)
        .join(elements, sa.true())
    )


def _measure_columns(measures, figures: dict) -> list:
    return [
        _scalar(figures, kind, sa.select(_count_if(measures.c.kind == kind)).select_from(measures), measures)
        for kind in ("protocol", "recommendation", "transfer")
    ]


def _outcome_columns(scope, figures: dict) -> list:
    """Fines and officials disciplined, from the outcomes of the records in scope (read once)."""
    outcome = MeasureOutcomeRow
    outcomes = _materialised(
        sa.select(scope.c.key, outcome.kind, outcome.data).join(scope, scope.c.id == outcome.inspection_id),
        "outcomes",
    )
    o, decided = outcomes.c, sa.select().select_from(outcomes)
    fine = sa.and_(o.kind == "protocol", o.data["sanction"].as_string() == "fine")
    tenge = sa.func.coalesce(o.data["fine_tenge"].as_integer(), 0)
    paid = sa.and_(fine, o.data["paid"].as_string() == "yes")
    disciplined = sa.and_(o.kind == "disciplinary", o.data["disciplined"].as_string() == "yes")
    return [
        _scalar(
            figures,
            "fines_imposed",
            decided.add_columns(sa.func.sum(sa.case((fine, tenge), else_=0))),
            outcomes,
        ),
        _scalar(
            figures, "fines_paid", decided.add_columns(sa.func.sum(sa.case((paid, tenge), else_=0))), outcomes
        ),
        _scalar(figures, "disciplined", decided.add_columns(_count_if(disciplined)), outcomes),
    ]


def _order_columns(dialect: str, scope, measures, today: dt.date, figures: dict) -> list:
    """Orders issued, executed (every item) and overdue (an item pending past its deadline)."""
    item = OrderItemRow
    listed = _materialised(  # the items of the records in scope only (by primary key)
        sa.select(item.inspection_id, item.measure_id, item.finding_id, item.state).where(
            item.inspection_id.in_(sa.select(scope.c.id))
        ),
        "followed_items",
    )
    followed = listed.c
    orders = sa.select(measures).where(measures.c.kind == "order").subquery()
    findings = _elements(dialect, _part(dialect, orders.c.value, "finding_ids"))
    finding_id = _scalar_text(dialect, findings.c.value)
    if dialect == "postgresql":
        deadline = sa.func.jsonb_extract_path_text(orders.c.value, "deadlines", finding_id)
    else:
        deadline = sa.func.json_extract(orders.c.value, sa.literal('$.deadlines."') + finding_id + '"')
    state = sa.func.coalesce(followed.state, "open")
    items = _materialised(
        sa.select(
            orders.c.key.label("key"),
            orders.c.id.label("id"),
            _count_if(state != "executed").label("unexecuted"),
            _count_if(sa.and_(state.in_(PENDING), deadline < today.isoformat())).label("overdue"),
        )
        .select_from(orders)
        .join(findings, sa.true())
        .outerjoin(
            listed,
            sa.and_(
                followed.inspection_id == orders.c.id,
                followed.measure_id == orders.c.measure_id,
                followed.finding_id == finding_id,
            ),
        )
        .group_by(orders.c.key, orders.c.id),
        "order_items_counted",
    )
    counted = {
        "orders_issued": sa.func.count(),
        "orders_executed": _count_if(items.c.unexecuted == 0),
        "orders_overdue": _count_if(items.c.overdue > 0),
    }
    return [_scalar(figures, n, sa.select(e).select_from(items), items) for n, e in counted.items()]


def _part(dialect: str, value, key: str):
    """A JSON member of a JSON value, as JSON."""
    if dialect == "postgresql":
        return sa.func.jsonb_extract_path(value, key)
    return sa.func.json_extract(value, f"$.{key}")


def _children_columns(dialect: str, content, figures: dict) -> list:
    """Each child of a record once in the total and once per category restored."""
    children = _elements(dialect, _content_part(dialect, content, 1))
    listed = (
        sa.select(
            content.c.key.label("key"),
            content.c.id.label("id"),
            _text(dialect, children.c.value, "id").label("child"),
            children.c.value.label("value"),
        )
        .select_from(content)
        .join(children, sa.true())
        .subquery()
    )
    each_child = sa.select(listed.c.key, listed.c.id, listed.c.child).distinct().subquery()
    total = sa.select(sa.func.count()).select_from(each_child)
    categories = _elements(dialect, _part(dialect, listed.c.value, "categories"))
    category = _scalar_text(dialect, categories.c.value).label("category")
    pairs = _materialised(
        sa.select(listed.c.key, listed.c.id, listed.c.child, category)
        .select_from(listed)
        .join(categories, sa.true())
        .distinct(),
        "restored_pairs",
    )
    return [
        _scalar(figures, "children", total, each_child),
        *(
            _scalar(
                figures,
                f"category_{c.value}",
                sa.select(_count_if(pairs.c.category == c.value)).select_from(pairs),
                pairs,
            )
            for c in RightsCategory
        ),
    ]


BREAKDOWNS = ("region", "kind")
FACILITY_KINDS = ("school", "camp", "orphanage", "special_needs")


def breakdown(
    session: Session, principal: Principal, query: Query, by: str, today: dt.date
) -> dict[str, Summary]:
    """The summary of each region (of those the caller sees) or each kind of facility, within
    `query`, each computed like the whole: one statement grouped by the region or the kind."""
    return summary_and_breakdown(session, principal, query, by, today)[1]


def summary_and_breakdown(
    session: Session, principal: Principal, query: Query, by: str, today: dt.date
) -> tuple[Summary, dict[str, Summary]]:
    """`summary` and `breakdown` together, from one reading of the records."""
    if by == "region":
        regions = session.scalars(
            sa.select(InspectionRow.region).distinct().order_by(InspectionRow.region)
        ).all()
        keys = [r for r in regions if principal.sees_region(r) and query.region in (None, r)]
    else:
        keys = [k for k in FACILITY_KINDS if query.kind in (None, k)]
    found = _figures(session, principal, query, today, by)
    return _summary_of(found.get(TOTAL, {})), {k: _summary_of(found.get(k, {})) for k in keys}
