"""The content hash is the same bytes whichever JSON writer produced them, and a pushed
record is the same JSON whichever writer the client used."""

from __future__ import annotations

import json

import orjson

from inspector_app.core.canonical import canonical_json
from inspector_app.core.documents import canonical_content
from inspector_app.core.domain.models import RightsCategory
from inspector_app.core.forms.loader import FORMS_DIR, form_content, load_form
from inspector_app.core.protocol import InspectionRecord
from inspector_app.demo.documents import sample_context
from inspector_app.desktop.services.paperwork import plan
from inspector_app.desktop.sync.http import _json
from tests.kit.factory import demo_facility, inspection


def _standard(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def test_every_character_is_written_as_the_standard_library_writes_it():
    for start in range(0, 0x110000, 0x800):
        text = "".join(chr(c) for c in range(start, start + 0x800) if not 0xD800 <= c <= 0xDFFF)
        data = {"k" + text[:50]: text, "list": [text, 1, None, True]}
        assert canonical_json(data) == _standard(data), hex(start)


def test_a_record_and_integers_beyond_64_bits_hash_as_before():
    record = inspection(demo_facility("AST"), answers=30, seed=3)
    assert canonical_json(record.content()) == _standard(record.content())
    huge = {"fine": 2**70, "negative": -(2**65), "Ә": "қазақша"}
    assert canonical_json(huge) == _standard(huge)


def test_a_pushed_record_is_written_as_pydantic_writes_it():
    record = inspection(demo_facility("AST"), answers=30, seed=4, photos={"p": b"photo"})
    data = record.model_dump(mode="json")
    data["answers"][0]["updated_at"] = "2025-05-14T09:30:00.000500+05:00"
    data["answers"][1]["updated_at"] = "2025-05-14T09:30:00.123456"
    data["measures"] = [
        {
            "id": "m1",
            "inspection_id": record.id,
            "kind": "protocol",
            "finding_ids": ["f0", "f1"],
            "article": "135",
            "part": "1",
            "fine_mrp": 10,
            "fine_tenge": 43250,
            "offence_date": "2025-05-14",
            "offence_time": "10:15:30.250000",
            "offender": {
                "kind": "person",
                "name": "Сәрсен Қожаев",
                "iin_or_bin": "880101300123",
                "birth_date": "1988-01-01",
            },
            "witnesses": [{"name": "Ұлжан", "position": ""}],
            "deadlines": {"f0": "2025-06-01"},
            "actions": {"f0": {"kk": "жөндеу", "ru": "отремонтировать"}},
        },
        {
            "id": "m2",
            "inspection_id": record.id,
            "kind": "transfer",
            "finding_ids": ["f1"],
            "addressee_body": "sanitary",
            "addressee": {"kk": "СЭБД", "ru": "ДСЭК"},
            "text": {"kk": "", "ru": "Нарушены санитарные правила"},
        },
    ]
    data["restored"] = [{"category": next(iter(RightsCategory)).value, "children": 12}]
    data["documents"] = [
        {
            "id": "d1",
            "kind": "act",
            "number": "ӘҚ-1",
            "content_sha256": "a" * 64,
            "created_at": "2025-05-14T10:00:00Z",
        }
    ]
    rich = InspectionRecord.model_validate(data)
    assert orjson.loads(_json(rich)) == rich.model_dump(mode="json")
    rich.measures[0].fine_tenge = 2**70  # orjson refuses it: written by pydantic
    assert json.loads(_json(rich))["measures"][0]["fine_tenge"] == 2**70


def _standard_with_dates(data) -> bytes:
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=lambda v: v.isoformat()
    ).encode()


def test_forms_and_documents_hash_as_the_standard_library_wrote_them():
    """Form and document hashes are stored with inspections and printed on paper: the one
    canonical writer must give the bytes their former standard-library writers gave."""
    for path in sorted(FORMS_DIR.glob("*.yaml")):
        content = form_content(load_form(path))
        assert canonical_json(content) == _standard(content), path.name
    ctx = sample_context(n_items=8, n_photos=2, refusal=True)
    for kind, measure_id in plan(ctx.measures):
        content = canonical_content(ctx, kind, measure_id)
        assert canonical_json(content) == _standard_with_dates(content), kind
    assert canonical_json({1: "key not a string"}) == _standard({1: "key not a string"})
