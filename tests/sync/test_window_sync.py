"""Sync as the inspector sees it in the window: enrolment, status line, failures in plain
words, a conflict shown with both versions."""

import pytest
import requests

from inspector_app.core.domain.models import Verdict
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.core.protocol import API
from inspector_app.desktop.services import inspections as inspection_rules
from inspector_app.desktop.ui.shell.main_window import MainWindow
from sync.server.services.seed import DEMO_PASSWORD
from tests.conftest import ROOT
from tests.gui.conftest import language  # noqa: F401  (fixture)
from tests.kit.server import free_port
from tests.sync.conftest import enrol as enrol_headers
from tests.sync.test_desktop_sync import make_inspections

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@pytest.fixture
def window(qtbot, store, store_dir, language):  # noqa: F811
    received = store_dir.parent / "received"
    main = MainWindow(
        store, FormCatalogue.load(ROOT / "forms", received), language, received, auto_sync=False
    )
    qtbot.addWidget(main)
    main.show()
    return main


def enrol_window(qtbot, window, url):
    with qtbot.waitSignal(window.sync.enrolled, timeout=30000):
        window.sync.enrol(url, "inspector", DEMO_PASSWORD, "test laptop")
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=60000)  # the first sync follows


def sync(qtbot, window):
    job = window.sync.sync_now()
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass


def test_enrol_then_work_shows_what_waits_and_syncs_it(qtbot, window, server, tmp_path):
    qtbot.waitUntil(lambda: "Not connected" in window.sync_status.text())  # just after the first paint
    enrol_window(qtbot, window, server.url)
    assert window.store.facilities.count() > 0  # the register came with the first pull
    make_inspections(window.store, window.catalogue, tmp_path, 2, 3)
    window.refresh_inspections()
    assert window.sync_status.text() == "2 inspections and 2 photos waiting"
    sync(qtbot, window)
    assert window.sync_status.text() == "Everything is synced"
    states = {
        window.inspections_model.row(r)["id"]: window.sync_state(window.inspections_model.row(r))
        for r in range(window.inspections_model.rowCount())
    }
    assert set(states.values()) == {"synced"}


def test_a_wrong_password_is_told_plainly(qtbot, window, server):
    with qtbot.waitSignal(window.sync.failed, timeout=30000) as failure:
        window.sync.enrol(server.url, "inspector", "not the password", "laptop")
    assert failure.args[0].code == "sync.bad_credentials"
    assert not window.sync.is_enrolled()


def test_an_unreachable_server_is_told_plainly_and_nothing_is_lost(qtbot, window, server, tmp_path):
    enrol_window(qtbot, window, server.url)
    _, ids = make_inspections(window.store, window.catalogue, tmp_path, 1, 4)
    window.store.reference.set_setting("sync.server_url", f"http://127.0.0.1:{free_port()}")
    job = window.sync.sync_now()
    with qtbot.waitSignal(job.failed, timeout=60000):
        pass
    assert "Your work is safe on this laptop" in window.banner.text()
    assert window.sync_status.text() == "Server not reachable: 1 inspections and 1 photos waiting"
    assert window.store.inspections.answers(ids[0])  # nothing deleted


def test_automatic_sync_sends_as_soon_as_the_server_is_back(qtbot, window, server, tmp_path):
    """The window's own loop (the controller's timer): a pass while the server is away is
    told, and the next tick after it is back sends what waits."""
    enrol_window(qtbot, window, server.url)
    make_inspections(window.store, window.catalogue, tmp_path, 1, 2)
    server.stop()
    with qtbot.waitSignal(window.sync.failed, timeout=60000) as failure:
        window.sync.timer.start(200)  # as every 30 s in use
    assert failure.args[0].code in ("sync.offline", "sync.server_unavailable")
    assert window.sync.pending()[0] == 1
    server.start()
    qtbot.waitUntil(lambda: window.sync.pending() == (0, 0), timeout=60000)
    window.sync.timer.stop()
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=60000)


def test_a_conflict_is_shown_with_both_versions_and_resolved_by_a_person(
    qtbot, window, server, tmp_path, monkeypatch
):
    enrol_window(qtbot, window, server.url)
    form, (inspection_id,) = make_inspections(window.store, window.catalogue, tmp_path, 1, 6)
    for finding in window.store.inspections.findings(inspection_id, form):
        finding.no_measure_reason = "жойылды"
        window.store.inspections.save_finding(finding)
    inspection_rules.finalise(window.store, inspection_id, form)
    sync(qtbot, window)
    revision = window.store.inspections.get(inspection_id).revision
    supervisor = enrol_headers(server.url, "supervisor")
    requests.post(
        f"{server.url}{API}/records/{inspection_id}/review",
        headers=supervisor,
        timeout=30,
        json={"decision": "returned", "revision": revision, "comment": "Қайта қараңыз"},
    ).raise_for_status()
    sync(qtbot, window)  # the returned revision arrives: a draft again
    requests.post(
        f"{server.url}{API}/records/{inspection_id}/review",
        headers=supervisor,
        timeout=30,
        json={"decision": "approved", "revision": revision, "comment": ""},
    )
    window.store.inspections.save_answer(
        inspection_id, "sch.security.video", verdict=Verdict.COMPLIES, note="түзетілді"
    )
    # meanwhile the server's copy moved on in another way: make it so through the API
    record = window.sync.adapter.outgoing_record(inspection_id)
    record.answers[0].note = "өзгеше / иначе"
    headers = enrol_headers(server.url, "inspector")
    requests.post(
        f"{server.url}{API}/records",
        headers=headers,
        timeout=30,
        json={"records": [record.model_dump(mode="json")]},
    ).raise_for_status()
    window.store.inspections.save_answer(inspection_id, "sch.security.guards", verdict=Verdict.COMPLIES)
    sync(qtbot, window)
    window.refresh_inspections()
    row = next(window.inspections_model.row(r) for r in range(window.inspections_model.rowCount()))
    assert window.sync_state(row) == "conflict: choose a version"
    shown = {}

    class Choice:
        choice = "mine"

        def exec(self):
            return True

    def fake_dialog(problem, form_, mine, theirs):
        shown.update(mine=mine, theirs=theirs)
        return Choice()

    monkeypatch.setattr(window, "conflict_dialog", fake_dialog)
    window.resolve_conflict(inspection_id)
    assert shown["mine"] != shown["theirs"]  # both versions were there to compare
    sync(qtbot, window)
    assert window.sync.adapter.problems() == [] and window.sync.pending() == (0, 0)


@pytest.fixture
def server_offering_a_release(seeded_url, tmp_path):
    from tests.kit.server import ServerProcess

    release = {"INSPECTOR_DESKTOP_VERSION": "99.1.0", "INSPECTOR_DESKTOP_URL": "https://example.kz/fi"}
    process = ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "server.log", env=release)
    process.start()
    yield process
    process.stop()


def test_a_newer_version_offered_by_the_server_is_told_once(qtbot, window, server_offering_a_release):
    enrol_window(qtbot, window, server_offering_a_release.url)  # its first sync pulls
    assert window.banner.text() == (
        "A new version 99.1.0 of the app is available. Get it from: https://example.kz/fi"
    )
    window.banner.clear()
    sync(qtbot, window)
    assert "new version" not in window.banner.text()  # once, not at every sync


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_status_line_shows_the_whole_text_after_a_sync(qtbot, window, server, language, lang):  # noqa: F811
    """ "Syncing…" is short and what follows is long: the status line shows it whole from the
    moment it changes, not once the status bar gets round to laying itself out again."""
    from PySide6.QtCore import Qt

    window.showNormal()
    window.resize(1366, 696)  # a 1366×768 laptop screen
    enrol_window(qtbot, window, server.url)
    language.switch(lang)
    status = window.sync_status
    seen = []

    def look(*_args) -> None:
        text = status.text()
        seen.append((text, status.fontMetrics().horizontalAdvance(text), status.width()))

    window.sync.busy.connect(look)  # after the window's own slots: what is on screen then
    window.sync.finished.connect(look)
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.job is None and len(seen) == 3, timeout=60000)
    qtbot.wait(50)
    look()
    texts = [text for text, _, _ in seen]
    assert texts[0] == window.tr("Syncing…") and len(texts[-1]) > len(texts[0]), texts
    assert all(advance <= width for _, advance, width in seen), seen
    assert status.isVisible()
    usual = [
        window.tr(t)
        for t in ("Syncing…", "Everything is synced", "Server not reachable; nothing waits to be sent")
    ]
    assert all(status.fontMetrics().horizontalAdvance(text) <= status.width() for text in usual)  # any
