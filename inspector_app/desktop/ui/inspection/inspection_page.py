"""One inspection open: its checklist and its findings and measures."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Facility, Inspection, InspectionStatus
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.documents.documents_view import DocumentsView
from inspector_app.desktop.ui.inspection.checklist_view import ChecklistView
from inspector_app.desktop.ui.inspection.findings_view import FindingsView
from inspector_app.desktop.ui.shared.i18n import Language


class InspectionPage(QWidget):
    """Signals:
    closed(): the user went back to the register.
    problem(object): a UserError to show.
    """

    closed = Signal()
    problem = Signal(object)

    def __init__(
        self,
        store: Store,
        form: Form,
        inspection: Inspection,
        facility: Facility,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.facility, self.language = facility, language
        self.back = QPushButton()
        self.back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.store = store
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.checklist = ChecklistView(store, form, inspection, language)
        self.findings = FindingsView(store, form, inspection, language)
        self.documents = DocumentsView(
            store, form, inspection.id, facility.settlement or facility.address, language
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checklist, "")
        self.tabs.addTab(self.findings, "")
        self.tabs.addTab(self.documents, "")
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.findings.go_to_item.connect(self.on_findings_go_to_item)
        self.findings.finalised.connect(self.on_finalised)
        self.checklist.problem.connect(self.problem)
        self.findings.problem.connect(self.problem)
        self.back.setObjectName("back")
        self.tabs.setObjectName("tabs")
        header = QHBoxLayout()
        header.addWidget(self.back)
        header.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.review)
        layout.addWidget(self.tabs)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        inspection = self.findings.inspection
        name = self.facility.name_kk if self.language.code == "kk" else self.facility.name_ru
        state = self.tr("finalised") if inspection.status is InspectionStatus.FINALISED else self.tr("draft")
        self.title.setText(f"<b>{name}</b> · {self.tr('act No.')} {inspection.appointment_number} · {state}")
        self.back.setText(self.tr("◀ Register"))
        review_state, comment = self.store.inspections.review(inspection.id)
        self.review.setVisible(review_state == "returned")
        self.review.setText(self.tr("Returned for rework by the supervisor: %1").replace("%1", comment))
        self.tabs.setTabText(0, self.tr("Checklist"))
        self.tabs.setTabText(1, self.tr("Findings and measures"))
        self.tabs.setTabText(2, self.tr("Documents"))

    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.findings:
            self.checklist.save_note()
            self.findings.refresh()
        elif self.tabs.widget(index) is self.documents:
            self.documents.update_state()

    def on_findings_go_to_item(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.checklist)
        self.checklist.go_to(item_id)
        self.checklist.list.setFocus()

    def on_finalised(self, _inspection) -> None:
        self.checklist.read_only = True
        self.documents.update_state()
        if self.checklist.current:
            self.checklist.show_item(self.checklist.current)
        self.retranslate()
