"""Interface language: Qt translation files for the chrome, `Bilingual` texts for data.

Signals:
    changed(str): the language code after a switch ("kk", "ru" or "en").
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"), ("en", "English"))


class Language(QObject):
    changed = Signal(str)

    def __init__(self, translations: Path, code: str = "kk") -> None:
        super().__init__()
        self._folder = translations
        self._translator: QTranslator | None = None
        self.code = ""
        self.switch(code)

    def switch(self, code: str) -> None:
        if code == self.code:
            return
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if code != "en":  # English is the source language
            translator = QTranslator(self)
            if translator.load(str(self._folder / f"inspector_{code}.qm")):
                app.installTranslator(translator)
                self._translator = translator
        self.code = code
        self.changed.emit(code)
