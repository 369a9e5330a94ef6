"""Document numbers, the content hash, and inputs a user can get wrong."""

from __future__ import annotations

import hashlib
import json

import pytest

from inspector_app.core.canonical import canonical_json
from inspector_app.core.documents import (
    DocumentKind,
    canonical_content,
    content_hash,
    document_number,
    parse_document_number,
    render_act,
    render_protocol,
)
from inspector_app.core.domain.errors import UserError
from inspector_app.demo.documents import sample_context


def test_number_format_and_parse_round_trip():
    number = document_number("ala", "k07", 2026, DocumentKind.PROTOCOL, 12)
    assert number == "ALA-K07-2026-PR-0012"
    parsed = parse_document_number(number)
    assert (parsed.region, parsed.inspector, parsed.year, parsed.kind, parsed.seq) == (
        "ALA",
        "K07",
        2026,
        DocumentKind.PROTOCOL,
        12,
    )
    assert document_number("AST", "K1", 2026, "AK", 12345) == "AST-K1-2026-AK-12345"


def test_numbers_from_two_laptops_never_collide():
    """Each laptop numbers with its own inspector code; sequences may overlap freely."""
    laptop_a = {
        document_number("ALA", "K07", 2026, kind, seq) for kind in DocumentKind for seq in range(1, 200)
    }
    laptop_b = {
        document_number("ALA", "K08", 2026, kind, seq) for kind in DocumentKind for seq in range(1, 200)
    }
    assert len(laptop_a) == len(laptop_b) == len(DocumentKind) * 199
    assert not laptop_a & laptop_b


@pytest.mark.parametrize(
    "args",
    [
        ("AL A", "K07", 2026, "PR", 1),
        ("ALA", "", 2026, "PR", 1),
        ("ALA", "K07", 26, "PR", 1),
        ("ALA", "K07", 2026, "XX", 1),
        ("ALA", "K07", 2026, "PR", 0),
        ("АЛА", "K07", 2026, "PR", 1),
    ],
)
def test_bad_number_parts_are_refused(args):
    with pytest.raises(ValueError):
        document_number(*args)


def test_canonical_json_is_sorted_compact_utf8_and_hashed():
    ctx = sample_context(n_items=4, n_photos=1)
    raw = canonical_json(canonical_content(ctx, DocumentKind.PROTOCOL, "m1"))
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    assert data["number"] == ctx.numbers["PR:m1"] and data["kind"] == "PR"
    assert "Абдуллаева" in raw.decode("utf-8")  # UTF-8, not \\u escapes
    assert content_hash(ctx, DocumentKind.PROTOCOL, "m1") == hashlib.sha256(raw).hexdigest()


def test_hash_follows_photos_and_signatures():
    ctx = sample_context(n_items=4, n_photos=2)
    before = content_hash(ctx, DocumentKind.ACT)
    ctx.signatures["representative"] = b"another signature"
    assert content_hash(ctx, DocumentKind.ACT) != before
    ctx = sample_context(n_items=4, n_photos=2)
    ctx.photos = ctx.photos[:1]
    assert content_hash(ctx, DocumentKind.ACT) != before


def test_missing_photo_is_a_user_error_in_three_languages():
    ctx = sample_context(n_items=4, n_photos=2)
    photo, _ = ctx.photos[0]
    ctx.photos[0] = (photo, None)
    with pytest.raises(UserError) as caught:
        render_act(ctx, "kk")
    err = caught.value
    assert err.code == "documents.photo_missing"
    assert photo.filename in err.message("kk") and "табылмады" in err.message("kk")
    assert "не найдена" in err.message("ru") and "missing" in err.message("en")


def test_changed_or_damaged_photo_is_a_user_error():
    ctx = sample_context(n_items=4, n_photos=2)
    photo, data = ctx.photos[0]
    ctx.photos[0] = (photo, data + b"x")
    with pytest.raises(UserError) as caught:
        render_act(ctx, "ru")
    assert caught.value.code == "documents.photo_changed"
    broken = b"not a jpeg at all"
    photo.sha256 = hashlib.sha256(broken).hexdigest()
    ctx.photos[0] = (photo, broken)
    with pytest.raises(UserError) as caught:
        render_act(ctx, "ru")
    assert caught.value.code == "documents.photo_unreadable"


def test_a_bad_signature_image_leaves_the_line_for_a_handwritten_signature():
    ctx = sample_context(n_items=4, n_photos=0)
    ctx.signatures["inspector"] = b"not a png"
    doc = render_act(ctx, "ru")
    assert doc.pages >= 1


def test_wrong_language_measure_or_number_are_programming_errors():
    ctx = sample_context(n_items=4, n_photos=0)
    with pytest.raises(ValueError):
        render_act(ctx, "en")
    with pytest.raises(ValueError):
        render_protocol(ctx, "m3", "ru")  # m3 is the order
    del ctx.numbers["AK"]
    with pytest.raises(ValueError):
        render_act(ctx, "ru")
