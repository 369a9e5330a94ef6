"""Inspections a supervisor planned: the laptop lists them on a tab of their own and starts one
with its header filled in as planned, by the real buttons."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPushButton, QTableView

from inspector_app.core import protocol
from inspector_app.core.domain.models import InspectionType, UnscheduledGround
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.ui.register.new_inspection import NewInspectionDialog
from tests.journeys.driver import then

CLICK = Qt.MouseButton.LeftButton


def planned(store, catalogue, tmp_path, facility, **fields):
    assignment = protocol.Assignment(
        id="a-1",
        facility_id=facility.id,
        inspector="aigul",
        form_id="school",
        planned_date=dt.date.today() + dt.timedelta(days=3),
        inspection_type="unscheduled",
        ground=UnscheduledGround.ORDER_FOLLOW_UP.value,
        note="Control of the order of 12 May",
        status="planned",
        created_by="head",
        created_at=dt.datetime.now(dt.UTC),
        **fields,
    )
    change = protocol.AssignmentChange(seq=1, id=assignment.id, kind="assignment", data=assignment)
    StoreSyncAdapter(store, catalogue, tmp_path / "forms").apply_changes([change], 1)


def click_row(qtbot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), CLICK, pos=QPoint(rect.center()))


def test_a_planned_inspection_is_started_with_its_header_filled_in(
    qtbot, store, catalogue, window, facility, tmp_path
):
    planned(store, catalogue, tmp_path, facility)
    window.refresh_inspections()  # as after a sync
    tabs = window.home.tabBar()
    qtbot.mouseClick(tabs, CLICK, pos=tabs.tabRect(3).center())
    table = window.findChild(QTableView, "assignments_table")
    assert table.isVisible() and table.model().rowCount() == 1
    assert table.horizontalHeader().stretchLastSection()
    model = table.model()
    assert model.data(model.index(0, 1)) == facility.name_ru  # the window speaks English: Russian names
    assert model.data(model.index(0, 3)) == "Control of the order of 12 May"
    seen = {}

    def fill_and_accept(dialog):
        seen["type"] = dialog.findChild(QComboBox, "inspection_type").currentData()
        seen["ground"] = dialog.ground.currentData()
        for name, text in (("appointment_number", "17"), ("registration_number", "R-17")):
            field = dialog.findChild(QLineEdit, name)
            qtbot.mouseClick(field, CLICK)
            qtbot.keyClicks(field, text)
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), CLICK)

    click_row(qtbot, table, 0)
    then(fill_and_accept, NewInspectionDialog)
    qtbot.mouseClick(window.findChild(QPushButton, "start_assignment_button"), CLICK)
    assert seen == {"type": InspectionType.UNSCHEDULED, "ground": UnscheduledGround.ORDER_FOLLOW_UP}
    assert window.page is not None  # the inspection is open
    [summary] = store.inspections.summaries()
    inspection = store.inspections.get(summary["id"])
    assert (inspection.type, inspection.ground, inspection.facility_id) == (
        InspectionType.UNSCHEDULED,
        UnscheduledGround.ORDER_FOLLOW_UP,
        facility.id,
    )
    [started] = store.assignments.planned()
    assert started.inspection_id == inspection.id


def test_a_started_assignment_opens_its_inspection_rather_than_a_second(
    qtbot, store, catalogue, window, facility, tmp_path, inspection
):
    planned(store, catalogue, tmp_path, facility)
    store.assignments.mark_started("a-1", inspection.id)
    window.refresh_inspections()
    tabs = window.home.tabBar()
    qtbot.mouseClick(tabs, CLICK, pos=tabs.tabRect(3).center())
    table = window.findChild(QTableView, "assignments_table")
    assert table.model().data(table.model().index(0, 4)) == "Started"
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), CLICK, pos=QPoint(rect.center()))  # a double click:
    qtbot.mouseDClick(table.viewport(), CLICK, pos=QPoint(rect.center()))  # press, then press again
    assert window.page is not None and window.page.checklist.inspection.id == inspection.id
    assert len(store.inspections.summaries()) == 1


def test_nothing_planned_is_said(qtbot, window):
    tabs = window.home.tabBar()
    qtbot.mouseClick(tabs, CLICK, pos=tabs.tabRect(3).center())
    window.refresh_inspections()
    assert window.assignments.empty.text() == "No inspections are planned for you."
