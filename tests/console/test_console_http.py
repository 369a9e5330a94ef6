"""The web console over HTTP against a real server: sign-in, sessions, CSRF, region scope,
the queue's filters, decisions and what a return carries to the laptop."""

from __future__ import annotations

import re

import requests

from sync.server.console.build_translations import untranslated
from sync.server.services.seed import DEMO_PASSWORD
from tests.console.conftest import start_world
from tests.sync.conftest import enrol

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    return CSRF.search(html).group(1)


def sign_in(
    url: str, username: str, password: str = DEMO_PASSWORD
) -> tuple[requests.Session, requests.Response]:
    browser = requests.Session()
    form = browser.get(f"{url}/console/signin", timeout=10)
    answer = browser.post(
        f"{url}/console/signin",
        data={"csrf": csrf_of(form.text), "username": username, "password": password},
        timeout=10,
    )
    return browser, answer


def test_root_leads_to_sign_in_and_the_cookie_is_guarded(world):
    answer = requests.get(f"{world.url}/", timeout=10)
    assert answer.url.endswith("/console/signin") and answer.status_code == 200
    _, signed = sign_in(world.url, "supervisor")
    assert signed.url.endswith("/console/review")
    cookie = signed.history[0].headers["set-cookie"]
    assert "inspector_console=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here, and the setting is off


def test_an_inspector_is_refused_with_a_message(world):
    browser, answer = sign_in(world.url, "inspector")
    assert answer.status_code == 403
    assert "Инспекторлар жұмыс үстелі қосымшасында жұмыс істейді" in answer.text
    assert browser.get(f"{world.url}/console/review", timeout=10).url.endswith("/console/signin")


def test_a_wrong_password_is_told_and_the_queue_stays_closed(world):
    browser, answer = sign_in(world.url, "supervisor", "wrong")
    assert answer.status_code == 401 and 'role="alert"' in answer.text
    assert browser.get(f"{world.url}/console/review", timeout=10).url.endswith("/console/signin")


def test_a_post_without_the_csrf_token_is_refused(world):
    browser, _ = sign_in(world.url, "supervisor")
    page = browser.get(f"{world.url}/console/inspections/{world.id('to_approve')}", timeout=10)
    assert 'id="approve"' in page.text
    refused = browser.post(
        f"{world.url}/console/inspections/{world.id('to_approve')}/decision",
        data={"decision": "approved", "revision": "1"},
        timeout=10,
    )
    assert refused.status_code == 403 and 'id="error-message"' in refused.text
    forged = browser.post(
        f"{world.url}/console/inspections/{world.id('to_approve')}/decision",
        data={"decision": "approved", "revision": "1", "csrf": "x" * 43},
        timeout=10,
    )
    assert forged.status_code == 403
    page = browser.get(f"{world.url}/console/inspections/{world.id('to_approve')}", timeout=10)
    assert 'data-state="approved"' not in page.text and 'id="approve"' in page.text  # still waiting


def test_sign_in_and_language_forms_refuse_a_forged_token(world):
    """Before sign-in the token is the browser's own pre-session cookie; after it, only the
    session's: a made-up token, another browser's, or the pre-session one once signed in is
    refused, and nothing changes."""
    url = f"{world.url}/console"
    victim, other = requests.Session(), requests.Session()
    own = csrf_of(victim.get(f"{url}/signin", timeout=10).text)
    foreign = csrf_of(other.get(f"{url}/signin", timeout=10).text)
    assert own != foreign
    credentials = {"username": "supervisor", "password": DEMO_PASSWORD}
    for token in ("x" * 43, foreign, ""):
        refused = victim.post(f"{url}/signin", data={"csrf": token, **credentials}, timeout=10)
        assert refused.status_code == 403 and "inspector_console=" not in refused.headers.get(
            "set-cookie", ""
        )
        language = victim.post(f"{url}/language", data={"csrf": token, "lang": "ru"}, timeout=10)
        assert language.status_code == 403 and "inspector_console_lang" not in victim.cookies
    cookieless = requests.post(f"{url}/signin", data={"csrf": own, **credentials}, timeout=10)
    assert cookieless.status_code == 403  # a cross-site form carries no pre-session cookie
    assert victim.get(f"{url}/review", timeout=10).url.endswith("/console/signin")
    signed = victim.post(f"{url}/signin", data={"csrf": own, **credentials}, timeout=10)
    assert signed.url.endswith("/console/review")
    assert csrf_of(signed.text) != own
    before = re.search(r'<html lang="(\w+)"', signed.text).group(1)
    wanted = "ru" if before != "ru" else "en"
    for token in (own, foreign, "x" * 43):  # the pre-session token no longer counts
        refused = victim.post(f"{url}/language", data={"csrf": token, "lang": wanted}, timeout=10)
        assert refused.status_code == 403
    assert re.search(r'<html lang="(\w+)"', victim.get(f"{url}/review", timeout=10).text).group(1) == before


def test_another_regions_inspection_is_not_found(world):
    browser, _ = sign_in(world.url, "supervisor")
    for path in ("", "/photos/" + "0" * 64, "/documents/AK-all.pdf"):
        answer = browser.get(f"{world.url}/console/inspections/{world.id('other_region')}{path}", timeout=10)
        assert answer.status_code == 404, path
    queue = browser.get(f"{world.url}/console/review", timeout=10).text
    assert world.id("other_region") not in queue and world.id("to_return") in queue
    other, _ = sign_in(world.url, "supervisor_kar")
    assert other.get(f"{world.url}/console/inspections/{world.id('other_region')}", timeout=10).ok
    assert (
        other.get(f"{world.url}/console/inspections/{world.id('to_return')}", timeout=10).status_code == 404
    )


def test_queue_filters_and_counts(world):
    browser, _ = sign_in(world.url, "supervisor")

    def ids(query: str) -> set[str]:
        html = browser.get(f"{world.url}/console/review?{query}", timeout=10).text
        return set(re.findall(r'<tr data-id="([^"]+)"', html))

    assert ids("") == {world.id(n) for n in ("to_return", "to_approve", "plain", "own")}
    assert ids("region=AKM") == {world.id("to_approve")}
    assert ids("has_protocol=yes") == {world.id("to_return"), world.id("own")}
    assert ids("has_protocol=no") == {world.id("to_approve"), world.id("plain")}
    assert ids("inspector=supervisor") == {world.id("own")}
    assert ids("inspection_kind=scheduled") == set()
    assert ids("state=approved") == set()
    assert ids("received_to=2000-01-01") == set()
    html = browser.get(f"{world.url}/console/review", timeout=10).text
    assert re.search(r'data-state="submitted"[^>]*>[^<]*<strong>4</strong>', html)


def test_return_with_item_comment_reaches_the_pull_and_approve_is_refused_for_own_record(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = f"{world.url}/console/inspections/{world.id('to_return')}"
    page = browser.get(url, timeout=10)
    assert "mismatch-note" in page.text  # the protocol's printed hash was altered
    no_comment = browser.post(
        f"{url}/decision",
        data={"csrf": csrf_of(page.text), "decision": "returned", "revision": "1"},
        timeout=10,
    )
    assert "decision-problem" in no_comment.text
    unknown_item = browser.post(
        f"{url}/decision",
        data={
            "csrf": csrf_of(page.text),
            "decision": "returned",
            "revision": "1",
            "comment": "Фотосуретті қосыңыз",
            "item_id_1": "sch.no_such_item",
            "item_comment_1": "Жоқ тармақ",
        },
        timeout=10,
    )
    assert "тізімнен таңдаңыз" in unknown_item.text  # "choose the item from the list", nothing returned
    assert 'id="return"' in unknown_item.text
    returned = browser.post(
        f"{url}/decision",
        data={
            "csrf": csrf_of(page.text),
            "decision": "returned",
            "revision": "1",
            "comment": "Фотосуретті қосыңыз",
            "item_id_1": "sch.security.video",
            "item_comment_1": "Камералар саны көрсетілмеген",
        },
        timeout=10,
    )
    assert 'id="decision-done"' in returned.text and "Камералар саны көрсетілмеген" in returned.text
    headers = enrol(world.url, "inspector")
    changes = requests.get(f"{world.url}/api/v1/changes", headers=headers, timeout=10).json()["changes"]
    review = next(c["data"] for c in changes if c["kind"] == "review" and c["id"] == world.id("to_return"))
    assert review["decision"] == "returned"
    assert review["item_comments"] == [
        {"item_id": "sch.security.video", "comment": "Камералар саны көрсетілмеген"}
    ]

    own = f"{world.url}/console/inspections/{world.id('own')}"
    page = browser.get(own, timeout=10)
    assert 'id="approve"' not in page.text
    refused = browser.post(
        f"{own}/decision",
        data={"csrf": csrf_of(page.text), "decision": "approved", "revision": "1"},
        timeout=10,
    )
    assert "decision-problem" in refused.text
    assert "басқа басшы қарауы керек" in refused.text


def test_language_is_remembered_for_the_user(world):
    browser, signed = sign_in(world.url, "supervisor")
    assert 'lang="kk"' in signed.text and "Қарау кезегі" in signed.text
    browser.post(
        f"{world.url}/console/language",
        data={"csrf": csrf_of(signed.text), "lang": "ru", "back": "/console/review"},
        timeout=10,
    )
    again, answer = sign_in(world.url, "supervisor")  # a new browser, no language cookie
    assert 'lang="ru"' in answer.text and "Очередь проверки" in answer.text
    again.post(f"{world.url}/console/language", data={"csrf": csrf_of(answer.text), "lang": "kk"}, timeout=10)
    assert "Қарау кезегі" in again.get(f"{world.url}/console/review", timeout=10).text


def test_sign_out_ends_the_session(world):
    browser, signed = sign_in(world.url, "supervisor")
    cookie = browser.cookies.get("inspector_console", path="/console")
    browser.post(f"{world.url}/console/signout", data={"csrf": csrf_of(signed.text)}, timeout=10)
    stolen = requests.get(f"{world.url}/console/review", cookies={"inspector_console": cookie}, timeout=10)
    assert stolen.url.endswith("/console/signin")


def test_an_idle_session_expires(tmp_path):
    server, world = start_world(tmp_path, INSPECTOR_CONSOLE_IDLE_MINUTES="0")
    try:
        _, answer = sign_in(world.url, "supervisor")
        assert answer.url.endswith("/console/signin")  # expired at once
    finally:
        server.stop()


def test_kazakh_and_russian_catalogues_are_complete():
    assert untranslated() == []
