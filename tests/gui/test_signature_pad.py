"""The signature pad: an empty or near-empty pad is never a signature."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QEventPoint,
    QInputDevice,
    QMouseEvent,
    QPointingDevice,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QApplication

from inspector_app.desktop.ui.documents.signature_pad import SignaturePad


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(480, 160)
    widget.show()
    return widget


def mouse(pad, kind, point, buttons=Qt.MouseButton.LeftButton):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    pos = QPointF(*point)
    QApplication.sendEvent(
        pad, QMouseEvent(kind, pos, pad.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier)
    )


def draw(pad, points):
    mouse(pad, QEvent.Type.MouseButtonPress, points[0])
    for p in points[1:]:
        mouse(pad, QEvent.Type.MouseMove, p)
    mouse(pad, QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def squiggle(x0=40, x1=420, y=80, amplitude=35, n=60):
    return [(x0 + (x1 - x0) * i / n, y + amplitude * math.sin(i / 3)) for i in range(n + 1)]


def test_empty_pad_is_no_signature(pad):
    assert pad.signature_png() is None and not pad.is_signed()


@pytest.mark.parametrize(
    "scribble",
    [
        [(200, 80)],  # a click
        [(200, 80), (204, 82), (207, 81)],  # a tick
        [(100, 80 + (i % 2)) for i in range(40)],  # many points on one spot
        [(40 + 9 * i, 100) for i in range(40)],  # a flat line across the pad
        squiggle(200, 250, amplitude=30, n=30),  # ink squeezed into a corner
    ],
)
def test_near_empty_pad_is_no_signature(pad, scribble):
    draw(pad, scribble)
    assert pad.strokes()  # the ink is there...
    assert pad.signature_png() is None  # ...but it is not a signature


def test_a_signature_gives_a_png_of_the_ink(pad, qtbot):
    with qtbot.waitSignal(pad.signed) as signed:
        draw(pad, squiggle())
    assert signed.args == [True]
    png = pad.signature_png()
    image = Image.open(io.BytesIO(png)).convert("L")
    dark = image.histogram()[:128]
    dark = sum(dark)
    assert image.width > 300 and dark > 300
    assert image.getpixel((0, 0)) == 255  # white paper around the ink


def test_two_strokes_count_and_clear_empties_the_pad(pad, qtbot):
    draw(pad, squiggle(40, 240, amplitude=30, n=30))
    draw(pad, squiggle(250, 430, amplitude=25, n=30))
    assert len(pad.strokes()) == 2 and pad.signature_png() is not None
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.strokes() == [] and pad.signature_png() is None


def test_pen_on_a_tablet_draws(pad):
    device = QPointingDevice(
        "pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    points = squiggle()
    kinds = (
        [QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * (len(points) - 2) + [QEvent.Type.TabletRelease]
    )
    for kind, point in zip(kinds, points, strict=True):
        pos = QPointF(*point)
        event = QTabletEvent(
            kind,
            device,
            pos,
            pad.mapToGlobal(pos),
            0.6,
            0,
            0,
            0,
            0,
            0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)
    assert len(pad.strokes()) == 1 and pad.signature_png() is not None


def test_finger_on_a_touch_screen_draws(pad):
    screen = QPointingDevice(
        "screen",
        2,
        QInputDevice.DeviceType.TouchScreen,
        QPointingDevice.PointerType.Finger,
        QInputDevice.Capability.Position,
        10,
        0,
    )
    points = squiggle()
    phases = (
        [(QEvent.Type.TouchBegin, QEventPoint.State.Pressed)]
        + [(QEvent.Type.TouchUpdate, QEventPoint.State.Updated)] * (len(points) - 2)
        + [(QEvent.Type.TouchEnd, QEventPoint.State.Released)]
    )
    for (kind, state), point in zip(phases, points, strict=True):
        pos = QPointF(*point)
        touch = QEventPoint(1, state, pos, pad.mapToGlobal(pos))
        QApplication.sendEvent(pad, QTouchEvent(kind, screen, Qt.KeyboardModifier.NoModifier, [touch]))
    assert len(pad.strokes()) == 1 and pad.signature_png() is not None
