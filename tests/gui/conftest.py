import pytest

from inspector_app.core.paths import default_paths
from tests.journeys import driver


@pytest.fixture(autouse=True)
def _dialog_steps():
    """A step run inside a dialog (`driver.then`) that failed fails its test."""
    yield
    driver.raise_pending()


@pytest.fixture
def language(qapp):
    from inspector_app.desktop.ui.shared.i18n import Language
    from inspector_app.desktop.ui.shell.app import load_fonts

    paths = default_paths()
    load_fonts(paths.fonts)
    language = Language(paths.translations, "en")
    yield language
    language.switch("en")  # the application outlives the test: take its translators out


@pytest.fixture
def window(qtbot, store, catalogue, language, facility):
    from inspector_app.desktop.ui.shell.main_window import MainWindow

    main = MainWindow(store, catalogue, language)
    qtbot.addWidget(main)
    main.show()
    main.showNormal()  # the offscreen screen is 800×600, where the window opens maximised:
    main.resize(1366, 696)  # the tests see it as on a 1366×768 laptop screen
    return main


def type_text(widget, text: str) -> None:
    """Type any text, Kazakh letters included, as key events (QTest only types ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
