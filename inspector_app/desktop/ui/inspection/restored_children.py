"""Children whose rights were restored: one row per child (a short reference, the categories,
the finding or measure that restored them), totals per category and the distinct total."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Finding, Measure, RestoredChild, RightsCategory
from inspector_app.core.domain.restored import (
    MAX_REFERENCE,
    anonymous_number,
    distinct_children,
    restored_counts,
    validate_child,
)
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.ui.shared.models import RowTableModel
from inspector_app.desktop.ui.shared.names import Names


class RestoredChildrenBox(QGroupBox):
    """Signals:
    problem(object): a UserError to show.
    """

    problem = Signal(object)

    def __init__(
        self, store: Store, form: Form, inspection_id: str, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.form, self.inspection_id, self.language = store, form, inspection_id, language
        self.names = Names(self)
        self.child_rows: list[RestoredChild] = []
        self.findings: list[Finding] = []
        self.measures: list[Measure] = []
        self.model = RowTableModel([])
        self.table = QTableView()
        self.model.show_in(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        for widget, name in (
            (self, "restored_box"),
            (self.table, "restored_table"),
            (self.add_button, "restored_add"),
            (self.remove_button, "restored_remove"),
            (self.totals, "restored_totals"),
        ):
            widget.setObjectName(name)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.totals)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Children whose rights were restored"))
        self.add_button.setText(self.tr("Add child…"))
        self.remove_button.setText(self.tr("Remove"))
        self.table.setAccessibleName(self.tr("Children whose rights were restored"))
        self.model.set_columns(
            [
                (self.tr("Child"), self.reference_text),
                (self.tr("Categories"), lambda c: "\n".join(self.names.category(x) for x in c.categories)),
                (self.tr("Restored by"), self.tie_text),
            ]
        )
        for column, width in enumerate((70, 125)):
            self.table.setColumnWidth(column, width)
        self.table.resizeRowsToContents()
        self.show_totals()

    def reference_text(self, child: RestoredChild) -> str:
        number = anonymous_number(child)
        return self.tr("no reference, No. {0}").format(number) if number else child.reference

    def tie_text(self, child: RestoredChild) -> str:
        """Short: the row of the findings or measures table ("Finding 2", "Order 1")."""
        for n, finding in enumerate(self.findings, 1):
            if finding.id == child.finding_id:
                return self.names.finding_number(n)
        for n, measure in enumerate(self.measures, 1):
            if measure.id == child.measure_id:
                return f"{self.names.kind(measure.kind)} {n}"
        return "—"

    # --- data -----------------------------------------------------------------------------
    def refresh(self, findings: list[Finding], measures: list[Measure], locked: bool) -> None:
        """Show the children as stored; the findings and measures they can be tied to."""
        self.findings, self.measures = findings, measures
        self.child_rows = self.store.inspections.restored_children(self.inspection_id)
        self.model.set_rows(self.child_rows)
        self.table.resizeRowsToContents()  # a row per category restored
        self.add_button.setEnabled(not locked)
        self.remove_button.setEnabled(not locked)
        self.show_totals()

    def show_totals(self) -> None:
        counts = ", ".join(
            f"{self.names.category(r.category)}: {r.children}" for r in restored_counts(self.child_rows)
        )
        total = self.tr("Children in all (each once): {0}").format(distinct_children(self.child_rows))
        self.totals.setText(f"{counts}\n{total}" if counts else total)

    def on_add_clicked(self) -> None:
        dialog = RestoredChildDialog(
            self.findings, self.measures, self.form, self.names, self.language.code, parent=self
        )
        if dialog.exec() and dialog.child is not None:
            self._call(
                self.store.inspections.save_restored_child, self.inspection_id, dialog.child, self.form
            )

    def on_remove_clicked(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self._call(
                self.store.inspections.remove_restored_child,
                self.inspection_id,
                self.child_rows[current.row()].id,
            )

    def _call(self, action, *args) -> None:
        try:
            action(*args)
        except UserError as error:
            self.problem.emit(error)
            return
        self.refresh(self.findings, self.measures, locked=False)


class RestoredChildDialog(QDialog):
    """One child: reference, categories, what restored the rights; `child` after accept."""

    def __init__(
        self,
        findings: list[Finding],
        measures: list[Measure],
        form: Form,
        names: Names,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.findings, self.measures, self.lang = findings, measures, lang
        self.child: RestoredChild | None = None
        self.setWindowTitle(self.tr("Child whose rights were restored"))
        self.reference = QLineEdit()
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(self.tr("Initials or case number, no full name"))
        self.categories = {c: QCheckBox(names.category(c)) for c in RightsCategory}
        self.tied_to = QComboBox()
        for finding in findings:
            self.tied_to.addItem(names.finding(finding, form, lang), f"finding:{finding.id}")
        for measure in measures:
            self.tied_to.addItem(names.measure(measure, findings, form, lang), f"measure:{measure.id}")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        self._name_widgets(buttons)
        self._lay_out(buttons)

    def _name_widgets(self, buttons: QDialogButtonBox) -> None:
        for widget, name in (
            (self.reference, "child_reference"),
            (self.tied_to, "child_tied_to"),
            (self.error, "child_error"),
            (buttons.button(QDialogButtonBox.StandardButton.Ok), "child_ok"),
            (buttons.button(QDialogButtonBox.StandardButton.Cancel), "child_cancel"),
        ):
            widget.setObjectName(name)
        for category, box in self.categories.items():
            box.setObjectName(f"category_{category.value}")
        self.tied_to.setAccessibleName(self.tr("Restored by"))

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        fields = QFormLayout()
        fields.addRow(self.tr("Child"), self.reference)
        grid = QGridLayout()
        for n, box in enumerate(self.categories.values()):
            grid.addWidget(box, n // 2, n % 2)
        fields.addRow(self.tr("Rights restored"), grid)
        fields.addRow(self.tr("Restored by"), self.tied_to)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def build(self) -> RestoredChild:
        kind, _, tie = (self.tied_to.currentData() or "").partition(":")
        return RestoredChild(
            id="",
            reference=self.reference.text(),
            categories=[c for c, box in self.categories.items() if box.isChecked()],
            finding_id=tie if kind == "finding" else "",
            measure_id=tie if kind == "measure" else "",
        )

    def on_ok_clicked(self) -> None:
        try:
            self.child = validate_child(
                self.build(), [f.id for f in self.findings], [m.id for m in self.measures]
            )
        except UserError as error:
            self.error.setText(describe(error, self.lang))
            return
        self.accept()
