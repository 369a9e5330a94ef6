"""A competent body and a district added in the console reach a laptop through the real
desktop sync code against a real server process, land in its store, and are offered: the
referral's body picker lists the body (and a referral to it is accepted), the register's
district filter lists the district. A body deactivated later is no longer offered."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from inspector_app.core.domain.models import Degree, Finding, MeasureKind
from inspector_app.core.domain.reference import ARTICLES, MRP_BY_YEAR
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.desktop.services.sync_store import StoreSyncAdapter
from inspector_app.desktop.storage.store import create_store
from inspector_app.desktop.sync.service import enrol
from sync.server.services.seed import DEMO_PASSWORD
from tests.conftest import FAST_SCRYPT, ROOT
from tests.console.test_reference_http import BODY, post
from tests.gui.conftest import language as language  # a fixture
from tests.gui.conftest import type_text
from tests.sync.client_helpers import service

DISTRICT = {"new": "1", "code": "AST-KOK", "region": "AST", "name_kk": "Көктал ауданы"}
DISTRICT |= {"name_ru": "район Коктал", "name_en": "Koktal district", "active": "1"}


@pytest.fixture
def laptop(tmp_path, server, profile):
    store = create_store(tmp_path / "store", "correct horse battery", profile, scrypt_n=FAST_SCRYPT)
    catalogue = FormCatalogue.load(ROOT / "forms", tmp_path / "received-forms")
    adapter = StoreSyncAdapter(store, catalogue, tmp_path / "received-forms")
    enrol(adapter, requests.Session(), server.url, "inspector", DEMO_PASSWORD, "laptop")
    yield adapter
    store.close()


def sync(adapter) -> None:
    service(adapter).run_once()


def referral_dialog(qtbot, adapter):
    """The referral dialog as the findings view opens it: with the store's bodies."""
    from inspector_app.desktop.ui.measures.measure_dialogs import MeasureDialog

    form = adapter.catalogue.newest_for(next(f.kind for f in adapter.catalogue.forms))
    item = next(i for s in form.sections for i in s.items)
    dialog = MeasureDialog(
        MeasureKind.TRANSFER,
        "insp-1",
        [Finding("f1", "insp-1", item.id, Degree.GROSS)],
        form,
        list(ARTICLES),
        dict(MRP_BY_YEAR),
        "ru",
        today=dt.date.today(),
        bodies=adapter.store.reference.bodies(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_body_and_a_district_added_in_the_console_are_offered_on_the_laptop(
    qtbot, server, laptop, language
):
    from tests.console.test_admin_data_http import admin

    world = server  # the console's helpers need only its address
    sync(laptop)
    assert "ombudsman" not in laptop.store.reference.bodies()
    browser, token = admin(world, "ru")
    assert post(browser, world.url, "bodies", token, **BODY).status_code == 200
    assert post(browser, world.url, "districts", token, **DISTRICT).status_code == 200
    sync(laptop)
    assert laptop.store.reference.bodies()["ombudsman"].ru == BODY["name_ru"]
    assert [d.code for d in laptop.store.reference.districts("AST")].count("AST-KOK") == 1

    dialog = referral_dialog(qtbot, laptop)
    picker = dialog.findChild(QComboBox, "addressee_body")
    offered = [picker.itemText(i) for i in range(picker.count())]
    assert BODY["name_ru"] in offered
    picker.setFocus()
    type_text(picker, "Уполн")  # keyboard search in the picker, as a person would
    assert picker.currentData() == "ombudsman"
    type_text(dialog.findChild(QLineEdit, "addressee_ru"), "Уполномоченный по правам ребёнка в РК")
    ok = dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.measure is not None and dialog.measure.addressee_body == "ombudsman"

    from inspector_app.desktop.ui.register.register_view import RegisterView

    register = RegisterView(laptop.store, laptop.store.reference.regions(), language)
    qtbot.addWidget(register)
    register.show()
    region = register.findChild(QComboBox, "register_region")
    region.setFocus()
    qtbot.keyClicks(region, "Astana")
    assert region.currentData() == "AST"
    district = register.findChild(QComboBox, "register_district")
    assert "Koktal district" in [district.itemText(i) for i in range(district.count())]

    deactivated = post(browser, world.url, "bodies", token, **{**BODY, "new": "0", "active": ""})
    assert deactivated.status_code == 200
    sync(laptop)
    assert "ombudsman" not in laptop.store.reference.bodies()
    again = referral_dialog(qtbot, laptop)
    picker = again.findChild(QComboBox, "addressee_body")
    assert BODY["name_ru"] not in [picker.itemText(i) for i in range(picker.count())]
