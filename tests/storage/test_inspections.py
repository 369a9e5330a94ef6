import datetime as dt

import pytest

from inspector_app.domain.errors import UserError
from inspector_app.domain.measures import validate_measure
from inspector_app.domain.models import (IdDocument, InspectionStatus, Localized, Measure,
                                         MeasureKind, Offender,
                                         OffenderKind, RightsCategory, Verdict)
from inspector_app.domain.identifiers import make_valid_12
from tests.helpers import answer_all

VIDEO = "sch.security.video"  # photo required on violation, usually an order
BULLYING = "sch.protection.bullying_response"  # shows a details item when violated


def articles(store):
    return {a.code: a for a in store.reference.articles()}


def order_for(findings, inspection_id):
    return Measure(id="", inspection_id=inspection_id, kind=MeasureKind.ORDER,
                   finding_ids=[f.id for f in findings],
                   deadlines={f.id: dt.date.today() + dt.timedelta(days=30) for f in findings})


def test_one_revision_per_sync_however_many_answers(store, inspection):
    for n in range(5):
        store.inspections.save_answer(inspection.id, VIDEO, verdict=Verdict.COMPLIES, note=str(n))
    assert store.inspections.get(inspection.id).revision == 1  # never synced: still the first


def test_violation_becomes_finding_and_conditions_follow(store, inspection, school_form):
    store.inspections.save_answer(inspection.id, BULLYING, verdict=Verdict.VIOLATED, note="Тіркелмеген")
    findings = store.inspections.findings(inspection.id, school_form)
    assert [f.item_id for f in findings] == [BULLYING]
    assert findings[0].description == "Тіркелмеген"
    assert findings[0].degree == school_form.item(BULLYING).degree
    problems = {p.item_id for p in store.inspections.problems(inspection.id, school_form)}
    assert "sch.protection.bullying_details" in problems  # the conditional item appeared
    store.inspections.save_answer(inspection.id, BULLYING, verdict=Verdict.COMPLIES)
    assert store.inspections.findings(inspection.id, school_form) == []
    problems = {p.item_id for p in store.inspections.problems(inspection.id, school_form)}
    assert "sch.protection.bullying_details" not in problems


def test_finalise_blocked_until_everything_is_in_order(store, inspection, school_form, jpeg):
    with pytest.raises(UserError) as caught:
        store.inspections.finalise(inspection.id, school_form)
    assert caught.value.code == "inspection.cannot_finalise"
    answer_all(store, inspection.id, school_form, violated={VIDEO})
    codes = {(p.code, p.item_id) for p in store.inspections.problems(inspection.id, school_form)}
    assert codes == {("finalise.photo_missing", VIDEO), ("finalise.no_measure", VIDEO)}
    store.photos.add(inspection.id, VIDEO, jpeg)
    findings = store.inspections.findings(inspection.id, school_form)
    store.inspections.save_measure(order_for(findings, inspection.id))
    store.inspections.set_restored(inspection.id, RightsCategory.SAFETY, 412)
    done = store.inspections.finalise(inspection.id, school_form)
    assert done.status is InspectionStatus.FINALISED and done.finalised_at is not None


def test_a_stated_reason_replaces_a_measure(store, inspection, school_form):
    answer_all(store, inspection.id, school_form, violated={"sch.security.guards"})
    finding = store.inspections.findings(inspection.id, school_form)[0]
    finding.no_measure_reason = "Бұзушылық тексеру кезінде жойылды"
    store.inspections.save_finding(finding)
    assert store.inspections.problems(inspection.id, school_form) == []


def test_finalised_inspection_is_read_only(store, inspection, school_form):
    answer_all(store, inspection.id, school_form)
    store.inspections.finalise(inspection.id, school_form)
    for change in (lambda: store.inspections.save_answer(inspection.id, VIDEO, verdict=Verdict.VIOLATED),
                   lambda: store.inspections.set_restored(inspection.id, RightsCategory.HOUSING, 1)):
        with pytest.raises(UserError) as caught:
            change()
        assert caught.value.code == "inspection.locked"
    assert store.inspections.answers(inspection.id)[VIDEO].verdict is Verdict.COMPLIES


def test_photo_sealed_on_disk_and_read_back(store, store_dir, inspection, jpeg):
    photo = store.photos.add(inspection.id, VIDEO, jpeg)
    sealed = (store_dir / "photos" / f"{photo.id}.sealed").read_bytes()
    original = jpeg.read_bytes()
    assert original[:64] not in sealed and b"JFIF" not in sealed
    assert store.photos.data(photo) == original
    assert [p.id for p in store.photos.photos(inspection.id)] == [photo.id]


def sealed_files(store_dir):
    return sorted(p.name for p in (store_dir / "photos").iterdir())


def mark_synced(store):
    import sqlalchemy as sa

    from inspector_app.storage import models

    with store.db.write() as connection:
        connection.execute(sa.update(models.inspections)
                           .values(synced_revision=models.inspections.c.revision))


def test_a_synced_photo_removed_from_a_draft_goes_with_the_next_revision(store, store_dir,
                                                                         inspection, jpeg):
    from inspector_app.storage import outbox

    kept, removed = (store.photos.add(inspection.id, VIDEO, jpeg) for _ in range(2))
    mark_synced(store)
    assert outbox.pending_ids(store.db) == []
    store.photos.remove(removed)
    assert [p.id for p in store.photos.photos(inspection.id)] == [kept.id]
    assert sealed_files(store_dir) == [f"{kept.id}.sealed"]
    assert outbox.pending_ids(store.db) == [inspection.id]  # the server learns of it
    assert store.inspections.get(inspection.id).revision == 2


def test_a_photo_of_a_finalised_inspection_stays(store, store_dir, inspection, school_form, jpeg,
                                                  tmp_path):
    answer_all(store, inspection.id, school_form)
    photo = store.photos.add(inspection.id, VIDEO, jpeg)
    store.inspections.finalise(inspection.id, school_form)
    other = tmp_path / "other.jpg"
    other.write_bytes(jpeg.read_bytes())
    for change in (lambda: store.photos.remove(photo), lambda: store.photos.replace(photo, other)):
        with pytest.raises(UserError) as caught:
            change()
        assert caught.value.code == "inspection.locked"
    assert [p.id for p in store.photos.photos(inspection.id)] == [photo.id]
    assert sealed_files(store_dir) == [f"{photo.id}.sealed"]  # no new file left behind either


def test_a_replaced_photo_takes_the_old_ones_place(store, store_dir, inspection, jpeg, tmp_path):
    from PIL import Image

    first, middle, last = (store.photos.add(inspection.id, VIDEO, jpeg) for _ in range(3))
    better = tmp_path / "better.png"
    Image.new("RGB", (64, 48), (10, 200, 10)).save(better)
    new = store.photos.replace(middle, better)
    assert [p.id for p in store.photos.photos(inspection.id)] == [first.id, new.id, last.id]
    assert new.item_id == VIDEO and new.filename == "better.png"
    assert store.photos.data(new) == better.read_bytes()
    assert f"{middle.id}.sealed" not in sealed_files(store_dir)


def test_a_failed_replacement_keeps_the_old_photo(store, store_dir, inspection, jpeg, tmp_path):
    photo = store.photos.add(inspection.id, VIDEO, jpeg)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not a picture")
    with pytest.raises(UserError):
        store.photos.replace(photo, broken)
    assert store.photos.photos(inspection.id) == [photo]
    assert sealed_files(store_dir) == [f"{photo.id}.sealed"]
    store.photos.remove(photo)
    with pytest.raises(UserError) as caught:  # already gone (another window removed it)
        store.photos.replace(photo, jpeg)
    assert caught.value.code == "photo.gone"
    assert store.photos.photos(inspection.id) == [] and sealed_files(store_dir) == []


def test_not_an_image_is_refused(store, inspection, tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_text("not really a picture")
    with pytest.raises(UserError) as caught:
        store.photos.add(inspection.id, VIDEO, fake)
    assert caught.value.code == "photo.unreadable"
    assert "JPEG" in caught.value.message("kk")


def protocol(inspection_id, iin, fine=10, day=dt.date(2025, 3, 4)):
    return Measure(id="", inspection_id=inspection_id, kind=MeasureKind.PROTOCOL, finding_ids=["f"],
                   article="127-3", part="1", fine_mrp=fine, offence_date=day,
                   offender=Offender(OffenderKind.PERSON, "Сәрсенов Ғалым", iin,
                                     workplace=Localized("№ 5 мектеп", "Школа № 5"),
                                     id_document=IdDocument(number="045612378")))


def test_protocol_fine_in_tenge_at_the_mrp_of_the_offence_year(store, inspection):
    iin = make_valid_12("80010130045")
    measure = validate_measure(protocol(inspection.id, iin), articles=articles(store),
                               mrp_by_year=store.reference.mrp_by_year(), today=dt.date(2026, 11, 21))
    assert measure.fine_tenge == 10 * 3932
    saved = store.inspections.save_measure(measure)
    assert store.inspections.measures(inspection.id)[0].fine_tenge == 39320 and saved.id


@pytest.mark.parametrize("iin, fine, day, code", [
    ("800101300450", 10, dt.date(2025, 3, 4), "iin.checksum"),
    (None, 999, dt.date(2025, 3, 4), "protocol.fine_fixed"),  # 127-3.1: 10 MRP, no range
    (None, 10, dt.date(2030, 1, 1), "date.out_of_range"),
    (None, 10, dt.date(1999, 1, 1), "date.out_of_range"),
])
def test_bad_protocol_input_gets_a_clear_error(store, inspection, iin, fine, day, code):
    iin = iin if iin and make_valid_12(iin[:11]) != iin else (iin or make_valid_12("80010130045"))
    with pytest.raises(UserError) as caught:
        validate_measure(protocol(inspection.id, iin, fine, day), articles=articles(store),
                         mrp_by_year=store.reference.mrp_by_year(), today=dt.date(2026, 11, 21))
    assert caught.value.code == code


def test_order_deadline_in_the_past_refused(store, inspection):
    measure = Measure(id="", inspection_id=inspection.id, kind=MeasureKind.ORDER, finding_ids=["f"],
                      deadlines={"f": dt.date(2026, 1, 1)})
    with pytest.raises(UserError) as caught:
        validate_measure(measure, articles=articles(store), mrp_by_year={}, today=dt.date(2026, 11, 21))
    assert caught.value.code == "order.deadline_past"
