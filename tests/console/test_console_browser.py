"""The supervisor's day in the web console, in a real headless browser (the system's
chromium driven by Playwright), in Kazakh and in Russian: sign in, filter the queue, open
an inspection, view a document the server re-rendered, return one inspection with a
comment on an item, approve another; a form without its CSRF token is refused, an
inspector cannot sign in, another region's inspection is not found.

Pictures of each step go to /tmp/console-shots/ (CONSOLE_SHOTS moves them)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sync.server.services.seed import DEMO_PASSWORD
from tests.console.conftest import start_world

CHROMIUM = os.environ.get("INSPECTOR_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("CONSOLE_SHOTS", "/tmp/console-shots"))
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

TEXTS = {
    "kk": {
        "queue": "Қарау кезегі",
        "done_returned": "инспекторға қайтарылды",
        "done_approved": "Тексеру бекітілді",
        "refused": "Инспекторлар жұмыс үстелі қосымшасында",
        "mismatch": "Басылған құжатпен сәйкес келмейді",
    },
    "ru": {
        "queue": "Очередь проверки",
        "done_returned": "возвращена инспектору",
        "done_approved": "Проверка утверждена",
        "refused": "Инспекторы работают в настольном приложении",
        "mismatch": "Не совпадает с напечатанным документом",
    },
}


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def world(tmp_path):
    server, world = start_world(tmp_path)
    yield world
    server.stop()


def shot(page, lang: str, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{lang}-{name}.png"), full_page=True)


def sign_in(page, url: str, lang: str, username: str) -> None:
    page.goto(f"{url}/")
    assert page.url.endswith("/console/signin")
    if page.locator("html").get_attribute("lang") != lang:
        page.select_option("#lang", lang)
        with page.expect_navigation():
            page.click("#lang-apply")
    assert page.locator("html").get_attribute("lang") == lang
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_supervisor_reviews_in_the_console(browser, world, lang):
    texts = TEXTS[lang]
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale=lang)
    page = context.new_page()

    sign_in(page, world.url, lang, "supervisor")
    assert page.url.endswith("/console/review")
    assert page.locator("h1").inner_text() == texts["queue"]
    assert page.evaluate("document.fonts.check('16px \"Console Sans\"')")
    shot(page, lang, "1-queue")

    # filter: the Astana region, inspections with a protocol
    page.select_option("#f-region", "AST")
    page.select_option("#f-protocol", "yes")
    with page.expect_navigation():
        page.click("#apply-filters")
    rows = page.locator("tbody tr")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.id)")) == sorted(
        [world.id("to_return"), world.id("own")]
    )
    shot(page, lang, "2-queue-filtered")

    # open the inspection to return
    page.click(f'tr[data-id="{world.id("to_return")}"] a')
    assert page.url.endswith(world.id("to_return"))
    mismatch = page.locator("tr.mismatch")
    assert mismatch.count() == 1 and texts["mismatch"] in mismatch.inner_text()
    assert mismatch.locator(".mismatch-note").evaluate("e => getComputedStyle(e).color") == "rgb(179, 38, 30)"
    assert page.locator('tr[data-document="AK-all"] .match-note').count() == 1
    shot(page, lang, "3-inspection")

    # a document re-rendered by the server, as PDF
    link = page.locator(f'tr[data-document="AK-all"] a.pdf[data-lang="{lang}"]')
    pdf = context.request.get(world.url + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    _pdf_picture(pdf.body(), lang)

    # return it: no comment first (refused with a message), then a comment and one on an item
    page.click("#return")
    assert page.locator("#decision-problem").is_visible()
    page.fill("#comment", "Бейнебақылау бойынша дәлел жеткіліксіз / Недостаточно доказательств")
    page.select_option("#item-id-1", "sch.security.video")
    page.fill("#item-comment-1", "Камералар санын көрсетіңіз / Укажите число камер")
    page.click("#return")
    assert texts["done_returned"] in page.locator("#decision-done").inner_text()
    assert (
        "Камералар санын көрсетіңіз"
        in page.locator("#item-sch\\.security\\.video .item-comment").inner_text()
    )
    shot(page, lang, "4-returned")

    # approve another one, reached through the queue
    page.goto(f"{world.url}/console/review?region=AKM")
    page.click(f'tr[data-id="{world.id("to_approve")}"] a')
    page.click("#approve")
    assert texts["done_approved"] in page.locator("#decision-done").inner_text()
    assert page.locator("#review-state").get_attribute("class").endswith("state-approved")
    shot(page, lang, "5-approved")

    # a form whose CSRF token was taken out is refused
    page.goto(f"{world.url}/console/inspections/{world.id('plain')}")
    page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(e => e.remove())")
    with page.expect_navigation() as refused:
        page.click("#approve")
    assert refused.value.status == 403 and page.locator("#error-message").is_visible()
    shot(page, lang, "6-csrf-refused")

    # another region's inspection does not exist for this supervisor
    answer = page.goto(f"{world.url}/console/inspections/{world.id('other_region')}")
    assert answer.status == 404
    shot(page, lang, "7-other-region")
    context.close()

    # an inspector is refused with a message
    context = browser.new_context(locale=lang)
    page = context.new_page()
    sign_in(page, world.url, lang, "inspector")
    assert texts["refused"] in page.locator("#signin-error").inner_text()
    shot(page, lang, "8-inspector-refused")
    context.close()


def _pdf_picture(data: bytes, lang: str) -> None:
    """The first page of the PDF as a picture beside the screenshots, when pdftoppm exists."""
    if shutil.which("pdftoppm") is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    source = SHOTS / f"{lang}-document.pdf"
    source.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(source), str(SHOTS / f"{lang}-document")],
        check=True,
    )


def test_an_overdue_order_item_becomes_a_follow_up_inspection(browser, world):
    """Clicks only: the overdue list, the item, "not executed", the follow-up planned for an
    inspector of the region, then the assignment on the assignments page."""
    import datetime as dt

    from sync.server.console.orders import today
    from tests.console.conftest import _push
    from tests.kit.console_records import facility_in

    day = today()
    deadlines = (day - dt.timedelta(days=1), day + dt.timedelta(days=3))
    _push(world, "inspector", "ordered", facility_in("AST", 2), seed=21, order_deadlines=deadlines)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="kk")
    page = context.new_page()
    sign_in(page, world.url, "kk", "supervisor")

    page.select_option("#f-orders-overdue", "yes")
    click(page, "#apply-filters")
    assert page.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)") == [world.id("ordered")]

    click(page, 'a[href="/console/orders"]')
    overdue = page.locator("tr[data-item]")
    assert overdue.count() == 1 and "мерзімі өтті" in overdue.inner_text()
    click(page, "#view-soon")
    assert page.locator("tr[data-item]").count() == 1
    click(page, "#view-overdue")
    shot(page, "kk", "9-orders-overdue")

    click(page, "tr[data-item] a")
    assert page.locator("#item-state").get_attribute("data-state") == "open"
    page.fill("#note", "Бейнебақылау орнатылмаған")
    click(page, "#mark-not-executed")
    assert page.locator("#item-state").get_attribute("data-state") == "not_executed"
    page.select_option("#inspector", "inspector")
    page.fill("#planned-date", (day + dt.timedelta(days=5)).isoformat())
    click(page, "#propose-follow-up")
    assert page.locator("#item-state").get_attribute("data-state") == "follow_up"
    assert "ноутбугі" in page.locator("#done").inner_text()
    shot(page, "kk", "10-follow-up-planned")

    click(page, 'a[href="/console/orders"]')
    assert page.locator("#no-items").is_visible()  # no longer overdue: a follow-up is planned
    click(page, 'a[href="/console/assignments"]')
    row = page.locator("tr[data-assignment]")
    assert row.count() == 1 and "Бұрын берілген нұсқаманың орындалуын бақылау" in row.inner_text()
    shot(page, "kk", "11-assignments")
    context.close()


def click(page, selector: str) -> None:
    """Click something that loads a page, and wait for that page (reading a locator's count
    does not wait)."""
    with page.expect_navigation():
        page.click(selector)
