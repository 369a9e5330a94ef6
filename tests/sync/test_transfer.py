"""Records by USB stick: a laptop's export bundle taken in by `inspector-server import-bundle`
(the real command in a subprocess, on the real server database), its acknowledgement taken
in by the laptop, and every refusal losing nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import InspectionStatus
from inspector_app.core.protocol import API
from inspector_app.desktop.services import inspections as inspection_rules
from inspector_app.desktop.services import outbox
from inspector_app.desktop.services import transfer as laptop_transfer
from sync.server.persistence.models import AttachmentRow, InspectionRevision, InspectionRow, TransferBundle
from sync.server.services.seed import DEMO_PASSWORD
from tests.sync.conftest import enrol as enrol_headers
from tests.sync.test_desktop_sync import laptop, make_inspections, sync_until_done


def import_bundle(server, bundle, out):
    """`inspector-server import-bundle` as an operator runs it: (exit code, output)."""
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "import-bundle", str(bundle), "--out", str(out)],
        env=server.environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def server_state(url):
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = dict(connection.execute(sa.select(InspectionRow.id, InspectionRow.revision)).all())
        revisions = connection.execute(sa.select(sa.func.count()).select_from(InspectionRevision)).scalar()
        photos = set(connection.execute(sa.select(AttachmentRow.sha256)).scalars())
        bundles = connection.execute(sa.select(sa.func.count()).select_from(TransferBundle)).scalar()
    engine.dispose()
    return rows, revisions, photos, bundles


def only_file(folder):
    (found,) = list(folder.glob("*.fibundle"))
    return found


@pytest.fixture
def enrolled(server, tmp_path, profile):
    """A laptop enrolled online once, its register pulled; from then on it has no network."""
    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, server.url)
    sync_until_done(adapter, server.url)
    return store, catalogue, adapter


def returned_on_server(server, store, catalogue, adapter, tmp_path):
    """A finalised record synced online, then returned by a supervisor: it must come back."""
    form, (record_id,) = make_inspections(store, catalogue, tmp_path, 1, 3)
    for finding in store.inspections.findings(record_id, form):
        finding.no_measure_reason = "Тексеру кезінде жойылды"
        store.inspections.save_finding(finding)
    inspection_rules.finalise(store, record_id, form)
    sync_until_done(adapter, server.url)
    answer = requests.post(
        f"{server.url}{API}/records/{record_id}/review",
        headers=enrol_headers(server.url, "supervisor"),
        json={
            "decision": "returned",
            "revision": store.inspections.get(record_id).revision,
            "comment": "Қайта",
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return record_id


def test_a_round_trip_by_usb_stick(server, seeded_url, enrolled, tmp_path):
    store, catalogue, adapter = enrolled
    back_id = returned_on_server(server, store, catalogue, adapter, tmp_path)
    supervisor = enrol_headers(server.url, "supervisor")
    facility = store.facilities.search("")[0]
    planned = requests.post(
        f"{server.url}{API}/assignments",
        headers=supervisor,
        json={
            "facility_id": facility.id,
            "inspector": "inspector",
            "form_id": catalogue.newest_for(facility.kind).id,
            "planned_date": (dt.date.today() + dt.timedelta(days=7)).isoformat(),
        },
        timeout=30,
    )
    assert planned.status_code == 201, planned.text
    # weeks without a network: two inspections with photos
    _, made = make_inspections(store, catalogue, tmp_path, 2, 4)
    usb = tmp_path / "usb"
    usb.mkdir()
    exported = laptop_transfer.export_bundle(adapter, usb)
    assert (exported.records, exported.photos) == (2, 2)
    assert sorted(adapter.pending_record_ids()) == sorted(made)  # nothing marked by exporting

    code, output = import_bundle(server, exported.path, tmp_path / "acks")
    assert code == 0, output
    assert "created 2" in output
    rows, _, photos, bundles = server_state(seeded_url)
    assert set(made) <= set(rows) and bundles == 1
    for record_id in made:
        assert {p.sha256 for p in store.photos.photos(record_id)} <= photos
    assert sorted(adapter.pending_record_ids()) == sorted(made)  # still: no acknowledgement yet

    report = laptop_transfer.import_acknowledgement(adapter, only_file(tmp_path / "acks"))
    assert report.synced == 2 and adapter.pending_record_ids() == []
    assert outbox.pending_counts(store) == (0, 0)
    back = store.inspections.get(back_id)
    assert back.status is InspectionStatus.DRAFT and store.inspections.review(back_id)[0] == "returned"
    assert planned.json()["id"] in {a.id for a in store.assignments.planned()}
    # the acknowledgement again: refused, nothing doubled
    with pytest.raises(UserError) as refused:
        laptop_transfer.import_acknowledgement(adapter, only_file(tmp_path / "acks"))
    assert refused.value.code == "transfer.already_imported"


def test_the_same_bundle_twice_is_reported_and_takes_nothing_twice(server, seeded_url, enrolled, tmp_path):
    store, catalogue, adapter = enrolled
    make_inspections(store, catalogue, tmp_path, 1, 5)
    exported = laptop_transfer.export_bundle(adapter, tmp_path)
    assert import_bundle(server, exported.path, tmp_path / "acks")[0] == 0
    before = server_state(seeded_url)
    code, output = import_bundle(server, exported.path, tmp_path / "acks2")
    assert code == 2 and "40920" in output and "bundle_already_imported" in output
    assert server_state(seeded_url) == before
    assert not (tmp_path / "acks2").exists()


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "appended"])
def test_a_damaged_bundle_is_refused_whole(server, seeded_url, enrolled, tmp_path, damage):
    store, catalogue, adapter = enrolled
    make_inspections(store, catalogue, tmp_path, 1, 6)
    exported = laptop_transfer.export_bundle(adapter, tmp_path)
    data = bytearray(exported.path.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncated":
        del data[len(data) - 100 :]
    else:
        data += b"\0"
    exported.path.write_bytes(bytes(data))
    before = server_state(seeded_url)
    code, output = import_bundle(server, exported.path, tmp_path / "acks")
    assert code == 2 and "42220" in output, output
    assert server_state(seeded_url) == before
    assert len(adapter.pending_record_ids()) == 1  # the laptop still holds it, to export again


def test_a_bundle_for_another_server_is_refused(server, seeded_url, enrolled, tmp_path):
    store, catalogue, adapter = enrolled
    make_inspections(store, catalogue, tmp_path, 1, 7)
    store.reference.set_setting("transfer.server_id", "another-server")
    exported = laptop_transfer.export_bundle(adapter, tmp_path)
    before = server_state(seeded_url)
    code, output = import_bundle(server, exported.path, tmp_path / "acks")
    assert code == 2 and "42221" in output, output
    assert server_state(seeded_url) == before


def test_an_acknowledgement_for_another_laptop_is_refused(server, enrolled, tmp_path, profile):
    store, catalogue, adapter = enrolled
    make_inspections(store, catalogue, tmp_path, 1, 8)
    exported = laptop_transfer.export_bundle(adapter, tmp_path)
    assert import_bundle(server, exported.path, tmp_path / "acks")[0] == 0
    _, _, other = laptop(tmp_path, "other", profile, server.url)
    with pytest.raises(UserError) as refused:
        laptop_transfer.import_acknowledgement(other, only_file(tmp_path / "acks"))
    assert refused.value.code == "transfer.other_laptop"
    assert refused.value.message("kk") and refused.value.message("ru")
    # and the laptop it is for is not harmed by a damaged copy of it
    damaged = tmp_path / "damaged.fibundle"
    shutil.copy(only_file(tmp_path / "acks"), damaged)
    data = bytearray(damaged.read_bytes())
    data[-10] ^= 0x40
    damaged.write_bytes(bytes(data))
    with pytest.raises(UserError) as broken:
        laptop_transfer.import_acknowledgement(adapter, damaged)
    assert broken.value.code == "transfer.damaged"
    assert len(adapter.pending_record_ids()) == 1
    assert laptop_transfer.import_acknowledgement(adapter, only_file(tmp_path / "acks")).synced == 1


def test_a_laptop_enrolled_without_keys_is_told_to_enrol_again(enrolled, tmp_path):
    store, catalogue, adapter = enrolled
    make_inspections(store, catalogue, tmp_path, 1, 9)
    store.reference.set_setting("transfer.device_x25519", "")
    with pytest.raises(UserError) as refused:
        laptop_transfer.export_bundle(adapter, tmp_path)
    assert refused.value.code == "transfer.not_enrolled"
    assert len(adapter.pending_record_ids()) == 1


def test_enrolment_without_keys_is_answered_as_before(server):
    """A laptop from before transfer bundles sends no keys and gets no unknown field back."""
    body = {"username": "inspector", "password": DEMO_PASSWORD}
    old = requests.post(f"{server.url}{API}/auth/enrol", json=body, timeout=30)
    assert old.status_code == 200 and "transfer" not in old.json()
    keys = laptop_transfer.transfer.KeyPair.generate().public()
    new = requests.post(
        f"{server.url}{API}/auth/enrol",
        json={**body, "transfer_keys": {"x25519": keys.x25519, "ed25519": keys.ed25519}},
        timeout=30,
    )
    again = requests.post(
        f"{server.url}{API}/auth/enrol",
        json={**body, "transfer_keys": {"x25519": keys.x25519, "ed25519": keys.ed25519}},
        timeout=30,
    )
    assert new.json()["transfer"] == again.json()["transfer"]  # one server identity, kept
    assert set(new.json()["transfer"]) == {"server_id", "x25519", "ed25519"}
