import pytest

from inspector_app.domain.text import KAZAKH_ALPHABET, fold, kazakh_sort_key, search_terms


@pytest.mark.parametrize("typed", ["ҚАРАҒАНДЫ", "қарағанды", "Караганды", "КАРАГАНДЫ"])
def test_kazakh_letters_fold_with_case_and_lookalikes(typed):
    assert fold(typed) == fold("Қарағанды")


def test_every_kazakh_letter_has_its_lookalike():
    assert fold("ӘҒҚҢӨҰҮҺІ әғқңөұүһі") == "агкноуухи агкноуухи"


def test_search_terms_split_words():
    assert search_terms("Өскемен, №5 мектеп") == ["оскемен", "5", "мектеп"]


def test_kazakh_names_sort_in_alphabet_order_whatever_the_case():
    names = ["Іле", "Үшарал", "Әйтеке би", "ыбырай", "Жаңаөзен", "Ақсу", "Өскемен", "абай",
             "Ұзынағаш", "Орал", "Қарағанды", "Караганды", "2-мектеп"]
    assert sorted(names, key=kazakh_sort_key) == [
        "2-мектеп", "абай", "Ақсу", "Әйтеке би", "Жаңаөзен", "Караганды", "Қарағанды", "Орал",
        "Өскемен", "Ұзынағаш", "Үшарал", "ыбырай", "Іле"]
    letters = list(KAZAKH_ALPHABET.upper())
    assert sorted(reversed(letters), key=kazakh_sort_key) == letters and len(letters) == 42
