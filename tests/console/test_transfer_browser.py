"""A laptop's USB bundle imported in a real headless browser (the system's chromium driven by
Playwright), in Kazakh and in Russian: the supervisor opens the page from the menu, uploads
the bundle, reads the counts, downloads the acknowledgement (the laptop then takes it in),
and the same bundle again is refused with a message and the acknowledgement offered again.

Pictures of each step go to /tmp/console-shots/ (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.desktop.services import transfer as laptop_transfer
from tests.console.test_console_browser import CHROMIUM, browser, shot, sign_in  # noqa: F401 (fixture)
from tests.console.test_transfer_console import enrolled, exported, world  # noqa: F401 (fixtures)

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

TEXTS = {
    "kk": {
        "nav": "USB арқылы тасымалдау",
        "title": "USB жинақтауыштағы жазбалар",
        "done": "синхрондау ережелері бойынша қабылданды",
        "again": "импортталған; ешнәрсе екі рет қабылданбады",
        "damaged": "Бума зақымдалған немесе толық көшірілмеген",
    },
    "ru": {
        "nav": "Перенос по USB",
        "title": "Записи с USB-накопителя",
        "done": "приняты по правилам синхронизации",
        "again": "уже импортирован",
        "damaged": "Пакет повреждён или скопирован не полностью",
    },
}


def _upload(page, path: Path) -> None:
    page.set_input_files("#bundle-file", str(path))
    with page.expect_navigation():
        page.click("#import-bundle")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_supervisor_imports_a_bundle_and_takes_the_acknowledgement(
    browser,  # noqa: F811 (the fixture imported above)
    world,  # noqa: F811
    enrolled,  # noqa: F811
    tmp_path,
    lang,
):
    texts = TEXTS[lang]
    _, _, adapter = enrolled
    bundle, _ = exported(enrolled, tmp_path, 2, 40 if lang == "kk" else 41)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale=lang, accept_downloads=True)
    page = context.new_page()
    sign_in(page, world.url, lang, "supervisor")
    if page.locator("html").get_attribute("lang") != lang:  # the account keeps the last one chosen
        page.select_option("#lang", lang)
        with page.expect_navigation():
            page.click("#lang-apply")

    nav = page.locator("#nav-transfer")
    assert nav.inner_text() == texts["nav"]
    with page.expect_navigation():
        nav.click()
    assert page.locator("h1").inner_text() == texts["title"]
    shot(page, lang, "transfer-1-page")

    _upload(page, bundle.path)
    assert texts["done"] in page.locator("#transfer-done").inner_text()
    assert page.locator('tr[data-status="created"] td').nth(1).inner_text() == "2"
    assert page.locator('tr[data-status="photos"] td').nth(1).inner_text() == "2"
    shot(page, lang, "transfer-2-imported")

    with page.expect_download() as info:
        page.click("#download-ack")
    download = info.value
    assert download.suggested_filename.startswith("acknowledgement-inspector-")
    assert download.suggested_filename.endswith(".fibundle")
    on_stick = tmp_path / "usb" / download.suggested_filename
    download.save_as(str(on_stick))
    assert laptop_transfer.import_acknowledgement(adapter, on_stick).synced == 2
    assert adapter.pending_record_ids() == []

    # the same bundle again: refused, said so, its acknowledgement offered again
    page.goto(f"{world.url}/console/transfer")
    _upload(page, bundle.path)
    refused = page.locator("#transfer-refused")
    assert refused.get_attribute("role") == "alert" and texts["again"] in refused.inner_text()
    with page.expect_download() as again:
        page.click("#download-ack")
    assert again.value.suggested_filename == download.suggested_filename
    shot(page, lang, "transfer-3-again")

    # a later bundle damaged on the stick: refused with a message, nothing taken in
    later, _ = exported(enrolled, tmp_path, 1, 42 if lang == "kk" else 43)
    data = bytearray(later.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    later.path.write_bytes(bytes(data))
    _upload(page, later.path)
    assert texts["damaged"] in page.locator("#transfer-refused").inner_text()
    assert page.locator("#download-ack").count() == 0
    shot(page, lang, "transfer-4-damaged")
    assert len(adapter.pending_record_ids()) == 1  # still on the laptop, to export again
    context.close()
