"""The documents on an inspection's page: the server renders each from the inputs the
laptop sent with it (as /verify does), so a signed document's printed and server hashes
match; a document of an older laptop, without inputs, is "unchecked", not a mismatch."""

from __future__ import annotations

import re

import requests

from tests.console.conftest import _push
from tests.console.test_console_http import sign_in
from tests.kit.console_records import facility_in


def _hashes(html: str, document_id: str) -> tuple[str, str, str]:
    """(printed hash, server hash, the row) of one document on the page."""
    row = re.search(rf'<tr class="[^"]*" data-document="{re.escape(document_id)}">(.*?)</tr>', html, re.S)
    assert row, document_id
    printed, server = re.findall(r"<code>([^<]*)</code>", row.group(1))
    return printed, server, row.group(1)


def test_a_signed_documents_hashes_match_and_verify_agrees(world):
    record = world.records["plain"]
    act = record.documents[0]
    assert act.inputs is not None and act.inputs.signatures  # signed on the laptop
    browser, _ = sign_in(world.url, "supervisor")
    html = browser.get(f"{world.url}/console/inspections/{record.id}", timeout=10).text
    printed, server, row = _hashes(html, act.id)
    assert printed == server == act.content_sha256
    assert "match-note" in row and "mismatch-note" not in row
    verified = requests.get(
        f"{world.url}/verify/{act.number}",
        params={"sha256": printed},
        headers={"Accept": "application/json"},
        timeout=10,
    ).json()
    assert verified["verdict"] == "genuine"
    pdf = browser.get(
        f"{world.url}/console/inspections/{record.id}/documents/{act.id}.pdf?lang=kk", timeout=30
    )
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_protocol_with_a_signed_act_matches_too(world):
    record = world.records["own"]  # an act and a protocol, both signed
    browser, _ = sign_in(world.url, "supervisor")
    html = browser.get(f"{world.url}/console/inspections/{record.id}", timeout=10).text
    for document in record.documents:
        printed, server, _ = _hashes(html, document.id)
        assert printed == server, document.kind


def test_a_document_without_inputs_is_unchecked_not_a_mismatch(world):
    _push(world, "inspector", "old_laptop", facility_in("AST", 5), seed=31, protocol=False, inputs=False)
    record = world.records["old_laptop"]
    browser, _ = sign_in(world.url, "supervisor")
    html = browser.get(f"{world.url}/console/inspections/{record.id}", timeout=10).text
    printed, server, row = _hashes(html, record.documents[0].id)
    assert printed != server  # the server's guess has no signature
    assert "unchecked-note" in row and "mismatch-note" not in row and 'class="mismatch"' not in html
