"""An administrator's off-boarding in a real headless browser, in Kazakh and in Russian: a
new inspector of a region is created in the console (a weak password first, told beside the
field), their laptop enrols and syncs through the desktop's own store and sync code against
the real server, the administrator sees the laptop among the devices, deactivates the user,
and the laptop's next sync is refused with the desktop's message in its language.

Pictures of each page go to /tmp/console-shots/admin-* (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import requests

from inspector_app.core.domain.errors import UserError
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.storage.store import create_store
from inspector_app.desktop.sync.service import enrol
from tests.conftest import FAST_SCRYPT, ROOT
from tests.console.test_console_browser import CHROMIUM, browser, click, shot, sign_in, world  # noqa: F401
from tests.sync.client_helpers import service

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

PASSWORD = "Дала-жолы-2026"
TEXTS = {
    "kk": {
        "admin": "Әкімшілендіру",
        "weak": "талаптарға сай емес",
        "created": "Пайдаланушы құрылды",
        "deactivated": "Пайдаланушы сөндірілді",
        "intact": "тізбегі бүтін",
        "laptop": "Сіздің есептік жазбаңыз сөндірілген; синхрондау тоқтады.",
    },
    "ru": {
        "admin": "Администрирование",
        "weak": "не отвечает правилам",
        "created": "Пользователь создан",
        "deactivated": "Пользователь отключён",
        "intact": "Цепочка хешей цела",
        "laptop": "Ваша учётная запись отключена; синхронизация остановлена.",
    },
}


def laptop(tmp_path, url: str, username: str, profile):
    """The inspector's laptop: the encrypted store, enrolled by the desktop's enrolment."""
    store = create_store(tmp_path / "store", "correct horse battery", profile, scrypt_n=FAST_SCRYPT)
    catalogue = FormCatalogue.load(ROOT / "forms", tmp_path / "received-forms")
    adapter = StoreSyncAdapter(store, catalogue, tmp_path / "received-forms")
    enrol(adapter, requests.Session(), url, username, PASSWORD, f"Ноутбук {username}")
    return store, adapter


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_administrator_off_boards_an_inspector(browser, world, tmp_path, profile, lang):  # noqa: F811
    texts, username = TEXTS[lang], f"dala-{lang}"
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale=lang)
    page = context.new_page()
    sign_in(page, world.url, lang, "admin")

    admin_link = page.locator("#nav-admin")
    assert admin_link.inner_text() == texts["admin"]
    click(page, "#nav-admin")
    shot(page, lang, "admin-1-users")
    click(page, "#new-user")
    page.fill("#username", username)
    page.fill("#full-name", "Дана Сейітова")
    page.select_option("#role", "inspector")
    page.check("#region-KAR")
    page.fill("#password", "short")
    click(page, "#create-user")
    assert texts["weak"] in page.locator("#err-password").inner_text()
    assert page.locator("#region-KAR").is_checked()  # what was typed stays
    shot(page, lang, "admin-2-new-user-error")
    page.fill("#password", PASSWORD)
    page.focus("#password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert texts["created"] in page.locator("#done").inner_text()
    shot(page, lang, "admin-3-user-created")

    store, adapter = laptop(
        tmp_path, world.url, username, dataclasses.replace(profile, region="KAR", language=lang)
    )
    sync = service(adapter)
    sync.run_once()  # the first pass goes through

    click(page, "#tab-devices")
    section = page.locator(f'section[data-user="{username}"]')
    assert f"Ноутбук {username}" in section.inner_text() and section.locator("tr[data-device]").count() == 1
    shot(page, lang, "admin-4-devices")

    click(page, f'section[data-user="{username}"] h2 a')
    click(page, "#deactivate")
    assert texts["deactivated"] in page.locator("#done").inner_text()
    assert page.locator("#user-state").get_attribute("data-active") == "no"
    shot(page, lang, "admin-5-user-deactivated")

    with pytest.raises(UserError) as refused:
        sync.run_once()
    assert refused.value.code == "sync.deactivated"
    assert refused.value.message(store.reference.profile().language).startswith(texts["laptop"])

    click(page, "#tab-audit")
    assert texts["intact"] in page.locator("#chain-result").inner_text()
    page.fill("#f-record", username)
    click(page, "#apply-filters")
    actions = page.locator("tr[data-action]").evaluate_all("rs => rs.map(r => r.dataset.action)")
    assert actions == ["user.deactivate", "user.create"]  # newest first
    shot(page, lang, "admin-6-audit")
    store.close()
    context.close()
