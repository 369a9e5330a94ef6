"""The rules of an inspection the window applies through here: what stands in the way of
finalising it, finalising it, and a child whose rights were restored checked against the
findings and measures it has now. The store keeps what these decide (no Qt here)."""

from __future__ import annotations

from inspector_app.core.domain import workflow
from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Inspection, InspectionStatus, RestoredChild
from inspector_app.core.domain.restored import validate_child
from inspector_app.desktop.storage.store import Store


def finalisation_problems(store: Store, inspection_id: str, form: Form) -> list[workflow.Problem]:
    """What must be done before the inspection can be finalised (empty: nothing)."""
    inspections = store.inspections
    with store.db.snapshot():  # one state of answers, photos, findings and measures
        return workflow.finalisation_problems(
            form,
            inspections.answers(inspection_id),
            inspections.photo_counts(inspection_id),
            inspections.findings(inspection_id, form),
            inspections.measures(inspection_id),
        )


def finalise(store: Store, inspection_id: str, form: Form) -> Inspection:
    """Lock the inspection, if nothing stands in the way; it is read-only from then on."""
    problems = finalisation_problems(store, inspection_id, form)
    if problems:
        raise UserError("inspection.cannot_finalise", count=len(problems))
    return store.inspections.mark_finalised(inspection_id)


def save_restored_child(store: Store, inspection_id: str, child: RestoredChild, form: Form) -> RestoredChild:
    """Add a child, or change one already entered (same id), tied to a finding or a measure
    the inspection has now."""
    inspections = store.inspections
    with store.db.snapshot():
        if inspections.get(inspection_id).status is InspectionStatus.FINALISED:
            raise UserError("inspection.locked")
        findings = [f.id for f in inspections.findings(inspection_id, form)]
        measures = [m.id for m in inspections.measures(inspection_id)]
    validate_child(child, findings, measures)
    return inspections.put_restored_child(inspection_id, child)
