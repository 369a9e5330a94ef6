"""The subject's objections to the act, as the inspector records them (Entrepreneurial Code
art. 152); left empty, the act prints ruled lines to write them by hand."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from inspector_app.core.domain.errors import UserError
from inspector_app.desktop.storage.store import Store


class ObjectionsBox(QGroupBox):
    """Signals:
    problem(object): a UserError to show.
    """

    problem = Signal(object)

    def __init__(self, store: Store, inspection_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.inspection_id = store, inspection_id
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(70)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.on_save_clicked)
        for widget, name in (
            (self, "objections_box"),
            (self.text, "objections_text"),
            (self.save_button, "objections_save"),
        ):
            widget.setObjectName(name)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Objections of the inspected subject"))
        self.text.setAccessibleName(self.tr("Objections of the inspected subject"))
        self.text.setPlaceholderText(self.tr("Empty: the act gets blank lines to write them by hand"))
        self.save_button.setText(self.tr("Save objections"))

    def refresh(self, text: str, locked: bool) -> None:
        self.text.setPlainText(text)
        self.text.setReadOnly(locked)
        self.save_button.setEnabled(not locked)

    def on_save_clicked(self) -> None:
        try:
            self.store.inspections.set_objections(self.inspection_id, self.text.toPlainText())
        except UserError as error:
            self.problem.emit(error)
