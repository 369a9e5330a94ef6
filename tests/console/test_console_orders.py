"""The follow-up of orders and the outcomes of measures over HTTP against a real server: the
lists, each transition, the execution report's upload limits, region scope, CSRF, the
follow-up inspection reaching the laptop as an assignment, the queue's "orders overdue"
filter; the outcome forms with their server-side validation."""

from __future__ import annotations

import datetime as dt
import re
import select
import socket
from urllib.parse import urlsplit

import pytest
import requests
import sqlalchemy as sa

from sync.server.console.orders import today
from sync.server.persistence.db import Database
from sync.server.persistence.models import ArticleRow, AuditEntry, BodyRow
from tests.console.conftest import _push, start_world
from tests.console.test_console_http import csrf_of, sign_in
from tests.kit.console_records import facility_in
from tests.sync.conftest import enrol

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    server, world = start_world(tmp_path_factory.mktemp("orders"))
    day = today()
    deadlines = (day - dt.timedelta(days=3), day + dt.timedelta(days=3), day + dt.timedelta(days=30))
    _push(world, "inspector", "ordered", facility_in("AST", 2), seed=21, order_deadlines=deadlines)
    _push(
        world,
        "inspector_kar",
        "ordered_kar",
        facility_in("KAR", 1),
        seed=22,
        region_code="KAR",
        inspector="Ерлан Қарағандин",
        order_deadlines=(day - dt.timedelta(days=1),),
    )
    _push(world, "inspector", "decided", facility_in("AKM", 1), seed=23, region_code="AKM", outcomes=True)
    yield world
    server.stop()


def item_url(world, name: str, finding: str) -> str:
    return f"{world.url}/console/orders/{world.id(name)}/m2/{finding}"


def items(html: str) -> set[str]:
    return set(re.findall(r'<tr data-item="[^/"]+/m2/([^"]+)"', html))


def state_of(browser, url: str) -> str:
    return re.search(r'id="item-state" data-state="([^"]+)"', browser.get(url, timeout=10).text).group(1)


def test_lists_of_overdue_and_due_soon_items_of_own_regions(world):
    browser, _ = sign_in(world.url, "supervisor")
    overdue = browser.get(f"{world.url}/console/orders", timeout=10).text
    assert items(overdue) == {"f0"} and world.id("ordered_kar") not in overdue
    assert 'class="overdue"' in overdue
    assert items(browser.get(f"{world.url}/console/orders?view=soon", timeout=10).text) == {"f1"}
    assert items(browser.get(f"{world.url}/console/orders?view=all", timeout=10).text) == {"f0", "f1", "f2"}
    other, _ = sign_in(world.url, "supervisor_kar")
    assert world.id("ordered_kar") in other.get(f"{world.url}/console/orders", timeout=10).text


def test_the_queue_filters_records_with_overdue_orders(world):
    browser, _ = sign_in(world.url, "supervisor")
    html = browser.get(f"{world.url}/console/review?orders_overdue=yes", timeout=10).text
    assert set(re.findall(r'<tr data-id="([^"]+)"', html)) == {world.id("ordered")}


def test_another_regions_order_item_is_not_found(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered_kar", "f0")
    assert browser.get(url, timeout=10).status_code == 404
    token = csrf_of(browser.get(f"{world.url}/console/orders", timeout=10).text)
    answer = browser.post(f"{url}/state", data={"csrf": token, "action": "executed"}, timeout=10)
    assert answer.status_code == 404
    other, _ = sign_in(world.url, "supervisor_kar")
    assert state_of(other, url) == "open"


def test_a_transition_without_the_csrf_token_is_refused(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered", "f2")
    assert browser.post(f"{url}/state", data={"action": "executed"}, timeout=10).status_code == 403
    files = {"files": ("report.pdf", PDF, "application/pdf")}
    assert browser.post(f"{url}/report", data={"csrf": "x" * 43}, files=files, timeout=10).status_code == 403
    assert state_of(browser, url) == "open"


def test_the_report_upload_checks_files_then_the_item_is_executed(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered", "f1")
    token = csrf_of(browser.get(url, timeout=10).text)

    def upload(*files) -> str:
        parts = [("files", f) for f in files] or [("files", ("", b"", "application/octet-stream"))]
        answer = browser.post(f"{url}/report", data={"csrf": token}, files=parts, timeout=30)
        assert answer.status_code == 200
        found = re.search(r'id="problem">\s*([^<]+)', answer.text)
        return found.group(1).strip() if found else ""

    assert "Есептің кемінде бір файлын таңдаңыз" in upload()
    assert "PDF" in upload(("notes.txt", b"plain text", "application/pdf"))
    assert "10 МБ" in upload(("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"))
    assert state_of(browser, url) == "open"
    assert (
        upload(("акт орындау.pdf", PDF, "application/pdf"), ("photo.jpg", b"\xff\xd8\xff" + b"1" * 99, "x"))
        == ""
    )
    page = browser.get(url, timeout=10).text
    assert state_of(browser, url) == "report_received"
    links = re.findall(r'href="(/console/orders/reports/\d+)">([^<]+)<', page)
    assert [name for _, name in links] == ["акт орындау.pdf", "photo.jpg"]
    download = browser.get(world.url + links[0][0], timeout=10)
    assert download.content == PDF and download.headers["content-type"] == "application/pdf"
    assert "attachment" in download.headers["content-disposition"]
    other, _ = sign_in(world.url, "supervisor_kar")
    assert other.get(world.url + links[0][0], timeout=10).status_code == 404
    done = browser.post(f"{url}/state", data={"csrf": token, "action": "executed"}, timeout=10)
    assert 'id="done"' in done.text and state_of(browser, url) == "executed"
    again = browser.post(f"{url}/state", data={"csrf": token, "action": "not_executed"}, timeout=10)
    assert 'id="problem"' in again.text and state_of(browser, url) == "executed"


def test_an_oversized_console_form_is_refused_before_it_arrives(world):
    """The declared length is enough to refuse: no byte of the body is sent."""
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered", "f1")
    before = state_of(browser, url)
    for path, declared in ((f"{url}/report", 102 * 1024 * 1024), (f"{url}/state", 2 * 1024 * 1024)):
        with socket.create_connection((urlsplit(world.url).hostname, urlsplit(world.url).port), 10) as raw:
            head = (
                f"POST {urlsplit(path).path} HTTP/1.1\r\nHost: x\r\nContent-Length: {declared}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
            )
            raw.sendall(head.encode())
            answer = b""
            while chunk := raw.recv(65536):  # the server closes the connection after its answer
                answer += chunk
            answer = answer.decode()
        assert answer.startswith("HTTP/1.1 413"), answer[:200]
        assert "text/html" in answer and "Артқа оралып, кішірек файлдарды таңдаңыз" in answer
    assert state_of(browser, url) == before


def chunked_post(world, browser, path: str, token: str, total: int) -> str:
    """A multipart form with a file of `total` bytes, sent in chunks without a Content-Length
    (as a client streaming a body does), stopping once the server answers; the answer."""
    boundary = "b0undary7"
    cookie = browser.cookies.get("inspector_console")
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nCookie: inspector_console={cookie}\r\n"
        f"Transfer-Encoding: chunked\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n\r\n"
    )
    fields = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    piece = b"%PDF-" + b"0" * (1024 * 1024 - 5)
    parts = [fields, *[piece] * (total // len(piece) + 1), f"\r\n--{boundary}--\r\n".encode()]
    answer = b""
    with socket.create_connection((urlsplit(world.url).hostname, urlsplit(world.url).port), 30) as raw:
        raw.sendall(head.encode())
        try:
            for part in parts:
                if select.select([raw], [], [], 0)[0]:  # answered before the body ended
                    break
                raw.sendall(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            else:
                raw.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            while chunk := raw.recv(65536):  # the server ends the connection after its answer
                answer += chunk
        except ConnectionResetError:
            pass
        except TimeoutError:
            return "timed out after: " + answer.decode("utf-8", "replace")
    return answer.decode("utf-8", "replace")


def test_an_oversized_chunked_console_form_is_refused_with_the_size_page(world):
    """No Content-Length to refuse by: the body is counted as it comes, and the answer is the
    413 page however the page's form reading took the refusal; nothing is stored."""
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered", "f2")
    before = state_of(browser, url)
    token = csrf_of(browser.get(url, timeout=10).text)
    admin, _ = sign_in(world.url, "admin")
    admin_token = csrf_of(admin.get(f"{world.url}/console/admin/register", timeout=10).text)
    for who, path, key, total in (
        (browser, f"{urlsplit(url).path}/report", token, 102 * 1024 * 1024),
        (admin, "/console/admin/register/import", admin_token, 33 * 1024 * 1024),
    ):
        answer = chunked_post(world, who, path, key, total)
        assert answer.startswith("HTTP/1.1 413"), (path, answer[:300])
        assert "text/html" in answer and "Артқа оралып, кішірек файлдарды таңдаңыз" in answer
    assert state_of(browser, url) == before
    db = Database(world.database_url)
    with db.read() as session:
        imports = session.scalars(sa.select(AuditEntry.id).where(AuditEntry.action.like("register.import%")))
        assert imports.all() == []
    db.dispose()


def test_not_executed_becomes_a_follow_up_assignment_on_the_laptop(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = item_url(world, "ordered", "f0")
    token = csrf_of(browser.get(url, timeout=10).text)
    early = browser.post(
        f"{url}/follow-up", data={"csrf": token, "inspector": "inspector", "planned_date": "2099-01-01"}
    )
    assert 'id="problem"' in early.text and state_of(browser, url) == "open"  # not yet "not executed"
    browser.post(f"{url}/state", data={"csrf": token, "action": "not_executed", "note": "Жоқ"}, timeout=10)
    assert state_of(browser, url) == "not_executed"
    planned = (today() + dt.timedelta(days=5)).isoformat()
    for inspector, date, told in (
        ("inspector", "2000-01-01", "өткен"),
        ("inspector", "", "күнін"),
        ("inspector_kar", planned, "өңірінің инспекторын"),
    ):
        answer = browser.post(
            f"{url}/follow-up", data={"csrf": token, "inspector": inspector, "planned_date": date}, timeout=10
        )
        assert told in answer.text and state_of(browser, url) == "not_executed", inspector + date
    done = browser.post(
        f"{url}/follow-up",
        data={"csrf": token, "inspector": "inspector", "planned_date": planned},
        timeout=10,
    )
    assert 'id="done"' in done.text and state_of(browser, url) == "follow_up"
    assignment = re.search(r'data-assignment="([^"]+)"', done.text).group(1)
    headers = enrol(world.url, "inspector")
    changes = requests.get(f"{world.url}/api/v1/changes", headers=headers, timeout=10).json()["changes"]
    pulled = next(c["data"] for c in changes if c["kind"] == "assignment" and c["id"] == assignment)
    assert pulled["inspection_type"] == "unscheduled" and pulled["ground"] == "order_follow_up"
    assert pulled["facility_id"] == facility_in("AST", 2) and pulled["planned_date"] == planned
    db = Database(world.database_url)
    with db.read() as session:
        actions = list(
            session.scalars(
                sa.select(AuditEntry.action).where(AuditEntry.entity_id.like(f"{world.id('ordered')}/m2/%"))
            )
        )
    db.dispose()
    assert {"order.report", "order.executed", "order.not_executed", "order.follow_up"} <= set(actions)


def outcome(browser, world, name: str, measure: str, **fields) -> requests.Response:
    url = f"{world.url}/console/inspections/{world.id(name)}/outcomes"
    token = csrf_of(browser.get(url, timeout=10).text)
    return browser.post(f"{url}/{measure}", data={"csrf": token, **fields}, timeout=10)


def field_errors(html: str) -> dict[str, str]:
    return dict(re.findall(r'id="err-m\d-([a-z_]+)">([^<]+)<', html))


def test_a_protocols_decision_is_validated_and_the_fine_counted_in_tenge(world):
    browser, _ = sign_in(world.url, "supervisor")
    page = browser.get(f"{world.url}/console/inspections/{world.id('decided')}", timeout=10).text
    assert f'href="/console/inspections/{world.id("decided")}/outcomes"' in page
    empty = outcome(browser, world, "decided", "m1", sanction="fine")
    assert empty.status_code == 400 and 'id="form-problem"' in empty.text
    assert field_errors(empty.text) == {
        "decided_by": "Осы өрісті толтырыңыз.",
        "decision_date": "Осы өрісті толтырыңыз.",
        "decision_number": "Осы өрісті толтырыңыз.",
        "paid": "Осы өрісті толтырыңыз.",
        "fine_mrp": "Осы өрісті толтырыңыз.",
    }
    future = (today() + dt.timedelta(days=2)).isoformat()
    wrong = outcome(
        browser,
        world,
        "decided",
        "m1",
        decided_by="judge",
        decision_date=future,
        decision_number="2-1",
        sanction="fine",
        fine_mrp="0",
        paid="yes",
    )
    assert set(field_errors(wrong.text)) == {"decided_by", "decision_date", "fine_mrp"}
    assert 'value="2-1"' in wrong.text  # what was typed stays in the form
    assert 'id="summary-m1"' not in wrong.text
    saved = outcome(
        browser,
        world,
        "decided",
        "m1",
        decided_by="court",
        decision_date="2026-04-02",
        decision_number="2-117/2026",
        sanction="fine",
        fine_mrp="5",
        paid="no",
    )
    assert 'id="saved-m1"' in saved.text
    summary = re.search(r'id="summary-m1">(.*?)</p>', saved.text, re.S).group(1)
    assert "21 625 теңге" in summary and "2026 жылғы АЕК" in summary and "төленбеді" in summary  # 5 × 4 325
    warning = outcome(
        browser,
        world,
        "decided",
        "m1",
        decided_by="court",
        decision_date="2026-04-02",
        decision_number="2-117/2026",
        sanction="warning",
    )
    assert "Ескерту" in re.search(r'id="summary-m1">(.*?)</p>', warning.text, re.S).group(1)


def _decided_by_of(html: str, measure: str) -> str:
    select = re.search(rf'<select id="{measure}-decided_by".*?</select>', html, re.S).group(0)
    chosen = re.search(r'<option value="([^"]*)" selected', select)
    return chosen.group(1) if chosen else ""


def _set_decider(world, body: str) -> None:
    db = Database(world.database_url)
    with db.write() as session:
        session.execute(sa.update(ArticleRow).where(ArticleRow.code == "127-3.1").values(decided_by=body))
    db.dispose()


def test_who_decides_is_filled_in_from_the_article_and_stays_editable(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = f"{world.url}/console/inspections/{world.id('ordered')}/outcomes"
    try:
        assert _decided_by_of(browser.get(url, timeout=10).text, "m1") == "court"
        _set_decider(world, "committee")
        page = browser.get(url, timeout=10).text
        assert _decided_by_of(page, "m1") == "committee" and 'id="m1-decided_by-note"' in page
        _set_decider(world, "sanitary")  # another body the reference data names is offered too
        page = browser.get(url, timeout=10).text
        assert _decided_by_of(page, "m1") == "sanitary"
        assert "санитариялық-эпидемиологиялық бақылау" in page.lower()
        db = Database(world.database_url)
        with db.write() as session:  # a body an administrator added to the reference data
            session.add(BodyRow(code="test_body", name_kk="Сынақ органы", name_ru="Тестовый орган"))
        db.dispose()
        _set_decider(world, "test_body")
        page = browser.get(url, timeout=10).text
        assert _decided_by_of(page, "m1") == "test_body" and ">Сынақ органы</option>" in page
        saved = outcome(
            browser,
            world,
            "ordered",
            "m1",
            decided_by="court",
            decision_date="2026-04-02",
            decision_number="5-1",
            sanction="warning",
        )
        assert 'id="saved-m1"' in saved.text and _decided_by_of(saved.text, "m1") == "court"
    finally:
        _set_decider(world, "court")


def test_answers_to_referrals_and_recommendations_are_recorded(world):
    browser, _ = sign_in(world.url, "supervisor")
    missing = outcome(browser, world, "decided", "m4", answer_date="2026-04-10", disciplined="yes")
    assert field_errors(missing.text) == {"discipline": "Осы өрісті толтырыңыз."}
    done = outcome(
        browser, world, "decided", "m4", answer_date="2026-04-10", disciplined="yes", discipline="reprimand"
    )
    assert "Сөгіс" in re.search(r'id="summary-m4">(.*?)</p>', done.text, re.S).group(1)
    assert field_errors(outcome(browser, world, "decided", "m5", answer_date="2026-04-11").text) == {
        "answer": "Осы өрісті толтырыңыз."
    }
    done = outcome(browser, world, "decided", "m5", answer_date="2026-04-11", answer="Іс қозғалды")
    assert "Іс қозғалды" in done.text
    done = outcome(browser, world, "decided", "m3", answer_date="2026-04-12", accepted="yes")
    assert "қабылданды" in re.search(r'id="summary-m3">(.*?)</p>', done.text, re.S).group(1)
    db = Database(world.database_url)
    with db.read() as session:
        saved = session.scalars(
            sa.select(AuditEntry.details).where(
                AuditEntry.action == "outcome.save", AuditEntry.entity_id == world.id("decided")
            )
        ).all()
    db.dispose()
    assert {d["measure"] for d in saved} >= {"m1", "m3", "m4", "m5"}


def test_outcomes_of_another_region_are_not_found_and_csrf_is_checked(world):
    browser, _ = sign_in(world.url, "supervisor_kar")
    url = f"{world.url}/console/inspections/{world.id('decided')}/outcomes"
    assert browser.get(url, timeout=10).status_code == 404
    token = csrf_of(browser.get(f"{world.url}/console/orders", timeout=10).text)
    answer = browser.post(f"{url}/m3", data={"csrf": token, "answer_date": "2026-04-12", "accepted": "no"})
    assert answer.status_code == 404
    own, _ = sign_in(world.url, "supervisor")
    refused = own.post(f"{url}/m3", data={"answer_date": "2026-04-12", "accepted": "no"}, timeout=10)
    assert refused.status_code == 403
    assert own.post(f"{url}/m9", data={"csrf": csrf_of(own.get(url).text)}, timeout=10).status_code == 404


def plan(browser, world, **fields) -> requests.Response:
    token = csrf_of(browser.get(f"{world.url}/console/assignments", timeout=10).text)
    return browser.post(f"{world.url}/console/assignments", data={"csrf": token, **fields}, timeout=10)


def assignment_errors(html: str) -> dict[str, str]:
    return dict(re.findall(r'id="err-([a-z_]+)">([^<]+)<', html))


def test_a_facility_is_found_by_a_kazakh_search_of_own_regions_only(world):
    from tests.kit.console_records import facility_row

    browser, _ = sign_in(
        world.url,
        "supervisor",
    )
    own, other = facility_row(world.database_url, "AST", 3), facility_row(world.database_url, "KAR", 0)
    words = own.name_kk.upper().split()[-2:]  # capitals of Kazakh letters fold too
    html = browser.get(f"{world.url}/console/assignments", params={"q": " ".join(words)}, timeout=10).text
    assert f'<option value="{own.id}"' in html
    html = browser.get(f"{world.url}/console/assignments", params={"q": other.bin}, timeout=10).text
    assert f'<option value="{other.id}"' not in html and "Ештеңе табылмады" in html


def test_an_assignment_form_is_validated_and_a_planned_one_reaches_the_laptop(world):
    from tests.kit.console_records import facility_row

    browser, _ = sign_in(world.url, "supervisor")
    school, kar = facility_row(world.database_url, "AST", 3), facility_row(world.database_url, "KAR", 0)
    empty = plan(browser, world)
    assert empty.status_code == 400 and set(assignment_errors(empty.text)) == {
        "facility_id",
        "inspector",
        "form_id",
        "inspection_type",
        "planned_date",
    }
    wrong = plan(
        browser,
        world,
        facility_id=kar.id,
        inspector="inspector_kar",
        form_id="camp",
        inspection_type="unscheduled",
        planned_date="2000-01-01",
    )
    errors = assignment_errors(wrong.text)
    assert set(errors) == {"facility_id", "ground", "planned_date"}, errors
    assert errors["ground"] == "Жоспардан тыс тексерудің негізін көрсетіңіз."
    planned = (today() + dt.timedelta(days=10)).isoformat()
    mismatched = plan(
        browser,
        world,
        facility_id=school.id,
        inspector="inspector_kar",
        form_id="camp",
        inspection_type="surprise",
        planned_date=planned,
    )
    assert set(assignment_errors(mismatched.text)) == {"inspector", "form_id"}
    assert f'<option value="{school.id}" selected' in mismatched.text  # the choice is kept
    assert plan_without_csrf(browser, world, school.id).status_code == 403
    done = plan(
        browser,
        world,
        facility_id=school.id,
        inspector="inspector",
        form_id="school",
        inspection_type="unscheduled",
        ground="complaint",
        planned_date=planned,
        note="111 шағымы",
    )
    assert 'id="done"' in done.text
    made = re.search(r'<tr data-assignment="([^"]+)"><td>[^<]+</td><td>([^<]+)</td>', done.text)
    assert made.group(2) == school.name_kk
    changes = requests.get(f"{world.url}/api/v1/changes", headers=enrol(world.url, "inspector"), timeout=10)
    pulled = next(c["data"] for c in changes.json()["changes"] if c["id"] == made.group(1))
    assert (pulled["facility_id"], pulled["ground"], pulled["note"]) == (school.id, "complaint", "111 шағымы")
    other, _ = sign_in(world.url, "supervisor_kar")
    assert made.group(1) not in other.get(f"{world.url}/console/assignments", timeout=10).text


def plan_without_csrf(browser, world, facility_id: str) -> requests.Response:
    return browser.post(
        f"{world.url}/console/assignments",
        data={"facility_id": facility_id, "inspector": "inspector", "form_id": "school"},
        timeout=10,
    )
