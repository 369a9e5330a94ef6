"""The steps of an inspector's day, each by input events alone (see driver.py), shared by the
journeys in Kazakh and in Russian."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit

from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.domain.models import FacilityKind, InspectionType
from tests.journeys import driver

VIOLATE = {
    "sch.security.video": "Кіреберісте камера жоқ",
    "sch.security.guards": "Күзет лицензиясы жоқ",
    "sch.security.perimeter": "Периметр қоршалмаған",
    "sch.meals.menu": "Мәзір бекітілмеген",
    "sch.protection.bullying_procedure": "Буллинг туралы тәртіп бекітілмеген",
    "sch.protection.parents_informed": "Ата-аналар хабардар етілмеген",
}
VALUES = {
    AnswerKind.NUMBER: "640",
    AnswerKind.TEXT: "Әлеуметтік педагог Ғ. Өтепова",
    AnswerKind.DATE: "15.08.2026",
}
CHOICES = {"sch.general.dormitory": "present", "sch.environment.transport": "school_bus"}


def open_new_inspection(window, act_number: str) -> None:
    """A school on the register of special control, and a surprise inspection of it."""
    driver.choose_data(driver.find(window, "register_kind"), FacilityKind.SCHOOL.value)
    if not driver.find(window, "register_special").isChecked():
        driver.click(driver.find(window, "register_special"))
    driver.wait_until(lambda: window.register.model.rowCount() > 0, what="schools under special control")

    def fill(dialog) -> None:
        driver.choose_data(driver.find(dialog, "inspection_type"), InspectionType.SURPRISE)
        driver.fill(driver.find(dialog, "appointment_number"), act_number)
        driver.click(driver.box_button(dialog, dialog_ok()))

    driver.then(lambda dialog: driver.click(driver.box_button(dialog, dialog_cancel())))
    driver.press(window, "register_new")  # opened, then left untouched
    driver.raise_pending()
    assert window.page is None

    def fill_and_look(dialog) -> None:
        driver.snapshot(dialog, "new-inspection")
        fill(dialog)

    driver.then(fill_and_look)
    driver.press(window, "register_new")
    driver.raise_pending()
    driver.wait_until(lambda: window.page is not None and window.page.isVisible(), what="the inspection")


def dialog_cancel():
    from PySide6.QtWidgets import QDialogButtonBox

    return QDialogButtonBox.StandardButton.Cancel


def dialog_ok():
    from PySide6.QtWidgets import QDialogButtonBox

    return QDialogButtonBox.StandardButton.Ok


def choose_file(path: Path) -> None:
    """In the next file dialog, type the path and press its Open (or Choose) button."""
    driver.then(lambda dialog: driver.answer_file_dialog(dialog, path), QFileDialog)


FIRST_PHOTO_ITEM = "sch.security.video"


def add_photo(checklist, photo: Path) -> None:
    count = checklist.photo_list.count()
    choose_file(photo)
    driver.press(checklist, "photo_add")
    driver.raise_pending()
    driver.wait_until(lambda: checklist.photo_list.count() == count + 1, what="the photo")


def handle_photos(checklist, photo: Path) -> None:
    """View the photo full size, replace it, remove it (No, then Yes), add it again; and the
    camera button with no camera card says so."""
    driver.click_index(checklist.photo_list, checklist.photo_list.model().index(0, 0))
    driver.then(lambda viewer: driver.press(viewer, "photo_close"))
    driver.press(checklist, "photo_view")
    driver.raise_pending()
    other = photo.with_name("other.png")
    from PIL import Image

    Image.new("RGB", (640, 480), (30, 90, 200)).save(other)
    first = checklist.photos[checklist.current.id][0].sha256
    choose_file(other)
    driver.press(checklist, "photo_replace")
    driver.raise_pending()
    driver.wait_until(
        lambda: checklist.photos[checklist.current.id][0].sha256 != first, what="the replacement"
    )
    for answer, left in (("no", 1), ("yes", 0)):
        driver.click_index(checklist.photo_list, checklist.photo_list.model().index(0, 0))
        driver.then(lambda box, answer=answer: driver.press(box, answer))
        driver.press(checklist, "photo_remove")
        driver.raise_pending()
        driver.wait_until(lambda left=left: checklist.photo_list.count() == left, what="the photo list")
    add_photo(checklist, photo)
    window = checklist.window()
    driver.press(checklist, "photo_from_camera")
    driver.wait_until(lambda: window.banner.isVisible(), what="no camera card told")
    driver.press(window, "banner_close")
    assert not window.banner.isVisible()


def walk_checklist(page, photo: Path) -> list[str]:
    """Answer every item by keyboard: the violations with a note (and a photo where one is
    required), values typed, choices picked; returns the ids of conditional items that
    appeared on the way."""
    checklist = page.checklist
    shown_at_start = {r.item.id for r in checklist.model.rows() if r.item}
    driver.click_index(checklist.list, checklist.list.currentIndex())
    answered: set[str] = set()
    for _ in range(400):
        item = checklist.current
        if item.id in answered:
            break
        answered.add(item.id)
        answer_item(checklist, item, photo)
        if checklist.current is item:  # the last item, or a violation (it stays)
            driver.key(checklist.list, Qt.Key.Key_Down)
            if checklist.current is item:
                break
    driver.press(checklist, "item_previous")
    driver.press(checklist, "item_next")
    for verdict in ("violated", "not_applicable", "complies"):  # the last item, by mouse
        driver.press(checklist, f"verdict_{verdict}")
    visible = [r.item for r in checklist.model.rows() if r.item]
    assert all(checklist.state_of(i) is not None for i in visible), [
        i.id for i in visible if checklist.state_of(i) is None
    ]
    return [i.id for i in visible if i.id not in shown_at_start]


def answer_item(checklist, item, photo: Path) -> None:
    focus = checklist.list
    if item.kind is AnswerKind.VERDICT:
        if item.id not in VIOLATE:
            driver.key(focus, Qt.Key.Key_1)
            return
        driver.key(focus, Qt.Key.Key_2)
        driver.key(focus, Qt.Key.Key_Tab)
        driver.wait_until(checklist.note.hasFocus, what="the note")
        driver.type_text(checklist.note, VIOLATE[item.id])
        driver.key(checklist.note, Qt.Key.Key_Escape)
        if item.photo_on_violation:
            add_photo(checklist, photo)
            if item.id == FIRST_PHOTO_ITEM:
                handle_photos(checklist, photo)
            driver.click_index(checklist.list, checklist.list.currentIndex())  # back to the list
        return
    driver.key(focus, Qt.Key.Key_Tab)
    editor = checklist.value_editors[item.kind]
    driver.wait_until(editor.hasFocus, what="the value's editor")
    if item.kind is AnswerKind.CHOICE:
        wanted = editor.findData(CHOICES.get(item.id, item.choices[0].value))
        while editor.currentIndex() != wanted:
            driver.key(editor, Qt.Key.Key_Down)
    else:
        driver.key(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        driver.type_text(editor, VALUES[item.kind])
    driver.key(editor, Qt.Key.Key_Return)
    driver.wait_until(
        lambda: checklist.answers.get(item.id) is not None and checklist.answers[item.id].value,
        what=f"the value of {item.id}",
    )


# --- findings and measures -----------------------------------------------------------------
def select_findings(findings_view, item_ids: list[str]) -> None:
    table = findings_view.findings_table
    rows = [n for n, f in enumerate(findings_view.findings) if f.item_id in item_ids]
    assert len(rows) == len(item_ids), item_ids
    for count, row in enumerate(rows):
        modifier = Qt.KeyboardModifier.ControlModifier if count else Qt.KeyboardModifier.NoModifier
        driver.click_index(table, findings_view.findings_model.index(row, 0), modifier)
    assert sorted(f.item_id for f in findings_view.selected_findings()) == sorted(item_ids)


def both(dialog, name: str, kk: str, ru: str) -> None:
    driver.fill(driver.find(dialog, f"{name}_kk"), kk)
    driver.fill(driver.find(dialog, f"{name}_ru"), ru)


def add_measure(findings_view, kind: str, item_ids: list[str], fill) -> None:
    """Select the findings, press the measure's button, fill its dialog, press OK."""
    before = len(findings_view.store.inspections.measures(findings_view.inspection.id))
    select_findings(findings_view, item_ids)

    def in_dialog(dialog) -> None:
        fill(dialog)
        driver.snapshot(dialog, f"measure-{kind}")
        driver.click(driver.box_button(dialog, dialog_ok()))
        driver.wait_until(
            lambda: not dialog.isVisible(),
            3,
            f"the dialog to close; it says: {dialog.findChild(QLabel, 'error').text()}",
        )

    driver.then(in_dialog)
    driver.press(findings_view, f"measure_{kind}")
    driver.raise_pending()
    driver.wait_until(
        lambda: len(findings_view.store.inspections.measures(findings_view.inspection.id)) == before + 1,
        what=f"the {kind} to be saved",
    )


def protocol_for_official(dialog) -> None:
    from inspector_app.core.domain.identifiers import make_valid_12
    from inspector_app.core.domain.models import OffenderKind

    driver.choose_data(driver.find(dialog, "offender_kind"), OffenderKind.PERSON)
    driver.fill(driver.find(dialog, "offender_name"), "Өтепов Ғалым Қайратұлы")
    driver.fill(driver.find(dialog, "offender_id"), make_valid_12("85031530012"))
    driver.fill(driver.find(dialog, "offender_address"), "Қарабұлақ, Абай к-сі, 12")
    both(dialog, "workplace", "№641 жалпы білім беретін мектеп", "Общеобразовательная школа №641")
    both(
        dialog,
        "offender_position",
        "директордың тәрбие ісі жөніндегі орынбасары",
        "заместитель директора по воспитательной работе",
    )
    driver.fill(driver.find(dialog, "id_document"), "041234567")
    both(dialog, "id_issued_by", "ҚР ІІМ", "МВД РК")
    offence_text(dialog)


def protocol_for_organisation(bin_: str, dialog) -> None:
    from inspector_app.core.domain.models import BusinessSize, OffenderKind

    driver.choose_data(driver.find(dialog, "offender_kind"), OffenderKind.ORGANISATION)
    driver.fill(driver.find(dialog, "offender_name"), "«№641 жалпы білім беретін мектеп» КММ")
    driver.fill(driver.find(dialog, "offender_id"), bin_)
    driver.fill(driver.find(dialog, "offender_address"), "Қарабұлақ, Абай к-сі, 12")
    driver.fill(driver.find(dialog, "representative_name"), "Сәрсенова Айгүл Бекқызы")
    both(dialog, "representative_position", "директор", "директор")
    driver.fill(driver.find(dialog, "power_of_attorney"), "17")
    driver.choose_data(driver.find(dialog, "business_size"), BusinessSize.NON_COMMERCIAL)
    offence_text(dialog)


def offence_text(dialog) -> None:
    driver.fill(driver.find(dialog, "place"), "Қарабұлақ, Абай к-сі, 12")
    both(
        dialog,
        "substance",
        "Буллинг туралы хабарлау тәртібі бекітілмеген",
        "Не утверждён порядок сообщения о буллинге",
    )
    both(dialog, "explanation", "Келісемін", "Согласен")
    driver.fill(driver.find(dialog, "witnesses"), "Қасымов Нұрлан; Қарабұлақ, Іле к-сі, 3; мұғалім")
    driver.fill(driver.find(dialog, "victims"), "")


def order(dialog) -> None:
    for n in (0, 1):
        both(dialog, f"action_{n}", "Бейнебақылауды орнату", "Установить видеонаблюдение")
        driver.fill(driver.find(dialog, f"deadline_{n}"), "15.01.2027")


def recommendation(dialog) -> None:
    both(dialog, "text", "Периметрді қоршау", "Оградить периметр")


def disciplinary(dialog) -> None:
    driver.fill(driver.find(dialog, "official"), "Нұрланова Әлия Серікқызы")
    both(dialog, "official_position", "директор", "директор")
    both(dialog, "employer", "Қарабұлақ аудандық білім бөлімі", "Отдел образования Карабулакского района")
    both(dialog, "text", "Ата-аналар хабардар етілмеген", "Родители не были уведомлены")


def transfer(dialog) -> None:
    both(
        dialog,
        "addressee",
        "Қарабұлақ аудандық санитариялық-эпидемиологиялық бақылау басқармасы",
        "Управление санитарно-эпидемиологического контроля Карабулакского района",
    )
    both(dialog, "text", "Мәзір бекітілмеген", "Меню не утверждено")


def restore_child(findings_view, reference: str, categories: list[str], tie: int) -> None:
    """A child whose rights were restored, by the finding or measure at `tie` in the list."""

    def fill(dialog) -> None:
        driver.fill(driver.find(dialog, "child_reference"), reference)
        for category in categories:
            box = driver.find(dialog, f"category_{category}")
            driver.click(box, QPoint(6, box.height() // 2))
        driver.choose_index(driver.find(dialog, "child_tied_to"), tie)
        driver.press(dialog, "child_ok")

    driver.then(fill)
    driver.press(findings_view, "restored_add")
    driver.raise_pending()


def take_measures(page) -> None:
    findings = page.findings
    add_measure(findings, "protocol", ["sch.protection.bullying_procedure"], protocol_for_official)
    add_measure(
        findings,
        "protocol",
        ["sch.protection.bullying_procedure"],
        lambda dialog: protocol_for_organisation(page.facility.bin, dialog),
    )
    add_measure(findings, "order", ["sch.security.video", "sch.security.guards"], order)
    add_measure(findings, "recommendation", ["sch.security.perimeter"], recommendation)
    add_measure(findings, "disciplinary", ["sch.protection.parents_informed"], disciplinary)
    add_measure(findings, "transfer", ["sch.meals.menu"], transfer)
    select_findings(findings, ["sch.security.perimeter"])
    driver.then(lambda dialog: driver.click(driver.box_button(dialog, dialog_cancel())))
    driver.press(findings, "measure_recommendation")  # opened, then left untouched
    driver.raise_pending()
    add_measure(findings, "recommendation", ["sch.security.perimeter"], recommendation)
    count = len(findings.measures)
    driver.click_index(findings.measures_table, findings.measures_model.index(count - 1, 0))
    driver.press(findings, "remove_measure")
    driver.wait_until(lambda: len(findings.measures) == count - 1, what="the measure removed")


# --- finalising, documents, signatures, printing ------------------------------------------
def finalise(page) -> None:
    from inspector_app.core.domain.models import InspectionStatus

    findings = page.findings
    driver.then(lambda box: driver.press(box, "no"))
    driver.press(findings, "finalise_button")
    driver.raise_pending()
    assert page.store.inspections.get(findings.inspection.id).status is not InspectionStatus.FINALISED
    driver.then(lambda box: driver.press(box, "yes"))
    driver.press(findings, "finalise_button")
    driver.raise_pending()
    driver.wait_until(
        lambda: (
            findings.inspection.status is InspectionStatus.FINALISED
            or page.store.inspections.get(findings.inspection.id).status is InspectionStatus.FINALISED
        ),
        what="the inspection to be finalised",
    )


def prepare_documents(page) -> list:
    documents = page.documents
    driver.tab(page.tabs, documents)
    driver.press(documents, "render_button")
    driver.wait_until(
        lambda: bool(documents.documents) and documents.job is None, 120, "the documents to be ready"
    )
    preview = documents.preview
    for row in range(documents.list.count()):
        driver.click_index(documents.list, documents.list.model().index(row, 0))
        driver.wait_until(lambda: preview.current_page() == 1)
        while preview.current_page() < preview.page_count():
            page_before = preview.current_page()
            driver.press(documents, "preview_next")
            assert preview.current_page() == page_before + 1
    if preview.page_count() > 1:
        driver.press(documents, "preview_previous")
        assert preview.current_page() == preview.page_count() - 1
    zoom = preview.zoom()
    driver.press(documents, "preview_zoom_in")
    assert preview.zoom() > zoom
    driver.press(documents, "preview_zoom_out")
    driver.press(documents, "preview_fit")
    return documents.documents


def sign_pads(page) -> None:
    documents = page.documents
    for role in ("inspector", "representative"):
        pad = driver.find(documents, f"pad_{role}")
        driver.drag(pad, signature(pad))
        assert pad.signature_png() is not None
    driver.press(documents, "pad_clear_representative")
    pad = driver.find(documents, "pad_representative")
    driver.drag(pad, signature(pad))
    driver.click(driver.find(documents, "refused"))
    for n in (1, 2):
        pad = driver.find(documents, f"pad_witness_{n}")
        driver.drag(pad, signature(pad))
    driver.snapshot(documents, "documents-with-witnesses")
    for n in (1, 2):
        driver.press(documents, f"pad_clear_witness_{n}")
    driver.click(driver.find(documents, "refused"))
    driver.press(documents, "pad_clear_inspector")
    assert driver.find(documents, "pad_inspector").signature_png() is None
    pad = driver.find(documents, "pad_inspector")
    driver.drag(pad, signature(pad))
    driver.press(documents, "sign_button")


def signature(pad) -> list[QPoint]:
    """A zigzag across most of the pad, as a hand writes a signature."""
    middle, swing = pad.height() // 2, pad.height() // 3
    return [
        QPoint(x, middle + (swing if n % 2 else -swing))
        for n, x in enumerate(range(20, pad.width() - 20, 12))
    ]


def print_to_file(page, target: Path) -> None:
    """Print all for signature through the print dialog, to a PDF file."""
    documents = page.documents

    def in_print_dialog(dialog) -> None:
        driver.paste(dialog.findChild(QLineEdit, "filename"), str(target))
        driver.click(driver.box_button(dialog, dialog_ok()))

    driver.then(in_print_dialog)
    driver.press(documents, "print_button")
    driver.raise_pending()
    driver.wait_until(lambda: target.exists() and target.stat().st_size > 0, 60, "the printed file")


def preview_print_and_save(page, folder: Path) -> None:
    """The shown document alone: printed to a file, then saved, from the preview's own buttons."""
    documents = page.documents

    def in_print_dialog(dialog) -> None:
        driver.paste(dialog.findChild(QLineEdit, "filename"), str(folder / "one-printed.pdf"))
        driver.click(driver.box_button(dialog, dialog_ok()))

    driver.then(in_print_dialog)
    driver.press(documents, "preview_print")
    driver.raise_pending()
    driver.then(lambda dialog: driver.answer_file_dialog(dialog, folder / "one-saved.pdf"), QFileDialog)
    driver.press(documents, "preview_save")
    driver.raise_pending()
    driver.wait_until(lambda: (folder / "one-saved.pdf").exists(), 30, "the saved document")


def save_all(page, folder: Path) -> list[Path]:
    documents = page.documents
    folder.mkdir(parents=True, exist_ok=True)
    driver.then(lambda dialog: driver.answer_file_dialog(dialog, folder), QFileDialog)
    driver.press(documents, "save_button")
    driver.raise_pending()
    driver.wait_until(
        lambda: len(list(folder.glob("*.pdf"))) == len(documents.documents), 120, "every document saved"
    )
    return sorted(folder.glob("*.pdf"))


# --- sync ------------------------------------------------------------------------------------
SYNC_WORDS = {
    "kk": {"synced": "Барлығы синхрондалды", "unreachable": "Сервер"},
    "ru": {"synced": "Всё синхронизировано", "unreachable": "Сервер недоступен"},
}


def sync_now(window) -> None:
    """Press Sync now, once a sync the app began by itself has ended (the button waits too)."""
    driver.wait_until(lambda: window.sync_button.isEnabled(), 60, "a sync under way to end")
    driver.press(window, "sync_button")
    driver.wait_until(lambda: window.sync_button.isEnabled(), 60, "the sync to end")


def sync_with_the_server_going_away(window, lang: str) -> None:
    """Sync; the server stops: the status line says so and a message shows; the server comes
    back: after a sync everything is synced and no old message is left."""
    words = SYNC_WORDS[lang]
    status = driver.find(window, "sync_status")
    sync_now(window)
    driver.wait_until(lambda: status.text() == words["synced"], 60, "everything synced")
    server = window.running.launched.server
    server.stop()
    sync_now(window)
    driver.wait_until(lambda: words["unreachable"] in status.text(), 30, "the server to be told gone")
    assert window.banner.isVisible()
    server.start()
    sync_now(window)
    driver.wait_until(lambda: status.text() == words["synced"], 60, "everything synced again")
    assert not window.banner.isVisible() or not window.banner.text()
