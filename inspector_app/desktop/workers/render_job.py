"""Rendering documents off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector_app.core.documents.context import RenderedDocument
from inspector_app.core.documents.errors import user_error_for
from inspector_app.core.domain.errors import UserError, message_text

log = logging.getLogger(__name__)
RenderTask = Callable[[], RenderedDocument]


class RenderJob(QObject):
    """Runs render callables (e.g. `lambda: render_act(ctx, "kk+ru")`) one after the other on
    a pool thread; optionally writes each PDF to `save_dir` as `<number>-<lang>.pdf`.
    `run()` never touches a widget: everything goes out through the signals.

    Signals:
        progress(int, int): documents done, documents in all.
        finished(list): the RenderedDocuments, in task order (after all succeeded).
        failed(str): what went wrong, in the user's language; no traceback, no code.
    """

    progress = Signal(int, int)
    finished = Signal(list)
    failed = Signal(str)

    def __init__(
        self,
        tasks: Sequence[RenderTask],
        lang: str = "ru",
        save_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = list(tasks)
        self._lang = lang
        self._save_dir = save_dir

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def run(self) -> None:
        try:
            documents = self._render_all()
        except UserError as err:
            self.failed.emit(err.message(self._lang))
        except OSError as exc:
            self.failed.emit(user_error_for(exc).message(self._lang))
        except Exception:  # a bug: logged with its trace, told as an apology
            log.exception("rendering documents failed")
            self.failed.emit(message_text("documents.render_failed", self._lang))
        else:
            self.finished.emit(documents)

    def _render_all(self) -> list[RenderedDocument]:
        documents = []
        total = len(self._tasks)
        self.progress.emit(0, total)
        for done, task in enumerate(self._tasks, 1):
            document = task()
            if self._save_dir is not None:
                save(document, self._save_dir)
            documents.append(document)
            self.progress.emit(done, total)
        return documents


def save(document: RenderedDocument, folder: Path) -> Path:
    """Write atomically: a full disk never leaves a truncated PDF under the real name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / document.filename()
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(document.pdf)
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return target


class _Runnable(QRunnable):
    def __init__(self, job: RenderJob) -> None:
        super().__init__()
        self._job = job  # keeps the job alive until it has run

    def run(self) -> None:
        self._job.run()
