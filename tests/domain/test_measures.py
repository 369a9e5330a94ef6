"""Checks of a measure before it is recorded: competence, art. 803 fields, the referral."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.core.domain.codec import measure_from_json, to_json
from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.measures import committee_articles, validate_measure
from inspector_app.core.domain.models import (
    BusinessSize,
    IdDocument,
    Localized,
    Measure,
    MeasureKind,
    Offender,
    OffenderKind,
    Person,
)
from inspector_app.core.domain.reference import ARTICLES, MRP_BY_YEAR

TODAY = dt.date(2026, 3, 16)
ARTICLES_BY_CODE = {a.code: a for a in ARTICLES}


def official() -> Offender:
    return Offender(
        OffenderKind.PERSON,
        "Сәрсенов Ғалым",
        make_valid_12("80010130045"),
        workplace=Localized("№ 5 мектеп", "Школа № 5"),
        id_document=IdDocument(number="045612378"),
    )


def protocol(article="127-3", part="1", offender=None, fine=10) -> Measure:
    return Measure(
        "",
        "i",
        MeasureKind.PROTOCOL,
        ["f1"],
        article=article,
        part=part,
        offender=offender or official(),
        fine_mrp=fine,
        offence_date=TODAY,
    )


def check(measure: Measure) -> Measure:
    return validate_measure(measure, articles=ARTICLES_BY_CODE, mrp_by_year=MRP_BY_YEAR, today=TODAY)


def test_the_committee_draws_up_protocols_only_under_its_own_articles():
    assert set(committee_articles(ARTICLES_BY_CODE)) == {"127-3.1", "127-3.2", "135.1"}
    with pytest.raises(UserError) as caught:
        check(protocol("425", "1", fine=20))
    assert caught.value.code == "protocol.not_competent"
    assert "по подведомственности" in caught.value.message("ru")
    assert "санитарно-эпидемиологического" in caught.value.message("ru")
    assert check(protocol()).fine_tenge == 10 * 4325


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda o: setattr(o, "id_document", None), "protocol.no_id_document"),
        (lambda o: setattr(o, "workplace", Localized()), "protocol.no_workplace"),
    ],
)
def test_an_official_needs_identity_document_and_workplace(change, code):
    offender = official()
    change(offender)
    with pytest.raises(UserError) as caught:
        check(protocol(offender=offender))
    assert caught.value.code == code


def test_an_organisation_needs_its_representative_and_size_where_the_fine_depends_on_it():
    org = Offender(OffenderKind.ORGANISATION, "ТОО «Балапан»", make_valid_12("12034001234"))
    with pytest.raises(UserError) as caught:
        check(protocol("135", "1", offender=org, fine=20))
    assert caught.value.code == "protocol.no_representative"
    org.representative = Person("Оспанов Нұрлан", position_ru="юрисконсульт")
    with pytest.raises(UserError) as caught:
        check(protocol("135", "1", offender=org, fine=20))
    assert caught.value.code == "protocol.no_business_size"
    org.business_size = BusinessSize.LARGE
    with pytest.raises(UserError) as caught:
        check(protocol("135", "1", offender=org, fine=20))
    assert caught.value.code == "protocol.fine_fixed"  # large: 50 MRP, no range
    assert check(protocol("135", "1", offender=org, fine=50)).fine_tenge == 50 * 4325


def test_a_repeated_offence_needs_the_earlier_penalty():
    with pytest.raises(UserError) as caught:
        check(protocol("127-3", "2", fine=30))
    assert caught.value.code == "protocol.no_prior_penalties"
    offender = official()
    offender.prior_penalties = Localized(ru="Постановление № 12 от 01.06.2025, ст. 127-3 ч. 1")
    assert check(protocol("127-3", "2", offender=offender, fine=30)).fine_mrp == 30


def test_a_referral_to_the_competent_body_names_the_body_and_its_department():
    transfer = Measure("", "i", MeasureKind.TRANSFER, ["f1"])
    for body, addressee, code in (
        ("", "", "transfer.no_body"),
        ("committee", "", "transfer.no_body"),
        ("sanitary", "", "transfer.no_addressee"),
    ):
        transfer.addressee_body, transfer.addressee = body, Localized(ru=addressee)
        with pytest.raises(UserError) as caught:
            check(transfer)
        assert caught.value.code == code
    transfer.addressee = Localized(ru="Департамент СЭК г. Алматы")
    assert check(transfer).kind is MeasureKind.TRANSFER


def test_new_fields_survive_json_and_old_plain_texts_still_load():
    measure = check(protocol())
    measure.substance = Localized("Тәртіп жоқ", "Порядка нет")
    measure.witnesses = [Person("Иванова М.", address="Алматы, Абая 12", position_ru="учитель")]
    assert measure_from_json(to_json(measure)) == measure
    old = to_json(measure)
    old["substance"], old["offender"]["position"] = "Порядка нет", "директор"
    loaded = measure_from_json(old)
    assert loaded.substance == Localized("Порядка нет", "Порядка нет")
    assert loaded.offender.position.ru == "директор"
