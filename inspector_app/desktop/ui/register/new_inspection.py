"""Opening an inspection: its kind, grounds, the act on appointment, period, people."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.measures import check_date
from inspector_app.core.domain.models import (
    Facility,
    Inspection,
    InspectionMode,
    InspectionType,
    Localized,
    Person,
    UnscheduledGround,
)
from inspector_app.desktop.ui.shared.dialogs import GuardedDialog
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.fields import LangPair, date_edit, to_date
from inspector_app.desktop.ui.shared.names import Names

SURPRISE_FROM = dt.date(2026, 2, 1)  # Law "On the Rights of the Child": surprise inspections


def parse_people(text: str) -> list[Person]:
    """One person a line: "Name, position", or "Name, position in Kazakh / in Russian" (the
    documents in one language then print only that language's)."""
    people = []
    for line in text.splitlines():
        if line.strip():
            name, _, position = line.partition(",")
            kk, split, ru = position.partition(" / ")
            people.append(
                Person(
                    name.strip(),
                    "" if split else position.strip(),
                    kk.strip() if split else "",
                    ru.strip() if split else "",
                )
            )
    return people


def person_line(person: Person) -> str:
    """The line `parse_people` reads back as this person."""
    if person.position_kk and person.position_ru:
        return f"{person.name}, {person.position_kk} / {person.position_ru}"
    return f"{person.name}, {person.position}"


class NewInspectionDialog(GuardedDialog):
    """Collects the header of an inspection; `inspection()` builds it after accept."""

    def __init__(
        self,
        facility: Facility,
        inspector: Person,
        lang: str,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.facility, self.lang = facility, lang
        self.today = today or dt.date.today()
        self.type = QComboBox()
        for value, text in Names(self).inspection_types():
            self.type.addItem(text, value)
        self.ground = QComboBox()
        for ground, text in (
            (UnscheduledGround.ORDER_FOLLOW_UP, self.tr("Control of execution of an order")),
            (UnscheduledGround.COMPLAINT, self.tr("Complaint (incl. 111 contact centre)")),
            (UnscheduledGround.PROSECUTOR, self.tr("Prosecutor's demand")),
            (UnscheduledGround.STATE_BODY, self.tr("Request of a state body")),
            (UnscheduledGround.MEDIA, self.tr("Media report")),
            (UnscheduledGround.CRIMINAL_PROSECUTION, self.tr("Instruction of a criminal-prosecution body")),
        ):
            self.ground.addItem(text, ground)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("On site"), InspectionMode.ON_SITE)
        self.mode.addItem(self.tr("Desk review"), InspectionMode.DESK)
        self.number, self.mark = QLineEdit(), QLineEdit()  # mark: the registration number
        self.act_date = date_edit(self.today)
        self.registration_date = date_edit(self.today)
        self.unregistered_confirm = QCheckBox(
            self.tr("I confirm: the act on appointment is not registered, the visit goes ahead without it")
        )
        self.unregistered_confirm.setVisible(False)
        for widget, name in (
            (self.type, "inspection_type"),
            (self.number, "appointment_number"),
            (self.act_date, "appointment_date"),
            (self.mark, "registration_number"),
            (self.registration_date, "registration_date"),
            (self.unregistered_confirm, "unregistered_confirm"),
        ):
            widget.setObjectName(name)
        self.period_start = date_edit(self.today)
        self.period_end = date_edit(self.today + dt.timedelta(days=14))
        self.inspectors = QPlainTextEdit(person_line(inspector))
        self.inspectors.setObjectName("inspectors")
        self.inspectors.setFixedHeight(70)
        self.representative = QLineEdit(facility.head)
        self.representative.setObjectName("representative")
        self.representative_position = LangPair("representative_position")  # for the act
        self.representative_position.set_value(Localized("Басшы", "Руководитель"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self._layout()
        self.type.currentIndexChanged.connect(self.on_type_changed)
        self.on_type_changed()

    def preset(self, inspection_type: str, ground: str | None, planned: dt.date) -> None:
        """The header as a supervisor planned it (an assignment); the inspector may still change it."""
        for combo, value in ((self.type, inspection_type), (self.ground, ground)):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        start = max(planned, self.today)
        self.period_start.setDate(QDate(start.year, start.month, start.day))
        end = start + dt.timedelta(days=14)
        self.period_end.setDate(QDate(end.year, end.month, end.day))

    def _layout(self) -> None:
        self.setWindowTitle(self.tr("New inspection"))
        form = QFormLayout()
        title = QLabel(f"<b>{self.facility.name_kk}</b><br>{self.facility.name_ru}")
        title.setWordWrap(True)
        form.addRow(title)
        for label, widget in (
            (self.tr("Kind of inspection"), self.type),
            (self.tr("Ground"), self.ground),
            (self.tr("Form"), self.mode),
            (self.tr("Act on appointment No."), self.number),
            (self.tr("Act date"), self.act_date),
            (self.tr("Legal-statistics registration No."), self.mark),
            (self.tr("Registration date"), self.registration_date),
            (self.tr("Period from"), self.period_start),
            (self.tr("Period to"), self.period_end),
            (self.tr("Inspectors (name, position in Kazakh / in Russian — one a line)"), self.inspectors),
            (self.tr("Representative of the organisation"), self.representative),
            (self.tr("Representative's position"), self.representative_position),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.unregistered_confirm)
        layout.addWidget(buttons)

    def on_type_changed(self) -> None:
        kind = self.type.currentData()
        self.ground.setEnabled(kind == InspectionType.UNSCHEDULED)
        # a surprise inspection needs no prior registration of the act
        self.mark.setEnabled(kind != InspectionType.SURPRISE)
        self.registration_date.setEnabled(kind != InspectionType.SURPRISE)

    def on_ok_clicked(self) -> None:
        try:
            self._validate()
        except UserError as error:
            self.error.setText(describe(error, self.lang))
            return
        if self.needs_registration() and not self.unregistered_confirm.isChecked():
            self.error.setText(describe(UserError("inspection.not_registered"), self.lang))
            self.unregistered_confirm.setVisible(True)
            return
        self.accept()

    def needs_registration(self) -> bool:
        """A scheduled or unscheduled visit with no registration number with legal statistics."""
        return self.type.currentData() != InspectionType.SURPRISE and not self.mark.text().strip()

    def _validate(self) -> None:
        if not self.number.text().strip():
            raise UserError("inspection.number_missing")
        for edit in (self.act_date, self.period_start, self.period_end):
            check_date(to_date(edit), today=self.today)
        if to_date(self.period_end) < to_date(self.period_start):
            raise UserError("inspection.period_reversed")
        if not parse_people(self.inspectors.toPlainText()):
            raise UserError("inspection.no_inspectors")
        if self.type.currentData() == InspectionType.SURPRISE:
            self._validate_surprise()
        elif self.mark.text().strip():
            check_date(to_date(self.registration_date), today=self.today)
            if to_date(self.registration_date) > to_date(self.period_start):
                raise UserError("inspection.registered_after_start")

    def _validate_surprise(self) -> None:
        if to_date(self.act_date) < SURPRISE_FROM:
            raise UserError("inspection.surprise_before_law")
        if not self.facility.special_control:
            raise UserError("inspection.surprise_not_on_register")

    def inspection(self, form_id: str, form_version: int, form_hash: str) -> Inspection:
        kind = self.type.currentData()
        representative = self.representative.text().strip()
        return Inspection(
            id="",
            facility_id=self.facility.id,
            form_id=form_id,
            form_version=form_version,
            form_hash=form_hash,
            type=kind,
            mode=self.mode.currentData(),
            appointment_number=self.number.text().strip(),
            appointment_date=to_date(self.act_date),
            registration_mark=self.mark.text().strip() if kind != InspectionType.SURPRISE else "",
            registration_date=to_date(self.registration_date)
            if kind != InspectionType.SURPRISE and self.mark.text().strip()
            else None,
            ground=self.ground.currentData() if kind == InspectionType.UNSCHEDULED else None,
            period_start=to_date(self.period_start),
            period_end=to_date(self.period_end),
            inspectors=parse_people(self.inspectors.toPlainText()),
            representative=self.representative_person(representative) if representative else None,
        )

    def representative_person(self, name: str) -> Person:
        position = self.representative_position.value()
        return Person(name, position_kk=position.kk, position_ru=position.ru)


register_messages(
    {
        "inspection.number_missing": {
            "kk": "Тексеруді тағайындау туралы актінің нөмірін жазыңыз.",
            "ru": "Укажите номер акта о назначении проверки.",
            "en": "Enter the number of the act on appointment of the inspection.",
        },
        "inspection.period_reversed": {
            "kk": "Тексеру кезеңінің соңы басынан ерте болмауы керек.",
            "ru": "Конец периода проверки не может быть раньше начала.",
            "en": "The end of the inspection period cannot be before its start.",
        },
        "inspection.no_inspectors": {
            "kk": "Кемінде бір инспекторды көрсетіңіз: «Аты-жөні, лауазымы».",
            "ru": "Укажите хотя бы одного инспектора: «ФИО, должность».",
            "en": 'Name at least one inspector: "Name, position".',
        },
        "inspection.not_registered": {
            "kk": "Тексеруді тағайындау туралы акт құқықтық статистика органында тіркелмеген: "
            "жоспарлы және жоспардан тыс тексеру тіркелгеннен кейін ғана басталады. Тіркеу "
            "нөмірі мен күнін жазыңыз. Онсыз бару керек болса, төменде растаңыз: актіде "
            "«ТІРКЕЛМЕГЕН» деп басылады.",
            "ru": "Акт о назначении проверки не зарегистрирован в органе правовой статистики: "
            "плановая и внеплановая проверки начинаются только после регистрации. Укажите "
            "номер и дату регистрации. Если выезжать нужно без неё, подтвердите ниже: в акте "
            "будет напечатано «НЕ ЗАРЕГИСТРИРОВАН».",
            "en": "The act on appointment is not registered with legal statistics: a scheduled or "
            "unscheduled inspection starts only after registration. Enter the registration "
            "number and date. If the visit must go ahead without it, confirm below: the act "
            'will print "NOT REGISTERED".',
        },
        "inspection.registered_after_start": {
            "kk": "Акт тексеру басталғанға дейін тіркелуі керек: тіркеу күні тексеру кезеңінің "
            "басынан кеш болмасын.",
            "ru": "Акт регистрируется до начала проверки: дата регистрации не может быть позже "
            "начала периода проверки.",
            "en": "The act is registered before the inspection starts: the registration date cannot "
            "be after the start of the period.",
        },
        "inspection.surprise_before_law": {
            "kk": "Кенеттен тексеру 2026 жылғы 1 ақпаннан бастап қана жүргізіледі. Актінің күнін "
            "немесе тексеру түрін тексеріңіз.",
            "ru": "Внезапная проверка проводится только с 1 февраля 2026 года. Проверьте дату акта "
            "или вид проверки.",
            "en": "Surprise inspections exist only from 1 February 2026. Check the act date or the "
            "kind of inspection.",
        },
        "inspection.surprise_not_on_register": {
            "kk": "Кенеттен тексеру тек ерекше бақылау мен қадағалауға жататын объектілер "
            "тізіліміндегі объектілерде жүргізіледі, ал бұл объект онда жоқ. Басқа тексеру "
            "түрін таңдаңыз.",
            "ru": "Внезапная проверка проводится только на объектах из реестра объектов, подлежащих "
            "особому контролю и надзору, а этого объекта в нём нет. Выберите другой вид проверки.",
            "en": "A surprise inspection is only for facilities on the register of special control "
            "and supervision, and this one is not on it. Choose another kind of inspection.",
        },
    }
)
