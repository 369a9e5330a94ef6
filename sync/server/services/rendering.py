"""The documents of a synced record, rendered by the server from what it holds.

The same renderer the laptop prints with (`inspector_app.core.documents`) draws each
document the record lists, with the numbers the laptop allocated, from the context /verify
computes its hash from: the record and the document's `inputs` (date, place, author, body,
organisation as printed, refusal, signatures by their hash; core documents/inputs.py). The
server adds only what the canonical content does not cover: region names, photos from the
attachment store, fines and articles, its own address for the QR code. Signature images do
not travel, so they are absent from the PDF, but their hashes are in the content, so a
signed document hashes as printed.

Documents of older laptops carry no inputs: their context is guessed (the author from the
record's first inspector, the place from the facility, no signatures) and is not compared
with the printed hash ("unchecked").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core.documents import (
    DEFAULT_SERVER_URL,
    DocumentContext,
    DocumentKind,
    RenderedDocument,
    content_hash,
    document_key,
    parse_document_number,
    render,
)
from inspector_app.core.documents import inputs as document_inputs
from inspector_app.core.documents.context import PER_MEASURE
from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Bilingual, InspectorProfile
from inspector_app.core.domain.reference import ARTICLES, BODIES, MRP_BY_YEAR, Article
from inspector_app.core.protocol import DocumentMeta, InspectionRecord
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.models import (
    ArticleRow,
    BodyRow,
    FacilityRow,
    FormRow,
    InspectionRow,
    MrpRow,
    Region,
)
from sync.server.services.documents import KAZAKHSTAN
from sync.server.services.records import stored_record
from sync.server.services.registry import facility_to_wire

BODY_KK = "Қазақстан Республикасы Оқу-ағарту министрлігі Бала құқықтарын қорғау комитетінің {region} бойынша департаменті"
BODY_RU = (
    "Департамент Комитета по охране прав детей Министерства просвещения Республики Казахстан по {region}"
)


@dataclass(frozen=True)
class ServerDocument:
    """One document of a record: what the laptop recorded, and the server's own render
    (`rendered` is None when only the hash was asked for, or on `error`). `checked` when
    the document came with its inputs (else the server's context is a guess)."""

    meta: DocumentMeta
    kind: DocumentKind
    server_sha256: str | None
    rendered: RenderedDocument | None = None
    error: str = ""
    checked: bool = True

    @property
    def printed_sha256(self) -> str | None:
        return self.meta.content_sha256

    @property
    def matches(self) -> bool | None:
        """None when there is nothing to compare (no hash, or no inputs: "unchecked")."""
        if not self.checked or not self.printed_sha256 or not self.server_sha256:
            return None
        return self.printed_sha256 == self.server_sha256


def document_kind(kind: str) -> DocumentKind | None:
    """A document's kind from its code ("AK") or its name ("act")."""
    try:
        return DocumentKind(kind)
    except ValueError:
        return DocumentKind.__members__.get(kind.upper())


def render_record_documents(
    session: Session,
    blobs: BlobStore,
    row: InspectionRow,
    lang: str = "kk",
    only: str | None = None,
    pdf: bool = True,
    server_url: str = "",
) -> list[ServerDocument]:
    """The documents the record lists (or only the one with id `only`), rendered in `lang`
    ("kk", "ru" or "kk+ru"); with `pdf=False` only their content hashes are computed (no
    drawing). `server_url` is printed for verification (its QR code); the hashes do not
    depend on it. A document that cannot be rebuilt carries its error."""
    record = stored_record(row)
    wanted = [d for d in record.documents if only is None or d.id == only]
    if not wanted:
        return []
    guessed = functools.cache(lambda: record_context(session, blobs, record, server_url))
    return [_render_one(record, guessed, meta, lang, pdf) for meta in wanted]


def _render_one(
    record: InspectionRecord, guessed, meta: DocumentMeta, lang: str, pdf: bool
) -> ServerDocument:
    kind = document_kind(meta.kind)
    if kind is None:
        return ServerDocument(meta, DocumentKind.ACT, None, error=f"unknown kind {meta.kind!r}")
    measure_id = meta.measure_id if kind in PER_MEASURE else None
    checked = meta.inputs is not None
    try:
        context = document_context(record, guessed(), meta) if checked else guessed()
        if not pdf:
            return ServerDocument(meta, kind, content_hash(context, kind, measure_id), checked=checked)
        rendered = render(context, kind, lang, measure_id)
        return ServerDocument(meta, kind, rendered.sha256, rendered, checked=checked)
    except (ValueError, KeyError, LookupError, TypeError, UserError) as error:
        return ServerDocument(meta, kind, None, error=str(error)[:300], checked=checked)


def document_context(
    record: InspectionRecord, server: DocumentContext, meta: DocumentMeta
) -> DocumentContext:
    """The context a document was printed from: the record and the document's inputs
    exactly as /verify rebuilds them (documents/inputs.py, so both hash alike), with what
    only draws the PDF taken from the server's own context `server` (region names, photo
    files, fines, articles, the server's address)."""
    assert meta.inputs is not None  # documents without inputs keep the server's guess
    printed = document_inputs.record_context(record, server.form, meta.inputs)
    return dataclasses.replace(
        printed,
        profile=dataclasses.replace(printed.profile, region=server.profile.region),
        regions=server.regions,
        photos=server.photos,
        mrp_by_year=server.mrp_by_year,
        articles=server.articles,
        bodies=server.bodies,
        server_url=server.server_url,
    )


def record_context(
    session: Session, blobs: BlobStore | None, record: InspectionRecord, server_url: str = ""
) -> DocumentContext:
    """The document context of a synced record, as the server can rebuild it."""
    header = record.header
    facility_row = session.get(FacilityRow, header.facility_id)
    assert facility_row is not None  # the stored record's row references it (a foreign key)
    facility = facility_to_wire(facility_row)
    regions = {r.code: Bilingual(r.name_kk, r.name_ru, r.name_en) for r in session.scalars(sa.select(Region))}
    form = record_form(session, header.form_id, header.form_version)
    day = _document_day(record)
    return DocumentContext(
        profile=_profile(session, record, regions),
        facility=facility,
        regions=regions,
        inspection=header,
        form=form,
        answers={a.item_id: a for a in record.answers},
        findings=list(record.findings),
        measures=list(record.measures),
        restored=list(record.restored_children),
        photos=[(photo, _blob(blobs, photo.sha256)) for photo in record.photos],
        signatures={},
        place=facility.settlement or facility.address,
        document_date=day,
        numbers=_numbers(record),
        mrp_by_year=dict(session.execute(sa.select(MrpRow.year, MrpRow.tenge)).all()) or dict(MRP_BY_YEAR),
        articles=tuple(_articles(session)),
        bodies={
            b.code: Bilingual(b.name_kk, b.name_ru, b.name_en) for b in session.scalars(sa.select(BodyRow))
        }
        or dict(BODIES),
        server_url=server_url.rstrip("/") or DEFAULT_SERVER_URL,
    )


_FORMS: dict[tuple[str, int, str], Form] = {}


def record_form(session: Session, form_id: str, version: int) -> Form:
    """The checklist a record was made with, as published on the server (parsed once; its
    content, tens of kilobytes, is read only when its hash is new)."""
    content_hash = session.scalar(
        sa.select(FormRow.content_hash).where(FormRow.form_id == form_id, FormRow.version == version)
    )
    if content_hash is None:
        raise LookupError(f"form {form_id} v{version} is not on the server")
    key = (form_id, version, content_hash)
    if key not in _FORMS:
        from inspector_app.core.forms.loader import form_from_content

        row = session.get(FormRow, (form_id, version))
        assert row is not None
        _FORMS[key] = form_from_content(row.content)
    return _FORMS[key]


def _numbers(record: InspectionRecord) -> dict[str, str]:
    numbers = {}
    for meta in record.documents:
        kind = document_kind(meta.kind)
        if kind is not None:
            numbers[document_key(kind, meta.measure_id if kind in PER_MEASURE else None)] = meta.number
    return numbers


def _document_day(record: InspectionRecord) -> dt.date:
    moments = [d.created_at for d in record.documents if d.created_at]
    moment = min(moments) if moments else record.header.finalised_at or record.header.created_at
    if moment is None:
        return dt.date.today()
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(KAZAKHSTAN).date()


def _profile(session: Session, record: InspectionRecord, regions: dict[str, Bilingual]) -> InspectorProfile:
    """The author as the documents name them: the record's first inspector; the region and
    code from the number the laptop printed."""
    author = record.header.inspectors[0] if record.header.inspectors else None
    parsed = next((p for p in map(_parse, record.documents) if p is not None), None)
    region = parsed.region if parsed else ""
    name = regions.get(region)
    return InspectorProfile(
        name=author.name if author else "",
        position=author.position if author else "",
        position_kk=author.position_kk if author else "",
        position_ru=author.position_ru if author else "",
        body_kk=BODY_KK.format(region=name.kk) if name else "",
        body_ru=BODY_RU.format(region=name.ru) if name else "",
        region=region,
        code=parsed.inspector if parsed else "",
    )


def _parse(meta: DocumentMeta):
    try:
        return parse_document_number(meta.number)
    except ValueError:
        return None


def _articles(session: Session) -> list[Article]:
    known = {a.code: a for a in ARTICLES}
    codes = set(session.scalars(sa.select(ArticleRow.code)))
    return [a for code, a in known.items() if code in codes] or list(ARTICLES)


def _blob(blobs: BlobStore | None, sha256: str) -> bytes | None:
    if blobs is None:
        return None
    try:
        return blobs.blob_path(sha256).read_bytes()
    except (OSError, KeyError, ValueError):
        return None
