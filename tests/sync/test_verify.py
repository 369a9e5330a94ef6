"""The public check of a printed document: genuine, altered, or no such document."""

from __future__ import annotations

import datetime as dt
import hashlib
import time

import requests

from inspector_app.core.documents import ROLE_INSPECTOR, DocumentContext, DocumentKind, content_hash
from inspector_app.core.documents.inputs import document_inputs
from inspector_app.core.domain.models import InspectorProfile
from inspector_app.core.forms.loader import FORMS_DIR, load_form
from inspector_app.core.protocol import DocumentMeta
from sync.server.persistence.db import Database
from sync.server.services.seed import DEMO_PASSWORD, demo_facilities
from sync.server.services.users import create_user
from tests.kit.factory import demo_facility, inspection
from tests.kit.server import ServerProcess
from tests.sync.api import push, results
from tests.sync.conftest import enrol

FACILITY = demo_facility("AST")
NUMBER = "AST-K07-2026-AK-0012"
PDF = hashlib.sha256(b"the rendered PDF").hexdigest()
SIGNATURE = b"\x89PNG signature drawn on the laptop"


def desktop_context(record, numbers: dict[str, str]) -> DocumentContext:
    """The context the laptop renders from (as desktop/services/paperwork.build_context)."""
    facility = next(f for f in demo_facilities() if f.id == record.header.facility_id)
    return DocumentContext(
        profile=InspectorProfile(
            name="Айгүл Сәрсенова",
            position="бас маман",
            body_kk="Бала құқықтарын қорғау комитеті",
            body_ru="Комитет по охране прав детей",
            region="AST",
            code="K07",
            position_kk="бас маман",
            position_ru="главный специалист",
        ),
        facility=facility,
        regions={},
        inspection=record.header,
        form=load_form(FORMS_DIR / "school.v1.yaml"),
        answers={a.item_id: a for a in record.answers},
        findings=record.findings,
        measures=record.measures,
        restored=record.restored_children,
        photos=[(p, b"jpeg") for p in record.photos],
        signatures={ROLE_INSPECTOR: SIGNATURE},
        place="Астана қ.",
        document_date=dt.date(2026, 3, 5),
        numbers=numbers,
    )


def _record_with_a_protocol(seed: int = 90, number: str = NUMBER):
    """A finalised record with its act, as the laptop pushes it: number, content hash
    (computed by the laptop, printed in the QR code) and the document's inputs."""
    record = inspection(FACILITY, seed=seed)
    record.header.form_id = "school"
    ctx = desktop_context(record, {"AK": number})
    record.documents = [
        DocumentMeta(
            id="doc-1",
            kind="AK",
            number=number,
            sha256=PDF,
            content_sha256=content_hash(ctx, DocumentKind.ACT),
            language="kk",
            created_at=dt.datetime(2026, 3, 4, 23, 30, tzinfo=dt.UTC),
            inputs=document_inputs(ctx),
        )
    ]
    return record


def content_of(record) -> str:
    return record.documents[0].content_sha256


def _verify(url: str, number: str, sha: str | None, accept: str = "application/json"):
    params = {"sha256": sha} if sha else {}
    return requests.get(f"{url}/verify/{number}", params=params, headers={"Accept": accept}, timeout=30)


def test_the_content_hash_is_not_an_attachment():
    record = _record_with_a_protocol()
    assert record.attachment_shas() == [PDF]


def test_a_genuine_document_an_altered_one_and_an_unknown_number(server):
    record = _record_with_a_protocol()
    assert results(push(server.url, enrol(server.url, "inspector"), record))[0]["status"] == "created"
    CONTENT = content_of(record)
    genuine = _verify(server.url, NUMBER, CONTENT)
    assert genuine.status_code == 200 and genuine.headers["Cache-Control"] == "no-store"
    body = genuine.json()
    assert body["verdict"] == "genuine" and body["sha256_matches"] is True
    assert body["kind"] == "AK" and body["kind_ru"] == "Акт о результатах проверки"
    assert body["organisation_kk"] and body["organisation_ru"]
    assert body["date"] == "2026-03-05"  # 23:30 UTC is the next morning in Kazakhstan
    assert set(body) == {
        "number",
        "verdict",
        "found",
        "kind",
        "kind_kk",
        "kind_ru",
        "organisation_kk",
        "organisation_ru",
        "date",
        "sha256_matches",
    }
    altered = _verify(server.url, NUMBER, hashlib.sha256(b"edited on paper").hexdigest()).json()
    assert altered["verdict"] == "mismatch" and altered["sha256_matches"] is False
    unknown = _verify(server.url, "AST-K07-2026-AK-9999", CONTENT).json()
    assert unknown == {
        "number": "AST-K07-2026-AK-9999",
        "verdict": "not_found",
        "found": False,
        "kind": None,
        "kind_kk": None,
        "kind_ru": None,
        "organisation_kk": None,
        "organisation_ru": None,
        "date": None,
        "sha256_matches": None,
    }
    assert _verify(server.url, NUMBER, None).json()["verdict"] == "unchecked"


def test_the_page_speaks_kazakh_and_russian_and_shows_only_the_facts(server):
    record = _record_with_a_protocol(91)
    push(server.url, enrol(server.url, "inspector"), record)
    CONTENT = content_of(record)
    page = _verify(server.url, NUMBER, CONTENT, accept="text/html")
    assert page.headers["Content-Type"].startswith("text/html")
    text = page.text
    assert "Құжат түпнұсқа" in text and "Документ подлинный" in text and NUMBER in text
    assert "05.03.2026" in text and 'data-verdict="genuine"' in text
    for secret in (
        record.id,
        record.header.inspectors[0].name,
        record.header.representative.name,
        record.header.appointment_number,
        CONTENT,
        PDF,
    ):
        assert secret not in text
    altered = _verify(server.url, NUMBER, "0" * 64, accept="text/html").text
    assert "қағаз өзгертілген болуы мүмкін" in altered and "бумага могла быть изменена" in altered
    missing = _verify(server.url, "<img src=x onerror=alert(1)>", None, accept="text/html").text
    assert "Документа с таким номером нет" in missing and "<img" not in missing
    assert "&lt;img src=x onerror=alert(1)&gt;" in missing


def add_inspector(url: str, username: str, regions: list[str]) -> None:
    db = Database(url)
    with db.write() as session:
        create_user(session, username=username, password=DEMO_PASSWORD, role="inspector", regions=regions)
    db.dispose()


def _error(response, index: int = 0) -> tuple[str, int | None, str | None]:
    result = results(response)[index]
    error = result.get("error") or {}
    return result["status"], error.get("code"), (error.get("details") or {}).get("reason")


def test_numbers_of_another_region_or_inspector_or_record_or_a_year_to_come_are_refused(server):
    add_inspector(server.database_url, "intruder", ["ALA", "AST"])
    add_inspector(server.database_url, "elsewhere", ["ALA"])
    owner = enrol(server.url, "inspector")
    assert results(push(server.url, owner, _record_with_a_protocol(92)))[0]["status"] == "created"
    intruder, elsewhere = enrol(server.url, "intruder"), enrol(server.url, "elsewhere")
    # another region's number, with the hash of an altered copy
    forged = _record_with_a_protocol(93, number="AST-Z99-2026-AK-0001")
    forged.header.facility_id = demo_facility("ALA")
    assert _error(push(server.url, elsewhere, forged)) == ("rejected", 42205, "region")
    # the owner's inspector code in the intruder's own region
    assert _error(push(server.url, intruder, _record_with_a_protocol(94, "AST-K07-2026-AK-0013"))) == (
        "rejected",
        42205,
        "inspector_code",
    )
    # a number already bound to another record (even of the same inspector)
    assert _error(push(server.url, owner, _record_with_a_protocol(95))) == ("rejected", 42206, None)
    # numbers claimed in advance, and numbers that are not numbers
    assert _error(push(server.url, owner, _record_with_a_protocol(96, "AST-K07-2099-AK-0001")))[2] == "year"
    assert _error(push(server.url, owner, _record_with_a_protocol(97, "forged")))[2] == "malformed"
    for number in ("AST-Z99-2026-AK-0001", "AST-K07-2026-AK-0013", "AST-K07-2099-AK-0001", "forged"):
        assert _verify(server.url, number, None).json()["verdict"] == "not_found"
    # the intruder's own code is theirs from the first use
    assert (
        results(push(server.url, intruder, _record_with_a_protocol(98, "AST-Q01-2026-AK-0001")))[0]["status"]
        == "created"
    )


def test_the_hash_a_laptop_claims_is_not_taken_on_trust(server):
    record = _record_with_a_protocol(99)
    genuine = content_of(record)
    altered = hashlib.sha256(b"the altered copy").hexdigest()
    record.documents[0].content_sha256 = altered  # the laptop claims the altered copy's hash
    assert results(push(server.url, enrol(server.url, "inspector"), record))[0]["status"] == "created"
    assert _verify(server.url, NUMBER, altered).json()["verdict"] == "mismatch"
    assert _verify(server.url, NUMBER, genuine).json()["verdict"] == "genuine"
    no_inputs = _record_with_a_protocol(100, "AST-K07-2026-AK-0020")
    no_inputs.documents[0].inputs = None  # an older laptop: the server cannot compute the hash
    push(server.url, enrol(server.url, "inspector"), no_inputs)
    assert _verify(server.url, "AST-K07-2026-AK-0020", content_of(no_inputs)).json()["verdict"] == "unchecked"


def test_a_draft_shows_nothing_and_a_returned_record_stops_showing(server):
    draft = _record_with_a_protocol(101)
    draft.header.status = type(draft.header.status)("draft")
    draft.header.finalised_at = None
    inspector = enrol(server.url, "inspector")
    assert results(push(server.url, inspector, draft))[0]["status"] == "created"
    assert _verify(server.url, NUMBER, content_of(draft)).json()["verdict"] == "not_found"
    final = _record_with_a_protocol(102, "AST-K07-2026-AK-0030")
    assert results(push(server.url, inspector, final))[0]["status"] == "created"
    assert _verify(server.url, "AST-K07-2026-AK-0030", content_of(final)).json()["verdict"] == "genuine"
    supervisor = enrol(server.url, "supervisor")
    returned = requests.post(
        f"{server.url}/api/v1/records/{final.id}/review",
        json={"decision": "returned", "revision": 1, "comment": "rework"},
        headers=supervisor,
        timeout=30,
    )
    assert returned.status_code == 200, returned.text
    assert _verify(server.url, "AST-K07-2026-AK-0030", content_of(final)).json()["verdict"] == "not_found"


def test_enumerating_numbers_is_limited_per_address_across_processes(seeded_url, tmp_path):
    """Two server processes on one database share the limit: 5 a minute in all, not 5 each."""
    env = {"INSPECTOR_VERIFY_PER_MINUTE": "5"}
    processes = [
        ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / f"limited{n}.log", env=env) for n in (1, 2)
    ]
    for process in processes:
        process.start()
    try:
        if time.time() % 60 > 50:  # the window is the calendar minute: start in a fresh one
            time.sleep(61 - time.time() % 60)
        answers = [_verify(processes[n % 2].url, f"AST-K07-2026-AK-{n:04d}", None) for n in range(7)]
        assert [a.status_code for a in answers] == [200] * 5 + [429] * 2
        assert 1 <= int(answers[5].headers["Retry-After"]) <= 60
        assert answers[5].json()["error"]["code"] == 42902
        page = _verify(processes[1].url, "AST-K07-2026-AK-0001", None, accept="text/html")
        assert page.status_code == 429 and "Слишком много проверок" in page.text
    finally:
        for process in processes:
            process.stop()


def test_an_inspector_code_bound_by_the_administrator_cannot_be_taken_first(server, monkeypatch):
    from sync.server import cli

    monkeypatch.setenv("INSPECTOR_DATABASE_URL", server.database_url)
    monkeypatch.setattr(cli.logs, "configure", lambda _level: None)
    args = ["create-user", "newcomer", "--role", "inspector", "--regions", "AST", "--code", "k08"]
    assert cli.main([*args, "--password", "newcomer-password"]) == 0
    taken = push(
        server.url, enrol(server.url, "inspector"), _record_with_a_protocol(103, "AST-K08-2026-AK-0001")
    )
    assert _error(taken) == ("rejected", 42205, "inspector_code")
    mine = push(
        server.url,
        enrol(server.url, "newcomer", "newcomer-password"),
        _record_with_a_protocol(104, "AST-K08-2026-AK-0001"),
    )
    assert results(mine)[0]["status"] == "created"
