"""Shared dialog behaviour: a Yes/No question in the interface language, dialogs that ask
before throwing away what was typed, and a date field that takes a date typed whole."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

DATE_SEPARATORS = ".,/-"


class ConfirmBox(QMessageBox):
    """A question answered Yes or No (buttons `yes` and `no`, worded in the interface
    language even where Qt has no translation of its own); No is the default and Esc."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("confirm")
        self.yes = self.addButton(self.tr("Yes"), QMessageBox.ButtonRole.YesRole)
        self.yes.setObjectName("yes")
        self.no = self.addButton(self.tr("No"), QMessageBox.ButtonRole.NoRole)
        self.no.setObjectName("no")
        self.setDefaultButton(self.no)
        self.setEscapeButton(self.no)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask; True only for an explicit Yes."""
    box = ConfirmBox(title, text, parent)
    box.exec()
    return box.clickedButton() is box.yes


def field_state(widget: QWidget):
    """What the user can change in an input widget; None for anything else."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def typed_text(widget: QWidget) -> bool:
    """A text field (not the line inside a spin box or combo box) holding text."""
    inner = isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))
    return isinstance(widget, (QLineEdit, QPlainTextEdit)) and not inner and bool(field_state(widget))


class GuardedDialog(QDialog):
    """A dialog of fields that asks "Discard what you entered?" before Escape, Cancel or
    closing the window throw away a change. The fields as first shown are the reference;
    one added later counts as changed once text is typed into it. Tab leaves multi-line
    fields instead of typing a tab character."""

    _shown_with: dict | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_with is None:
            self._shown_with = self._field_states()
            for edit in self.findChildren(QPlainTextEdit):
                edit.setTabChangesFocus(True)

    def _field_states(self) -> dict:
        return {w: s for w in self.findChildren(QWidget) if (s := field_state(w)) is not None}

    def is_changed(self) -> bool:
        """Whether any field differs from how the dialog opened."""
        before = self._shown_with or {}
        return any(
            state != before[w] if w in before else typed_text(w) for w, state in self._field_states().items()
        )

    def reject(self) -> None:
        if self.is_changed() and not confirm(self, self.windowTitle(), self.tr("Discard what you entered?")):
            return
        super().reject()


class DateField(QDateEdit):
    """A date field that takes a date typed whole ("05.12.2026", "5.12.2026" or "05122026").

    Focus selects the whole date, a click included (Qt would put the cursor in the section
    clicked, and typing there mixes the old date with the new). Typing over the selected
    date starts from the 1st of January of its year and fills day, month and year in turn;
    a separator typed right after a full section is not taken as a jump over the next one.
    """

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if value is not None:
            self.setDate(QDate(value.year, value.month, value.day))
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self._select_on_press = False
        self._section_just_filled = False
        self.lineEdit().installEventFilter(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()
        self._select_on_press = event.reason() == Qt.FocusReason.MouseFocusReason

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._select_on_press = False  # the calendar button: the next click places the cursor
        super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.lineEdit()
            and event.type() == QEvent.Type.MouseButtonPress
            and self._select_on_press
        ):  # the click that brought the focus selects all
            self._select_on_press = False
            self.selectAll()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text, edit = event.text(), self.lineEdit()
        self._select_on_press = False
        if text.isdigit() and edit.hasSelectedText() and edit.selectedText() == edit.text():
            self.setDate(QDate(self.date().year(), 1, 1))
            self.setSelectedSection(self.sectionAt(0))
        elif text and text in DATE_SEPARATORS and self._section_just_filled:
            self._section_just_filled = False
            event.accept()
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._section_just_filled = text.isdigit() and self.currentSection() != section
