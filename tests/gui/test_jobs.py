"""Background jobs report through signals, and say nothing once their owner is gone."""

import threading

import shiboken6

from inspector_app.desktop.workers.jobs import Job, start_droppable


def test_a_job_reports_its_result_and_progress(qtbot):
    job = Job(lambda report: (report(1, 2), "done")[1])
    progress = []
    job.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(job.finished) as finished:
        start_droppable(job)
    assert finished.args == ["done"] and progress == [(1, 2)]


def test_a_job_deleted_while_it_works_ends_quietly(qtbot):
    release, ended, escaped = threading.Event(), threading.Event(), []
    job = Job(lambda report: release.wait(10))
    original_run = job.run

    def run_and_note() -> None:
        try:
            original_run()
        except BaseException as error:  # what would reach the thread's top
            escaped.append(error)
        ended.set()

    thread = threading.Thread(target=run_and_note)
    thread.start()
    shiboken6.delete(job)  # as when the window that started it closes with the app
    release.set()
    assert ended.wait(10) and not escaped
    thread.join()
