"""Preview of a rendered PDF, page by page, with zoom, printing and "save as PDF"."""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError, register_messages

log = logging.getLogger(__name__)
MAX_PRINT_DPI = 300  # enough for text and photos; more only grows the print job
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


def page_image(page: pdfium.PdfPage, dpi: float) -> QImage:
    """A page rendered at `dpi` as an RGB QImage that owns its pixels."""
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB byte order
    data = ctypes.string_at(bitmap.buffer, bitmap.stride * bitmap.height)
    image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # detach from `data`


def print_pdfs(pdfs: Sequence[bytes], printer: QPrinter) -> int:
    """Print documents as one job, each page rendered at the printer's resolution (capped)
    and fitted to the paper. Copies from the dialog: the printer makes them if it can,
    otherwise each set is printed again, collated. Returns the number of sheets sent."""
    printer.setFullPage(True)  # the PDF has its own margins
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("preview.printer_unavailable")
    sheets = 0
    try:
        for _ in range(copies):
            for pdf in pdfs:
                doc = pdfium.PdfDocument(pdf)
                try:
                    for page in doc:
                        if sheets and not printer.newPage():
                            raise UserError("preview.printer_unavailable")
                        _paint_fitted(painter, page_image(page, dpi))
                        sheets += 1
                finally:
                    doc.close()
    finally:
        painter.end()
    return sheets


def _paint_fitted(painter: QPainter, image: QImage) -> None:
    area = painter.viewport()
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRect(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + (area.height() - size.height()) // 2,
        size.width(),
        size.height(),
    )
    painter.drawImage(target, image)


class DocumentPreview(QWidget):
    """Shows PDF bytes one page at a time; zoom in/out/fit width; print; save as PDF.

    Signals:
        page_changed(int, int): the page shown (1-based) and the page count.
        saved(str): the path a PDF was saved to.
        printed(int): sheets sent to the printer.
        failed(str): a problem, in the user's language (also shown in a message box when
            it came from a button).
    """

    page_changed = Signal(int, int)
    saved = Signal(str)
    printed = Signal(int)
    failed = Signal(str)

    def __init__(self, lang: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._pdf = b""
        self._name = "document.pdf"
        self._index = 0
        self._zoom = 1.0
        self._fit = True
        self._printer: QPrinter | None = None
        self._pages = 0
        self._build()
        self._update_controls()

    # --- public API -----------------------------------------------------------------

    def set_pdf(self, pdf: bytes, name: str = "document.pdf") -> None:
        """Show a new document from its first page, fitted to the width."""
        self._pdf, self._name = pdf, name
        self._pages = 0
        if pdf:
            with closing(pdfium.PdfDocument(pdf)) as doc:  # opened only while drawing a page
                self._pages = len(doc)
        self._index, self._fit = 0, True
        self._show_page()

    def page_count(self) -> int:
        return self._pages

    def current_page(self) -> int:
        """1-based; 0 when nothing is shown."""
        return self._index + 1 if self.page_count() else 0

    def zoom(self) -> float:
        return self._zoom

    def go_to(self, page: int) -> None:
        if self.page_count():
            self._index = max(0, min(page - 1, self.page_count() - 1))
            self._show_page()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit = True
        self._show_page()

    def print_documents(self, pdfs: Sequence[bytes], printer: QPrinter) -> int:
        """Print several documents as one job ("print all for signature")."""
        sheets = print_pdfs(pdfs, printer)
        self.printed.emit(sheets)
        return sheets

    def save_pdf(self, path: str | Path) -> None:
        """Write the shown PDF; raises UserError when the disk refuses."""
        target = Path(path)
        try:
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(self._pdf)
            tmp.replace(target)
        except OSError as exc:
            raise UserError("preview.save_failed", path=str(target), reason=exc.strerror or "") from exc
        self.saved.emit(str(target))

    # --- slots -----------------------------------------------------------------------

    def on_print_clicked(self) -> None:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._report(lambda: self.print_documents([self._pdf], self._printer))

    def on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self._name, "PDF (*.pdf)")
        if path:
            self._report(lambda: self.save_pdf(path))

    # --- inside ----------------------------------------------------------------------

    def _texts(self) -> dict[str, tuple[str, str]]:
        return {
            "previous": ("◀", self.tr("Previous page")),
            "next": ("▶", self.tr("Next page")),
            "zoom_out": ("−", self.tr("Zoom out")),
            "zoom_in": ("+", self.tr("Zoom in")),
            "fit": ("↔", self.tr("Fit to width")),
            "print": (self.tr("Print…"), self.tr("Print")),
            "save": (self.tr("Save as PDF…"), self.tr("Save as PDF")),
        }

    def retranslate(self) -> None:
        for key, (text, tip) in self._texts().items():
            self._buttons[key].setText(text)
            self._buttons[key].setToolTip(tip)
            self._buttons[key].setAccessibleName(tip)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build(self) -> None:
        self._buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for key, slot in (
            ("previous", self.previous_page),
            ("next", self.next_page),
            ("zoom_out", self.zoom_out),
            ("zoom_in", self.zoom_in),
            ("fit", self.fit_width),
            ("print", self.on_print_clicked),
            ("save", self.on_save_clicked),
        ):
            button = QToolButton(self)
            button.setObjectName(f"preview_{key}")
            button.clicked.connect(slot)
            self._buttons[key] = button
        self.retranslate()
        self._page_label = QLabel(self)
        for key in ("previous", "next"):
            bar.addWidget(self._buttons[key])
        bar.insertWidget(1, self._page_label)
        bar.addStretch(1)
        for key in ("zoom_out", "zoom_in", "fit", "print", "save"):
            bar.addWidget(self._buttons[key])
        self._canvas = QLabel(self)
        self._canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(self._canvas)
        self._scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._scroll, 1)

    def _set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = max(ZOOM_RANGE[0], min(zoom, ZOOM_RANGE[1]))
        self._show_page()

    def _show_page(self) -> None:
        if not self.page_count():
            self._canvas.clear()
            self._update_controls()
            return
        doc = pdfium.PdfDocument(self._pdf)
        page = doc[self._index]
        try:
            if self._fit:
                width = max(100, self._scroll.viewport().width() - 8)
                self._zoom = width / page.get_width()
            ratio = self.devicePixelRatioF()
            image = page_image(page, 72 * self._zoom * ratio)
        finally:
            page.close()
            doc.close()
        image.setDevicePixelRatio(ratio)
        self._canvas.setPixmap(QPixmap.fromImage(image))
        self._update_controls()
        self.page_changed.emit(self.current_page(), self.page_count())

    def _update_controls(self) -> None:
        count = self.page_count()
        self._page_label.setText(f"{self.current_page()} / {count}")
        self._buttons["previous"].setEnabled(self.current_page() > 1)
        self._buttons["next"].setEnabled(self.current_page() < count)
        for key in ("zoom_out", "zoom_in", "fit", "print", "save"):
            self._buttons[key].setEnabled(count > 0)

    def _report(self, action) -> None:
        try:
            action()
        except UserError as err:
            message = err.message(self._lang)
            self.failed.emit(message)
            QMessageBox.warning(self, self.tr("Document"), message)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit and self.page_count():
            self._show_page()

    def sizeHint(self) -> QSize:
        return QSize(700, 900)


register_messages(
    {
        "preview.printer_unavailable": {
            "kk": "Принтер қолжетімсіз. Принтердің қосулы екенін және қағаз бар екенін тексеріп, қайталаңыз.",
            "ru": "Принтер недоступен. Проверьте, что он включён и в нём есть бумага, и повторите.",
            "en": "The printer is not available. Check that it is on and has paper, then try again.",
        },
        "preview.save_failed": {
            "kk": "PDF файлын сақтау мүмкін болмады ({path}): {reason}. Басқа буманы таңдаңыз.",
            "ru": "Не удалось сохранить PDF ({path}): {reason}. Выберите другую папку.",
            "en": "Could not save the PDF ({path}): {reason}. Choose another folder.",
        },
    }
)
