"""Pushes of one document number in several records at the same moment: one record gets the
number, every other is refused with the coded 42206 (never a 500 from the unique key)."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database, migrate
from sync.server.persistence.models import User
from sync.server.services.principal import Principal
from sync.server.services.records import Prepared, Pusher
from sync.server.services.users import user_regions
from tests.sync.api import push
from tests.sync.conftest import enrol, fresh_database_url, seed
from tests.sync.test_verify import _record_with_a_protocol

NUMBER = "AST-K07-2026-AK-0077"
PUSHES = 6


def test_concurrent_pushes_of_one_number_bind_it_once(server):
    headers = enrol(server.url, "inspector")
    records = [_record_with_a_protocol(200 + n, NUMBER) for n in range(PUSHES)]
    start = threading.Barrier(PUSHES)
    answers: list = [None] * PUSHES

    def pusher(n: int) -> None:
        start.wait()
        answers[n] = push(server.url, headers, records[n])

    threads = [threading.Thread(target=pusher, args=(n,)) for n in range(PUSHES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [200] * PUSHES, [a.text[:300] for a in answers]
    outcomes = [a.json()["results"][0] for a in answers]
    assert sorted(o["status"] for o in outcomes) == ["created"] + ["rejected"] * (PUSHES - 1)
    assert {o["error"]["code"] for o in outcomes if o["status"] == "rejected"} == {42206}


def test_a_refused_record_keeps_no_claim(server):
    """A record refused for one taken number leaves its other numbers free."""
    headers = enrol(server.url, "inspector")
    first = _record_with_a_protocol(300, "AST-K07-2026-AK-0101")
    assert push(server.url, headers, first).json()["results"][0]["status"] == "created"
    second = _record_with_a_protocol(301, "AST-K07-2026-AK-0102")
    taken = second.documents[0].model_copy(update={"id": "doc-2", "number": "AST-K07-2026-AK-0101"})
    second.documents.append(taken)
    refused = push(server.url, headers, second).json()["results"][0]
    assert refused["status"] == "rejected" and refused["error"]["code"] == 42206
    third = _record_with_a_protocol(302, "AST-K07-2026-AK-0102")
    assert push(server.url, headers, third).json()["results"][0]["status"] == "created"


@pytest.mark.postgres
def test_the_second_of_two_open_transactions_is_refused_not_broken(pg_database, tmp_path, request):
    """Two writers bind one number: the first has not committed when the second checks.
    The second waits for the first, then answers 42206 in its results; its own commit
    does not fail on the unique key (there is no retry behind this)."""
    url = fresh_database_url("postgres", tmp_path, request)
    migrate(url)
    seed(url)
    db = Database(url)
    with db.read() as session:
        user = session.scalar(sa.select(User).where(User.username == "inspector"))
        principal = Principal(user.id, user.username, user.role, frozenset(user_regions(session, user.id)))
    blobs = BlobStore(tmp_path / "blobs")
    number = "AST-K07-2026-AK-0088"
    first, second = (_record_with_a_protocol(400 + n, number) for n in range(2))
    outcome: dict = {}

    def later() -> None:
        try:
            with db.write() as session:
                outcome["results"] = Pusher(session, principal, blobs).push_all([Prepared.of(second)])
        except Exception as error:  # reported below
            outcome["error"] = error

    with db.write() as session:
        assert Pusher(session, principal, blobs).push_all([Prepared.of(first)])[0].status == "created"
        thread = threading.Thread(target=later)
        thread.start()
        thread.join(timeout=2)  # the second writer waits on the first's binding
        assert thread.is_alive()
    thread.join(timeout=30)
    db.dispose()
    assert "error" not in outcome, repr(outcome.get("error"))
    result = outcome["results"][0]
    assert result.status == "rejected" and result.error.code == 42206
