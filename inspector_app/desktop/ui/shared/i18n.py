"""Interface language: Qt translation files for the chrome, `Bilingual` texts for data.

Signals:
    changed(str): the language code after a switch ("kk", "ru" or "en").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))
LOCALES = {"kk": QLocale.Language.Kazakh, "ru": QLocale.Language.Russian, "en": QLocale.Language.English}

# Texts passed to tr() through a variable or inside an f-string, which lupdate cannot read
# at the call site: listed here so they reach the translation files.
DYNAMIC_TEXTS = (
    QT_TRANSLATE_NOOP("RegisterView", "high"),
    QT_TRANSLATE_NOOP("RegisterView", "medium"),
    QT_TRANSLATE_NOOP("RegisterView", "low"),
    QT_TRANSLATE_NOOP("MainWindow", "Unavailable"),
    QT_TRANSLATE_NOOP("InspectionPage", "act No."),
    QT_TRANSLATE_NOOP("DocumentsView", "pages"),
)


def qt_translations() -> Path:
    """Qt's own texts (OK / Cancel buttons, file dialogs, context menus) ship with PySide6."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class Language(QObject):
    changed = Signal(str)

    def __init__(self, translations: Path, code: str = "kk") -> None:
        super().__init__()
        self._folder = translations
        self._translators: list[QTranslator] = []
        self.code = ""
        self.switch(code)

    def switch(self, code: str) -> None:
        if code == self.code:
            return
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        if code != "en":  # English is the source language
            for path in (self._folder / f"inspector_{code}.qm", qt_translations() / f"qtbase_{code}.qm"):
                translator = QTranslator(self)
                if translator.load(str(path)):
                    QCoreApplication.installTranslator(translator)
                    self._translators.append(translator)
        # calendars, month and day names follow too
        QLocale.setDefault(QLocale(LOCALES[code], QLocale.Country.Kazakhstan))
        self.code = code
        self.changed.emit(code)
