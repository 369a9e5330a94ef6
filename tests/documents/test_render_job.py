"""Rendering in the background (a Job running `render_all`): progress, results, and
failures that can be told in the user's language."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from inspector_app.core.documents import render_act, render_order, render_protocol
from inspector_app.core.domain.errors import UserError
from inspector_app.demo.documents import sample_context
from inspector_app.desktop.services.paperwork import render_all
from inspector_app.desktop.workers.jobs import Job, start


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=8, n_photos=2)


def test_renders_off_the_gui_thread_and_reports_progress(qtbot, ctx, tmp_path):
    threads = []

    def act():
        threads.append(threading.current_thread())
        return render_act(ctx, "kk+ru")

    tasks = [act, lambda: render_protocol(ctx, "m1", "kk"), lambda: render_order(ctx, "ru")]
    job = rendering(tasks, save_dir=tmp_path / "out")
    progress = []
    job.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=30000) as finished:
        start(job)
    documents = finished.args[0]
    assert [d.kind.value for d in documents] == ["AK", "PR", "PD"]
    assert progress == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert threads and threads[0] is not threading.main_thread()
    saved = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert saved == sorted(d.filename() for d in documents)
    assert (tmp_path / "out" / documents[0].filename()).read_bytes() == documents[0].pdf


def test_missing_photo_fails_with_a_message_not_a_traceback(qtbot):
    broken = sample_context(n_items=4, n_photos=2)
    broken.photos[1] = (broken.photos[1][0], None)
    job = rendering([lambda: render_act(broken, "ru")])
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        start(job)
    message = told(failed, "ru")
    assert "не найдена" in message and broken.photos[1][0].filename in message
    assert "Traceback" not in message


def test_photo_file_gone_from_disk_is_told_plainly(qtbot, tmp_path):
    def load_and_render():
        (tmp_path / "IMG_0001.jpg").read_bytes()  # the way a loader reads a photo file
        raise AssertionError("unreachable")

    job = rendering([load_and_render])
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        start(job)
    message = told(failed, "kk")
    assert "IMG_0001.jpg" in message and "табылмады" in message


def test_disk_full_while_saving_is_told_and_leaves_no_partial_file(qtbot, ctx, tmp_path, monkeypatch):
    real_write = Path.write_bytes

    def full_disk(self, data):
        real_write(self, data[:100])  # the disk took some bytes, then ran out
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    job = rendering([lambda: render_order(ctx, "ru")], save_dir=tmp_path)
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        start(job)
    assert told(failed, "en").startswith("The disk is full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.allow_error_logs("a background job failed with a bug")
def test_a_bug_is_logged_with_its_traceback_and_is_no_user_error(qtbot, caplog):
    def buggy():
        raise KeyError("q999")

    job = rendering([buggy])
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        start(job)
    assert isinstance(failed.args[0], KeyError)  # the window words it as an apology
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.exc_info and record.exc_info[0] is KeyError
    assert "q999" in caplog.text and "Traceback" in caplog.text


def rendering(tasks, save_dir=None) -> Job:
    return Job(lambda report: render_all(tasks, report, save_dir))


def told(failed, lang: str) -> str:
    error = failed.args[0]
    assert isinstance(error, UserError), error
    return error.message(lang)
