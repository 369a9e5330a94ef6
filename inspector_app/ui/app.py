"""Application start: fonts, language, sign-in, main window."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..catalogue import FormCatalogue
from ..config import Paths
from ..storage.store import Store
from .i18n import Language
from .main_window import MainWindow
from .sign_in import SignInDialog

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


def build_main_window(store: Store, paths: Paths, language: Language) -> MainWindow:
    received = paths.data / "forms"  # forms that came from the server
    return MainWindow(store, FormCatalogue.load(paths.forms, received), language, received)


def run(paths: Paths, lang: str = "kk", hint: str = "") -> int:
    logging.basicConfig(level=logging.INFO)
    app = make_application(sys.argv)
    load_fonts(paths.fonts)
    language = Language(paths.translations, lang)
    sign_in = SignInDialog(paths.data, language)
    if hint:
        sign_in.error.setText(hint)
    if not sign_in.exec() or sign_in.store is None:
        return 0
    store = sign_in.store
    language.switch(store.reference.profile().language)
    window = build_main_window(store, paths, language)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
