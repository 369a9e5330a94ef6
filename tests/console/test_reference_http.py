"""Competent bodies, districts and region names on the reference page, over HTTP against a
real server: administrators only, with the CSRF token, audited, errors beside the fields in
the user's language, nothing ever deleted, and the pull carrying the changes only to a
client that names the new kinds."""

from __future__ import annotations

import requests
import sqlalchemy as sa

from inspector_app.core import protocol
from sync.server.persistence.models import BodyRow, DistrictRow, Region
from tests.console.test_admin_data_http import admin, audited, query
from tests.console.test_console_http import csrf_of, sign_in
from tests.sync.api import pull_all
from tests.sync.conftest import enrol

REFERENCE = "/console/admin/reference"
NEW_KINDS = {protocol.CHANGE_KINDS_HEADER: ",".join(protocol.REFERENCE_KINDS)}
BODY = {"new": "1", "code": "ombudsman", "name_kk": "Бала құқықтары жөніндегі уәкіл"}
BODY |= {"name_ru": "Уполномоченный по правам ребёнка", "name_en": "Children's ombudsman", "active": "1"}


def post(browser, url: str, path: str, token: str, **data) -> requests.Response:
    return browser.post(f"{url}{REFERENCE}/{path}", data={"csrf": token, **data}, timeout=10)


def test_only_administrators_with_their_token_may_add_a_body(world):
    supervisor, _ = sign_in(world.url, "supervisor")
    token = csrf_of(supervisor.get(f"{world.url}/console/review", timeout=10).text)
    assert post(supervisor, world.url, "bodies", token, **BODY).status_code == 403
    browser, _ = admin(world)
    for forged in ("", "x" * 43):
        assert post(browser, world.url, "bodies", forged, **BODY).status_code == 403
    assert query(world, sa.select(BodyRow.code).where(BodyRow.code == "ombudsman")) == []
    assert audited(world, "console.admin_refused") >= 1 and audited(world, "console.csrf_refused") >= 2


def test_errors_stand_beside_the_fields_in_the_users_language(world):
    browser, token = admin(world, "kk")
    bad = post(browser, world.url, "bodies", token, **{**BODY, "code": "Бад код", "name_ru": ""})
    assert bad.status_code == 400
    assert 'id="body-err-code"' in bad.text and 'id="body-err-name_ru"' in bad.text
    assert "Осы өрісті толтырыңыз." in bad.text  # "Fill in this field." in Kazakh
    taken = post(browser, world.url, "bodies", token, **{**BODY, "code": "sanitary"})
    assert taken.status_code == 400 and 'id="body-err-code"' in taken.text
    browser, token = admin(world, "ru")
    court = post(browser, world.url, "bodies", token, new="0", code="court", name_kk="сот", name_ru="суд")
    assert court.status_code == 400 and 'id="body-err-active"' in court.text  # unticked: refused
    assert "остаются действующими" in court.text
    district = {"new": "1", "code": "AST-X", "region": "XXX", "name_kk": "Жаңа", "name_ru": "Новый"}
    refused = post(browser, world.url, "districts", token, **district)
    assert refused.status_code == 400 and 'id="district-err-region"' in refused.text
    assert query(world, sa.select(DistrictRow.code).where(DistrictRow.code == "AST-X")) == []


def test_a_body_district_and_region_name_are_saved_audited_and_pulled(world):
    device = enrol(world.url, "inspector")
    _, cursor, _ = pull_all(world.url, {**device, **NEW_KINDS})
    browser, token = admin(world, "ru")
    saved = post(browser, world.url, "bodies", token, **BODY)
    assert saved.status_code == 200 and 'id="done"' in saved.text and 'data-body="ombudsman"' in saved.text
    district = {"new": "1", "code": "ast-esl2", "region": "AST", "name_kk": "Жаңа Есіл ауданы"}
    district |= {"name_ru": "район Новый Есиль", "active": "1"}
    assert post(browser, world.url, "districts", token, **district).status_code == 200
    names = {"code": "AST", "name_kk": "Астана қаласы", "name_ru": "город Астана", "name_en": "Astana"}
    assert post(browser, world.url, "regions", token, **names).status_code == 200
    deactivated = post(browser, world.url, "bodies", token, **{**BODY, "new": "0", "active": ""})
    assert deactivated.status_code == 200
    assert query(world, sa.select(BodyRow.active).where(BodyRow.code == "ombudsman")) == [(False,)]
    assert query(world, sa.select(DistrictRow.region).where(DistrictRow.code == "AST-ESL2")) == [("AST",)]
    assert query(world, sa.select(Region.name_ru).where(Region.code == "AST")) == [("город Астана",)]
    assert audited(world, "console.body") == 2 and audited(world, "body.add") == 1
    assert audited(world, "console.district") == 1 and audited(world, "region.set") == 1
    edit = browser.get(f"{world.url}{REFERENCE}?body=ombudsman", timeout=10)
    assert (
        'value="Уполномоченный по правам ребёнка"' in edit.text
        and 'id="body-code" name="code" value="ombudsman"' in edit.text
    )
    changes, _, _ = pull_all(world.url, {**device, **NEW_KINDS}, cursor)
    by_kind = {(c["kind"], c["id"]): c["data"] for c in changes}
    assert by_kind[("body", "ombudsman")]["active"] is False
    assert by_kind[("district", "AST-ESL2")]["name_ru"] == "район Новый Есиль"
    assert by_kind[("region", "AST")]["name_kk"] == "Астана қаласы"
    older, _, _ = pull_all(world.url, device, cursor)  # a laptop that does not name the kinds
    assert not {c["kind"] for c in older} & set(protocol.REFERENCE_KINDS)
    protocol.ChangesResponse.model_validate({"cursor": 0, "more": False, "changes": changes})
