"""IIN (persons) and BIN (organisations): 12 digits, the last a check digit."""

from __future__ import annotations

import datetime as dt

from inspector_app.core.domain.errors import UserError, register_messages

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first11: str) -> int | None:
    """The 12th digit for these 11, or None when no digit is possible (the number is invalid)."""
    digits = [int(c) for c in first11]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        rest = sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
        if rest != 10:
            return rest
    return None


def is_valid_12(number: str) -> bool:
    if len(number) != 12 or not number.isdigit():
        return False
    return check_digit(number[:11]) == int(number[11])


def validate_bin(value: str) -> str:
    number = value.strip().replace(" ", "")
    if len(number) != 12 or not number.isdigit():
        raise UserError("bin.format", value=value)
    if not is_valid_12(number):
        raise UserError("bin.checksum", value=value)
    return number


def validate_iin(value: str, birth_date: dt.date | None = None) -> str:
    """A person's IIN: 12 digits, its check digit, then the birth date of digits 1-6 (the
    century from digit 7). A `birth_date` given separately must be the IIN's."""
    number = value.strip().replace(" ", "")
    if len(number) != 12 or not number.isdigit():
        raise UserError("iin.format", value=value)
    if not is_valid_12(number):
        raise UserError("iin.checksum", value=value)
    born = iin_birth_date(number)
    if born is None:
        raise UserError("iin.birth_date", value=value)
    if birth_date is not None and birth_date != born:
        raise UserError(
            "iin.birth_date_mismatch",
            value=number,
            entered=birth_date.strftime("%d.%m.%Y"),
            born=born.strftime("%d.%m.%Y"),
        )
    return number


def birth_date_of(value: str) -> dt.date | None:
    """The birth date of a valid IIN as typed (spaces allowed), else None: for filling forms."""
    number = value.strip().replace(" ", "")
    return iin_birth_date(number) if is_valid_12(number) else None


def iin_birth_date(iin: str) -> dt.date | None:
    """Digits 1-6 are YYMMDD; digit 7 gives the century (1-2: 1800s, 3-4: 1900s, 5-6: 2000s)."""
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(iin[6])
    if century is None:
        return None
    try:
        return dt.date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None


def make_valid_12(first11: str) -> str | None:
    """Append the check digit (for demo data and tests); None if no valid number exists."""
    digit = check_digit(first11)
    return None if digit is None else first11 + str(digit)


register_messages(
    {
        "bin.format": {
            "kk": "БСН «{value}» 12 цифрдан тұруы керек. Ұйымның тіркеу құжатынан тексеріңіз.",
            "ru": "БИН «{value}» должен состоять из 12 цифр. Сверьте его со свидетельством о регистрации организации.",
            "en": 'BIN "{value}" must be 12 digits. Check it against the organisation\'s registration certificate.',
        },
        "bin.checksum": {
            "kk": "БСН «{value}» қате: бақылау цифры сәйкес келмейді. Цифрларды қайта тексеріңіз.",
            "ru": "БИН «{value}» неверен: не сходится контрольная цифра. Проверьте цифры ещё раз.",
            "en": 'BIN "{value}" is wrong: its check digit does not match. Check the digits again.',
        },
        "iin.format": {
            "kk": "ЖСН «{value}» 12 цифрдан тұруы керек. Жеке куәліктен тексеріңіз.",
            "ru": "ИИН «{value}» должен состоять из 12 цифр. Сверьте его с удостоверением личности.",
            "en": 'IIN "{value}" must be 12 digits. Check it against the identity card.',
        },
        "iin.checksum": {
            "kk": "ЖСН «{value}» қате: бақылау цифры сәйкес келмейді. Цифрларды қайта тексеріңіз.",
            "ru": "ИИН «{value}» неверен: не сходится контрольная цифра. Проверьте цифры ещё раз.",
            "en": 'IIN "{value}" is wrong: its check digit does not match. Check the digits again.',
        },
        "iin.birth_date": {
            "kk": "ЖСН «{value}» қате: алғашқы цифрлары туған күнді көрсетпейді.",
            "ru": "ИИН «{value}» неверен: первые цифры не образуют дату рождения.",
            "en": 'IIN "{value}" is wrong: its first digits are not a birth date.',
        },
        "iin.birth_date_mismatch": {
            "kk": "Туған күні ({entered}) ЖСН-мен сәйкес келмейді: ЖСН {value} бойынша туған күні {born}. "
            "ЖСН-ді немесе туған күнді жеке куәліктен тексеріңіз.",
            "ru": "Дата рождения ({entered}) не совпадает с ИИН: по ИИН {value} дата рождения {born}. "
            "Сверьте ИИН или дату рождения с удостоверением личности.",
            "en": "The date of birth ({entered}) does not match the IIN: IIN {value} gives {born}. "
            "Check the IIN or the date of birth against the identity card.",
        },
    }
)
