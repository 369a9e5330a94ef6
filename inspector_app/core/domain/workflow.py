"""What must hold before an inspection is finalised, and the findings it produced."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from inspector_app.core.domain.errors import register_messages
from inspector_app.core.domain.forms import AnswerKind, Form, answer_key
from inspector_app.core.domain.models import Answer, Finding, Measure, Verdict

FINDING_NAMESPACE = uuid.UUID("5d0e8a52-8f1e-4c8e-9a55-2f0c3c7b9e11")


def finding_id(inspection_id: str, item_id: str) -> str:
    """Findings are derived from violated answers, so their ids are too (stable everywhere)."""
    return str(uuid.uuid5(FINDING_NAMESPACE, f"{inspection_id}/{item_id}"))


def condition_answers(answers: Mapping[str, Answer]) -> dict[str, str | None]:
    return {item_id: answer_key(a.verdict, a.value) for item_id, a in answers.items()}


def derive_findings(
    inspection_id: str, form: Form, answers: Mapping[str, Answer], stored: Mapping[str, Finding]
) -> list[Finding]:
    """One finding per visible violated item, in checklist order; `stored` keeps the
    inspector's own description and reasons, keyed by item id."""
    keys = condition_answers(answers)
    findings = []
    for item in form.visible_items(keys):
        answer = answers.get(item.id)
        if answer is None or answer.verdict is not Verdict.VIOLATED:
            continue
        kept = stored.get(item.id)
        findings.append(
            Finding(
                id=finding_id(inspection_id, item.id),
                inspection_id=inspection_id,
                item_id=item.id,
                degree=kept.degree if kept else item.degree,
                description=kept.description if kept and kept.description else answer.note,
                no_measure_reason=kept.no_measure_reason if kept else "",
            )
        )
    return findings


@dataclass(frozen=True)
class Problem:
    """Something that blocks finalisation; `code` names a registered message."""

    code: str
    item_id: str | None = None


def finalisation_problems(
    form: Form,
    answers: Mapping[str, Answer],
    photo_counts: Mapping[str, int],
    findings: list[Finding],
    measures: list[Measure],
) -> list[Problem]:
    keys = condition_answers(answers)
    problems = []
    for item in form.visible_items(keys):
        answer = answers.get(item.id)
        given = answer is not None and (
            answer.verdict is not None
            if item.kind is AnswerKind.VERDICT
            else bool(answer.value) or answer.verdict is Verdict.NOT_APPLICABLE
        )
        if item.required and not given:
            problems.append(Problem("finalise.unanswered", item.id))
        elif (
            answer is not None
            and given
            and item.photo_on_violation
            and answer.verdict is Verdict.VIOLATED
            and not photo_counts.get(item.id)
        ):
            problems.append(Problem("finalise.photo_missing", item.id))
    covered = {fid for m in measures for fid in m.finding_ids}
    for finding in findings:
        if finding.id not in covered and not finding.no_measure_reason.strip():
            problems.append(Problem("finalise.no_measure", finding.item_id))
    return problems


register_messages(
    {
        "finalise.unanswered": {
            "kk": "Міндетті талапқа жауап берілмеген.",
            "ru": "Не дан ответ на обязательное требование.",
            "en": "A required item has no answer.",
        },
        "finalise.photo_missing": {
            "kk": "Бұзушылыққа фотодәлел қажет — фото қосыңыз.",
            "ru": "Для нарушения нужна фотофиксация — добавьте фото.",
            "en": "This violation needs photo evidence — add a photo.",
        },
        "finalise.no_measure": {
            "kk": "Бұзушылыққа ден қою шарасы тағайындалмаған және себебі көрсетілмеген.",
            "ru": "По нарушению не принята мера и не указана причина.",
            "en": "The violation has no measure and no stated reason.",
        },
        "inspection.locked": {
            "kk": "Тексеру аяқталған және өзгертуге болмайды.",
            "ru": "Проверка завершена, изменять её нельзя.",
            "en": "The inspection is finalised and can no longer be changed.",
        },
        "inspection.cannot_finalise": {
            "kk": "Тексеруді аяқтау мүмкін емес: {count} мәселе қалды. Тізімдегі әр мәселені түзетіңіз.",
            "ru": "Проверку нельзя завершить: осталось проблем — {count}. Исправьте каждую из списка.",
            "en": "The inspection cannot be finalised: {count} problem(s) remain. Fix each one in the list.",
        },
    }
)
