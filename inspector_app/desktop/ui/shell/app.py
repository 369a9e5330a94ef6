"""Application start: fonts, language, sign-in, main window."""

from __future__ import annotations

import gc
import logging
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector_app.core.paths import Paths
from inspector_app.desktop.storage import crypto
from inspector_app.desktop.ui.shared.i18n import Language

if TYPE_CHECKING:  # imported when first needed: the sign-in dialog comes up sooner
    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.desktop.storage.store import Store
    from inspector_app.desktop.ui.shell.main_window import MainWindow

UI_FONT = "DejaVu Sans"


def load_fonts(folder: Path) -> None:
    """The shipped fonts cover every Kazakh letter whatever the system has."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(folder / name))
    QApplication.setFont(QFont(UI_FONT, 10))


def make_application(argv: list[str]) -> QApplication:
    app = cast(QApplication, QApplication.instance()) or QApplication(argv)
    app.setApplicationName("Field Inspector")
    app.setOrganizationName("FieldInspector")
    return app


def load_catalogue(paths: Paths):
    """The checklists, read on first use: the main window reads them once it is on screen."""
    from inspector_app.core.forms.catalogue import FormCatalogue

    return FormCatalogue.deferred(paths.forms, paths.data / "forms")  # shipped, then received


@contextmanager
def collection_paused():
    """Loading the modules makes tens of thousands of objects that live as long as the app:
    collecting garbage meanwhile walks them again and again and frees next to nothing. So
    collection waits, and what was loaded is frozen: later collections skip it too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def unlock_while_loading(folder: Path, passphrase: str, paths: Paths):
    """Stretch the passphrase on a thread (scrypt lets go of the interpreter meanwhile) while
    the store's and the window's modules load here. (Store, catalogue not read yet)."""
    outcome: dict = {}

    def unlock() -> None:
        try:
            outcome["keys"] = crypto.unlock(folder / crypto.KEY_NAME, passphrase)
        except BaseException as error:  # handed over to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=unlock, name="unlock")
    thread.start()
    with collection_paused():
        from inspector_app.desktop.storage.store import open_with_keys
        from inspector_app.desktop.ui.shell import main_window  # noqa: F401  (imported now, used just after)

        catalogue = load_catalogue(paths)
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return open_with_keys(folder, outcome["keys"]), catalogue


def build_main_window(
    store: Store, paths: Paths, language: Language, catalogue: FormCatalogue | None = None
) -> MainWindow:
    from inspector_app.desktop.ui.shell.main_window import MainWindow

    with collection_paused():
        return MainWindow(store, catalogue or load_catalogue(paths), language, paths.data / "forms")


class Workstation:
    """The app as it runs: the sign-in dialog, then the main window once the store is open.
    `run` waits for it in Qt's event loop; the journey tests drive the same objects by input
    events."""

    def __init__(self, paths: Paths, lang: str = "kk", hint: str = "") -> None:
        from inspector_app.desktop.ui.shell.sign_in import SignInDialog

        self.paths = paths
        self.app = make_application(sys.argv)
        load_fonts(paths.fonts)
        self.language = Language(paths.translations, lang)
        self.prepared: dict[str, Any] = {}
        self.window: MainWindow | None = None
        self.sign_in = SignInDialog(paths.data, self.language, opener=self.open_store)
        if hint:
            self.sign_in.error.setText(hint)
        self.sign_in.accepted.connect(self.on_signed_in)
        self.sign_in.show()

    @property
    def store(self) -> Store | None:
        return self.sign_in.store

    def open_store(self, folder: Path, passphrase: str) -> Store:
        store, self.prepared["catalogue"] = unlock_while_loading(folder, passphrase, self.paths)
        return store

    def on_signed_in(self) -> None:
        store = self.store
        assert store is not None  # accepted only once a store is open
        self.language.switch(store.reference.profile().language)
        self.window = build_main_window(store, self.paths, self.language, self.prepared.get("catalogue"))
        self.window.restart_needed.connect(self.app.quit)  # a restore is put in place at the next start
        self.window.show()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.store is not None:
            self.store.close()


def run(paths: Paths, lang: str = "kk", hint: str = "") -> int:
    logging.basicConfig(level=logging.INFO)
    workstation = Workstation(paths, lang, hint)
    workstation.sign_in.rejected.connect(workstation.app.quit)
    try:
        return workstation.app.exec()
    finally:
        workstation.close()
