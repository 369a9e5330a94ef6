"""Inspection records on the real school checklist, with photos, a protocol and the
documents a laptop would have printed: signed by the inspector, drawn up at a time and
place of their own, with the inputs the laptop sends (or none, as older laptops did), for
the web console's tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import uuid

from PIL import Image, ImageDraw

from inspector_app.core.documents import ROLE_INSPECTOR, DocumentKind, content_hash, document_number
from inspector_app.core.documents.context import PER_MEASURE
from inspector_app.core.documents.inputs import document_inputs
from inspector_app.core.protocol import DocumentInputs, DocumentMeta, InspectionRecord
from sync.server.persistence.db import Database
from sync.server.persistence.models import FormRow
from sync.server.services.rendering import record_context
from sync.server.services.seed import demo_facilities

MOMENT = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)
VIOLATED = ("sch.security.video", "sch.security.panic_button", "sch.protection.bullying_response")
SIGNATURE = b"\x89PNG the inspector's signature drawn on the laptop"
PLACE = "Астана қ., Мәңгілік Ел даңғылы, 8"


def facility_in(region: str, nth: int = 0, kind: str = "school") -> str:
    return [f.id for f in demo_facilities() if f.region == region and f.kind == kind][nth]


def photo(seed: int) -> bytes:
    image = Image.new("RGB", (640, 480), (40 + seed * 30 % 200, 90, 160))
    ImageDraw.Draw(image).rectangle([100, 100, 540, 380], outline="white", width=8)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def school_record(
    database_url: str,
    facility_id: str,
    *,
    seed: int = 1,
    inspector: str = "Айгүл Сәрсенова",
    protocol: bool = True,
    tamper_protocol_hash: bool = False,
    region_code: str = "AST",
    inspector_code: str = "K07",
    order_deadlines: tuple[dt.date, ...] = (),
    outcomes: bool = False,
    inputs: bool = True,
    header: dict | None = None,
    children: tuple[tuple[str, ...], ...] = (),
) -> tuple[InspectionRecord, dict[str, bytes]]:
    """A finalised record and its photos by SHA-256; with `order_deadlines`, an order whose
    items (the first findings) have these deadlines; with `outcomes`, a recommendation, a
    disciplinary referral and a referral to another body too; `inputs=False`: its documents
    come without inputs, as an older laptop printed them; `header` overrides header fields
    (type, mode, appointment_date...); `children`: the categories restored for each child,
    tied to the first finding."""
    rid = str(uuid.UUID(int=seed * 7919 + 1, version=4))
    db = Database(database_url)
    with db.read() as session:
        form_row = session.get(FormRow, ("school", 1))
        if form_row is None:
            raise LookupError("the database holds no school checklist v1: migrate and seed it first")
        data = _record_data(rid, facility_id, form_row, inspector, protocol)
        data["measures"] += _more_measures(rid, order_deadlines, outcomes)
        data["header"].update(header or {})
        data.update(_children(children))
        photos = {hashlib.sha256(b).hexdigest(): b for b in (photo(seed), photo(seed + 1))}
        data["photos"] = [
            {
                "id": f"p{i}",
                "inspection_id": rid,
                "item_id": VIOLATED[i],
                "sha256": sha,
                "size": len(b),
                "taken_at": MOMENT.isoformat(),
                "filename": f"IMG_{i:04d}.jpg",
            }
            for i, (sha, b) in enumerate(photos.items())
        ]
        record = InspectionRecord.model_validate(data)
        record.documents = _documents(record, region_code, inspector_code, seed)
        context = dataclasses.replace(
            record_context(session, None, record),
            signatures={ROLE_INSPECTOR: SIGNATURE},
            place=PLACE,
            document_time=dt.time(12, 40),
        )
        printed = DocumentInputs.model_validate(document_inputs(context)) if inputs else None
        for meta in record.documents:
            meta.inputs = printed
            kind = DocumentKind(meta.kind)
            meta.content_sha256 = content_hash(context, kind, meta.measure_id)
            if tamper_protocol_hash and kind is DocumentKind.PROTOCOL:
                meta.content_sha256 = hashlib.sha256(b"altered").hexdigest()
    db.dispose()
    return record, photos


def _documents(record: InspectionRecord, region: str, code: str, seed: int) -> list[DocumentMeta]:
    kinds = {
        "protocol": DocumentKind.PROTOCOL,
        "order": DocumentKind.ORDER,
        "recommendation": DocumentKind.RECOMMENDATION,
        "disciplinary": DocumentKind.REFERRAL,
        "transfer": DocumentKind.TRANSFER,
    }
    wanted: list[tuple[DocumentKind, str | None]] = [(DocumentKind.ACT, None)]
    for m in record.measures:
        kind = kinds[m.kind.value]
        pair = (kind, m.id if kind in PER_MEASURE else None)  # one order for all its measures
        if pair not in wanted:
            wanted.append(pair)
    return [
        DocumentMeta(
            id=f"{kind.value}-{measure_id or 'all'}",
            kind=kind.value,
            number=document_number(region, code, 2026, kind, seed * 10 + n),
            measure_id=measure_id,
            created_at=MOMENT,
        )
        for n, (kind, measure_id) in enumerate(wanted, start=1)
    ]


def _answer(item: dict) -> dict:
    kind = item.get("kind", "verdict")
    if kind == "verdict":
        verdict = "violated" if item["id"] in VIOLATED else "complies"
        return {
            "item_id": item["id"],
            "verdict": verdict,
            "note": "Бейнебақылау жоқ / Видеонаблюдения нет" if verdict == "violated" else "",
        }
    value = {"number": "420", "date": "2025-08-25", "text": "—"}.get(kind)
    if kind == "choice":
        value = item["choices"][0]["value"]
    return {"item_id": item["id"], "value": value}


def _record_data(rid: str, facility_id: str, form_row: FormRow, inspector: str, protocol: bool) -> dict:
    items = [
        i
        for s in form_row.content["sections"]
        for i in s["items"]
        if "condition" not in i and "when" not in i
    ]
    answers = [_answer(i) for i in items]
    findings = [
        {
            "id": f"f{n}",
            "inspection_id": rid,
            "item_id": item_id,
            "degree": "significant",
            "description": "Талап бұзылған / требование нарушено",
        }
        for n, item_id in enumerate(VIOLATED)
    ]
    measures = []
    if protocol:
        measures.append(
            {
                "id": "m1",
                "inspection_id": rid,
                "kind": "protocol",
                "finding_ids": ["f2"],
                "article": "127-3",
                "part": "1",
                "fine_mrp": 10,
                "offence_date": "2026-03-16",
                "offender": {
                    "kind": "person",
                    "name": "Абдуллаева Гүлнар Сапарқызы",
                    "iin_or_bin": "",
                    "position": {"kk": "мектеп директоры", "ru": "директор школы"},
                },
                "substance": {
                    "kk": "Буллинг туралы хабарламаларға ден қою тәртібі бекітілмеген.",
                    "ru": "Не утверждён порядок реагирования на сообщения о буллинге.",
                },
                "explanation": {"kk": "Келісемін.", "ru": "Согласна."},
            }
        )
    return {
        "id": rid,
        "revision": 1,
        "base_revision": 0,
        "header": {
            "id": rid,
            "facility_id": facility_id,
            "form_id": "school",
            "form_version": 1,
            "form_hash": form_row.content_hash,
            "type": "unscheduled",
            "mode": "on_site",
            "appointment_number": "AST-2026-0117",
            "appointment_date": "2026-03-10",
            "ground": "complaint",
            "period_start": "2026-03-12",
            "period_end": "2026-03-25",
            "inspectors": [
                {
                    "name": inspector,
                    "position": "бас маман-инспектор",
                    "position_kk": "бас маман-инспектор",
                    "position_ru": "главный специалист-инспектор",
                }
            ],
            "representative": {"name": "Абдуллаева Гүлнар Сапарқызы", "position": "директор"},
            "status": "finalised",
            "created_at": MOMENT.isoformat(),
            "finalised_at": (MOMENT + dt.timedelta(hours=3)).isoformat(),
        },
        "answers": answers,
        "findings": findings,
        "measures": measures,
    }


def _children(children: tuple[tuple[str, ...], ...]) -> dict:
    listed = [
        {"id": f"c{n}", "reference": f"Б-{n}", "categories": list(c), "finding_id": "f0"}
        for n, c in enumerate(children)
    ]
    counts: dict[str, int] = {}
    for child in children:
        for category in set(child):
            counts[category] = counts.get(category, 0) + 1
    return {
        "restored_children": listed,
        "restored": [{"category": c, "children": n} for c, n in counts.items()],
    }


def _more_measures(rid: str, deadlines: tuple[dt.date, ...], outcomes: bool) -> list[dict]:
    found = []
    if deadlines:
        ids = [f"f{n}" for n in range(len(deadlines))]
        found.append(
            {
                "id": "m2",
                "inspection_id": rid,
                "kind": "order",
                "finding_ids": ids,
                "deadlines": {i: d.isoformat() for i, d in zip(ids, deadlines, strict=True)},
                "required_action": {"kk": "Бұзушылықты жою.", "ru": "Устранить нарушение."},
                "actions": {ids[0]: {"kk": "Бейнебақылау орнату.", "ru": "Установить видеонаблюдение."}},
            }
        )
    if outcomes:
        found += [
            {
                "id": "m3",
                "inspection_id": rid,
                "kind": "recommendation",
                "finding_ids": ["f0"],
                "text": {"kk": "Психолог қабылдау.", "ru": "Принять психолога."},
            },
            {
                "id": "m4",
                "inspection_id": rid,
                "kind": "disciplinary",
                "finding_ids": ["f1"],
                "official": {"name": "Сейітов Марат", "position": "директордың орынбасары"},
                "employer": {"kk": "Білім бөлімі", "ru": "Отдел образования"},
                "text": {"kk": "Тәртіптік жауапкершілік.", "ru": "Дисциплинарная ответственность."},
            },
            {
                "id": "m5",
                "inspection_id": rid,
                "kind": "transfer",
                "finding_ids": ["f2"],
                "addressee_body": "sanitary",
                "addressee": {"kk": "Санитариялық қызмет", "ru": "Санитарная служба"},
                "text": {"kk": "Құзыреті бойынша.", "ru": "По подведомственности."},
            },
        ]
    return found


def facility_row(database_url: str, region: str, nth: int = 0, kind: str = "school"):
    """The stored facility (detached) that `facility_in` names."""
    from sync.server.persistence.models import FacilityRow

    db = Database(database_url)
    with db.read() as session:
        row = session.get(FacilityRow, facility_in(region, nth, kind))
        session.expunge(row)
    db.dispose()
    return row
