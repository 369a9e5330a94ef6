"""From a finalised inspection in the store to PDFs read back."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from inspector_app.core.documents import DocumentKind
from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.models import Measure, MeasureKind, Offender, OffenderKind
from inspector_app.demo.documents import signature_png
from inspector_app.desktop.services import inspections as inspection_rules
from inspector_app.desktop.services.paperwork import build_context, plan, record_hash, render_tasks
from tests.helpers import answer_all

VIOLATED = {"sch.security.guards", "sch.protection.bullying_procedure"}


@pytest.fixture
def finalised(store, inspection, school_form):
    answer_all(store, inspection.id, school_form, violated=VIOLATED)
    findings = {f.item_id: f for f in store.inspections.findings(inspection.id, school_form)}
    guards, bullying = findings["sch.security.guards"], findings["sch.protection.bullying_procedure"]
    store.inspections.save_measure(
        Measure(
            id="",
            inspection_id=inspection.id,
            kind=MeasureKind.ORDER,
            finding_ids=[guards.id],
            deadlines={guards.id: dt.date.today() + dt.timedelta(days=30)},
            actions={guards.id: "Күзет шартын жасау"},
        )
    )
    store.inspections.save_measure(
        Measure(
            id="",
            inspection_id=inspection.id,
            kind=MeasureKind.PROTOCOL,
            finding_ids=[bullying.id],
            article="127-3",
            part="1",
            fine_mrp=10,
            fine_tenge=43250,
            offence_date=dt.date.today(),
            offender=Offender(
                OffenderKind.PERSON,
                "Қасымов Нұрлан Ерланұлы",
                make_valid_12("75030230012"),
                dt.date(1975, 3, 2),
                "Алматы",
            ),
            substance="Буллинг туралы хабарламаларды тіркеу тәртібі жоқ",
        )
    )
    inspection_rules.finalise(store, inspection.id, school_form)
    return inspection


def test_numbers_are_allocated_once_and_sequences_advance(store, finalised, school_form):
    first = build_context(store, school_form, finalised.id, place="Алматы")
    again = build_context(store, school_form, finalised.id, place="Алматы")
    assert first.numbers == again.numbers
    kinds = [k for k, _ in plan(first.measures)]
    assert kinds == [DocumentKind.ACT, DocumentKind.ORDER, DocumentKind.PROTOCOL]
    year = dt.date.today().year
    assert first.numbers["AK"] == f"ALA-K07-{year}-AK-0001"
    assert len(set(first.numbers.values())) == 3


def test_every_document_renders_and_reads_back(store, finalised, school_form, facility):
    ctx = build_context(store, school_form, finalised.id, place="Алматы")
    documents = [task() for task in render_tasks(store, lambda: ctx, ctx.measures, "kk+ru")]
    assert [d.kind for d in documents] == [DocumentKind.ACT, DocumentKind.ORDER, DocumentKind.PROTOCOL]
    for document in documents:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.pdf)).pages)
        assert document.number in text
        assert facility.name_kk.split()[0] in text or "Қасымов" in text
    recorded = {d["number"]: d["sha256"] for d in store.paperwork.documents(finalised.id)}
    assert all(recorded[d.number] == d.sha256 for d in documents)


def test_signatures_bind_to_the_finalised_record(store, finalised, inspection, school_form):
    content = record_hash(store, finalised.id, school_form)
    store.paperwork.sign(finalised.id, "inspector", "Әсел", signature_png(1), content)
    store.paperwork.sign(finalised.id, "representative", "Нұрлан", signature_png(2), "f" * 64)
    ctx = build_context(store, school_form, finalised.id, place="Алматы")
    assert set(ctx.signatures) == {"inspector"}  # a signature of other content is not used


def test_a_draft_cannot_be_signed(store, inspection):
    with pytest.raises(UserError) as caught:
        store.paperwork.sign(inspection.id, "inspector", "Әсел", signature_png(1), "x")
    assert caught.value.code == "signature.not_finalised"


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_pages_name_the_enrolled_server_for_verification_and_nothing_without_one(
    store, finalised, school_form
):
    ctx = build_context(store, school_form, finalised.id, place="Алматы")
    act = render_tasks(store, lambda: ctx, ctx.measures, "kk")[0]()
    texts = page_texts(act.pdf)
    assert texts and all("/verify/" not in t and "example.kz" not in t for t in texts)
    assert act.verify_url == ""
    for key, value in {
        "server_url": "https://bqk.edu.kz/",
        "token": "t",
        "device_id": "d",
        "username": "inspector",
    }.items():
        store.reference.set_setting(f"sync.{key}", value)
    ctx = build_context(store, school_form, finalised.id, place="Алматы")
    act = render_tasks(store, lambda: ctx, ctx.measures, "kk")[0]()
    texts = page_texts(act.pdf)
    address = f"https://bqk.edu.kz/verify/{act.number}"
    assert act.verify_url == address
    assert all(address in t.replace("\n", "") and "example.kz" not in t for t in texts)
