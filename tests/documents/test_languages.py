"""A Kazakh-only document has no Russian text and a Russian-only one no Kazakh; a bilingual
document refuses a text entered in one language only. Read back from the rendered PDFs."""

from __future__ import annotations

import pytest

from inspector_app.core.documents import DocumentKind, render
from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Localized
from inspector_app.demo.documents import sample_context
from tests.documents.pdfcheck import body_text, other_language_marks, page_texts

DOCUMENTS = {
    "protocol_person": (DocumentKind.PROTOCOL, "m1"),
    "protocol_organisation": (DocumentKind.PROTOCOL, "m2"),
    "order": (DocumentKind.ORDER, None),
    "recommendation": (DocumentKind.RECOMMENDATION, None),
    "disciplinary_referral": (DocumentKind.REFERRAL, "m5"),
    "transfer": (DocumentKind.TRANSFER, "m6"),
}


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=14, n_photos=2)


def neutral_values(ctx) -> list[str]:
    """Data written one way whatever the document's language: names of people and
    organisations, addresses, bank details, the finding notes typed once."""
    values = [ctx.profile.name, ctx.place, ctx.facility.address, ctx.facility.head]
    values += [p.name for p in ctx.inspection.inspectors] + [ctx.representative().name]
    values += [f.description for f in ctx.findings]
    for m in ctx.measures:
        people = m.witnesses + m.victims + ([m.official] if m.official else [])
        values += [p.name for p in people] + [p.address for p in people] + [m.offence_place]
        if m.offender:
            o = m.offender
            values += [o.name, o.address, o.bank_details]
            values += [o.representative.name] if o.representative else []
    return values


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_monolingual_document_has_no_text_of_the_other_language(ctx, name, lang):
    kind, measure_id = DOCUMENTS[name]
    doc = render(ctx, kind, lang, measure_id)
    text = "\n".join(page_texts(doc.pdf))
    assert other_language_marks(text, lang, neutral_values(ctx)) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_check_finds_the_other_language(lang):
    """The check can fail: a Russian word in a Kazakh text, a Kazakh letter in a Russian one."""
    assert other_language_marks("Хаттама жасалды и жіберілді", "kk")
    assert other_language_marks("Хаттама ещё жасалды", "kk")
    assert other_language_marks("Протокол составлен в Әуезов районе", "ru")
    assert not other_language_marks("Тексерілетін субъект: объект, эвакуация жоспары", "kk")
    assert not other_language_marks("Приказ № ҚР ДСМ-76 от 5 августа 2021 года", "ru")


def test_a_text_in_one_language_only_refuses_the_bilingual_document():
    ctx = sample_context(n_items=8, n_photos=0)
    protocol = ctx.measure("m1", "protocol")
    protocol.substance = Localized(kk="Буллинг туралы хабарламаларды тіркеу тәртібі жоқ.")
    assert "тіркеу тәртібі жоқ" in body_text(render(ctx, DocumentKind.PROTOCOL, "kk", "m1").pdf, "—")
    with pytest.raises(UserError) as caught:
        render(ctx, DocumentKind.PROTOCOL, "kk+ru", "m1")
    assert caught.value.code == "documents.missing_language"
    assert "Существо правонарушения" in caught.value.message("ru")
    assert "на русском языке" in caught.value.message("ru")
    with pytest.raises(UserError):
        render(ctx, DocumentKind.PROTOCOL, "ru", "m1")


def test_a_position_in_one_language_only_refuses_the_bilingual_referral():
    ctx = sample_context(n_items=8, n_photos=0)
    ctx.measure("m5", "disciplinary").official.position_ru = ""
    render(ctx, DocumentKind.REFERRAL, "kk", "m5")
    with pytest.raises(UserError) as caught:
        render(ctx, DocumentKind.REFERRAL, "kk+ru", "m5")
    assert "Лауазымы" in caught.value.message("kk")
