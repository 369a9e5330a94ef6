"""A resubmission's changes in the web console: the returned revision compared with the one
under review, on the inspection's page and on its own page."""

from __future__ import annotations

import copy

import requests

from tests.console.conftest import _push
from tests.console.test_console_http import csrf_of, sign_in
from tests.kit.console_records import facility_in
from tests.sync.api import push, results
from tests.sync.conftest import enrol

CHANGED_ITEM = "sch.security.video"


def return_and_resubmit(world, name: str, seed: int) -> tuple[str, str]:
    """Push a record, return it from the console, push a revision with one answer changed
    and one photo removed. (record id, the removed photo's SHA-256)"""
    _push(world, "inspector", name, facility_in("AST", 2 + seed % 3), seed=seed, protocol=False)
    record = world.records[name]
    browser, _ = sign_in(world.url, "supervisor")
    url = f"{world.url}/console/inspections/{record.id}"
    page = browser.get(url, timeout=10)
    assert 'id="changes-title"' not in page.text  # never returned: nothing to compare
    answer = browser.post(
        f"{url}/decision",
        data={"csrf": csrf_of(page.text), "decision": "returned", "revision": "1", "comment": "Түзетіңіз"},
        timeout=10,
    )
    assert 'id="decision-done"' in answer.text
    again = copy.deepcopy(record)
    again.revision = again.header.revision = 3
    again.base_revision = 2
    for a in again.answers:
        if a.item_id == CHANGED_ITEM:
            a.verdict = type(a.verdict)("complies")
            a.note = "Камералар орнатылды"
    removed = again.photos.pop()
    result = results(push(world.url, enrol(world.url, "inspector"), again))[0]
    assert result["status"] == "updated", result
    return record.id, removed.sha256


def test_a_resubmission_shows_the_changed_answer_and_the_removed_photo(world):
    record_id, removed = return_and_resubmit(world, "resubmitted", seed=21)
    browser, _ = sign_in(world.url, "supervisor")
    for url in (
        f"{world.url}/console/inspections/{record_id}",
        f"{world.url}/console/inspections/{record_id}/diff",
    ):
        html = browser.get(url, timeout=10).text
        assert 'data-state="changed"' in html, url
        assert f'data-key="{CHANGED_ITEM}"' in html
        assert '<del class="diff-old">Бұзылған</del>' in html  # kk: violated, struck through
        assert '<ins class="diff-new">Сәйкес келеді</ins>' in html
        assert '<ins class="diff-new">Камералар орнатылды</ins>' in html
        assert f'<li class="diff-removed" data-key="{removed}">' in html
    thumb = browser.get(
        f"{world.url}/console/inspections/{record_id}/photos/{removed}?size=thumb", timeout=10
    )
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    browser.post(f"{world.url}/console/language", data={"csrf": csrf_of(html), "lang": "ru"}, timeout=10)
    html = browser.get(f"{world.url}/console/inspections/{record_id}/diff", timeout=10).text
    assert '<del class="diff-old">Нарушено</del>' in html and "оборудованы видеонаблюдением" in html


def test_no_changes_and_never_returned(world):
    browser, _ = sign_in(world.url, "supervisor")
    never = browser.get(f"{world.url}/console/inspections/{world.id('plain')}/diff", timeout=10)
    assert never.status_code == 200 and 'id="diff-none"' in never.text
    name, seed = "same_again", 22
    _push(world, "inspector", name, facility_in("AST", 2 + seed % 3), seed=seed, protocol=False)
    record = world.records[name]
    url = f"{world.url}/console/inspections/{record.id}"
    page = browser.get(url, timeout=10)
    browser.post(
        f"{url}/decision",
        data={"csrf": csrf_of(page.text), "decision": "returned", "revision": "1", "comment": "Тексеріңіз"},
        timeout=10,
    )
    again = copy.deepcopy(record)
    again.revision = again.header.revision = 3
    again.base_revision = 2
    assert results(push(world.url, enrol(world.url, "inspector"), again))[0]["status"] == "updated"
    html = browser.get(f"{url}/diff", timeout=10).text
    assert 'id="diff-same"' in html


def test_another_regions_diff_is_not_found(world):
    browser, _ = sign_in(world.url, "supervisor")
    answer = browser.get(f"{world.url}/console/inspections/{world.id('other_region')}/diff", timeout=10)
    assert answer.status_code == 404
    assert requests.get(f"{world.url}/console/inspections/{world.id('plain')}/diff", timeout=10).url.endswith(
        "/console/signin"
    )
