"""The main window: the register, the inspections, and one open inspection at a time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import Assignment, Facility
from inspector_app.core.domain.text import name_sort_key
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.register.assignments_view import AssignmentsView
from inspector_app.desktop.ui.register.register_view import RegisterView
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.i18n import LANGUAGES, Language
from inspector_app.desktop.ui.shared.models import RowTableModel
from inspector_app.desktop.ui.shell.banner import Banner
from inspector_app.desktop.ui.sync.sync_controller import SyncController
from inspector_app.desktop.workers.jobs import Job, start, start_droppable

if TYPE_CHECKING:  # imported when first needed: the first window comes up sooner
    from inspector_app.desktop.ui.inspection.inspection_page import InspectionPage
    from inspector_app.desktop.ui.sync.enrol_dialog import EnrolDialog

GEOMETRY = "ui.window_geometry"  # settings: the window's size, place and state at closing
OPEN_INSPECTION = "ui.open_inspection"  # the inspection open at closing, if any
PREFERRED = QSize(1280, 800)  # the first size where the screen has room for it
FRAME = QSize(8, 32)  # room for the window's frame and title bar, roughly
BACKUP_CHECK_MS = 15 * 60 * 1000  # how often the window looks whether the daily backup is due
FIRST_BACKUP_CHECK_MS = 10 * 60 * 1000  # the first look, soon after start: a short day counts too
RETIRED_COLOUR = "#666666"  # a retired checklist version: greyed, still readable (5.7:1 on white)


class MainWindow(QMainWindow):
    """`restart_needed` asks the app to close: a restore is put in place at the next start."""

    restart_needed = Signal()

    def __init__(
        self,
        store: Store,
        catalogue: FormCatalogue,
        language: Language,
        received_forms: Path | None = None,
        auto_sync: bool = True,
    ) -> None:
        from PySide6.QtCore import Qt  # not at import: see models.DISPLAY

        super().__init__()
        self.store, self.catalogue, self.language = store, catalogue, language
        catalogue.extra_bodies = tuple(store.reference.bodies())  # referrals may name them
        self.sync = SyncController(
            store, catalogue, received_forms or store.folder.parent / "forms", auto=auto_sync, parent=self
        )
        self.page: InspectionPage | None = None  # the inspection open, if any
        self.enrol_dialog: EnrolDialog | None = (
            None  # the server dialog while it is open: it tells its own problems
        )
        self.problems = 0  # inspections held by a conflict or a refusal
        self.painted = False  # the first paint shows the register; the other tabs fill just after
        self.catalogue_job: Job | None = None  # reading the checklists, if they were not read
        self.profile = store.reference.profile()
        self.register = RegisterView(store, store.reference.regions(), language)
        self.register.inspection_requested.connect(self.on_register_inspection_requested)
        self.inspections_model = RowTableModel([])
        self.inspections = QTableView()
        self.inspections_model.show_in(self.inspections)
        self.inspections.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inspections.verticalHeader().setVisible(False)
        self.inspections.horizontalHeader().setStretchLastSection(True)
        self.inspections.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.inspections.doubleClicked.connect(self.on_inspections_double_clicked)
        self.forms_list = QListWidget()
        self.forms_list.setObjectName("forms_list")
        self.inspections.setObjectName("inspections_table")
        self.home = QTabWidget()
        self.home.addTab(self.register, "")
        self.home.addTab(self.inspections, "")
        self.home.addTab(self.forms_list, "")
        self.assignments = AssignmentsView(store, language)
        self.assignments.start_requested.connect(self.on_assignment_start_requested)
        self.home.addTab(self.assignments, "")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)
        self._toolbar()
        self.job_progress = QProgressBar()
        self.job_progress.setMaximumWidth(220)
        self.job_progress.setVisible(False)
        self.sync_status = QLabel()
        self.sync_status.setObjectName("sync_status")
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.sync_status.setAlignment(right)  # beside the progress bar, however wide the label
        self.sync_status.setContentsMargins(0, 0, 6, 0)  # off the window's edge
        self.banner = Banner()
        self.statusBar().addWidget(self.banner, 1)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.job_progress)
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().setFixedHeight(self.banner.height() + 6)  # the same with a message or not
        self.sync.busy.connect(self.on_sync_busy)
        self.sync.progress.connect(self.on_sync_progress)
        self.sync.finished.connect(self.on_sync_finished)
        self.sync.failed.connect(self.on_sync_failed)
        self.sync.acknowledged.connect(self.on_sync_finished)  # records by USB stick came back
        self.backup_job: Job | None = None  # the backup being taken, if one is
        self.backup_timer = QTimer(self)  # the daily backup, taken while the app runs
        self.backup_timer.setInterval(FIRST_BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.on_backup_timer)
        self.backup_timer.start()
        self.language.changed.connect(lambda _c: self.retranslate())
        self.retranslate()
        self.place_on_screen()

    def _toolbar(self) -> None:
        bar = QToolBar()
        bar.setMovable(False)
        self.addToolBar(bar)
        self.language_box = QComboBox()
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.language.code))
        self.language_box.currentIndexChanged.connect(
            lambda i: self.switch_language(self.language_box.itemData(i))
        )
        self.language_box.setObjectName("language_box")
        self.import_button = QPushButton()
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.on_import_clicked)
        self.server_button, self.sync_button = QPushButton(), QPushButton()
        self.server_button.setObjectName("server_button")
        self.sync_button.setObjectName("sync_button")
        self.server_button.clicked.connect(self.on_server_clicked)
        self.sync_button.clicked.connect(self.on_sync_clicked)
        self.backups_button = QPushButton()
        self.backups_button.setObjectName("backups_button")
        self.backups_button.clicked.connect(self.on_backups_clicked)
        self.who = QLabel()
        for button in (self.import_button, self.server_button, self.sync_button, self.backups_button):
            bar.addWidget(button)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy().Preferred
        )
        bar.addWidget(spacer)
        bar.addWidget(self.who)
        bar.addWidget(self.language_box)

    def switch_language(self, code: str) -> None:
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        self.language.switch(code)
        profile = self.store.reference.profile()
        profile.language = code
        self.store.reference.save_profile(profile)
        if focused is not None:  # the texts change after this returns: focus stays where it was
            QTimer.singleShot(0, focused, focused.setFocus)

    # --- size and place ------------------------------------------------------------------
    def screen_area(self) -> QRect:
        """The part of the screen a window may take (without the panels and the task bar)."""
        return self.screen().availableGeometry()

    def place_on_screen(self) -> None:
        """The size, place and maximised state of the last run, kept inside the screen; the
        first time, 1280×800 where that fits and the whole screen where it does not."""
        from PySide6.QtCore import Qt  # not at import: see models.DISPLAY

        area = self.screen_area()
        saved = self.store.reference.setting(GEOMETRY, "")
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            if not self.isMaximized():
                self.keep_inside(area)
            return
        width, height = min(PREFERRED.width(), area.width()), min(PREFERRED.height(), area.height())
        self.resize(width - FRAME.width(), height - FRAME.height())
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
        if (width, height) != (PREFERRED.width(), PREFERRED.height()):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def keep_inside(self, area: QRect) -> None:
        frame = self.frameGeometry().size() - self.size()  # known once the window has a frame
        extra = QSize(max(frame.width(), FRAME.width()), max(frame.height(), FRAME.height()))
        width = min(self.width(), area.width() - extra.width())
        height = min(self.height(), area.height() - extra.height())
        self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() + 1 - width - extra.width())
        y = min(max(self.y(), area.top()), area.bottom() + 1 - height - extra.height())
        self.move(x, y)

    def closeEvent(self, event) -> None:
        """The window's size and place, and the inspection open, are there at the next start."""
        self.backup_timer.stop()
        self.store.reference.set_setting(GEOMETRY, bytes(self.saveGeometry().toBase64().data()).decode())
        if self.page is not None:
            self.page.checklist.save_note()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Field Inspector"))
        self.import_button.setText(self.tr("Import facilities…"))
        self.server_button.setText(self.tr("Server…"))
        self.sync_button.setText(self.tr("Sync now"))
        self.backups_button.setText(self.tr("Backups…"))
        self.who.setText(f"{self.profile.name} · {self.profile.code}  ")
        self.banner.retranslate()
        self.home.setTabText(0, self.tr("Facility register"))
        self.home.setTabText(1, self.tr("Inspections"))
        self.home.setTabText(2, self.tr("Checklists"))
        self.home.setTabText(3, self.tr("Planned for me"))
        lang = self.language.code
        status = {"draft": self.tr("draft"), "finalised": self.tr("finalised")}
        self.inspections_model.set_columns(
            [
                (self.tr("Organisation"), lambda r: r["name_kk"] if lang == "kk" else r["name_ru"]),
                (self.tr("Act No."), lambda r: r["appointment_number"]),
                (self.tr("Date"), lambda r: ".".join(reversed(r["appointment_date"].split("-")))),
                (self.tr("Status"), lambda r: status.get(r["status"], r["status"])),
                (self.tr("Sync"), self.sync_state),
            ]
        )
        self.inspections.setColumnWidth(0, 420)
        self.reserve_sync_status_width()
        if self.painted:  # else the inspections and the status line fill just after the first paint
            self.refresh_inspections()
        self.refresh_forms()

    def sync_state(self, row: dict) -> str:
        if row["sync_problem"] == "conflict":
            return self.tr("conflict: choose a version")
        if row["sync_problem"] == "rejected":
            return self.tr("refused by the server")
        if row["review_state"] == "returned":
            return self.tr("returned")
        if row["review_state"] == "approved":
            return self.tr("approved")
        return self.tr("synced") if row["synced_revision"] >= row["revision"] else self.tr("not synced")

    def refresh_inspections(self) -> None:
        self.assignments.refresh()
        rows = self.store.inspections.summaries()
        self.inspections_model.set_rows(rows)
        self.problems = sum(1 for row in rows if row["sync_problem"])
        self.update_sync_status()

    # --- sync -------------------------------------------------------------------------------
    def reserve_sync_status_width(self) -> None:
        """Keep the status line as wide as its usual texts in this language need.

        A sync turns "Syncing…" into a longer text; the label would widen only when the status
        bar lays itself out again, and until then (in a busy window, long enough to be seen)
        the new text is cut off. Reserved once per language, no new layout is needed."""
        usual = [
            self.tr("Syncing…"),
            self.tr("Everything is synced"),
            self.tr("Server not reachable; nothing waits to be sent"),
            self.tr("Server not reachable: %1").replace("%1", self.waiting_text(99, 99)),
        ]
        metrics = self.sync_status.fontMetrics()
        margins = self.sync_status.contentsMargins()
        widest = max(metrics.horizontalAdvance(text) for text in usual)
        self.sync_status.setMinimumWidth(widest + margins.left() + margins.right() + 2)

    def waiting_text(self, records: int, photos: int) -> str:
        return (
            self.tr("%1 inspections and %2 photos waiting")
            .replace("%1", str(records))
            .replace("%2", str(photos))
        )

    def update_sync_status(self) -> None:
        records, photos = self.sync.pending()
        waiting = self.waiting_text(records, photos)
        if not self.sync.is_enrolled():
            text = self.tr("Not connected to a server: work is kept on this laptop")
        elif self.sync.reachable is False:
            text = (
                self.tr("Server not reachable: %1").replace("%1", waiting)
                if records
                else self.tr("Server not reachable; nothing waits to be sent")
            )
        elif records:
            text = waiting
        else:
            text = self.tr("Everything is synced")
        if self.problems and self.sync.is_enrolled():
            text += " · " + self.tr("%1 need your choice (see Inspections)").replace("%1", str(self.problems))
        self.sync_status.setText(text)

    def on_server_clicked(self) -> None:
        from inspector_app.desktop.ui.sync.enrol_dialog import EnrolDialog

        enrolment = self.sync.adapter.enrolment() if self.sync.is_enrolled() else None
        self.enrol_dialog = EnrolDialog(
            self.sync, self.language.code, enrolment.server_url if enrolment else "", parent=self
        )
        try:
            self.enrol_dialog.exec()
        finally:
            self.enrol_dialog = None
        self.update_sync_status()

    def on_sync_clicked(self) -> None:
        self.sync.sync_now()

    def on_sync_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.job_progress.setVisible(busy)
        self.job_progress.setRange(0, 0)
        if busy:
            self.sync_status.setText(self.tr("Syncing…"))

    def on_sync_progress(self, done: int, total: int) -> None:
        self.job_progress.setRange(0, max(total, done, 1))
        self.job_progress.setValue(done)

    def on_sync_finished(self, _report) -> None:
        self.banner.clear("sync")  # the server answered: what it said before is over
        self.catalogue.reload()
        self.refresh_forms()
        self.refresh_inspections()
        self.register.set_regions(self.store.reference.regions())  # names and districts as synced

    def on_sync_failed(self, error) -> None:
        self.update_sync_status()
        if self.enrol_dialog is None:  # else the dialog tells it
            self.show_problem(error, "sync")

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.after_first_paint)

    def after_first_paint(self) -> None:
        """What the first screen does not show: the inspections and the status line, a first
        look for the server, and the checklists (read on a thread of their own, if they were
        not read yet)."""
        self.refresh_inspections()
        self.sync.look_now()
        if self.catalogue.is_read:
            self.reopen_last_inspection()
        else:
            self.catalogue_job = Job(lambda _report: self.catalogue.ensure_read())
            self.catalogue_job.finished.connect(self.on_catalogue_read)
            self.catalogue_job.failed.connect(self.show_problem)
            start_droppable(self.catalogue_job)

    def on_catalogue_read(self, _result=None) -> None:
        self.refresh_forms()
        self.reopen_last_inspection()

    def refresh_forms(self) -> None:
        if not self.catalogue.is_read:
            return  # listed once read (see after_first_paint)
        from PySide6.QtWidgets import QListWidgetItem

        lang = self.language.code
        self.forms_list.clear()
        in_order = sorted(self.catalogue.forms, key=lambda f: (name_sort_key(f.title.get(lang)), f.version))
        for form in in_order:
            retired = self.catalogue.is_retired(form)
            text = ("⊘ " if retired else "✔ ") + (
                self.tr("%1 — version %2, %3 questions")
                .replace("%1", form.title.get(lang))
                .replace("%2", str(form.version))
                .replace("%3", str(len(form.items())))
            )
            if retired:  # the server retired it: kept for inspections made with it only
                text += "\n    " + self.tr("retired: only for inspections already made with it")
            elif form.effective:
                text += " · " + self.tr("in force from %1").replace("%1", form.effective.strftime("%d.%m.%Y"))
            if form.legal_act:
                text += "\n    " + form.legal_act.get(lang)
            item = QListWidgetItem(text)
            item.setToolTip(f"{form.id} v{form.version} · SHA-256 {form.content_hash}")
            if retired:
                item.setForeground(QColor(RETIRED_COLOUR))
            self.forms_list.addItem(item)
        for broken in self.catalogue.unavailable:
            self.forms_list.addItem(
                f"✘ {self.tr('Unavailable')}: {Path(broken.source).name} — {broken.error}"
            )

    # --- backups --------------------------------------------------------------------------
    def on_backups_clicked(self) -> None:
        from inspector_app.desktop.ui.shell.backup_dialog import BackupDialog

        dialog = BackupDialog(self.store, self.language.code, parent=self)
        dialog.restart_needed.connect(self.restart_needed)
        dialog.exec()

    def on_backup_timer(self) -> None:
        from inspector_app.desktop.storage import backup

        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        if self.backup_job is None and backup.is_due(self.store.folder):
            self.back_up("daily")

    def back_up(self, reason: str) -> Job:
        """Take a backup on a pool thread; its progress shows in the status bar."""
        from inspector_app.desktop.ui.shell.backup_dialog import take_backup

        self.backup_job = Job(lambda report: take_backup(self.store, reason, report))
        self.backup_job.progress.connect(self.on_sync_progress)
        self.backup_job.finished.connect(self.on_backup_finished)
        self.backup_job.failed.connect(self.on_backup_failed)
        self.job_progress.setRange(0, 0)
        self.job_progress.setVisible(True)
        self.banner.show_message(self.tr("Backing up…"), "backup", problem=False)
        return start(self.backup_job)

    def on_backup_finished(self, _made) -> None:
        self.backup_job = None
        self.job_progress.setVisible(False)
        self.banner.clear("backup")

    def on_backup_failed(self, error: BaseException) -> None:
        self.backup_job = None
        self.job_progress.setVisible(False)
        self.show_problem(error, "backup")

    # --- problems -------------------------------------------------------------------------
    def show_problem(self, error: BaseException, source: str = "window") -> None:
        self.banner.show_message(describe(error, self.language.code), source)

    # --- inspections ----------------------------------------------------------------------
    def on_register_inspection_requested(self, facility: Facility) -> None:
        try:
            form = self.catalogue.newest_for(facility.kind)
        except UserError as error:
            self.show_problem(error)
            return
        dialog = self.new_inspection_dialog(facility)
        if dialog.exec():
            inspection = self.store.inspections.create(
                dialog.inspection(form.id, form.version, form.content_hash)
            )
            self.open_inspection(inspection.id)

    def on_assignment_start_requested(self, assignment: Assignment, facility: Facility) -> None:
        """An inspection a supervisor planned: the header filled in as planned; one already
        started from it is opened instead of a second."""
        if assignment.inspection_id:
            self.open_inspection(assignment.inspection_id)
            return
        try:
            form = self.catalogue.newest_of(assignment.form_id, facility.kind)
        except UserError as error:
            self.show_problem(error)
            return
        dialog = self.new_inspection_dialog(facility)
        dialog.preset(assignment.inspection_type, assignment.ground, assignment.planned_date)
        if dialog.exec():
            inspection = self.store.inspections.create(
                dialog.inspection(form.id, form.version, form.content_hash)
            )
            self.store.assignments.mark_started(assignment.id, inspection.id)
            self.assignments.refresh()
            self.open_inspection(inspection.id)

    def new_inspection_dialog(self, facility: Facility):
        from inspector_app.desktop.ui.register.new_inspection import (
            NewInspectionDialog,
        )  # loaded when first needed

        me = self.profile.person()
        return NewInspectionDialog(facility, me, self.language.code, parent=self)

    def on_inspections_double_clicked(self, index) -> None:
        row = self.inspections_model.row(index.row())
        if row["sync_problem"] == "conflict":
            self.resolve_conflict(row["id"])
        else:
            self.open_inspection(row["id"])

    def resolve_conflict(self, inspection_id: str) -> None:
        from inspector_app.core.protocol import InspectionRecord

        problem = next(p for p in self.sync.adapter.problems() if p["inspection_id"] == inspection_id)
        theirs = (
            InspectionRecord.model_validate(problem["server_record"]) if problem["server_record"] else None
        )
        inspection = self.store.inspections.get(inspection_id)
        form = next(
            (
                f
                for f in self.catalogue.forms
                if (f.id, f.version) == (inspection.form_id, inspection.form_version)
            ),
            None,
        )
        dialog = self.conflict_dialog(
            problem,
            form,
            self.store.inspections.answers(inspection_id),
            {a.item_id: a for a in theirs.answers} if theirs else {},
        )
        if dialog.exec():
            choose = self.sync.adapter.keep_mine if dialog.choice == "mine" else self.sync.adapter.take_theirs
            choose(inspection_id)
            self.refresh_inspections()

    def conflict_dialog(self, problem, form, mine, theirs):
        from inspector_app.desktop.ui.sync.conflict_dialog import ConflictDialog

        return ConflictDialog(problem, form, mine, theirs, self.language.code, parent=self)

    def open_inspection(self, inspection_id: str) -> None:
        inspection = self.store.inspections.get(inspection_id)
        try:
            form = self.catalogue.for_inspection(inspection)
        except UserError as error:
            self.show_problem(error)
            return
        from inspector_app.desktop.ui.inspection.inspection_page import (
            InspectionPage,
        )  # loaded when first needed

        facility = self.store.facilities.get(inspection.facility_id)
        self.close_inspection()
        self.page = InspectionPage(self.store, form, inspection, facility, self.language)
        self.page.closed.connect(self.close_inspection)
        self.page.problem.connect(self.show_problem)
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        self.page.checklist.list.setFocus()
        self.store.reference.set_setting(OPEN_INSPECTION, inspection_id)

    def close_inspection(self) -> None:
        if self.page is not None:
            self.page.checklist.save_note()
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        self.store.reference.set_setting(OPEN_INSPECTION, "")
        self.stack.setCurrentWidget(self.home)
        self.refresh_inspections()
        current = self.home.currentWidget()  # the keyboard goes on in the list, not the tab bar
        (self.register.table if current is self.register else current).setFocus()

    def reopen_last_inspection(self) -> None:
        """The draft that was open when the app was closed opens again; a finalised or
        deleted one leaves the register on screen."""
        inspection_id = self.store.reference.setting(OPEN_INSPECTION, "")
        if not inspection_id or self.page is not None:
            return
        row = next((r for r in self.inspections_model_rows() if r["id"] == inspection_id), None)
        if row is None or row["status"] != "draft":
            self.store.reference.set_setting(OPEN_INSPECTION, "")
            return
        self.open_inspection(inspection_id)

    def inspections_model_rows(self) -> list[dict]:
        return [self.inspections_model.row(r) for r in range(self.inspections_model.rowCount())]

    # --- import ---------------------------------------------------------------------------
    def on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Facility register"), str(Path.home()), self.tr("Tables (*.csv *.xlsx)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Job:
        from inspector_app.desktop.services.register_import import import_register

        job = Job(lambda report: import_register(self.store, path, lambda n: report(n, 0)))
        job.progress.connect(self.on_job_progress)
        job.finished.connect(self.on_import_finished)
        job.failed.connect(self.on_job_failed)
        self.job_progress.setRange(0, 0)
        self.job_progress.setVisible(True)
        self.import_button.setEnabled(False)
        return start(job)

    def on_job_progress(self, done: int, total: int) -> None:
        self.banner.show_message(
            self.tr("Imported rows: %1").replace("%1", str(done)), "import", problem=False
        )

    def on_import_finished(self, report) -> None:
        self.job_progress.setVisible(False)
        self.import_button.setEnabled(True)
        summary = (
            self.tr("Imported: %1, rows with errors: %2")
            .replace("%1", str(report.imported))
            .replace("%2", str(len(report.errors)))
        )
        lines = [e.message(self.language.code) for e in report.errors[:20]]
        self.banner.show_message("\n".join([summary, *lines]), "import", problem=bool(lines))
        self.register.on_region_changed()

    def on_job_failed(self, error: BaseException) -> None:
        self.job_progress.setVisible(False)
        self.import_button.setEnabled(True)
        self.show_problem(error, "import")
