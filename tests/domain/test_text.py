import pytest

from inspector_app.core.domain.text import KAZAKH_ALPHABET, fold, name_sort_key, search_terms


@pytest.mark.parametrize("typed", ["ҚАРАҒАНДЫ", "қарағанды", "Караганды", "КАРАГАНДЫ"])
def test_kazakh_letters_fold_with_case_and_lookalikes(typed):
    assert fold(typed) == fold("Қарағанды")


def test_every_kazakh_letter_has_its_lookalike():
    assert fold("ӘҒҚҢӨҰҮҺІ әғқңөұүһі") == "агкноуухи агкноуухи"


def test_search_terms_split_words():
    assert search_terms("Өскемен, №5 мектеп") == ["оскемен", "5", "мектеп"]


def test_kazakh_names_sort_in_alphabet_order_whatever_the_case():
    names = [
        "Іле",
        "Үшарал",
        "Әйтеке би",
        "ыбырай",
        "Жаңаөзен",
        "Ақсу",
        "Өскемен",
        "абай",
        "Ұзынағаш",
        "Орал",
        "Қарағанды",
        "Караганды",
        "2-мектеп",
    ]
    assert sorted(names, key=name_sort_key) == [
        "2-мектеп",
        "абай",
        "Ақсу",
        "Әйтеке би",
        "Жаңаөзен",
        "Караганды",
        "Қарағанды",
        "Орал",
        "Өскемен",
        "Ұзынағаш",
        "Үшарал",
        "ыбырай",
        "Іле",
    ]
    letters = list(KAZAKH_ALPHABET.upper())
    backwards = letters[::-1]
    assert sorted(backwards, key=name_sort_key) == letters and len(letters) == 42


def test_numbers_in_names_sort_by_value():
    names = [
        "№137 мектеп",
        "№1361 мектеп",
        "№5 мектеп",
        "№12 мектеп",
        "№05 мектеп-гимназия",
        "Балдырған-10427",
        "Балдырған-104",
        "№12а мектеп",
    ]
    assert sorted(names, key=name_sort_key) == [
        "№5 мектеп",
        "№05 мектеп-гимназия",
        "№12 мектеп",
        "№12а мектеп",
        "№137 мектеп",
        "№1361 мектеп",
        "Балдырған-104",
        "Балдырған-10427",
    ]


def test_russian_names_sort_as_a_russian_reader_expects():
    names = [
        "ясли-сад «Ёлочка»",
        "Школа-лицей",
        "автошкола",
        "Детский дом №17",
        "Ерейменская школа",
        "Детский дом №2",
        "Әйтеке би ауылының мектебі",
    ]
    assert sorted(names, key=name_sort_key) == [
        "автошкола",
        "Әйтеке би ауылының мектебі",
        "Детский дом №2",
        "Детский дом №17",
        "Ерейменская школа",
        "Школа-лицей",
        "ясли-сад «Ёлочка»",
    ]
