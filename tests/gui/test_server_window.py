"""The window and the server, by its buttons: enrolment (inspectors only), the status line and
the message line following the server as it goes away and comes back."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.ui.shell.main_window import MainWindow
from sync.server.services.seed import DEMO_PASSWORD
from tests.conftest import ROOT
from tests.gui.conftest import type_text
from tests.journeys.driver import then
from tests.sync.conftest import backend, db_url, seeded_url, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@pytest.fixture
def window(qtbot, store, store_dir, language):
    received = store_dir.parent / "received"
    main = MainWindow(
        store, FormCatalogue.load(ROOT / "forms", received), language, received, auto_sync=False
    )
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def enrol_by_the_dialog(qtbot, window, url: str, username: str) -> list[str]:
    """Press "Server…", fill in the dialog, press OK; the error shown, if any, and Cancel."""
    seen = []

    def fill(dialog):
        dialog.url.clear()
        type_text(dialog.url, url)
        type_text(dialog.username, username)
        type_text(dialog.password, DEMO_PASSWORD)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

        def settled():
            if dialog.isVisible() and not dialog.error.text():
                return False
            seen.append(dialog.error.text() if dialog.isVisible() else "")
            if dialog.isVisible():
                focused = QApplication.focusWidget()  # its name: the dialog is freed once closed
                seen.append(focused.objectName() if focused is not None else None)
                qtbot.mouseClick(
                    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
                )
            return True

        qtbot.waitUntil(settled, timeout=30000)

    then(fill)
    qtbot.mouseClick(window.server_button, Qt.MouseButton.LeftButton)
    return seen


def test_a_supervisor_is_sent_to_the_web_console_in_their_language(qtbot, window, server):
    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    error, focused = enrol_by_the_dialog(qtbot, window, server.url, "supervisor")
    assert "веб-консоли" in error and server.url in error and "supervisor" not in error.casefold()
    assert not window.sync.is_enrolled() and not window.banner.isVisible()
    assert focused == "enrol_password"


def test_status_and_messages_follow_the_server_away_and_back(qtbot, window, server):
    assert enrol_by_the_dialog(qtbot, window, server.url, "inspector") == [""]
    qtbot.waitUntil(
        lambda: window.sync.job is None and window.sync_status.text() == "Everything is synced", timeout=60000
    )
    server.stop()
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=60000)
    assert "not reachable" in window.banner.text()
    assert window.sync_status.text() == "Server not reachable; nothing waits to be sent"
    server.start()
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.job is None and not window.banner.isVisible(), timeout=60000)
    assert window.sync_status.text() == "Everything is synced"


def test_a_refused_inspection_is_told_in_the_users_words_not_the_servers(qtbot, window, server):
    import datetime as dt

    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType, Person

    assert enrol_by_the_dialog(qtbot, window, server.url, "inspector") == [""]
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=60000)
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    store = window.store
    from inspector_app.demo.facilities import demo_facilities

    outside = next(f for f in demo_facilities(2000) if f.region == "KAR")  # the server's, not hers
    store.facilities.upsert_many([outside])
    form = window.catalogue.newest_for(outside.kind)
    store.inspections.create(
        Inspection(
            id="",
            facility_id=outside.id,
            form_id=form.id,
            form_version=form.version,
            form_hash=form.content_hash,
            type=InspectionType.SCHEDULED,
            mode=InspectionMode.ON_SITE,
            appointment_number="77",
            appointment_date=dt.date.today(),
            inspectors=[Person("Айгүл", "маман")],
        )
    )
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=60000)
    assert "«77»" in window.banner.text() and "өңіріңізге" in window.banner.text()
    assert "region outside your scope" not in window.banner.text()
    assert "1" in window.sync_status.text() and "Тексерулер" in window.sync_status.text()


@pytest.mark.allow_error_logs("a background job failed with a bug")
def test_a_bug_in_a_pass_is_logged_with_its_traceback_and_told_plainly(
    qtbot, window, server, caplog, monkeypatch
):
    from inspector_app.desktop.sync.service import SyncService

    assert enrol_by_the_dialog(qtbot, window, server.url, "inspector") == [""]
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=60000)

    def buggy_pass(self, progress=None):
        raise KeyError("bug-7342")

    monkeypatch.setattr(SyncService, "run_once", buggy_pass)
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.job is None and window.banner.isVisible(), timeout=60000)
    assert "unexpected error" in window.banner.text() and "bug-7342" not in window.banner.text()
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.exc_info and record.exc_info[0] is KeyError
    assert "Traceback" in caplog.text and "buggy_pass" in caplog.text
