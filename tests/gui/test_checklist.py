"""The checklist screen as a new user meets it: by mouse and keyboard, on the real widgets."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QWidget

from inspector_app.core.domain.models import InspectionStatus, MeasureKind, Verdict
from inspector_app.desktop.ui.inspection.checklist_model import NEEDS_PHOTO_MARK, REVIEW_COMMENT_MARK
from tests.gui.test_workflow import open_new_inspection
from tests.helpers import answer_all
from tests.journeys.driver import then

VIDEO = "sch.security.video"  # a photo is required when violated
LEFT = Qt.MouseButton.LeftButton


def click(qtbot, parent: QWidget, name: str) -> None:
    button = parent.findChild(QPushButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def answer_in_box(qtbot, name: str, seen: list):
    """Press `name` ("yes" / "no") in the next question box, noting its text."""

    def press(box):
        seen.append(box.text())
        qtbot.mouseClick(box.findChild(QPushButton, name), LEFT)

    then(press)


def open_checklist(qtbot, window, facility):
    """A new inspection's checklist (opened in the test: a modal dialog opened while a
    fixture is set up never gets its turn)."""
    return open_new_inspection(qtbot, window, facility).checklist


def test_finalising_asks_first_in_the_users_language(qtbot, window, store, inspection, school_form):
    answer_all(store, inspection.id, school_form)
    window.open_inspection(inspection.id)
    findings = window.page.findings
    window.page.tabs.setCurrentWidget(findings)
    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    seen = []

    def look_then_no(box):
        seen.append(
            (box.text(), box.findChild(QPushButton, "yes").text(), box.findChild(QPushButton, "no").text())
        )
        qtbot.mouseClick(box.findChild(QPushButton, "no"), LEFT)

    then(look_then_no)
    qtbot.mouseClick(findings.finalise_button, LEFT)
    assert seen and "только для чтения" in seen[0][0] and seen[0][1:] == ("Да", "Нет")
    assert store.inspections.get(inspection.id).status is InspectionStatus.DRAFT
    answer_in_box(qtbot, "yes", seen)
    qtbot.mouseClick(findings.finalise_button, LEFT)
    assert store.inspections.get(inspection.id).status is InspectionStatus.FINALISED


def test_a_violation_that_needs_a_photo_is_marked_at_once(qtbot, window, facility, jpeg, monkeypatch):
    checklist = open_checklist(qtbot, window, facility)
    checklist.go_to(VIDEO)
    click(qtbot, checklist, "verdict_violated")
    row = checklist.model.index_of(VIDEO)
    assert NEEDS_PHOTO_MARK in row.data()
    assert row.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert checklist.photo_needed.isVisible() and "photo" in checklist.photo_needed.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(jpeg)], ""))
    click(qtbot, checklist, "photo_add")
    assert NEEDS_PHOTO_MARK not in row.data() and not checklist.photo_needed.isVisible()
    click(qtbot, checklist, "verdict_complies")  # moves on; back to it: no mark either
    assert NEEDS_PHOTO_MARK not in row.data()


def test_photos_viewed_replaced_and_removed(qtbot, window, facility, store, jpeg, tmp_path, monkeypatch):
    checklist = open_checklist(qtbot, window, facility)
    from PIL import Image

    checklist.go_to(VIDEO)
    click(qtbot, checklist, "verdict_violated")
    checklist.add_photos([jpeg, jpeg])
    strip = checklist.findChild(QWidget, "photos")
    assert strip.count() == 2
    qtbot.mouseClick(strip.viewport(), LEFT, pos=strip.visualItemRect(strip.item(1)).center())
    viewed = []

    def look(viewer):
        viewed.append((viewer.objectName(), viewer.geometry(), viewer.shown_scale()))
        qtbot.mouseClick(viewer.findChild(QPushButton, "photo_close"), LEFT)

    then(look)
    click(qtbot, checklist, "photo_view")
    screen = QApplication.primaryScreen().availableGeometry()
    name, geometry, scale = viewed[0]
    assert name == "photo_viewer" and 0 < scale <= 1
    assert geometry.width() <= screen.width() and geometry.height() <= screen.height()

    wide = tmp_path / "wide.png"
    Image.new("RGB", (400, 100), (20, 90, 200)).save(wide)
    old = checklist.photos[VIDEO][1]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(wide), ""))
    click(qtbot, checklist, "photo_replace")
    stored = store.photos.photos(checklist.inspection.id)
    assert [p.filename for p in stored] == ["evidence.jpg", "wide.png"] and old not in stored
    assert strip.count() == 2 and strip.currentRow() == 1

    seen = []
    answer_in_box(qtbot, "no", seen)
    click(qtbot, checklist, "photo_remove")
    assert seen and len(store.photos.photos(checklist.inspection.id)) == 2
    answer_in_box(qtbot, "yes", seen)
    click(qtbot, checklist, "photo_remove")
    assert [p.filename for p in store.photos.photos(checklist.inspection.id)] == ["evidence.jpg"]
    assert strip.count() == 1 and checklist.model.index_of(VIDEO).data().endswith("photos: 1")
    answer_in_box(qtbot, "yes", seen)
    click(qtbot, checklist, "photo_remove")
    assert strip.count() == 0 and checklist.photo_needed.isVisible()
    assert not checklist.findChild(QPushButton, "photo_remove").isEnabled()


def test_the_next_item_shows_no_verdict_of_the_previous(qtbot, window, facility):
    checklist = open_checklist(qtbot, window, facility)
    checklist.go_to(VIDEO)  # followed by more verdict items
    first = checklist.current
    click(qtbot, checklist, "verdict_complies")
    assert checklist.current is not first  # moved on by itself
    assert not any(b.isChecked() for b in checklist.buttons.values())
    click(qtbot, checklist, "verdict_violated")
    assert checklist.buttons[Verdict.VIOLATED].isChecked()
    click(qtbot, checklist, "item_next")
    assert not any(b.isChecked() for b in checklist.buttons.values())
    click(qtbot, checklist, "item_previous")
    assert [v for v, b in checklist.buttons.items() if b.isChecked()] == [Verdict.VIOLATED]


def test_tab_leaves_the_note(qtbot, window, facility):
    checklist = open_checklist(qtbot, window, facility)
    window.activateWindow()
    checklist.go_to(VIDEO)
    qtbot.mouseClick(checklist.note.viewport(), LEFT)
    qtbot.waitUntil(lambda: checklist.note.hasFocus())
    qtbot.keyClicks(checklist.note, "Bad")
    qtbot.keyClick(checklist.note, Qt.Key.Key_Tab)
    assert not checklist.note.hasFocus() and checklist.note.toPlainText() == "Bad"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert checklist.note.hasFocus() and "\t" not in checklist.note.toPlainText()


def test_a_date_typed_after_a_click(qtbot, window, store, facility):
    checklist = open_checklist(qtbot, window, facility)
    window.activateWindow()
    checklist.go_to("sch.general.readiness_date")
    editor = checklist.findChild(QWidget, "value_date")
    year = QPoint(editor.width() - 50, editor.height() // 2)  # the cursor lands in the year
    qtbot.mouseClick(editor, LEFT, pos=year)
    qtbot.keyClicks(editor, "05.12.2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    answer = store.inspections.answers(checklist.inspection.id)["sch.general.readiness_date"]
    assert answer.value == "2026-12-05"


def test_from_camera_without_a_card_says_so(qtbot, window, tmp_path, monkeypatch, facility):
    checklist = open_checklist(qtbot, window, facility)
    from inspector_app.desktop.services import camera

    media = tmp_path / "media"
    media.mkdir()
    monkeypatch.setattr(camera, "mount_patterns", lambda: [(media, "*/DCIM")])
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (opened.append(a[2]), ([], ""))[1])
    click(qtbot, checklist, "photo_from_camera")
    assert opened == [] and window.banner.isVisible()
    assert "No camera card found" in window.banner.text()
    (media / "CANON" / "DCIM" / "100CANON").mkdir(parents=True)
    click(qtbot, checklist, "photo_from_camera")
    assert opened == [str(media / "CANON" / "DCIM")]


def test_no_internal_ids_on_the_checklist_screen(qtbot, window, facility):
    checklist = open_checklist(qtbot, window, facility)
    for item_id in ("sch.general.readiness_date", VIDEO):
        checklist.go_to(item_id)
        shown = [label.text() for label in checklist.findChildren(QLabel) if label.isVisible()]
        listed = [checklist.model.index(r).data() for r in range(checklist.model.rowCount())]
        assert not any("sch." in text for text in shown + listed), item_id
        number = checklist.model.rows()[checklist.model.index_of(item_id).row()].number
        assert checklist.number.text().startswith(f"<b>{number}</b>")


# --- dialogs that ask before throwing away what was typed ----------------------------------
def new_inspection_dialog(qtbot, store, facility):
    from inspector_app.core.domain.models import Person
    from inspector_app.desktop.ui.register.new_inspection import NewInspectionDialog

    profile = store.reference.profile()
    dialog = NewInspectionDialog(facility, Person(profile.name, profile.position), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def discard(qtbot, dialog) -> None:
    """Close a changed dialog, saying Yes to the question."""
    answer_in_box(qtbot, "yes", [])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_escape_on_a_filled_dialog_asks_first(qtbot, store, facility):
    dialog = new_inspection_dialog(qtbot, store, facility)
    qtbot.keyClicks(dialog.number, "17")
    seen = []
    answer_in_box(qtbot, "no", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen == ["Discard what you entered?"] and dialog.isVisible()
    answer_in_box(qtbot, "yes", seen)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, LEFT)
    assert len(seen) == 2 and not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


def test_escape_on_an_untouched_dialog_just_closes(qtbot, store, facility):
    dialog = new_inspection_dialog(qtbot, store, facility)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_dates_in_a_dialog_typed_after_a_click(qtbot, store, facility):
    dialog = new_inspection_dialog(qtbot, store, facility)
    dialog.activateWindow()
    qtbot.mouseClick(dialog.period_end, LEFT, pos=QPoint(dialog.period_end.width() // 2, 8))
    qtbot.keyClicks(dialog.period_end, "05.12.2026")
    assert dialog.period_end.date().toString("dd.MM.yyyy") == "05.12.2026"
    discard(qtbot, dialog)


def test_a_measure_dialog_asks_before_discarding_and_tab_leaves_its_text(
    qtbot, window, store, inspection, school_form
):
    from PySide6.QtWidgets import QPlainTextEdit

    answer_all(store, inspection.id, school_form, violated={VIDEO})
    findings = store.inspections.findings(inspection.id, school_form)
    window.open_inspection(inspection.id)
    dialog = window.page.findings.measure_dialog(MeasureKind.RECOMMENDATION, findings)
    dialog.show()
    text = dialog.findChild(QPlainTextEdit)
    text.setFocus()
    qtbot.keyClicks(text, "Fix")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert text.toPlainText() == "Fix"
    seen = []
    answer_in_box(qtbot, "no", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and dialog.isVisible() and text.toPlainText() == "Fix"
    discard(qtbot, dialog)


def test_a_supervisors_comment_shows_at_its_item(qtbot, window, store, inspection):
    import sqlalchemy as sa

    from inspector_app.desktop.storage import models

    with store.db.write() as connection:  # as a pulled review with an item comment leaves it
        connection.execute(
            sa.update(models.inspections)
            .where(models.inspections.c.id == inspection.id)
            .values(
                review_state="returned",
                review_comment="Фотоны қосыңыз",
                review_item_comments=[{"item_id": VIDEO, "comment": "Камералар санын көрсетіңіз"}],
            )
        )
    window.open_inspection(inspection.id)
    checklist = window.page.checklist
    model = checklist.model
    shown = [model.index(n, 0) for n, r in enumerate(model.rows()) if r.item is not None]
    marked = [i for i in shown if REVIEW_COMMENT_MARK in model.data(i, Qt.ItemDataRole.DisplayRole)]
    assert len(marked) == 1 and "✎" not in model.data(marked[0], Qt.ItemDataRole.DisplayRole)
    said = "The supervisor left a comment on this item."
    assert model.data(marked[0], Qt.ItemDataRole.AccessibleDescriptionRole) == said
    assert model.data(marked[0], Qt.ItemDataRole.ToolTipRole) == said
    checklist.go_to(VIDEO)
    label = checklist.findChild(QLabel, "review_item_comment")
    assert label.isVisible() and label.text().startswith(REVIEW_COMMENT_MARK + "The supervisor's comment: ")
    assert "Камералар санын көрсетіңіз" in label.text() and "✎" not in label.text()
    assert label.accessibleName() == "The supervisor's comment"
    assert "Камералар санын көрсетіңіз" in label.accessibleDescription()
    click(qtbot, checklist, "item_next")
    assert not label.isVisible()
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    checklist.go_to(VIDEO)
    assert label.text().startswith(REVIEW_COMMENT_MARK + "Басшының ескертпесі: ")
