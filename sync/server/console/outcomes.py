"""Outcomes of an inspection's measures that a supervisor records: the decision on each
protocol (the court or the body, date, number, sanction; a fine in MRP and in tenge at the
MRP of the year the case was initiated; paid or not), the employer's answer to a
disciplinary referral, the competent body's answer to a referral, and whether a
recommendation was accepted. Orders are followed item by item (orders.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.reference import BODIES
from sync.server.console.i18n import N_
from sync.server.persistence.models import ArticleRow, BodyRow, MeasureOutcomeRow, MrpRow
from sync.server.services.principal import Principal
from sync.server.services.security import utcnow

KINDS = ("protocol", "disciplinary", "transfer", "recommendation")
SANCTIONS = ("fine", "warning", "terminated")
DECIDED_BY = ("court", "committee")
# disciplinary measures of the Labour Code (art. 64): remark, reprimand, severe reprimand, dismissal
DISCIPLINE = ("remark", "reprimand", "severe_reprimand", "dismissal")
MAX_MRP = 10_000

REQUIRED = N_("Fill in this field.")
BAD_DATE = N_("Enter a date, not later than today.")
BAD_CHOICE = N_("Choose one of the offered values.")
BAD_MRP = N_("Enter a whole number of MRP from 1 to 10,000.")
NO_MRP = N_("The MRP of %(year)s is not in the reference data: ask the administrator to add it.")


@dataclass
class Checked:
    """The cleaned values of a form and its errors by field (message ids, params)."""

    data: dict = field(default_factory=dict)
    errors: dict[str, tuple[str, dict]] = field(default_factory=dict)

    def text(self, form, name: str, limit: int = 200, required: bool = True) -> str:
        value = str(form.get(name) or "").strip()[:limit]
        if required and not value:
            self.errors[name] = (REQUIRED, {})
        self.data[name] = value
        return value

    def choice(self, form, name: str, allowed: tuple[str, ...]) -> str:
        value = str(form.get(name) or "")
        if value not in allowed:
            self.errors[name] = (REQUIRED if not value else BAD_CHOICE, {})
        self.data[name] = value
        return value

    def date(self, form, name: str, today: dt.date) -> dt.date | None:
        raw = str(form.get(name) or "").strip()
        self.data[name] = raw[:10]
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            self.errors[name] = (REQUIRED if not raw else BAD_DATE, {})
            return None
        if value > today:
            self.errors[name] = (BAD_DATE, {})
            return None
        return value


def check(session: Session, kind: str, form, measure: dict, today: dt.date) -> Checked:
    """Validate the outcome form of a measure of this kind."""
    checked = Checked()
    {
        "protocol": _protocol,
        "disciplinary": _disciplinary,
        "transfer": _transfer,
        "recommendation": _recommendation,
    }[kind](session, checked, form, measure, today)
    return checked


def _protocol(session, checked: Checked, form, measure: dict, today: dt.date) -> None:
    checked.choice(form, "decided_by", deciders(session, decider_of(session, measure)))
    decided = checked.date(form, "decision_date", today)
    checked.text(form, "decision_number", 100)
    sanction = checked.choice(form, "sanction", SANCTIONS)
    if sanction != "fine":
        checked.data.update(fine_mrp=None, fine_tenge=None, paid="")
        return
    checked.choice(form, "paid", ("yes", "no"))
    raw = str(form.get("fine_mrp") or "").strip()
    checked.data["fine_mrp"] = raw[:10]
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_MRP:
        checked.errors["fine_mrp"] = (REQUIRED if not raw else BAD_MRP, {})
        return
    started = _date(measure.get("offence_date")) or decided
    if started is None:
        return
    mrp = session.get(MrpRow, started.year)
    if mrp is None:
        checked.errors["fine_mrp"] = (NO_MRP, {"year": started.year})
        return
    checked.data.update(fine_mrp=int(raw), mrp_year=started.year, fine_tenge=int(raw) * mrp.tenge)


def decider_of(session: Session, measure: dict) -> str:
    """Who decides a case under the protocol's article, as the reference data says ("" when
    the article is not there)."""
    found = session.scalars(
        sa.select(ArticleRow.decided_by)
        .where(ArticleRow.article == str(measure.get("article") or ""))
        .where(ArticleRow.part == str(measure.get("part") or ""))
        .order_by(ArticleRow.item, ArticleRow.code)
        .limit(1)
    ).first()
    return found or ""


def deciders(session: Session, body: str) -> tuple[str, ...]:
    """The court or bodies a decision may come from: the court, the Committee, and the body
    the article's reference data names when it is another one."""
    if not body or body in DECIDED_BY or (body not in BODIES and session.get(BodyRow, body) is None):
        return DECIDED_BY
    return (*DECIDED_BY, body)


def body_label(session: Session, code: str, lang: str) -> str:
    """A body's name as the reference data has it now (administrators edit it)."""
    row = session.get(BodyRow, code)
    if row is None:
        return body_name(code, lang)
    return {"kk": row.name_kk, "ru": row.name_ru}.get(lang) or row.name_en or row.name_ru


def _disciplinary(session, checked: Checked, form, measure: dict, today: dt.date) -> None:
    checked.date(form, "answer_date", today)
    if checked.choice(form, "disciplined", ("yes", "no")) == "yes":
        checked.choice(form, "discipline", DISCIPLINE)
    else:
        checked.data["discipline"] = ""
    checked.text(form, "answer_number", 100, required=False)


def _transfer(session, checked: Checked, form, measure: dict, today: dt.date) -> None:
    checked.date(form, "answer_date", today)
    checked.text(form, "answer_number", 100, required=False)
    checked.text(form, "answer", 4000)


def _recommendation(session, checked: Checked, form, measure: dict, today: dt.date) -> None:
    checked.date(form, "answer_date", today)
    checked.choice(form, "accepted", ("yes", "no"))


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def measures_of(payload: dict) -> list[dict]:
    """The record's measures whose outcome a supervisor records, in the record's order."""
    return [m for m in payload.get("measures", []) if m.get("kind") in KINDS]


def saved(session: Session, record_id: str) -> dict[str, MeasureOutcomeRow]:
    rows = session.scalars(sa.select(MeasureOutcomeRow).where(MeasureOutcomeRow.inspection_id == record_id))
    return {r.measure_id: r for r in rows}


def save(
    session: Session, principal: Principal, record_id: str, region: str, measure: dict, data: dict
) -> None:
    row = session.get(MeasureOutcomeRow, (record_id, measure["id"]))
    if row is None:
        row = MeasureOutcomeRow(inspection_id=record_id, measure_id=measure["id"], region=region)
        session.add(row)
    row.kind, row.data = measure["kind"], data
    row.updated_by, row.updated_at = principal.user_id, utcnow()


def body_name(code: str, lang: str) -> str:
    body = BODIES.get(code)
    if body is None:
        return code
    return body.get(lang)
