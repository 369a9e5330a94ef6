"""Every button and tool button of the windows and dialogs the journeys went through was
pressed by at least one journey, but those listed here with the reason. Runs after the
journeys (the files are taken in name order) and needs them in the same run."""

import pytest

from tests.journeys import driver

EXEMPT = {
    # (window, control): why no journey presses it
    ("MainWindow", "import_button"): "a register import from a spreadsheet; driven through its "
    "button in tests/gui/test_workflow.py",
    ("SignInDialog", "restore_button"): "shown only for a damaged store; tests/storage/test_store.py "
    "and test_durable_files.py damage one and restore the newest backup",
    ("MainWindow", "backups_button"): "the backups window (back up, restore, refuse a damaged backup) "
    "is driven through its buttons in tests/gui/test_backups.py; a restore closes the app",
    ("EnrolDialog", "box.Cancel"): "closes the dialog; pressed after a refusal in "
    "tests/gui/test_server_window.py",
    ("PasswordChangeDialog", "password_cancel"): "leaves the sign-in with the reset password; "
    "pressed in tests/gui/test_password_dialog.py",
    ("EnrolDialog", "export_transfer_button"): "records by USB stick need the server's import-bundle "
    "between the two buttons: driven through them in tests/gui/test_transfer_buttons.py",
    ("EnrolDialog", "import_ack_button"): "the acknowledgement of an exported bundle: driven "
    "through its button in tests/gui/test_transfer_buttons.py",
}


def test_every_control_was_pressed_by_a_journey():
    if not driver.SEEN:
        pytest.skip("run with the journeys: this check reads what they pressed")
    unnamed = sorted(c for c in driver.SEEN if c[1].startswith("unnamed"))
    assert not unnamed, f"buttons with no object name, so no test can find them: {unnamed}"
    never = sorted(driver.SEEN - driver.PRESSED - set(EXEMPT))
    assert not never, "no journey pressed:\n" + "\n".join(f"  {w}: {c}" for w, c in never)
