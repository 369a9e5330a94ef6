"""One online sign-in: this laptop gets its own device token; then work goes on offline."""
from __future__ import annotations

import socket

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from .errors import describe
from .sync_controller import SyncController


class EnrolDialog(QDialog):
    def __init__(self, controller: SyncController, lang: str, server_url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller, self.lang = controller, lang
        self.setWindowTitle(self.tr("Connect to the server"))
        self.url = QLineEdit(server_url or "https://")
        self.username, self.password = QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device = QLineEdit(socket.gethostname())
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        for label, widget in ((self.tr("Server address"), self.url), (self.tr("User name"), self.username),
                              (self.tr("Password"), self.password), (self.tr("This laptop"), self.device)):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sign in once while online; afterwards you can work "
                                         "offline for as long as needed.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        controller.enrolled.connect(self.accept)
        controller.failed.connect(self.on_controller_failed)
        controller.busy.connect(lambda busy: self.buttons.setEnabled(not busy))

    def on_ok_clicked(self) -> None:
        self.error.clear()
        self.controller.enrol(self.url.text(), self.username.text(), self.password.text(),
                              self.device.text().strip() or "laptop")

    def on_controller_failed(self, error) -> None:
        if self.isVisible():
            self.error.setText(describe(error, self.lang))
