"""Documents by number: recorded when records arrive, looked up by the public /verify page.

A printed document carries a QR code with its number and the SHA-256 of its canonical
content. The server keeps, for the current revision of each record, the number, kind,
facility, date and content hash of each of its documents, and nothing else is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.protocol import InspectionRecord
from sync.server.persistence.models import DocumentRow, FacilityRow
from sync.server.services.security import aware

MAX_NUMBER = 200  # real numbers are ~20 characters (REGION-INSPECTOR-YEAR-KIND-SEQ)
KAZAKHSTAN = dt.timezone(dt.timedelta(hours=5), "UTC+5")  # one zone for the country since 2024


Verdict = Literal["genuine", "mismatch", "not_found", "unchecked"]


@dataclass(frozen=True)
class Verification:
    number: str
    found: bool
    kind: str | None = None
    organisation_kk: str | None = None
    organisation_ru: str | None = None
    date: dt.date | None = None
    matches: bool | None = None  # None when no hash was given or none is recorded

    @property
    def verdict(self) -> Verdict:
        if not self.found:
            return "not_found"
        if self.matches is None:
            return "unchecked"
        return "genuine" if self.matches else "mismatch"


def set_documents(session: Session, records: list[InspectionRecord]) -> None:
    """Replace the recorded documents of these records with those of their stored revision."""
    ids = [r.id for r in records]
    session.execute(sa.delete(DocumentRow).where(DocumentRow.inspection_id.in_(ids)))
    rows = [
        _row(record, document)
        for record in records
        for document in record.documents
        if 0 < len(document.number) <= MAX_NUMBER
    ]
    if rows:
        session.execute(
            sa.insert(DocumentRow.__table__),
            list({(r["inspection_id"], r["document_id"]): r for r in rows}.values()),
        )


def _row(record: InspectionRecord, document) -> dict:
    header = record.header
    return {
        "inspection_id": record.id,
        "document_id": document.id[:200],
        "number": document.number,
        "kind": document.kind[:200],
        "content_sha256": document.content_sha256,
        "facility_id": header.facility_id,
        "issued_at": _utc(document.created_at or header.finalised_at or header.created_at),
    }


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return aware(moment).astimezone(dt.UTC) if moment else None


def verify(session: Session, number: str, sha256: str | None) -> Verification:
    """What may be said publicly about a document number, and whether the hash matches."""
    rows = session.execute(
        sa.select(DocumentRow, FacilityRow.name_kk, FacilityRow.name_ru)
        .join(FacilityRow, FacilityRow.id == DocumentRow.facility_id, isouter=True)
        .where(DocumentRow.number == number[:MAX_NUMBER])
        .order_by(DocumentRow.issued_at, DocumentRow.inspection_id)
    ).all()
    if not rows or len(number) > MAX_NUMBER:
        return Verification(number=number, found=False)
    recorded = [row.content_sha256 for row, _, _ in rows if row.content_sha256]
    chosen = next((r for r in rows if sha256 and r[0].content_sha256 == sha256), rows[0])
    document, name_kk, name_ru = chosen
    matches = None if not sha256 or not recorded else sha256 in recorded
    issued = aware(document.issued_at).astimezone(KAZAKHSTAN).date() if document.issued_at else None
    return Verification(
        number=number,
        found=True,
        kind=document.kind,
        organisation_kk=name_kk,
        organisation_ru=name_ru,
        date=issued,
        matches=matches,
    )
