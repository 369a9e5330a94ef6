"""The documents of a finalised inspection: preview, signatures, print all, save all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.documents import (
    ROLE_INSPECTOR,
    ROLE_REFUSAL_WITNESSES,
    ROLE_REPRESENTATIVE,
    RenderedDocument,
    WitnessedRefusal,
)
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import InspectionStatus, Person
from inspector_app.desktop.services.paperwork import build_context, record_hash, render_tasks
from inspector_app.desktop.storage.store import Store
from inspector_app.desktop.ui.documents.document_preview import DocumentPreview, print_pdfs
from inspector_app.desktop.ui.documents.signature_pad import SignaturePad
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.workers.render_job import RenderJob

DOCUMENT_LANGUAGES = (("kk+ru", "Қазақша + Русский"), ("kk", "Қазақша"), ("ru", "Русский"))


class DocumentsView(QWidget):
    """Signals: none; problems are shown in its own status line."""

    def __init__(
        self,
        store: Store,
        form: Form,
        inspection_id: str,
        place: str,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.form, self.inspection_id, self.language = store, form, inspection_id, language
        self.documents: list[RenderedDocument] = []
        self.job: RenderJob | None = None
        self.lang = QComboBox()
        for code, name in DOCUMENT_LANGUAGES:
            self.lang.addItem(name, code)
        self.place = QLineEdit(place)
        self.render_button, self.print_button, self.save_button = QPushButton(), QPushButton(), QPushButton()
        self.render_button.clicked.connect(self.on_render_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self.on_document_selected)
        self.preview = DocumentPreview(language.code)
        self.pads = {ROLE_INSPECTOR: SignaturePad(), ROLE_REPRESENTATIVE: SignaturePad()}
        self.refused = QCheckBox()
        self.witnesses = [QLineEdit(), QLineEdit()]
        self.witness_pads = [SignaturePad(), SignaturePad()]
        self.sign_button = QPushButton()
        self.sign_button.clicked.connect(self.on_sign_clicked)
        self.render_button.setObjectName("render_button")
        self.print_button.setObjectName("print_button")
        self.save_button.setObjectName("save_button")
        self.sign_button.setObjectName("sign_button")
        self.list.setObjectName("list")
        self.refused.setObjectName("refused")
        self.lang.setObjectName("lang")
        self.place.setObjectName("place")
        self.status.setObjectName("status")
        self._layout()
        self.retranslate()
        self.update_state()

    def _layout(self) -> None:
        top = QHBoxLayout()
        self.lang_label, self.place_label = QLabel(), QLabel()
        for widget in (
            self.lang_label,
            self.lang,
            self.place_label,
            self.place,
            self.render_button,
            self.print_button,
            self.save_button,
            self.progress,
        ):
            top.addWidget(widget)
        self.sign_box = QGroupBox()
        signs = QFormLayout(self.sign_box)
        signs.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # names above: pads keep their width
        self.pad_labels = {role: QLabel() for role in self.pads}
        self.pad_clears: list[QPushButton] = []
        for role, pad in self.pads.items():
            pad.setFixedHeight(84)
            signs.addRow(self.pad_labels[role], self._with_clear(pad, role))
        signs.addRow(self.refused)
        self.witness_labels = [QLabel(), QLabel()]
        for n, (label, name, pad) in enumerate(
            zip(self.witness_labels, self.witnesses, self.witness_pads, strict=True), start=1
        ):
            pad.setFixedHeight(70)
            signs.addRow(label, name)
            signs.addRow("", self._with_clear(pad, f"witness_{n}"))
        signs.addRow(self.sign_button)
        pads = QScrollArea()  # with the witnesses' pads too, the tab fits a 768-px screen
        pads.setObjectName("signatures_scroll")
        pads.setWidgetResizable(True)
        pads.setFrameShape(QFrame.Shape.NoFrame)
        pads.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pads narrow
        pads.setWidget(self.sign_box)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.list, 1)
        column.addWidget(pads, 3)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([460, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(splitter)
        self.refused.toggled.connect(self.update_state)

    def _with_clear(self, pad: SignaturePad, name: str) -> QWidget:
        """A pad with its Clear button beside it (`pad_<name>`, `pad_clear_<name>`)."""
        pad.setObjectName(f"pad_{name}")
        clear = QPushButton()
        clear.setObjectName(f"pad_clear_{name}")
        clear.clicked.connect(pad.clear)
        self.pad_clears.append(clear)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(pad, 1)
        row.addWidget(clear, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.lang_label.setText(self.tr("Language of the documents"))
        self.place_label.setText(self.tr("Place"))
        self.render_button.setText(self.tr("Prepare documents"))
        self.print_button.setText(self.tr("Print all for signature…"))
        self.save_button.setText(self.tr("Save all as PDF…"))
        self.sign_box.setTitle(self.tr("Signatures on screen"))
        self.pad_labels[ROLE_INSPECTOR].setText(self.tr("Inspector"))
        self.pad_labels[ROLE_REPRESENTATIVE].setText(self.tr("Head / representative"))
        self.refused.setText(self.tr("The representative refused to sign (two witnesses)"))
        for n, label in enumerate(self.witness_labels, start=1):
            label.setText(self.tr("Witness %1").replace("%1", str(n)))
        self.sign_button.setText(self.tr("Save signatures"))
        for clear in self.pad_clears:
            clear.setText(self.tr("Clear"))
        if hasattr(self, "inspection_id"):
            self.update_state()

    def finalised(self) -> bool:
        return self.store.inspections.get(self.inspection_id).status is InspectionStatus.FINALISED

    def update_state(self) -> None:
        ready = self.finalised()
        busy = self.job is not None
        for widget in (self.render_button, self.sign_button, self.sign_box):
            widget.setEnabled(ready and not busy)
        for widget in (self.print_button, self.save_button):
            widget.setEnabled(ready and not busy and bool(self.documents))
        frames = [frame for pad in self.witness_pads if (frame := pad.parentWidget()) is not None]
        for shown in (*self.witnesses, *frames):
            shown.setVisible(self.refused.isChecked())
        for label in self.witness_labels:
            label.setVisible(self.refused.isChecked())
        if not ready:
            self.status.setText(self.tr("Finalise the inspection to prepare its documents for signature."))

    # --- signatures ------------------------------------------------------------------------
    def refusal(self) -> WitnessedRefusal | None:
        if not self.refused.isChecked():
            return None
        names = [w.text().strip() for w in self.witnesses]
        if not all(names):
            raise UserError("documents.refusal_witnesses")
        return WitnessedRefusal(ROLE_REPRESENTATIVE, (Person(names[0]), Person(names[1])))

    def on_sign_clicked(self) -> None:
        """Save every pad that holds a real signature; an empty pad is not a signature."""
        content = record_hash(self.store, self.inspection_id, self.form)
        inspection = self.store.inspections.get(self.inspection_id)
        signers = {
            ROLE_INSPECTOR: self.store.reference.profile().name,
            ROLE_REPRESENTATIVE: inspection.representative.name if inspection.representative else "",
        }
        pads = dict(self.pads)
        if self.refused.isChecked():
            pads.pop(ROLE_REPRESENTATIVE)
            for role, name, pad in zip(
                ROLE_REFUSAL_WITNESSES, self.witnesses, self.witness_pads, strict=True
            ):
                pads[role] = pad
                signers[role] = name.text().strip()
        saved = 0
        try:
            self.refusal()
            for role, pad in pads.items():
                png = pad.signature_png()
                if png is not None:
                    self.store.paperwork.sign(self.inspection_id, role, signers[role], png, content)
                    saved += 1
        except UserError as error:
            self.status.setText(describe(error, self.language.code))
            return
        self.status.setText(
            self.tr("Signatures saved: %1. An empty pad is not a signature.").replace("%1", str(saved))
        )

    # --- rendering, printing, saving ----------------------------------------------------
    def on_render_clicked(self) -> None:
        self.render_all()

    def render_all(self, save_dir: Path | None = None) -> RenderJob | None:
        try:
            refusal = self.refusal()
        except UserError as error:
            self.status.setText(describe(error, self.language.code))
            return None
        place = self.place.text().strip()
        tasks = render_tasks(
            self.store,
            lambda: build_context(self.store, self.form, self.inspection_id, place=place, refusal=refusal),
            self.store.inspections.measures(self.inspection_id),
            self.lang.currentData(),
        )
        job = RenderJob(tasks, self.language.code, save_dir=save_dir, parent=self)
        job.progress.connect(self.on_job_progress)
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        self.job = job
        self.progress.setVisible(True)
        self.update_state()
        job.start()
        return job

    def on_job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def on_job_finished(self, documents: list) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.documents = documents
        self.list.clear()
        for document in documents:
            self.list.addItem(f"{document.number}  ·  {self.tr('pages')}: {document.pages}")
        self.status.setText(self.tr("Documents ready: %1").replace("%1", str(len(documents))))
        if documents:
            self.list.setCurrentRow(0)
        self.update_state()

    def on_job_failed(self, message: str) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.status.setText(message)
        self.update_state()

    def on_document_selected(self, row: int) -> None:
        if 0 <= row < len(self.documents):
            document = self.documents[row]
            self.preview.set_pdf(document.pdf, document.filename())

    def print_all(self, printer: QPrinter) -> int:
        try:
            return print_pdfs([d.pdf for d in self.documents], printer)
        except UserError as error:
            self.status.setText(describe(error, self.language.code))
            return 0

    def on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setCopyCount(2)  # one copy stays with the organisation, one goes back
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            sheets = self.print_all(printer)
            if sheets:
                self.status.setText(self.tr("Sent to the printer: %1 pages").replace("%1", str(sheets)))

    def on_save_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"), str(Path.home()))
        if folder:
            self.render_all(save_dir=Path(folder))


register_messages(
    {
        "documents.refusal_witnesses": {
            "kk": "Қол қоюдан бас тартуды екі куә растауы керек: екеуінің де аты-жөнін жазыңыз.",
            "ru": "Отказ от подписи удостоверяют двое свидетелей: укажите ФИО обоих.",
            "en": "A refusal to sign is attested by two witnesses: enter both names.",
        },
    }
)
