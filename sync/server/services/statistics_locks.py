"""Locked periods: an administrator locks a period (from–to) and the rows behind every figure,
for both bases and every region, are stored at that moment; from then on the figures of
exactly that period, their lists, breakdowns and charts are read from those rows and do not
move when records are approved or decisions recorded later. Other periods stay provisional."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.models import RightsCategory
from sync.server.persistence.models import InspectionRow, StatisticsLock, StatisticsLockRow, User
from sync.server.services import statistics as st
from sync.server.services import statistics_records as sr
from sync.server.services.principal import SYSTEM, Principal

ALL = "all regions"  # what the audit log says of a lock's scope


def find(session: Session, start: dt.date, end: dt.date) -> StatisticsLock | None:
    return session.scalars(
        sa.select(StatisticsLock).where(
            StatisticsLock.period_start == start, StatisticsLock.period_end == end
        )
    ).one_or_none()


def locks(session: Session) -> list[tuple[StatisticsLock, str]]:
    """Every locked period, latest first, with who locked it."""
    return [
        (lock, name or username)
        for lock, name, username in session.execute(
            sa.select(StatisticsLock, User.full_name, User.username)
            .join(User, User.id == StatisticsLock.locked_by)
            .order_by(StatisticsLock.period_start.desc(), StatisticsLock.period_end)
        ).all()
    ]


def lock(
    session: Session, principal: Principal, start: dt.date, end: dt.date, today: dt.date
) -> StatisticsLock:
    """Lock a period: store the rows of every figure for both bases and every region (computed
    as the whole country sees them); a period already locked stays as it was locked."""
    found = find(session, start, end)
    if found is not None:
        return found
    made = StatisticsLock(
        period_start=start, period_end=end, locked_by=principal.user_id, locked_at=dt.datetime.now(dt.UTC)
    )
    session.add(made)
    session.flush()
    target = ["lock_id", "basis", "figure", *sr.COLUMNS]
    query = st.Query(start=start, end=end, basis="finalised")
    rows = sr.live_many(session, SYSTEM, query, sr.BASE_FIGURES, today)  # the JSON read once
    every = sa.select(
        sa.literal(made.id), sa.literal("finalised"), rows.c.figure, *(rows.c[c] for c in sr.COLUMNS)
    )
    session.execute(sa.insert(StatisticsLockRow).from_select(target, every))
    # basis "approved" is the same scope narrowed to approved records, and every figure's rows
    # are each a record's own: its rows are the finalised rows of the approved records
    r = StatisticsLockRow
    approved = (
        sa.select(
            sa.literal(made.id), sa.literal("approved"), r.figure, *(r.__table__.c[c] for c in sr.COLUMNS)
        )
        .join(InspectionRow, InspectionRow.id == r.inspection_id)
        .where(r.lock_id == made.id, r.basis == "finalised", InspectionRow.review_state == "approved")
    )
    session.execute(sa.insert(StatisticsLockRow).from_select(target, approved))
    return made


def unlock(session: Session, start: dt.date, end: dt.date) -> bool:
    found = find(session, start, end)
    if found is None:
        return False
    session.execute(sa.delete(StatisticsLockRow).where(StatisticsLockRow.lock_id == found.id))
    session.delete(found)
    return True


def stored(locked: StatisticsLock, principal: Principal, query: st.Query, figure: str) -> sa.Subquery:
    """The stored rows of a figure of a locked period that `principal` sees and `query` selects."""
    r = StatisticsLockRow
    chosen = sa.select(*(r.__table__.c[c] for c in sr.COLUMNS)).where(
        r.lock_id == locked.id, r.basis == query.basis, r.figure == figure
    )
    if not principal.is_admin:
        chosen = chosen.where(r.region.in_(sorted(principal.regions)))
    if query.region:
        chosen = chosen.where(r.region == query.region)
    if query.kind:
        chosen = chosen.where(r.kind == query.kind)
    return chosen.subquery(figure.replace("-", "_"))


def rows(
    session: Session, principal: Principal, query: st.Query, figure: str, today: dt.date
) -> tuple[sa.Subquery, StatisticsLock | None]:
    """The rows behind a base figure: stored if the period is locked, computed otherwise."""
    locked = find(session, query.start, query.end)
    if locked is not None:
        return stored(locked, principal, query, figure), locked
    return sr.live(session, principal, query, figure, today), None


def listing(
    session: Session,
    principal: Principal,
    query: st.Query,
    figure: str,
    today: dt.date,
    page: int = 1,
    lang: str = "kk",
) -> sr.Listing:
    base = "inspections" if figure in sr.GROUPED else figure
    return sr.listing(rows(session, principal, query, base, today)[0], figure, session, page, lang=lang)


def summary(session: Session, principal: Principal, query: st.Query, today: dt.date) -> st.Summary:
    """The figures: a locked period's from its stored rows (not provisional), others live."""
    locked = find(session, query.start, query.end)
    if locked is None:
        return st.summary(session, principal, query, today)
    return _locked_summary(session, locked, principal, query)


def _locked_summary(
    session: Session, locked: StatisticsLock, principal: Principal, query: st.Query
) -> st.Summary:
    counts: dict[str, int] = {}
    for figure in sr.BASE_FIGURES:
        chosen = stored(locked, principal, query, figure)
        measure = sa.func.sum(chosen.c.amount) if figure in sr.AMOUNTS else sa.func.count()
        counts[figure] = int(session.scalar(sa.select(measure).select_from(chosen)) or 0)
    inspections = stored(locked, principal, query, "inspections")
    organisations, regions = session.execute(
        sa.select(
            sa.func.count(sa.distinct(inspections.c.facility_id)),
            sa.func.count(sa.distinct(inspections.c.region)),
        )
    ).one()
    return st.Summary(
        organisations_inspected=int(organisations),
        regions=int(regions),
        inspections={n: counts["inspections" if n == "total" else n] for n in st.INSPECTIONS},
        protocols=counts["protocols"],
        fines_imposed_tenge=counts["fines_imposed"],
        fines_paid_tenge=counts["fines_paid"],
        orders={n: counts[f"orders_{n}"] for n in ("issued", "executed", "overdue")},
        recommendations=counts["recommendations"],
        referrals=counts["referrals"],
        officials_disciplined=counts["disciplined"],
        children_restored={
            "total": counts["children"],
            "by_category": {c.value: counts[f"children-{c.value}"] for c in RightsCategory},
        },
        provisional=False,
    )


def breakdown(
    session: Session, principal: Principal, query: st.Query, by: str, today: dt.date
) -> dict[str, st.Summary]:
    """`statistics.breakdown`, read from the stored rows when the period is locked."""
    locked = find(session, query.start, query.end)
    if locked is None:
        return st.breakdown(session, principal, query, by, today)
    if by == "region":
        regions = session.scalars(
            sa.select(InspectionRow.region).distinct().order_by(InspectionRow.region)
        ).all()
        keys = [r for r in regions if principal.sees_region(r) and query.region in (None, r)]
        return {r: _locked_summary(session, locked, principal, replace(query, region=r)) for r in keys}
    kinds = [k for k in st.FACILITY_KINDS if query.kind in (None, k)]
    return {k: _locked_summary(session, locked, principal, replace(query, kind=k)) for k in kinds}


def summary_and_breakdown(
    session: Session, principal: Principal, query: st.Query, by: str, today: dt.date
) -> tuple[st.Summary, dict[str, st.Summary]]:
    """`statistics.summary_and_breakdown` (one reading), or the stored rows of a locked period."""
    locked = find(session, query.start, query.end)
    if locked is None:
        return st.summary_and_breakdown(session, principal, query, by, today)
    return _locked_summary(session, locked, principal, query), breakdown(session, principal, query, by, today)


def by_month(session: Session, principal: Principal, query: st.Query, today: dt.date) -> dict[str, int]:
    """Inspections counted per month of the period (every month of it, zeros included)."""
    chosen = rows(session, principal, query, "inspections", today)[0]
    counted: dict[str, int] = dict(
        session.execute(sa.select(chosen.c.month, sa.func.count()).group_by(chosen.c.month)).tuples().all()
    )
    return {month: int(counted.get(month, 0)) for month in months(query.start, query.end)}


def months(start: dt.date, end: dt.date) -> list[str]:
    found, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def described(locked: StatisticsLock | None) -> dict[str, Any] | None:
    if locked is None:
        return None
    return {"locked_at": locked.locked_at.isoformat(), "locked_by": locked.locked_by}


def methodology(lang: str) -> str:
    return st.METHODOLOGY.get(lang, st.METHODOLOGY["en"])
