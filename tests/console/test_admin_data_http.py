"""The administrators' data pages over HTTP against a real server: only administrators,
every POST with its CSRF token, the register imported with a per-row report, a facility
edited, special control set and unset, MRP and an article changed, a checklist published,
refused with its line and key, retired, and what a laptop's pull then carries."""

from __future__ import annotations

import re
from pathlib import Path

import requests
import sqlalchemy as sa

from sync.server.persistence.models import ArticleRow, AuditEntry, FacilityRow, FormRow, MrpRow
from tests.console.test_console_http import csrf_of, sign_in
from tests.sync.api import pull_all
from tests.sync.conftest import enrol

ROOT = Path(__file__).resolve().parents[2]
REGISTER = (
    "name_kk,name_ru,kind,region,district,settlement,bin,capacity\n"
    "Сынақ мектебі 1,Тестовая школа 1,school,AST,,Астана,,100\n"
    "Сынақ мектебі 2,Тестовая школа 2,shool,AST,,Астана,,100\n"
    "Сынақ мектебі 3,Тестовая школа 3,school,Марс,,,,\n"
    "Сынақ мектебі 4,Тестовая школа 4,school,Астана,,,123,\n"
    "Сынақ лагері 5,Тестовый лагерь 5,camp,Алматы,,,,-5\n"
    "Сынақ лагері 6,Тестовый лагерь 6,camp,ALA,,,,\n"
)


def query(world, statement):
    engine = sa.create_engine(world.database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(statement).all()
    finally:
        engine.dispose()


def audited(world, action: str) -> int:
    return len(query(world, sa.select(AuditEntry.id).where(AuditEntry.action == action)))


def admin(world, lang: str = "kk") -> tuple[requests.Session, str]:
    browser, answer = sign_in(world.url, "admin")
    assert answer.status_code == 200
    page = browser.get(f"{world.url}/console/review", timeout=10)
    token = csrf_of(page.text)
    browser.post(f"{world.url}/console/language", data={"csrf": token, "lang": lang}, timeout=10)
    return browser, token


def upload(browser, url: str, path: str, token: str, name: str, data: bytes, mime: str = "text/csv"):
    return browser.post(f"{url}{path}", data={"csrf": token}, files={"file": (name, data, mime)}, timeout=60)


def test_only_administrators_with_their_token_may_act(world):
    paths = ("register", "reference", "checklists", "reference/articles/new")
    for path in paths:  # no session: to the sign-in page
        answer = requests.get(f"{world.url}/console/admin/{path}", timeout=10)
        assert answer.url.endswith("/console/signin")
    device = enrol(world.url, "inspector")  # an inspector's laptop token opens no page
    answer = requests.get(f"{world.url}/console/admin/reference", headers=device, timeout=10)
    assert answer.url.endswith("/console/signin")
    supervisor, _ = sign_in(world.url, "supervisor")
    token = csrf_of(supervisor.get(f"{world.url}/console/review", timeout=10).text)
    assert "/console/admin/" not in supervisor.get(f"{world.url}/console/review", timeout=10).text
    for path in paths:
        assert supervisor.get(f"{world.url}/console/admin/{path}", timeout=10).status_code == 403
    refused = supervisor.post(
        f"{world.url}/console/admin/reference/mrp",
        data={"csrf": token, "year": "2026", "tenge": "1"},
        timeout=10,
    )
    assert refused.status_code == 403 and 'id="error-message"' in refused.text
    browser, _ = admin(world)
    for forged in ({}, {"csrf": "x" * 43}):
        answer = browser.post(
            f"{world.url}/console/admin/reference/mrp",
            data={**forged, "year": "2026", "tenge": "1"},
            timeout=10,
        )
        assert answer.status_code == 403
    assert query(world, sa.select(MrpRow.tenge).where(MrpRow.year == 2026)) == [(4325,)]
    assert audited(world, "console.admin_refused") >= 4 and audited(world, "console.csrf_refused") >= 2


def test_a_register_is_imported_with_each_bad_row_reported(world):
    browser, token = admin(world, "ru")
    answer = upload(
        browser, world.url, "/console/admin/register/import", token, "реестр.csv", REGISTER.encode()
    )
    assert answer.status_code == 200
    rows = re.findall(
        r'<tr data-line="(\d+)"><td>\d+</td><td><code>(\w+)</code></td><td>([^<]+)</td>', answer.text
    )
    assert [(line, column) for line, column, _ in rows] == [
        ("3", "kind"),
        ("4", "region"),
        ("5", "bin"),
        ("6", "capacity"),
    ]
    assert "Неизвестный регион «Марс»" in rows[1][2]
    assert "импортировано или обновлено 2" in answer.text and "отклонено 4" in answer.text
    names = {
        n for (n,) in query(world, sa.select(FacilityRow.name_ru).where(FacilityRow.name_ru.like("Тест%")))
    }
    assert names == {"Тестовая школа 1", "Тестовый лагерь 6"}
    assert audited(world, "register.import") == 1
    again = upload(
        browser, world.url, "/console/admin/register/import", token, "реестр.csv", REGISTER.encode()
    )
    assert "импортировано или обновлено 0" in again.text  # the same rows are not doubled
    header = upload(
        browser, world.url, "/console/admin/register/import", token, "r.csv", b"name,kind\nx,school\n"
    )
    assert header.status_code == 400 and "Нет столбцов: name_kk, name_ru, region" in header.text
    kind = upload(browser, world.url, "/console/admin/register/import", token, "r.txt", b"x")
    assert kind.status_code == 400 and "Выберите файл CSV или XLSX" in kind.text
    big = upload(
        browser, world.url, "/console/admin/register/import", token, "r.csv", b"x" * (17 * 1024 * 1024)
    )
    assert big.status_code == 413


def test_a_facility_is_edited_and_put_under_special_control(world):
    browser, token = admin(world)
    (facility_id, name_ru, region), *_ = query(
        world,
        sa.select(FacilityRow.id, FacilityRow.name_ru, FacilityRow.region).where(FacilityRow.region == "AKM"),
    )
    url = f"{world.url}/console/admin/register/facilities/{facility_id}"
    page = browser.get(url, timeout=10)
    fields = dict(re.findall(r'<input id="f-(\w+)" name="\w+" value="([^"]*)"', page.text))
    values = {**fields, "kind": "school", "region": region, "risk": "high", "csrf": token}
    bad = browser.post(url, data={**values, "bin": "123"}, timeout=10)
    assert bad.status_code == 400 and 'id="err-bin"' in bad.text
    saved = browser.post(url, data={**values, "name_ru": name_ru + " (изм.)"}, timeout=10)
    assert saved.status_code == 200 and 'id="done"' in saved.text
    assert query(
        world, sa.select(FacilityRow.name_ru, FacilityRow.risk).where(FacilityRow.id == facility_id)
    ) == [(name_ru + " (изм.)", "high")]
    toggle = f"{world.url}/console/admin/register/special-control"
    browser.post(toggle, data={"csrf": token, "facility_id": facility_id, "on": "1"}, timeout=10)
    listed = browser.get(f"{world.url}/console/admin/register", timeout=10)
    assert f'<tr data-facility="{facility_id}">' in listed.text.split('id="special-list"')[1]
    browser.post(toggle, data={"csrf": token, "facility_id": facility_id, "on": "0"}, timeout=10)
    assert query(world, sa.select(FacilityRow.special_control).where(FacilityRow.id == facility_id)) == [
        (False,)
    ]
    assert audited(world, "facility.special_control") == 2 and audited(world, "facility.edit") == 1


def test_mrp_and_an_article_are_changed_and_a_laptop_pulls_them(world):
    device = enrol(world.url, "inspector")
    _, cursor, _ = pull_all(world.url, device)
    browser, token = admin(world)
    bad = browser.post(
        f"{world.url}/console/admin/reference/mrp",
        data={"csrf": token, "year": "2027", "tenge": "4 5"},
        timeout=10,
    )
    assert bad.status_code == 400 and 'id="err-tenge"' in bad.text
    browser.post(
        f"{world.url}/console/admin/reference/mrp",
        data={"csrf": token, "year": "2027", "tenge": "4500"},
        timeout=10,
    )
    (code,), *_ = query(world, sa.select(ArticleRow.code).order_by(ArticleRow.code))
    page = browser.get(f"{world.url}/console/admin/reference/articles/{code}", timeout=10)
    values = dict(re.findall(r'<input id="a-(\w+)" name="\w+" value="([^"]*)"', page.text))
    values.update(csrf=token, protocol_by="committee", decided_by="court", new="0")
    reversed_ = browser.post(
        f"{world.url}/console/admin/reference/articles",
        data={**values, "small_min": "20", "small_max": "10"},
        timeout=10,
    )
    assert reversed_.status_code == 400 and 'id="err-small_min"' in reversed_.text
    browser.post(
        f"{world.url}/console/admin/reference/articles",
        data={**values, "max_mrp": "77", "small_min": "5", "small_max": "15"},
        timeout=10,
    )
    changes, _, _ = pull_all(world.url, device, cursor)
    by_kind = {(c["kind"], c["id"]): c["data"] for c in changes}
    assert by_kind[("mrp", "2027")] == {"year": 2027, "tenge": 4500}
    assert by_kind[("article", code)]["max_mrp"] == 77 and by_kind[("article", code)]["org_mrp"]["small"] == [
        5,
        15,
    ]


def test_a_checklist_is_refused_published_and_retired(world):
    device = enrol(world.url, "inspector")
    _, cursor, _ = pull_all(world.url, device)
    browser, token = admin(world, "ru")
    path = "/console/admin/checklists/publish"
    text = (ROOT / "forms" / "school.v1.yaml").read_text(encoding="utf-8")
    broken = text.replace("effective: 2024-08-01", "effective: 2024-08-01\ncolour: red")
    refused = upload(browser, world.url, path, token, "school.v2.yaml", broken.encode(), "application/yaml")
    line = broken.splitlines().index("colour: red") + 1
    assert refused.status_code == 400
    assert f'<dd id="form-error-line">{line}</dd>' in refused.text and "<code>colour</code>" in refused.text
    assert "неизвестный ключ" in refused.text
    changed = text.replace("kk: Жалпы мәліметтер", "kk: Жалпы мәліметтер (өзгертілген)", 1)  # other content
    duplicate = upload(
        browser, world.url, path, token, "school.v1.yaml", changed.encode(), "application/yaml"
    )
    assert duplicate.status_code == 409 and "уже опубликована с другим содержанием" in duplicate.text
    v2 = changed.replace("version: 1", "version: 2", 1)
    published = upload(browser, world.url, path, token, "school.v2.yaml", v2.encode(), "application/yaml")
    assert published.status_code == 200 and 'data-form="school@2"' in published.text
    browser.post(
        f"{world.url}/console/admin/checklists/retire",
        data={"csrf": token, "form_id": "school", "version": "1"},
    )
    rows = dict(
        query(world, sa.select(FormRow.version, FormRow.retired_at).where(FormRow.form_id == "school"))
    )
    assert rows[1] is not None and rows[2] is None
    changes, _, _ = pull_all(world.url, device, cursor)
    forms = {c["id"]: c for c in changes if c["kind"] == "form"}
    assert (
        forms["school@1"]["deleted"] and forms["school@1"]["data"]["content_hash"]
    )  # kept for old inspections
    assert not forms["school@2"]["deleted"] and forms["school@2"]["data"]["version"] == 2
    assert audited(world, "form.retire") == 1 and audited(world, "form.publish_refused") == 2
