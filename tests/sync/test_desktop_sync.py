"""The desktop's encrypted store syncing with the real server over HTTP: two laptops of
inspections made offline, through a faulty network, a supervisor's decision coming back."""

import datetime as dt
import random

import pytest
import requests
import sqlalchemy as sa
from PIL import Image

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import (
    FacilityKind,
    Inspection,
    InspectionMode,
    InspectionStatus,
    InspectionType,
    Person,
    Verdict,
)
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.core.protocol import API
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.storage.store import create_store
from inspector_app.desktop.sync.service import enrol
from sync.server.persistence.models import InspectionRow
from sync.server.services.seed import DEMO_PASSWORD
from tests.conftest import FAST_SCRYPT, ROOT
from tests.helpers import answer_all
from tests.kit.faultproxy import Fault, FaultProxy
from tests.sync.client_helpers import FAST_RETRY, service
from tests.sync.conftest import enrol as enrol_headers

VIOLATED = {"sch.security.video", "sch.security.guards"}


def laptop(tmp_path, name, profile, url):
    folder = tmp_path / name
    store = create_store(folder / "store", "correct horse battery", profile, scrypt_n=FAST_SCRYPT)
    catalogue = FormCatalogue.load(ROOT / "forms", folder / "received-forms")
    adapter = StoreSyncAdapter(store, catalogue, folder / "received-forms")
    enrol(adapter, requests.Session(), url, "inspector", DEMO_PASSWORD, name)
    return store, catalogue, adapter


def photo(path, seed):
    Image.effect_noise((400, 300), 60 + seed).convert("RGB").save(path, "JPEG", quality=90)
    return path


def make_inspections(store, catalogue, tmp_path, count, seed):
    schools = store.facilities.search("", kind=FacilityKind.SCHOOL)[:count]
    form = catalogue.newest_for(schools[0].kind)
    made = []
    for n, facility in enumerate(schools):
        inspection = store.inspections.create(
            Inspection(
                id="",
                facility_id=facility.id,
                form_id=form.id,
                form_version=form.version,
                form_hash=form.content_hash,
                type=InspectionType.SCHEDULED,
                mode=InspectionMode.ON_SITE,
                appointment_number=f"{seed}-{n}",
                appointment_date=dt.date.today(),
                inspectors=[Person("Айгүл Сәрсенова", "бас маман")],
            )
        )
        answer_all(store, inspection.id, form, violated=VIOLATED)
        store.photos.add(
            inspection.id, "sch.security.video", photo(tmp_path / f"p{seed}{n}.jpg", seed * 10 + n)
        )
        made.append(inspection.id)
    return form, made


def sync_until_done(adapter, url, passes=40, **options):
    options.setdefault("retry", FAST_RETRY)
    sync = service(adapter, **options)
    adapter.store.reference.set_setting("sync.server_url", url)
    for _ in range(passes):
        try:
            sync.run_once()
        except UserError as error:
            if error.code not in ("sync.offline", "sync.server_unavailable"):
                raise
        if not adapter.pending_record_ids():
            return
    pytest.fail("the outbox did not empty")


def server_rows(url):
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.select(InspectionRow.id, InspectionRow.revision)).all()
    engine.dispose()
    return {r.id: r.revision for r in rows}


@pytest.mark.slow
def test_two_laptops_sync_through_faults_with_nothing_lost_or_doubled(server, seeded_url, tmp_path, profile):
    laptops = [laptop(tmp_path, f"laptop{n}", profile, server.url) for n in (1, 2)]
    for store, _, adapter in laptops:
        sync_until_done(adapter, server.url)  # the first pull brings the register and forms
        assert store.facilities.count() > 0
    made = []
    for n, (store, catalogue, _) in enumerate(laptops, start=1):
        made += make_inspections(store, catalogue, tmp_path, 3, n)[1]
    rng = random.Random(11)
    for _store, _, adapter in laptops:
        with FaultProxy(server.port, plan=lambda n: Fault.random(rng, 0.4, 200_000)) as proxy:
            sync_until_done(adapter, proxy.url, batch_size=2, timeout=(1.0, 3.0))
        sync_until_done(adapter, server.url)  # and once more on a good network: nothing to do
        assert adapter.pending_counts() == (0, 0)
    held = server_rows(seeded_url)
    assert sorted(held) == sorted(made)  # exactly one copy of every record
    headers = enrol_headers(server.url, "inspector")
    for store, _, _ in laptops:
        for summary in store.inspections.summaries():
            for p in store.photos.photos(summary["id"]):
                got = requests.get(f"{server.url}{API}/attachments/{p.sha256}", headers=headers, timeout=30)
                assert got.content == store.photos.data(p)  # byte-identical


def test_a_supervisors_decisions_come_back_to_the_inspector(server, tmp_path, profile):
    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, server.url)
    sync_until_done(adapter, server.url)
    form, (returned, approved) = make_inspections(store, catalogue, tmp_path, 2, 5)
    for inspection_id in (returned, approved):
        for finding in store.inspections.findings(inspection_id, form):
            finding.no_measure_reason = "Тексеру кезінде жойылды"
            store.inspections.save_finding(finding)
        store.inspections.finalise(inspection_id, form)
    sync_until_done(adapter, server.url)
    supervisor = enrol_headers(server.url, "supervisor")
    for inspection_id, decision in ((returned, "returned"), (approved, "approved")):
        revision = store.inspections.get(inspection_id).revision
        answer = requests.post(
            f"{server.url}{API}/records/{inspection_id}/review",
            headers=supervisor,
            json={
                "decision": decision,
                "revision": revision,
                "comment": "Фотоны қосыңыз / Добавьте фото",
                "item_comments": [{"item_id": "sch.security.video", "comment": "Камералар саны?"}]
                if decision == "returned"
                else [],
            },
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
    sync_until_done(adapter, server.url)
    states = {r["id"]: r["review_state"] for r in store.inspections.summaries()}
    assert states[approved] == "approved" and states[returned] == "returned"
    back = store.inspections.get(returned)
    assert back.status is InspectionStatus.DRAFT  # editable again
    assert store.inspections.review(returned) == ("returned", "Фотоны қосыңыз / Добавьте фото")
    assert store.inspections.review_item_comments(returned) == {"sch.security.video": "Камералар саны?"}
    assert store.inspections.review_item_comments(approved) == {}
    store.inspections.save_answer(returned, "sch.security.video", verdict=Verdict.COMPLIES, note="түзетілді")
    assert adapter.pending_record_ids() == [returned]
    sync_until_done(adapter, server.url)
    assert store.inspections.get(returned).revision == back.revision + 1


def test_an_edit_during_a_send_is_not_lost(server, seeded_url, tmp_path, profile):
    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, server.url)
    sync_until_done(adapter, server.url)
    _, (inspection_id,) = make_inspections(store, catalogue, tmp_path, 1, 7)
    record = adapter.outgoing_record(inspection_id)  # revision 1 is on its way...
    store.inspections.save_answer(
        inspection_id, "sch.security.video", verdict=Verdict.COMPLIES, note="edited while sending"
    )  # ...and this opens revision 2
    assert store.inspections.get(inspection_id).revision == record.revision + 1
    sync_until_done(adapter, server.url)
    assert server_rows(seeded_url)[inspection_id] == record.revision + 1


def test_a_printed_document_is_verified_by_its_qr_address(server, tmp_path, profile):

    import pypdfium2
    import zxingcpp

    from inspector_app.desktop.services.paperwork import build_context, record_hash, render_tasks

    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, server.url)
    sync_until_done(adapter, server.url)
    form, (inspection_id,) = make_inspections(store, catalogue, tmp_path, 1, 8)
    for finding in store.inspections.findings(inspection_id, form):
        finding.no_measure_reason = "жойылды"
        store.inspections.save_finding(finding)
    store.inspections.finalise(inspection_id, form)
    signed = record_hash(store, inspection_id, form)  # drawn on the laptop; only its hash travels
    store.paperwork.sign(inspection_id, "inspector", "Айгүл", b"\x89PNG the inspector's hand", signed)
    context = build_context(store, form, inspection_id, place="Астана", server_url=server.url)
    assert context.signatures
    act = render_tasks(store, lambda: context, context.measures, "kk+ru")[0]()
    sync_until_done(adapter, server.url)
    page = pypdfium2.PdfDocument(act.pdf)[0]
    image = page.render(scale=200 / 72).to_pil()
    address = next(r.text for r in zxingcpp.read_barcodes(image) if "/verify/" in r.text)
    assert address.startswith(f"{server.url}/verify/{act.number}")
    genuine = requests.get(address, headers={"Accept": "application/json"}, timeout=30).json()
    assert genuine["verdict"] == "genuine"
    forged = address.replace(act.sha256, "0" * 64)
    assert (
        requests.get(forged, headers={"Accept": "application/json"}, timeout=30).json()["verdict"]
        == "mismatch"
    )
