"""The public check of a printed document: genuine, altered, or no such document."""

from __future__ import annotations

import datetime as dt
import hashlib

import requests

from inspector_app.core.protocol import DocumentMeta
from tests.kit.factory import demo_facility, inspection
from tests.sync.api import push, results
from tests.sync.conftest import enrol

FACILITY = demo_facility("AST")
NUMBER = "AST-K07-2026-PR-0012"
CONTENT = hashlib.sha256(b"canonical content of the protocol").hexdigest()
PDF = hashlib.sha256(b"the rendered PDF").hexdigest()


def _record_with_a_protocol(seed: int = 90):
    record = inspection(FACILITY, seed=seed)
    record.documents = [
        DocumentMeta(
            id="doc-1",
            kind="PR",
            number=NUMBER,
            sha256=PDF,
            content_sha256=CONTENT,
            language="kk",
            created_at=dt.datetime(2026, 3, 4, 23, 30, tzinfo=dt.UTC),
        )
    ]
    return record


def _verify(url: str, number: str, sha: str | None, accept: str = "application/json"):
    params = {"sha256": sha} if sha else {}
    return requests.get(f"{url}/verify/{number}", params=params, headers={"Accept": accept}, timeout=30)


def test_the_content_hash_is_not_an_attachment():
    record = _record_with_a_protocol()
    assert record.attachment_shas() == [PDF]


def test_a_genuine_document_an_altered_one_and_an_unknown_number(server):
    assert results(push(server.url, enrol(server.url, "inspector"), _record_with_a_protocol()))
    genuine = _verify(server.url, NUMBER, CONTENT)
    assert genuine.status_code == 200 and genuine.headers["Cache-Control"] == "no-store"
    body = genuine.json()
    assert body["verdict"] == "genuine" and body["sha256_matches"] is True
    assert body["kind"] == "PR" and body["kind_ru"] == "Протокол об административном правонарушении"
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
    unknown = _verify(server.url, "AST-K07-2026-PR-9999", CONTENT).json()
    assert unknown == {
        "number": "AST-K07-2026-PR-9999",
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
