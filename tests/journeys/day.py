"""The steps of an inspector's day, each by input events alone (see driver.py), shared by the
journeys in Kazakh and in Russian."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from inspector_app.domain.forms import AnswerKind
from inspector_app.domain.models import FacilityKind, InspectionType, Verdict
from tests.journeys import driver

VIOLATE = {"sch.security.video": "Кіреберісте камера жоқ / Нет камеры у входа",
           "sch.security.guards": "Күзет лицензиясы жоқ / Охрана без лицензии",
           "sch.protection.bullying_procedure": "Буллинг туралы тәртіп бекітілмеген"}
VALUES = {AnswerKind.NUMBER: "640", AnswerKind.TEXT: "Әлеуметтік педагог Ғ. Өтепова",
          AnswerKind.DATE: "15.08.2026"}
CHOICES = {"sch.general.dormitory": "present", "sch.environment.transport": "school_bus"}


def open_new_inspection(window, act_number: str) -> None:
    """A school on the register of special control, and a surprise inspection of it."""
    driver.choose_data(driver.find(window, "register_kind"), FacilityKind.SCHOOL.value)
    if not driver.find(window, "register_special").isChecked():
        driver.click(driver.find(window, "register_special"))
    driver.wait_until(lambda: window.register.model.rowCount() > 0, what="schools under special control")

    def fill(dialog) -> None:
        driver.choose_data(driver.find(dialog, "type"), InspectionType.SURPRISE)
        driver.fill(driver.find(dialog, "number"), act_number)
        driver.click(driver.box_button(dialog, dialog_ok()))
    driver.then(fill)
    driver.press(window, "register_new")
    driver.raise_pending()
    driver.wait_until(lambda: window.page is not None and window.page.isVisible(), what="the inspection")


def dialog_ok():
    from PySide6.QtWidgets import QDialogButtonBox

    return QDialogButtonBox.StandardButton.Ok


def choose_file(path: Path) -> None:
    """In the next file dialog, type the path and press its Open (or Choose) button."""
    driver.then(lambda dialog: driver.answer_file_dialog(dialog, path), QFileDialog)


def walk_checklist(page, photo: Path) -> list[str]:
    """Answer every item by keyboard: the violations with a note (and a photo where one is
    required), values typed, choices picked; returns the ids of conditional items that
    appeared on the way."""
    checklist = page.checklist
    shown_at_start = {r.item.id for r in checklist.model.rows() if r.item}
    driver.click_index(checklist.list, checklist.list.currentIndex())
    answered: set[str] = set()
    for _ in range(400):
        item = checklist.current
        if item.id in answered:
            break
        answered.add(item.id)
        answer_item(checklist, item, photo)
        if checklist.current is item:  # the last item, or a violation (it stays)
            driver.key(checklist.list, Qt.Key.Key_Down)
            if checklist.current is item:
                break
    visible = [r.item for r in checklist.model.rows() if r.item]
    assert all(checklist.state_of(i) is not None for i in visible), \
        [i.id for i in visible if checklist.state_of(i) is None]
    return [i.id for i in visible if i.id not in shown_at_start]


def answer_item(checklist, item, photo: Path) -> None:
    focus = checklist.list
    if item.kind is AnswerKind.VERDICT:
        if item.id not in VIOLATE:
            driver.key(focus, Qt.Key.Key_1)
            return
        driver.key(focus, Qt.Key.Key_2)
        driver.key(focus, Qt.Key.Key_Tab)
        driver.wait_until(checklist.note.hasFocus, what="the note")
        driver.type_text(checklist.note, VIOLATE[item.id])
        driver.key(checklist.note, Qt.Key.Key_Escape)
        if item.photo_on_violation:
            choose_file(photo)
            driver.press(checklist, "photo_add")
            driver.raise_pending()
            driver.wait_until(lambda: checklist.photo_list.count() == 1, what="the photo")
            driver.click_index(checklist.list, checklist.list.currentIndex())  # back to the list
        return
    driver.key(focus, Qt.Key.Key_Tab)
    editor = checklist.value_editors[item.kind]
    driver.wait_until(editor.hasFocus, what="the value's editor")
    if item.kind is AnswerKind.CHOICE:
        wanted = editor.findData(CHOICES.get(item.id, item.choices[0].value))
        while editor.currentIndex() != wanted:
            driver.key(editor, Qt.Key.Key_Down)
    else:
        driver.key(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        driver.type_text(editor, VALUES[item.kind])
    driver.key(editor, Qt.Key.Key_Return)
    driver.wait_until(lambda: checklist.answers.get(item.id) is not None
                      and checklist.answers[item.id].value, what=f"the value of {item.id}")
