import datetime as dt

import pytest

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import (
    check_digit,
    iin_birth_date,
    is_valid_12,
    make_valid_12,
    validate_bin,
    validate_iin,
)


def test_check_digit_first_weights():
    # 1*1 + 2*2 + ... computed by hand for a simple number
    first = "00000000001"
    assert check_digit(first) == 11 % 11  # weight 11 on the last digit -> 0


def test_second_weights_used_when_first_gives_ten():
    # find an 11-digit prefix whose first sum mod 11 is 10, then check the second pass
    for n in range(10**6):
        prefix = f"{n:011d}"
        digits = [int(c) for c in prefix]
        if sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11 == 10:
            second = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
            assert check_digit(prefix) == (None if second == 10 else second)
            return
    pytest.fail("no prefix found")


def test_valid_iin_accepted_and_birth_date_read():
    iin = make_valid_12("88021530012")
    assert validate_iin(iin) == iin
    assert iin_birth_date(iin) == dt.date(1988, 2, 15)


@pytest.mark.parametrize("value", ["12345", "abcdefghijkl", "8802153001234"])
def test_malformed_iin_rejected_with_a_clear_message(value):
    with pytest.raises(UserError) as caught:
        validate_iin(value)
    assert caught.value.code == "iin.format"
    assert "ИИН" in caught.value.message("ru") and "ЖСН" in caught.value.message("kk")


def test_iin_with_wrong_check_digit_rejected():
    good = make_valid_12("88021530012")
    bad = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(UserError) as caught:
        validate_iin(bad)
    assert caught.value.code == "iin.checksum"


def test_iin_with_impossible_birth_date_rejected():
    number = make_valid_12("881315300120"[:11])  # month 13
    assert number is not None
    with pytest.raises(UserError) as caught:
        validate_iin(number)
    assert caught.value.code == "iin.birth_date"


def test_bin_checksum():
    good = make_valid_12("12014000001")
    assert is_valid_12(good) and validate_bin(" " + good + " ") == good
    bad = good[:11] + str((int(good[11]) + 1) % 10)
    with pytest.raises(UserError) as caught:
        validate_bin(bad)
    assert caught.value.code == "bin.checksum"
    assert "check digit" in caught.value.message("en")


def test_birth_date_of_a_typed_iin_only_when_valid():
    from inspector_app.core.domain.identifiers import birth_date_of

    iin = make_valid_12("05071260012")  # digit 7 = 6: the 2000s
    assert birth_date_of(f" {iin[:6]} {iin[6:]} ") == dt.date(2005, 7, 12)
    assert birth_date_of(iin[:11]) is None
    assert birth_date_of(iin[:11] + str((int(iin[11]) + 1) % 10)) is None


def test_a_birth_date_given_with_the_iin_must_be_its_own():
    iin = make_valid_12("88021530012")
    assert validate_iin(iin, dt.date(1988, 2, 15)) == iin
    with pytest.raises(UserError) as caught:
        validate_iin(iin, dt.date(1980, 1, 1))
    assert caught.value.code == "iin.birth_date_mismatch"
