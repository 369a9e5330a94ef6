"""The password-change dialog by its buttons: the policy told before anything is sent, the
server's refusals beside their fields, Cancel."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from inspector_app.core.domain.errors import UserError
from inspector_app.desktop.ui.sync.password_dialog import PasswordChangeDialog
from tests.gui.conftest import type_text

CLICK = Qt.MouseButton.LeftButton


def open_dialog(qtbot, change, lang="en"):
    dialog = PasswordChangeDialog("aigul", "Уақытша-7-пароль", lang, change)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def enter(qtbot, dialog, new: str, repeat: str) -> None:
    for name, text in (("password_new", new), ("password_repeat", repeat)):
        field = dialog.findChild(QLineEdit, name)
        field.clear()
        qtbot.mouseClick(field, CLICK)
        type_text(field, text)
    qtbot.mouseClick(dialog.findChild(QPushButton, "password_ok"), CLICK)


def error_of(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"password_{field}_error")
    return label.text() if label.isVisible() else ""


def test_the_policy_and_the_repeat_are_told_before_anything_is_sent(qtbot):
    sent = []
    dialog = open_dialog(qtbot, lambda current, new: sent.append((current, new)), "ru")
    enter(qtbot, dialog, "aigul", "aigul")
    assert "не меньше 10 символов" in error_of(dialog, "new")
    enter(qtbot, dialog, "Жаңа-құпия-8", "Жаңа-құпия-9")
    assert "по-разному" in error_of(dialog, "repeat") and not error_of(dialog, "new")
    assert sent == []
    enter(qtbot, dialog, "Жаңа-құпия-8", "Жаңа-құпия-8")
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert sent == [("Уақытша-7-пароль", "Жаңа-құпия-8")] and dialog.new_password == "Жаңа-құпия-8"


def test_the_servers_refusals_are_told_beside_their_fields(qtbot):
    refusals = iter(
        [UserError("sync.weak_password"), UserError("sync.bad_credentials"), UserError("sync.offline")]
    )

    def change(current, new):
        raise next(refusals)

    dialog = open_dialog(qtbot, change, "kk")
    enter(qtbot, dialog, "Жаңа-құпия-8", "Жаңа-құпия-8")
    qtbot.waitUntil(lambda: "тым әлсіз" in error_of(dialog, "new"))
    enter(qtbot, dialog, "Жаңа-құпия-8", "Жаңа-құпия-8")
    qtbot.waitUntil(lambda: "Ағымдағы құпия сөз қате" in error_of(dialog, "current"))
    assert not error_of(dialog, "new")
    enter(qtbot, dialog, "Жаңа-құпия-8", "Жаңа-құпия-8")
    qtbot.waitUntil(lambda: "қолжетімсіз" in dialog.findChild(QLabel, "password_error").text())
    assert dialog.findChild(QPushButton, "password_ok").isEnabled()
    qtbot.mouseClick(dialog.findChild(QPushButton, "password_cancel"), CLICK)
    assert dialog.result() == dialog.DialogCode.Rejected and dialog.new_password == ""
