"""The message line at the foot of the main window: one problem or notice at a time, with a
close button, on a row of its own height in the status bar, so nothing moves under the mouse."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

STYLES = {
    True: "QWidget#banner { background: #fde7e9; } QLabel { color: #8a0010; }",
    False: "QWidget#banner { background: #e8f0fe; } QLabel { color: #0b3d91; }",
}


class Banner(QWidget):
    """Shows `text` cut to one line (the whole text in its tooltip); `source` says which part
    of the app the message is about ("sync", "import", ...), so that part can take it back
    when the problem is gone (`clear(source)`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(self.attribute_styled())
        self.source = ""
        self._text = ""
        self.label = QLabel()
        self.label.setObjectName("banner_text")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton()
        self.close_button.setObjectName("banner_close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.close_button)  # first: beside the words it closes
        layout.addWidget(self.label, 1)
        self.setFixedHeight(max(self.close_button.sizeHint().height(), self.fontMetrics().height() + 6))
        self.retranslate()
        self.setVisible(False)

    @staticmethod
    def attribute_styled():
        from PySide6.QtCore import Qt  # not at import: see models.DISPLAY

        return Qt.WidgetAttribute.WA_StyledBackground  # the style sheet paints the background

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close the message"))
        self.close_button.setAccessibleName(self.tr("Close the message"))

    def text(self) -> str:
        return self._text

    def show_message(self, text: str, source: str, problem: bool = True) -> None:
        self._text, self.source = text, source
        self.setStyleSheet(STYLES[problem])
        self.label.setToolTip(text)
        self._elide()
        self.setVisible(True)

    def clear(self, source: str | None = None) -> None:
        """Take the message away: any message, or only one about `source`."""
        if source is None or source == self.source:
            self._text, self.source = "", ""
            self.label.clear()
            self.setVisible(False)

    def on_close_clicked(self) -> None:
        self.clear()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        from PySide6.QtCore import Qt  # not at import: see models.DISPLAY

        first = self._text.split("\n")
        line = first[0] + (" …" if len(first) > 1 else "")
        self.label.setText(
            self.label.fontMetrics().elidedText(
                line, Qt.TextElideMode.ElideRight, max(self.label.width(), 50)
            )
        )
