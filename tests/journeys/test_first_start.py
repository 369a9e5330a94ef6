"""Journey 1: the first start (the profile and a new passphrase), then a wrong passphrase and
the right one, by keyboard alone."""

import pytest
from PySide6.QtCore import Qt

from tests.journeys import driver
from tests.journeys.conftest import LANGUAGES

TEXTS = {
    "kk": {"differ": "сәйкес келмейді", "wrong": "құпия фраза", "title": "Тексеруші"},
    "ru": {"differ": "не совпадают", "wrong": "парольная фраза", "title": "Инспектор"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_start_then_a_wrong_passphrase_and_the_right_one(start_app, lang):
    app = start_app("--lang", lang)
    dialog = app.sign_in
    for name, text in (
        ("name", "Әйгерім Сәтбаева"),
        ("position", "бас маман"),
        ("position_ru", "главный специалист"),
        ("code", "k07"),
        ("passphrase", "correct horse battery"),
        ("confirm", "correct horse batterx"),
    ):
        driver.fill(driver.find(dialog, name), text)
    driver.key(driver.find(dialog, "confirm"), Qt.Key.Key_Return)
    assert TEXTS[lang]["differ"] in driver.find(dialog, "error").text()
    driver.fill(driver.find(dialog, "confirm"), "correct horse battery")
    driver.press(dialog, "ok_button")
    driver.wait_until(lambda: app.window is not None and app.window.isVisible(), what="the main window")
    profile = app.window.store.reference.profile()
    assert (profile.name, profile.position_kk, profile.position_ru) == (
        "Әйгерім Сәтбаева",
        "бас маман",
        "главный специалист",
    )
    app.quit()

    again = start_app("--lang", lang)
    passphrase = driver.find(again.sign_in, "passphrase")
    driver.wait_until(passphrase.hasFocus, what="the passphrase to have focus")
    driver.type_text(passphrase, "not my passphrase")
    driver.key(passphrase, Qt.Key.Key_Return)
    error = driver.find(again.sign_in, "error")
    driver.wait_until(lambda: TEXTS[lang]["wrong"] in error.text().lower(), what="the refusal")
    driver.wait_until(passphrase.hasFocus, what="focus back in the passphrase")
    QtA = Qt.KeyboardModifier.ControlModifier
    driver.key(passphrase, Qt.Key.Key_A, QtA)
    driver.type_text(passphrase, "correct horse battery")
    driver.key(passphrase, Qt.Key.Key_Return)
    driver.wait_until(lambda: again.window is not None and again.window.isVisible(), what="the main window")
