"""Inspections a supervisor planned for this inspector: a list of their own, and "start"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.models import Assignment, Facility
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.ui.shared.models import RowTableModel
from inspector_app.desktop.ui.shared.names import Names


class AssignmentsView(QWidget):
    """Signals: start_requested(Assignment, Facility) — the inspector starts one."""

    start_requested = Signal(object, object)

    def __init__(self, store: Store, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language = store, language
        self.facilities: dict[str, Facility] = {}
        self.names = Names(self)
        self.model = RowTableModel([], self)
        self.table = QTableView()
        self.table.setObjectName("assignments_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model.show_in(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setObjectName("assignments_empty")
        self.start_button = QPushButton()
        self.start_button.setObjectName("start_assignment_button")
        self.start_button.clicked.connect(self.on_start_clicked)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty, 1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def refresh(self) -> None:
        planned = self.store.assignments.planned_with_facilities()
        # a facility not yet in this laptop's register comes with the next sync
        self.facilities = {a.facility_id: facility for a, facility in planned if facility is not None}
        self.model.set_rows([a for a, facility in planned if facility is not None])
        self.empty.setText("" if planned else self.tr("No inspections are planned for you."))
        self.table.resizeColumnsToContents()

    def on_start_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.start(rows[0].row())

    def on_table_double_clicked(self, index) -> None:
        self.start(index.row())

    def start(self, row: int) -> None:
        assignment: Assignment = self.model.row(row)
        self.start_requested.emit(assignment, self.facilities[assignment.facility_id])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.model.set_columns(
            [
                (self.tr("Date"), lambda a: a.planned_date.strftime("%d.%m.%Y")),
                (self.tr("Facility"), self._facility_name),
                (self.tr("Kind of inspection"), lambda a: self.names.inspection_type(a.inspection_type)),
                (self.tr("Note"), lambda a: a.note),
                (self.tr("State"), lambda a: self.tr("Started") if a.inspection_id else self.tr("Planned")),
            ]
        )
        self.start_button.setText(self.tr("Start inspection"))

    def _facility_name(self, assignment: Assignment) -> str:
        facility = self.facilities.get(assignment.facility_id)
        if facility is None:
            return ""
        return facility.name_kk if self.language.code == "kk" else facility.name_ru
