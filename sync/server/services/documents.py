"""Documents by number: recorded when records arrive, looked up by the public /verify page.

A printed document carries a QR code with its number and the SHA-256 of its canonical
content. A number is accepted only in a finalised record of its owner, of the owner's region
and inspector code, and is then bound to that record for ever. The server keeps, for the
current revision of each finalised record, the number, kind, facility, date and the content
hash it computes itself from the record (core documents/inputs.py); /verify compares the
printed hash with that one alone, and shows nothing of drafts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol
from inspector_app.core.documents.inputs import record_document_hash
from inspector_app.core.documents.numbering import parse_document_number
from inspector_app.core.domain.forms import Form
from inspector_app.core.forms.loader import FormError, form_from_content
from inspector_app.core.problems import Problem
from inspector_app.core.protocol import InspectionRecord
from sync.server.persistence.models import DocumentNumber, DocumentRow, FacilityRow, FormRow, InspectorCode
from sync.server.services.principal import Principal
from sync.server.services.security import aware, utcnow

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


class NumberCheck:
    """Whether the document numbers of a finalised record may be its own: of the pushing
    inspector's region and inspector code, of a year that has begun, and bound to no other
    record. The first use binds a number to its record, and an inspector code of a region to
    its user (unless an administrator bound it first).

    Bindings are claimed as they are checked, by inserts that skip a key already there: of
    two pushes of one number at the same moment, PostgreSQL makes the second wait for the
    first and then sees its binding, so the second is refused (42206) rather than failing on
    the unique key. A refused record's claims are taken back at once."""

    def __init__(self, session: Session, principal: Principal) -> None:
        self.session = session
        self.principal = principal
        self._numbers: dict[str, str] = {}  # number -> record id, bound in this batch
        self._codes: dict[tuple[str, str], int] = {}

    def check(self, record: InspectionRecord, region: str) -> None:
        """Check the record's numbers and bind them to it (region: of its facility)."""
        documents = numbered(record)
        for document in documents:
            self._check_one(record, document)
        codes = {_code_of(d.number): d.number for d in documents if _code_of(d.number) not in self._codes}
        numbers = sorted({d.number for d in documents} - set(self._numbers))
        claimed_codes = self._claim_codes(codes)
        try:
            self._claim_numbers(record, region, numbers)
        except Problem:
            self._release(InspectorCode, claimed_codes)
            raise

    def _claim_codes(self, codes: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
        """Bind the codes (with a number printed with each) no one holds yet to this user;
        refuse a code another user took meanwhile."""
        if not codes:
            return []
        rows = [{"region": r, "code": c, "user_id": self.principal.user_id} for r, c in sorted(codes)]
        claimed = [
            tuple(k) for k in self._insert_new(InspectorCode, rows, InspectorCode.region, InspectorCode.code)
        ]
        for key, number in codes.items():
            if self._code_owner(*key) != self.principal.user_id:
                self._release(InspectorCode, claimed)
                self._foreign(number, "inspector_code")
        return claimed

    def _claim_numbers(self, record: InspectionRecord, region: str, numbers: list[str]) -> None:
        """Bind the numbers bound to no record yet to this one; refuse a number another
        record took meanwhile."""
        if not numbers:
            return
        now = utcnow()
        rows = [
            {
                "number": n,
                "inspection_id": record.id,
                "owner_id": self.principal.user_id,
                "region": region,
                "bound_at": now,
            }
            for n in numbers
        ]
        claimed = [k[0] for k in self._insert_new(DocumentNumber, rows, DocumentNumber.number)]
        for number in numbers:
            if number not in claimed and self._bound_to(number) != record.id:
                self._release(DocumentNumber, [(n,) for n in claimed])
                raise Problem(problems.DOCUMENT_NUMBER_TAKEN, details={"number": number})
            self._numbers[number] = record.id

    def _insert_new(self, model, rows: list[dict], *key) -> list[tuple]:
        """Insert the rows whose key is not taken (sorted: concurrent batches lock alike);
        the keys inserted."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(model.__table__).values(rows).on_conflict_do_nothing().returning(*key)
        return [tuple(r) for r in self.session.execute(statement)]

    def _release(self, model, keys: list[tuple]) -> None:
        """Take back the claims of a refused record."""
        columns = list(model.__table__.primary_key.columns)
        for key in keys:
            self.session.execute(sa.delete(model).where(*(c == v for c, v in zip(columns, key, strict=True))))
            if model is DocumentNumber:
                self._numbers.pop(key[0], None)
            else:
                self._codes.pop(key, None)

    def _check_one(self, record: InspectionRecord, document: protocol.DocumentMeta) -> None:
        number = document.number
        try:
            parsed = parse_document_number(number)
        except ValueError:
            self._foreign(number, "malformed")
        if parsed.kind.value != document.kind:
            self._foreign(number, "kind")
        if not self.principal.sees_region(parsed.region):
            self._foreign(number, "region")
        if parsed.year > dt.datetime.now(KAZAKHSTAN).year:
            self._foreign(number, "year")
        owner = self._code_owner(parsed.region, parsed.inspector)
        if owner is not None and owner != self.principal.user_id:
            self._foreign(number, "inspector_code")
        bound = self._bound_to(number)
        if bound is not None and bound != record.id:
            raise Problem(problems.DOCUMENT_NUMBER_TAKEN, details={"number": number})

    @staticmethod
    def _foreign(number: str, reason: str):
        raise Problem(problems.DOCUMENT_NUMBER_FOREIGN, details={"number": number, "reason": reason})

    def _bound_to(self, number: str) -> str | None:
        if number not in self._numbers:
            found = self.session.scalar(
                sa.select(DocumentNumber.inspection_id).where(DocumentNumber.number == number)
            )
            if found is None:
                return None
            self._numbers[number] = found
        return self._numbers[number]

    def _code_owner(self, region: str, code: str) -> int | None:
        if (region, code) not in self._codes:
            found = self.session.scalar(
                sa.select(InspectorCode.user_id).where(
                    InspectorCode.region == region, InspectorCode.code == code
                )
            )
            if found is None:
                return None
            self._codes[(region, code)] = found
        return self._codes[(region, code)]


def _code_of(number: str) -> tuple[str, str]:
    parsed = parse_document_number(number)
    return parsed.region, parsed.inspector


def bind_inspector_code(session: Session, user_id: int, regions: list[str], code: str) -> None:
    """Bind an inspector code to a user in each region before their first document, so no
    one else in the region can take it first (`create-user --code`)."""
    code = code.strip().upper()
    for region in regions:
        if session.get(InspectorCode, (region, code)) is not None:
            raise Problem(problems.DUPLICATE, details={"region": region, "code": code})
        session.add(InspectorCode(region=region, code=code, user_id=user_id))


def numbered(record: InspectionRecord) -> list[protocol.DocumentMeta]:
    """The documents of a record that count: those of a finalised record, with a number."""
    if not record.finalised:
        return []
    return [d for d in record.documents if 0 < len(d.number) <= MAX_NUMBER]


def set_documents(session: Session, records: list[InspectionRecord]) -> None:
    """Replace the recorded documents of these records with those of their stored revision
    (a draft keeps none), each with the content hash the server computes from the record."""
    ids = [r.id for r in records]
    session.execute(sa.delete(DocumentRow).where(DocumentRow.inspection_id.in_(ids)))
    forms = FormCache(session)
    rows = []
    for record in records:
        documents = numbered(record)
        if documents:
            record = _domain(record)
            form = forms.get(record.header.form_id, record.header.form_version)
            rows += [_row(record, document, form) for document in documents]
    if rows:
        session.execute(
            sa.insert(DocumentRow.__table__),
            list({(r["inspection_id"], r["document_id"]): r for r in rows}.values()),
        )


def forget_documents(session: Session, record_id: str) -> None:
    """A record back to draft shows nothing on /verify (its numbers stay bound to it)."""
    session.execute(sa.delete(DocumentRow).where(DocumentRow.inspection_id == record_id))


def _domain(record: InspectionRecord) -> InspectionRecord:
    """The record with domain answers (a pushed record carries them as plain dicts)."""
    if type(record) is InspectionRecord:
        return record
    return InspectionRecord.model_validate(record.model_dump(mode="json"))


class FormCache:
    """Checklist forms by (id, version), read and parsed once per batch."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._forms: dict[tuple[str, int], Form | None] = {}

    def get(self, form_id: str, version: int) -> Form | None:
        key = (form_id, version)
        if key not in self._forms:
            content = self.session.scalar(
                sa.select(FormRow.content).where(FormRow.form_id == form_id, FormRow.version == version)
            )
            try:
                self._forms[key] = form_from_content(content) if content else None
            except FormError:
                self._forms[key] = None
        return self._forms[key]


def _row(record: InspectionRecord, document, form: Form | None) -> dict:
    header = record.header
    return {
        "inspection_id": record.id,
        "document_id": document.id[:200],
        "number": document.number,
        "kind": document.kind[:200],
        "content_sha256": document.content_sha256,
        "rendered_sha256": record_document_hash(record, form, document) if form else None,
        "revision": record.revision,
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
    document, name_kk, name_ru = rows[0]  # a number is bound to one record (document_numbers)
    rendered = document.rendered_sha256  # the server's own: never the hash the laptop claimed
    matches = None if not sha256 or not rendered else sha256 == rendered
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
