"""Rendering in the background: progress, results, and failures told in the user's language."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from inspector_app.core.documents import render_act, render_order, render_protocol
from inspector_app.demo.documents import sample_context
from inspector_app.desktop.workers.render_job import RenderJob


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=8, n_photos=2)


def test_renders_off_the_gui_thread_and_reports_progress(qtbot, ctx, tmp_path):
    threads = []

    def act():
        threads.append(threading.current_thread())
        return render_act(ctx, "kk+ru")

    job = RenderJob(
        [act, lambda: render_protocol(ctx, "m1", "kk"), lambda: render_order(ctx, "ru")],
        lang="kk",
        save_dir=tmp_path / "out",
    )
    progress = []
    job.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=30000) as finished:
        job.start()
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
    job = RenderJob([lambda: render_act(broken, "ru")], lang="ru")
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        job.start()
    message = failed.args[0]
    assert "не найдена" in message and broken.photos[1][0].filename in message
    assert "Traceback" not in message


def test_photo_file_gone_from_disk_is_told_plainly(qtbot, tmp_path):
    def load_and_render():
        (tmp_path / "IMG_0001.jpg").read_bytes()  # the way a loader reads a photo file
        raise AssertionError("unreachable")

    job = RenderJob([load_and_render], lang="kk")
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        job.start()
    assert "IMG_0001.jpg" in failed.args[0] and "табылмады" in failed.args[0]


def test_disk_full_while_saving_is_told_and_leaves_no_partial_file(qtbot, ctx, tmp_path, monkeypatch):
    real_write = Path.write_bytes

    def full_disk(self, data):
        real_write(self, data[:100])  # the disk took some bytes, then ran out
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    job = RenderJob([lambda: render_order(ctx, "ru")], lang="en", save_dir=tmp_path)
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        job.start()
    assert failed.args[0].startswith("The disk is full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.allow_error_logs("rendering documents failed")
def test_a_bug_is_logged_and_told_as_an_apology(qtbot, caplog):
    def buggy():
        raise KeyError("q999")

    job = RenderJob([buggy], lang="ru")
    with qtbot.waitSignal(job.failed, timeout=30000) as failed:
        job.start()
    assert "непредвиденная ошибка" in failed.args[0] and "q999" not in failed.args[0]
    assert any("rendering documents failed" in r.message for r in caplog.records)
