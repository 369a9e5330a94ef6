"""Small input widgets the dialogs share: a date, a text entered per language, people a line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from inspector_app.core.domain.models import Localized, Person
from inspector_app.desktop.ui.shared.dialogs import DateField


def date_edit(value: dt.date) -> QDateEdit:
    return DateField(value)


def to_date(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


class LangPair(QWidget):
    """The same text in Kazakh and in Russian, side by side (or one above the other for long
    texts). The edits are named `<name>_kk` and `<name>_ru`; a document printed in one
    language needs only that language."""

    def __init__(self, name: str, multiline: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        make = QPlainTextEdit if multiline else QLineEdit
        self.kk, self.ru = make(), make()
        layout = QVBoxLayout(self) if multiline else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for code, edit in (("kk", self.kk), ("ru", self.ru)):
            edit.setObjectName(f"{name}_{code}")
            edit.setAccessibleName(f"{name} ({code})")
            if multiline:
                edit.setFixedHeight(54)
            row = QHBoxLayout()
            tag = QLabel({"kk": "ҚАЗ", "ru": "РУС"}[code])
            tag.setStyleSheet("color: #666")
            row.addWidget(tag)
            row.addWidget(edit)
            layout.addLayout(row)

    def value(self) -> Localized:
        return Localized(self._text(self.kk), self._text(self.ru))

    def set_value(self, value: Localized) -> None:
        for edit, text in ((self.kk, value.kk), (self.ru, value.ru)):
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            else:
                edit.setPlainText(text)

    @staticmethod
    def _text(edit: QLineEdit | QPlainTextEdit) -> str:
        return (edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()).strip()


def parse_witnesses(text: str) -> list[Person]:
    """One person a line: "Name; address; position" (the position may be left out)."""
    people = []
    for line in text.splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split(";")] + ["", ""]
            people.append(Person(parts[0], position=parts[2], address=parts[1]))
    return people
