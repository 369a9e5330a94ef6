"""A resubmission's changes in a real headless browser: the supervisor opens the
inspection, follows the link to its changes and sees the old answer struck through and the
new one, and the removed photo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.test_console_browser import CHROMIUM, shot, sign_in
from tests.console.test_console_diff import CHANGED_ITEM, return_and_resubmit

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}")


def test_supervisor_sees_what_the_resubmission_changed(world):
    record_id, removed = return_and_resubmit(world, "resubmitted_browser", seed=23)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        sign_in(page, world.url, "kk", "supervisor")  # the language the supervisor chose before
        page.goto(f"{world.url}/console/inspections/{record_id}")
        assert page.locator("#review-state").inner_text() == "Қайта жіберілді"
        with page.expect_navigation():
            page.click("#diff-link")
        assert page.url.endswith(f"/console/inspections/{record_id}/diff")
        row = page.locator(f'tr[data-key="{CHANGED_ITEM}"]')
        assert row.locator("del.diff-old").first.inner_text() == "Бұзылған"
        assert row.locator("ins.diff-new").first.inner_text() == "Сәйкес келеді"
        decoration = row.locator("del.diff-old").first.evaluate("e => getComputedStyle(e).textDecorationLine")
        assert decoration == "line-through"
        photo = page.locator(f'li.diff-removed[data-key="{removed}"] img')
        assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
        shot(page, "kk", "diff")
        browser.close()
