"""Dialogs that record a measure for one or more findings."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget)

from ..domain.errors import UserError
from ..domain.fines import fine_in_tenge
from ..domain.forms import Form
from ..domain.identifiers import birth_date_of
from ..domain.measures import validate_measure
from ..domain.models import Finding, Measure, MeasureKind, Offender, OffenderKind, Person
from ..domain.reference import Article
from .errors import describe
from .new_inspection import date_edit, parse_people, to_date


class MeasureDialog(QDialog):
    """Fields for one kind of measure; `measure` holds the validated result after accept."""

    def __init__(self, kind: MeasureKind, inspection_id: str, findings: list[Finding], form: Form,
                 articles: list[Article], mrp_by_year: dict[int, int], lang: str,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.inspection_id, self.findings = kind, inspection_id, findings
        self.form, self.lang, self.today = form, lang, today or dt.date.today()
        self.articles = {a.code: a for a in articles}
        self.mrp_by_year = mrp_by_year
        self.measure: Measure | None = None
        self.fields = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        {MeasureKind.PROTOCOL: self._protocol_fields, MeasureKind.ORDER: self._order_fields,
         MeasureKind.RECOMMENDATION: self._recommendation_fields,
         MeasureKind.DISCIPLINARY: self._referral_fields}[kind]()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        listing = QLabel("<br>".join(f"• {self.form.item(f.item_id).text.get(lang)}" for f in findings))
        listing.setWordWrap(True)
        layout.addWidget(listing)
        layout.addLayout(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 480)

    # --- fields per kind ------------------------------------------------------------------
    def _protocol_fields(self) -> None:
        self.setWindowTitle(self.tr("Administrative offence protocol"))
        self.offender_kind = QComboBox()
        self.offender_kind.addItem(self.tr("Official (person, IIN)"), OffenderKind.PERSON)
        self.offender_kind.addItem(self.tr("Legal entity (BIN)"), OffenderKind.ORGANISATION)
        self.offender_name, self.offender_id = QLineEdit(), QLineEdit()
        self.offender_id.setMaxLength(12)
        self.offender_position, self.offender_address = QLineEdit(), QLineEdit()
        self.bank_details = QLineEdit()
        self.birth_date = date_edit(dt.date(1980, 1, 1))
        self.article = QComboBox()
        for article in self.articles.values():
            self.article.addItem(f"{article.article}.{article.part} — {article.title.get(self.lang)}",
                                 article.code)
        self.fine = QSpinBox()
        self.fine.setRange(0, 10000)
        self.fine.setSuffix(" " + self.tr("MRP"))
        self.tenge = QLabel()
        self.offence_date = date_edit(self.today)
        self.place = QLineEdit()
        self.substance, self.explanation = QPlainTextEdit(), QPlainTextEdit()
        self.witnesses = QPlainTextEdit()
        for edit in (self.substance, self.explanation, self.witnesses):
            edit.setFixedHeight(60)
        self.substance.setPlainText("\n".join(f.description for f in self.findings if f.description))
        for label, widget in (
                (self.tr("Offender"), self.offender_kind), (self.tr("Name"), self.offender_name),
                (self.tr("IIN / BIN"), self.offender_id), (self.tr("Date of birth"), self.birth_date),
                (self.tr("Position"), self.offender_position), (self.tr("Address"), self.offender_address),
                (self.tr("Bank details"), self.bank_details), (self.tr("Article"), self.article),
                (self.tr("Fine"), self.fine), (self.tr("In tenge"), self.tenge),
                (self.tr("Date of the offence"), self.offence_date), (self.tr("Place"), self.place),
                (self.tr("Substance of the offence"), self.substance),
                (self.tr("Offender's explanation"), self.explanation),
                (self.tr("Witnesses (name, position — one a line)"), self.witnesses)):
            self.fields.addRow(label, widget)
        self.article.currentIndexChanged.connect(self.on_article_changed)
        self.fine.valueChanged.connect(self.update_tenge)
        self.offence_date.dateChanged.connect(self.update_tenge)
        self.offender_kind.currentIndexChanged.connect(self.on_offender_kind_changed)
        self.offender_id.textChanged.connect(self.on_offender_id_changed)
        self.on_article_changed()
        self.on_offender_kind_changed()

    def on_article_changed(self) -> None:
        article = self.articles.get(self.article.currentData())
        if article:
            self.fine.setValue(article.min_mrp)
        self.update_tenge()

    def on_offender_kind_changed(self) -> None:
        person = self.offender_kind.currentData() == OffenderKind.PERSON
        self.birth_date.setEnabled(person)
        self.bank_details.setEnabled(not person)

    def on_offender_id_changed(self, text: str) -> None:
        """A person's date of birth is the one in the IIN."""
        if (born := birth_date_of(text)) and self.offender_kind.currentData() == OffenderKind.PERSON:
            self.birth_date.setDate(QDate(born.year, born.month, born.day))

    def update_tenge(self) -> None:
        try:
            tenge = fine_in_tenge(self.fine.value(), to_date(self.offence_date).year, self.mrp_by_year)
            self.tenge.setText(f"{tenge:,}".replace(",", " ") + " ₸")
        except UserError as error:
            self.tenge.setText(describe(error, self.lang))

    def _order_fields(self) -> None:
        self.setWindowTitle(self.tr("Order to eliminate violations"))
        self.deadlines, self.actions = {}, {}
        for finding in self.findings:
            self.deadlines[finding.id] = date_edit(self.today + dt.timedelta(days=30))
            self.actions[finding.id] = QLineEdit()
            self.actions[finding.id].setPlaceholderText(self.tr("Measure required"))
            label = QLabel(self.form.item(finding.item_id).text.get(self.lang))
            label.setWordWrap(True)
            label.setMaximumWidth(300)
            self.fields.addRow(label, self.deadlines[finding.id])
            self.fields.addRow("", self.actions[finding.id])

    def _recommendation_fields(self) -> None:
        self.setWindowTitle(self.tr("Recommendation"))
        self.text = QPlainTextEdit()
        self.fields.addRow(self.tr("How to fix the violation"), self.text)

    def _referral_fields(self) -> None:
        self.setWindowTitle(self.tr("Disciplinary referral"))
        self.official, self.official_position, self.employer = QLineEdit(), QLineEdit(), QLineEdit()
        self.text = QPlainTextEdit()
        for label, widget in ((self.tr("Official"), self.official),
                              (self.tr("Position"), self.official_position),
                              (self.tr("Employer"), self.employer), (self.tr("Grounds"), self.text)):
            self.fields.addRow(label, widget)

    # --- result ---------------------------------------------------------------------------
    def build(self) -> Measure:
        measure = Measure(id="", inspection_id=self.inspection_id, kind=self.kind,
                          finding_ids=[f.id for f in self.findings])
        if self.kind is MeasureKind.PROTOCOL:
            article = self.articles.get(self.article.currentData())
            person = self.offender_kind.currentData() == OffenderKind.PERSON
            measure.offender = Offender(
                kind=OffenderKind(self.offender_kind.currentData()), name=self.offender_name.text().strip(),
                iin_or_bin=self.offender_id.text(), birth_date=to_date(self.birth_date) if person else None,
                address=self.offender_address.text().strip(),
                position=self.offender_position.text().strip(),
                bank_details="" if person else self.bank_details.text().strip())
            measure.article, measure.part = (article.article, article.part) if article else ("", "")
            measure.fine_mrp = self.fine.value()
            measure.offence_date = to_date(self.offence_date)
            measure.offence_place = self.place.text().strip()
            measure.substance = self.substance.toPlainText().strip()
            measure.explanation = self.explanation.toPlainText().strip()
            measure.witnesses = parse_people(self.witnesses.toPlainText())
        elif self.kind is MeasureKind.ORDER:
            measure.deadlines = {fid: to_date(edit) for fid, edit in self.deadlines.items()}
            measure.actions = {fid: edit.text().strip() for fid, edit in self.actions.items()}
        elif self.kind is MeasureKind.RECOMMENDATION:
            measure.text = self.text.toPlainText().strip()
        else:
            measure.official = Person(self.official.text().strip(), self.official_position.text().strip())
            measure.employer = self.employer.text().strip()
            measure.text = self.text.toPlainText().strip()
        return measure

    def on_ok_clicked(self) -> None:
        try:
            self.measure = validate_measure(self.build(), articles=self.articles,
                                            mrp_by_year=self.mrp_by_year, today=self.today)
        except UserError as error:
            self.error.setText(describe(error, self.lang))
            return
        self.accept()
