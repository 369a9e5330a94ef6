"""Sign-in throttling, password policy, user names and off-boarding (deactivation, password
reset and change, a user's devices)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core import problems
from inspector_app.desktop.sync.service import user_error
from sync.server.persistence.db import Database
from sync.server.persistence.models import AuditEntry, LoginFailure
from sync.server.services.security import Throttle
from tests.kit.factory import demo_facility, inspection
from tests.kit.server import ServerProcess
from tests.sync.api import API, error_code, push, results
from tests.sync.conftest import enrol

WRONG = {"username": "inspector", "password": "wrong-password-1"}


def _enrol(url: str, body: dict, **headers) -> requests.Response:
    return requests.post(f"{url}{API}/auth/enrol", json=body, headers=headers, timeout=60)


def _audited(url: str, action: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        count = connection.scalar(sa.select(sa.func.count()).where(AuditEntry.action == action))
    engine.dispose()
    return count


def test_parallel_guesses_get_five_password_checks_and_no_conflict(server, seeded_url):
    with ThreadPoolExecutor(40) as pool:
        answers = list(pool.map(lambda _: _enrol(server.url, WRONG), range(40)))
    codes = sorted(error_code(a) for a in answers)
    assert codes.count(problems.BAD_CREDENTIALS.code) == 5, codes
    assert codes.count(problems.TOO_MANY_ATTEMPTS.code) == 35, codes
    assert _audited(seeded_url, "auth.failed") == 5  # five passwords were checked, no more


def test_the_wait_after_n_failures_is_two_to_the_n_minus_four_seconds(seeded_url):
    """PROTOCOL.md: after 5 failures each attempt waits 2^(n-4) s (the code waited a second
    more: it rounded the time left up and then added one)."""
    throttle, db = Throttle(), Database(seeded_url)
    assert [throttle.wait_seconds(n) for n in range(4, 9)] == [0, 2, 4, 8, 16]
    for _ in range(5):
        with db.write() as session:
            throttle.reserve(session, "someone", "10.0.0.1")

    def failed_ago(seconds: float) -> None:
        with db.write() as session:
            session.execute(
                sa.update(LoginFailure).values(
                    last_failure_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds)
                )
            )

    failed_ago(1.5)
    with pytest.raises(problems.Problem) as refused, db.write() as session:
        throttle.reserve(session, "someone", "10.0.0.1")
    assert refused.value.headers["Retry-After"] == "1"
    failed_ago(2.05)  # 2^(5-4) s have passed: the sixth attempt may go
    with db.write() as session:
        throttle.reserve(session, "someone", "10.0.0.1")
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_bad_sign_ins_do_not_stall_pushes(server):
    """Argon2 runs outside the write transaction: on SQLite a guesser no longer holds the
    one write lock for each guess."""
    headers = enrol(server.url, "inspector")
    record = inspection(demo_facility("AST"), seed=5)
    assert results(push(server.url, headers, record))[0]["status"] == "created"
    stop, guesses = threading.Event(), []

    def guess() -> None:
        n = 0
        while not stop.is_set():  # new names each time: every guess costs a password check
            n += 1
            guesses.append(_enrol(server.url, {"username": f"nobody{n}", "password": "x" * 12}).status_code)

    guessers = [threading.Thread(target=guess) for _ in range(2)]
    for thread in guessers:
        thread.start()
    started, pushes = time.monotonic(), 0
    while time.monotonic() - started < 4:
        assert results(push(server.url, headers, record))[0]["status"] == "unchanged"
        pushes += 1
    elapsed = time.monotonic() - started
    stop.set()
    for thread in guessers:
        thread.join()
    print(f"{pushes / elapsed:.1f} pushes/s during {len(guesses) / elapsed:.1f} bad sign-ins/s")
    assert set(guesses) == {401} and len(guesses) >= 4
    assert pushes / elapsed >= 5


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_x_forwarded_for_counts_only_from_a_trusted_proxy(seeded_url, tmp_path):
    def sixth_attempt(server: ServerProcess) -> int:
        for n in range(5):
            _enrol(server.url, WRONG, **{"X-Forwarded-For": f"10.0.0.{n}"})
        return error_code(_enrol(server.url, WRONG, **{"X-Forwarded-For": "10.0.0.99"}))

    with ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "a.log") as untrusted:
        assert sixth_attempt(untrusted) == problems.TOO_MANY_ATTEMPTS.code
    engine = sa.create_engine(seeded_url)
    with engine.begin() as connection:
        connection.execute(sa.delete(LoginFailure))
    engine.dispose()
    env = {"INSPECTOR_TRUSTED_PROXIES": "127.0.0.1"}
    with ServerProcess(seeded_url, tmp_path / "blobs", tmp_path / "b.log", env=env) as behind_proxy:
        assert sixth_attempt(behind_proxy) == problems.BAD_CREDENTIALS.code


def _create(url: str, admin: dict, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{url}{API}/users",
        headers=admin,
        timeout=30,
        json={"username": username, "password": password, "role": "inspector", "regions": ["AST"]},
    )


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_passwords_and_user_names_are_checked(server):
    admin = enrol(server.url, "admin")
    for weak in ("short-1", "onlyletterslong", "1234567890123", "Aigerim.Bek"):
        answer = _create(server.url, admin, "aigerim.bek", weak)
        assert error_code(answer) == problems.WEAK_PASSWORD.code, weak
    for bad in (" aigerim", "aigerim ", "ai\u200bgerim", "ai\x07gerim", "\u3000", "ai\u2028gerim"):
        answer = _create(server.url, admin, bad, "Жақсы-құпия-2")
        assert answer.status_code == 422 and error_code(answer) == problems.BAD_USERNAME.code, repr(bad)
    created = _create(server.url, admin, "Ａigerim.Bek", "Жақсы-құпия-2")  # a full-width A
    assert created.status_code == 201 and created.json()["username"] == "aigerim.bek"
    assert error_code(_create(server.url, admin, "AIGERIM.BEK", "Жақсы-құпия-2")) == problems.DUPLICATE.code
    assert _enrol(server.url, {"username": "Aigerim.Bek", "password": "Жақсы-құпия-2"}).status_code == 200


def test_an_administrator_off_boards_a_user(server, seeded_url):
    admin, laptop = enrol(server.url, "admin"), enrol(server.url, "inspector")
    user = f"{server.url}{API}/users/inspector"
    me = f"{server.url}{API}/me"
    refused = requests.post(f"{user}/deactivate", headers=laptop, timeout=30)
    assert error_code(refused) == problems.FORBIDDEN_ROLE.code

    devices = requests.get(f"{user}/devices", headers=admin, timeout=30).json()
    assert len(devices) == 1 and devices[0]["revoked_at"] is None
    assert requests.post(f"{user}/deactivate", headers=admin, timeout=30).status_code == 204
    stopped = requests.get(me, headers=laptop, timeout=30)
    assert stopped.status_code == 401 and error_code(stopped) == problems.ACCOUNT_DEACTIVATED.code
    sign_in = _enrol(server.url, {"username": "inspector", "password": "demo-password"})
    assert error_code(sign_in) == problems.ACCOUNT_DEACTIVATED.code
    assert requests.post(f"{user}/activate", headers=admin, timeout=30).status_code == 204
    assert requests.get(me, headers=laptop, timeout=30).status_code == 200

    weak = requests.post(f"{user}/password", headers=admin, json={"password": "short"}, timeout=30)
    assert error_code(weak) == problems.WEAK_PASSWORD.code
    reset = requests.post(
        f"{user}/password", headers=admin, json={"password": "Уақытша-пароль-7"}, timeout=30
    )
    assert reset.status_code == 204
    must_change = _enrol(server.url, {"username": "inspector", "password": "Уақытша-пароль-7"})
    assert (
        must_change.status_code == 403 and error_code(must_change) == problems.PASSWORD_CHANGE_REQUIRED.code
    )
    change = {"username": "inspector", "password": "Уақытша-пароль-7", "new_password": "Жаңа-құпия-сөз-8"}
    assert requests.post(f"{server.url}{API}/auth/password", json=change, timeout=30).status_code == 204
    assert _enrol(server.url, {"username": "inspector", "password": "Жаңа-құпия-сөз-8"}).status_code == 200

    device = devices[0]["id"]
    assert (
        requests.post(f"{server.url}{API}/devices/{device}/revoke", headers=admin, timeout=30).status_code
        == 204
    )
    assert error_code(requests.get(me, headers=laptop, timeout=30)) == problems.TOKEN_REVOKED.code
    listed = requests.get(f"{user}/devices", headers=admin, timeout=30).json()
    assert [d["revoked_at"] is not None for d in listed] == [True, False]
    for action in ("user.deactivate", "user.activate", "user.password_reset", "user.password_change"):
        assert _audited(seeded_url, action) == 1, action


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (problems.ACCOUNT_DEACTIVATED, {"en": "deactivated", "ru": "отключена", "kk": "сөндірілген"}),
        (problems.PASSWORD_CHANGE_REQUIRED, {"en": "reset", "ru": "сбросил", "kk": "қалпына"}),
        (problems.WEAK_PASSWORD, {"en": "10 characters", "ru": "10 символов", "kk": "10 таңба"}),
        (problems.RECORD_TOO_LARGE, {"en": "too large", "ru": "слишком большой", "kk": "тым үлкен"}),
    ],
)
def test_the_laptop_tells_people_about_the_new_problems(kind, words):
    error = user_error(problems.Problem(kind))
    for lang, word in words.items():
        assert word in error.message(lang), (lang, error.message(lang))
