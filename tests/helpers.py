"""Helpers shared by tests: answering a whole checklist through the store."""

from __future__ import annotations

import datetime as dt

from inspector_app.core.domain.forms import AnswerKind, Form
from inspector_app.core.domain.models import Verdict
from inspector_app.core.domain.workflow import condition_answers


def value_for(item) -> str:
    if item.kind is AnswerKind.NUMBER:
        return str(int(item.minimum or 0) + 1)
    if item.kind is AnswerKind.CHOICE:
        return item.choices[0].value
    if item.kind is AnswerKind.DATE:
        return dt.date.today().isoformat()
    return "Мәтін / текст"


def answer_all(store, inspection_id: str, form: Form, violated: set[str] = frozenset()) -> None:
    """Answer every visible item: complies (or violated for those named), values for the rest."""
    done: set[str] = set()
    while True:
        answers = store.inspections.answers(inspection_id)
        pending = [i for i in form.visible_items(condition_answers(answers)) if i.id not in done]
        if not pending:
            return
        for item in pending:
            done.add(item.id)
            if item.kind is AnswerKind.VERDICT:
                verdict = Verdict.VIOLATED if item.id in violated else Verdict.COMPLIES
                store.inspections.save_answer(inspection_id, item.id, verdict=verdict)
            else:
                store.inspections.save_answer(inspection_id, item.id, value=value_for(item))
