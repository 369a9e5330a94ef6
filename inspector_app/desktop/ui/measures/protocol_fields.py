"""The fields of an administrative offence protocol (КоАП РК art. 803) in the measure dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.fines import fine_in_tenge
from inspector_app.core.domain.identifiers import birth_date_of
from inspector_app.core.domain.models import (
    Bilingual,
    BusinessSize,
    IdDocument,
    IdDocumentKind,
    Measure,
    Offender,
    OffenderKind,
    Person,
)
from inspector_app.core.domain.reference import BODIES, Article
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.fields import LangPair, date_edit, parse_witnesses, to_date


class ProtocolFields(QObject):
    """Offender (an official or an organisation through its representative), the article
    (only those under which the Committee draws up protocols), the offence and the people."""

    def __init__(
        self,
        form: QFormLayout,
        articles: dict[str, Article],
        mrp_by_year: dict[int, int],
        lang: str,
        today: dt.date,
        usual_article: str,
        parent: QWidget,
        bodies: Mapping[str, Bilingual] | None = None,
    ) -> None:
        super().__init__(parent)
        self.articles, self.mrp_by_year, self.lang = articles, mrp_by_year, lang
        self.bodies = BODIES if bodies is None else bodies  # the store's names, when it has them
        self._make_offender(today)
        self._make_offence(today, usual_article)
        self._add_rows(form)
        self.offender_kind.currentIndexChanged.connect(self.on_offender_kind_changed)
        self.offender_id.textChanged.connect(self.on_offender_id_changed)
        self.article.currentIndexChanged.connect(self.on_article_changed)
        self.business_size.currentIndexChanged.connect(self.on_article_changed)
        self.fine.valueChanged.connect(self.update_tenge)
        self.offence_date.dateChanged.connect(self.update_tenge)
        self.on_offender_kind_changed()
        self.on_article_changed()

    def _make_offender(self, today: dt.date) -> None:
        self.offender_kind = _named(QComboBox(), "offender_kind")
        self.offender_kind.addItem(self.tr("Official (person, IIN)"), OffenderKind.PERSON)
        self.offender_kind.addItem(self.tr("Legal entity (BIN)"), OffenderKind.ORGANISATION)
        self.offender_name = _named(QLineEdit(), "offender_name")
        self.offender_id = _named(QLineEdit(), "offender_id")
        self.offender_id.setMaxLength(12)
        self.birth_date = _named(date_edit(dt.date(1980, 1, 1)), "birth_date")
        self.offender_address = _named(QLineEdit(), "offender_address")
        self.workplace, self.position = LangPair("workplace"), LangPair("offender_position")
        self.id_kind = _named(QComboBox(), "id_document_kind")
        for kind, text in (
            (IdDocumentKind.ID_CARD, self.tr("Identity card")),
            (IdDocumentKind.PASSPORT, self.tr("Passport")),
            (IdDocumentKind.RESIDENCE_PERMIT, self.tr("Residence permit")),
        ):
            self.id_kind.addItem(text, kind)
        self.id_document = _named(QLineEdit(), "id_document")
        self.id_issued_by = LangPair("id_issued_by")
        self.id_issued_on = _named(date_edit(today), "id_issued_on")
        self.representative_name = _named(QLineEdit(), "representative_name")
        self.representative_position = LangPair("representative_position")
        self.power_of_attorney = _named(QLineEdit(), "power_of_attorney")
        self.attorney_date = _named(date_edit(today), "attorney_date")
        self.business_size = _named(QComboBox(), "business_size")
        self.business_size.addItem(self.tr("—"), None)
        for size, text in (
            (BusinessSize.SMALL, self.tr("Small business")),
            (BusinessSize.MEDIUM, self.tr("Medium business")),
            (BusinessSize.LARGE, self.tr("Large business")),
            (BusinessSize.NON_COMMERCIAL, self.tr("Non-commercial organisation")),
        ):
            self.business_size.addItem(text, size)
        self.bank_details = _named(QLineEdit(), "bank_details")
        self.prior_penalties = LangPair("prior_penalties")

    def _make_offence(self, today: dt.date, usual_article: str) -> None:
        self.article = _named(QComboBox(), "article")
        self.article.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for a in self.articles.values():
            self.article.addItem(f"{a.code} — {a.title.get(self.lang)}", a.code)
        if usual_article in self.articles:
            self.article.setCurrentIndex(self.article.findData(usual_article))
        self.sanction = _named(QLabel(), "sanction")
        self.sanction.setWordWrap(True)
        self.fine = _named(QSpinBox(), "fine")
        self.fine.setRange(0, 10000)
        self.fine.setSuffix(" " + self.tr("MRP"))
        self.tenge = _named(QLabel(), "tenge")
        self.offence_date = _named(date_edit(today), "offence_date")
        self.place = _named(QLineEdit(), "place")
        self.substance = LangPair("substance", multiline=True)
        self.explanation = LangPair("explanation", multiline=True)
        self.witnesses = _named(QPlainTextEdit(), "witnesses")
        self.victims = _named(QPlainTextEdit(), "victims")
        for edit in (self.witnesses, self.victims):
            edit.setFixedHeight(54)
            edit.setPlaceholderText(self.tr("Name; address; position — one a line"))

    def _add_rows(self, form: QFormLayout) -> None:
        self.person_rows = [
            self.birth_date,
            self.workplace,
            self.position,
            self.id_kind,
            self.id_document,
            self.id_issued_by,
            self.id_issued_on,
        ]
        self.org_rows = [
            self.representative_name,
            self.representative_position,
            self.power_of_attorney,
            self.attorney_date,
            self.business_size,
            self.bank_details,
        ]
        for label, widget in (
            (self.tr("Offender"), self.offender_kind),
            (self.tr("Name"), self.offender_name),
            (self.tr("IIN / BIN"), self.offender_id),
            (self.tr("Address"), self.offender_address),
            (self.tr("Date of birth"), self.birth_date),
            (self.tr("Place of work"), self.workplace),
            (self.tr("Position"), self.position),
            (self.tr("Identity document"), self.id_kind),
            (self.tr("Document number"), self.id_document),
            (self.tr("Issued by"), self.id_issued_by),
            (self.tr("Issued on"), self.id_issued_on),
            (self.tr("Representative"), self.representative_name),
            (self.tr("Representative's position"), self.representative_position),
            (self.tr("Power of attorney No."), self.power_of_attorney),
            (self.tr("Power of attorney date"), self.attorney_date),
            (self.tr("Business size"), self.business_size),
            (self.tr("Bank details"), self.bank_details),
            (self.tr("Prior administrative penalties"), self.prior_penalties),
            (self.tr("Article"), self.article),
            (self.tr("Sanction of the article"), self.sanction),
            (self.tr("Proposed fine"), self.fine),
            (self.tr("In tenge"), self.tenge),
            (self.tr("Date of the offence"), self.offence_date),
            (self.tr("Place"), self.place),
            (self.tr("Substance of the offence"), self.substance),
            (self.tr("Offender's explanation"), self.explanation),
            (self.tr("Witnesses"), self.witnesses),
            (self.tr("Victims"), self.victims),
        ):
            form.addRow(label, widget)
        self.form = form

    # --- reactions ------------------------------------------------------------------------
    def on_offender_kind_changed(self) -> None:
        person = self.offender_kind.currentData() == OffenderKind.PERSON
        for widget in self.person_rows:
            self.form.setRowVisible(widget, person)
        for widget in self.org_rows:
            self.form.setRowVisible(widget, not person)
        self.on_article_changed()

    def on_offender_id_changed(self, text: str) -> None:
        """A person's date of birth is the one in the IIN."""
        if (born := birth_date_of(text)) and self.offender_kind.currentData() == OffenderKind.PERSON:
            self.birth_date.setDate(QDate(born.year, born.month, born.day))

    def on_article_changed(self) -> None:
        article = self.articles.get(self.article.currentData())
        if article is not None:
            low, high = article.range_for(self._size())
            self.fine.setValue(low)
            body = self.bodies.get(article.decided_by) or BODIES.get(article.decided_by)
            self.sanction.setText(
                self.tr("%1–%2 MRP; decided by: %3")
                .replace("%1", str(low))
                .replace("%2", str(high))
                .replace("%3", body.get(self.lang) if body else "")
            )
        self.update_tenge()

    def _size(self) -> str | None:
        if self.offender_kind.currentData() != OffenderKind.ORGANISATION:
            return None
        size = self.business_size.currentData()
        return BusinessSize(size).value if size else None

    def update_tenge(self) -> None:
        try:
            tenge = fine_in_tenge(self.fine.value(), to_date(self.offence_date).year, self.mrp_by_year)
            self.tenge.setText(f"{tenge:,}".replace(",", " ") + " ₸")
        except UserError as error:
            self.tenge.setText(describe(error, self.lang))

    def set_substance(self, text: str) -> None:
        """Finding notes typed once: a start for the substance, in the dialog's language."""
        edit = self.substance.kk if self.lang == "kk" else self.substance.ru
        assert isinstance(edit, QPlainTextEdit)  # the substance pair is multiline
        edit.setPlainText(text)

    # --- result ---------------------------------------------------------------------------
    def fill(self, measure: Measure) -> None:
        article = self.articles.get(self.article.currentData())
        measure.offender = self._offender()
        if article is not None:
            measure.article, measure.part, measure.item = article.article, article.part, article.item
        measure.fine_mrp = self.fine.value()
        measure.offence_date = to_date(self.offence_date)
        measure.offence_place = self.place.text().strip()
        measure.substance = self.substance.value()
        measure.explanation = self.explanation.value()
        measure.witnesses = parse_witnesses(self.witnesses.toPlainText())
        measure.victims = parse_witnesses(self.victims.toPlainText())

    def _offender(self) -> Offender:
        kind = OffenderKind(self.offender_kind.currentData())
        offender = Offender(
            kind=kind,
            name=self.offender_name.text().strip(),
            iin_or_bin=self.offender_id.text(),
            address=self.offender_address.text().strip(),
            prior_penalties=self.prior_penalties.value(),
        )
        if kind is OffenderKind.PERSON:
            offender.birth_date = to_date(self.birth_date)
            offender.workplace, offender.position = self.workplace.value(), self.position.value()
            offender.id_document = IdDocument(
                IdDocumentKind(self.id_kind.currentData()),
                self.id_document.text().strip(),
                self.id_issued_by.value(),
                to_date(self.id_issued_on),
            )
            return offender
        position = self.representative_position.value()
        name = self.representative_name.text().strip()
        offender.representative = (
            Person(name, position_kk=position.kk, position_ru=position.ru) if name else None
        )
        offender.attorney_number = self.power_of_attorney.text().strip()
        offender.attorney_date = to_date(self.attorney_date) if offender.attorney_number else None
        size = self.business_size.currentData()
        offender.business_size = BusinessSize(size) if size else None
        offender.bank_details = self.bank_details.text().strip()
        return offender


def _named(widget, name: str):
    widget.setObjectName(name)
    return widget
