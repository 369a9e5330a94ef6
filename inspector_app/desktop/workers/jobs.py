"""Background jobs: work that runs off the GUI thread and reports only through signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector_app.core.domain.errors import UserError

log = logging.getLogger(__name__)
EXPECTED = (UserError, OSError)  # told to the user in words; anything else is a bug


class Job(QObject):
    """One piece of long work (a sync pass, rendering documents, opening the store...).
    `work(report)` runs on a pool thread and never touches a widget; `report(done, total)`
    emits progress. A failure the user can act on (a UserError, an environment error such as
    a full disk) is logged at DEBUG; any other exception is a bug and is logged at ERROR with
    its traceback. Either way it goes out through `failed` for the window to word.

    Signals:
        progress(int, int): done and total (total 0 when unknown).
        finished(object): the result of `work`.
        failed(object): the exception raised (a UserError to show, or a bug).
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(lambda done, total: self._tell(self.progress, done, total))
        except EXPECTED as error:  # every failure is reported, none escapes the thread
            log.debug("job failed", exc_info=error)
            self._tell(self.failed, error)
            return
        except Exception as error:
            log.exception("a background job failed with a bug")
            self._tell(self.failed, error)
            return
        self._tell(self.finished, result)

    def _tell(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self):
                raise
            # Qt deleted the job (the app is closing): there is nobody left to tell.


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def start(job: Job, pool: QThreadPool | None = None) -> Job:
    (pool or QThreadPool.globalInstance()).start(_Runnable(job))
    return job


def start_droppable(job: Job) -> Job:
    """Start on a thread of its own that does not hold up quitting: for work whose result
    is of no use once the app closes (the thread dies with the process)."""
    threading.Thread(target=job.run, name="droppable job", daemon=True).start()
    return job
