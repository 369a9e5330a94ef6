"""Every document kind in every language, read back from the PDF."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys

import pypdf
import pytest

from inspector_app.core.documents import (
    DocumentKind,
    content_hash,
    render,
    render_act,
    render_protocol,
)
from inspector_app.core.documents.labels import TEXT, grouped, short_date
from inspector_app.core.documents.qr import qr_payload
from inspector_app.demo.documents import sample_context
from tests.documents.pdfcheck import KAZAKH_LETTERS, body_text, fonts, page_texts, qr_texts, squashed

LANGS = ("kk", "ru", "kk+ru")
# (kind, measure id, label keys that must be printed)
DOCUMENTS = {
    "act": (
        DocumentKind.ACT,
        None,
        [
            "title_act",
            "body",
            "appointment",
            "registration_mark",
            "control_type",
            "ground",
            "control_form",
            "period",
            "inspectors",
            "subject",
            "bin",
            "address",
            "representative",
            "checklist",
            "checklist_results",
            "col_requirement",
            "col_basis",
            "col_result",
            "col_note",
            "findings",
            "degree",
            "measures",
            "restored",
            "col_children",
            "signatures",
            "familiarised",
            "appendix_photos",
            "photo_taken",
        ],
    ),
    "protocol_person": (
        DocumentKind.PROTOCOL,
        "m1",
        [
            "title_protocol",
            "protocol_official",
            "body",
            "offender",
            "full_name",
            "birth_date",
            "iin",
            "residence",
            "position",
            "offence_place_time",
            "offence_substance",
            "article",
            "sanction",
            "article_title",
            "decides",
            "not_imposing",
            "id_document",
            "workplace",
            "protocol_basis",
            "checklist",
            "witnesses",
            "victims",
            "rights_title",
            "rights_explained",
            "explanation",
            "signatures",
            "copy_received",
            "erap_note",
            "offender_signature",
            "witness_signature",
        ],
    ),
    "protocol_organisation": (
        DocumentKind.PROTOCOL,
        "m2",
        [
            "title_protocol",
            "offender_org",
            "name",
            "bin",
            "legal_address",
            "bank_details",
            "business_size",
            "org_representative",
            "power_of_attorney",
            "offender_org_signature",
            "no_explanation",
        ],
    ),
    "order": (
        DocumentKind.ORDER,
        None,
        [
            "title_order",
            "order_basis",
            "order_to",
            "bin",
            "address",
            "order_intro",
            "col_violation",
            "col_norm",
            "col_action",
            "col_deadline",
            "report_title",
            "order_report",
            "order_consequence",
            "appeal_title",
            "appeal",
            "order_received",
        ],
    ),
    "recommendation": (
        DocumentKind.RECOMMENDATION,
        None,
        ["title_recommendation", "rec_basis", "rec_to", "rec_intro", "rec_report", "appeal", "rec_received"],
    ),
    "referral": (
        DocumentKind.REFERRAL,
        "m5",
        ["title_referral", "addressee", "ref_official", "position", "employer", "ref_grounds"],
    ),
    "transfer": (
        DocumentKind.TRANSFER,
        "m6",
        [
            "title_transfer",
            "addressee",
            "transfer_to",
            "transfer_basis",
            "checklist",
            "transfer_note",
            "transfer_request",
        ],
    ),
}


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=16, n_photos=4)


@pytest.fixture(scope="module")
def rendered(ctx):
    cache = {}

    def get(name: str, lang: str):
        if (name, lang) not in cache:
            kind, measure_id, _ = DOCUMENTS[name]
            cache[name, lang] = render(ctx, kind, lang, measure_id)
        return cache[name, lang]

    return get


def _languages(lang: str) -> list[int]:
    return {"kk": [0], "ru": [1], "kk+ru": [0, 1]}[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_labels_are_printed_in_the_chosen_languages(rendered, name, lang):
    doc = rendered(name, lang)
    text = squashed(body_text(doc.pdf, doc.number))
    for key in DOCUMENTS[name][2]:
        for index in _languages(lang):
            assert squashed(TEXT[key][index]) in text, (key, index)
    title_kk, title_ru = (squashed(t) for t in TEXT[f"title_{DOCUMENTS[name][0].name.lower()}"])
    if lang == "kk":
        assert title_ru not in text
    elif lang == "ru":
        assert title_kk not in text
    else:  # Kazakh, the state language, first
        assert text.index(title_kk) < text.index(title_ru)


@pytest.mark.parametrize("lang", LANGS)
def test_act_carries_the_inspection_and_every_checklist_answer(ctx, rendered, lang):
    doc = rendered("act", lang)
    text = squashed(body_text(doc.pdf, doc.number))
    insp, fac = ctx.inspection, ctx.facility
    expected = [
        fac.bin,
        fac.address,
        insp.appointment_number,
        insp.registration_mark,
        short_date(insp.appointment_date),
        short_date(insp.period_start),
        short_date(insp.period_end),
        ctx.profile.name,
    ]
    expected += [p.name for p in insp.inspectors] + [insp.representative.name]
    expected += [a.note for a in ctx.answers.values() if a.note]
    expected += [ctx.numbers[k] for k in ctx.numbers if k != "AK"]
    for item in ctx.form.items():
        for index in _languages(lang):
            expected.append((item.text.kk, item.text.ru)[index])
            expected.append((item.legal_basis.kk, item.legal_basis.ru)[index])
    expected += [(fac.name_kk, fac.name_ru)[i] for i in _languages(lang)]
    for value in expected:
        assert squashed(value) in text, value


@pytest.mark.parametrize("lang", LANGS)
def test_protocol_carries_offender_offence_sanction_and_explanation(ctx, rendered, lang):
    doc = rendered("protocol_person", lang)
    m = ctx.measure("m1", "protocol")
    o = m.offender
    text = squashed(body_text(doc.pdf, doc.number))
    tenge = 10 * ctx.mrp_by_year[2026]  # the sanction of 127-3 part 1 at the 2026 MRP
    codes = ("kk", "ru") if lang == "kk+ru" else (lang,)
    per_language = [
        v.get(code)
        for v in (m.substance, m.explanation, o.workplace, o.position, o.id_document.issued_by)
        for code in codes
    ]
    for value in (
        [
            o.name,
            o.iin_or_bin,
            short_date(o.birth_date),
            o.address,
            o.id_document.number,
            m.offence_place,
            "127-3",
            grouped(tenge),
            "744",
            ctx.numbers["AK"],
        ]
        + per_language
        + [p.name for p in m.witnesses + m.victims]
        + [p.address for p in m.witnesses + m.victims]
    ):
        assert squashed(value) in text, value


@pytest.mark.parametrize("lang", LANGS)
def test_organisation_protocol_names_its_representative_not_itself_on_the_signature_line(ctx, rendered, lang):
    doc = rendered("protocol_organisation", lang)
    m = ctx.measure("m2", "protocol")
    o = m.offender
    text = squashed(body_text(doc.pdf, doc.number))
    for value in (o.name, o.iin_or_bin, o.representative.name, o.attorney_number, "135"):
        assert squashed(value) in text, value
    # the organisation's name appears once, in its own row, never beside a signature line
    assert text.count(squashed(o.name)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_order_lists_each_violation_with_norm_measure_and_deadline(ctx, rendered, lang):
    doc = rendered("order", lang)
    text = squashed(body_text(doc.pdf, doc.number))
    order = ctx.measures_of("order")[0]
    assert squashed(ctx.numbers["AK"]) in text
    for f in ctx.findings_of(order):
        item = ctx.item(f.item_id)
        for index in _languages(lang):
            assert squashed((item.text.kk, item.text.ru)[index]) in text
            assert squashed((item.legal_basis.kk, item.legal_basis.ru)[index]) in text
        assert short_date(order.deadlines[f.id]) in text
        action = order.actions.get(f.id) or order.required_action
        for code in ("kk", "ru") if lang == "kk+ru" else (lang,):
            assert squashed(action.get(code)) in text


def test_recommendation_and_referral_carry_their_texts(ctx, rendered):
    rec = rendered("recommendation", "ru")
    assert squashed(ctx.measures_of("recommendation")[0].text.ru) in squashed(body_text(rec.pdf, rec.number))
    ref = rendered("referral", "kk+ru")
    m = ctx.measure("m5", "disciplinary")
    text = squashed(body_text(ref.pdf, ref.number))
    for value in (
        m.official.name,
        m.official.position_kk,
        m.official.position_ru,
        m.employer.kk,
        m.employer.ru,
        m.text.kk,
        m.text.ru,
    ):
        assert squashed(value) in text
    transfer = rendered("transfer", "kk+ru")
    m = ctx.measure("m6", "transfer")
    text = squashed(body_text(transfer.pdf, transfer.number))
    for value in (m.addressee.kk, m.addressee.ru, m.text.kk, m.text.ru, ctx.numbers["AK"]):
        assert squashed(value) in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["act", "protocol_person"])
def test_every_page_says_page_x_of_y_and_the_number(rendered, name, lang):
    doc = rendered(name, lang)
    pages = page_texts(doc.pdf)
    assert len(pages) == doc.pages > 1
    for n, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        if lang in ("kk", "kk+ru"):
            assert f"{doc.pages} беттің {n} беті" in flat
        if lang in ("ru", "kk+ru"):
            assert f"стр. {n} из {doc.pages}" in flat
        assert f"№ {doc.number}" in flat
        assert f"SHA-256: {doc.sha256}" in flat


def test_kazakh_letters_survive_extraction(ctx):
    ctx = sample_context(n_items=4, n_photos=0)
    ctx.facility.name_kk = f"«{KAZAKH_LETTERS}» Һәм Өрлеу Үміт мектебі"
    doc = render_act(ctx, "kk")
    text = body_text(doc.pdf, doc.number)
    assert ctx.facility.name_kk in " ".join(text.split())
    assert set(KAZAKH_LETTERS) <= set(text)
    assert "Сәрсенбаева Әйгерім Қанатқызы" in text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fonts_are_embedded_truetype_only(rendered, name):
    used = fonts(rendered(name, "kk+ru").pdf)
    assert used and all(used.values()), used
    assert all("DejaVuSerif" in f for f in used)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_qr_code_holds_the_verification_address_number_and_hash(ctx, rendered, name):
    doc = rendered(name, "kk+ru")
    kind, measure_id, _ = DOCUMENTS[name]
    assert doc.sha256 == content_hash(ctx, kind, measure_id)
    expected = qr_payload(ctx.server_url, doc.number, doc.sha256)
    assert expected == f"https://inspector.example.kz/verify/{doc.number}?sha256={doc.sha256}"
    for index in {0, doc.pages - 1}:
        assert qr_texts(doc.pdf, index) == [expected]


def test_qr_follows_the_server_address_of_the_context():
    ctx = sample_context(n_items=4, n_photos=0)
    ctx.server_url = "https://child-rights.gov.kz/"
    doc = render_protocol(ctx, "m2", "ru")
    assert qr_texts(doc.pdf, 0) == [f"https://child-rights.gov.kz/verify/{doc.number}?sha256={doc.sha256}"]
    assert doc.verify_url == f"https://child-rights.gov.kz/verify/{doc.number}"


def test_same_context_renders_byte_identical_pdfs(ctx, rendered):
    first = rendered("act", "kk+ru").pdf
    again = render_act(sample_context(n_items=16, n_photos=4), "kk+ru").pdf
    assert first == again
    info = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert info["/CreationDate"] == "D:20260316000000+05'00'"


def test_another_process_renders_the_same_bytes(rendered):
    code = (
        "import hashlib; from inspector_app.core.documents import render_act; "
        "from inspector_app.demo.documents import sample_context; "
        "print(hashlib.sha256(render_act(sample_context(n_items=16, n_photos=4), 'kk+ru').pdf).hexdigest())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=_root(),
    )
    assert out.stdout.strip() == hashlib.sha256(rendered("act", "kk+ru").pdf).hexdigest()


def test_hash_covers_facts_not_language(ctx, rendered):
    assert rendered("order", "kk").sha256 == rendered("order", "ru").sha256
    before = content_hash(ctx, DocumentKind.ORDER)
    finding = ctx.findings[0]
    original = finding.description
    finding.description = original + " (өзгертілген)"
    try:
        assert content_hash(ctx, DocumentKind.ORDER) != before
    finally:
        finding.description = original
    assert content_hash(ctx, DocumentKind.ORDER) == before


def test_refusal_is_stated_and_witnessed(ctx):
    ctx = sample_context(n_items=4, n_photos=0, refusal=True)
    doc = render_act(ctx, "kk+ru")
    text = squashed(body_text(doc.pdf, doc.number))
    rep = ctx.inspection.representative.name
    assert squashed(f"{rep} актіге қол қоюдан бас тартты.") in text
    assert squashed(f"{rep} от подписи акта отказался(ась).") in text
    for witness in ctx.refusal.witnesses:
        assert squashed(witness.name) in text
    assert squashed(ctx.refusal.note) in text
    assert doc.sha256 != render_act(sample_context(n_items=4, n_photos=0), "kk+ru").sha256


def _root() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[2])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_protocol_does_not_read_as_imposing_the_fine(rendered, lang):
    """The protocol states the sanction the article provides and who decides; the fine
    proposed in the measure is not printed as a fine imposed."""
    doc = rendered("protocol_person", lang)
    text = body_text(doc.pdf, doc.number)
    index = 0 if lang == "kk" else 1
    assert TEXT["fine"][index] + "\n" not in text and "Штраф:" not in text
    assert squashed(TEXT["not_imposing"][index]) in squashed(text)
    assert squashed(("сот", "суд")[index]) in squashed(text)
