"""Each kind of malformed form file gives an error naming the file, the line and the key."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from form_samples import SAMPLE, line_of

from inspector_app.core.domain.errors import LANGUAGES, UserError
from inspector_app.core.forms.loader import FormError, load_form

FIRST = "sections[0].items[0]"  # first.guards
WATER = "sections[0].items[1]"  # first.water (choice)
LIFEGUARD = "sections[1].items[0]"
WATCH = "sections[1].items[1]"
CHILDREN = "sections[1].items[2]"  # number


@dataclass(frozen=True)
class Case:
    old: str  # text of SAMPLE to replace (first occurrence)
    new: str
    code: str
    marker: str  # the error's line is the first line of the broken file holding this
    key: str
    cut: bool = False  # drop the rest of the file after `new`
    occurrence: int = 1  # of the marker


GUARDS_TEXT = "text: {kk: Күзет бар, ru: Охрана есть, en: Guards present}"

CASES = {
    "photo limit too small": Case(
        "        photo_on_violation: true\n",
        "        photo_on_violation: true\n        photo_max_pixels: 100\n",
        "forms.expected_integer",
        "photo_max_pixels: 100",
        f"{FIRST}.photo_max_pixels",
    ),
    "photo keep original not a boolean": Case(
        "        photo_on_violation: true\n",
        "        photo_on_violation: true\n        photo_keep_original: sometimes\n",
        "forms.expected_boolean",
        "photo_keep_original: sometimes",
        f"{FIRST}.photo_keep_original",
    ),
    "unknown item key": Case(
        "        photo_on_violation: true\n",
        "        photo_on_violation: true\n        colour: red\n",
        "forms.unknown_key",
        "colour: red",
        f"{FIRST}.colour",
    ),
    "unknown top-level key": Case(
        "kind: school\n", "kind: school\nauthor: someone\n", "forms.unknown_key", "author:", "author"
    ),
    "unknown key in a translation": Case(
        "en: Guards present}",
        "en: Guards present, de: Wachen}",
        "forms.unknown_key",
        GUARDS_TEXT[:20],
        f"{FIRST}.text.de",
    ),
    "repeated key": Case(
        "        degree: gross\n",
        "        degree: gross\n        degree: minor\n",
        "forms.duplicate_key",
        "degree: minor",
        f"{FIRST}.degree",
    ),
    "missing key": Case(
        "        legal_basis: {kk: № 117 бұйрық, ru: Приказ № 117, en: Order No. 117}\n",
        "",
        "forms.missing_key",
        "- id: first.guards",
        f"{FIRST}.legal_basis",
    ),
    "translation absent": Case(
        GUARDS_TEXT,
        "text: {kk: Күзет бар, ru: Охрана есть}",
        "forms.missing_translation",
        "text: {kk: Күзет бар",
        f"{FIRST}.text.en",
    ),
    "translation empty": Case(
        "en: Guards present}",
        "en: ''}",
        "forms.missing_translation",
        "text: {kk: Күзет бар",
        f"{FIRST}.text.en",
    ),
    "translation blank": Case(
        "kk: Күзет бар,", "kk: '   ',", "forms.missing_translation", "kk: '   '", f"{FIRST}.text.kk"
    ),
    "section title without Kazakh": Case(
        "title: {kk: Екінші бөлім, ru:",
        "title: {ru:",
        "forms.missing_translation",
        "title: {ru: Второй",
        "sections[1].title.kk",
    ),
    "duplicate item id across sections": Case(
        "- id: second.watch",
        "- id: first.guards",
        "forms.duplicate_id",
        "- id: first.guards",
        f"{WATCH}.id",
        occurrence=2,
    ),
    "duplicate section id": Case(
        "- id: second\n",
        "- id: first\n",
        "forms.duplicate_id",
        "- id: first\n",
        "sections[1].id",
        occurrence=2,
    ),
    "duplicate choice value": Case(
        "- value: pool",
        "- value: none",
        "forms.duplicate_id",
        "- value: none",
        f"{WATER}.choices[1].value",
        occurrence=2,
    ),
    "condition on an unknown item": Case(
        "{item: first.guards, in: [violated]}",
        "{item: first.gaurds, in: [violated]}",
        "forms.condition_unknown_item",
        "first.gaurds",
        f"{WATCH}.condition.item",
    ),
    "condition on a later item": Case(
        "      - id: first.guards\n",
        "      - id: first.guards\n        condition: {item: second.watch, in: [violated]}\n",
        "forms.condition_forward",
        "{item: second.watch",
        f"{FIRST}.condition.item",
    ),
    "condition on the item itself": Case(
        "{item: first.guards, in: [violated]}",
        "{item: second.watch, in: [violated]}",
        "forms.condition_forward",
        "{item: second.watch",
        f"{WATCH}.condition.item",
    ),
    "condition value not among the choices": Case(
        "in: [pool]",
        "in: [pool, beach]",
        "forms.condition_value",
        "in: [pool, beach]",
        f"{LIFEGUARD}.condition.in[1]",
    ),
    "condition value not a verdict": Case(
        "in: [violated]", "in: [broken]", "forms.condition_value", "in: [broken]", f"{WATCH}.condition.in[0]"
    ),
    "condition on a number item": Case(
        "        rights: education\n        measure: recommendation\n",
        "        rights: education\n        measure: recommendation\n"
        "      - id: second.many\n"
        "        condition: {item: second.children, in: ['5']}\n"
        "        text: {kk: Көп, ru: Много, en: Many}\n"
        "        legal_basis: {kk: Заң, ru: Закон, en: Law}\n"
        "        degree: minor\n        rights: education\n        measure: order\n",
        "forms.condition_target_kind",
        "{item: second.children",
        "sections[1].items[3].condition.item",
    ),
    "bad degree": Case(
        "degree: gross", "degree: severe", "forms.bad_value", "degree: severe", f"{FIRST}.degree"
    ),
    "bad rights category": Case(
        "rights: safety", "rights: comfort", "forms.bad_value", "rights: comfort", f"{FIRST}.rights"
    ),
    "bad measure": Case(
        "measure: order", "measure: fine", "forms.bad_value", "measure: fine", f"{FIRST}.measure"
    ),
    "bad facility kind": Case("kind: school", "kind: hospital", "forms.bad_value", "kind: hospital", "kind"),
    "bad answer kind": Case(
        "kind: choice", "kind: slider", "forms.bad_value", "kind: slider", f"{WATER}.kind"
    ),
    "version is not a number": Case(
        "version: 1", "version: one", "forms.expected_integer", "version: one", "version"
    ),
    "version zero": Case("version: 1", "version: 0", "forms.expected_integer", "version: 0", "version"),
    "required is not a boolean": Case(
        "required: false",
        "required: 'no'",
        "forms.expected_boolean",
        "required: 'no'",
        f"{CHILDREN}.required",
    ),
    "min is not a number": Case(
        "min: 0", "min: none", "forms.expected_number", "min: none", f"{CHILDREN}.min"
    ),
    "text given as a plain string": Case(
        GUARDS_TEXT, "text: Күзет бар", "forms.expected_mapping", "text: Күзет бар", f"{FIRST}.text"
    ),
    "translation is not text": Case(
        "en: Guards present}", "en: [Guards]}", "forms.expected_text", GUARDS_TEXT[:20], f"{FIRST}.text.en"
    ),
    "sections is not a list": Case(
        "sections:\n", "sections: many\n", "forms.expected_list", "sections: many", "sections", cut=True
    ),
    "empty item list": Case(
        "    items:\n      - id: second.lifeguard",
        "    items: []\n",
        "forms.empty_list",
        "items: []",
        "sections[1].items",
        cut=True,
    ),
    "bad item id": Case(
        "- id: first.guards", "- id: First Guards", "forms.bad_id", "First Guards", f"{FIRST}.id"
    ),
    "choices on a verdict item": Case(
        "        photo_on_violation: true\n",
        "        photo_on_violation: true\n        choices: []\n",
        "forms.not_for_kind",
        "choices: []",
        f"{FIRST}.choices",
    ),
    "photo on a number item": Case(
        "        required: false\n",
        "        required: false\n        photo_on_violation: true\n",
        "forms.not_for_kind",
        "photo_on_violation: true",
        f"{CHILDREN}.photo_on_violation",
        occurrence=2,
    ),
    "choice item without choices": Case(
        "        choices:\n          - value: none\n            label: {kk: Жоқ, ru: Нет, en: None}\n"
        "          - value: pool\n            label: {kk: Бассейн, ru: Бассейн, en: Pool}\n",
        "",
        "forms.missing_key",
        "- id: first.water",
        f"{WATER}.choices",
    ),
    "a single choice": Case(
        "          - value: pool\n            label: {kk: Бассейн, ru: Бассейн, en: Pool}\n",
        "",
        "forms.too_few_choices",
        "- value: none",
        f"{WATER}.choices",
    ),
    "min above max": Case("min: 0", "min: 600", "forms.range", "min: 600", f"{CHILDREN}.min"),
    "YAML syntax error": Case(
        "        degree: significant\n",
        "        degree: significant: high\n",
        "forms.yaml_syntax",
        "significant: high",
        "degree",
    ),
    "unclosed flow mapping": Case(
        "en: Swimming place}",
        "en: Swimming place\n",
        "forms.yaml_syntax",
        "legal_basis: {kk: ҚР ДСМ-78",
        "legal_basis",
    ),
}


def case_text(case: Case) -> str:
    assert case.old in SAMPLE, case.old
    if case.cut:
        return SAMPLE[: SAMPLE.index(case.old)] + case.new
    return SAMPLE.replace(case.old, case.new, 1)


def assert_names_file_line_key(error: FormError, path, line: int, key: str) -> None:
    assert (error.file, error.line, error.key) == (str(path), line, key)
    for lang in LANGUAGES:
        text = error.message(lang)
        assert str(path) in text and str(line) in text and key in text, text


def test_sample_itself_loads(write_form):
    form = load_form(write_form(SAMPLE))
    assert [i.id for i in form.items()] == [
        "first.guards",
        "first.water",
        "second.lifeguard",
        "second.watch",
        "second.children",
    ]


@pytest.mark.parametrize("name", CASES)
def test_malformed_file_names_file_line_and_key(name, write_form):
    case = CASES[name]
    text = case_text(case)
    path = write_form(text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == case.code, caught.value
    line = line_of(text, case.marker, case.occurrence)
    assert_names_file_line_key(caught.value, path, line, case.key)


def test_file_name_must_match_id(write_form):
    path = write_form(SAMPLE, name="other.v1.yaml")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.file_name"
    assert_names_file_line_key(caught.value, path, line_of(SAMPLE, "id: sample"), "id")
    assert "sample.v1.yaml" in caught.value.message("en")


def test_file_name_must_match_version(write_form):
    path = write_form(SAMPLE, name="sample.v2.yaml")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.file_name"
    assert_names_file_line_key(caught.value, path, line_of(SAMPLE, "version: 1"), "version")


def test_file_name_without_version(write_form):
    path = write_form(SAMPLE, name="sample.yaml")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert (caught.value.code, caught.value.key) == ("forms.file_name", "id")


def test_not_utf8(tmp_path):
    path = tmp_path / "sample.v1.yaml"
    path.write_bytes(SAMPLE.encode("cp1251", errors="replace"))
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.unreadable"
    assert str(path) in caught.value.message("kk")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a list\n", "just text\n"])
def test_not_a_mapping(text, write_form):
    path = write_form(text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.expected_mapping"
    assert (caught.value.line, caught.value.key) == (1, "(root)")


def test_two_documents(write_form):
    path = write_form(SAMPLE + "---\nid: again\n")
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.yaml_syntax"
    assert caught.value.line == line_of(SAMPLE + "---\n", "---")


def test_form_error_is_a_user_error(write_form):
    path = write_form(SAMPLE.replace("degree: gross", "degree: severe", 1))
    with pytest.raises(UserError) as caught:
        load_form(path)
    messages = {lang: caught.value.message(lang) for lang in LANGUAGES}
    assert "жол" in messages["kk"] and "строка" in messages["ru"] and "line" in messages["en"]
    assert len(set(messages.values())) == 3
