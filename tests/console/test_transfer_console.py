"""A laptop's USB bundle imported in the web console, over HTTP against a real server: a real
laptop store exports, a supervisor uploads, the acknowledgement downloaded from the page is
taken in by the laptop; refused, repeated, out-of-region and forged uploads take in nothing
and say why; every import is audited; the acknowledgement is only its importer's (and the
administrators')."""

from __future__ import annotations

import re

import pytest
import requests
import sqlalchemy as sa

from inspector_app.desktop.services import outbox
from inspector_app.desktop.services import transfer as laptop_transfer
from sync.server.console import form_limit
from sync.server.console.i18n import compile_catalogues
from sync.server.persistence.models import AuditEntry, InspectionRow, TransferBundle, User
from tests.console.conftest import World, _seeded_copy
from tests.console.test_console_http import csrf_of, sign_in
from tests.kit.server import ServerProcess
from tests.sync.test_desktop_sync import laptop, make_inspections, sync_until_done

ACK_LINK = re.compile(r'id="download-ack" href="([^"]+)"')


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The console's users (supervisor_kar of KAR besides the demo ones), no records yet:
    the laptop's inspector pulls everything of theirs when it enrols."""
    compile_catalogues()
    folder = tmp_path_factory.mktemp("transfer")
    database_url = _seeded_copy(folder / "server.db")
    server = ServerProcess(database_url, folder / "blobs", folder / "server.log").start()
    yield World(server.url, database_url)
    server.stop()


@pytest.fixture
def enrolled(world, tmp_path, profile):
    """A laptop enrolled online once, its register pulled; from then on it has no network."""
    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, world.url)
    sync_until_done(adapter, world.url)
    return store, catalogue, adapter


def exported(enrolled, tmp_path, count: int, seed: int):
    store, catalogue, adapter = enrolled
    _, made = make_inspections(store, catalogue, tmp_path, count, seed)
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    return laptop_transfer.export_bundle(adapter, usb), made


def upload(browser: requests.Session, url: str, path, csrf: str | None = None) -> requests.Response:
    page = browser.get(f"{url}/console/transfer", timeout=10)
    assert page.status_code == 200 and 'id="transfer-form"' in page.text
    with open(path, "rb") as stream:
        return browser.post(
            f"{url}/console/transfer",
            data={"csrf": csrf or csrf_of(page.text)},
            files={"file": (path.name, stream, "application/octet-stream")},
            timeout=120,
        )


def count(answer: requests.Response, status: str) -> int:
    found = re.search(rf'data-status="{status}"><td>[^<]*</td><td>(\d+)</td>', answer.text)
    assert found, answer.text
    return int(found.group(1))


def server_ids(database_url: str) -> set[str]:
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        ids = set(connection.execute(sa.select(InspectionRow.id)).scalars())
    engine.dispose()
    return ids


def bundle_ids(database_url: str) -> set[str]:
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        ids = set(connection.execute(sa.select(TransferBundle.bundle_id)).scalars())
    engine.dispose()
    return ids


def audited(database_url: str, action: str) -> list[tuple[str | None, str, dict]]:
    """(username, entity id, details) of each audit entry of `action`."""
    engine = sa.create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(User.username, AuditEntry.entity_id, AuditEntry.details)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.id)
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_a_bundle_imported_in_the_console_and_its_acknowledgement_taken_home(world, enrolled, tmp_path):
    store, _, adapter = enrolled
    bundle, made = exported(enrolled, tmp_path, 2, 31)
    browser, _ = sign_in(world.url, "supervisor")
    answer = upload(browser, world.url, bundle.path)
    assert answer.status_code == 200, answer.text
    assert 'id="transfer-done"' in answer.text and "data-refusal" not in answer.text
    assert (count(answer, "created"), count(answer, "updated"), count(answer, "photos")) == (2, 0, 2)
    assert (count(answer, "unchanged"), count(answer, "conflict")) == (0, 0)
    assert set(made) <= server_ids(world.database_url)
    assert sorted(adapter.pending_record_ids()) == sorted(made)  # nothing synced before the ack

    link = ACK_LINK.search(answer.text).group(1)
    ack = browser.get(f"{world.url}{link}", timeout=30)
    assert ack.status_code == 200 and ack.content.startswith(b"FITRANS\0")
    disposition = ack.headers["content-disposition"]
    assert "attachment" in disposition and "acknowledgement-inspector-" in disposition
    assert bundle.path.stem.rsplit("-", 1)[1] in disposition  # the export's short id, to pair them
    on_stick = tmp_path / "usb" / re.search(r'filename="([^"]+)"', disposition).group(1)
    on_stick.write_bytes(ack.content)
    report = laptop_transfer.import_acknowledgement(adapter, on_stick)
    assert report.synced == 2 and adapter.pending_record_ids() == []
    assert outbox.pending_counts(store) == (0, 0)

    (who, bundle_id, details), *_ = audited(world.database_url, "transfer.console_import")[-1:]
    assert who == "supervisor" and bundle_id in link
    assert details["created"] == 2 and details["photos"] == 2 and details["user"] == "inspector"
    assert audited(world.database_url, "transfer.acknowledgement_download")[-1][:2] == (
        "supervisor",
        bundle_id,
    )
    # the acknowledgement is the importer's and the administrators', no one else's
    other, _ = sign_in(world.url, "supervisor_kar")
    assert other.get(f"{world.url}{link}", timeout=10).status_code == 404
    admin, _ = sign_in(world.url, "admin")
    assert admin.get(f"{world.url}{link}", timeout=10).content == ack.content
    assert requests.get(f"{world.url}{link}", timeout=10).url.endswith("/console/signin")


def test_the_same_bundle_again_is_refused_with_its_date_and_the_acknowledgement_again(
    world, enrolled, tmp_path
):
    bundle, _ = exported(enrolled, tmp_path, 1, 32)
    browser, _ = sign_in(world.url, "supervisor")
    first = upload(browser, world.url, bundle.path)
    assert first.status_code == 200
    before = server_ids(world.database_url)
    again = upload(browser, world.url, bundle.path)
    assert again.status_code == 409
    assert 'data-refusal="bundle_already_imported"' in again.text
    assert "импортталған; ешнәрсе екі рет қабылданбады" in again.text  # Kazakh, the default language
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", again.text)  # the date of the first import
    assert server_ids(world.database_url) == before
    link = ACK_LINK.search(again.text).group(1)
    assert link == ACK_LINK.search(first.text).group(1)
    assert browser.get(f"{world.url}{link}", timeout=10).status_code == 200
    refused = audited(world.database_url, "transfer.console_refused")[-1]
    assert refused[0] == "supervisor" and refused[2]["code"] == 40920


@pytest.mark.parametrize("damage", ["flipped byte", "truncated", "not a bundle"])
def test_a_damaged_bundle_is_refused_with_a_message_and_takes_nothing(world, enrolled, tmp_path, damage):
    _, _, adapter = enrolled
    bundle, made = exported(enrolled, tmp_path, 1, 33)
    data = bytearray(bundle.path.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncated":
        del data[len(data) - 100 :]
    else:
        data = bytearray("Есеп, 2026\n".encode())
    bundle.path.write_bytes(bytes(data))
    bundles = bundle_ids(world.database_url)
    browser, _ = sign_in(world.url, "supervisor")
    answer = upload(browser, world.url, bundle.path)
    assert answer.status_code == 422
    expected = "not_a_bundle" if damage == "not a bundle" else "bundle_unreadable"
    assert f'data-refusal="{expected}"' in answer.text and 'role="alert"' in answer.text
    assert 'id="download-ack"' not in answer.text
    assert not set(made) & server_ids(world.database_url)
    assert adapter.pending_record_ids() == made  # still on the laptop, to export again
    assert bundle_ids(world.database_url) == bundles


def test_a_supervisor_of_other_regions_is_refused_and_the_right_one_can_import(world, enrolled, tmp_path):
    bundle, made = exported(enrolled, tmp_path, 1, 34)
    outsider, _ = sign_in(world.url, "supervisor_kar")
    refused = upload(outsider, world.url, bundle.path)
    assert refused.status_code == 403
    assert 'data-refusal="forbidden_region"' in refused.text and "AST" in refused.text
    assert not set(made) & server_ids(world.database_url)
    assert audited(world.database_url, "transfer.console_refused")[-1][0] == "supervisor_kar"
    browser, _ = sign_in(world.url, "supervisor")
    accepted = upload(browser, world.url, bundle.path)
    assert accepted.status_code == 200 and count(accepted, "created") == 1


def test_the_upload_limit_of_the_page_is_half_a_gigabyte():
    assert form_limit("/console/transfer") >= 512 * 1024 * 1024 > form_limit("/console/review")


def test_a_forged_csrf_token_is_refused_and_takes_nothing(world, enrolled, tmp_path):
    bundle, made = exported(enrolled, tmp_path, 1, 35)
    browser, _ = sign_in(world.url, "supervisor")
    forged = upload(browser, world.url, bundle.path, csrf="x" * 43)
    assert forged.status_code == 403 and 'id="error-message"' in forged.text
    assert not set(made) & server_ids(world.database_url)
    with open(bundle.path, "rb") as stream:
        missing = browser.post(f"{world.url}/console/transfer", files={"file": stream}, timeout=30)
    assert missing.status_code == 403
    assert not set(made) & server_ids(world.database_url)


def test_a_revoked_laptop_s_bundle_is_refused_with_a_message(world, enrolled, tmp_path):
    _, _, adapter = enrolled
    bundle, made = exported(enrolled, tmp_path, 1, 36)
    engine = sa.create_engine(world.database_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE devices SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?", (adapter.enrolment().device_id,)
        )
    engine.dispose()
    browser, _ = sign_in(world.url, "supervisor")
    answer = upload(browser, world.url, bundle.path)
    assert answer.status_code == 422 and 'data-refusal="token_revoked"' in answer.text
    assert not set(made) & server_ids(world.database_url)
