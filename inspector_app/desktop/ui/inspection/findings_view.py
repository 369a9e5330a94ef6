"""Findings and measures of an inspection, children whose rights were restored, finalising."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError, message_text, register_messages
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Finding, Inspection, InspectionStatus, MeasureKind
from inspector_app.desktop.services import inspections
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.inspection.objections import ObjectionsBox
from inspector_app.desktop.ui.inspection.restored_children import RestoredChildrenBox
from inspector_app.desktop.ui.measures.measure_dialogs import MeasureDialog
from inspector_app.desktop.ui.shared.dialogs import confirm
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.ui.shared.models import RowTableModel
from inspector_app.desktop.ui.shared.names import Names


class FindingsView(QWidget):
    """Signals:
    go_to_item(str): show this checklist item (from a finalisation problem).
    finalised(object): the Inspection, now locked.
    problem(object): a UserError to show.
    """

    go_to_item = Signal(str)
    finalised = Signal(object)
    problem = Signal(object)

    def __init__(
        self,
        store: Store,
        form: Form,
        inspection: Inspection,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.form, self.inspection, self.language = store, form, inspection, language
        self.names = Names(self)
        self.findings: list[Finding] = []
        self.findings_model = RowTableModel([])
        self.findings_table = self._table(self.findings_model)
        self.findings_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.measures_model = RowTableModel([])
        self.measures_table = self._table(self.measures_model)
        self.measure_buttons = {kind: QPushButton() for kind in MeasureKind}
        for kind, button in self.measure_buttons.items():
            button.setObjectName(f"measure_{kind.value}")  # measure_transfer: to the competent body
            button.clicked.connect(lambda _=False, k=kind: self.on_add_measure(k))
        self.remove_measure = QPushButton()
        self.remove_measure.clicked.connect(self.on_remove_measure)
        self.reason = QLineEdit()
        self.reason.editingFinished.connect(self.on_reason_edited)
        self.findings_table.selectionModel().currentRowChanged.connect(self.on_finding_selected)
        self.finalise_button = QPushButton()
        self.finalise_button.clicked.connect(self.on_finalise_clicked)
        self.problems = QListWidget()
        self.problems.itemActivated.connect(lambda e: self.go_to_item.emit(e.data(Qt.ItemDataRole.UserRole)))
        self.problems.itemClicked.connect(lambda e: self.go_to_item.emit(e.data(Qt.ItemDataRole.UserRole)))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restored_box = RestoredChildrenBox(store, form, inspection.id, language)
        self.restored_box.problem.connect(self.problem)
        self.objections_box = ObjectionsBox(store, inspection.id)
        self.objections_box.problem.connect(self.problem)
        self.finalise_button.setObjectName("finalise_button")
        self.remove_measure.setObjectName("remove_measure")
        self.findings_table.setObjectName("findings_table")
        self.measures_table.setObjectName("measures_table")
        self.problems.setObjectName("problems")
        self.status.setObjectName("status")
        self.reason.setObjectName("reason")
        self._layout()
        self.retranslate()
        self.refresh()

    @staticmethod
    def _table(model: RowTableModel) -> QTableView:
        table = QTableView()
        model.show_in(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in self.measure_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch()
        reason_row = QHBoxLayout()
        self.reason_label = QLabel()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason)
        measures_row = QHBoxLayout()
        measures_row.addStretch()
        measures_row.addWidget(self.remove_measure)
        right = QVBoxLayout()
        right.addWidget(self.restored_box)
        right.addWidget(self.objections_box)
        right.addWidget(self.finalise_button)
        right.addWidget(self.status)
        right.addWidget(self.problems)
        left = QVBoxLayout()
        self.findings_title, self.measures_title = QLabel(), QLabel()
        for part in (self.findings_title, self.findings_table):
            left.addWidget(part)
        left.addLayout(reason_row)
        left.addLayout(buttons)
        left.addWidget(self.measures_title)
        left.addWidget(self.measures_table)
        left.addLayout(measures_row)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_name(self, kind: MeasureKind) -> str:
        return self.names.kind(kind)

    def retranslate(self) -> None:
        lang = self.language.code
        for kind, button in self.measure_buttons.items():
            button.setText(self.kind_name(kind) + "…")
        self.remove_measure.setText(self.tr("Remove measure"))
        self.reason_label.setText(self.tr("No measure, because:"))
        self.findings_title.setText("<b>" + self.tr("Findings") + "</b>")
        self.measures_title.setText("<b>" + self.tr("Measures") + "</b>")
        self.finalise_button.setText(self.tr("Finalise the inspection"))
        degree = {"gross": self.tr("gross"), "significant": self.tr("significant"), "minor": self.tr("minor")}
        self.findings_model.set_columns(
            [
                (self.tr("Requirement"), lambda f: self.form.item(f.item_id).text.get(lang)),
                (self.tr("Degree"), lambda f: degree[f.degree.value]),
                (
                    self.tr("Measures"),
                    lambda f: ", ".join(
                        self.kind_name(m.kind) for m in self.measures if f.id in m.finding_ids
                    ),
                ),
                (self.tr("Note"), lambda f: f.no_measure_reason or f.description),
            ]
        )
        self.measures_model.set_columns(
            [
                (self.tr("Measure"), lambda m: self.kind_name(m.kind)),
                (self.tr("Findings"), lambda m: str(len(m.finding_ids))),
                (self.tr("Details"), self.measure_summary),
            ]
        )
        for column, width in enumerate((380, 140, 180)):
            self.findings_table.setColumnWidth(column, width)

    def measure_summary(self, measure) -> str:
        lang = self.language.code
        if measure.kind is MeasureKind.PROTOCOL:
            mrp = {"kk": "АЕК", "ru": "МРП"}.get(lang, "MRP")
            return (
                f"{measure.offender.name} · {measure.article}.{measure.part} · "
                f"{measure.fine_mrp} {mrp} = {measure.fine_tenge:,} ₸".replace(",", " ")
            )
        if measure.kind is MeasureKind.ORDER:
            return ", ".join(d.strftime("%d.%m.%Y") for d in sorted(measure.deadlines.values()))
        if measure.kind is MeasureKind.DISCIPLINARY:
            return f"{measure.official.name} · {measure.employer.get(lang) or measure.employer.any()}"
        if measure.kind is MeasureKind.TRANSFER:
            return measure.addressee.get(lang) or measure.addressee.any()
        return (measure.text.get(lang) or measure.text.any())[:80]

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.inspection = self.store.inspections.get(self.inspection.id)
        self.measures = self.store.inspections.measures(self.inspection.id)
        self.findings = self.store.inspections.findings(self.inspection.id, self.form)
        self.findings_model.set_rows(self.findings)
        self.measures_model.set_rows(self.measures)
        locked = self.inspection.status is InspectionStatus.FINALISED
        self.restored_box.refresh(self.findings, self.measures, locked)
        self.objections_box.refresh(self.inspection.objections, locked)
        for widget in (
            *self.measure_buttons.values(),
            self.reason,
            self.remove_measure,
            self.finalise_button,
        ):
            widget.setEnabled(not locked)
        if locked:
            self.status.setText(self.tr("Finalised: the inspection is read-only."))

    def selected_findings(self) -> list[Finding]:
        rows = sorted(i.row() for i in self.findings_table.selectionModel().selectedRows())
        return [self.findings[r] for r in rows]

    def on_finding_selected(self, current, _previous) -> None:
        finding = self.findings[current.row()] if current.isValid() else None
        self.reason.setText(finding.no_measure_reason if finding else "")

    def on_reason_edited(self) -> None:
        current = self.findings_table.currentIndex()
        if not current.isValid():
            return
        finding = self.findings[current.row()]
        if finding.no_measure_reason == self.reason.text().strip():
            return
        self._call(
            self.store.inspections.save_finding,
            dataclasses.replace(finding, no_measure_reason=self.reason.text().strip()),
        )

    def on_add_measure(self, kind: MeasureKind) -> None:
        findings = self.selected_findings() or self.findings
        if not findings:
            self.problem.emit(UserError("measure.no_findings"))
            return
        dialog = self.measure_dialog(kind, findings)
        if dialog.exec() and dialog.measure:
            self._call(self.store.inspections.save_measure, dialog.measure)

    def measure_dialog(self, kind: MeasureKind, findings: list[Finding]) -> MeasureDialog:
        return MeasureDialog(
            kind,
            self.inspection.id,
            findings,
            self.form,
            self.store.reference.articles(),
            self.store.reference.mrp_by_year(),
            self.language.code,
            parent=self,
            bodies=self.store.reference.bodies(),
        )

    def on_remove_measure(self) -> None:
        current = self.measures_table.currentIndex()
        if current.isValid():
            self._call(
                self.store.inspections.remove_measure, self.inspection.id, self.measures[current.row()].id
            )

    def on_finalise_clicked(self) -> None:
        self.problems.clear()
        lang = self.language.code
        problems = inspections.finalisation_problems(self.store, self.inspection.id, self.form)
        for problem in problems:
            text = message_text(problem.code, lang)
            if problem.item_id:
                text += " — " + self.form.item(problem.item_id).text.get(lang)[:70]
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, problem.item_id)
            self.problems.addItem(entry)
        if problems:
            self.status.setText(describe(UserError("inspection.cannot_finalise", count=len(problems)), lang))
            return
        question = self.tr("Finalise the inspection? It becomes read-only: nothing in it can be changed.")
        if not confirm(self, self.tr("Finalise the inspection"), question):
            return
        if self._call(inspections.finalise, self.store, self.inspection.id, self.form):
            self.finalised.emit(self.inspection)

    def _call(self, action, *args) -> bool:
        try:
            action(*args)
        except UserError as error:
            self.problem.emit(error)
            return False
        self.refresh()
        return True


register_messages(
    {
        "measure.no_findings": {
            "kk": "Шара тағайындайтын бұзушылық жоқ. Алдымен тексеру парағында бұзушылықты белгілеңіз.",
            "ru": "Нет нарушений, по которым принимается мера. Сначала отметьте нарушение в проверочном листе.",
            "en": "There is no violation to take a measure for. Mark a violation in the checklist first.",
        },
    }
)
