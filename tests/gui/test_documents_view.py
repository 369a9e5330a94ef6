"""A finalised inspection's documents: signatures on screen, prepared, previewed, printed."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from inspector_app.core.documents import ROLE_INSPECTOR, ROLE_REPRESENTATIVE
from tests.gui.test_signature_pad import draw, squiggle
from tests.storage.test_paperwork import finalised  # noqa: F401  (fixture)


@pytest.fixture
def documents(qtbot, window, finalised):  # noqa: F811
    window.open_inspection(finalised.id)
    page = window.page
    page.tabs.setCurrentWidget(page.documents)
    return page.documents


def prepare(qtbot, view):
    job = view.render_all()
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    return view.documents


def test_empty_pads_sign_nothing_and_real_strokes_do(qtbot, documents, store, finalised):  # noqa: F811
    documents.on_sign_clicked()
    assert store.paperwork.signatures(finalised.id, "x") == {}
    draw(documents.pads[ROLE_INSPECTOR], squiggle())
    documents.on_sign_clicked()
    from inspector_app.desktop.services.paperwork import record_hash

    content = record_hash(store, finalised.id, documents.form)
    assert set(store.paperwork.signatures(finalised.id, content)) == {ROLE_INSPECTOR}


def test_refusal_needs_two_witnesses(qtbot, documents):
    documents.refused.setChecked(True)
    documents.on_sign_clicked()
    assert "two witnesses" in documents.status.text()


def test_prepare_preview_and_print_all_in_one_job(qtbot, documents, tmp_path):
    draw(documents.pads[ROLE_INSPECTOR], squiggle())
    draw(documents.pads[ROLE_REPRESENTATIVE], squiggle(amplitude=20))
    documents.on_sign_clicked()
    rendered = prepare(qtbot, documents)
    assert len(rendered) == 3 and documents.list.count() == 3
    assert documents.preview.page_count() == rendered[0].pages
    act_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered[0].pdf)).pages)
    assert rendered[0].number in act_text
    images = sum(len(p.images) for p in PdfReader(io.BytesIO(rendered[0].pdf)).pages)
    assert images >= 2  # both signatures are drawn into the act
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sheets = documents.print_all(printer)
    assert sheets == sum(d.pages for d in rendered)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == sheets


def test_save_all_writes_every_pdf(qtbot, documents, tmp_path):
    job = documents.render_all(save_dir=tmp_path / "out")
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3 and all(n.endswith("-kk-ru.pdf") for n in names)


def test_a_draft_has_no_documents_yet(qtbot, window, inspection):
    window.open_inspection(inspection.id)
    view = window.page.documents
    assert not view.render_button.isEnabled()
    assert "Finalise" in view.status.text()


def test_each_pad_is_cleared_by_its_own_button(qtbot, documents):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QPushButton

    from inspector_app.desktop.ui.documents.signature_pad import SignaturePad

    qtbot.mouseClick(documents.refused, Qt.MouseButton.LeftButton)  # shows the witnesses' pads
    names = ("inspector", "representative", "witness_1", "witness_2")
    pads = {name: documents.findChild(SignaturePad, f"pad_{name}") for name in names}
    for name, pad in pads.items():
        assert pad is not None and pad.isVisible(), name
        y = pad.height() // 2
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, y))
        for x in range(40, pad.width() - 20, 10):
            qtbot.mouseMove(pad, QPoint(x, y + (25 if x % 20 else -25)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(pad.width() - 20, y))
        assert pad.is_signed(), name
    for name in names:
        clear = documents.findChild(QPushButton, f"pad_clear_{name}")
        assert clear.isVisible() and clear.text() == "Clear"
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
        assert pads[name].strokes() == [] and pads[name].signature_png() is None, name
        assert all(pads[other].is_signed() for other in names[names.index(name) + 1 :])


def test_the_documents_tab_fits_a_laptop_screen_with_the_witnesses_pads(qtbot, window, documents):
    from PySide6.QtCore import Qt

    qtbot.mouseClick(documents.refused, Qt.MouseButton.LeftButton)  # two more pads and names
    assert window.minimumSizeHint().height() <= 728 - 32  # the screen less a task bar and a frame
