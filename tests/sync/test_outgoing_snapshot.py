"""The record pushed is read as one state of the store: an edit committed while it is being
read is either wholly in it or wholly in the next revision, never half."""

from __future__ import annotations

import threading

from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.domain.models import Verdict
from inspector_app.desktop.services import outbox
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from tests.helpers import answer_all


def test_an_edit_between_the_reads_of_a_record_is_not_half_in_it(
    store, catalogue, school_form, inspection, tmp_path, monkeypatch
):
    answer_all(store, inspection.id, school_form)
    item = next(i for i in school_form.items() if i.kind is AnswerKind.VERDICT)
    adapter = StoreSyncAdapter(store, catalogue, tmp_path / "received")
    repository = store.inspections
    read_measures = repository.measures  # read after the findings, before the answers
    editor: list[threading.Thread] = []

    def measures_with_an_edit_meanwhile(inspection_id):
        started = threading.Event()

        def edit():
            started.set()
            repository.save_answer(inspection.id, item.id, verdict=Verdict.VIOLATED)

        editor.append(threading.Thread(target=edit))
        editor[0].start()
        started.wait(10)
        editor[0].join(1.0)  # the edit commits now, unless the reading holds it back
        return read_measures(inspection_id)

    monkeypatch.setattr(repository, "measures", measures_with_an_edit_meanwhile)
    record = adapter.outgoing_record(inspection.id)
    editor[0].join(30)
    monkeypatch.undo()

    violated = {a.item_id for a in record.answers if a.verdict is Verdict.VIOLATED}
    assert violated == {f.item_id for f in record.findings} == set()  # the state before the edit
    assert repository.get(inspection.id).revision == record.revision + 1  # the edit opened the next
    assert repository.answers(inspection.id)[item.id].verdict is Verdict.VIOLATED
    assert outbox.pending_ids(store) == [inspection.id]  # and waits to be sent
