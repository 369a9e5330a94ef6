"""The measure dialogs: art. 803 fields of a protocol under the Committee's articles only,
the referral to the competent body, texts per language, a size that fits 1366×768."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.models import Bilingual, Degree, Finding, MeasureKind, OffenderKind
from inspector_app.core.domain.reference import ARTICLES, BODIES, COURT, MRP_BY_YEAR
from inspector_app.desktop.ui.measures.measure_dialogs import MeasureDialog
from tests.gui.conftest import type_text

TODAY = dt.date(2026, 3, 16)


def dialog_for(qtbot, school_form, kind: MeasureKind, item_id: str) -> MeasureDialog:
    finding = Finding("f1", "insp-1", item_id, Degree.GROSS)
    dialog = MeasureDialog(
        kind, "insp-1", [finding], school_form, list(ARTICLES), dict(MRP_BY_YEAR), "ru", today=TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(qtbot, dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_protocol_offers_only_the_committees_articles(qtbot, school_form):
    dialog = dialog_for(qtbot, school_form, MeasureKind.PROTOCOL, "sch.protection.bullying_procedure")
    article = dialog.findChild(QComboBox, "article")
    codes = [article.itemData(i) for i in range(article.count())]
    assert codes == ["127-3.1", "127-3.2", "135.1"]
    assert article.currentData() == "127-3.1"  # the item's usual article


def test_who_decides_the_case_is_named_as_the_reference_data_has_it(qtbot, school_form):
    """A body renamed by an administrator (synced into the store) is named by its new name."""
    finding = Finding("f1", "insp-1", "sch.protection.bullying_procedure", Degree.GROSS)
    court = Bilingual("Мамандандырылған ауданаралық сот", "Специализированный межрайонный суд", "")
    dialog = MeasureDialog(
        MeasureKind.PROTOCOL,
        "insp-1",
        [finding],
        school_form,
        list(ARTICLES),
        dict(MRP_BY_YEAR),
        "ru",
        today=TODAY,
        bodies={**BODIES, COURT: court},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    article = dialog.findChild(QComboBox, "article")
    assert next(a for a in ARTICLES if a.code == article.currentData()).decided_by == COURT
    assert "Специализированный межрайонный суд" in dialog.protocol.sanction.text()


def test_protocol_against_an_official_needs_identity_and_workplace(qtbot, school_form):
    dialog = dialog_for(qtbot, school_form, MeasureKind.PROTOCOL, "sch.protection.bullying_procedure")
    for name in (
        "offender_kind",
        "offender_name",
        "offender_id",
        "workplace",
        "id_document",
        "representative_name",
        "power_of_attorney",
        "business_size",
        "prior_penalties",
        "witnesses",
        "victims",
        "article",
        "substance_kk",
        "substance_ru",
    ):
        assert dialog.findChild(object, name) is not None, name
    type_text(dialog.findChild(QLineEdit, "offender_name"), "Сәрсенов Ғалым")
    type_text(dialog.findChild(QLineEdit, "offender_id"), make_valid_12("80010130045"))
    press_ok(qtbot, dialog)
    assert dialog.measure is None and "удостоверяющего личность" in dialog.error.text()
    type_text(dialog.findChild(QLineEdit, "id_document"), "045612378")
    type_text(dialog.findChild(QLineEdit, "workplace_ru"), "Школа № 5")
    type_text(dialog.findChild(QLineEdit, "workplace_kk"), "№ 5 мектеп")
    press_ok(qtbot, dialog)
    m = dialog.measure
    assert m is not None and m.offender.id_document.number == "045612378"
    assert m.offender.workplace.kk == "№ 5 мектеп" and (m.article, m.part) == ("127-3", "1")


def test_organisation_signs_through_its_representative(qtbot, school_form):
    dialog = dialog_for(qtbot, school_form, MeasureKind.PROTOCOL, "sch.protection.bullying_procedure")
    kind = dialog.findChild(QComboBox, "offender_kind")
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert kind.currentData() == OffenderKind.ORGANISATION
    article = dialog.findChild(QComboBox, "article")
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_End)  # 135 part 1: the fine depends on the size
    type_text(dialog.findChild(QLineEdit, "offender_name"), "ТОО «Балапан»")
    type_text(dialog.findChild(QLineEdit, "offender_id"), make_valid_12("12034001234"))
    press_ok(qtbot, dialog)
    assert dialog.measure is None and "представителя" in dialog.error.text()
    type_text(dialog.findChild(QLineEdit, "representative_name"), "Оспанов Нұрлан")
    type_text(dialog.findChild(QLineEdit, "power_of_attorney"), "17")
    press_ok(qtbot, dialog)
    assert dialog.measure is None and "категори" in dialog.error.text()
    size = dialog.findChild(QComboBox, "business_size")
    size.setFocus()
    qtbot.keyClick(size, Qt.Key.Key_Down)
    press_ok(qtbot, dialog)
    o = dialog.measure.offender
    assert o.representative.name == "Оспанов Нұрлан" and o.attorney_number == "17"
    assert o.business_size.value == "small"


def test_referral_to_the_competent_body(qtbot, school_form):
    dialog = dialog_for(qtbot, school_form, MeasureKind.TRANSFER, "sch.meals.food_safety")
    body = dialog.findChild(QComboBox, "addressee_body")
    assert body.currentData() == "sanitary"  # the item's competent body
    assert "committee" not in [body.itemData(i) for i in range(body.count())]
    press_ok(qtbot, dialog)
    assert dialog.measure is None and "наименование органа" in dialog.error.text()
    type_text(dialog.findChild(QLineEdit, "addressee_ru"), "Департамент СЭК г. Алматы")
    press_ok(qtbot, dialog)
    assert dialog.measure.kind is MeasureKind.TRANSFER
    assert dialog.measure.addressee_body == "sanitary"


@pytest.mark.parametrize("kind", list(MeasureKind))
def test_every_dialog_fits_a_1366_by_768_screen(qtbot, school_form, kind):
    dialog = dialog_for(qtbot, school_form, kind, "sch.protection.bullying_procedure")
    assert dialog.height() <= 700 and dialog.width() <= 1366
    dialog.grab().save(f"/tmp/measure-dialog-{kind.value}.png")


def test_findings_view_has_a_referral_button_beside_the_others(qtbot, window, facility):
    from tests.gui.test_workflow import open_new_inspection

    page = open_new_inspection(qtbot, window, facility)
    button = page.findings.measure_buttons[MeasureKind.TRANSFER]
    assert button.objectName() == "measure_transfer" and button.text()
    row = page.findings.measure_buttons[MeasureKind.DISCIPLINARY].parentWidget()
    assert button.parentWidget() is row
