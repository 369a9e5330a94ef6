"""Application start: fonts, language, sign-in, main window."""
from __future__ import annotations

import gc
import logging
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..config import Paths
from ..storage import crypto
from .i18n import Language

UI_FONT = "DejaVu Sans"


def load_fonts(folder: Path) -> None:
    """The shipped fonts cover every Kazakh letter whatever the system has."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(folder / name))
    QApplication.setFont(QFont(UI_FONT, 10))


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Field Inspector")
    app.setOrganizationName("FieldInspector")
    return app


def load_catalogue(paths: Paths):
    """The checklists, read on first use: the main window reads them once it is on screen."""
    from ..catalogue import FormCatalogue

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
        from ..storage.store import open_with_keys
        from . import main_window  # noqa: F401  (imported now, used just after)
        catalogue = load_catalogue(paths)
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return open_with_keys(folder, outcome["keys"]), catalogue


def build_main_window(store, paths: Paths, language: Language, catalogue=None):
    from .main_window import MainWindow

    with collection_paused():
        return MainWindow(store, catalogue or load_catalogue(paths), language, paths.data / "forms")


def run(paths: Paths, lang: str = "kk", hint: str = "") -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_application(sys.argv)
    load_fonts(paths.fonts)
    language = Language(paths.translations, lang)
    from .sign_in import SignInDialog

    prepared: dict = {}

    def opener(folder: Path, passphrase: str):
        store, prepared["catalogue"] = unlock_while_loading(folder, passphrase, paths)
        return store
    sign_in = SignInDialog(paths.data, language, opener=opener)
    if hint:
        sign_in.error.setText(hint)
    if not sign_in.exec() or sign_in.store is None:
        return 0
    store = sign_in.store
    language.switch(store.reference.profile().language)
    window = build_main_window(store, paths, language, prepared.get("catalogue"))
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
