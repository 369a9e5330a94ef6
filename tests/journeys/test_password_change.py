"""Journey: an administrator resets the inspector's password (and signs the laptop out); the
next sync asks to sign in again, the sign-in asks for a new password, a too-short one and a
wrong current one are refused with messages beside their fields, a good one is taken, and
the sync goes on."""

import pytest
import requests
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from inspector_app.desktop.ui.sync.enrol_dialog import EnrolDialog
from inspector_app.desktop.ui.sync.password_dialog import PasswordChangeDialog
from tests.journeys import driver
from tests.journeys.conftest import LANGUAGES, sign_in_demo

API = "/api/v1"
TEMPORARY, GOOD = "Уақытша-пароль-7", "Жаңа-құпия-сөз-8"
TEXTS = {
    "kk": {"again": "қайта кіріңіз", "weak": "тым әлсіз", "wrong": "құпия сөз қате"},
    "ru": {"again": "Войдите заново", "weak": "слишком простой", "wrong": "пароль неверен"},
}


def reset_by_the_administrator(url: str) -> None:
    """The administrator's calls: a temporary password, and the laptop's token revoked."""
    enrolled = requests.post(
        f"{url}{API}/auth/enrol",
        json={"username": "admin", "password": "demo-password", "device_name": "office"},
        timeout=30,
    )
    admin = {"Authorization": f"Bearer {enrolled.json()['token']}"}
    user = f"{url}{API}/users/inspector"
    reset = requests.post(f"{user}/password", headers=admin, json={"password": TEMPORARY}, timeout=30)
    assert reset.status_code == 204, reset.text
    for device in requests.get(f"{user}/devices", headers=admin, timeout=30).json():
        revoked = requests.post(f"{url}{API}/devices/{device['id']}/revoke", headers=admin, timeout=30)
        assert revoked.status_code == 204


def refused_beside(dialog, field: str, text: str) -> None:
    error = dialog.findChild(QLabel, f"password_{field}_error")
    driver.wait_until(lambda: error.isVisible() and text in error.text(), what=f"the refusal beside {field}")


def change_the_password(lang: str):
    def in_dialog(dialog) -> None:
        assert driver.find(dialog, "password_current").text() == TEMPORARY  # as typed at sign-in
        for field in ("password_new", "password_repeat"):
            driver.fill(driver.find(dialog, field), "Қысқа-1")
        driver.press(dialog, "password_ok")
        refused_beside(dialog, "new", TEXTS[lang]["weak"])  # told at once, nothing sent
        for field in ("password_new", "password_repeat"):
            driver.fill(driver.find(dialog, field), GOOD)
        driver.fill(driver.find(dialog, "password_current"), "not-the-temporary-1")
        driver.press(dialog, "password_ok")
        refused_beside(dialog, "current", TEXTS[lang]["wrong"])  # the server's refusal (40105)
        assert not dialog.findChild(QLabel, "password_new_error").isVisible()
        driver.fill(driver.find(dialog, "password_current"), TEMPORARY)
        driver.press(dialog, "password_ok")

    return in_dialog


def sign_in_again(dialog) -> None:
    driver.fill(driver.find(dialog, "enrol_username"), "inspector")
    driver.fill(driver.find(dialog, "enrol_password"), TEMPORARY)
    driver.click(driver.box_button(dialog, QDialogButtonBox.StandardButton.Ok))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_reset_password_is_changed_at_the_next_sign_in(start_app, lang):
    window = sign_in_demo(start_app, lang)
    url = window.running.launched.server.url
    reset_by_the_administrator(url)
    driver.press(window, "sync_button")
    driver.wait_until(lambda: TEXTS[lang]["again"] in window.banner.text(), 60, "the sign-in asked again")
    passes = []
    window.sync.finished.connect(passes.append)
    driver.then(sign_in_again, EnrolDialog)
    driver.then(change_the_password(lang), PasswordChangeDialog)
    driver.press(window, "server_button")
    driver.raise_pending()
    driver.wait_until(lambda: passes and window.sync.job is None, 60, "a sync after the sign-in")
    assert window.sync.is_enrolled() and not window.banner.isVisible()
    signed_in = requests.post(
        f"{url}{API}/auth/enrol",
        json={"username": "inspector", "password": GOOD, "device_name": "check"},
        timeout=30,
    )
    assert signed_in.status_code == 200  # the new password is the server's now
