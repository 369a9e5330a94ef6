"""A resubmission's changes for the console: the revision under review compared with the
one a supervisor last returned, as rows of labelled old and new values in the reader's
language (the comparison itself is services/revision_diff.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.forms import Form
from sync.server.console.i18n import N_
from sync.server.persistence.models import InspectionRow, ReviewRow
from sync.server.services.rendering import record_form
from sync.server.services.revision_diff import EntryDiff, RecordDiff, record_diff

VERDICTS = {"complies": N_("Complies"), "violated": N_("Violated"), "not_applicable": N_("Does not apply")}
DEGREES = {"gross": N_("Gross"), "significant": N_("Significant"), "minor": N_("Minor")}
MEASURES = {
    "protocol": N_("Administrative offence protocol"),
    "order": N_("Order"),
    "recommendation": N_("Recommendation"),
    "disciplinary": N_("Disciplinary referral"),
    "transfer": N_("Referral to the competent body"),
}
# the fields' names, by the first part of their path
FIELDS = {
    "verdict": N_("Answer"),
    "value": N_("Answer"),
    "note": N_("Note"),
    "item_id": N_("Requirement"),
    "degree": N_("Degree"),
    "description": N_("Description"),
    "no_measure_reason": N_("Why no measure"),
    "kind": N_("Kind"),
    "finding_ids": N_("Findings"),
    "article": N_("Article"),
    "part": N_("Part"),
    "item": N_("Sub-item"),
    "offender": N_("Offender"),
    "fine_mrp": N_("Fine proposed, MRP"),
    "fine_tenge": N_("Fine, tenge"),
    "offence_date": N_("Date of the offence"),
    "offence_place": N_("Place of the offence"),
    "offence_time": N_("Time of the offence"),
    "substance": N_("Substance"),
    "explanation": N_("Explanation"),
    "witnesses": N_("Witnesses"),
    "victims": N_("Victims"),
    "deadlines": N_("Deadlines"),
    "required_action": N_("Required action"),
    "actions": N_("Required action"),
    "text": N_("Text"),
    "official": N_("Official"),
    "employer": N_("Employer"),
    "addressee": N_("Addressee"),
    "addressee_body": N_("Addressee"),
    "erap_number": N_("ERAP number"),
    "filename": N_("File"),
    "reference": N_("Child (reference)"),
    "categories": N_("Rights restored"),
    "finding_id": N_("Finding"),
    "measure_id": N_("Measure"),
}


@dataclass
class FieldRow:
    name: str
    old: str | None
    new: str | None


@dataclass
class DiffRow:
    """One changed entry as shown: its label, added / removed / changed, its fields."""

    key: str
    label: str
    status: str
    fields: list[FieldRow] = field(default_factory=list)


@dataclass
class DiffView:
    """`state`: "none" (never returned), "unkept" (returned before reviews kept the
    record), "same" (nothing changed) or "changed"."""

    state: str
    old_revision: int = 0
    new_revision: int = 0
    parts: dict[str, list[DiffRow]] = field(default_factory=dict)


def returned_review(session: Session, row: InspectionRow) -> ReviewRow | None:
    """The last return of an earlier revision of the record."""
    return session.scalar(
        sa.select(ReviewRow)
        .where(
            ReviewRow.inspection_id == row.id,
            ReviewRow.decision == "returned",
            ReviewRow.revision < row.revision,
        )
        .order_by(ReviewRow.id.desc())
        .limit(1)
    )


def diff_view(session: Session, row: InspectionRow, page) -> DiffView:
    review = returned_review(session, row)
    if review is None:
        return DiffView("none")
    if not review.payload:
        return DiffView("unkept", review.revision, row.revision)
    diff = record_diff(review.payload, row.payload)
    if diff.empty:
        return DiffView("same", diff.old_revision, diff.new_revision)
    header = row.payload.get("header") or {}
    try:
        form = record_form(session, header.get("form_id", ""), int(header.get("form_version") or 0))
    except LookupError:
        form = None
    labels = Labels(form, page.lang, page.gettext, review.payload, row.payload)
    return DiffView(
        "changed",
        diff.old_revision,
        diff.new_revision,
        {part: [labels.row(part, e) for e in _in_order(diff, part, form)] for part in diff.parts},
    )


def _in_order(diff: RecordDiff, part: str, form: Form | None) -> list[EntryDiff]:
    """Answers in the checklist's order; anything else as the record lists it."""
    entries = diff[part]
    if part != "answers" or form is None:
        return entries
    order = {item.id: n for n, item in enumerate(i for s in form.sections for i in s.items)}
    return sorted(entries, key=lambda e: order.get(e.key, len(order)))


class Labels:
    """Names and values of a record's entries in the reader's language."""

    def __init__(self, form: Form | None, lang: str, gettext, old: dict, new: dict) -> None:
        self.form, self.lang, self._ = form, lang, gettext
        self.findings = {f.get("id"): f for f in (old.get("findings") or []) + (new.get("findings") or [])}
        self.measures = {m.get("id"): m for m in (old.get("measures") or []) + (new.get("measures") or [])}

    def item(self, item_id: str | None) -> str:
        if not item_id:
            return "—"
        try:
            return self.form.item(item_id).text.get(self.lang) if self.form else item_id
        except KeyError:
            return item_id

    def row(self, part: str, entry: EntryDiff) -> DiffRow:
        return DiffRow(
            entry.key,
            self.entry_label(part, entry.entry),
            entry.status,
            [
                FieldRow(
                    self.field(c.path),
                    self.value(part, c.path, c.old, entry.entry),
                    self.value(part, c.path, c.new, entry.entry),
                )
                for c in entry.changes
            ],
        )

    def entry_label(self, part: str, entry: dict) -> str:
        if part in ("answers", "photos"):
            return self.item(entry.get("item_id"))
        if part == "findings":
            return self.item(entry.get("item_id"))
        if part == "measures":
            return self._(MEASURES.get(entry.get("kind", ""), entry.get("kind", "")))
        return entry.get("reference") or entry.get("id", "")

    def field(self, path: str) -> str:
        head, _, rest = path.partition(".")
        name = self._(FIELDS[head]) if head in FIELDS else head
        return f"{name} ({rest.replace('.', ' · ')})" if rest else name

    def value(self, part: str, path: str, value: Any, entry: dict) -> str | None:
        if value is None:
            return None
        if path == "verdict":
            return self._(VERDICTS.get(value, value))
        if path == "degree":
            return self._(DEGREES.get(value, value))
        if path == "kind" and part == "measures":
            return self._(MEASURES.get(value, value))
        if path == "item_id":
            return self.item(value)
        if path == "value" and part == "answers":
            return self._choice(entry.get("item_id"), value)
        if path in ("finding_ids", "finding_id"):
            ids = value if isinstance(value, list) else [value]
            return "; ".join(self.item((self.findings.get(i) or {}).get("item_id")) for i in ids)
        if path == "measure_id":
            return self._(MEASURES.get((self.measures.get(value) or {}).get("kind", ""), value))
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return str(value)

    def _choice(self, item_id: str | None, value: str) -> str:
        try:
            item = self.form.item(item_id) if self.form and item_id else None
        except KeyError:
            item = None
        labels = {c.value: c.label.get(self.lang) for c in item.choices} if item else {}
        return labels.get(value, value)
