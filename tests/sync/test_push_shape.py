"""The server checks a pushed record's answers as data, not as objects: it must accept and
refuse exactly what the full record model does."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from inspector_app.core.protocol import InspectionRecord, PushedRecord
from tests.kit.factory import demo_facility, inspection

RECORD = inspection(demo_facility("AST"), answers=5, seed=11).model_dump(mode="json")


def _answer_changed(change) -> dict:
    data = copy.deepcopy(RECORD)
    change(data["answers"][1])
    return data


BAD_ANSWERS = {
    "a key no answer has": lambda a: a.update(colour="red"),
    "no item id": lambda a: a.pop("item_id"),
    "an item id that is not text": lambda a: a.update(item_id=5),
    "an unknown verdict": lambda a: a.update(verdict="maybe"),
    "a date that is no date": lambda a: a.update(updated_at="2025-13-40T25:00:00Z"),
    "a note that is a list": lambda a: a.update(note=["a"]),
}


@pytest.mark.parametrize("fault", BAD_ANSWERS)
def test_a_malformed_answer_is_refused_by_both(fault):
    data = _answer_changed(BAD_ANSWERS[fault])
    with pytest.raises(ValidationError):
        InspectionRecord.model_validate(data)
    with pytest.raises(ValidationError) as refused:
        PushedRecord.model_validate(data)
    assert refused.value.errors()[0]["loc"][:2] == ("answers", 1)


def test_an_answer_as_a_list_is_refused_by_both():
    data = copy.deepcopy(RECORD)
    data["answers"][0] = ["s1.i1", "complies"]
    for model in (InspectionRecord, PushedRecord):
        with pytest.raises(ValidationError):
            model.model_validate(data)


def test_good_answers_pass_both_and_only_defaults_may_be_left_out():
    data = _answer_changed(lambda a: [a.pop(k) for k in ("verdict", "value", "note", "updated_at")])
    full, pushed = InspectionRecord.model_validate(data), PushedRecord.model_validate(data)
    assert full.answers[1].item_id == pushed.answers[1]["item_id"]
    assert pushed.answers[1].keys() == {"item_id"}
    assert pushed.header == full.header and pushed.photos == full.photos
