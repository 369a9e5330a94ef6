import pytest

from inspector_app.domain.text import fold, search_terms


@pytest.mark.parametrize("typed", ["ҚАРАҒАНДЫ", "қарағанды", "Караганды", "КАРАГАНДЫ"])
def test_kazakh_letters_fold_with_case_and_lookalikes(typed):
    assert fold(typed) == fold("Қарағанды")


def test_every_kazakh_letter_has_its_lookalike():
    assert fold("ӘҒҚҢӨҰҮҺІ әғқңөұүһі") == "агкноуухи агкноуухи"


def test_search_terms_split_words():
    assert search_terms("Өскемен, №5 мектеп") == ["оскемен", "5", "мектеп"]
