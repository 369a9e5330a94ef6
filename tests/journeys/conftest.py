"""The app started as `make run` starts it (a demo store, a local server), then driven by
input events alone (see driver.py)."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.journeys import driver

LANGUAGES = ("kk", "ru")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Running:
    """One start of the app: its launch (paths, local server) and its workstation."""

    def __init__(self, launched, workstation) -> None:
        self.launched, self.workstation = launched, workstation

    @property
    def sign_in(self):
        return self.workstation.sign_in

    @property
    def window(self):
        return self.workstation.window

    def quit(self) -> None:
        self.workstation.close()
        for widget in QApplication.topLevelWidgets():
            widget.close()

    def stop(self) -> None:
        self.quit()
        self.launched.stop()


@pytest.fixture
def start_app(qapp, tmp_path, monkeypatch):
    """start_app(*arguments) -> Running: `inspector-app` with these arguments, the sign-in on
    screen. The data folder and the local server's folder and port are the test's own."""
    from inspector_app.desktop.main import launch
    from inspector_app.desktop.ui.shell.app import Workstation

    started: list[Running] = []
    port = free_port()

    def start(*arguments: str) -> Running:
        launched = launch(
            [
                "--data-dir",
                str(tmp_path / "ws"),
                "--server-dir",
                str(tmp_path / "server"),
                "--server-port",
                str(port),
                *arguments,
            ]
        )
        running = Running(launched, Workstation(launched.paths, launched.lang, launched.hint))
        driver.wait_until(running.sign_in.isVisible, what="the sign-in")
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
    for running in reversed(started):  # the application outlives the test: its translators go
        running.workstation.language.switch("en")
    driver.raise_pending()


def sign_in_demo(start_app, lang: str, server: bool = True):
    """`make run` (a demo store, and a local server unless told otherwise), signed in by
    keyboard with the demo passphrase, in the interface language `lang`; the main window."""
    from inspector_app.desktop.main import DEMO_PASSPHRASE

    app = start_app("--demo", *(("--with-local-server",) if server else ()))
    passphrase = driver.find(app.sign_in, "passphrase")
    driver.type_text(passphrase, DEMO_PASSPHRASE)
    driver.key(passphrase, Qt.Key.Key_Return)
    driver.wait_until(lambda: app.window is not None and app.window.isVisible(), 30, "the main window")
    window = app.window
    window.running = app
    if window.language.code != lang:
        driver.choose_data(driver.find(window, "language_box"), lang)
    return window
