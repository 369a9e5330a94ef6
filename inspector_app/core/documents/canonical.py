"""The canonical content of a document and its SHA-256: the tamper-evidence hash.

The hash covers the facts that go into a document (not the PDF bytes and not the
language it is printed in), so the server can recompute it from the synced records and
a printed copy in Kazakh, Russian or both carries the same hash. Photos and signatures
enter by their SHA-256. Canonical JSON: sorted keys, no spaces, UTF-8, ISO dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from inspector_app.core.documents.context import (
    MEASURE_KIND,
    ROLE_INSPECTOR,
    ROLE_REFUSAL_WITNESSES,
    ROLE_REPRESENTATIVE,
    DocumentContext,
    DocumentKind,
    co_inspector_role,
    measure_document_key,
    offender_role,
    witness_role,
)
from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.forms import answer_key
from inspector_app.core.domain.models import Finding, Measure, Person

SCHEMA = 2  # 2: per-language texts, art. 803 fields, referral to the competent body


def content_hash(ctx: DocumentContext, kind: DocumentKind, measure_id: str | None = None) -> str:
    return hashlib.sha256(canonical_json(ctx, kind, measure_id)).hexdigest()


def canonical_json(ctx: DocumentContext, kind: DocumentKind, measure_id: str | None = None) -> bytes:
    content = canonical_content(ctx, kind, measure_id)
    return json.dumps(
        content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain
    ).encode("utf-8")


def canonical_content(
    ctx: DocumentContext, kind: DocumentKind, measure_id: str | None = None
) -> dict[str, Any]:
    measure = ctx.measure(measure_id, MEASURE_KIND[kind]) if measure_id else None
    content = _common(ctx, kind, measure_id)
    content["signatures"] = {
        role: ctx.signature_sha256(role)
        for role in signature_roles(ctx, kind, measure)
        if ctx.signature_sha256(role)
    }
    content.update(_SPECIFIC[kind](ctx, measure))
    return content


def signature_roles(ctx: DocumentContext, kind: DocumentKind, measure: Measure | None) -> list[str]:
    """Who signs a document of this kind (refusal witnesses only if the signer refused)."""
    roles = [ROLE_INSPECTOR]
    if kind is DocumentKind.ACT:
        roles += [co_inspector_role(i) for i in range(1, len(ctx.inspection.inspectors))]
    if kind is DocumentKind.PROTOCOL and measure is not None:
        roles += [witness_role(measure.id, i) for i in range(len(measure.witnesses))]
    signer = _counter_signer(kind, measure)
    if signer:
        roles.append(signer)
        if ctx.refusal_of(signer):
            roles += list(ROLE_REFUSAL_WITNESSES)
    return roles


def _counter_signer(kind: DocumentKind, measure: Measure | None) -> str | None:
    if kind is DocumentKind.PROTOCOL and measure is not None:
        return offender_role(measure.id)
    if kind in (DocumentKind.ACT, DocumentKind.ORDER, DocumentKind.RECOMMENDATION):
        return ROLE_REPRESENTATIVE
    return None


def _common(ctx: DocumentContext, kind: DocumentKind, measure_id: str | None) -> dict[str, Any]:
    insp, fac = ctx.inspection, ctx.facility
    refusal = ctx.refusal
    return {
        "schema": SCHEMA,
        "kind": kind.value,
        "number": ctx.number(kind, measure_id),
        "date": ctx.document_date,
        "time": ctx.document_time,
        "place": ctx.place,
        "body": [ctx.profile.body_kk, ctx.profile.body_ru],
        "author": [
            ctx.profile.name,
            ctx.profile.position,
            ctx.profile.position_kk,
            ctx.profile.position_ru,
            ctx.profile.code,
        ],
        "facility": {
            "id": fac.id,
            "name": [fac.name_kk, fac.name_ru],
            "bin": fac.bin,
            "address": fac.address,
            "region": fac.region,
            "kind": fac.kind,
        },
        "inspection": {
            "id": insp.id,
            "type": insp.type,
            "mode": insp.mode,
            "ground": insp.ground,
            "appointment": [
                insp.appointment_number,
                insp.appointment_date,
                insp.registration_mark,
                insp.registration_date,
            ],
            "period": [insp.period_start, insp.period_end],
            "inspectors": [_person(p) for p in insp.inspectors],
            "representative": _person(ctx.representative()),
            "form": [insp.form_id, insp.form_version, insp.form_hash],
        },
        "refusal": None
        if refusal is None
        else {
            "role": refusal.role,
            "note": refusal.note,
            "witnesses": [_person(p) for p in refusal.witnesses],
        },
    }


def _act(ctx: DocumentContext, _measure: Measure | None) -> dict[str, Any]:
    keys = {i: answer_key(a.verdict, a.value) for i, a in ctx.answers.items()}
    answers = []
    for item in ctx.form.visible_items(keys):
        a = ctx.answers.get(item.id)
        answers.append([item.id, a and a.verdict, a and a.value, a.note if a else ""])
    return {
        "answers": answers,
        "findings": [_finding(f) for f in ctx.findings],
        "measures": [[m.kind, m.id, ctx.numbers.get(measure_document_key(m))] for m in ctx.measures],
        "restored": [
            [c.id, c.reference, list(c.categories), c.finding_id, c.measure_id] for c in ctx.restored
        ],
        "objections": ctx.inspection.objections,
        "photos": [p.sha256 for p, _ in ctx.photos_of()],
    }


def _protocol(ctx: DocumentContext, m: Measure | None) -> dict[str, Any]:
    assert m is not None
    return {
        "measure": m.id,
        "findings": [_finding(f) for f in ctx.findings_of(m)],
        "article": [m.article, m.part, m.item],
        "fine": [m.fine_mrp, m.fine_tenge],
        "offence": [m.offence_date, m.offence_time, m.offence_place, to_json(m.substance)],
        "offender": to_json(m.offender),
        "explanation": to_json(m.explanation),
        "witnesses": [to_json(p) for p in m.witnesses],
        "victims": [to_json(p) for p in m.victims],
        "erap": m.erap_number,
        "act": ctx.numbers.get(DocumentKind.ACT.value),
        "photos": [p.sha256 for p, _ in ctx.photos_of({f.item_id for f in ctx.findings_of(m)})],
    }


def _order(ctx: DocumentContext, _measure: Measure | None) -> dict[str, Any]:
    rows = []
    for m in ctx.measures_of(MEASURE_KIND[DocumentKind.ORDER]):
        for f in ctx.findings_of(m):
            rows.append(
                [m.id, _finding(f), to_json(m.actions.get(f.id) or m.required_action), m.deadlines.get(f.id)]
            )
    return {"act": ctx.numbers.get(DocumentKind.ACT.value), "violations": rows}


def _recommendation(ctx: DocumentContext, _measure: Measure | None) -> dict[str, Any]:
    rows = []
    for m in ctx.measures_of(MEASURE_KIND[DocumentKind.RECOMMENDATION]):
        rows.append(
            [
                m.id,
                to_json(m.text),
                [
                    [_finding(f), to_json(m.actions.get(f.id) or m.required_action), m.deadlines.get(f.id)]
                    for f in ctx.findings_of(m)
                ],
            ]
        )
    return {"act": ctx.numbers.get(DocumentKind.ACT.value), "recommendations": rows}


def _referral(ctx: DocumentContext, m: Measure | None) -> dict[str, Any]:
    assert m is not None
    return {
        "measure": m.id,
        "official": to_json(m.official),
        "employer": to_json(m.employer),
        "text": to_json(m.text),
        "findings": [_finding(f) for f in ctx.findings_of(m)],
        "act": ctx.numbers.get(DocumentKind.ACT.value),
    }


def _transfer(ctx: DocumentContext, m: Measure | None) -> dict[str, Any]:
    assert m is not None
    return {
        "measure": m.id,
        "body": m.addressee_body,
        "addressee": to_json(m.addressee),
        "text": to_json(m.text),
        "findings": [_finding(f) for f in ctx.findings_of(m)],
        "act": ctx.numbers.get(DocumentKind.ACT.value),
    }


_SPECIFIC: dict[DocumentKind, Callable[[DocumentContext, Measure | None], dict[str, Any]]] = {
    DocumentKind.ACT: _act,
    DocumentKind.PROTOCOL: _protocol,
    DocumentKind.ORDER: _order,
    DocumentKind.RECOMMENDATION: _recommendation,
    DocumentKind.REFERRAL: _referral,
    DocumentKind.TRANSFER: _transfer,
}


def _finding(f: Finding) -> list[Any]:
    return [f.id, f.item_id, f.degree, f.description]


def _person(p: Person | None) -> list[str] | None:
    return None if p is None else [p.name, p.position]


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    raise TypeError(f"not canonical: {type(value).__name__}")
