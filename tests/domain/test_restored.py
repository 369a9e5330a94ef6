"""Counting children whose rights were restored: once per category, once in the total."""

import pytest

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import RestoredChild, RightsCategory
from inspector_app.core.domain.restored import (
    anonymous_children,
    anonymous_number,
    distinct_children,
    restored_counts,
    validate_child,
    without_dangling_ties,
)

H, S, E = RightsCategory.HOUSING, RightsCategory.SAFETY, RightsCategory.EDUCATION


def test_a_child_in_two_categories_counts_once_in_the_total():
    children = [RestoredChild("1", "Ә.Қ.", [H, S]), RestoredChild("2", "Б.В.", [S])]
    assert [(r.category, r.children) for r in restored_counts(children)] == [(H, 1), (S, 2)]
    assert distinct_children(children) == 2


def test_the_same_reference_in_two_records_is_one_child_case_and_spaces_aside():
    children = [RestoredChild("1", "ӘҚ 17", [H]), RestoredChild("2", " әқ   17 ", [H, E])]
    assert [(r.category, r.children) for r in restored_counts(children)] == [(H, 1), (E, 1)]
    assert distinct_children(children) == 1


def test_anonymous_children_each_count_once_and_keep_their_number():
    children = anonymous_children(S, 3) + anonymous_children(H, 2)
    assert distinct_children(children) == 5
    assert [anonymous_number(c) for c in children] == ["1", "2", "3", "1", "2"]
    assert anonymous_number(RestoredChild("x", "Ә.Қ.", [H])) == ""


def test_validation_tidies_the_reference_and_orders_the_categories():
    child = validate_child(RestoredChild("", "  Іс   17 ", [S, H, S], measure_id="m"), [], ["m"])
    assert child.reference == "Іс 17" and child.categories == [H, S]


@pytest.mark.parametrize(
    ("child", "code"),
    [
        (RestoredChild("", "", [H], measure_id="m"), "restored.no_reference"),
        (RestoredChild("", "Ә" * 41, [H], measure_id="m"), "restored.reference_too_long"),
        (RestoredChild("", "Ә.Қ.", [], measure_id="m"), "restored.no_category"),
        (RestoredChild("", "Ә.Қ.", [H]), "restored.no_tie"),
        (RestoredChild("", "Ә.Қ.", [H], finding_id="f", measure_id="m"), "restored.no_tie"),
        (RestoredChild("", "Ә.Қ.", [H], measure_id="gone"), "restored.no_tie"),
    ],
)
def test_a_child_entered_wrongly_is_told_in_each_language(child, code):
    with pytest.raises(UserError) as caught:
        validate_child(child, ["f"], ["m"])
    assert caught.value.code == code
    assert all(caught.value.message(lang) for lang in ("kk", "ru", "en"))


def test_ties_to_findings_or_measures_gone_are_cleared():
    children = [RestoredChild("1", "А", [H], finding_id="f"), RestoredChild("2", "Б", [H], measure_id="m")]
    kept = without_dangling_ties(children, ["f"], [])
    assert (kept[0].finding_id, kept[1].measure_id) == ("f", "")
    assert children[1].measure_id == "m"  # the originals untouched
