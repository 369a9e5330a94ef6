"""The backups window, by its real buttons: a backup taken, one chosen and restored (the
question names what would be lost; the restore is done at the next opening), a damaged one
refused with nothing replaced, and the daily backup the main window takes by itself."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableWidget

from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.storage import backup
from inspector_app.desktop.storage.store import backups, open_store
from inspector_app.desktop.ui.shared.dialogs import ConfirmBox
from inspector_app.desktop.ui.shell.backup_dialog import BackupDialog
from tests.journeys.driver import then

CLICK = Qt.MouseButton.LeftButton
PASS = "correct horse battery"


def in_the_backups_window(qtbot, window, action):
    """Press the window's Backups button and run `action(dialog)` once the dialog is up."""
    seen = {}

    def act(dialog):
        seen["dialog"] = dialog
        action(dialog)

    then(act, BackupDialog)
    qtbot.mouseClick(window.findChild(QPushButton, "backups_button"), CLICK)
    return seen["dialog"]


def answer_the_question(qtbot, button: str, seen: dict):
    """Press Yes or No in the next question box, keeping its text."""

    def answer(box):
        seen["question"] = box.text()
        qtbot.mouseClick(box.findChild(QPushButton, button), CLICK)

    then(answer, ConfirmBox)


def pick_row(qtbot, table: QTableWidget, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), CLICK, pos=QPoint(rect.center()))


def test_a_backup_is_chosen_and_restored_by_the_buttons(qtbot, window, store, store_dir, inspection):
    store.inspections.save_answer(inspection.id, "item.kept", verdict=Verdict.COMPLIES)
    facility = store.facilities.get(inspection.facility_id)
    restart = []
    window.restart_needed.connect(lambda: restart.append(True))
    seen = {}

    def back_up_then_restore(dialog):
        qtbot.mouseClick(dialog.findChild(QPushButton, "backup_now_button"), CLICK)
        qtbot.waitUntil(
            lambda: dialog.findChild(QTableWidget, "backup_table").rowCount() == 1, timeout=10_000
        )
        store.inspections.save_answer(inspection.id, "item.later", verdict=Verdict.VIOLATED)
        table = dialog.findChild(QTableWidget, "backup_table")
        assert [table.item(0, c).text() for c in range(2, 5)] == ["1", "1", "0"]
        pick_row(qtbot, table, 0)
        answer_the_question(qtbot, "yes", seen)
        qtbot.mouseClick(dialog.findChild(QPushButton, "restore_button"), CLICK)

    dialog = in_the_backups_window(qtbot, window, back_up_then_restore)
    qtbot.waitUntil(lambda: bool(restart), timeout=10_000)
    assert (
        facility.name_ru in seen["question"]
        and inspection.appointment_date.strftime("%d.%m.%Y") in seen["question"]
    )
    assert "lost" in seen["question"]
    assert not dialog.isVisible()
    assert [b.reason for b in backups(store_dir)] == ["before-restore", "manual"]  # the safety copy first
    # the app closes, and starts again
    window.close()
    store.close()
    restored = open_store(store_dir, PASS)
    try:
        answers = restored.inspections.answers(inspection.id)
        assert "item.kept" in answers and "item.later" not in answers
    finally:
        restored.close()


def test_no_keeps_the_store_as_it_is(qtbot, window, store, store_dir, inspection):
    backup.take(store.db, "daily")
    seen = {}

    def restore_and_say_no(dialog):
        pick_row(qtbot, dialog.findChild(QTableWidget, "backup_table"), 0)
        answer_the_question(qtbot, "no", seen)
        qtbot.mouseClick(dialog.findChild(QPushButton, "restore_button"), CLICK)
        qtbot.waitUntil(lambda: "question" in seen, timeout=10_000)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
        qtbot.mouseClick(dialog.findChild(QPushButton, "close_button"), CLICK)

    in_the_backups_window(qtbot, window, restore_and_say_no)
    assert "No work that was not sent to the server would be lost" in seen["question"]
    assert backup.pending(store_dir) is None


def test_a_damaged_backup_is_refused_with_a_clear_message(qtbot, window, store, store_dir, inspection):
    taken = backup.take(store.db, "daily")
    with open(taken.database, "r+b") as handle:
        handle.truncate(taken.database.stat().st_size // 2)
    before = (store_dir / "store.db").read_bytes()
    messages = []

    def restore_a_damaged_one(dialog):
        pick_row(qtbot, dialog.findChild(QTableWidget, "backup_table"), 0)
        qtbot.mouseClick(dialog.findChild(QPushButton, "restore_button"), CLICK)
        status = dialog.findChild(QLabel, "backup_status")
        qtbot.waitUntil(lambda: "damaged" in status.text(), timeout=10_000)
        messages.append(status.text())
        qtbot.mouseClick(dialog.findChild(QPushButton, "close_button"), CLICK)

    in_the_backups_window(qtbot, window, restore_a_damaged_one)
    assert "Nothing was changed" in messages[0] and "Choose another backup" in messages[0]
    assert backup.pending(store_dir) is None and (store_dir / "store.db").read_bytes() == before
    assert len(backups(store_dir)) == 1  # no safety copy: nothing was going to be replaced


def test_the_main_window_takes_the_daily_backup_by_itself(qtbot, window, store, store_dir, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    store.reference.set_setting(backup.FOLDER_SETTING, str(usb))
    window.backup_timer.setInterval(10)  # instead of minutes
    qtbot.waitUntil(lambda: len(backups(store_dir)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.backup_job is None)
    assert backups(store_dir)[0].reason == "daily"
    assert len(backup.list_backups(usb / backup.EXTRA_FOLDER)) == 1
    window.backup_timer.setInterval(10)
    qtbot.wait(100)  # the timer fires again, and finds the backup of today
    assert len(backups(store_dir)) == 1
