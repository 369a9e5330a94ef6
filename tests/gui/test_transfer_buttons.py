"""Records by USB stick, by the buttons of the Server… window: export for transfer, the
server's `import-bundle` on the stick, then import of its acknowledgement; and a refused
acknowledgement told in the user's language, nothing lost. The file dialogs are answered
by replacing their static getters (the native dialog is not Qt's to drive)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from tests.gui.test_server_window import enrol_by_the_dialog, window  # noqa: F401  (fixture)
from tests.journeys.driver import then
from tests.sync.conftest import backend, db_url, seeded_url, server  # noqa: F401  (fixtures)
from tests.sync.test_desktop_sync import make_inspections
from tests.sync.test_transfer import import_bundle, only_file

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def in_the_server_window(qtbot, window, button: str) -> str:
    """Press "Server…", then `button`; the result or the error shown; then Cancel."""
    seen = []

    def act(dialog):
        qtbot.mouseClick(dialog.findChild(type(dialog.export_button), button), Qt.MouseButton.LeftButton)

        def settled():
            text = dialog.transfer_result.text() or dialog.error.text()
            if window.sync.job is not None or not text:
                return False
            seen.append(text)
            qtbot.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
            )
            return True

        qtbot.waitUntil(settled, timeout=60000)

    then(act)
    qtbot.mouseClick(window.server_button, Qt.MouseButton.LeftButton)
    return seen[0]


def test_export_then_acknowledgement_by_the_buttons(qtbot, window, server, tmp_path, monkeypatch):
    assert enrol_by_the_dialog(qtbot, window, server.url, "inspector") == [""]
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=60000)
    _, made = make_inspections(window.store, window.catalogue, tmp_path, 2, 12)
    window.refresh_inspections()
    assert window.sync_status.text() == "2 inspections and 2 photos waiting"
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    said = in_the_server_window(qtbot, window, "export_transfer_button")
    assert "2 inspections, 2 photos" in said, said
    assert window.sync_status.text() == "2 inspections and 2 photos waiting"  # not synced yet

    assert import_bundle(server, only_file(usb), usb)[0] == 0
    ack = next(p for p in usb.glob("acknowledgement-*"))
    stranger = Path(tmp_path / "not-a-bundle.fibundle")
    stranger.write_bytes(b"PK\x03\x04 a zip, not ours")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(stranger), "")))
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    said = in_the_server_window(qtbot, window, "import_ack_button")
    assert "тасымалдау бумасы емес" in said, said
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    assert window.sync.pending()[0] == 2  # nothing lost, nothing marked

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(ack), "")))
    said = in_the_server_window(qtbot, window, "import_ack_button")
    assert "2 inspections synced" in said, said
    qtbot.waitUntil(lambda: window.sync_status.text() == "Everything is synced", timeout=10000)
    synced = {r["id"]: r["synced_revision"] >= r["revision"] for r in window.store.inspections.summaries()}
    assert all(synced[i] for i in made)
