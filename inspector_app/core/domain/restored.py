"""Children whose rights were restored: each child once per category and once in the total,
tied to the finding or measure that restored the rights."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import RestoredChild, RestoredRights, RightsCategory
from inspector_app.core.domain.text import fold

MAX_REFERENCE = 40  # initials or a case number, never a full name


def child_key(child: RestoredChild) -> str:
    """Two records with the same reference (case and spacing aside) are the same child."""
    return re.sub(r"\s+", " ", fold(child.reference)).strip() or f"#{child.id}"


def restored_counts(children: Iterable[RestoredChild]) -> list[RestoredRights]:
    """Distinct children per category, in the order of the categories, none for zero."""
    keys: dict[RightsCategory, set[str]] = {c: set() for c in RightsCategory}
    for child in children:
        for category in child.categories:
            keys[RightsCategory(category)].add(child_key(child))
    return [RestoredRights(c, len(k)) for c, k in keys.items() if k]


def distinct_children(children: Iterable[RestoredChild]) -> int:
    """The total: a child restored in two categories (or by two measures) counts once."""
    return len({child_key(c) for c in children if c.categories})


def anonymous_children(category: RightsCategory, count: int, start: int = 1) -> list[RestoredChild]:
    """Counted children with no record of their own: no reference, numbered per category in
    their ids ("housing-1"), so each counts once."""
    return [
        RestoredChild(id=f"{category.value}-{n}", reference="", categories=[category])
        for n in range(start, start + count)
    ]


def anonymous_number(child: RestoredChild) -> str:
    """The number of an anonymous child within its category ("" for one with a reference)."""
    return "" if child.reference else child.id.rpartition("-")[2]


def children_from_counts(counts: Iterable[RestoredRights]) -> list[RestoredChild]:
    """Anonymous children for counts recorded before children had records of their own."""
    return [child for r in counts for child in anonymous_children(RightsCategory(r.category), r.children)]


def without_dangling_ties(
    children: Iterable[RestoredChild], finding_ids: Iterable[str], measure_ids: Iterable[str]
) -> list[RestoredChild]:
    """The children with ties to findings or measures no longer there cleared (a finding
    goes when its answer is changed back to "complies")."""
    findings, measures = set(finding_ids), set(measure_ids)
    return [
        dataclasses.replace(
            c,
            finding_id=c.finding_id if c.finding_id in findings else "",
            measure_id=c.measure_id if c.measure_id in measures else "",
        )
        for c in children
    ]


def validate_child(
    child: RestoredChild, finding_ids: Iterable[str], measure_ids: Iterable[str]
) -> RestoredChild:
    """Raise a UserError for the first problem of a child entered by the inspector."""
    child.reference = " ".join(child.reference.split())
    if not child.reference:
        raise UserError("restored.no_reference")
    if len(child.reference) > MAX_REFERENCE:
        raise UserError("restored.reference_too_long", limit=MAX_REFERENCE)
    if not child.categories:
        raise UserError("restored.no_category")
    child.categories = [c for c in RightsCategory if c in set(map(RightsCategory, child.categories))]
    if bool(child.finding_id) == bool(child.measure_id):
        raise UserError("restored.no_tie")
    if (child.finding_id and child.finding_id not in set(finding_ids)) or (
        child.measure_id and child.measure_id not in set(measure_ids)
    ):
        raise UserError("restored.no_tie")
    return child


register_messages(
    {
        "restored.no_reference": {
            "kk": "Баланы белгілеңіз: аты-жөнінің бас әріптері немесе іс нөмірі жеткілікті.",
            "ru": "Обозначьте ребёнка: достаточно инициалов или номера дела.",
            "en": "Identify the child: initials or a case number are enough.",
        },
        "restored.reference_too_long": {
            "kk": "Баланың белгісі қысқа болсын ({limit} таңбадан аспасын): толық аты-жөні керек емес.",
            "ru": "Обозначение ребёнка должно быть коротким (не более {limit} знаков): полное имя не нужно.",
            "en": "Keep the child's reference short (at most {limit} characters): no full name is needed.",
        },
        "restored.no_category": {
            "kk": "Бала үшін қалпына келтірілген кемінде бір құқық санатын белгілеңіз.",
            "ru": "Отметьте хотя бы одну категорию прав, восстановленных ребёнку.",
            "en": "Tick at least one category of rights restored for the child.",
        },
        "restored.no_tie": {
            "kk": "Баланың құқықтарын қалпына келтірген бұзушылықты немесе шараны таңдаңыз.",
            "ru": "Выберите нарушение или меру, которой восстановлены права ребёнка.",
            "en": "Choose the finding or the measure that restored the child's rights.",
        },
    }
)
