"""Dialogs that record a measure for one or more findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.measures import committee_articles, validate_measure
from inspector_app.core.domain.models import Bilingual, Finding, Measure, MeasureKind, Person
from inspector_app.core.domain.reference import BODIES, Article, referral_bodies
from inspector_app.desktop.ui.measures.protocol_fields import ProtocolFields
from inspector_app.desktop.ui.shared.dialogs import GuardedDialog
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.fields import LangPair, date_edit, to_date

MAX_HEIGHT = 700  # the dialog fits a 1366×768 screen; its fields scroll


class MeasureDialog(GuardedDialog):
    """Fields for one kind of measure; `measure` holds the validated result after accept."""

    def __init__(
        self,
        kind: MeasureKind,
        inspection_id: str,
        findings: list[Finding],
        form: Form,
        articles: list[Article],
        mrp_by_year: dict[int, int],
        lang: str,
        today: dt.date | None = None,
        parent: QWidget | None = None,
        bodies: Mapping[str, Bilingual] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measure_dialog")
        self.kind, self.inspection_id, self.findings = kind, inspection_id, findings
        self.form, self.lang, self.today = form, lang, today or dt.date.today()
        self.articles = {a.code: a for a in articles}
        self.mrp_by_year = mrp_by_year
        self.bodies = dict(BODIES if bodies is None else bodies)  # the store's reference data
        self.measure: Measure | None = None
        self.protocol: ProtocolFields | None = None
        self.fields = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        {
            MeasureKind.PROTOCOL: self._protocol_fields,
            MeasureKind.ORDER: self._order_fields,
            MeasureKind.RECOMMENDATION: self._recommendation_fields,
            MeasureKind.DISCIPLINARY: self._referral_fields,
            MeasureKind.TRANSFER: self._transfer_fields,
        }[kind]()
        self._layout()

    def _layout(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        listing = QLabel(
            "<br>".join(f"• {self.form.item(f.item_id).text.get(self.lang)}" for f in self.findings)
        )
        listing.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(listing)
        inner.addLayout(self.fields)
        scroll = QScrollArea()
        scroll.setObjectName("fields_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMaximumHeight(MAX_HEIGHT)
        self.resize(880, min(MAX_HEIGHT, 300 + 40 * self.fields.rowCount()))

    # --- fields per kind ------------------------------------------------------------------
    def _protocol_fields(self) -> None:
        self.setWindowTitle(self.tr("Administrative offence protocol"))
        usual = next(
            (self.form.item(f.item_id).article for f in self.findings if self.form.item(f.item_id).article),
            "",
        )
        self.protocol = ProtocolFields(
            self.fields,
            committee_articles(self.articles),
            self.mrp_by_year,
            self.lang,
            self.today,
            usual,
            self,
            self.bodies,
        )
        self.protocol.set_substance("\n".join(f.description for f in self.findings if f.description))

    def _order_fields(self) -> None:
        self.setWindowTitle(self.tr("Order to eliminate violations"))
        self.deadlines, self.action_fields = {}, {}
        for n, finding in enumerate(self.findings):
            self.deadlines[finding.id] = date_edit(self.today + dt.timedelta(days=30))
            self.deadlines[finding.id].setObjectName(f"deadline_{n}")
            self.action_fields[finding.id] = LangPair(f"action_{n}")
            self.action_fields[finding.id].kk.setPlaceholderText(self.tr("Measure required"))
            label = QLabel(self.form.item(finding.item_id).text.get(self.lang))
            label.setWordWrap(True)
            label.setMaximumWidth(300)
            self.fields.addRow(label, self.deadlines[finding.id])
            self.fields.addRow("", self.action_fields[finding.id])

    def _recommendation_fields(self) -> None:
        self.setWindowTitle(self.tr("Recommendation"))
        self.text = LangPair("text", multiline=True)
        self.fields.addRow(self.tr("How to fix the violation"), self.text)

    def _referral_fields(self) -> None:
        self.setWindowTitle(self.tr("Disciplinary referral"))
        self.official = QLineEdit()
        self.official.setObjectName("official")
        self.official_position = LangPair("official_position")
        self.employer = LangPair("employer")
        self.text = LangPair("text", multiline=True)
        for label, widget in (
            (self.tr("Official"), self.official),
            (self.tr("Position"), self.official_position),
            (self.tr("Employer"), self.employer),
            (self.tr("Grounds"), self.text),
        ):
            self.fields.addRow(label, widget)

    def _transfer_fields(self) -> None:
        self.setWindowTitle(self.tr("Referral to the competent body"))
        self.addressee_body = QComboBox()
        self.addressee_body.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.addressee_body.setObjectName("addressee_body")
        for code, name in referral_bodies(self.bodies).items():
            self.addressee_body.addItem(name.get(self.lang), code)
        usual = next(
            (
                self.form.item(f.item_id).competent_body
                for f in self.findings
                if self.form.item(f.item_id).competent_body
            ),
            "",
        )
        if usual:
            self.addressee_body.setCurrentIndex(max(0, self.addressee_body.findData(usual)))
        self.addressee = LangPair("addressee")
        self.text = LangPair("text", multiline=True)
        for label, widget in (
            (self.tr("Competent body"), self.addressee_body),
            (self.tr("Addressee (the department's name)"), self.addressee),
            (self.tr("Note to the body"), self.text),
        ):
            self.fields.addRow(label, widget)

    # --- result ---------------------------------------------------------------------------
    def build(self) -> Measure:
        measure = Measure(
            id="", inspection_id=self.inspection_id, kind=self.kind, finding_ids=[f.id for f in self.findings]
        )
        if self.protocol is not None:
            self.protocol.fill(measure)
        elif self.kind is MeasureKind.ORDER:
            measure.deadlines = {fid: to_date(edit) for fid, edit in self.deadlines.items()}
            measure.actions = {fid: pair.value() for fid, pair in self.action_fields.items()}
        elif self.kind is MeasureKind.RECOMMENDATION:
            measure.text = self.text.value()
        elif self.kind is MeasureKind.TRANSFER:
            measure.addressee_body = self.addressee_body.currentData() or ""
            measure.addressee = self.addressee.value()
            measure.text = self.text.value()
        else:
            position = self.official_position.value()
            measure.official = Person(
                self.official.text().strip(), position_kk=position.kk, position_ru=position.ru
            )
            measure.employer = self.employer.value()
            measure.text = self.text.value()
        return measure

    def on_ok_clicked(self) -> None:
        try:
            self.measure = validate_measure(
                self.build(),
                articles=self.articles,
                mrp_by_year=self.mrp_by_year,
                today=self.today,
                bodies=self.bodies,
            )
        except UserError as error:
            self.error.setText(describe(error, self.lang))
            return
        self.accept()
