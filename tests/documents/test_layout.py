"""Big and long inputs: nothing overflows, tables repeat their header, photos stay upright."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import Image

from inspector_app.core.documents import render_act, render_order, render_protocol, render_referral
from inspector_app.core.documents.images import prepare_photo
from inspector_app.core.documents.labels import TEXT
from inspector_app.demo.documents import sample_context
from tests.documents.pdfcheck import body_text, overflowing_boxes, page_texts, squashed


@pytest.fixture(scope="module")
def big():
    return sample_context(n_items=300, n_photos=40, long_texts=True, refusal=True, photo_size=(800, 600))


@pytest.fixture(scope="module")
def big_act(big):
    return render_act(big, "kk+ru")


def test_300_item_act_with_40_photos_keeps_everything(big, big_act):
    text = squashed(body_text(big_act.pdf, big_act.number))
    for item in big.form.items():
        assert squashed(item.text.kk) in text and squashed(item.text.ru) in text, item.id
    for answer in big.answers.values():
        assert squashed(answer.note) in text
    assert squashed(big.facility.name_kk) in text and squashed(big.facility.name_ru) in text
    for n in range(1, 41):  # every photo captioned in the appendix
        assert f"Фото{n}." in text
    assert 20 < big_act.pages < 150


def test_checklist_header_repeats_on_every_page_it_runs_onto(big_act):
    header = squashed(TEXT["col_requirement"][0] + " / " + TEXT["col_requirement"][1])
    result = squashed(TEXT["col_result"][0] + " / " + TEXT["col_result"][1])
    pages = [squashed(t) for t in page_texts(big_act.pdf)]
    # pages holding checklist rows: an answer word, no findings table, no photo captions
    with_rows = [
        n for n, p in enumerate(pages) if "сәйкескеледі" in p and "Тармақ" not in p and "Фото1" not in p
    ]
    assert len(with_rows) > 10
    for n in with_rows:
        assert pages[n].count(header) == 1 and pages[n].count(result) == 1, n + 1


def test_nothing_is_drawn_outside_the_writing_area(big_act):
    assert overflowing_boxes(big_act.pdf) == []


@pytest.mark.parametrize("lang", ["kk", "ru", "kk+ru"])
def test_long_protocol_keeps_the_2000_character_explanation_and_200_character_name(big, lang):
    m = big.measure("m1", "protocol")
    assert len(m.explanation.ru) == len(m.explanation.kk) == 2000 and len(m.offender.name) == 200
    doc = render_protocol(big, "m1", lang)
    text = squashed(body_text(doc.pdf, doc.number))
    for code in ("kk", "ru") if lang == "kk+ru" else (lang,):
        assert squashed(m.explanation.get(code)) in text
    assert squashed(m.offender.name) in text
    assert overflowing_boxes(doc.pdf) == []
    assert doc.pages < 15


def test_long_order_and_referral_fit(big):
    for doc in (render_order(big, "kk+ru"), render_referral(big, "m5", "kk+ru")):
        assert overflowing_boxes(doc.pdf) == []
        assert squashed(big.facility.name_ru) in squashed(body_text(doc.pdf, doc.number))


def test_an_unbreakable_200_character_word_wraps_inside_its_cell():
    ctx = sample_context(n_items=4, n_photos=0)
    word = "Ә" * 200
    ctx.answers["q000"].note = word
    ctx.inspection.representative.name = "Қ" * 200
    doc = render_act(ctx, "ru")
    assert overflowing_boxes(doc.pdf) == []
    text = squashed(body_text(doc.pdf, doc.number))
    assert word in text and "Қ" * 200 in text


def test_exif_orientation_6_photo_is_turned_upright():
    ctx = sample_context(n_items=4, n_photos=2)
    photo, data = ctx.photos[1]
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.height > stored.width  # stored sideways, as the camera wrote it
        assert stored.getexif()[0x0112] == 6
    prepared = prepare_photo(photo, data)
    assert prepared.width > prepared.height
    # the white arrow points up: white near the top centre, not near the bottom centre
    image = Image.open(prepared.reader.fp).convert("L")
    w, h = image.size
    assert image.getpixel((w // 2, int(h * 0.3))) > 230
    assert image.getpixel((w // 2, int(h * 0.9))) < 230


def test_photo_appendix_embeds_photos_upright():
    ctx = sample_context(n_items=4, n_photos=3)
    doc = render_act(ctx, "ru")
    page = pypdf.PdfReader(io.BytesIO(doc.pdf)).pages[doc.pages - 1]
    photos = [img.image for img in page.images if img.image.width > 200]
    assert len(photos) == 3
    assert all(p.width > p.height for p in photos)  # photo 2 was stored sideways
