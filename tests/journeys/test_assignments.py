"""Journey: a supervisor plans an inspection for the inspector on the server; the inspector's
sync brings it, and "Start inspection" opens the new inspection with the header as planned."""

import datetime as dt

import pytest
import requests

from inspector_app.core.domain.models import FacilityKind, InspectionType, UnscheduledGround
from inspector_app.desktop.ui.register.new_inspection import NewInspectionDialog
from tests.journeys import day, driver
from tests.journeys.conftest import LANGUAGES, sign_in_demo

API = "/api/v1"
NOTE = "Нұсқаманың орындалуын бақылау / контроль предписания"


def a_school(window):
    """A school of the demo region on the laptop's register (its first page)."""
    model = window.register.model
    rows = (model.row(r) for r in range(model.rowCount()))
    return next(f for f in rows if f.kind is FacilityKind.SCHOOL and f.region == "AST")


def planned_by_the_supervisor(url: str, facility_id: str) -> None:
    enrolled = requests.post(
        f"{url}{API}/auth/enrol",
        json={"username": "supervisor", "password": "demo-password", "device_name": "office"},
        timeout=30,
    )
    headers = {"Authorization": f"Bearer {enrolled.json()['token']}"}
    plan = {
        "facility_id": facility_id,
        "inspector": "inspector",
        "form_id": "school",
        "planned_date": (dt.date.today() + dt.timedelta(days=2)).isoformat(),
        "inspection_type": "unscheduled",
        "ground": UnscheduledGround.ORDER_FOLLOW_UP.value,
        "note": NOTE,
    }
    created = requests.post(f"{url}{API}/assignments", json=plan, headers=headers, timeout=30)
    assert created.status_code == 201, created.text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_planned_inspection_is_started_by_its_button(start_app, lang):
    window = sign_in_demo(start_app, lang)
    driver.choose_data(driver.find(window, "register_kind"), FacilityKind.SCHOOL.value)
    driver.wait_until(lambda: window.register.model.rowCount() > 0, what="schools")
    school = a_school(window)
    planned_by_the_supervisor(window.running.launched.server.url, school.id)
    day.sync_now(window)
    driver.tab(window.home, window.assignments)
    table = driver.find(window, "assignments_table")
    driver.wait_until(lambda: table.model().rowCount() == 1, 30, "the planned inspection")
    assert table.model().data(table.model().index(0, 3)) == NOTE
    driver.click_index(table, table.model().index(0, 0))
    seen = {}

    def look_and_fill(dialog) -> None:
        seen["type"] = driver.find(dialog, "inspection_type").currentData()
        seen["ground"] = dialog.ground.currentData()
        driver.fill(driver.find(dialog, "appointment_number"), "12-Ж")
        driver.fill(driver.find(dialog, "registration_number"), "R-12")
        driver.click(driver.box_button(dialog, day.dialog_ok()))

    driver.then(look_and_fill, NewInspectionDialog)
    driver.press(window, "start_assignment_button")
    driver.raise_pending()
    assert seen == {"type": InspectionType.UNSCHEDULED, "ground": UnscheduledGround.ORDER_FOLLOW_UP}
    driver.wait_until(lambda: window.page is not None and window.page.isVisible(), what="the inspection")
    assert window.page.checklist.inspection.facility_id == school.id
    [started] = window.store.assignments.planned()
    assert started.inspection_id == window.page.checklist.inspection.id
