"""A protocol's offender: a person is checked by IIN (birth date from it), an organisation by BIN."""

import dataclasses
import datetime as dt

import pytest

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.measures import validate_measure
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

TODAY = dt.date(2026, 3, 20)
IIN = make_valid_12("88021540012")  # born 15 Feb 1988 (digit 7 = 4: the 1900s, a woman)


def protocol(iin_or_bin: str, kind=OffenderKind.PERSON, birth_date=None) -> Measure:
    """Under 135.1, with a fine the sanction allows both an official and a non-commercial body."""
    offender = Offender(
        kind=kind,
        name="Сәрсенова Әйгерім",
        iin_or_bin=iin_or_bin,
        birth_date=birth_date,
        id_document=IdDocument(number="041234567"),
        workplace=Localized("№5 мектеп", "Школа №5"),
        representative=Person("Оспанов Нұрлан", position_ru="юрисконсульт"),
        business_size=BusinessSize.NON_COMMERCIAL,
    )
    return Measure(
        id="m",
        inspection_id="i",
        kind=MeasureKind.PROTOCOL,
        article="135",
        part="1",
        offender=offender,
        fine_mrp=10 if kind == OffenderKind.PERSON else 20,
        offence_date=dt.date(2026, 3, 10),
    )


def validate(measure: Measure) -> Measure:
    return validate_measure(
        measure, articles={a.code: a for a in ARTICLES}, mrp_by_year=MRP_BY_YEAR, today=TODAY
    )


def wrong_check_digit(number: str) -> str:
    return number[:11] + str((int(number[11]) + 1) % 10)


@pytest.mark.parametrize("kind", [OffenderKind.PERSON, "person"])  # "person": as a combo box gives it
def test_a_person_with_a_wrong_check_digit_is_told_a_bad_iin(kind):
    with pytest.raises(UserError) as caught:
        validate(protocol(wrong_check_digit(IIN), kind=kind))
    assert caught.value.code == "iin.checksum"
    assert "ИИН" in caught.value.message("ru") and "БИН" not in caught.value.message("ru")
    assert "ЖСН" in caught.value.message("kk")


def test_a_person_s_iin_with_no_birth_date_in_it_is_told_as_such():
    impossible = make_valid_12("88023140012")  # 31 February
    assert impossible is not None
    with pytest.raises(UserError) as caught:
        validate(protocol(impossible, kind="person"))
    assert caught.value.code == "iin.birth_date"


def test_the_birth_date_comes_from_the_iin():
    measure = validate(protocol(IIN, kind="person"))
    assert measure.offender.kind is OffenderKind.PERSON
    assert measure.offender.birth_date == dt.date(1988, 2, 15)


def test_a_birth_date_that_disagrees_with_the_iin_is_an_error():
    with pytest.raises(UserError) as caught:
        validate(protocol(IIN, birth_date=dt.date(1988, 2, 16)))
    assert caught.value.code == "iin.birth_date_mismatch"
    assert "15.02.1988" in caught.value.message("ru") and "16.02.1988" in caught.value.message("kk")
    assert validate(protocol(IIN, birth_date=dt.date(1988, 2, 15))).offender.birth_date.day == 15


def test_an_organisation_is_still_checked_by_bin():
    good = make_valid_12("12014000001")
    assert validate(protocol(good, kind="organisation")).offender.iin_or_bin == good
    with pytest.raises(UserError) as caught:
        validate(protocol(wrong_check_digit(good), kind=OffenderKind.ORGANISATION))
    assert caught.value.code == "bin.checksum"


def test_the_century_comes_from_digit_seven():
    for digit, year in (("2", 1888), ("4", 1988), ("6", 2088)):
        number = make_valid_12(f"880215{digit}0012")
        if number is None:
            continue
        measure = validate(dataclasses.replace(protocol(number)))
        assert measure.offender.birth_date == dt.date(year, 2, 15)
