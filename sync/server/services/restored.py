"""Checks of the children whose rights were restored in a pushed record: each child once,
with a category, tied to a finding or a measure of the same record, and the per-category
counts (`restored`, read by older clients) the ones its children give."""

from __future__ import annotations

from inspector_app.core import problems
from inspector_app.core.domain.restored import restored_counts
from inspector_app.core.problems import Problem
from inspector_app.core.protocol import InspectionRecord

MAX_REFERENCE = 200


def check_restored(record: InspectionRecord) -> None:
    """Raise a VALIDATION_FAILED problem naming the first child that is wrong."""
    children = record.restored_children
    if not children:
        return
    findings = {f.id for f in record.findings}
    measures = {m.id for m in record.measures}
    seen: set[str] = set()
    for n, child in enumerate(children):
        reason = _problem_of(child, findings, measures, seen)
        if reason:
            raise Problem(
                problems.VALIDATION_FAILED,
                f"restored_children[{n}]: {reason}",
                details={"child": child.id, "index": n},
            )
        seen.add(child.id)
    expected = {r.category.value: r.children for r in restored_counts(children)}
    sent = {r.category.value: r.children for r in record.restored if r.children}
    if sent != expected:
        raise Problem(
            problems.VALIDATION_FAILED,
            "restored: the counts per category differ from restored_children.",
            details={"restored": sent, "from_children": expected},
        )


def _problem_of(child, findings: set[str], measures: set[str], seen: set[str]) -> str:
    if not child.id or child.id in seen:
        return "the id is empty or repeated."
    if len(child.reference) > MAX_REFERENCE:
        return f"the reference is longer than {MAX_REFERENCE} characters."
    if not child.categories:
        return "no category."
    if child.finding_id and child.measure_id:
        return "tied to both a finding and a measure."
    if child.finding_id and child.finding_id not in findings:
        return "tied to a finding the record does not have."
    if child.measure_id and child.measure_id not in measures:
        return "tied to a measure the record does not have."
    return ""
