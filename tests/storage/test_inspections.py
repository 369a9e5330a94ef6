import datetime as dt
import hashlib
import io

import pytest
from PIL import Image

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.measures import validate_measure
from inspector_app.core.domain.models import (
    IdDocument,
    InspectionStatus,
    Localized,
    Measure,
    MeasureKind,
    Offender,
    OffenderKind,
    RestoredChild,
    RestoredRights,
    RightsCategory,
    Verdict,
)
from tests.helpers import answer_all

VIDEO = "sch.security.video"  # photo required on violation, usually an order
BULLYING = "sch.protection.bullying_response"  # shows a details item when violated


def articles(store):
    return {a.code: a for a in store.reference.articles()}


def order_for(findings, inspection_id):
    return Measure(
        id="",
        inspection_id=inspection_id,
        kind=MeasureKind.ORDER,
        finding_ids=[f.id for f in findings],
        deadlines={f.id: dt.date.today() + dt.timedelta(days=30) for f in findings},
    )


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
    order = store.inspections.save_measure(order_for(findings, inspection.id))
    store.inspections.save_restored_child(
        inspection.id, RestoredChild("", "Ә.Қ.", [RightsCategory.SAFETY], measure_id=order.id), school_form
    )
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
    for change in (
        lambda: store.inspections.save_answer(inspection.id, VIDEO, verdict=Verdict.VIOLATED),
        lambda: store.inspections.save_restored_child(
            inspection.id, RestoredChild("", "А.Б.", [RightsCategory.HOUSING]), school_form
        ),
        lambda: store.inspections.set_objections(inspection.id, "Келіспеймін"),
    ):
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

    from inspector_app.desktop.storage import models

    with store.db.write() as connection:
        connection.execute(
            sa.update(models.inspections).values(synced_revision=models.inspections.c.revision)
        )


def test_a_synced_photo_removed_from_a_draft_goes_with_the_next_revision(store, store_dir, inspection, jpeg):
    from inspector_app.desktop.services import outbox

    kept, removed = (store.photos.add(inspection.id, VIDEO, jpeg) for _ in range(2))
    mark_synced(store)
    assert outbox.pending_ids(store.db) == []
    store.photos.remove(removed)
    assert [p.id for p in store.photos.photos(inspection.id)] == [kept.id]
    assert sealed_files(store_dir) == [f"{kept.id}.sealed"]
    assert outbox.pending_ids(store.db) == [inspection.id]  # the server learns of it
    assert store.inspections.get(inspection.id).revision == 2


def test_a_photo_of_a_finalised_inspection_stays(store, store_dir, inspection, school_form, jpeg, tmp_path):
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
    return Measure(
        id="",
        inspection_id=inspection_id,
        kind=MeasureKind.PROTOCOL,
        finding_ids=["f"],
        article="127-3",
        part="1",
        fine_mrp=fine,
        offence_date=day,
        offender=Offender(
            OffenderKind.PERSON,
            "Сәрсенов Ғалым",
            iin,
            workplace=Localized("№ 5 мектеп", "Школа № 5"),
            id_document=IdDocument(number="045612378"),
        ),
    )


def test_protocol_fine_in_tenge_at_the_mrp_of_the_offence_year(store, inspection):
    iin = make_valid_12("80010130045")
    measure = validate_measure(
        protocol(inspection.id, iin),
        articles=articles(store),
        mrp_by_year=store.reference.mrp_by_year(),
        today=dt.date(2026, 11, 21),
    )
    assert measure.fine_tenge == 10 * 3932
    saved = store.inspections.save_measure(measure)
    assert store.inspections.measures(inspection.id)[0].fine_tenge == 39320 and saved.id


@pytest.mark.parametrize(
    ("iin", "fine", "day", "code"),
    [
        ("800101300450", 10, dt.date(2025, 3, 4), "iin.checksum"),
        (None, 999, dt.date(2025, 3, 4), "protocol.fine_fixed"),  # 127-3.1: 10 MRP, no range
        (None, 10, dt.date(2030, 1, 1), "date.out_of_range"),
        (None, 10, dt.date(1999, 1, 1), "date.out_of_range"),
    ],
)
def test_bad_protocol_input_gets_a_clear_error(store, inspection, iin, fine, day, code):
    iin = iin if iin and make_valid_12(iin[:11]) != iin else (iin or make_valid_12("80010130045"))
    with pytest.raises(UserError) as caught:
        validate_measure(
            protocol(inspection.id, iin, fine, day),
            articles=articles(store),
            mrp_by_year=store.reference.mrp_by_year(),
            today=dt.date(2026, 11, 21),
        )
    assert caught.value.code == code


def test_order_deadline_in_the_past_refused(store, inspection):
    measure = Measure(
        id="",
        inspection_id=inspection.id,
        kind=MeasureKind.ORDER,
        finding_ids=["f"],
        deadlines={"f": dt.date(2026, 1, 1)},
    )
    with pytest.raises(UserError) as caught:
        validate_measure(measure, articles=articles(store), mrp_by_year={}, today=dt.date(2026, 11, 21))
    assert caught.value.code == "order.deadline_past"


def test_children_counted_once_per_category_and_once_in_the_total(store, inspection, school_form):
    answer_all(store, inspection.id, school_form, violated={VIDEO, BULLYING})
    video, bullying = sorted(
        store.inspections.findings(inspection.id, school_form), key=lambda f: f.item_id != VIDEO
    )
    order = store.inspections.save_measure(order_for([video], inspection.id))
    save = store.inspections.save_restored_child
    first = save(
        inspection.id,
        RestoredChild("", " Ә.Қ.  ", [RightsCategory.SAFETY, RightsCategory.HOUSING], measure_id=order.id),
        school_form,
    )
    save(
        inspection.id, RestoredChild("", "ә.қ.", [RightsCategory.SAFETY], finding_id=bullying.id), school_form
    )  # the same child, restored by another finding too
    save(
        inspection.id,
        RestoredChild("", "Іс № 17/2026", [RightsCategory.SAFETY], finding_id=bullying.id),
        school_form,
    )
    children = store.inspections.restored_children(inspection.id)
    assert [c.reference for c in children] == ["Ә.Қ.", "ә.қ.", "Іс № 17/2026"]
    assert children[0].categories == [RightsCategory.HOUSING, RightsCategory.SAFETY]
    counts = {r.category: r.children for r in store.inspections.restored(inspection.id)}
    assert counts == {RightsCategory.HOUSING: 1, RightsCategory.SAFETY: 2}
    from inspector_app.core.domain.restored import distinct_children

    assert distinct_children(children) == 2
    with pytest.raises(UserError) as caught:  # a measure that restored rights stays
        store.inspections.remove_measure(inspection.id, order.id)
    assert caught.value.code == "restored.measure_in_use"
    store.inspections.remove_restored_child(inspection.id, first.id)
    store.inspections.remove_measure(inspection.id, order.id)
    assert [c.reference for c in store.inspections.restored_children(inspection.id)] == [
        "ә.қ.",
        "Іс № 17/2026",
    ]


@pytest.mark.parametrize(
    ("child", "code"),
    [
        (RestoredChild("", "  ", [RightsCategory.SAFETY], finding_id="x"), "restored.no_reference"),
        (RestoredChild("", "Ә" * 41, [RightsCategory.SAFETY], finding_id="x"), "restored.reference_too_long"),
        (RestoredChild("", "А.Б.", [], finding_id="x"), "restored.no_category"),
        (RestoredChild("", "А.Б.", [RightsCategory.SAFETY]), "restored.no_tie"),
        (RestoredChild("", "А.Б.", [RightsCategory.SAFETY], finding_id="no-such"), "restored.no_tie"),
    ],
)
def test_a_child_needs_a_reference_a_category_and_what_restored_the_rights(
    store, inspection, school_form, child, code
):
    answer_all(store, inspection.id, school_form, violated={VIDEO})
    finding = store.inspections.findings(inspection.id, school_form)[0]
    if child.finding_id == "x":
        child.finding_id = finding.id
    with pytest.raises(UserError) as caught:
        store.inspections.save_restored_child(inspection.id, child, school_form)
    assert caught.value.code == code
    assert caught.value.message("kk") and caught.value.message("ru")
    assert store.inspections.restored_children(inspection.id) == []


def test_objections_and_registration_date_kept(store, inspection):
    store.inspections.set_objections(inspection.id, "  Актімен келіспеймін  ")
    assert store.inspections.get(inspection.id).objections == "Актімен келіспеймін"
    assert store.inspections.get(inspection.id).registration_date is None


def test_migration_0010_makes_counted_children_anonymous_children(store, inspection):
    """seed counts at 0009 -> migrate -> one anonymous child each; marks split into number and date."""
    from inspector_app.desktop.storage import migrate

    migrate.downgrade(store.db, "0009")
    with store.db.write() as connection:
        connection.exec_driver_sql(
            "INSERT INTO restored_rights VALUES (?, 'housing', 2), (?, 'safety', 3), (?, 'family', 0)",
            (inspection.id,) * 3,
        )
        connection.exec_driver_sql(
            "UPDATE inspections SET registration_mark = '№ 260310-0117-ҚСАЕК, 10.03.2026' WHERE id = ?",
            (inspection.id,),
        )
    migrate.upgrade(store.db)
    assert migrate.current_revision(store.db) == migrate.HEAD
    children = store.inspections.restored_children(inspection.id)
    assert [c.id for c in children] == ["housing-1", "housing-2", "safety-1", "safety-2", "safety-3"]
    assert all(c.reference == "" and not c.finding_id and not c.measure_id for c in children)
    counts = {r.category: r.children for r in store.inspections.restored(inspection.id)}
    assert counts == {RightsCategory.HOUSING: 2, RightsCategory.SAFETY: 3}
    header = store.inspections.get(inspection.id)
    assert header.registration_mark == "№ 260310-0117-ҚСАЕК"
    assert header.registration_date == dt.date(2026, 3, 10) and header.objections == ""
    migrate.downgrade(store.db, "0007")  # and back: the counts and the mark as they were
    with store.db.read() as connection:
        rows = connection.exec_driver_sql("SELECT category, children FROM restored_rights").all()
        mark = connection.exec_driver_sql("SELECT registration_mark FROM inspections").scalar()
    assert sorted(rows) == [("housing", 2), ("safety", 3)]
    assert mark == "№ 260310-0117-ҚСАЕК, 10.03.2026"


def test_children_travel_with_the_record_and_older_counts_come_back_as_children(
    store, inspection, school_form, catalogue, tmp_path
):
    from inspector_app.desktop.services.sync_store import StoreSyncAdapter, replace_local
    from sync.server.services.restored import check_restored

    answer_all(store, inspection.id, school_form, violated={VIDEO})
    finding = store.inspections.findings(inspection.id, school_form)[0]
    order = store.inspections.save_measure(order_for([finding], inspection.id))
    store.inspections.save_restored_child(
        inspection.id,
        RestoredChild("", "Ә.Қ.", [RightsCategory.HOUSING, RightsCategory.EDUCATION], measure_id=order.id),
        school_form,
    )
    adapter = StoreSyncAdapter(store, catalogue, tmp_path / "forms")
    record = adapter.outgoing_record(inspection.id)
    check_restored(record)  # what the server checks
    assert [c.reference for c in record.restored_children] == ["Ә.Қ."]
    assert {r.category: r.children for r in record.restored} == {
        RightsCategory.HOUSING: 1,
        RightsCategory.EDUCATION: 1,
    }
    older = record.model_copy(
        update={"restored_children": [], "restored": [RestoredRights(RightsCategory.WELLBEING, 2)]}
    )
    with store.db.write() as connection:
        replace_local(connection, older)
    assert [c.id for c in store.inspections.restored_children(inspection.id)] == [
        "wellbeing-1",
        "wellbeing-2",
    ]


def test_a_phone_photo_is_sealed_reduced_unless_the_item_keeps_originals(store, inspection, tmp_path):
    from inspector_app.core.photo_reduction import PhotoLimit
    from tests.kit.camera_photos import camera_photo

    source = tmp_path / "IMG_0001.jpg"
    source.write_bytes(camera_photo(seed=11))
    reduced = store.photos.add(inspection.id, VIDEO, source)
    kept = store.photos.add(inspection.id, VIDEO, source, PhotoLimit(keep_original=True))
    small = store.photos.add(inspection.id, VIDEO, source, PhotoLimit(max_pixels=1024))
    assert kept.size == source.stat().st_size and store.photos.data(kept) == source.read_bytes()
    assert reduced.size < source.stat().st_size / 5
    assert reduced.sha256 == hashlib.sha256(store.photos.data(reduced)).hexdigest()
    assert Image.open(io.BytesIO(store.photos.data(small))).size == (1024, 768)
    assert reduced.taken_at == dt.datetime(2026, 5, 14, 10, 11)
