"""An administrator adds a competent body on the reference page in a real headless browser,
in Kazakh and in Russian: a wrong code and a missing name are shown beside their fields in
the page's language, the corrected body is listed and can be opened for editing.

Pictures of each step go to /tmp/console-shots/ (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.test_console_browser import CHROMIUM, shot, sign_in
from tests.console.test_console_browser import browser as browser  # a fixture
from tests.console.test_console_browser import world as world  # a fixture
from tests.console.test_reference_http import BODY

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

TEXTS = {
    "kk": {"code": "кіші латын әріптерін", "required": "Осы өрісті толтырыңыз", "done": "Орган сақталды"},
    "ru": {"code": "строчные латинские буквы", "required": "Заполните это поле", "done": "Орган сохранён"},
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_administrator_adds_a_competent_body(browser, world, lang):
    texts = TEXTS[lang]
    page = browser.new_page(locale=lang)
    sign_in(page, world.url, lang, "admin")
    with page.expect_navigation():
        page.click("#nav-admin")
    with page.expect_navigation():
        page.click("#tab-reference")
    assert page.locator('#bodies-table tr[data-body="sanitary"]').count() == 1

    page.fill("#body-code", "Омбудсмен")
    page.fill("#body-name_kk", BODY["name_kk"])
    with page.expect_navigation():
        page.click("#save-body")
    assert texts["code"] in page.locator("#body-err-code").inner_text()
    assert texts["required"] in page.locator("#body-err-name_ru").inner_text()
    assert page.locator("#body-code").get_attribute("aria-invalid") == "true"
    shot(page, lang, "admin-reference-body-refused")

    page.fill("#body-code", "ombudsman")
    page.fill("#body-name_ru", BODY["name_ru"])
    with page.expect_navigation():
        page.click("#save-body")
    assert texts["done"] in page.locator("#done").inner_text()
    row = page.locator('#bodies-table tr[data-body="ombudsman"]')
    assert BODY["name_kk" if lang == "kk" else "name_ru"] in row.inner_text()
    shot(page, lang, "admin-reference-body-added")

    with page.expect_navigation():
        row.locator("a").click()
    assert page.locator("#body-code").get_attribute("readonly") is not None
    assert page.locator("#body-active").is_checked()
