"""Input events only: find a widget by its object name (or accessible name) and press it,
type into it, pick from it. Journeys move the story on through this module and nothing else;
they read state only to assert.

Every press is recorded (window class, control key) so that a check can tell which buttons
and actions of the app no journey has pressed."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialogButtonBox, QWidget

SCREENSHOTS = Path(tempfile.gettempdir())  # where a failed look-up leaves a picture of the window
PRESSED: set[tuple[str, str]] = set()  # (window class, control key) of every press


def control_key(widget: QWidget) -> str:
    """How the every-control check names a button: its object name, or its role in a dialog's
    button box."""
    if widget.objectName():
        return widget.objectName()
    box = widget.parent()
    if isinstance(box, QDialogButtonBox) and isinstance(widget, QAbstractButton):
        return "box." + box.standardButton(widget).name
    return ""


def window_key(widget: QWidget) -> str:
    return type(widget.window()).__name__


SEEN: set[tuple[str, str]] = set()  # every button of every window a journey went through
QT_OWN = ("QFileDialog", "QPrintDialog", "QPrintPropertiesDialog", "QColorDialog")


def record(widget: QWidget) -> None:
    PRESSED.add((window_key(widget), control_key(widget)))
    take_inventory(widget.window())


def take_inventory(window: QWidget) -> None:
    """Note every button and tool button of the window, shown or not, but Qt's own dialogs and
    the parts of Qt's widgets (a tab bar's arrows, a calendar's, a field's clear button)."""
    from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QPushButton, QTabBar, QToolButton

    if type(window).__name__ in QT_OWN:
        return
    for button in window.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)):
            continue
        if button.window() is not window or button.objectName().startswith("qt_"):
            continue  # another window's (a dialog lives under its parent), or Qt's own part
        if any(isinstance(a, (QTabBar, QCalendarWidget, QLineEdit)) for a in ancestors(button)):
            continue
        SEEN.add((type(window).__name__, control_key(button) or f"unnamed: {button.text()!r}"))


def ancestors(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def wait_until(condition: Callable[[], object], timeout: float = 15.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            for n, window in enumerate(w for w in QApplication.topLevelWidgets() if w.isVisible()):
                window.grab().save(str(SCREENSHOTS / f"timeout-{n}-{type(window).__name__}.png"))
            raise AssertionError(f"waited {timeout} s for {what or condition}")
        QTest.qWait(20)


def find(root: QWidget, name: str, kind: type = QWidget) -> QWidget:
    """The visible widget under `root` with this object name or accessible name."""
    take_inventory(root.window())
    found = [
        w
        for w in root.findChildren(kind)
        if (w.objectName() == name or w.accessibleName() == name) and w.isVisible()
    ]
    if root.objectName() == name:
        found.insert(0, root)
    if not found:
        root.window().grab().save(str(SCREENSHOTS / f"missing-{name}.png"))
    assert found, f"no visible {kind.__name__} named {name!r} in {type(root).__name__}"
    return found[0]


def box_button(dialog: QWidget, role: QDialogButtonBox.StandardButton) -> QAbstractButton:
    for box in dialog.findChildren(QDialogButtonBox):
        button = box.button(role)
        if button is not None and button.isVisible():
            return button
    raise AssertionError(f"{type(dialog).__name__} has no visible {role.name} button")


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    assert widget.isVisible(), f"{control_key(widget) or widget} is not visible"
    assert widget.isEnabled(), f"{control_key(widget) or widget} is not enabled"
    record(widget)
    activate(widget)
    QTest.mouseClick(
        widget,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        pos if pos is not None else widget.rect().center(),
    )


def press(root: QWidget, name: str) -> None:
    click(find(root, name))


def key(widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    activate(widget)
    QTest.keyClick(widget, key, modifier)


def activate(widget: QWidget) -> None:
    """What the window manager does when a window is clicked or typed into: make it the
    active one (the offscreen platform has no window manager to do it)."""
    window = widget.window()
    if QApplication.activeWindow() is not window and QApplication.activeModalWidget() in (None, window):
        window.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is window, 5, "the window to be active")


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Kazakh letters included, as key events (QTest types only Latin-1)."""
    for char in text:
        if char == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def fill(widget: QWidget, text: str) -> None:
    """Click into a field, select what it holds, type over it."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def choose(combo: QComboBox, text: str) -> None:
    """Open the combo box with the mouse and click the entry that holds `text`."""
    index = next((i for i in range(combo.count()) if text in combo.itemText(i)), None)
    assert index is not None, f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    choose_index(combo, index)


def choose_data(combo: QComboBox, data) -> None:
    """The entry that stands for `data` (whatever its text in the language on screen)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not in {combo.objectName()}"
    choose_index(combo, index)


def choose_index(combo: QComboBox, index: int) -> None:
    click(combo)
    view = combo.view()
    wait_until(view.isVisible, what="the list of the combo box")
    QTest.qWait(QApplication.doubleClickInterval() + 50)  # a release sooner is the opening click's
    model_index = view.model().index(index, combo.modelColumn(), view.rootIndex())
    for attempt in range(3):  # on a loaded machine a click can land while the list still opens
        view.scrollTo(model_index)
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            view.visualRect(model_index).center(),
        )
        try:
            wait_until(lambda: not view.isVisible(), 5.0 if attempt < 2 else 15.0, "the combo box to close")
            break
        except AssertionError:
            if attempt == 2:
                raise
    assert combo.currentIndex() == index


def trigger(action: QAction) -> None:
    """An action through the widget that shows it (a tool button or a menu entry)."""
    for widget in action.associatedObjects():
        if isinstance(widget, QWidget) and widget.isVisible() and hasattr(widget, "defaultAction"):
            PRESSED.add((window_key(widget), action.objectName()))
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"action {action.objectName()} is on no visible tool button")


def modal(kind: type = QWidget, timeout: float = 15.0) -> QWidget:
    wait_until(
        lambda: isinstance(QApplication.activeModalWidget(), kind), timeout, f"a modal {kind.__name__}"
    )
    return QApplication.activeModalWidget()


def then(action: Callable[[QWidget], None], kind: type = QWidget) -> None:
    """Run `action(dialog)` on the next modal dialog of this kind, once it is open: the
    press that opens a dialog with exec() returns only when the dialog has closed."""
    failures: list[BaseException] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(20, attempt)
            return
        try:
            action(dialog)
        except BaseException as error:  # shown by the test, after the dialog is closed
            failures.append(error)
            dialog.grab().save(str(SCREENSHOTS / f"failed-in-{type(dialog).__name__}.png"))
            close_by_escape(dialog)

    QTimer.singleShot(0, attempt)
    PENDING.append(failures)


PENDING: list[list[BaseException]] = []


def close_by_escape(dialog: QWidget) -> None:
    """After a failure in a dialog: Esc, and Yes if it asks whether to discard what was
    entered (the question opens inside the key press, so its answer is set up first)."""

    def discard() -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box is not dialog and box.objectName() == "confirm":
            click(find(box, "yes"))

    QTimer.singleShot(50, discard)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def raise_pending() -> None:
    """Re-raise an assertion that failed inside a dialog's nested event loop."""
    while PENDING:
        failures = PENDING.pop()
        if failures:
            raise failures[0]


def tab(tabs, widget: QWidget) -> None:
    """Click the tab that shows `widget`."""
    bar = tabs.tabBar()
    index = tabs.indexOf(widget)
    assert bar.isTabEnabled(index)
    PRESSED.add((window_key(tabs), f"{tabs.objectName()}:{index}"))
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center()
    )
    wait_until(lambda: tabs.currentWidget() is widget, what="the tab to open")


def drag(widget: QWidget, points: list[QPoint]) -> None:
    """Press, move through the points, release: a stroke of the mouse (or a pen)."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(widget, point, 5)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def answer_file_dialog(dialog, path) -> None:
    """Paste the path into Qt's file dialog and press its accepting button. (Typed a letter at
    a time, the dialog follows every folder on the way; the completer's list, open over the
    field, is closed first: it would take the press.)"""
    from PySide6.QtWidgets import QLineEdit

    name = dialog.findChild(QLineEdit, "fileNameEdit")
    paste(name, str(path))
    popup = name.completer().popup() if name.completer() else None
    if popup is not None and popup.isVisible():
        QTest.keyClick(popup, Qt.Key.Key_Escape)
    wait_until(lambda: popup is None or not popup.isVisible(), what="the completer to close")
    accept = next(
        b
        for role in (QDialogButtonBox.StandardButton.Open, QDialogButtonBox.StandardButton.Save)
        for box in dialog.findChildren(QDialogButtonBox)
        if (b := box.button(role)) is not None and b.isVisible()
    )
    click(accept)


def paste(widget: QWidget, text: str) -> None:
    """Click into a field, select all, paste `text` from the clipboard (Ctrl+V)."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText(text)
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def click_index(view, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Click an entry of a list or table view (with Ctrl, to add it to the selection)."""
    activate(view)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def snapshot(widget: QWidget, name: str) -> None:
    """A picture of the window, kept when INSPECTOR_JOURNEY_SHOTS names a folder (to look at
    what a journey saw)."""
    import os

    folder = os.environ.get("INSPECTOR_JOURNEY_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.window().grab().save(str(Path(folder) / f"{name}.png"))
