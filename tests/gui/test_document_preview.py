"""The PDF preview: paging, zoom, printing to a PDF printer, saving."""

from __future__ import annotations

import io

import pypdf
import pytest
from PIL import ImageFilter
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from inspector_app.core.documents import render_act, render_protocol, render_referral
from inspector_app.core.domain.errors import UserError
from inspector_app.demo.documents import sample_context
from inspector_app.desktop.ui.documents.document_preview import DocumentPreview
from tests.documents.pdfcheck import mean_difference, render_page


@pytest.fixture(scope="module")
def documents():
    ctx = sample_context(n_items=8, n_photos=2)
    return [render_act(ctx, "ru"), render_protocol(ctx, "m1", "kk"), render_referral(ctx, "m5", "kk+ru")]


@pytest.fixture
def preview(qtbot):
    widget = DocumentPreview(lang="kk")
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    return widget


def pdf_printer(path, copies: int = 1) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(100)
    printer.setCopyCount(copies)
    return printer


def test_pages_forward_and_back_with_label(preview, documents, qtbot):
    act = documents[0]
    assert act.pages >= 3
    with qtbot.waitSignal(preview.page_changed) as shown:
        preview.set_pdf(act.pdf, act.filename())
    assert shown.args == [1, act.pages]
    assert preview._page_label.text() == f"1 / {act.pages}"
    assert not preview._buttons["previous"].isEnabled() and preview._buttons["next"].isEnabled()
    preview._buttons["next"].click()
    assert preview.current_page() == 2 and preview._page_label.text() == f"2 / {act.pages}"
    preview.go_to(99)
    assert preview.current_page() == act.pages and not preview._buttons["next"].isEnabled()
    preview.previous_page()
    assert preview.current_page() == act.pages - 1


def test_zoom_in_out_and_fit_width(preview, documents):
    preview.set_pdf(documents[2].pdf)
    fitted = preview._canvas.pixmap().width()
    viewport = preview._scroll.viewport().width()
    assert abs(fitted / preview._canvas.pixmap().devicePixelRatio() - viewport) < 20
    preview.zoom_in()
    assert preview._canvas.pixmap().width() > fitted * 1.2
    preview.zoom_out()
    preview.zoom_out()
    assert preview._canvas.pixmap().width() < fitted
    preview.fit_width()
    assert preview._canvas.pixmap().width() == fitted


def test_shown_page_is_the_pdf_page(preview, documents):
    doc = documents[1]
    preview.set_pdf(doc.pdf)
    shown = preview._canvas.pixmap().toImage()
    assert shown.width() > 300
    # the page is white paper with dark text: mostly light, some dark pixels
    grey = [
        shown.pixelColor(x, y).lightness()
        for x in range(0, shown.width(), 7)
        for y in range(0, shown.height(), 7)
    ]
    assert sum(g > 240 for g in grey) > 0.7 * len(grey)
    assert sum(g < 100 for g in grey) > 0.005 * len(grey)


def test_print_all_for_signature_is_one_job_with_copies(preview, documents, tmp_path, qtbot):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out, copies=2)
    with qtbot.waitSignal(preview.printed) as printed:
        sheets = preview.print_documents([d.pdf for d in documents], printer)
    total = sum(d.pages for d in documents)
    assert sheets == printed.args[0] == 2 * total
    printed_pdf = out.read_bytes()
    assert len(pypdf.PdfReader(io.BytesIO(printed_pdf)).pages) == 2 * total
    # sheet 1 and sheet total+1 (the second set) show the act's first page, full size
    first, second = (_blurred(documents[0].pdf, 0), _blurred(documents[0].pdf, 1))
    for sheet_index in (0, total):
        sheet = _blurred(printed_pdf, sheet_index).resize(first.size)
        assert mean_difference(first, sheet) < mean_difference(second, sheet) / 2


def _blurred(pdf: bytes, index: int):
    """A page at 30 dpi, blurred: layout only, not how text was rasterised."""
    return render_page(pdf, index, 30, grey=True).filter(ImageFilter.GaussianBlur(2))


def test_save_as_pdf_writes_the_same_bytes(preview, documents, tmp_path, qtbot):
    preview.set_pdf(documents[2].pdf, documents[2].filename())
    target = tmp_path / documents[2].filename()
    with qtbot.waitSignal(preview.saved) as saved:
        preview.save_pdf(target)
    assert saved.args == [str(target)]
    assert target.read_bytes() == documents[2].pdf
    assert not list(tmp_path.glob("*.part"))


def test_saving_where_it_cannot_be_written_is_a_user_error(preview, documents, tmp_path):
    preview.set_pdf(documents[2].pdf)
    with pytest.raises(UserError) as caught:
        preview.save_pdf(tmp_path / "no such folder" / "x.pdf")
    assert caught.value.code == "preview.save_failed"
    assert "PDF" in caught.value.message("kk")


def test_empty_preview_disables_everything(preview):
    preview.set_pdf(b"")
    assert preview.page_count() == 0 and preview._page_label.text() == "0 / 0"
    assert not any(b.isEnabled() for b in preview._buttons.values())
