"""Positions that go into the bilingual papers are entered per language."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from inspector_app.core.domain.models import InspectionType, Person
from inspector_app.desktop.ui.register.new_inspection import NewInspectionDialog, parse_people, person_line
from tests.gui.conftest import type_text


def test_a_line_with_both_languages_gives_both_positions_and_reads_back():
    [person] = parse_people("Әсел Нұрланова, бас маман / главный специалист")
    assert (person.position, person.position_kk, person.position_ru) == (
        "",
        "бас маман",
        "главный специалист",
    )
    assert parse_people(person_line(person)) == [person]
    [plain] = parse_people("Петров Алексей, инспектор")
    assert (plain.position, plain.position_kk, plain.position_ru) == ("инспектор", "", "")


def test_the_new_inspection_takes_the_representatives_position_in_each_language(qtbot, facility):
    me = Person("Әсел Нұрланова", "бас маман", "бас маман", "главный специалист")
    dialog = NewInspectionDialog(facility, me, "kk", today=dt.date(2026, 3, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.inspectors.toPlainText() == "Әсел Нұрланова, бас маман / главный специалист"
    type_text(dialog.number, "12")
    dialog.type.setCurrentIndex(dialog.type.findData(InspectionType.SURPRISE))
    for edit, text in (
        (dialog.representative_position.kk, "мектеп директоры"),
        (dialog.representative_position.ru, "директор школы"),
    ):
        edit.selectAll()
        type_text(edit, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    facility.special_control = True
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    inspection = dialog.inspection("school", 1, "hash")
    assert (inspection.representative.position_kk, inspection.representative.position_ru) == (
        "мектеп директоры",
        "директор школы",
    )
    assert inspection.inspectors[0].position_ru == "главный специалист"
