"""The Committee's statistics in a real headless browser (the system's chromium driven by
Playwright), in Kazakh and in Russian: an administrator opens a number to the records behind
it and one of them to its inspection, downloads the XLSX, CSV and PDF exports through the page
(made in the background, the page refreshing itself) and reads them back, locks the period,
sees its figures stay after a new approval, and unlocks it.

Pictures go to /tmp/console-shots/ (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.console.conftest import _push, start_world
from tests.console.test_console_browser import CHROMIUM, playwright, shot, sign_in
from tests.console.test_statistics import _approve
from tests.kit.console_records import facility_in
from tests.sync.conftest import enrol

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")
MARCH = "from=2026-03-01&to=2026-03-31"
TEXTS = {
    "kk": {"inspections": "Тексерулер", "locked": "Жабылған", "provisional": "Алдын ала"},
    "ru": {"inspections": "Проверки", "locked": "Закрыт", "provisional": "Предварительные"},
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The console's five records (10 Mar 2026); the one in Akmola approved."""
    server, world = start_world(tmp_path_factory.mktemp("statistics-browser"))
    _approve(world, enrol(world.url, "supervisor"), "to_approve")
    yield world
    server.stop()


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def figures(page) -> dict[str, int]:
    cells = page.locator("td[id^=fig-]")
    found = cells.evaluate_all("cs => cs.map(c => [c.id.slice(4), c.innerText])")
    return {name: int(re.sub(r"\s", "", text)) for name, text in found}


def download(page, button: str, back: str) -> bytes:
    """Press an export button, wait on the self-refreshing page for the file, download it."""
    with page.expect_navigation():
        page.click(button)
    assert "/console/statistics/exports/" in page.url
    page.wait_for_selector("#download", timeout=30_000)
    with page.expect_download() as info:
        page.click("#download")
    data = Path(info.value.path()).read_bytes()
    page.goto(back)
    return data


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_committee_publishes_statistics(browser, world, lang):
    texts = TEXTS[lang]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale=lang, accept_downloads=True)
    page = context.new_page()
    sign_in(page, world.url, lang, "admin")
    # the approved inspections of March 2026; a new one per language, approved after the lock
    name = f"new_{lang}"
    _push(
        world,
        "inspector",
        name,
        facility_in("AST", 6 if lang == "kk" else 7),
        seed=41 if lang == "kk" else 42,
    )
    period = f"{MARCH}&basis=approved"
    here = f"{world.url}/console/statistics?{period}"
    page.goto(here)
    if page.locator("html").get_attribute("lang") != lang:  # the language kept from the last session
        page.select_option("#lang", lang)
        with page.expect_navigation():
            page.click("#lang-apply")
    assert page.locator("html").get_attribute("lang") == lang
    before = figures(page)
    assert texts["provisional"] in page.locator("#provisional").inner_text()
    for chart in ("#chart-region", "#chart-month", "#chart-category"):
        assert page.locator(chart).is_visible()
    shot(page, lang, "statistics-1-charts")
    page.emulate_media(media="print")  # printable: the charts stay, the forms go
    assert page.locator("#chart-month").is_visible() and not page.locator("#export-xlsx").is_visible()
    shot(page, lang, "statistics-1-print")
    page.emulate_media(media="screen")

    # a number opens the records behind it, and a record its inspection
    page.click("#open-inspections")
    assert int(page.locator("#records-count").inner_text()) == before["inspections"]
    assert page.locator("#records tbody tr").count() == before["inspections"]
    shot(page, lang, "statistics-2-records")
    page.click("#records .open-inspection >> nth=0")
    assert "/console/inspections/" in page.url
    page.goto(here)

    # the three exports, downloaded through the page and read back
    book = load_workbook(io.BytesIO(download(page, "#export-xlsx", here)))
    summary = {r[0]: r[1] for r in book.worksheets[0].iter_rows(values_only=True) if r and r[0]}
    assert summary[texts["inspections"]] == before["inspections"]
    table = download(page, "#export-csv", here)
    assert table.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(table.decode("utf-8-sig"))))
    assert {r[2]: int(r[3]) for r in rows[1:] if r[0] == rows[1][0]}["inspections"] == before["inspections"]
    report = download(page, "#export-pdf", here)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(report)).pages).split())
    assert "Құқықтары қалпына келтірілген балалар" in text and "Дети, чьи права восстановлены" in text
    assert "Астана / Астана" in text

    # lock the period; a new approval does not move its figures; unlock
    page.click("#lock-period")
    page.wait_for_selector("#done-locked")
    assert texts["locked"] in page.locator("#locked").inner_text() and figures(page) == before
    _approve(world, enrol(world.url, "supervisor"), name)
    page.reload()
    assert figures(page) == before
    shot(page, lang, "statistics-3-locked")
    page.click("#unlock-period")
    page.wait_for_selector("#done-unlocked")
    assert figures(page)["inspections"] == before["inspections"] + 1
    context.close()
