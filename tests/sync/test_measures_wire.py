"""The wire carries the protocol's art. 803 fields, texts per language, the referral to the
competent body and the competence in the article reference data, over a real server."""

from __future__ import annotations

import datetime as dt

import requests

from inspector_app.core.domain.codec import to_json
from inspector_app.core.domain.models import (
    BusinessSize,
    IdDocument,
    Localized,
    Measure,
    MeasureKind,
    Offender,
    OffenderKind,
    Person,
)
from inspector_app.core.protocol import API, InspectionRecord
from tests.kit.factory import demo_facility, inspection
from tests.sync.api import pull_all, push, results
from tests.sync.conftest import enrol

FACILITY = demo_facility("AST")


def measures(record: InspectionRecord) -> list[Measure]:
    finding = record.findings[0].id if record.findings else "f0"
    official = Offender(
        OffenderKind.PERSON,
        "Сәрсенов Ғалым",
        "880101300123",
        workplace=Localized("№ 5 мектеп", "Школа № 5"),
        position=Localized("директор", "директор"),
        id_document=IdDocument(
            number="045612378", issued_by=Localized("ҚР ІІМ", "МВД РК"), issued_on=dt.date(2019, 4, 2)
        ),
        prior_penalties=Localized(ru="Постановление № 12 от 01.06.2025"),
    )
    org = Offender(
        OffenderKind.ORGANISATION,
        "ТОО «Балапан»",
        "120340012345",
        representative=Person("Оспанов Нұрлан", position_kk="заң кеңесшісі", position_ru="юрисконсульт"),
        attorney_number="17",
        attorney_date=dt.date(2026, 1, 9),
        business_size=BusinessSize.SMALL,
    )
    return [
        Measure(
            "m1",
            record.id,
            MeasureKind.PROTOCOL,
            [finding],
            article="127-3",
            part="2",
            offender=official,
            fine_mrp=30,
            offence_date=dt.date(2026, 3, 16),
            substance=Localized("Тәртіп жоқ", "Порядка нет"),
            witnesses=[Person("Иванова М.", address="Алматы, Абая 12", position_ru="учитель")],
        ),
        Measure(
            "m2",
            record.id,
            MeasureKind.PROTOCOL,
            [finding],
            article="135",
            part="1",
            offender=org,
            fine_mrp=20,
            offence_date=dt.date(2026, 3, 16),
        ),
        Measure(
            "m3",
            record.id,
            MeasureKind.TRANSFER,
            [finding],
            addressee_body="sanitary",
            addressee=Localized("СЭБ департаменті", "Департамент СЭК"),
            text=Localized("", "Нарушены санитарные правила"),
        ),
    ]


def test_new_measure_fields_and_kind_travel_and_come_back_unchanged(server):
    headers = enrol(server.url, "inspector")
    record = inspection(FACILITY, answers=20, seed=11)
    record.measures = measures(record)
    assert results(push(server.url, headers, record))[0]["status"] == "created"
    stored = requests.get(f"{server.url}{API}/records/{record.id}", headers=headers, timeout=30)
    assert stored.status_code == 200
    body = stored.json()
    data = body.get("record", body)
    assert data["measures"] == to_json(record.measures)
    back = InspectionRecord.model_validate(data)
    assert back.measures[2].kind is MeasureKind.TRANSFER
    assert back.measures[1].offender.representative.name == "Оспанов Нұрлан"
    assert back.content_hash() == record.content_hash()


def test_a_measure_of_an_unknown_kind_is_refused(server):
    headers = enrol(server.url, "inspector")
    record = inspection(FACILITY, answers=5, seed=12)
    data = record.model_dump(mode="json")
    data["measures"] = [{"id": "m1", "inspection_id": record.id, "kind": "fine_imposed"}]
    response = requests.post(
        f"{server.url}{API}/records", json={"records": [data]}, headers=headers, timeout=30
    )
    assert response.status_code == 422


def test_articles_carry_who_draws_up_protocols_and_who_decides(server):
    headers = enrol(server.url, "inspector")
    changes, _, _ = pull_all(server.url, headers)
    articles = {c["data"]["code"]: c["data"] for c in changes if c["kind"] == "article"}
    assert articles["425.1"]["protocol_by"] == "sanitary"
    assert articles["127-3.1"]["protocol_by"] == "committee" and articles["127-3.1"]["decided_by"] == "court"
    assert articles["127-3.2"]["repeat"] is True
    assert articles["135.1"]["org_mrp"]["large"] == [50, 50]


def test_a_laptop_pulls_competence_and_pushes_a_referral(server, tmp_path, profile):
    from inspector_app.core.domain.models import Localized as L
    from tests.sync.test_desktop_sync import laptop, make_inspections, sync_until_done

    store, catalogue, adapter = laptop(tmp_path, "laptop", profile, server.url)
    sync_until_done(adapter, server.url)
    articles = {a.code: a for a in store.reference.articles()}
    assert articles["425.1"].protocol_by == "sanitary" and articles["135.1"].org_mrp["small"] == (20, 20)
    form, (inspection_id,) = make_inspections(store, catalogue, tmp_path, 1, 7)
    finding = store.inspections.findings(inspection_id, form)[0]
    store.inspections.save_measure(
        Measure(
            "",
            inspection_id,
            MeasureKind.TRANSFER,
            [finding.id],
            addressee_body="police",
            addressee=L("Полиция басқармасы", "Управление полиции"),
        )
    )
    sync_until_done(adapter, server.url)
    headers = enrol(server.url, "inspector")
    data = requests.get(f"{server.url}{API}/records/{inspection_id}", headers=headers, timeout=30).json()
    measures = data.get("record", data)["measures"]
    assert [m["kind"] for m in measures] == ["transfer"]
    assert measures[0]["addressee"] == {"kk": "Полиция басқармасы", "ru": "Управление полиции"}
