"""Checks of a measure before it is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.fines import fine_in_tenge
from inspector_app.core.domain.identifiers import iin_birth_date, validate_bin, validate_iin
from inspector_app.core.domain.models import Bilingual, Measure, MeasureKind, Offender, OffenderKind
from inspector_app.core.domain.reference import BODIES, Article, referral_bodies

EARLIEST_DATE = dt.date(2015, 1, 1)


def check_date(value: dt.date | None, *, today: dt.date, future_years: int = 2) -> None:
    if value is not None and not EARLIEST_DATE <= value <= today.replace(year=today.year + future_years):
        raise UserError("date.out_of_range", value=value)


def validate_measure(
    measure: Measure,
    *,
    articles: Mapping[str, Article],
    mrp_by_year: Mapping[int, int],
    today: dt.date,
    bodies: Mapping[str, Bilingual] = BODIES,
) -> Measure:
    """Raise a UserError for the first problem; fill in derived values (fine in tenge).
    `bodies`: the competent bodies a referral may name (the reference data)."""
    if measure.kind is MeasureKind.PROTOCOL:
        _validate_protocol(measure, articles, mrp_by_year, today, bodies)
    elif measure.kind is MeasureKind.ORDER:
        if not measure.deadlines:
            raise UserError("order.no_items")
        for deadline in measure.deadlines.values():
            if deadline < today:
                raise UserError("order.deadline_past", value=deadline)
            check_date(deadline, today=today)
    elif measure.kind is MeasureKind.DISCIPLINARY:
        if measure.official is None or not measure.official.name.strip() or measure.employer.is_empty():
            raise UserError("referral.incomplete")
    elif measure.kind is MeasureKind.RECOMMENDATION and measure.text.is_empty():
        raise UserError("recommendation.empty")
    elif measure.kind is MeasureKind.TRANSFER:
        _validate_referral(measure, bodies)
    return measure


def committee_articles(articles: Mapping[str, Article]) -> dict[str, Article]:
    """The articles under which the Committee itself draws up protocols."""
    return {code: a for code, a in articles.items() if a.by_committee}


def _validate_referral(measure: Measure, bodies: Mapping[str, Bilingual]) -> None:
    if not measure.finding_ids:
        raise UserError("transfer.no_findings")
    if measure.addressee_body not in referral_bodies(bodies):
        raise UserError("transfer.no_body")
    if measure.addressee.is_empty():
        raise UserError("transfer.no_addressee")


def _validate_protocol(
    measure: Measure,
    articles: Mapping[str, Article],
    mrp_by_year: Mapping[int, int],
    today: dt.date,
    bodies: Mapping[str, Bilingual],
) -> None:
    offender = measure.offender
    if offender is None or not offender.name.strip():
        raise UserError("protocol.no_offender")
    article = _article(measure, articles, bodies)
    # a kind read back from a widget or JSON may be the plain string "person"
    offender.kind = OffenderKind(offender.kind)
    if offender.kind is OffenderKind.PERSON:
        _check_official(offender)
    else:
        _check_organisation(offender, article)
    if article.repeat and offender.prior_penalties.is_empty():
        raise UserError("protocol.no_prior_penalties", article=article.article, part=article.part)
    if measure.offence_date is None:
        raise UserError("protocol.no_date")
    check_date(measure.offence_date, today=today, future_years=0)
    size = offender.business_size.value if offender.business_size else None
    low, high = article.range_for(size if offender.kind is OffenderKind.ORGANISATION else None)
    if measure.fine_mrp is None or not low <= measure.fine_mrp <= high:
        if low == high:
            raise UserError("protocol.fine_fixed", fine=low)
        raise UserError("protocol.fine_out_of_range", low=low, high=high)
    measure.fine_tenge = fine_in_tenge(measure.fine_mrp, measure.offence_date.year, mrp_by_year)


def _article(measure: Measure, articles: Mapping[str, Article], bodies: Mapping[str, Bilingual]) -> Article:
    """The article of the protocol; the Committee draws up protocols only under its own."""
    code = ".".join(x for x in (measure.article, measure.part, measure.item) if x)
    article = articles.get(code)
    if article is None:
        raise UserError("protocol.unknown_article", article=measure.article, part=measure.part)
    if not article.by_committee:
        body = bodies.get(article.protocol_by) or BODIES.get(article.protocol_by)
        raise UserError(
            "protocol.not_competent",
            article=article.article,
            part=article.part,
            body_kk=body.kk if body else article.protocol_by,
            body_ru=body.ru if body else article.protocol_by,
            body_en=body.en if body else article.protocol_by,
        )
    return article


def _check_official(offender: Offender) -> None:
    offender.iin_or_bin = validate_iin(offender.iin_or_bin, offender.birth_date)
    offender.birth_date = iin_birth_date(offender.iin_or_bin)
    document = offender.id_document
    if document is None or not document.number.strip():
        raise UserError("protocol.no_id_document")
    if offender.workplace.is_empty():
        raise UserError("protocol.no_workplace")


def _check_organisation(offender: Offender, article: Article) -> None:
    offender.iin_or_bin = validate_bin(offender.iin_or_bin)
    if offender.representative is None or not offender.representative.name.strip():
        raise UserError("protocol.no_representative")
    if article.org_mrp and offender.business_size is None:
        raise UserError("protocol.no_business_size")


register_messages(
    {
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
        "protocol.not_competent": {
            "kk": "ӘҚБтК {article}-бабының {part}-бөлігі бойынша хаттаманы Комитет емес, {body_kk} "
            "жасайды. Бұзушылықты құзыретті органға жолдаңыз.",
            "ru": "Протокол по части {part} статьи {article} КоАП составляет не Комитет, а "
            "{body_ru}. Передайте нарушение по подведомственности.",
            "en": "Protocols under article {article} part {part} are drawn up by {body_en}, not by "
            "the Committee. Refer the violation to that body.",
        },
        "protocol.no_id_document": {
            "kk": "Лауазымды адамның жеке басын куәландыратын құжаттың түрі мен нөмірін көрсетіңіз.",
            "ru": "Укажите вид и номер документа, удостоверяющего личность должностного лица.",
            "en": "Enter the kind and number of the official's identity document.",
        },
        "protocol.no_workplace": {
            "kk": "Лауазымды адамның жұмыс орнын көрсетіңіз.",
            "ru": "Укажите место работы должностного лица.",
            "en": "Enter the official's place of work.",
        },
        "protocol.no_representative": {
            "kk": "Заңды тұлға өкілінің аты-жөнін көрсетіңіз.",
            "ru": "Укажите ФИО представителя юридического лица.",
            "en": "Enter the name of the organisation's representative.",
        },
        "protocol.no_business_size": {
            "kk": "Бұл бап бойынша айыппұл кәсіпкерлік субъектісінің санатына байланысты: санатын таңдаңыз.",
            "ru": "Штраф по этой статье зависит от категории субъекта предпринимательства: выберите категорию.",
            "en": "The fine under this article depends on the business size: choose the category.",
        },
        "protocol.no_prior_penalties": {
            "kk": "{article}-баптың {part}-бөлігі қайталап жасауға байланысты: бұрын қолданылған "
            "әкімшілік жазаны көрсетіңіз.",
            "ru": "Часть {part} статьи {article} зависит от повторности: укажите ранее наложенное "
            "административное взыскание.",
            "en": "Part {part} of article {article} depends on repetition: enter the earlier "
            "administrative penalty.",
        },
        "transfer.no_findings": {
            "kk": "Құзыретті органға жолдау үшін кемінде бір бұзушылықты таңдаңыз.",
            "ru": "Для передачи по подведомственности выберите хотя бы одно нарушение.",
            "en": "Choose at least one violation to refer to the competent body.",
        },
        "transfer.no_body": {
            "kk": "Бұзушылық жолданатын құзыретті органның түрін таңдаңыз.",
            "ru": "Выберите вид компетентного органа, которому передаётся нарушение.",
            "en": "Choose the kind of competent body the violation is referred to.",
        },
        "transfer.no_addressee": {
            "kk": "Хат жолданатын органның атауын жазыңыз.",
            "ru": "Укажите наименование органа, которому направляется письмо.",
            "en": "Enter the name of the body the letter is addressed to.",
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
        "protocol.fine_fixed": {
            "kk": "Бұл бап бойынша айыппұл {fine} АЕК.",
            "ru": "Штраф по этой статье составляет {fine} МРП.",
            "en": "The fine under this article is {fine} MRP.",
        },
        "restored.negative": {
            "kk": "Балалар саны теріс бола алмайды.",
            "ru": "Число детей не может быть отрицательным.",
            "en": "The number of children cannot be negative.",
        },
    }
)
