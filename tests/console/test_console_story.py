"""One story across both products, in Kazakh and in Russian, as people click it: the
inspector on the laptop (the main window, offscreen, moved on by mouse and keyboard events
alone) and the supervisor in the console (a real headless Chromium), over one real server
process (the one `make run` starts, with its demo data).

1. The inspector inspects a school (one item "not applicable"), finalises, prepares the
   documents and syncs.
2. The supervisor filters the queue, opens the inspection, fetches a document the server
   re-rendered (its hash matches the printed one) and returns the inspection with a comment
   and a comment on that item.
3. The inspector syncs: the item carries the ❝ mark and the comment; the answer is changed,
   the inspection finalised again and synced.
4. The supervisor finds the resubmission, sees the change (old struck through, new shown)
   and approves it.
5. An order item of an earlier inspection (pushed before the story, its deadline three days
   ago) is overdue: the supervisor marks it not executed and plans a follow-up inspection.
6. The inspector syncs: the follow-up is in "Planned for me"; "Start inspection" opens the
   new inspection's header as planned, and the inspection opens.

Pictures of every step go to /tmp/console-story-shots/ (CONSOLE_STORY_SHOTS moves them)."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.domain.models import InspectionStatus, Verdict
from sync.server.console.orders import today
from sync.server.services.seed import DEMO_PASSWORD
from tests.console.test_console_browser import CHROMIUM, click
from tests.journeys import day, driver
from tests.journeys.conftest import (
    sign_in_demo,
    start_app,  # noqa: F401 (a fixture)
)
from tests.kit.console_records import facility_in, school_record
from tests.sync.api import push, results, upload
from tests.sync.conftest import enrol

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")

SHOTS = Path(os.environ.get("CONSOLE_STORY_SHOTS", "/tmp/console-story-shots"))
ITEM = "sch.security.video"  # answered "not applicable" first, "complies" after the return
COMMENT = "Бейнебақылау тексерілмеген / Видеонаблюдение не проверено"
ITEM_COMMENT = "Камералар бар: жауапты түзетіңіз / Камеры есть: исправьте ответ"
WORDS = {
    "kk": {
        "synced": "Барлығы синхрондалды",
        "returned": "инспекторға қайтарылды",
        "approved": "Тексеру бекітілді",
        "not_applicable": "Қолданылмайды",
        "complies": "Сәйкес келеді",
        "overdue": "мерзімі өтті",
    },
    "ru": {
        "synced": "Всё синхронизировано",
        "returned": "возвращена инспектору",
        "approved": "Проверка утверждена",
        "not_applicable": "Не применяется",
        "complies": "Соответствует",
        "overdue": "просрочено",
    },
}


class Shots:
    """Numbered pictures of the story: the browser's page or the laptop's window."""

    def __init__(self, lang: str) -> None:
        self.lang, self.count = lang, 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        self.count += 1
        return SHOTS / f"{self.lang}-{self.count:02d}-{name}.png"

    def page(self, page, name: str) -> None:
        page.screenshot(path=str(self.path(name)), full_page=True)

    def window(self, widget, name: str) -> None:
        assert widget.window().grab().save(str(self.path(name)))


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_story_of_an_inspection_across_laptop_and_console(start_app, browser, lang):  # noqa: F811
    started = time.monotonic()
    words, shots = WORDS[lang], Shots(lang)
    window = sign_in_demo(start_app, lang)
    server = window.running.launched.server
    earlier = push_an_earlier_inspection_with_an_order(server)

    # 1. the inspector inspects, finalises, prepares the documents, syncs
    inspection_id = inspect_and_finalise(window, shots)
    sync_and_wait(window, words)
    shots.window(window, "laptop-synced")

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale=lang)
    page = context.new_page()
    sign_in(page, server.url, lang)
    shots.page(page, "console-queue")

    # 2. the supervisor filters the queue, opens the inspection and a document, returns it
    page.select_option("#f-state", "submitted")
    page.select_option("#f-inspection-kind", "surprise")
    click(page, "#apply-filters")
    assert page.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)") == [inspection_id]
    shots.page(page, "console-queue-filtered")
    click(page, f'tr[data-id="{inspection_id}"] a')
    documents = page.locator("tr[data-document]")
    assert documents.count() >= 1
    assert page.locator("tr.mismatch").count() == 0
    assert page.locator(".match-note").count() == documents.count()  # every printed hash matches
    link = documents.first.locator(f'a.pdf[data-lang="{lang}"]')
    pdf = context.request.get(server.url + link.get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    assert words["not_applicable"] in page.locator(f'[id="item-{ITEM}"]').inner_text()
    shots.page(page, "console-inspection")
    page.fill("#comment", COMMENT)
    page.select_option("#item-id-1", ITEM)
    page.fill("#item-comment-1", ITEM_COMMENT)
    click(page, "#return")
    assert words["returned"] in page.locator("#decision-done").inner_text()
    shots.page(page, "console-returned")

    # 3. the inspector syncs, sees the comment at the item, changes the answer, resubmits
    sync_and_wait(window, words)
    rework(window, inspection_id, words, shots)
    sync_and_wait(window, words)

    # 4. the supervisor sees the resubmission and what changed, and approves
    click(page, 'a[href="/console/review"]')
    page.select_option("#f-state", "resubmitted")
    click(page, "#apply-filters")
    assert page.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)") == [inspection_id]
    shots.page(page, "console-resubmitted")
    click(page, f'tr[data-id="{inspection_id}"] a')
    click(page, "#diff-link")
    row = page.locator(f'tr[data-key="{ITEM}"]')
    assert row.locator("del.diff-old").first.inner_text() == words["not_applicable"]
    assert row.locator("ins.diff-new").first.inner_text() == words["complies"]
    decoration = row.locator("del.diff-old").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "line-through"
    shots.page(page, "console-diff")
    page.go_back()
    click(page, "#approve")
    assert words["approved"] in page.locator("#decision-done").inner_text()
    shots.page(page, "console-approved")

    # 5. an order item past its deadline: not executed, a follow-up inspection planned
    click(page, 'a[href="/console/orders"]')
    overdue = page.locator("tr[data-item]")
    assert overdue.count() == 1 and words["overdue"] in overdue.inner_text()
    shots.page(page, "console-overdue")
    click(page, "tr[data-item] a")
    assert earlier.id in page.url
    page.fill("#note", "Бейнебақылау орнатылмаған / Видеонаблюдение не установлено")
    click(page, "#mark-not-executed")
    planned = today() + dt.timedelta(days=5)
    page.select_option("#inspector", "inspector")
    page.fill("#planned-date", planned.isoformat())
    click(page, "#propose-follow-up")
    assert page.locator("#item-state").get_attribute("data-state") == "follow_up"
    shots.page(page, "console-follow-up")
    click(page, 'a[href="/console/assignments"]')
    assert page.locator("tr[data-assignment]").count() == 1
    shots.page(page, "console-assignments")
    context.close()

    # 6. the inspector syncs and starts the planned inspection
    sync_and_wait(window, words)
    start_the_planned_inspection(window, earlier.header.facility_id, planned, shots)
    assert time.monotonic() - started < 120  # the whole story, both ends


def sign_in(page, url: str, lang: str) -> None:
    """The console's sign-in, in the language chosen on it."""
    page.goto(f"{url}/console/")
    assert page.url.endswith("/console/signin")
    if page.locator("html").get_attribute("lang") != lang:
        page.select_option("#lang", lang)
        click(page, "#lang-apply")
    assert page.locator("html").get_attribute("lang") == lang
    page.fill("#username", "supervisor")
    page.fill("#password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/console/review")


def push_an_earlier_inspection_with_an_order(server):
    """An inspection the same inspector synced in March, with an order whose first item
    was due three days ago and the second in a month."""
    day_ = today()
    record, photos = school_record(
        server.database_url,
        facility_in("AST", 2),
        seed=31,
        protocol=False,
        order_deadlines=(day_ - dt.timedelta(days=3), day_ + dt.timedelta(days=30)),
    )
    headers = enrol(server.url, "inspector")
    for sha, data in photos.items():
        assert upload(server.url, headers, sha, data).status_code == 200
    assert results(push(server.url, headers, record))[0]["status"] == "created"
    return record


def sync_and_wait(window, words: dict[str, str]) -> None:
    day.sync_now(window)
    status = driver.find(window, "sync_status")
    driver.wait_until(lambda: status.text() == words["synced"], 60, "everything synced")


def answer_everything(checklist) -> None:
    """Every item by keyboard: verdicts "complies" (ITEM "not applicable"), values typed."""
    driver.click_index(checklist.list, checklist.list.currentIndex())
    answered: set[str] = set()
    for _ in range(400):
        item = checklist.current
        if item.id in answered:
            break
        answered.add(item.id)
        if item.kind is AnswerKind.VERDICT:
            driver.key(checklist.list, Qt.Key.Key_3 if item.id == ITEM else Qt.Key.Key_1)
        else:
            day.answer_item(checklist, item, Path("unused"))
        if checklist.current is item:  # the last item
            driver.key(checklist.list, Qt.Key.Key_Down)
            if checklist.current is item:
                break


def inspect_and_finalise(window, shots: Shots) -> str:
    day.open_new_inspection(window, "12-Т")
    page = window.page
    answer_everything(page.checklist)
    inspection_id = page.findings.inspection.id
    answers = window.store.inspections.answers(inspection_id)
    assert answers[ITEM].verdict is Verdict.NOT_APPLICABLE
    shots.window(window, "laptop-checklist")
    driver.tab(page.tabs, page.findings)
    day.finalise(page)
    documents = page.documents
    driver.tab(page.tabs, documents)
    driver.press(documents, "render_button")
    driver.wait_until(lambda: bool(documents.documents) and documents.job is None, 120, "the documents")
    shots.window(window, "laptop-documents")
    driver.press(page, "back")
    driver.wait_until(lambda: window.page is None, what="the register again")
    return inspection_id


def open_from_inspections(window, inspection_id: str) -> None:
    """The Inspections tab, a double click on the row of this inspection."""
    driver.tab(window.home, window.inspections)
    model = window.inspections_model
    row = next(n for n in range(model.rowCount()) if model.row(n)["id"] == inspection_id)
    view = window.inspections
    index = model.index(row, 0)
    driver.click_index(view, index)
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )
    driver.wait_until(lambda: window.page is not None and window.page.isVisible(), what="the inspection")


def rework(window, inspection_id: str, words: dict[str, str], shots: Shots) -> None:
    """Open the returned inspection, read the comments, change the item's answer, finalise."""
    open_from_inspections(window, inspection_id)
    page = window.page
    assert page.review.isVisible() and COMMENT in page.review.text()
    checklist = page.checklist
    row = next(n for n, r in enumerate(checklist.model.rows()) if r.item and r.item.id == ITEM)
    index = checklist.model.index(row, 0)
    shown = checklist.model.data(index, Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("—") and "  ❝ " in shown, shown  # not applicable, and commented
    driver.click_index(checklist.list, index)
    driver.wait_until(lambda: checklist.current is not None and checklist.current.id == ITEM)
    comment = driver.find(checklist, "review_item_comment")
    assert comment.text().startswith("❝ ") and ITEM_COMMENT in comment.text()
    shots.window(window, "laptop-returned")
    driver.key(checklist.list, Qt.Key.Key_1)
    driver.wait_until(
        lambda: window.store.inspections.answers(inspection_id)[ITEM].verdict is Verdict.COMPLIES,
        what="the answer changed",
    )
    shots.window(window, "laptop-changed")
    driver.tab(page.tabs, page.findings)
    driver.then(lambda box: driver.press(box, "yes"))
    driver.press(page.findings, "finalise_button")
    driver.raise_pending()
    driver.wait_until(
        lambda: window.store.inspections.get(inspection_id).status is InspectionStatus.FINALISED,
        what="finalised again",
    )
    driver.press(page, "back")
    driver.wait_until(lambda: window.page is None, what="the register again")


def start_the_planned_inspection(window, facility_id: str, planned: dt.date, shots: Shots) -> None:
    assignments = window.assignments
    driver.tab(window.home, assignments)
    driver.wait_until(lambda: assignments.model.rowCount() == 1, what="the planned inspection")
    assert assignments.model.row(0).facility_id == facility_id
    shots.window(window, "laptop-planned")
    driver.click_index(assignments.table, assignments.model.index(0, 0))
    seen: dict[str, object] = {}

    def in_dialog(dialog) -> None:
        from inspector_app.core.domain.models import InspectionType, UnscheduledGround
        from inspector_app.desktop.ui.shared.fields import to_date

        seen["type"] = driver.find(dialog, "inspection_type").currentData()
        seen["ground"] = dialog.ground.currentData()
        seen["start"] = to_date(dialog.period_start)
        assert seen["type"] == InspectionType.UNSCHEDULED
        assert seen["ground"] == UnscheduledGround.ORDER_FOLLOW_UP
        shots.window(dialog, "laptop-follow-up-header")
        driver.fill(driver.find(dialog, "appointment_number"), "14-Т")
        driver.fill(driver.find(dialog, "registration_number"), "ҚС-0042")
        driver.click(driver.box_button(dialog, day.dialog_ok()))

    driver.then(in_dialog)
    driver.press(assignments, "start_assignment_button")
    driver.raise_pending()
    driver.wait_until(lambda: window.page is not None and window.page.isVisible(), what="the new inspection")
    inspection = window.page.findings.inspection
    assert inspection.facility_id == facility_id
    assert inspection.ground == seen["ground"] and inspection.period_start == planned == seen["start"]
    shots.window(window, "laptop-follow-up-opened")
