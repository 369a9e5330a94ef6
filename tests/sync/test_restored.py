"""Children whose rights were restored on the wire: checked by the server, read by clients."""

import pytest

from inspector_app.core import problems
from inspector_app.core.domain.models import RestoredRights, RightsCategory
from inspector_app.core.domain.restored import children_from_counts
from inspector_app.core.problems import Problem
from inspector_app.core.protocol import InspectionRecord
from sync.server.services.restored import check_restored
from tests.kit.factory import inspection


def record_with(children: list[dict], restored: list[dict] | None = None) -> InspectionRecord:
    data = inspection("facility-1", seed=7).model_dump(mode="json")
    data["measures"] = [
        {
            "id": "m1",
            "inspection_id": data["id"],
            "kind": "order",
            "finding_ids": ["f0"],
            "deadlines": {"f0": "2025-06-30"},
        }
    ]
    data["restored_children"] = children
    if restored is None:
        counts: dict[str, set[str]] = {}
        for child in children:
            for category in child["categories"]:
                counts.setdefault(category, set()).add(child["reference"].casefold() or child["id"])
        restored = [{"category": c, "children": len(k)} for c, k in counts.items()]
    data["restored"] = restored
    return InspectionRecord.model_validate(data)


def child(id_, reference="Ә.Қ.", categories=("housing",), finding_id="", measure_id="m1"):
    return {
        "id": id_,
        "reference": reference,
        "categories": list(categories),
        "finding_id": finding_id,
        "measure_id": measure_id,
    }


def test_children_tied_to_the_record_s_findings_and_measures_pass():
    record = record_with(
        [
            child("c1", categories=("housing", "property")),
            child("c2", "ә.қ.", ("housing",), finding_id="f1", measure_id=""),
            child("c3", "Іс 17", ("education",)),
        ]
    )
    check_restored(record)
    again = InspectionRecord.model_validate(record.model_dump(mode="json"))
    assert again.restored_children[0].categories == [RightsCategory.HOUSING, RightsCategory.PROPERTY]
    assert again.content_hash() == record.content_hash()


@pytest.mark.parametrize(
    ("children", "restored", "words"),
    [
        ([child("c1"), child("c1", "Б.В.")], None, "repeated"),
        ([child("c1", categories=())], [], "no category"),
        ([child("c1", measure_id="m9")], None, "measure the record does not have"),
        ([child("c1", finding_id="f9", measure_id="")], None, "finding the record does not have"),
        ([child("c1", finding_id="f1")], None, "both"),
        ([child("c1")], [{"category": "housing", "children": 2}], "counts per category"),
    ],
)
def test_a_wrong_child_is_a_coded_refusal(children, restored, words):
    with pytest.raises(Problem) as caught:
        check_restored(record_with(children, restored))
    assert caught.value.kind is problems.VALIDATION_FAILED and words in caught.value.message


def test_an_older_client_s_counts_pass_and_read_as_anonymous_children():
    record = record_with([], [{"category": "safety", "children": 3}])
    check_restored(record)
    children = children_from_counts(record.restored)
    assert [c.id for c in children] == ["safety-1", "safety-2", "safety-3"]
    assert children_from_counts([RestoredRights(RightsCategory.FAMILY, 0)]) == []
