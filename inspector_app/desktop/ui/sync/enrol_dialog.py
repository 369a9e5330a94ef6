"""One online sign-in: this laptop gets its own device token; then work goes on offline."""

from __future__ import annotations

import contextlib
import socket
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
        layout.addWidget(self._transfer_box())
        layout.addWidget(self.buttons)
        self.setFixedWidth(WIDTH)
        controller.enrolled.connect(self.accept)
        controller.failed.connect(self.on_controller_failed)
        controller.busy.connect(self.on_controller_busy)
        controller.exported.connect(self.on_exported)
        controller.acknowledged.connect(self.on_acknowledged)

    def _transfer_box(self) -> QGroupBox:
        """Records by USB stick, for weeks without a network (once enrolled)."""
        box = QGroupBox(self.tr("No network? Carry the records on a USB stick"))
        self.export_button = QPushButton(self.tr("Export for transfer…"))
        self.export_button.setObjectName("export_transfer_button")
        self.export_button.clicked.connect(self.on_export_clicked)
        self.ack_button = QPushButton(self.tr("Import acknowledgement…"))
        self.ack_button.setObjectName("import_ack_button")
        self.ack_button.clicked.connect(self.on_import_ack_clicked)
        self.transfer_result = QLabel()
        self.transfer_result.setObjectName("transfer_result")
        self.transfer_result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addLayout(buttons)
        inner.addWidget(self.transfer_result)
        enrolled = self.controller.is_enrolled()
        self.export_button.setEnabled(enrolled)
        self.ack_button.setEnabled(enrolled)
        return box

    def on_controller_busy(self, busy: bool) -> None:
        enrolled = self.controller.is_enrolled()
        self.buttons.setEnabled(not busy)
        self.export_button.setEnabled(enrolled and not busy)
        self.ack_button.setEnabled(enrolled and not busy)

    def on_export_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick or a folder"))
        if folder:
            self.error.clear()
            self.transfer_result.clear()
            self.controller.export_bundle(Path(folder))

    def on_import_ack_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the server's acknowledgement"), "", self.tr("Transfer bundles (*.fibundle)")
        )
        if path:
            self.error.clear()
            self.transfer_result.clear()
            self.controller.import_acknowledgement(Path(path))

    def on_exported(self, exported) -> None:
        text = (
            self.tr(
                "Written: %1 (%2 inspections, %3 photos). Take it to the server; they stay here "
                "as not synced until its acknowledgement is imported."
            )
            .replace("%1", exported.path.name)
            .replace("%2", str(exported.records))
            .replace("%3", str(exported.photos))
        )
        if exported.missing_photos:
            text += " " + self.tr(
                "%1 photos are missing on this laptop; their inspections will go again."
            ).replace("%1", str(exported.missing_photos))
        self.transfer_result.setText(text)

    def on_acknowledged(self, report) -> None:
        self.transfer_result.setText(
            self.tr("Acknowledgement imported: %1 inspections synced, %2 changes received from the server.")
            .replace("%1", str(report.synced))
            .replace("%2", str(report.changes))
        )

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
        if not str(getattr(error, "code", "")).startswith(("transfer.", "sync.conflict", "sync.rejected")):
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
            (self.controller.busy, self.on_controller_busy),
            (self.controller.exported, self.on_exported),
            (self.controller.acknowledged, self.on_acknowledged),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        super().done(result)
