"""GET /api/v1/statistics against a real server: records pushed, approved and followed up
(decisions on protocols, an employer's answer, order items executed), each figure counted by
hand; the period, region, kind and basis filters; who may ask; bad input."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import requests

from sync.server.console.orders import today
from sync.server.services.statistics import METHODOLOGY
from tests.console.conftest import _push, start_world
from tests.console.test_console_http import csrf_of, sign_in
from tests.console.test_console_orders import outcome
from tests.kit.console_records import facility_in
from tests.sync.api import error_code
from tests.sync.conftest import enrol, pg_database, pg_server  # noqa: F401 (fixtures)

YEAR = {"from": "2026-01-01", "to": "2026-12-31"}
DESK = {
    "type": "scheduled",
    "mode": "desk",
    "ground": None,
    "appointment_date": "2026-02-01",
    "period_start": "2026-02-05",
    "period_end": "2026-02-15",
}
SURPRISE = {
    "type": "surprise",
    "ground": None,
    "appointment_date": "2026-03-13",
    "period_start": "2026-03-13",
    "period_end": "2026-03-25",
}
LAST_YEAR = {"appointment_date": "2025-12-31", "period_start": "2026-01-05", "period_end": "2026-01-10"}


def _approve(world, headers, name: str) -> None:
    url = f"{world.url}/api/v1/records/{world.id(name)}/review"
    answer = requests.post(url, json={"decision": "approved", "revision": 1}, headers=headers, timeout=10)
    assert answer.status_code == 200, answer.text


def _order_state(browser, world, name: str, finding: str, action: str) -> None:
    url = f"{world.url}/console/orders/{world.id(name)}/m2/{finding}"
    token = csrf_of(browser.get(url, timeout=10).text)
    assert browser.post(f"{url}/state", data={"csrf": token, "action": action}, timeout=10).ok


def _decide(browser, world, name: str, mrp: int, paid: str) -> None:
    fields = {"decided_by": "court", "decision_date": "2026-04-02", "decision_number": f"2-{mrp}"}
    answer = outcome(browser, world, name, "m1", sanction="fine", fine_mrp=str(mrp), paid=paid, **fields)
    assert 'id="saved-m1"' in answer.text


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request, tmp_path_factory):
    """The console's five records (10 Mar 2026, unscheduled, on site, not approved) and three
    more in Astana: a scheduled desk one and a surprise one at the same school, and one
    appointed on the last day of 2025."""
    url = (
        None
        if request.param == "sqlite"
        else request.getfixturevalue("pg_database").render_as_string(hide_password=False)
    )
    server, world = start_world(tmp_path_factory.mktemp("statistics"), url)
    day = today()
    late, later = day - dt.timedelta(days=3), day + dt.timedelta(days=30)
    school = facility_in("AST", 2)
    housing_education, housing, wellbeing = ("housing", "education"), ("housing",), ("wellbeing",)
    _push(
        world,
        "inspector",
        "desk",
        school,
        seed=31,
        header=DESK,
        order_deadlines=(late, later),
        outcomes=True,
        children=(housing_education, housing),
    )
    _push(
        world,
        "inspector",
        "surprise",
        school,
        seed=32,
        header=SURPRISE,
        order_deadlines=(day + dt.timedelta(days=5),),
        children=(wellbeing,),
    )
    _push(world, "inspector", "last_year", facility_in("AST", 3), seed=33, header=LAST_YEAR)
    headers = enrol(world.url, "supervisor")
    for name in ("desk", "surprise", "last_year", "to_approve"):
        _approve(world, headers, name)
    browser, _ = sign_in(world.url, "supervisor")
    _decide(browser, world, "desk", 5, "no")  # 5 × 4,325 = 21,625 tenge
    _decide(browser, world, "surprise", 10, "yes")  # 43,250
    _decide(browser, world, "to_return", 20, "yes")  # 86,500, not approved
    answer = outcome(
        browser, world, "desk", "m4", answer_date="2026-04-10", disciplined="yes", discipline="reprimand"
    )
    assert 'id="saved-m4"' in answer.text
    _order_state(browser, world, "desk", "f1", "executed")  # f0 stays open past its deadline
    _order_state(browser, world, "surprise", "f0", "executed")
    yield world
    server.stop()


def stats(world, username: str, **params) -> requests.Response:
    headers = enrol(world.url, username)
    return requests.get(f"{world.url}/api/v1/statistics", params=params, headers=headers, timeout=30)


def figures(world, username: str = "admin", **params) -> dict:
    answer = stats(world, username, **params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_approved_inspections_of_a_year_counted_by_hand(world):
    body = figures(world, **YEAR)  # desk, surprise, to_approve; last_year is outside the period
    assert body["basis"] == "approved" and body["provisional"] is True
    assert body["organisations_inspected"] == 2 and body["regions"] == 2  # one Astana school twice
    assert body["inspections"] == {
        "total": 3,
        "on_site": 2,
        "desk": 1,
        "scheduled": 1,
        "unscheduled": 1,
        "surprise": 1,
    }
    assert body["protocols"] == 2
    assert body["fines_imposed_tenge"] == 21_625 + 43_250 and body["fines_paid_tenge"] == 43_250
    assert body["orders"] == {"issued": 2, "executed": 1, "overdue": 1}
    assert body["recommendations"] == 1 and body["referrals"] == 1 and body["officials_disciplined"] == 1
    restored = body["children_restored"]
    assert restored["total"] == 3
    assert {k: v for k, v in restored["by_category"].items() if v} == {
        "housing": 2,
        "education": 1,
        "wellbeing": 1,
    }
    assert body["methodology"] == METHODOLOGY and "appointment_date" in METHODOLOGY["en"]


def test_every_finalised_inspection_with_its_basis(world):
    body = figures(world, basis="finalised", **YEAR)
    assert body["inspections"]["total"] == 7 and body["organisations_inspected"] == 6 and body["regions"] == 4
    assert body["protocols"] == 5 and body["inspections"]["unscheduled"] == 5
    assert body["fines_imposed_tenge"] == 21_625 + 43_250 + 86_500
    assert body["fines_paid_tenge"] == 43_250 + 86_500


def test_the_appointment_date_places_an_inspection_in_the_period(world):
    assert figures(world, **{"from": "2026-02-01", "to": "2026-02-01"})["inspections"]["desk"] == 1
    march = figures(world, **{"from": "2026-03-11", "to": "2026-03-31"})
    assert march["inspections"]["total"] == 1 and march["inspections"]["surprise"] == 1
    assert march["orders"] == {"issued": 1, "executed": 1, "overdue": 0}
    assert march["children_restored"]["total"] == 1
    december = figures(world, **{"from": "2025-12-01", "to": "2025-12-31"})
    assert december["inspections"]["total"] == 1 and december["protocols"] == 1
    assert december["fines_imposed_tenge"] == 0 and december["children_restored"]["total"] == 0


def test_region_and_kind_filters(world):
    assert figures(world, region="AKM", **YEAR)["inspections"]["total"] == 1
    assert figures(world, region="AST", basis="finalised", **YEAR)["inspections"]["total"] == 4
    assert figures(world, kind="school", **YEAR)["inspections"]["total"] == 3
    empty = figures(world, kind="camp", **YEAR)
    assert empty["inspections"]["total"] == 0 and empty["orders"] == {
        "issued": 0,
        "executed": 0,
        "overdue": 0,
    }
    assert empty["fines_imposed_tenge"] == 0 and empty["children_restored"]["total"] == 0


def test_a_supervisor_sees_their_regions_only(world):
    own = figures(world, "supervisor", basis="finalised", **YEAR)
    assert own["inspections"]["total"] == 6 and own["regions"] == 3 and own["protocols"] == 4
    refused = stats(world, "supervisor", region="KAR", **YEAR)
    assert refused.status_code == 403 and error_code(refused) == 40302
    kar = figures(world, "supervisor_kar", basis="finalised", **YEAR)
    assert kar["inspections"]["total"] == 1 and kar["regions"] == 1


def test_breakdowns_by_region_and_by_kind_add_up_to_the_total(world):
    body = figures(world, basis="finalised", breakdown="region", **YEAR)
    regions = body["by_region"]
    assert {r: f["inspections"]["total"] for r, f in regions.items()} == {
        "AKM": 1,
        "ALA": 1,
        "AST": 4,
        "KAR": 1,
    }
    assert regions["AST"]["fines_imposed_tenge"] == body["fines_imposed_tenge"] == 151_375
    assert sum(f["protocols"] for f in regions.values()) == body["protocols"] == 5
    assert regions["AST"]["children_restored"]["total"] == 3 and regions["KAR"]["orders"]["issued"] == 0
    kinds = figures(world, basis="finalised", breakdown="kind", **YEAR)["by_kind"]
    assert {k: f["inspections"]["total"] for k, f in kinds.items()} == {
        "school": 7,
        "camp": 0,
        "orphanage": 0,
        "special_needs": 0,
    }
    own = figures(world, "supervisor", basis="finalised", breakdown="region", **YEAR)["by_region"]
    assert sorted(own) == ["AKM", "ALA", "AST"]
    assert "by_kind" not in figures(world, **YEAR) and "by_region" not in figures(world, **YEAR)


def test_an_inspector_is_refused(world):
    refused = stats(world, "inspector", **YEAR)
    assert refused.status_code == 403 and error_code(refused) == 40301


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-13-01", "to": "2026-12-31"},
        {"from": "2026-1-1", "to": "2026-12-31"},
        {"from": "2026-12-31", "to": "2026-01-01"},
        {"from": "2026-01-01"},
        {**YEAR, "basis": "everything"},
        {**YEAR, "breakdown": "district"},
    ],
)
def test_bad_input_is_a_validation_problem(world, params):
    answer = stats(world, "admin", **params)
    assert answer.status_code == 422 and error_code(answer) == 42201, answer.text


def shown(html: str) -> dict[str, int]:
    found = re.findall(r'<td id="fig-([a-z_-]+)" class="number">(?:<a [^>]*>)?([\d ]+)(?:</a>)?</td>', html)
    return {name: int(value.replace(" ", "")) for name, value in found}


def test_the_console_page_shows_the_figures_and_the_methodology(world):
    browser, _ = sign_in(world.url, "supervisor")
    page = browser.get(f"{world.url}/console/statistics", params={**YEAR, "basis": "finalised"}, timeout=30)
    assert page.status_code == 200
    figures = shown(page.text)
    assert figures["inspections"] == 6 and figures["regions"] == 3 and figures["protocols"] == 4
    assert figures["fines_imposed"] == 151_375 and figures["fines_paid"] == 129_750
    assert figures["orders_issued"] == 2 and figures["orders_overdue"] == 1 and figures["disciplined"] == 1
    assert figures["children"] == 3 and figures["children-housing"] == 2
    assert "21 625" not in page.text and "151 375" in page.text
    assert METHODOLOGY["kk"] in page.text and 'id="provisional"' in page.text
    rows = dict(
        re.findall(
            r'<tr data-region="([A-Z]+)"><th scope="row">[^<]*</th>\s*<td class="number">(\d+)</td>',
            page.text,
        )
    )
    assert rows == {"AKM": "1", "ALA": "1", "AST": "4"}  # inspections by region, the supervisor's only
    approved = shown(browser.get(f"{world.url}/console/statistics", params=YEAR, timeout=30).text)
    assert approved["inspections"] == 3 and approved["fines_imposed"] == 64_875
    assert (
        shown(
            browser.get(f"{world.url}/console/statistics", params={**YEAR, "region": "AKM"}, timeout=30).text
        )["inspections"]
        == 1
    )


def test_the_console_page_refuses_a_bad_period_in_the_readers_language(world):
    browser, _ = sign_in(world.url, "supervisor")
    url = f"{world.url}/console/statistics"
    reversed_period = browser.get(url, params={"from": "2026-12-31", "to": "2026-01-01"}, timeout=30)
    assert reversed_period.status_code == 400 and 'id="form-problem"' in reversed_period.text
    assert "Кезеңнің басы оның соңынан кейін тұр." in reversed_period.text
    assert not shown(reversed_period.text)
    bad = browser.get(url, params={"from": "2026-02-30", "to": "2026-12-31"}, timeout=30)
    assert bad.status_code == 400 and 'id="err-from"' in bad.text
    other = browser.get(url, params={**YEAR, "region": "KAR", "basis": "finalised"}, timeout=30)
    assert shown(other.text)["regions"] == 3  # a region outside the supervisor's is not offered
    assert requests.get(url, timeout=10, allow_redirects=False).status_code == 303  # not signed in
