"""The app in a process of its own, driven by input events: sign in, open a new inspection,
mark an item violated and type its note; says SAVED once the first words are in the store,
then keeps typing until it is killed.

    python -m tests.journeys.kill_typist DATA_DIR LANG"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector_app.core.domain.forms import AnswerKind
from tests.journeys import day, driver

FIRST_WORDS = "Өрт сөндіргіш мерзімі өткен; "


def main(data_dir: str, lang: str) -> None:
    from inspector_app.desktop.main import DEMO_PASSPHRASE, launch
    from inspector_app.desktop.ui.shell.app import Workstation

    launched = launch(["--demo", "--data-dir", data_dir, "--lang", lang])
    workstation = Workstation(launched.paths, launched.lang, launched.hint)
    passphrase = driver.find(workstation.sign_in, "passphrase")
    driver.type_text(passphrase, DEMO_PASSPHRASE)
    driver.key(passphrase, Qt.Key.Key_Return)
    driver.wait_until(lambda: workstation.window is not None and workstation.window.isVisible(), 60)
    window = workstation.window
    day.open_new_inspection(window, "48-К")
    checklist = window.page.checklist
    driver.click_index(checklist.list, checklist.list.currentIndex())
    while checklist.current.kind is not AnswerKind.VERDICT:  # down to the first yes-or-no item
        driver.key(checklist.list, Qt.Key.Key_Down)
    for _ in range(3):  # a few answered, then a violation
        driver.key(checklist.list, Qt.Key.Key_1)
    item = checklist.current
    driver.key(checklist.list, Qt.Key.Key_2)
    driver.key(checklist.list, Qt.Key.Key_Tab)
    driver.type_text(checklist.note, FIRST_WORDS)
    inspection_id = checklist.inspection.id
    driver.wait_until(
        lambda: workstation.store.inspections.answers(inspection_id)[item.id].note == FIRST_WORDS,
        10,
        "the first words to be saved",
    )
    print(f"SAVED {item.id}", flush=True)
    while True:
        driver.type_text(checklist.note, "ә")
        QTest.qWait(15)


if __name__ == "__main__":
    main(*sys.argv[1:3])
