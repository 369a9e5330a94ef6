"""Object names for a window's widgets, from the attributes that hold them: tests and
accessibility tools find a control by a stable name (`finalise_button`, `buttons_violated`)
rather than by its translated text."""
from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


def name_children(owner: QWidget) -> None:
    """Name every widget held by an attribute of `owner` (or by a dict or list attribute)
    after that attribute, unless it has a name already."""
    for attribute, value in vars(owner).items():
        if attribute.startswith("_"):
            continue
        for suffix, widget in _widgets(value):
            if isValid(widget) and not widget.objectName():  # a replaced widget may be gone
                widget.setObjectName(attribute + suffix)


def _widgets(value) -> list[tuple[str, QWidget]]:
    if isinstance(value, QWidget):
        return [("", value)]
    if isinstance(value, dict):
        return [(f"_{_key(k)}", w) for k, w in value.items() if isinstance(w, QWidget)]
    if isinstance(value, (list, tuple)):
        return [(f"_{n}", w) for n, w in enumerate(value, start=1) if isinstance(w, QWidget)]
    return []


def _key(key) -> str:
    return str(key.value if isinstance(key, Enum) else key)


class Namer(QObject):
    """Names the widgets of each of the app's own widgets when it is first shown, so that
    every window and dialog is covered without each naming its own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            for widget in (watched, *watched.findChildren(QWidget)):
                if type(widget).__module__.startswith(__package__):
                    name_children(widget)
        return False
