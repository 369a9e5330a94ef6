"""Checks of a measure before it is recorded."""
from __future__ import annotations

import datetime as dt
from typing import Mapping

from .errors import UserError, register_messages
from .fines import fine_in_tenge
from .identifiers import iin_birth_date, validate_bin, validate_iin
from .models import Measure, MeasureKind, OffenderKind
from .reference import Article

EARLIEST_DATE = dt.date(2015, 1, 1)


def check_date(value: dt.date | None, *, today: dt.date, future_years: int = 2) -> None:
    if value is not None and not EARLIEST_DATE <= value <= today.replace(year=today.year + future_years):
        raise UserError("date.out_of_range", value=value.isoformat())


def validate_measure(measure: Measure, *, articles: Mapping[str, Article],
                     mrp_by_year: Mapping[int, int], today: dt.date) -> Measure:
    """Raise a UserError for the first problem; fill in derived values (fine in tenge)."""
    if measure.kind is MeasureKind.PROTOCOL:
        _validate_protocol(measure, articles, mrp_by_year, today)
    elif measure.kind is MeasureKind.ORDER:
        if not measure.deadlines:
            raise UserError("order.no_items")
        for deadline in measure.deadlines.values():
            if deadline < today:
                raise UserError("order.deadline_past", value=deadline.isoformat())
            check_date(deadline, today=today)
    elif measure.kind is MeasureKind.DISCIPLINARY:
        if measure.official is None or not measure.official.name.strip() or not measure.employer.strip():
            raise UserError("referral.incomplete")
    elif measure.kind is MeasureKind.RECOMMENDATION and not measure.text.strip():
        raise UserError("recommendation.empty")
    return measure


def _validate_protocol(measure: Measure, articles, mrp_by_year, today: dt.date) -> None:
    offender = measure.offender
    if offender is None or not offender.name.strip():
        raise UserError("protocol.no_offender")
    # a kind read back from a widget or JSON may be the plain string "person"
    offender.kind = OffenderKind(offender.kind)
    if offender.kind is OffenderKind.PERSON:
        offender.iin_or_bin = validate_iin(offender.iin_or_bin, offender.birth_date)
        offender.birth_date = iin_birth_date(offender.iin_or_bin)
    else:
        offender.iin_or_bin = validate_bin(offender.iin_or_bin)
    article = articles.get(f"{measure.article}.{measure.part}")
    if article is None:
        raise UserError("protocol.unknown_article", article=measure.article, part=measure.part)
    if measure.offence_date is None:
        raise UserError("protocol.no_date")
    check_date(measure.offence_date, today=today, future_years=0)
    if measure.fine_mrp is None or not article.min_mrp <= measure.fine_mrp <= article.max_mrp:
        raise UserError("protocol.fine_out_of_range", low=article.min_mrp, high=article.max_mrp)
    measure.fine_tenge = fine_in_tenge(measure.fine_mrp, measure.offence_date.year, mrp_by_year)


register_messages({
    "date.out_of_range": {
        "kk": "{value} күні мүмкін аралықтан тыс. Күнді тексеріңіз.",
        "ru": "Дата {value} вне допустимого диапазона. Проверьте дату.",
        "en": "The date {value} is out of range. Check the date.",
    },
    "order.no_items": {
        "kk": "Нұсқамада кемінде бір бұзушылық пен оны жою мерзімі болуы керек.",
        "ru": "В предписании должно быть хотя бы одно нарушение со сроком устранения.",
        "en": "An order needs at least one violation with a deadline.",
    },
    "order.deadline_past": {
        "kk": "Жою мерзімі ({value}) өтіп кеткен. Болашақ күнді таңдаңыз.",
        "ru": "Срок устранения ({value}) уже прошёл. Выберите дату в будущем.",
        "en": "The deadline ({value}) has passed. Choose a future date.",
    },
    "referral.incomplete": {
        "kk": "Тәртіптік жауапкершілікке тарту үшін лауазымды адамның аты-жөні мен жұмыс берушіні көрсетіңіз.",
        "ru": "Для дисциплинарного представления укажите ФИО должностного лица и работодателя.",
        "en": "A disciplinary referral needs the official's name and the employer.",
    },
    "recommendation.empty": {
        "kk": "Ұсыныс мәтінін жазыңыз.",
        "ru": "Напишите текст рекомендации.",
        "en": "Write the text of the recommendation.",
    },
    "protocol.no_offender": {
        "kk": "Хаттамада құқық бұзушы көрсетілуі керек.",
        "ru": "В протоколе должен быть указан правонарушитель.",
        "en": "The protocol needs an offender.",
    },
    "protocol.unknown_article": {
        "kk": "ӘҚБтК {article}-бабының {part}-бөлігі анықтамалықта жоқ. Тізімнен таңдаңыз.",
        "ru": "Статьи {article} части {part} КоАП нет в справочнике. Выберите из списка.",
        "en": "Article {article} part {part} is not in the reference list. Choose one from the list.",
    },
    "protocol.no_date": {
        "kk": "Құқық бұзушылық күнін көрсетіңіз.",
        "ru": "Укажите дату правонарушения.",
        "en": "Enter the date of the offence.",
    },
    "protocol.fine_out_of_range": {
        "kk": "Бұл бап бойынша айыппұл {low}–{high} АЕК аралығында болуы керек.",
        "ru": "Штраф по этой статье должен быть от {low} до {high} МРП.",
        "en": "The fine under this article must be between {low} and {high} MRP.",
    },
    "restored.negative": {
        "kk": "Балалар саны теріс бола алмайды.",
        "ru": "Число детей не может быть отрицательным.",
        "en": "The number of children cannot be negative.",
    },
})
