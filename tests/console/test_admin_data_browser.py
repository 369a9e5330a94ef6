"""An administrator's data work in a real headless browser, in Kazakh and in Russian: a
register imported with its bad rows reported (line, column, what to fix); the MRP of a
year changed and reaching an inspector's laptop through the desktop's own sync code; a
broken checklist refused with its line and key, the next version published and the old
one retired, which the laptop then no longer offers for new inspections.

Pictures of each step go to /tmp/console-shots/ (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from inspector_app.core.domain.models import FacilityKind
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.storage.store import create_store
from inspector_app.desktop.sync.service import enrol
from sync.server.services.seed import DEMO_PASSWORD
from tests.conftest import FAST_SCRYPT, ROOT
from tests.console.test_admin_data_http import REGISTER
from tests.console.test_console_browser import CHROMIUM, shot, sign_in
from tests.console.test_console_browser import browser as browser  # a fixture
from tests.console.test_console_browser import world as world  # a fixture
from tests.sync.test_desktop_sync import sync_until_done

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

TEXTS = {
    "kk": {
        "summary": "импортталды немесе жаңартылды 2",
        "region": "«Марс» өңірі белгісіз",
        "mrp_done": "АЕК сақталды",
        "refused": "Тексеру парағы жарияланбады",
        "unknown_key": "белгісіз кілт",
        "retired": "қолданыстан шығарылды",
    },
    "ru": {
        "summary": "импортировано или обновлено 2",
        "region": "Неизвестный регион «Марс»",
        "mrp_done": "МРП сохранён",
        "refused": "Проверочный лист не опубликован",
        "unknown_key": "неизвестный ключ",
        "retired": "Выведена из употребления",
    },
}


def laptop(folder: Path, profile, url: str):
    """An inspector's laptop (the inspector of Karaganda), enrolled with the server."""
    store = create_store(folder / "store", "correct horse battery", profile, scrypt_n=FAST_SCRYPT)
    catalogue = FormCatalogue.load(ROOT / "forms", folder / "received-forms")
    adapter = StoreSyncAdapter(store, catalogue, folder / "received-forms")
    enrol(adapter, requests.Session(), url, "inspector_kar", DEMO_PASSWORD, "laptop")
    return store, catalogue, adapter


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_administrator_keeps_the_register_reference_and_checklists(
    browser, world, lang, tmp_path, profile
):
    texts = TEXTS[lang]
    store, catalogue, adapter = laptop(tmp_path / "laptop", profile, world.url)
    sync_until_done(adapter, world.url)
    assert store.reference.mrp_by_year()[2026] == 4325
    page = browser.new_page(locale=lang)
    sign_in(page, world.url, lang, "admin")

    with page.expect_navigation():
        page.click("#nav-admin")
    with page.expect_navigation():
        page.click("#tab-register")
    register = tmp_path / "реестр.csv"
    register.write_text(REGISTER, encoding="utf-8")
    page.set_input_files("#register-file", str(register))
    with page.expect_navigation():
        page.click("#import")
    report = page.locator("#import-report")
    assert texts["summary"] in report.inner_text()
    rows = page.locator("#rejected-rows tbody tr")
    assert rows.count() == 4
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(4)]
    assert [c[:2] for c in cells] == [["3", "kind"], ["4", "region"], ["5", "bin"], ["6", "capacity"]]
    assert texts["region"] in cells[1][2]
    shot(page, lang, "admin-register-import")

    with page.expect_navigation():
        page.click("#nav-admin")
    with page.expect_navigation():
        page.click("#tab-reference")
    page.fill("#mrp-year", "2026")
    page.fill("#mrp-tenge", "4400")
    with page.expect_navigation():
        page.click("#save-mrp")
    assert texts["mrp_done"] in page.locator("#done").inner_text()
    assert page.locator('#mrp-table tr[data-year="2026"]').inner_text().split()[-2:] == ["4", "400"]
    shot(page, lang, "admin-reference-mrp")
    sync_until_done(adapter, world.url)
    assert store.reference.mrp_by_year()[2026] == 4400  # on the laptop, by its own sync

    with page.expect_navigation():
        page.click("#nav-admin")
    with page.expect_navigation():
        page.click("#tab-checklists")
    text = (ROOT / "forms" / "school.v1.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "school.v2.yaml"
    broken.write_text(
        text.replace("version: 1", "version: 2", 1).replace(
            "  - id: sch.general\n", "  - id: sch.general\n    colour: red\n", 1
        ),
        encoding="utf-8",
    )
    page.set_input_files("#form-file", str(broken))
    with page.expect_navigation():
        page.click("#publish")
    problem = page.locator("#publish-problem")
    assert texts["refused"] in problem.inner_text() and texts["unknown_key"] in problem.inner_text()
    line = broken.read_text(encoding="utf-8").splitlines().index("    colour: red") + 1
    assert page.locator("#form-error-line").inner_text() == str(line)
    assert page.locator("#form-error-key").inner_text().endswith("colour")
    shot(page, lang, "admin-checklist-refused")

    good = tmp_path / "school.v2.yaml"
    good.write_text(text.replace("version: 1", "version: 2", 1), encoding="utf-8")
    page.set_input_files("#form-file", str(good))
    with page.expect_navigation():
        page.click("#publish")
    assert page.locator('tr[data-form="school@2"]').count() == 1
    with page.expect_navigation():
        page.click('a[data-retire="school@1"]')
    assert "school" in page.locator("#confirm-retire").inner_text()
    with page.expect_navigation():
        page.click("#confirm-retire-button")
    assert texts["retired"] in page.locator('tr[data-form="school@1"]').inner_text()
    shot(page, lang, "admin-checklists-retired")
    sync_until_done(adapter, world.url)
    assert catalogue.newest_for(FacilityKind.SCHOOL).version == 2
    assert any(
        (f.id, f.version) == ("school", 1) for f in catalogue.forms
    )  # kept for inspections made with it
    store.close()
