"""One online sign-in: this laptop gets its own device token; then work goes on offline."""

from __future__ import annotations

import contextlib
import socket
from functools import partial

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.sync.sync_controller import SyncController

ERROR_LINES = 4  # the room kept for a message, so the dialog does not grow when one comes
WIDTH = 560


class EnrolDialog(QDialog):
    def __init__(
        self, controller: SyncController, lang: str, server_url: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller, self.lang = controller, lang
        self.setWindowTitle(self.tr("Connect to the server"))
        self.url = QLineEdit(server_url or "https://")
        self.username, self.password = QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device = QLineEdit(socket.gethostname())
        for widget, name in (
            (self.url, "enrol_url"),
            (self.username, "enrol_username"),
            (self.password, "enrol_password"),
            (self.device, "enrol_device"),
        ):
            widget.setObjectName(name)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * ERROR_LINES)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Server address"), self.url),
            (self.tr("User name"), self.username),
            (self.tr("Password"), self.password),
            (self.tr("This laptop"), self.device),
        ):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setObjectName("enrol_buttons")
        intro = QLabel(
            self.tr("Sign in once while online; afterwards you can work offline for as long as needed.")
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error, 1)
        layout.addWidget(self.buttons)
        self.setFixedWidth(WIDTH)
        controller.enrolled.connect(self.accept)
        controller.failed.connect(self.on_controller_failed)
        controller.busy.connect(lambda busy: self.buttons.setEnabled(not busy))

    def on_ok_clicked(self) -> None:
        self.error.clear()
        self.controller.enrol(
            self.url.text(),
            self.username.text(),
            self.password.text(),
            self.device.text().strip() or "laptop",
        )

    def on_controller_failed(self, error) -> None:
        if not self.isVisible():
            return None
        if getattr(error, "code", "") == "sync.password_change_required":
            return self.change_password(error)
        self.error.setText(describe(error, self.lang))
        self.password.setFocus()
        self.password.selectAll()

    def change_password(self, error) -> None:
        """The password was reset: a new one is chosen, then the sign-in goes on with it."""
        from inspector_app.desktop.services.enrolment import change_password
        from inspector_app.desktop.ui.sync.password_dialog import PasswordChangeDialog

        url, username = self.url.text(), self.username.text()
        dialog = PasswordChangeDialog(
            username.strip(), self.password.text(), self.lang, partial(change_password, url, username), self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.error.setText(describe(error, self.lang))
            return
        self.password.setText(dialog.new_password)
        self.on_ok_clicked()

    def done(self, result: int) -> None:
        """Closed: the controller's signals no longer reach this dialog."""
        for signal, slot in (
            (self.controller.enrolled, self.accept),
            (self.controller.failed, self.on_controller_failed),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        super().done(result)
