"""An on-screen signature pad for mouse, pen (tablet) and touch.

An empty or near-empty pad is never a signature: `signature_png()` returns None (the
person refused or did not sign) unless there is enough ink, spread over enough of the pad.
One continuous stroke is accepted (many people sign that way) if it is long enough; a dot,
a short dash or a flat line is not.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(12, 24, 96)
# what a signature needs, relative to the pad
MIN_POINTS = 12
MIN_WIDTH_SHARE = 0.2  # ink at least this share of the pad's width...
MIN_HEIGHT_SHARE = 0.08  # ...and of its height (a flat line is not a signature)
MIN_PATH_SHARE = 0.6  # total ink length, as a share of the pad's width
OUTPUT_MAX = QSize(600, 200)


class SignaturePad(QWidget):
    """Draw with the mouse, a pen or a finger; `clear()`; `signature_png()`.

    Signals:
        changed(): ink was added or cleared.
        signed(bool): emitted with `changed`: whether the ink now counts as a signature.
    """

    changed = Signal()
    signed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(240, 90)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))

    # --- public API -----------------------------------------------------------------

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = False
        self.update()
        self._notify()

    def strokes(self) -> list[list[tuple[float, float]]]:
        return [[(p.x(), p.y()) for p in s] for s in self._strokes]

    def is_signed(self) -> bool:
        points = [p for s in self._strokes for p in s]
        if len(points) < MIN_POINTS or self.width() <= 0:
            return False
        box = _bounds(points)
        length = sum(_length(s) for s in self._strokes)
        return (
            box.width() >= MIN_WIDTH_SHARE * self.width()
            and box.height() >= MIN_HEIGHT_SHARE * self.height()
            and length >= MIN_PATH_SHARE * self.width()
        )

    def signature_png(self) -> bytes | None:
        """The ink cropped to its bounds on white, as PNG; None when the pad is not signed."""
        if not self.is_signed():
            return None
        box = _bounds([p for s in self._strokes for p in s]).adjusted(-6, -6, 6, 6)
        scale = min(1.0, OUTPUT_MAX.width() / box.width(), OUTPUT_MAX.height() / box.height())
        image = QImage(
            max(1, round(box.width() * scale)),
            max(1, round(box.height() * scale)),
            QImage.Format.Format_RGB32,
        )
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-box.topLeft())
        self._paint_ink(painter, max(2.0, 3.0 / scale))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # the stubs want bytes for the format, but PySide6 takes only str here
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

    # --- input -------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event) -> None:
        kind = event.type()
        if kind == event.Type.TabletPress:
            self._begin(event.position())
        elif kind == event.Type.TabletMove and self._drawing:
            self._extend(event.position())
        elif kind == event.Type.TabletRelease:
            self._end()
        event.accept()  # no synthesized mouse events on top

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (event.Type.TouchBegin, event.Type.TouchUpdate, event.Type.TouchEnd):
            points = event.points()
            if points:
                where = self.mapFromGlobal(points[0].globalPosition())
                if kind == event.Type.TouchBegin:
                    self._begin(where)
                elif kind == event.Type.TouchUpdate and self._drawing:
                    self._extend(where)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # --- drawing -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor(170, 170, 170), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 24
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        if not self._strokes:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(
                self.rect().adjusted(16, 0, -16, -30),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                self.tr("Sign here"),
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_ink(painter, 2.5)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def _paint_ink(self, painter: QPainter, width: float) -> None:
        pen = QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def _begin(self, where: QPointF) -> None:
        self._drawing = True
        self._strokes.append([QPointF(where)])
        self.update()

    def _extend(self, where: QPointF) -> None:
        self._strokes[-1].append(QPointF(where))
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self._notify()

    def _notify(self) -> None:
        self.changed.emit()
        self.signed.emit(self.is_signed())


def _bounds(points: list[QPointF]) -> QRectF:
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(min(xs), min(ys), max(1.0, max(xs) - min(xs)), max(1.0, max(ys) - min(ys)))


def _length(stroke: list[QPointF]) -> float:
    return sum(math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in itertools.pairwise(stroke))
