"""One photo on the whole screen: full size, scaled down to fit (never up), in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

SCREEN_SHARE = 0.9  # of the screen's free area the dialog may take


class PhotoViewer(QDialog):
    """Shows `image`, as large as the screen allows; Esc or Close closes it."""

    def __init__(self, image: QImage, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self.setWindowTitle(caption)
        self.image = image
        self.picture = QLabel()
        self.picture.setObjectName("photo_image")
        self.picture.setAccessibleName(self.tr("Photo"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(64, 64)
        self.caption = QLabel(caption)
        self.caption.setObjectName("photo_caption")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("photo_close")
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addLayout(bottom)
        self.resize(self.fitting_size())

    def available(self) -> QSize:
        """The part of the screen the dialog may cover."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        free = screen.availableGeometry().size()
        return QSize(int(free.width() * SCREEN_SHARE), int(free.height() * SCREEN_SHARE))

    def fitting_size(self) -> QSize:
        """The image at 100 %, or scaled down to fit the screen, plus the caption row."""
        chrome = QSize(24, self.close_button.sizeHint().height() + 36)
        room = self.available() - chrome
        picture = self.image.size()
        if picture.width() > room.width() or picture.height() > room.height():
            picture = picture.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        wanted = picture + chrome
        return QSize(max(wanted.width(), 320), max(wanted.height(), 200))

    def shown_scale(self) -> float:
        """How large the image is drawn now, 1.0 being its own size."""
        pixmap = self.picture.pixmap()
        return pixmap.width() / max(1, self.image.width()) if pixmap and not pixmap.isNull() else 0.0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.picture.contentsRect().size()
        if self.image.width() > room.width() or self.image.height() > room.height():
            shown = self.image.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        else:
            shown = self.image
        self.picture.setPixmap(QPixmap.fromImage(shown))
