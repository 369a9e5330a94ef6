"""Backups: the list of the store's encrypted backups, a backup taken now, the settings (how
many to keep, a second folder such as a USB stick), and a restore.

A restore replaces the store while the app is closed (the robust path: no window, job or
connection can hold the old database while it is replaced): the chosen backup is checked,
the current store is backed up, the user is told which unsent inspections would be lost and
asked; on Yes the restore is recorded and the app closes; the next opening puts the backup
in place (after checking it again) before anything reads the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.desktop.storage import backup
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.shared.dialogs import confirm
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.workers.jobs import Job, start

MAX_KEEP = 60
LOST_SHOWN = 15  # the unsent inspections named in the question; the rest are counted


def take_backup(store: Store, reason: str, report=None) -> backup.Backup:
    """A backup as the settings say: kept N, copied to the chosen folder if there is one.
    Runs on a pool thread."""
    keep = int(store.reference.setting(backup.KEEP_SETTING, str(backup.KEEP_DEFAULT)))
    extra = store.reference.setting(backup.FOLDER_SETTING, "")
    return backup.take(store.db, reason, keep=keep, extra=Path(extra) if extra else None, report=report)


def prepare_restore(store: Store, chosen: backup.Backup) -> list[dict]:
    """Check the backup, back the current store up, and say what restoring would lose."""
    backup.verify(chosen, store.db.keys)
    backup.take(store.db, "before-restore")
    return backup.unsynced_lost(store.db, chosen)


class BackupDialog(QDialog):
    """`restart_needed` is emitted once a restore is recorded: the app must close."""

    restart_needed = Signal()

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.store, self.language = store, language
        self.job: Job | None = None
        self.shown: list[backup.Backup] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("backup_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.now_button = self._button("backup_now_button", self.on_now_clicked)
        self.restore_button = self._button("restore_button", self.on_restore_clicked)
        self.folder_button = self._button("folder_button", self.on_folder_clicked)
        self.folder_clear_button = self._button("folder_clear_button", self.on_folder_clear_clicked)
        self.close_button = self._button("close_button", self.on_close_clicked)
        self.keep_label, self.folder_label, self.status = QLabel(), QLabel(), QLabel()
        self.folder_label.setObjectName("folder_label")
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        self.keep_box = QSpinBox()
        self.keep_box.setObjectName("keep_box")
        self.keep_box.setRange(1, MAX_KEEP)
        self.keep_box.setValue(int(store.reference.setting(backup.KEEP_SETTING, str(backup.KEEP_DEFAULT))))
        self.keep_box.valueChanged.connect(self.on_keep_changed)
        self.busy = QProgressBar()
        self.busy.setVisible(False)
        self._layout()
        self.retranslate()
        self.refresh()
        self.resize(760, 460)

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        for widget in (self.now_button, self.restore_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.keep_label)
        actions.addWidget(self.keep_box)
        layout.addLayout(actions)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_label, 1)
        folder.addWidget(self.folder_button)
        folder.addWidget(self.folder_clear_button)
        layout.addLayout(folder)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Made"),
                self.tr("Inspections"),
                self.tr("Not synced"),
                self.tr("Photos"),
            ]
        )
        self.now_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.keep_label.setText(self.tr("Keep the last"))
        self.folder_button.setText(self.tr("Also copy to a folder…"))
        self.folder_clear_button.setText(self.tr("Laptop only"))
        self.close_button.setText(self.tr("Close"))
        self.show_folder()
        self.refresh()

    def reason_text(self, reason: str) -> str:
        if reason.startswith("before-migration"):
            return self.tr("before an update")
        texts = {
            "daily": self.tr("every day"),
            "manual": self.tr("by hand"),
            "before-restore": self.tr("before a restore"),
        }
        return texts.get(reason, reason)

    def refresh(self) -> None:
        self.shown = backup.list_backups(backup.backups_folder(self.store.folder))
        self.table.setRowCount(len(self.shown))
        for row, each in enumerate(self.shown):
            cells = [
                backup.label(each),
                self.reason_text(each.reason),
                each.inspections,
                each.unsynced,
                each.photos,
            ]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem("—" if value is None else str(value)))
        if self.shown and not self.table.selectedItems():
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.shown) and self.job is None)

    def show_folder(self) -> None:
        extra = self.store.reference.setting(backup.FOLDER_SETTING, "")
        self.folder_label.setText(
            self.tr("A copy also goes to: %1").replace("%1", extra)
            if extra
            else self.tr("Backups are kept on this laptop only")
        )
        self.folder_clear_button.setEnabled(bool(extra))

    # --- settings -------------------------------------------------------------------------
    def on_keep_changed(self, value: int) -> None:
        self.store.reference.set_setting(backup.KEEP_SETTING, str(value))

    def on_folder_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for copies of the backups"), str(Path.home())
        )
        if chosen:
            self.store.reference.set_setting(backup.FOLDER_SETTING, chosen)
            self.show_folder()

    def on_folder_clear_clicked(self) -> None:
        self.store.reference.set_setting(backup.FOLDER_SETTING, "")
        self.show_folder()

    # --- jobs -----------------------------------------------------------------------------
    def _run(self, work, finished) -> None:
        self.job = Job(work)
        self.job.progress.connect(self.on_job_progress)
        self.job.finished.connect(finished)
        self.job.failed.connect(self.on_job_failed)
        for button in (self.now_button, self.restore_button):
            button.setEnabled(False)
        self.busy.setRange(0, 0)
        self.busy.setVisible(True)
        start(self.job)

    def _done(self) -> None:
        self.job = None
        self.busy.setVisible(False)
        self.now_button.setEnabled(True)
        self.refresh()

    def on_job_progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)

    def on_job_failed(self, error: BaseException) -> None:
        self._done()
        self.status.setText(describe(error, self.language))

    def on_now_clicked(self) -> None:
        self.status.setText(self.tr("Backing up…"))
        self._run(lambda report: take_backup(self.store, "manual", report), self.on_backed_up)

    def on_backed_up(self, made: backup.Backup) -> None:
        self._done()
        self.status.setText(self.tr("Backup made: %1").replace("%1", backup.label(made)))

    def on_restore_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.job is not None:
            return
        chosen = self.shown[rows[0].row()]
        self.status.setText(self.tr("Checking the backup and backing up the current data…"))
        self._run(
            lambda _report: prepare_restore(self.store, chosen), lambda lost: self.on_prepared(chosen, lost)
        )

    def on_prepared(self, chosen: backup.Backup, lost: list[dict]) -> None:
        self._done()
        self.status.setText(self.tr("The backup is whole; the current data was backed up first."))
        if not confirm(self, self.tr("Restore a backup"), self.question(chosen, lost)):
            return
        backup.stage_restore(self.store.folder, chosen)
        self.status.setText(self.tr("The backup will be put in place when the app starts again."))
        self.restart_needed.emit()
        self.accept()

    def question(self, chosen: backup.Backup, lost: list[dict]) -> str:
        text = self.tr("Restore the backup of %1?").replace("%1", backup.label(chosen)) + "\n\n"
        if lost:
            text += (
                self.tr("These inspections have changes not sent to the server; they would be lost:") + "\n"
            )
            for row in lost[:LOST_SHOWN]:
                name = row["name_kk"] if self.language == "kk" else row["name_ru"]
                day = dt.date.fromisoformat(row["appointment_date"]).strftime("%d.%m.%Y")
                text += f"• {name} — {day}\n"
            if len(lost) > LOST_SHOWN:
                text += self.tr("…and %1 more").replace("%1", str(len(lost) - LOST_SHOWN)) + "\n"
        else:
            text += self.tr("No work that was not sent to the server would be lost.") + "\n"
        return (
            text
            + "\n"
            + self.tr(
                "The app will close; the backup is put in place when you start it again and enter the passphrase."
            )
        )

    def on_close_clicked(self) -> None:
        self.reject()

    def reject(self) -> None:
        if self.job is None:  # a job under way ends first
            super().reject()
