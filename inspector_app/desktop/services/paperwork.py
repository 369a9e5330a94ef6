"""From a finalised inspection to its documents: what to print, with which numbers, from
which content. No Qt here; the window calls these and renders off the GUI thread."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from inspector_app.core.canonical import canonical_hash
from inspector_app.core.documents import DocumentContext, DocumentKind, document_number, render
from inspector_app.core.documents.context import KIND_OF_MEASURE, PER_MEASURE, RenderedDocument, document_key
from inspector_app.core.documents.errors import user_error_for
from inspector_app.core.documents.inputs import document_inputs
from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import Photo
from inspector_app.desktop.services import outbox
from inspector_app.desktop.storage.store import Store


def enrolled_server(store: Store) -> str:
    """The server this laptop is enrolled with, where printed documents are verified; ""
    when it is not enrolled (then no address and no QR code are printed)."""
    if not outbox.is_enrolled(store):
        return ""
    return (store.reference.setting("sync.server_url", "") or "").strip().rstrip("/")


def record_hash(store: Store, inspection_id: str, form: Form) -> str:
    """SHA-256 of everything the inspection says; signatures are bound to it."""
    content = {
        "inspection": to_json(store.inspections.get(inspection_id)),
        "answers": to_json(
            sorted(store.inspections.answers(inspection_id).values(), key=lambda a: a.item_id)
        ),
        "findings": to_json(store.inspections.findings(inspection_id, form)),
        "measures": to_json(store.inspections.measures(inspection_id)),
        "restored": to_json(store.inspections.restored_children(inspection_id)),
    }
    for answer in content["answers"]:
        answer.pop("updated_at", None)
    return canonical_hash(content)


def plan(measures) -> list[tuple[DocumentKind, str | None]]:
    """The act, then one protocol or referral per measure, one order and one recommendation."""
    wanted: list[tuple[DocumentKind, str | None]] = [(DocumentKind.ACT, None)]
    for measure in measures:
        kind = KIND_OF_MEASURE[measure.kind]
        entry = (kind, measure.id if kind in PER_MEASURE else None)
        if entry not in wanted:
            wanted.append(entry)
    return wanted


def build_context(
    store: Store,
    form: Form,
    inspection_id: str,
    *,
    place: str,
    refusal=None,
    today: dt.date | None = None,
    server_url: str | None = None,
) -> DocumentContext:
    inspection = store.inspections.get(inspection_id)
    profile = store.reference.profile()
    facility = store.facilities.get(inspection.facility_id)
    measures = store.inspections.measures(inspection_id)
    day = today or (inspection.finalised_at.date() if inspection.finalised_at else dt.date.today())
    wanted = plan(measures)
    allocated = store.paperwork.numbers(
        inspection_id,
        [(kind.value, measure_id) for kind, measure_id in wanted],
        lambda kind, seq: document_number(profile.region, profile.code, day.year, kind, seq),
        day.year,
    )
    photos: list[tuple[Photo, bytes | None]] = [
        (photo, store.photos.data(photo)) for photo in store.photos.photos(inspection_id)
    ]
    return DocumentContext(
        profile=profile,
        facility=facility,
        regions={r.code: r.name for r in store.reference.regions()},
        inspection=inspection,
        form=form,
        answers=store.inspections.answers(inspection_id),
        findings=store.inspections.findings(inspection_id, form),
        measures=measures,
        restored=store.inspections.restored_children(inspection_id),
        photos=photos,
        signatures=store.paperwork.signatures(inspection_id, record_hash(store, inspection_id, form)),
        place=place,
        document_date=day,
        numbers={
            document_key(DocumentKind(kind), measure_id): number
            for (kind, measure_id), number in allocated.items()
        },
        refusal=refusal,
        mrp_by_year=store.reference.mrp_by_year(),
        articles=tuple(store.reference.articles()),
        bodies=store.reference.bodies(active_only=False),
        server_url=enrolled_server(store) if server_url is None else server_url,
    )


def render_tasks(store: Store, make_context: Callable[[], DocumentContext], measures, lang: str):
    """One callable per document of `plan(measures)`; each renders it and records its hash.
    The context (numbers allocated, photos decrypted) is built by the first task that runs,
    so all of it happens on the rendering thread."""
    context = functools.cache(make_context)

    def task(kind: DocumentKind, measure_id: str | None):
        def run():
            document = render(context(), kind, lang, measure_id)
            store.paperwork.record(document.number, document.sha256, lang, document_inputs(context()))
            return document

        return run

    return [task(kind, measure_id) for kind, measure_id in plan(measures)]


def render_all(
    tasks: Sequence[Callable[[], RenderedDocument]],
    report: Callable[[int, int], None],
    save_dir: Path | None = None,
) -> list[RenderedDocument]:
    """Run the tasks of `render_tasks` one after the other (the work of a background job);
    with `save_dir`, write each PDF there as `<number>-<lang>.pdf`. A file that cannot be
    read or written is told as a UserError."""
    documents = []
    total = len(tasks)
    report(0, total)
    try:
        for done, task in enumerate(tasks, 1):
            document = task()
            if save_dir is not None:
                save(document, save_dir)
            documents.append(document)
            report(done, total)
    except OSError as exc:
        raise user_error_for(exc) from exc
    return documents


def save(document: RenderedDocument, folder: Path) -> Path:
    """Write atomically: a full disk never leaves a truncated PDF under the real name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / document.filename()
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(document.pdf)
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return target
