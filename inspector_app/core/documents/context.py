"""Everything a document is drawn from: plain records, no Qt, no database."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from inspector_app.core.domain.forms import Form, Item
from inspector_app.core.domain.models import (
    Answer,
    Bilingual,
    Facility,
    Finding,
    Inspection,
    InspectorProfile,
    Measure,
    MeasureKind,
    Person,
    Photo,
    RestoredChild,
)
from inspector_app.core.domain.reference import ARTICLES, BODIES, MRP_BY_YEAR, Article

DEFAULT_SERVER_URL = "https://inspector.example.kz"
LANGS = ("kk", "ru", "kk+ru")

# Signature roles (keys of DocumentContext.signatures)
ROLE_INSPECTOR = "inspector"  # the author (the profile)
ROLE_REPRESENTATIVE = "representative"  # head or representative of the organisation
ROLE_REFUSAL_WITNESSES = ("refusal_witness1", "refusal_witness2")


def offender_role(measure_id: str) -> str:
    return f"offender:{measure_id}"


def witness_role(measure_id: str, index: int) -> str:
    """A witness of a protocol (Measure.witnesses[index])."""
    return f"witness:{measure_id}:{index}"


def co_inspector_role(index: int) -> str:
    """Inspectors of Inspection.inspectors other than the author, by their index."""
    return f"inspector:{index}"


class DocumentKind(StrEnum):
    """Value = the code used in document numbers."""

    ACT = "AK"
    PROTOCOL = "PR"
    ORDER = "PD"
    RECOMMENDATION = "RK"
    REFERRAL = "DR"  # disciplinary referral to the employer
    TRANSFER = "PP"  # referral to the competent body (передача по подведомственности)


MEASURE_KIND = {
    DocumentKind.PROTOCOL: MeasureKind.PROTOCOL,
    DocumentKind.ORDER: MeasureKind.ORDER,
    DocumentKind.RECOMMENDATION: MeasureKind.RECOMMENDATION,
    DocumentKind.REFERRAL: MeasureKind.DISCIPLINARY,
    DocumentKind.TRANSFER: MeasureKind.TRANSFER,
}


KIND_OF_MEASURE = {v: k for k, v in MEASURE_KIND.items()}
# one document per measure; orders and recommendations gather all measures of their kind
PER_MEASURE = (DocumentKind.PROTOCOL, DocumentKind.REFERRAL, DocumentKind.TRANSFER)


def document_key(kind: DocumentKind, measure_id: str | None = None) -> str:
    """Key of DocumentContext.numbers: "AK" for the act, "PR:<measure id>" for a protocol."""
    return f"{kind.value}:{measure_id}" if measure_id else kind.value


def measure_document_key(measure: Measure) -> str:
    """Key of the document a measure ends up in."""
    kind = KIND_OF_MEASURE[measure.kind]
    return document_key(kind, measure.id if kind in PER_MEASURE else None)


@dataclass
class WitnessedRefusal:
    """The signer of `role` refused to sign; two witnesses attest it (their signatures
    are the ROLE_REFUSAL_WITNESSES entries of DocumentContext.signatures)."""

    role: str
    witnesses: tuple[Person, Person]
    note: str = ""


@dataclass
class DocumentContext:
    profile: InspectorProfile
    facility: Facility
    regions: dict[str, Bilingual]  # region code -> name
    inspection: Inspection
    form: Form
    answers: dict[str, Answer]  # by item id
    findings: list[Finding]
    measures: list[Measure]
    restored: list[RestoredChild]  # children whose rights were restored
    photos: list[tuple[Photo, bytes | None]]  # None: the file could not be read
    signatures: dict[str, bytes]  # role -> PNG
    place: str
    document_date: dt.date
    numbers: dict[str, str]  # document_key(...) -> number allocated by document_number()
    refusal: WitnessedRefusal | None = None
    document_time: dt.time | None = None
    server_url: str = DEFAULT_SERVER_URL
    mrp_by_year: dict[int, int] = field(default_factory=lambda: dict(MRP_BY_YEAR))
    articles: tuple[Article, ...] = ARTICLES
    bodies: dict[str, Bilingual] = field(default_factory=lambda: dict(BODIES))  # code -> name
    # role -> SHA-256 of a signature whose image is not at hand (the server renders the
    # canonical content from synced records, which carry signatures by their hash only)
    signature_hashes: dict[str, str] = field(default_factory=dict)

    def signature_sha256(self, role: str) -> str | None:
        """The SHA-256 of the signature of `role`, from its image or as given; None if unsigned."""
        if role in self.signatures:
            return hashlib.sha256(self.signatures[role]).hexdigest()
        return self.signature_hashes.get(role)

    def body(self, code: str) -> Bilingual | None:
        """The name of a competent body: from the reference data given, else built in."""
        return self.bodies.get(code) or BODIES.get(code)

    def number(self, kind: DocumentKind, measure_id: str | None = None) -> str:
        key = document_key(kind, measure_id)
        if key not in self.numbers:
            raise ValueError(f"no document number allocated for {key!r}")
        return self.numbers[key]

    def measure(self, measure_id: str, kind: MeasureKind) -> Measure:
        for m in self.measures:
            if m.id == measure_id and m.kind == kind:
                return m
        raise ValueError(f"no {kind.value} measure {measure_id!r}")

    def measures_of(self, kind: MeasureKind) -> list[Measure]:
        return [m for m in self.measures if m.kind == kind]

    def finding(self, finding_id: str) -> Finding:
        for f in self.findings:
            if f.id == finding_id:
                return f
        raise ValueError(f"no finding {finding_id!r}")

    def findings_of(self, measure: Measure) -> list[Finding]:
        return [self.finding(fid) for fid in measure.finding_ids]

    def article(self, measure: Measure) -> Article | None:
        """The reference row of a protocol's article, part and sub-item."""
        for a in self.articles:
            if (a.article, a.part, a.item) == (measure.article, measure.part, measure.item):
                return a
        return None

    def item(self, item_id: str) -> Item:
        return self.form.item(item_id)

    def photos_of(self, item_ids: set[str] | None = None) -> list[tuple[Photo, bytes | None]]:
        """Photos in taking order (then id), optionally only those of some items."""
        chosen = [p for p in self.photos if item_ids is None or p[0].item_id in item_ids]
        return sorted(chosen, key=lambda p: (p[0].taken_at or dt.datetime.min, p[0].id))

    def representative(self) -> Person:
        rep = self.inspection.representative
        return rep if rep is not None else Person(self.facility.head)

    def refusal_of(self, role: str) -> WitnessedRefusal | None:
        return self.refusal if self.refusal is not None and self.refusal.role == role else None


@dataclass(frozen=True)
class RenderedDocument:
    number: str
    kind: DocumentKind
    sha256: str  # of the canonical content, see canonical.py; also in the QR code
    pdf: bytes
    lang: str
    pages: int
    measure_id: str | None = None
    verify_url: str = ""

    def filename(self) -> str:
        return f"{self.number}-{self.lang.replace('+', '-')}.pdf"
