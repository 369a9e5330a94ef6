"""The four checklists shipped in forms/: complete, trilingual, with conditions that work."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from inspector_app.core.domain.forms import AnswerKind, Form
from inspector_app.core.domain.models import Bilingual, Degree, FacilityKind, MeasureKind
from inspector_app.core.forms.loader import FORMS_DIR, load_form, load_forms

KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
FORMS = ["school.v1", "camp.v1", "orphanage.v1", "special_needs.v1"]
CITED_NORMS = re.compile(r"ҚР ДСМ-76|ҚР ДСМ-78|№ 117|№ 614|№ 55|Закона|кодекса|Кодекса")
# an article, paragraph or point in each language
POINT_RU = re.compile(r"(Пункт|пункт|Подпункт|подпункт|Статья|статья|статьи) \d+")
POINT_KK = re.compile(r"\d+\)? ?-?(бабы|бабының|тармағы|тармағының|тармақшасы)")
POINT_EN = re.compile(r"(Article|point|Point) \d+")
# an order named by issuer, date and number
ORDER_RU = re.compile(r"приказом (Министра [^,;]+?) от (\d{1,2} [а-я]+ \d{4} года) № (ҚР ДСМ-\d+|\d+)")


@pytest.fixture(scope="module")
def shipped() -> dict[str, Form]:
    forms, unavailable = load_forms(FORMS_DIR)
    assert unavailable == []
    return {f"{f.id}.v{f.version}": f for f in forms}


def all_texts(form: Form) -> list[Bilingual]:
    texts = [form.title]
    for section in form.sections:
        texts.append(section.title)
        for item in section.items:
            texts += [item.text, item.legal_basis, *(c.label for c in item.choices)]
            texts += [item.hint] if item.hint else []
    return texts


def test_one_form_per_facility_kind(shipped):
    assert {f.kind for f in shipped.values()} == set(FacilityKind)
    assert set(FORMS) <= set(shipped)


@pytest.mark.parametrize("form_id", FORMS)
def test_form_is_complete(shipped, form_id):
    form = shipped[form_id]
    items = form.items()
    assert 42 <= len(items) <= 48
    assert 4 <= len(form.sections) <= 7
    kinds = Counter(i.kind for i in items)
    assert set(kinds) == set(AnswerKind)  # verdicts plus number, text, choice and date items
    assert kinds[AnswerKind.VERDICT] > len(items) * 0.7
    assert sum(i.condition is not None for i in items) >= 3
    assert any(not i.required for i in items)
    assert any(i.photo_on_violation for i in items)
    assert {i.degree for i in items} == set(Degree)
    assert all(i.id.startswith(s.id + ".") for s in form.sections for i in s.items)


@pytest.mark.parametrize("form_id", FORMS)
def test_every_text_in_three_languages(shipped, form_id):
    for text in all_texts(shipped[form_id]):
        assert text.kk.strip() and text.ru.strip() and text.en.strip(), text


@pytest.mark.parametrize("form_id", FORMS)
def test_kazakh_texts_are_kazakh(shipped, form_id):
    items = shipped[form_id].items()
    for item in items:
        assert KAZAKH_LETTERS.search(item.legal_basis.kk), item.id
        assert item.text.kk != item.text.ru and not KAZAKH_LETTERS.search(item.text.ru), item.id
    # a few short correct Kazakh texts need none of the letters ("Штатта педагог-психолог бар")
    with_letters = [i.id for i in items if KAZAKH_LETTERS.search(i.text.kk)]
    assert len(with_letters) >= 0.9 * len(items)
    assert KAZAKH_LETTERS.search(shipped[form_id].title.kk)


@pytest.mark.parametrize("form_id", FORMS)
def test_every_item_cites_a_norm_by_article_or_point(shipped, form_id):
    for item in shipped[form_id].items():
        basis = item.legal_basis
        assert CITED_NORMS.search(basis.ru), item.id
        assert POINT_RU.search(basis.ru) and POINT_KK.search(basis.kk) and POINT_EN.search(basis.en), item.id


def test_orders_are_named_by_issuer_date_and_number(shipped):
    """Two different orders are both "No. 117": each citation says which."""
    seen: dict[str, set[tuple[str, str]]] = {}
    for form in shipped.values():
        for item in form.items():
            ru = item.legal_basis.ru
            assert "приказ" not in ru.replace("приказом", "") or "Совместный" in ru, item.id
            for issuer, date, number in ORDER_RU.findall(ru):
                seen.setdefault(number, set()).add((issuer, date))
    assert seen["117"] == {
        ("Министра образования и науки Республики Казахстан", "30 марта 2022 года"),
        ("Министра просвещения Республики Казахстан", "21 мая 2025 года"),
    }
    assert all(len(v) == 1 for k, v in seen.items() if k != "117"), seen


@pytest.mark.parametrize("form_id", FORMS)
def test_every_checklist_names_its_source_act_and_effective_date(shipped, form_id):
    form = shipped[form_id]
    assert "№ 708" in form.legal_act.ru and "№ 832" in form.legal_act.ru and "12844" in form.legal_act.ru
    assert form.effective is not None and form.effective.isoformat() == "2024-08-01"


def test_competence_of_each_measure(shipped):
    """The Committee draws up protocols only under its own articles; sanitary, fire, water and
    public-order violations are referred to the competent body."""
    for form in shipped.values():
        for item in form.items():
            if item.measure is MeasureKind.PROTOCOL:
                assert item.article in ("127-3.1", "127-3.2", "135.1"), item.id
            if item.measure is MeasureKind.TRANSFER:
                assert item.competent_body, item.id
            if "425" in item.article:
                assert item.measure is MeasureKind.TRANSFER and item.competent_body == "sanitary"
            numbers = {n for _, _, n in ORDER_RU.findall(item.legal_basis.ru)}
            only_sanitary = (
                numbers
                and numbers <= {"ҚР ДСМ-76", "ҚР ДСМ-78"}
                and not re.search("Закона|кодекса|Кодекса", item.legal_basis.ru)
            )
            if only_sanitary and item.kind is AnswerKind.VERDICT:
                assert item.measure is MeasureKind.TRANSFER and item.competent_body == "sanitary", item.id
            if "пожарной безопасности" in item.legal_basis.ru and item.kind is AnswerKind.VERDICT:
                assert item.competent_body == "emergency", item.id
    bodies = {i.competent_body for f in shipped.values() for i in f.items()}
    assert {"sanitary", "emergency", "police", "water_rescue"} <= bodies


def test_value_items_are_well_formed(shipped):
    for form in shipped.values():
        for item in form.items():
            if item.kind is AnswerKind.NUMBER:
                assert item.minimum is not None and item.maximum is not None, item.id
            if item.kind is AnswerKind.CHOICE:
                assert len(item.choices) >= 2, item.id
            if item.kind is not AnswerKind.VERDICT:
                assert not item.photo_on_violation, item.id


def test_all_measures_are_used(shipped):
    assert {i.measure for f in shipped.values() for i in f.items()} == set(MeasureKind)


def test_item_ids_are_unique_across_forms(shipped):
    ids = [i.id for key in FORMS for i in shipped[key].items()]
    assert len(ids) == len(set(ids))


def test_school_conditions(shipped):
    school = shipped["school.v1"]
    hidden = {
        "sch.security.staff_watch",
        "sch.environment.dorm_living",
        "sch.environment.dorm_night",
        "sch.environment.bus_condition",
        "sch.education.inclusive",
    }
    visible = {i.id for i in school.visible_items({})}
    assert not hidden & visible
    answers = {
        "sch.security.guards": "violated",
        "sch.general.dormitory": "present",
        "sch.environment.transport": "school_bus",
        "sch.education.sen_present": "present",
    }
    assert hidden <= {i.id for i in school.visible_items(answers)}
    answers.update({"sch.security.guards": "complies", "sch.general.dormitory": "none"})
    visible = {i.id for i in school.visible_items(answers)}
    assert "sch.security.staff_watch" not in visible and "sch.environment.dorm_night" not in visible
    assert "sch.environment.bus_escort" in visible


def test_camp_water_conditions(shipped):
    camp = shipped["camp.v1"]

    def shown(water: str) -> set[str]:
        return {
            i.id for i in camp.visible_items({"camp.general.water": water}) if i.id.startswith("camp.water.")
        }

    assert shown("none") == set()
    assert shown("pool") == {
        "camp.water.lifeguard",
        "camp.water.supervision",
        "camp.water.rescue_equipment",
        "camp.water.pool_water",
    }
    assert "camp.water.bathing_site" in shown("beach") and "camp.water.pool_water" not in shown("beach")
    assert len(shown("both")) == 5


def test_condition_values_are_answers_of_earlier_items(shipped):
    for form in shipped.values():
        seen: dict[str, object] = {}
        for item in form.items():
            if item.condition:
                target = form.item(item.condition.item_id)
                assert target.id in seen, item.id
                possible = (
                    {"complies", "violated", "not_applicable"}
                    if target.kind is AnswerKind.VERDICT
                    else {c.value for c in target.choices}
                )
                assert set(item.condition.values) <= possible, item.id
            seen[item.id] = item


def test_loading_is_fast():
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        forms, _ = load_forms(FORMS_DIR)
        runs.append(time.perf_counter() - start)
    assert len(forms) >= 4
    assert sorted(runs)[2] < 0.1  # median of five, well under on a laptop (about 20 ms)


def test_form_records_source_and_hash():
    form = load_form(FORMS_DIR / "school.v1.yaml")
    assert form.source.endswith("school.v1.yaml")
    assert re.fullmatch("[0-9a-f]{64}", form.content_hash)
