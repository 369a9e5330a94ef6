"""An inspection's page: its header, checklist answers by section in the reader's language,
findings, measures, photos, documents with both hashes, reviews and the audit timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.domain.forms import Form, Item
from sync.server.api.records import audit_entries
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.models import AuditEntry, FacilityRow, InspectionRow, ReviewRow, User
from sync.server.services.records import AWAITING_REVIEW, pushed_by, stored_record
from sync.server.services.rendering import ServerDocument, record_form, render_record_documents


@dataclass
class ItemView:
    id: str
    label: str
    legal_basis: str
    verdict: str | None
    value: str | None
    note: str
    photos: list = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # reviewers' comments on this item


@dataclass
class SectionView:
    title: str
    items: list[ItemView]


@dataclass
class InspectionView:
    row: InspectionRow
    record: object
    facility: FacilityRow
    owner: User
    form_title: str
    sections: list[SectionView]
    findings: list[tuple[object, str]]  # (finding, item label)
    measures: list
    photos: list
    documents: list[ServerDocument]
    reviews: list[tuple[ReviewRow, str]]
    audit: list
    may_decide: bool
    own_record: bool
    problem: str
    done: str
    lang: str


def _label(form: Form | None, item_id: str, lang: str) -> str:
    try:
        return form.item(item_id).text.get(lang) if form else item_id
    except KeyError:
        return item_id


def inspection_view(session: Session, blobs: BlobStore, row: InspectionRow, page) -> InspectionView:
    lang = page.lang
    record = stored_record(row)
    try:
        form = record_form(session, record.header.form_id, record.header.form_version)
    except LookupError:
        form = None
    reviews = _reviews(session, row.id)
    comments: dict[str, list[str]] = {}
    for review, _ in reviews:
        for c in review.item_comments or []:
            comments.setdefault(c["item_id"], []).append(c["comment"])
    own = pushed_by(session, row.id, page.signed.principal.user_id)
    facility, owner = session.get(FacilityRow, row.facility_id), session.get(User, row.owner_id)
    assert facility is not None and owner is not None  # the row's foreign keys
    return InspectionView(
        row=row,
        record=record,
        facility=facility,
        owner=owner,
        form_title=form.title.get(lang) if form else f"{record.header.form_id} v{record.header.form_version}",
        sections=_sections(form, record, lang, comments),
        findings=[(f, _label(form, f.item_id, lang)) for f in record.findings],
        measures=list(record.measures),
        photos=list(record.photos),
        documents=render_record_documents(session, blobs, row, lang, pdf=False),
        reviews=reviews,
        audit=audit_entries(
            session, sa.select(AuditEntry).where(AuditEntry.entity_id == row.id).order_by(AuditEntry.id)
        ),
        may_decide=row.status == "finalised" and row.review_state in AWAITING_REVIEW and not own,
        own_record=own,
        problem=page.request.query_params.get("problem", "")[:40],
        done=page.request.query_params.get("done", "")[:40],
        lang=lang,
    )


def _sections(form: Form | None, record, lang: str, comments: dict[str, list[str]]) -> list[SectionView]:
    answers = {a.item_id: a for a in record.answers}
    photos: dict[str, list] = {}
    for p in record.photos:
        photos.setdefault(p.item_id, []).append(p)
    if form is None:
        items = [_item(None, a.item_id, a, photos, comments, lang) for a in answers.values()]
        return [SectionView("", items)]
    return [
        SectionView(
            section.title.get(lang),
            [
                _item(i, i.id, answers.get(i.id), photos, comments, lang)
                for i in section.items
                if i.id in answers
            ],
        )
        for section in form.sections
        if any(i.id in answers for i in section.items)
    ]


def _shown_value(item: Item | None, value: str | None, lang: str) -> str | None:
    """A choice by its label, a date as dd.mm.yyyy, anything else as given."""
    if item is None or value is None:
        return value
    labels = {c.value: c.label.get(lang) for c in item.choices}
    if value in labels:
        return labels[value]
    if item.kind.value == "date":
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return value


def _item(item: Item | None, item_id: str, answer, photos, comments, lang: str) -> ItemView:
    return ItemView(
        id=item_id,
        label=item.text.get(lang) if item else item_id,
        legal_basis=item.legal_basis.get(lang) if item else "",
        verdict=answer.verdict.value if answer and answer.verdict else None,
        value=_shown_value(item, answer.value if answer else None, lang),
        note=answer.note if answer else "",
        photos=photos.get(item_id, []),
        comments=comments.get(item_id, []),
    )


def _reviews(session: Session, record_id: str) -> list[tuple[ReviewRow, str]]:
    rows = session.execute(
        sa.select(ReviewRow, User.full_name, User.username)
        .join(User, User.id == ReviewRow.reviewer_id)
        .where(ReviewRow.inspection_id == record_id)
        .order_by(ReviewRow.id)
    ).all()
    return [(review, full_name or username) for review, full_name, username in rows]
