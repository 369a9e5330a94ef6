"""The box of children whose rights were restored, and the registration warning of a new
inspection, pressed through their real buttons."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from inspector_app.core.domain.models import Measure, MeasureKind, Person, RightsCategory
from tests.gui.conftest import type_text
from tests.helpers import answer_all
from tests.journeys.driver import then

VIDEO = "sch.security.video"
CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, store, school_form, inspection, language):
    from inspector_app.desktop.ui.inspection.findings_view import FindingsView

    answer_all(store, inspection.id, school_form, violated={VIDEO})
    finding = store.inspections.findings(inspection.id, school_form)[0]
    store.inspections.save_measure(
        Measure(
            id="",
            inspection_id=inspection.id,
            kind=MeasureKind.ORDER,
            finding_ids=[finding.id],
            deadlines={finding.id: dt.date.today() + dt.timedelta(days=30)},
        )
    )
    widget = FindingsView(store, school_form, inspection, language)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def add_child(qtbot, view, reference: str, categories: list[str], tie: int = 0) -> list:
    errors: list = []

    def fill(dialog):
        type_text(dialog.findChild(QLineEdit, "child_reference"), reference)
        for category in categories:
            box = dialog.findChild(QCheckBox, f"category_{category}")
            qtbot.mouseClick(box, CLICK, pos=QPoint(6, box.height() // 2))  # on the indicator
        dialog.findChild(QComboBox, "child_tied_to").setCurrentIndex(tie)
        qtbot.mouseClick(dialog.findChild(QPushButton, "child_ok"), CLICK)
        if dialog.isVisible():
            errors.append(dialog.findChild(QLabel, "child_error").text())
            dialog.reject()

    then(fill)
    qtbot.mouseClick(view.findChild(QPushButton, "restored_add"), CLICK)
    return errors


def test_children_added_counted_once_and_removed(qtbot, view, store, inspection):
    assert add_child(qtbot, view, "Ә.Қ.", ["housing", "education"]) == []
    assert add_child(qtbot, view, "Іс 17/2026", ["housing"], tie=1) == []  # tied to the order
    assert add_child(qtbot, view, "ә.қ.", ["safety"]) == []  # the first child again
    table = view.findChild(object, "restored_table")
    assert table.model().rowCount() == 3
    counts = {r.category: r.children for r in store.inspections.restored(inspection.id)}
    assert counts == {RightsCategory.HOUSING: 2, RightsCategory.EDUCATION: 1, RightsCategory.SAFETY: 1}
    totals = view.findChild(QLabel, "restored_totals").text()
    assert "Housing: 2" in totals and "Children in all (each once): 2" in totals
    ties = [table.model().index(r, 2).data() for r in range(3)]
    assert ties == ["Finding 1", "Order 1", "Finding 1"]
    children = store.inspections.restored_children(inspection.id)
    assert children[1].measure_id and not children[0].measure_id and children[0].finding_id
    view.grab().save("/tmp/children/findings-view.png")
    table.selectRow(0)
    qtbot.mouseClick(view.findChild(QPushButton, "restored_remove"), CLICK)
    assert [c.reference for c in store.inspections.restored_children(inspection.id)] == ["Іс 17/2026", "ә.қ."]
    assert "Children in all (each once): 2" in view.findChild(QLabel, "restored_totals").text()


def test_a_child_without_a_category_is_told_and_not_saved(qtbot, view, store, inspection):
    errors = add_child(qtbot, view, "А.Б.", [])
    assert errors and "category" in errors[0]
    assert store.inspections.restored_children(inspection.id) == []


def test_the_dialog_offers_the_findings_and_measures(qtbot, view):
    seen: list = []

    def look(dialog):
        combo = dialog.findChild(QComboBox, "child_tied_to")
        seen.append([combo.itemText(i) for i in range(combo.count())])
        seen.append(sorted(b.objectName() for b in dialog.findChildren(QCheckBox)))
        dialog.grab().save("/tmp/children/child-dialog.png")
        dialog.reject()

    then(look)
    qtbot.mouseClick(view.findChild(QPushButton, "restored_add"), CLICK)
    items, boxes = seen
    assert items[0].startswith("Finding:") and items[1].startswith("Order:")
    assert boxes == sorted(f"category_{c.value}" for c in RightsCategory)


@pytest.fixture
def new_dialog(qtbot, facility, language):
    from inspector_app.desktop.ui.register.new_inspection import NewInspectionDialog

    dialog = NewInspectionDialog(
        facility, Person("Әсел Нұрланова", "бас маман"), "ru", today=dt.date(2026, 3, 10)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.findChild(QLineEdit, "appointment_number"), "17-ПР")
    return dialog


def press_ok(qtbot, dialog):
    qtbot.keyClick(dialog.findChild(QLineEdit, "appointment_number"), Qt.Key.Key_Return)


def test_an_unregistered_visit_needs_a_confirmation(qtbot, new_dialog):
    press_ok(qtbot, new_dialog)
    assert new_dialog.isVisible()
    assert "не зарегистрирован" in new_dialog.error.text()
    confirm = new_dialog.findChild(QCheckBox, "unregistered_confirm")
    assert confirm.isVisible()
    qtbot.mouseClick(confirm, CLICK, pos=QPoint(6, confirm.height() // 2))
    press_ok(qtbot, new_dialog)
    assert not new_dialog.isVisible()
    header = new_dialog.inspection("f", 1, "0" * 64)
    assert header.registration_mark == "" and header.registration_date is None


def test_a_registered_visit_keeps_number_and_date(qtbot, new_dialog):
    type_text(new_dialog.findChild(QLineEdit, "registration_number"), "260310-0117")
    press_ok(qtbot, new_dialog)
    assert not new_dialog.isVisible()
    header = new_dialog.inspection("f", 1, "0" * 64)
    assert (header.registration_mark, header.registration_date) == ("260310-0117", dt.date(2026, 3, 10))


def test_a_surprise_inspection_only_for_a_facility_on_the_register(qtbot, new_dialog):
    kind = new_dialog.findChild(QComboBox, "inspection_type")
    kind.setCurrentIndex(2)
    new_dialog.facility.special_control = False
    press_ok(qtbot, new_dialog)
    assert new_dialog.isVisible() and "реестр" in new_dialog.error.text()
    new_dialog.facility.special_control = True
    press_ok(qtbot, new_dialog)
    assert not new_dialog.isVisible()


def test_the_box_speaks_the_interface_language(qtbot, view, language):
    assert add_child(qtbot, view, "Ә.Қ.", ["housing", "safety"]) == []
    language.switch("kk")
    qtbot.waitUntil(lambda: view.findChild(QPushButton, "restored_add").text() == "Бала қосу…")
    totals = view.findChild(QLabel, "restored_totals").text()
    assert "Тұрғын үй: 1" in totals and "Барлық балалар (әрқайсысы бір рет): 1" in totals
    view.findChild(object, "restored_box").grab().save("/tmp/children/restored-box-kk.png")


def test_objections_recorded_for_the_act(qtbot, view, store, inspection):
    text = view.findChild(QPlainTextEdit, "objections_text")
    type_text(text, "Актімен келіспеймін: камера жөнделді.")
    qtbot.mouseClick(view.findChild(QPushButton, "objections_save"), CLICK)
    assert store.inspections.get(inspection.id).objections == "Актімен келіспеймін: камера жөнделді."


def test_the_protocol_takes_the_birth_date_from_the_iin(qtbot, view):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QLineEdit

    from inspector_app.core.domain.identifiers import make_valid_12

    dialog = view.measure_dialog(MeasureKind.PROTOCOL, view.findings)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.protocol
    type_text(fields.offender_name, "Сәрсенова Әйгерім")
    iin = make_valid_12("88021540012")
    type_text(fields.offender_id, iin[:11] + str((int(iin[11]) + 1) % 10))  # a wrong check digit
    qtbot.keyClick(fields.offender_id, Qt.Key.Key_Return)
    assert "IIN" in dialog.error.text() and "BIN" not in dialog.error.text()
    fields.offender_id.clear()
    type_text(fields.offender_id, iin)
    assert fields.birth_date.date() == QDate(1988, 2, 15)  # filled from the IIN
    type_text(fields.id_document, "041234567")
    type_text(dialog.findChild(QLineEdit, "workplace_kk"), "№5 мектеп")
    type_text(dialog.findChild(QLineEdit, "workplace_ru"), "Школа №5")
    fields.birth_date.setDate(QDate(1988, 2, 16))
    qtbot.keyClick(fields.offender_id, Qt.Key.Key_Return)
    assert "does not match the IIN" in dialog.error.text() and dialog.measure is None
    fields.birth_date.setDate(QDate(1988, 2, 15))
    qtbot.keyClick(fields.offender_id, Qt.Key.Key_Return)
    assert dialog.measure is not None and dialog.measure.offender.iin_or_bin == iin, dialog.error.text()
