"""Journeys 3 to 6: a surprise inspection at a school from the register to printed, signed
papers and a sync with the real local server, by keyboard and mouse, in Kazakh and Russian."""

import pytest
from pypdf import PdfReader

from inspector_app.core.documents.context import DocumentKind
from inspector_app.core.domain.models import Verdict
from tests.journeys import day, driver
from tests.journeys.conftest import LANGUAGES, sign_in_demo


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_inspectors_day(start_app, lang, jpeg, tmp_path):
    window = sign_in_demo(start_app, lang)
    day.open_new_inspection(window, "47-К")
    page = window.page
    appeared = day.walk_checklist(page, jpeg)
    assert {"sch.environment.bus_condition", "sch.environment.dorm_living"} <= set(appeared), appeared
    answers = window.store.inspections.answers(page.findings.inspection.id)
    assert {i for i, a in answers.items() if a.verdict is Verdict.VIOLATED} == set(day.VIOLATE)
    assert answers["sch.security.video"].note == day.VIOLATE["sch.security.video"]

    driver.snapshot(window, "checklist")
    driver.tab(page.tabs, page.findings)
    day.take_measures(page)
    day.restore_child(page.findings, "Ә.Қ.", ["education", "wellbeing"], 0)
    day.restore_child(page.findings, "Т-017", ["safety"], 1)
    assert page.store.inspections.restored_children(page.findings.inspection.id)[0].categories
    findings = page.findings
    driver.then(lambda dialog: driver.press(dialog, "child_cancel"))
    driver.press(findings, "restored_add")  # opened, then left untouched
    driver.raise_pending()
    day.restore_child(findings, "X-1", ["housing"], 0)
    table = driver.find(findings, "restored_table")
    driver.click_index(table, table.model().index(table.model().rowCount() - 1, 0))
    driver.press(findings, "restored_remove")
    driver.wait_until(lambda: len(page.store.inspections.restored_children(findings.inspection.id)) == 2)
    driver.fill(driver.find(findings, "objections_text"), "Директор ескертпемен келіспейді")
    driver.press(findings, "objections_save")
    driver.snapshot(window, "findings")
    day.finalise(page)
    documents = day.prepare_documents(page)
    assert sorted(d.kind for d in documents) == sorted(
        [
            DocumentKind.ACT,
            DocumentKind.PROTOCOL,
            DocumentKind.PROTOCOL,
            DocumentKind.ORDER,
            DocumentKind.RECOMMENDATION,
            DocumentKind.REFERRAL,
            DocumentKind.TRANSFER,
        ]
    )
    day.sign_pads(page)
    printed = tmp_path / "printed.pdf"
    day.print_to_file(page, printed)
    assert len(PdfReader(printed).pages) >= sum(d.pages for d in documents)
    day.preview_print_and_save(page, tmp_path)
    saved = day.save_all(page, tmp_path / "saved")
    texts = {path.name: pdf_text(path) for path in saved}
    assert any("744" in text for text in texts.values())  # the rights explained, in the protocol
    act = next(text for name, text in texts.items() if "-AK-" in name)
    assert "бас маман" in act and "главный специалист" in act  # positions per language
    assert "Басшы" in act and "Руководитель" in act
    day.sync_with_the_server_going_away(window, lang)
    driver.then(lambda dialog: driver.click(driver.box_button(dialog, day.dialog_cancel())))
    driver.press(window, "server_button")  # the server's address is there; nothing to change
    driver.raise_pending()
    driver.snapshot(window, "synced")
    driver.press(window, "back")
    driver.wait_until(lambda: window.page is None, what="the register again")
    # the server holds the revision and every photo
    assert window.store.inspections.summaries()[0]["synced_revision"] >= 1
