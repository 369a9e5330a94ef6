"""The act on results: children restored, registration, surprise ground, objections, and each
language alone: a Kazakh act has no Russian text and a Russian one no Kazakh."""

from __future__ import annotations

import dataclasses
import re

import pytest

from inspector_app.core.documents import DocumentKind, render
from inspector_app.core.documents.labels import ENUMS, TEXT
from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.models import InspectionType, RestoredChild, RightsCategory
from inspector_app.demo.documents import sample_context
from tests.documents.pdfcheck import KAZAKH_LETTERS, body_text, page_texts, squashed

WORD = re.compile(r"[а-яёәғқңөұүһі]{3,}")
OTHER = {"kk": "ru", "ru": "kk"}


def words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def strings(value) -> list[str]:
    """Every string in a JSON-able value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def user_words(ctx, lang: str) -> set[str]:
    """Words the inspector typed (notes, names, positions...), and the bilingual reference
    data (body, facility, checklist) in the act's own language only."""
    typed = to_json(
        [
            ctx.inspection,
            ctx.answers,
            ctx.findings,
            ctx.measures,
            ctx.restored,
            ctx.profile.name,
            ctx.profile.position,
            ctx.place,
            ctx.facility.address,
            ctx.facility.head,
        ]
    )
    own = [
        getattr(ctx.profile, f"body_{lang}"),
        getattr(ctx.facility, f"name_{lang}"),
        getattr(ctx.regions[ctx.profile.region], lang),
        getattr(ctx.form.title, lang),
    ]
    for item in ctx.form.items():
        own += [getattr(item.text, lang), getattr(item.legal_basis, lang)]
        own += [getattr(c.label, lang) for c in item.choices]
    own += [getattr(s.title, lang) for s in ctx.form.sections]
    return words(" ".join(strings(typed) + own))


def template_words(lang: str) -> set[str]:
    index = 0 if lang == "kk" else 1
    return words(" ".join(t[index] for t in (*TEXT.values(), *ENUMS.values())))


def form_words(ctx, lang: str) -> set[str]:
    texts = [getattr(i.text, lang) + " " + getattr(i.legal_basis, lang) for i in ctx.form.items()]
    return words(" ".join(texts + [getattr(s.title, lang) for s in ctx.form.sections]))


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=16, n_photos=2)


@pytest.fixture(scope="module")
def acts(ctx):
    return {lang: render(ctx, DocumentKind.ACT, lang) for lang in ("kk", "ru")}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_act_in_one_language_has_no_text_of_the_other(ctx, acts, lang):
    printed = words("\n".join(page_texts(acts[lang].pdf)))
    own = template_words(lang) | user_words(ctx, lang)
    foreign = (template_words(OTHER[lang]) | form_words(ctx, OTHER[lang])) - own
    assert foreign, "nothing to look for"
    assert printed & foreign == set()
    assert printed & template_words(lang)  # and the act is there at all
    if lang == "ru":  # Kazakh letters only in what the inspector typed (names, notes)
        assert {w for w in printed - own if set(w) & set(KAZAKH_LETTERS.casefold())} == set()


def test_the_russian_letterhead_is_absent_from_the_kazakh_act_and_back(ctx, acts):
    kk, ru = (squashed("".join(page_texts(acts[lang].pdf))) for lang in ("kk", "ru"))
    assert squashed(ctx.profile.body_kk.upper()) in kk and squashed(ctx.profile.body_ru.upper()) not in kk
    assert squashed(ctx.profile.body_ru.upper()) in ru and squashed(ctx.profile.body_kk.upper()) not in ru


@pytest.mark.parametrize(
    ("lang", "total", "note"),
    [
        ("kk", "Барлық балалар (әр бала бір рет)32", "Қалпынакелтіргенбұзушылық"),
        ("ru", "Всего детей (каждый ребёнок один раз)32", "Восстановленопонарушению"),
    ],
)
def test_children_counted_once_per_category_and_once_in_the_total(ctx, acts, lang, total, note):
    """31 children fed, 2 of them also supported by a psychologist, 1 kept safe: 32 in all."""
    text = squashed(body_text(acts[lang].pdf, acts[lang].number))
    for category, count in (
        (RightsCategory.MEALS_HEALTH, 31),
        (RightsCategory.PSYCH_SUPPORT, 2),
        (RightsCategory.SAFETY, 1),
    ):
        words_of = ENUMS[category.value][0 if lang == "kk" else 1]
        assert squashed(words_of) + str(count) in text
    assert squashed(total) in text and note in text


def test_the_same_reference_twice_is_one_child(ctx):
    twice = [
        RestoredChild("a", "Ә.Қ.", [RightsCategory.HOUSING]),
        RestoredChild("b", " ә.қ. ", [RightsCategory.HOUSING, RightsCategory.EDUCATION]),
    ]
    doc = render(dataclasses.replace(ctx, restored=twice), DocumentKind.ACT, "ru")
    text = squashed(body_text(doc.pdf, doc.number))
    assert "правонажильё1" in text and "правонаобразование1" in text
    assert "каждыйребёнокодинраз)1" in text


def header(ctx, **changes):
    inspection = dataclasses.replace(ctx.inspection, **changes)
    return dataclasses.replace(ctx, inspection=inspection)


@pytest.mark.parametrize(("lang", "words_"), [("kk", "ТІРКЕЛМЕГЕН"), ("ru", "НЕЗАРЕГИСТРИРОВАН")])
@pytest.mark.parametrize("kind", [InspectionType.SCHEDULED, InspectionType.UNSCHEDULED])
def test_a_visit_not_registered_says_so_plainly(ctx, lang, words_, kind):
    doc = render(header(ctx, type=kind, registration_mark="", registration_date=None), DocumentKind.ACT, lang)
    assert words_ in squashed(body_text(doc.pdf, doc.number))


def test_registration_number_and_date_printed(ctx, acts):
    text = squashed(body_text(acts["ru"].pdf, acts["ru"].number))
    assert squashed("№ 260310-0117-ҚСАЕК / КПСиСУ от 10.03.2026") in text
    assert "НЕЗАРЕГИСТРИРОВАН" not in text


@pytest.mark.parametrize(
    ("special", "expected"),
    [
        (
            True,
            "объектвключёнвреестробъектов,подлежащихособомуконтролюинадзору(ЗаконРеспубликиКазахстан"
            "«Оправахребёнка»,с1февраля2026года)",
        ),
        (False, "объектневключёнвреестробъектов"),
    ],
)
def test_a_surprise_inspection_states_its_ground(ctx, special, expected):
    surprise = header(ctx, type=InspectionType.SURPRISE, ground=None, registration_mark="")
    surprise.facility = dataclasses.replace(ctx.facility, special_control=special)
    doc = render(surprise, DocumentKind.ACT, "ru")
    text = squashed(body_text(doc.pdf, doc.number))
    assert expected in text
    assert "нетребуется(внезапнаяпроверка)" in text and "НЕЗАРЕГИСТРИРОВАН" not in text


def test_objections_recorded_or_lines_to_write_them_and_the_receipt_date_line(ctx, acts):
    blank = squashed(body_text(acts["kk"].pdf, acts["kk"].number))
    assert squashed(TEXT["objections"][0]) in blank and squashed(TEXT["copy_received_date"][0]) in blank
    written = render(
        header(ctx, objections="Бейнебақылау 2026 жылғы 1 сәуірге дейін жөнделеді."), DocumentKind.ACT, "kk"
    )
    text = squashed(body_text(written.pdf, written.number))
    assert squashed("Бейнебақылау 2026 жылғы 1 сәуірге дейін жөнделеді.") in text
    assert written.sha256 != acts["kk"].sha256  # the objections are part of the content
