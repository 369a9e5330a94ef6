"""Sync from the window: enrolment, "sync now", automatic sync when the server answers,
and the status line. The work runs on pool threads; results come back as signals."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

import inspector_app
from inspector_app.core import problems
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.services import outbox, updates
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.workers.jobs import Job, start

if TYPE_CHECKING:  # imported when first needed: the first window comes up sooner
    from inspector_app.desktop.services.sync_store import StoreSyncAdapter

AUTO_EVERY_MS = 30_000  # look for the server this often while something waits or it is away
PULL_EVERY_S = 300  # and fetch news this often even when nothing waits
ANNOUNCED = "updates.announced_version"  # a new version is told once


class SyncController(QObject):
    """Signals:
    busy(bool): a sync or an enrolment started (True) or ended (False).
    progress(int, int): done and total of the current stage.
    finished(object): the SyncReport of a pass that completed.
    failed(object): the UserError that stopped a pass or an enrolment.
    enrolled(): this laptop is now enrolled with a server.
    exported(object): the `Exported` of a transfer bundle written (records by USB stick).
    acknowledged(object): the `Acknowledged` of the server's acknowledgement taken in.
    """

    busy = Signal(bool)
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    enrolled = Signal()
    exported = Signal(object)
    acknowledged = Signal(object)

    def __init__(
        self,
        store: Store,
        catalogue: FormCatalogue,
        received_forms: Path,
        auto: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.catalogue, self.received_forms = store, catalogue, received_forms
        self._adapter: StoreSyncAdapter | None = None
        self.job: Job | None = None
        self.last_pass = 0.0
        self.reachable: bool | None = None  # how the server was at the last pass (None: not tried)
        self.timer = QTimer(self, interval=AUTO_EVERY_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        if auto:  # the first look is the window's, once it is on screen (see `look_now`)
            self.timer.start()

    @property
    def adapter(self):
        """The store as the sync service sees it; the sync modules load with its first use."""
        if self._adapter is None:
            from inspector_app.desktop.services.sync_store import StoreSyncAdapter

            self._adapter = StoreSyncAdapter(self.store, self.catalogue, self.received_forms)
        return self._adapter

    def is_enrolled(self) -> bool:
        return outbox.is_enrolled(self.store)

    def pending(self) -> tuple[int, int]:
        return outbox.pending_counts(self.store)

    # --- enrolment ------------------------------------------------------------------------
    def enrol(self, server_url: str, username: str, password: str, device_name: str) -> Job | None:
        from inspector_app.desktop.services.enrolment import enrol_inspector

        return self._run(
            lambda report: enrol_inspector(self.adapter, server_url, username, password, device_name),
            self.on_enrol_finished,
        )

    def on_enrol_finished(self, _response) -> None:
        self.reachable = True
        self.enrolled.emit()
        self.sync_now()

    # --- records by USB stick ------------------------------------------------------------
    def export_bundle(self, folder: Path) -> Job | None:
        """Write one transfer bundle of everything not yet synced into `folder`."""
        from inspector_app.desktop.services.transfer import export_bundle

        return self._run(lambda _report: export_bundle(self.adapter, Path(folder)), self.on_exported)

    def on_exported(self, exported) -> None:
        self.exported.emit(exported)

    def import_acknowledgement(self, path: Path) -> Job | None:
        """Take in the server's acknowledgement: only now are the exported records synced."""
        from inspector_app.desktop.services.transfer import import_acknowledgement

        return self._run(
            lambda _report: import_acknowledgement(self.adapter, Path(path)), self.on_acknowledged
        )

    def on_acknowledged(self, report) -> None:
        self.acknowledged.emit(report)
        for note in report.notes:
            self.failed.emit(note)

    # --- passes ---------------------------------------------------------------------------
    def sync_now(self) -> Job | None:
        if not self.is_enrolled():
            from inspector_app.desktop.sync import messages  # noqa: F401  (the message's texts)

            self.failed.emit(UserError("sync.not_enrolled"))
            return None
        from inspector_app.desktop.sync.http import RetryPolicy
        from inspector_app.desktop.sync.service import SyncService

        service = SyncService(self.adapter, retry=RetryPolicy(attempts=3, base_delay=0.5, max_delay=5.0))
        return self._run(
            lambda report: service.run_once(lambda p: report(p.done, p.total)), self.on_pass_finished
        )

    def look_now(self) -> None:
        """Sync at once if something waits or news are due (and automatic sync is on)."""
        if self.timer.isActive():
            self.on_timer_timeout()

    def on_timer_timeout(self) -> None:
        if self.job is not None or not self.is_enrolled():
            return
        waiting = self.pending()[0]
        if waiting or self.reachable is False or time.monotonic() - self.last_pass > PULL_EVERY_S:
            self.sync_now()

    def on_pass_finished(self, report) -> None:
        self.last_pass = time.monotonic()
        self.reachable = True
        self.finished.emit(report)
        for note in self.in_our_words(report):
            self.failed.emit(note)
        self.announce(report.desktop_release)

    def announce(self, release: tuple[str, str] | None) -> None:
        """Say once, in the user's language, that the server offers a newer version."""
        if release is None or not updates.is_newer(release[0], inspector_app.__version__):
            return
        if self.store.reference.setting(ANNOUNCED) == release[0]:
            return
        self.store.reference.set_setting(ANNOUNCED, release[0])
        self.failed.emit(UserError("sync.new_version", version=release[0], url=release[1] or "—"))

    def in_our_words(self, report) -> list[UserError]:
        """The pass's notes, a refusal told by the server's problem code (the server's own
        message is English) rather than by its text."""
        if not report.rejected:
            return report.notes
        codes = {p["inspection_id"]: p["code"] for p in self.adapter.problems()}
        refused = iter(report.rejected)  # in the order of the "sync.rejected" notes
        notes = []
        for note in report.notes:
            if note.code == "sync.rejected":
                code = codes.get(next(refused, ""), 0)
                note = UserError(REFUSALS.get(code, "sync.refused"), record=note.params.get("record", ""))
            notes.append(note)
        return notes

    def _run(self, work, on_finished) -> Job | None:
        if self.job is not None:
            return None
        job = Job(work)
        job.progress.connect(self.progress)
        job.finished.connect(self.on_job_done)  # first: what follows may start the next job
        job.finished.connect(on_finished)
        job.failed.connect(self.on_job_failed)
        self.job = job
        self.busy.emit(True)
        return start(job)

    def on_job_done(self, _result=None) -> None:
        self.job = None
        self.busy.emit(False)

    def on_job_failed(self, error: BaseException) -> None:
        self.on_job_done()
        if isinstance(error, UserError) and error.code in ("sync.offline", "sync.server_unavailable"):
            self.last_pass = time.monotonic()  # the timer tries again; nothing else to do
            self.reachable = False
        self.failed.emit(error if isinstance(error, UserError) else UserError("sync.unexpected"))


# the server's problems of a refused record, and how they are told
REFUSALS = {
    problems.FORBIDDEN_ROLE.code: "sync.refused_scope",
    problems.FORBIDDEN_REGION.code: "sync.refused_scope",
    problems.FORBIDDEN_OWNER.code: "sync.refused_scope",
    problems.UNKNOWN_FACILITY.code: "sync.refused_facility",
    problems.VALIDATION_FAILED.code: "sync.refused_invalid",
}

register_messages(
    {
        "sync.refused_scope": {
            "kk": "Сервер «{record}» тексерісін қабылдамады: ол сіздің өңіріңізге немесе тапсырмаларыңызға "
            "жатпайды. Тексеріс осы ноутбукта сақталды; жетекшіңізге хабарлаңыз.",
            "ru": "Сервер не принял проверку «{record}»: она вне вашего региона или ваших заданий. "
            "Проверка сохранена на этом ноутбуке; сообщите руководителю.",
            "en": "The server did not accept inspection “{record}”: it is outside your region or "
            "assignments. It is kept on this laptop; tell your supervisor.",
        },
        "sync.refused_facility": {
            "kk": "Сервер «{record}» тексерісін қабылдамады: оның ұйымы сервердің тізілімінде жоқ. "
            "Тексеріс осы ноутбукта сақталды; әкімшіге хабарлаңыз.",
            "ru": "Сервер не принял проверку «{record}»: её организации нет в реестре сервера. "
            "Проверка сохранена на этом ноутбуке; сообщите администратору.",
            "en": "The server did not accept inspection “{record}”: its facility is not in the "
            "server's register. It is kept on this laptop; tell your administrator.",
        },
        "sync.refused_invalid": {
            "kk": "Сервер «{record}» тексерісінің мазмұнын қабылдамады. Тексеріс осы ноутбукта сақталды; "
            "бағдарламаны жаңартыңыз немесе әкімшіге хабарлаңыз.",
            "ru": "Сервер не принял содержание проверки «{record}». Проверка сохранена на этом ноутбуке; "
            "обновите программу или сообщите администратору.",
            "en": "The server did not accept the content of inspection “{record}”. It is kept on this "
            "laptop; update the program or tell your administrator.",
        },
        "sync.refused": {
            "kk": "Сервер «{record}» тексерісін қабылдамады. Тексеріс осы ноутбукта сақталды; "
            "әкімшіге хабарлаңыз.",
            "ru": "Сервер не принял проверку «{record}». Проверка сохранена на этом ноутбуке; "
            "сообщите администратору.",
            "en": "The server did not accept inspection “{record}”. It is kept on this laptop; "
            "tell your administrator.",
        },
    }
)
