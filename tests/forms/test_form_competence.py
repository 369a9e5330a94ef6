"""The source act and effective date of a checklist, and the competence of each item's
measure, read as strictly as the rest of the file."""

from __future__ import annotations

import datetime as dt

import pytest
from form_samples import SAMPLE, line_of

from inspector_app.core.domain.models import MeasureKind
from inspector_app.core.forms.loader import FormError, form_content, load_form

LIFEGUARD = "sections[1].items[0]"
WATCH = "sections[1].items[1]"
PROTOCOL = '        measure: protocol\n        article: "127-3.1"\n'


def test_source_act_and_effective_date_are_read(write_form):
    form = load_form(write_form(SAMPLE))
    assert form.legal_act.ru == "Совместный приказ № 708/832"
    assert form.effective == dt.date(2024, 8, 1)
    content = form_content(form)
    assert content["effective"] == "2024-08-01" and content["legal_act"]["kk"]


@pytest.mark.parametrize(
    ("old", "new", "code", "marker", "key"),
    [
        ("effective: 2024-08-01\n", "", "forms.missing_key", "id: sample", "effective"),
        ("effective: 2024-08-01", "effective: 1 Aug 2024", "forms.expected_date", "effective:", "effective"),
        ("effective: 2024-08-01", "effective: 2024-02-30", "forms.expected_date", "effective:", "effective"),
        (
            "legal_act: {kk: 2015 жылғы № 708/832 бірлескен бұйрық, ",
            "legal_act: {",
            "forms.missing_translation",
            "legal_act:",
            "legal_act.kk",
        ),
        (
            PROTOCOL,
            "        measure: protocol\n",
            "forms.missing_key",
            "id: second.lifeguard",
            f"{LIFEGUARD}.article",
        ),
        (
            PROTOCOL,
            '        measure: protocol\n        article: "ст. 127-3"\n',
            "forms.bad_article",
            "article:",
            f"{LIFEGUARD}.article",
        ),
        (
            PROTOCOL,
            "        measure: transfer\n",
            "forms.missing_key",
            "id: second.lifeguard",
            f"{LIFEGUARD}.competent_body",
        ),
        (
            PROTOCOL,
            "        measure: transfer\n        competent_body: ministry\n",
            "forms.bad_value",
            "competent_body:",
            f"{LIFEGUARD}.competent_body",
        ),
        (
            PROTOCOL,
            "        measure: transfer\n        competent_body: committee\n",
            "forms.bad_value",
            "competent_body:",
            f"{LIFEGUARD}.competent_body",
        ),
        (
            "        measure: order\n      - id: second.children",
            "        measure: order\n        competent_body: police\n      - id: second.children",
            "forms.not_for_measure",
            "competent_body:",
            f"{WATCH}.competent_body",
        ),
    ],
)
def test_malformed_competence_names_line_and_key(write_form, old, new, code, marker, key):
    assert old in SAMPLE
    text = SAMPLE.replace(old, new, 1)
    with pytest.raises(FormError) as caught:
        load_form(write_form(text))
    assert (caught.value.code, caught.value.key) == (code, key)
    if marker in text:
        assert caught.value.line == line_of(text, marker)


def test_a_transfer_item_names_its_body_and_may_name_the_article(write_form):
    text = SAMPLE.replace(
        PROTOCOL, '        measure: transfer\n        competent_body: sanitary\n        article: "425.1"\n', 1
    )
    item = load_form(write_form(text)).item("second.lifeguard")
    assert (item.measure, item.competent_body, item.article) == (MeasureKind.TRANSFER, "sanitary", "425.1")


def test_a_transfer_may_name_a_body_the_reference_data_added(write_form):
    """Built-in bodies, plus the active ones the laptop's reference data knows; never the
    Committee or the court, even when the reference data lists them."""
    text = SAMPLE.replace(PROTOCOL, "        measure: transfer\n        competent_body: ombudsman\n", 1)
    path = write_form(text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.code == "forms.bad_value"
    assert load_form(path, ("ombudsman",)).item("second.lifeguard").competent_body == "ombudsman"
    committee = write_form(
        SAMPLE.replace(PROTOCOL, "        measure: transfer\n        competent_body: committee\n", 1)
    )
    with pytest.raises(FormError):
        load_form(committee, ("committee", "court", "ombudsman"))
