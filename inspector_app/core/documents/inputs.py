"""The content hash of a document computed from a synced record, as the laptop computed it.

A document's canonical content (canonical.py) is drawn from the record (answers, findings,
measures, photos, children, document numbers) and from a few things the record does not
hold: the date, time and place of drawing up, the author and the body, the organisation as
printed, a refusal to sign and the signatures. The laptop sends those as the document's
`inputs`; signatures travel as the SHA-256 of their images (the canonical content holds
nothing more of them). With the record, its checklist form and the inputs, the server
builds the same `DocumentContext` and gets the same hash, byte for byte.
"""

from __future__ import annotations

from typing import Any, cast

from inspector_app.core.documents.canonical import content_hash
from inspector_app.core.documents.context import (
    DocumentContext,
    DocumentKind,
    WitnessedRefusal,
    document_key,
)
from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Facility, FacilityKind, InspectorProfile
from inspector_app.core.protocol import DocumentInputs, DocumentMeta, InspectionRecord


def document_inputs(ctx: DocumentContext) -> dict[str, Any]:
    """The inputs of a document drawn from `ctx`, in their wire form (DocumentInputs)."""
    fac, profile = ctx.facility, ctx.profile
    refusal = ctx.refusal
    return {
        "date": ctx.document_date.isoformat(),
        "time": ctx.document_time.isoformat() if ctx.document_time else None,
        "place": ctx.place,
        "author": [profile.name, profile.position, profile.position_kk, profile.position_ru, profile.code],
        "body": [profile.body_kk, profile.body_ru],
        "facility": {
            "id": fac.id,
            "name_kk": fac.name_kk,
            "name_ru": fac.name_ru,
            "kind": to_json(fac.kind),
            "region": fac.region,
            "bin": fac.bin,
            "address": fac.address,
            "head": fac.head,
        },
        "refusal": None
        if refusal is None
        else {
            "role": refusal.role,
            "note": refusal.note,
            "witnesses": [to_json(p) for p in refusal.witnesses],
        },
        "signatures": {role: ctx.signature_sha256(role) for role in sorted(ctx.signatures)},
    }


def record_context(record: InspectionRecord, form: Form, inputs: DocumentInputs) -> DocumentContext:
    """The context the laptop rendered from, rebuilt from the synced record and inputs."""
    name, position, position_kk, position_ru, code = inputs.author
    printed = inputs.facility
    refusal = inputs.refusal
    return DocumentContext(
        profile=InspectorProfile(
            name=name,
            position=position,
            body_kk=inputs.body[0],
            body_ru=inputs.body[1],
            region="",
            code=code,
            position_kk=position_kk,
            position_ru=position_ru,
        ),
        facility=Facility(
            id=printed.id,
            name_kk=printed.name_kk,
            name_ru=printed.name_ru,
            # the text as printed: an unknown kind must still hash (to a mismatch), not fail
            kind=cast(FacilityKind, printed.kind),
            region=printed.region,
            bin=printed.bin,
            address=printed.address,
            head=printed.head,
        ),
        regions={},
        inspection=record.header,
        form=form,
        answers={a.item_id: a for a in record.answers},
        findings=list(record.findings),
        measures=list(record.measures),
        restored=list(record.restored_children),
        photos=[(p, None) for p in record.photos],
        signatures={},
        signature_hashes=dict(inputs.signatures),
        place=inputs.place,
        document_date=inputs.date,
        document_time=inputs.time,
        numbers={document_key(DocumentKind(d.kind), d.measure_id): d.number for d in record.documents},
        refusal=None
        if refusal is None
        # the wire holds exactly two witnesses (`Refusal.witnesses`)
        else WitnessedRefusal(refusal.role, (refusal.witnesses[0], refusal.witnesses[1]), refusal.note),
    )


def record_document_hash(record: InspectionRecord, form: Form, document: DocumentMeta) -> str | None:
    """The content hash of `document` of `record`, or None when it cannot be computed
    (no inputs sent, an unknown kind, or content that does not fit the form)."""
    if document.inputs is None:
        return None
    try:
        kind = DocumentKind(document.kind)
        ctx = record_context(record, form, document.inputs)
        return content_hash(ctx, kind, document.measure_id)
    except (ValueError, KeyError, TypeError):
        return None
