"""Administration in the console over HTTP against a real server: only administrators reach
it (a supervisor, an inspector's token, no session and a missing or forged CSRF token are
refused and change nothing); users are created, edited, deactivated and given a temporary
password with the service's refusals beside the fields; devices are revoked; the audit log is
filtered, paged newest first, and its hash chain's check is shown, intact or broken."""

from __future__ import annotations

import re

import pytest
import requests
import sqlalchemy as sa

from inspector_app.core import problems
from inspector_app.core.protocol import API
from sync.server.persistence.models import AuditEntry, User
from tests.console.conftest import start_world
from tests.console.test_console_http import csrf_of, sign_in
from tests.sync.api import error_code
from tests.sync.conftest import enrol

GOOD = "Жақсы-құпия-2"
PAGES = ("/console/admin", "/console/admin/users", "/console/admin/users/new", "/console/admin/devices")
PAGES += ("/console/admin/audit",)


def admin_in(url: str, lang: str = "kk") -> requests.Session:
    browser, answer = sign_in(url, "admin")
    assert answer.url.endswith("/console/review"), answer.url
    page = browser.get(f"{url}/console/review", timeout=10)
    browser.post(
        f"{url}/console/language",
        data={"csrf": csrf_of(page.text), "lang": lang, "back": "/console/"},
        timeout=10,
    )
    return browser


def post(browser: requests.Session, url: str, path: str, data: dict, csrf_from: str | None = None):
    """A form of the page `csrf_from` (default: the admin users' list), sent to `path`."""
    form = browser.get(url + (csrf_from or "/console/admin/users"), timeout=10)
    return browser.post(
        url + path, data={"csrf": csrf_of(form.text), **data}, timeout=30, allow_redirects=True
    )


def row(url: str, model, **where):
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(sa.select(model).filter_by(**where)).first()
    engine.dispose()
    return found


def audited(url: str, action: str, entity_id: str) -> list:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(
            sa.select(AuditEntry).where(AuditEntry.action == action, AuditEntry.entity_id == entity_id)
        ).all()
    engine.dispose()
    return found


def user_id(url: str, username: str) -> int:
    return row(url, User, username=username).id


def create(browser, url: str, username: str = "", **fields) -> requests.Response:
    data = {
        "username": username or fields.pop("username"),
        "full_name": "Сәуле Әбенова",
        "role": "inspector",
        "regions": ["KAR"],
    }
    data["password"] = GOOD
    return post(browser, url, "/console/admin/users/new", {**data, **fields}, "/console/admin/users/new")


def test_only_administrators_see_the_entry_and_reach_the_pages(world):
    admin = admin_in(world.url)
    assert 'id="nav-admin"' in admin.get(f"{world.url}/console/review", timeout=10).text
    for path in PAGES:
        assert admin.get(world.url + path, timeout=10).status_code == 200, path
    supervisor, _ = sign_in(world.url, "supervisor")
    assert 'id="nav-admin"' not in supervisor.get(f"{world.url}/console/review", timeout=10).text
    laptop = enrol(world.url, "inspector")  # an inspector's device token is no console session
    for path in PAGES:
        refused = supervisor.get(world.url + path, timeout=10)
        assert refused.status_code == 403 and "әкімшілерге арналған" in refused.text, path
        assert "Сәуле" not in refused.text
        for anonymous in (
            requests.get(world.url + path, timeout=10),
            requests.get(world.url + path, headers=laptop, timeout=10),
        ):
            assert anonymous.url.endswith("/console/signin"), path
    assert audited(world.database_url, "console.admin_refused", "/console/admin/users")


def test_nobody_but_an_administrator_changes_anything(world):
    admin = admin_in(world.url)
    victim = user_id(world.database_url, "inspector_kar")
    supervisor, _ = sign_in(world.url, "supervisor")
    own_form = "/console/review"  # the supervisor's own valid CSRF token
    actions = {
        "/console/admin/users/new": {
            "username": "intruder",
            "password": GOOD,
            "role": "administrator",
            "full_name": "X",
        },
        f"/console/admin/users/{victim}": {"full_name": "X", "role": "administrator"},
        f"/console/admin/users/{victim}/active": {"active": "no"},
        f"/console/admin/users/{victim}/password": {"password": GOOD},
    }
    for path, data in actions.items():
        assert post(supervisor, world.url, path, data, own_form).status_code == 403, path
        assert requests.post(world.url + path, data=data, timeout=10).url.endswith("/console/signin"), path
        missing = admin.post(world.url + path, data=data, timeout=10)
        forged = admin.post(world.url + path, data={**data, "csrf": "forged-" + "x" * 40}, timeout=10)
        assert missing.status_code == forged.status_code == 403, path
        assert 'id="error-message"' in forged.text
    assert row(world.database_url, User, username="intruder") is None
    kept = row(world.database_url, User, username="inspector_kar")
    assert kept.active and kept.role == "inspector" and kept.full_name == "Ерлан Қарағандин"
    assert not kept.must_change_password
    assert audited(world.database_url, "console.csrf_refused", f"/console/admin/users/{victim}/active")


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "kk",
            {
                "taken": "пайдаланушы аты бос емес",
                "weak": "талаптарға сай емес",
                "required": "Осы өрісті толтырыңыз",
                "region": "Кемінде бір өңірді",
                "rules": "Кемінде 10 таңба",
                "invisible": "көрінбейтін",
            },
        ),
        (
            "ru",
            {
                "taken": "имя пользователя занято",
                "weak": "не отвечает правилам",
                "required": "Заполните это поле",
                "region": "хотя бы один регион",
                "rules": "Не менее 10 символов",
                "invisible": "невидимые",
            },
        ),
    ],
)
def test_creating_a_user_tells_what_is_wrong_beside_each_field(world, lang, texts):
    admin = admin_in(world.url, lang)
    form = admin.get(f"{world.url}/console/admin/users/new", timeout=10).text
    assert texts["rules"] in form and 'aria-describedby="password-rules"' in form
    cases = {
        "username": ({"username": "inspector"}, texts["taken"]),
        "password": ({"password": "short"}, texts["weak"]),
        "full_name": ({"full_name": ""}, texts["required"]),
        "regions": ({"regions": []}, texts["region"]),
    }
    for name, (fields, text) in cases.items():
        answer = create(admin, world.url, **{"username": f"new-{lang}", **fields})
        assert answer.status_code == 400, name
        error = re.search(rf'<p class="field-error" id="err-{name}">([^<]+)</p>', answer.text)
        assert error and text in error.group(1), (name, error and error.group(1))
        assert 'aria-invalid="true"' in answer.text and 'id="form-problem"' in answer.text
    invisible = create(admin, world.url, "ai\u200bnur")
    assert texts["invisible"] in invisible.text.split('id="err-username">')[1].split("<")[0]
    assert row(world.database_url, User, username=f"new-{lang}") is None

    created = create(admin, world.url, f"New-{lang}")
    assert created.status_code == 200 and 'id="done"' in created.text
    user = row(world.database_url, User, username=f"new-{lang}")
    assert user.active and user.role == "inspector" and not user.must_change_password
    entry = audited(world.database_url, "user.create", f"new-{lang}")[0]
    assert entry.user_id == user_id(world.database_url, "admin") and entry.details["regions"] == ["KAR"]
    assert requests.post(
        f"{world.url}{API}/auth/enrol", json={"username": f"new-{lang}", "password": GOOD}, timeout=30
    ).ok


def test_the_list_filters_by_role_region_and_state(world):
    admin = admin_in(world.url)
    create(admin, world.url, "filtered", regions=["ALA"], role="supervisor")

    def listed(**params) -> set[str]:
        page = admin.get(f"{world.url}/console/admin/users", params=params, timeout=10).text
        return set(re.findall(r'data-user="([^"]+)"', page))

    assert {"admin", "inspector", "supervisor", "inspector_kar", "filtered"} <= listed()
    assert listed(role="administrator") == {"admin"}
    assert "filtered" in listed(role="supervisor", region="ALA") and "inspector" not in listed(
        role="supervisor"
    )
    assert listed(region="KAR") >= {"inspector_kar", "supervisor_kar"} and "inspector" not in listed(
        region="KAR"
    )
    uid = user_id(world.database_url, "filtered")
    post(admin, world.url, f"/console/admin/users/{uid}/active", {"active": "no"})
    assert listed(active="no") == {"filtered"} and "filtered" not in listed(active="yes")


def test_editing_a_user_changes_role_regions_name_and_language_and_is_audited(world):
    admin = admin_in(world.url, "ru")
    create(admin, world.url, "edited")
    uid = user_id(world.database_url, "edited")
    laptop = enrol(world.url, "edited", GOOD)
    data = {"full_name": "Айнұр Серікқызы", "role": "supervisor", "regions": ["AST", "KAR"], "language": "ru"}
    saved = post(admin, world.url, f"/console/admin/users/{uid}", data, f"/console/admin/users/{uid}")
    assert saved.status_code == 200 and "Изменения сохранены" in saved.text
    user = row(world.database_url, User, username="edited")
    assert (user.full_name, user.role, user.language) == ("Айнұр Серікқызы", "supervisor", "ru")
    me = requests.get(f"{world.url}{API}/me", headers=laptop, timeout=10).json()
    assert me["role"] == "supervisor" and me["regions"] == ["AST", "KAR"]  # at once, same token
    changes = audited(world.database_url, "user.update", "edited")[0].details
    assert changes["role"] == {"from": "inspector", "to": "supervisor"}
    assert changes["regions"] == {"from": ["KAR"], "to": ["AST", "KAR"]}

    bad = {**data, "regions": ["NOPE"]}
    refused = post(admin, world.url, f"/console/admin/users/{uid}", bad, f"/console/admin/users/{uid}")
    assert refused.status_code == 400 and 'id="err-regions"' in refused.text
    me_id = user_id(world.database_url, "admin")
    own = {"full_name": "Әкімші", "role": "inspector", "regions": ["AST"], "language": ""}
    refused = post(admin, world.url, f"/console/admin/users/{me_id}", own, f"/console/admin/users/{me_id}")
    assert refused.status_code == 400 and "Нельзя изменить собственную роль" in refused.text
    assert row(world.database_url, User, username="admin").role == "administrator"


def test_deactivation_stops_the_devices_at_once_and_activation_restores_them(world):
    admin = admin_in(world.url)
    create(admin, world.url, "leaver")
    uid = user_id(world.database_url, "leaver")
    laptop = enrol(world.url, "leaver", GOOD)
    me = f"{world.url}{API}/me"
    assert requests.get(me, headers=laptop, timeout=10).status_code == 200
    done = post(admin, world.url, f"/console/admin/users/{uid}/active", {"active": "no"})
    assert 'data-active="no"' in done.text and "сөндірілді" in done.text
    stopped = requests.get(me, headers=laptop, timeout=10)
    assert error_code(stopped) == problems.ACCOUNT_DEACTIVATED.code
    post(admin, world.url, f"/console/admin/users/{uid}/active", {"active": "yes"})
    assert requests.get(me, headers=laptop, timeout=10).status_code == 200
    assert len(audited(world.database_url, "user.deactivate", "leaver")) == 1
    assert len(audited(world.database_url, "user.activate", "leaver")) == 1

    me_id = user_id(world.database_url, "admin")
    refused = post(admin, world.url, f"/console/admin/users/{me_id}/active", {"active": "no"})
    assert 'id="problem"' in refused.text and row(world.database_url, User, username="admin").active


def test_a_reset_password_must_be_changed_at_the_next_sign_in(world):
    admin = admin_in(world.url, "ru")
    create(admin, world.url, "forgetful")
    uid = user_id(world.database_url, "forgetful")
    page = f"/console/admin/users/{uid}"
    weak = post(admin, world.url, f"{page}/password", {"password": "forgetful"}, page)
    assert (
        weak.status_code == 400 and 'id="err-password"' in weak.text and "не отвечает правилам" in weak.text
    )
    done = post(admin, world.url, f"{page}/password", {"password": "Уақытша-пароль-7"}, page)
    assert "Пароль сброшен" in done.text and "Должен сменить пароль" in done.text
    answer = requests.post(
        f"{world.url}{API}/auth/enrol",
        json={"username": "forgetful", "password": "Уақытша-пароль-7"},
        timeout=30,
    )
    assert error_code(answer) == problems.PASSWORD_CHANGE_REQUIRED.code
    assert len(audited(world.database_url, "user.password_reset", "forgetful")) == 1


def test_devices_are_listed_per_user_and_revoked_after_a_confirmation(world):
    admin = admin_in(world.url)
    create(admin, world.url, "two-laptops")
    first, second = enrol(world.url, "two-laptops", GOOD), enrol(world.url, "two-laptops", GOOD)
    listing = admin.get(f"{world.url}/console/admin/devices", timeout=10).text
    section = listing.split('data-user="two-laptops"')[1].split("</section>")[0]
    devices = re.findall(r'data-device="([^"]+)"', section)
    assert len(devices) == 2 and section.count("Белсенді") == 2
    confirm = admin.get(f"{world.url}/console/admin/devices/{devices[0]}/revoke", timeout=10)
    assert "бұғатталсын ба" in confirm.text  # asked first; nothing revoked by a GET
    assert requests.get(f"{world.url}{API}/me", headers=first, timeout=10).ok
    done = post(
        admin,
        world.url,
        f"/console/admin/devices/{devices[0]}/revoke",
        {},
        f"/console/admin/devices/{devices[0]}/revoke",
    )
    assert 'id="done"' in done.text
    states = [requests.get(f"{world.url}{API}/me", headers=h, timeout=10) for h in (first, second)]
    assert error_code(states[0]) == problems.TOKEN_REVOKED.code and states[1].ok
    assert len(audited(world.database_url, "device.revoke", devices[0])) == 1
    missing = admin.get(f"{world.url}/console/admin/devices/nothing-here/revoke", timeout=10)
    assert missing.status_code == 404


def test_the_audit_log_is_filtered_and_paged_newest_first(world):
    admin = admin_in(world.url)
    create(admin, world.url, "audited-one")
    log = f"{world.url}/console/admin/audit"

    def ids(**params) -> list[int]:
        return [
            int(i) for i in re.findall(r'data-entry="(\d+)"', admin.get(log, params=params, timeout=10).text)
        ]

    first = ids()
    assert len(first) == 50 and first == sorted(first, reverse=True)
    second = ids(page=2)
    assert second and max(second) < min(first)
    page = admin.get(log, timeout=10).text
    assert 'id="chain-result"' in page and 'data-intact="yes"' in page and "тізбегі бүтін" in page
    assert ids(action="user.create", record="audited-one") and all(
        a == "user.create"
        for a in re.findall(
            r'data-action="([^"]+)"', admin.get(log, params={"action": "user.create"}, timeout=10).text
        )
    )
    by_admin = admin.get(log, params={"user": "admin", "action": "user.create"}, timeout=10).text
    assert "audited-one" in by_admin
    assert not ids(user="supervisor", action="user.create")
    assert not ids(**{"from": "2001-01-01", "to": "2001-12-31"})
    import datetime as dt

    today = dt.date.today().isoformat()
    assert ids(**{"from": "2001-01-01", "to": (dt.date.today() + dt.timedelta(days=1)).isoformat()})
    reversed_period = admin.get(log, params={"from": today, "to": "2001-01-01"}, timeout=10)
    assert reversed_period.status_code == 400 and 'id="err-from"' in reversed_period.text


def test_audit_actions_are_named_in_the_readers_language_with_their_code(world):
    from sync.server.persistence.db import Database
    from sync.server.services.audit import audit

    db = Database(world.database_url)
    with db.write() as session:
        audit(session, user_id=None, device_id=None, action="legacy.thing", entity_kind="x", entity_id="old")
    db.dispose()
    log = f"{world.url}/console/admin/audit"
    for lang, created in (
        ("kk", "Пайдаланушы құрылды"),
        ("ru", "Пользователь создан"),
        ("en", "User created"),
    ):
        admin = admin_in(world.url, lang)
        page = admin.get(log, params={"action": "user.create"}, timeout=10).text
        cells = re.findall(r'<tr data-entry="\d+" data-action="user.create">.*?</tr>', page, re.S)
        assert cells and all(f'<span title="user.create">{created}</span>' in c for c in cells), lang
        assert all('<code class="note">user.create</code>' in c for c in cells)
        # the filter offers every known action by name, whether the log holds it yet or not
        choices = dict(re.findall(r'<option value="([a-z_.]+)"[^>]*>([^<]+)</option>', page))
        assert choices["user.create"] == created and "order.not_executed" in choices
        assert choices["order.not_executed"] != "order.not_executed"
    unknown = admin.get(log, params={"action": "legacy.thing"}, timeout=10).text
    assert "<td><code>legacy.thing</code></td>" in unknown and 'title="legacy.thing"' not in unknown
    assert re.search(r'<option value="legacy.thing" selected>legacy.thing</option>', unknown)


def test_a_broken_hash_chain_is_shown_where_it_breaks(tmp_path):
    server, world = start_world(tmp_path)
    try:
        engine = sa.create_engine(world.database_url)
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TRIGGER audit_log_no_update"))
            connection.execute(sa.text("UPDATE audit_log SET entity_id = 'edited' WHERE seq = 3"))
        engine.dispose()
        admin = admin_in(world.url, "ru")
        page = admin.get(f"{world.url}/console/admin/audit", timeout=10).text
        assert 'data-intact="no"' in page
        result = re.search(r'id="chain-result">([^<]+)<', page).group(1)
        assert "разорвана на записи 3" in result and "изменили" in result
        asked = admin.get(f"{world.url}/console/admin/audit", params={"verify": "1"}, timeout=10).text
        assert 'data-intact="no"' in asked
        assert audited(world.database_url, "console.audit_verify", "chain")[0].details["intact"] is False
    finally:
        server.stop()
