"""The inspector's path through the real windows, by keyboard wherever the app promises it."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit, QPushButton

from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.models import InspectionStatus, MeasureKind, RightsCategory, Verdict
from inspector_app.desktop.storage.store import store_exists
from inspector_app.desktop.ui.shell.sign_in import SignInDialog
from tests.gui.conftest import type_text
from tests.journeys.driver import then

VIOLATE = {"sch.security.video", "sch.protection.bullying_procedure"}


def test_first_run_creates_the_encrypted_store(qtbot, tmp_path, language):
    folder = tmp_path / "ws"
    dialog = SignInDialog(folder, language)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Әйгерім Сәтбаева")
    type_text(dialog.code, "k07")
    type_text(dialog.passphrase, "correct horse battery")
    type_text(dialog.confirm, "correct horse batterx")
    dialog.on_ok_clicked()
    assert "differ" in dialog.error.text() and not store_exists(folder)
    dialog.confirm.clear()
    type_text(dialog.confirm, "correct horse battery")
    dialog.on_ok_clicked()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert store_exists(folder) and dialog.store.reference.profile().code == "K07"
    dialog.store.close()


def test_wrong_passphrase_is_told_in_the_users_language(qtbot, store, store_dir, language):
    store.close()
    language.switch("ru")
    dialog = SignInDialog(store_dir, language)
    qtbot.addWidget(dialog)
    type_text(dialog.passphrase, "not my passphrase")
    dialog.on_ok_clicked()
    qtbot.waitUntil(lambda: "Неверная парольная фраза" in dialog.error.text())
    assert dialog.store is None and dialog.buttons.isEnabled() and not dialog.busy.isVisible()


def test_the_store_opens_off_the_window_thread_and_closing_waits_for_it(qtbot, store, store_dir, language):
    import threading

    from inspector_app.desktop.storage.store import open_store

    store.close()
    release, opened_on = threading.Event(), []

    def slow_opener(folder, passphrase):  # as a schema update of a large register would be
        opened_on.append(threading.current_thread())
        release.wait(10)
        return open_store(folder, passphrase)

    dialog = SignInDialog(store_dir, language, opener=slow_opener)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.passphrase, "correct horse battery")
    dialog.on_ok_clicked()
    qtbot.waitUntil(lambda: bool(opened_on))
    assert opened_on[0] is not threading.main_thread()
    assert dialog.busy.isVisible() and not dialog.buttons.isEnabled()
    dialog.reject()  # Esc while opening: the dialog stays until the store is open
    qtbot.wait(50)  # the window keeps answering meanwhile
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    dialog.store.close()


def test_register_search_as_you_type(qtbot, window):
    type_text(window.register.search, "ҚАРАБҰЛАҚ")
    names = [window.register.model.row(r).name_kk for r in range(window.register.model.rowCount())]
    assert names and all("Қарабұлақ" in n for n in names)
    window.register.search.clear()
    type_text(window.register.search, "Карабулак")  # typed without Kazakh letters
    assert window.register.model.rowCount() == len(names)


def open_new_inspection(qtbot, window, facility):
    window.register.search.setText(facility.name_ru)
    window.register.table.setFocus()

    def fill(dialog):
        type_text(dialog.number, "17-ПР")
        type_text(dialog.mark, "260310-0117")  # registered with legal statistics
        dialog.on_ok_clicked()

    then(fill)
    qtbot.keyClick(window.register.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.page is not None)
    return window.page


def walk_by_keyboard(qtbot, page, violate=VIOLATE, photo=None):
    checklist = page.checklist
    checklist.list.setFocus()
    for _ in range(500):
        item = checklist.current
        answer = checklist.answers.get(item.id)
        if answer is None:
            if item.kind is AnswerKind.VERDICT:
                if item.id in violate:
                    qtbot.keyClick(checklist.list, Qt.Key.Key_2)
                    qtbot.keyClick(checklist.list, Qt.Key.Key_Tab)
                    type_text(checklist.note, "Бұзушылық: талап орындалмаған")
                    qtbot.keyClick(checklist.note, Qt.Key.Key_Escape)
                    if photo:
                        checklist.add_photos([photo])
                    qtbot.keyClick(checklist.list, Qt.Key.Key_Down)
                else:
                    qtbot.keyClick(checklist.list, Qt.Key.Key_1)
            else:
                qtbot.keyClick(checklist.list, Qt.Key.Key_Tab)
                editor = checklist.value_editors[item.kind]
                if item.kind is AnswerKind.NUMBER:
                    editor.lineEdit().selectAll()
                    type_text(editor, str(int(item.minimum or 0) + 3))
                elif item.kind is AnswerKind.TEXT:
                    type_text(editor, "Барлығы тексерілді")
                elif item.kind is AnswerKind.CHOICE:
                    qtbot.keyClick(editor, Qt.Key.Key_Down)
                qtbot.keyClick(editor, Qt.Key.Key_Return)
        elif checklist.current is item:
            qtbot.keyClick(checklist.list, Qt.Key.Key_Down)
        if checklist.progress.value() == checklist.progress.maximum():
            return
    pytest.fail("the checklist walk did not end")


def test_whole_inspection_by_keyboard_then_finalised(qtbot, window, store, facility, school_form, jpeg):
    page = open_new_inspection(qtbot, window, facility)
    inspection_id = page.findings.inspection.id
    assert store.inspections.get(inspection_id).appointment_number == "17-ПР"
    walk_by_keyboard(qtbot, page, photo=jpeg)
    answers = store.inspections.answers(inspection_id)
    assert {i for i, a in answers.items() if a.verdict is Verdict.VIOLATED} == VIOLATE
    assert answers["sch.security.video"].note == "Бұзушылық: талап орындалмаған"
    assert len(store.photos.photos(inspection_id)) == 2

    page.tabs.setCurrentWidget(page.findings)
    findings = page.findings
    assert len(findings.findings) == 2

    def fill_order(dialog):
        for pair in dialog.action_fields.values():
            type_text(pair.kk, "Жою")
            type_text(pair.ru, "Устранить")
        dialog.on_ok_clicked()

    findings.findings_table.selectRow(0)
    then(fill_order)
    qtbot.mouseClick(findings.measure_buttons[MeasureKind.ORDER], Qt.MouseButton.LeftButton)

    def fill_protocol(dialog):
        type_text(dialog.protocol.offender_name, "Сәрсенов Ғалым Қайратұлы")
        type_text(dialog.protocol.offender_id, make_valid_12("80010130045"))
        type_text(dialog.protocol.id_document, "045612378")
        type_text(dialog.protocol.workplace.kk, "№ 5 мектеп")
        dialog.on_ok_clicked()

    findings.findings_table.selectRow(1)
    then(fill_protocol)
    qtbot.mouseClick(findings.measure_buttons[MeasureKind.PROTOCOL], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(findings.measures) == 2)
    protocol = next(m for m in findings.measures if m.kind is MeasureKind.PROTOCOL)
    assert protocol.fine_tenge == protocol.fine_mrp * 4325  # offence today, in 2026

    def add_child(dialog):
        type_text(dialog.findChild(QLineEdit, "child_reference"), "Ә.Қ.")
        housing = dialog.findChild(QCheckBox, "category_housing")
        qtbot.mouseClick(housing, Qt.MouseButton.LeftButton, pos=QPoint(6, housing.height() // 2))
        qtbot.mouseClick(dialog.findChild(QPushButton, "child_ok"), Qt.MouseButton.LeftButton)

    then(add_child)
    qtbot.mouseClick(findings.findChild(QPushButton, "restored_add"), Qt.MouseButton.LeftButton)
    assert [(r.category, r.children) for r in store.inspections.restored(inspection_id)] == [
        (RightsCategory.HOUSING, 1)
    ]
    then(lambda box: qtbot.mouseClick(box.findChild(QPushButton, "yes"), Qt.MouseButton.LeftButton))
    qtbot.mouseClick(findings.finalise_button, Qt.MouseButton.LeftButton)
    assert findings.problems.count() == 0
    assert store.inspections.get(inspection_id).status is InspectionStatus.FINALISED
    assert not page.checklist.buttons[Verdict.COMPLIES].isEnabled()


def test_finalise_lists_problems_and_jumps_to_them(qtbot, window, facility):
    page = open_new_inspection(qtbot, window, facility)
    page.tabs.setCurrentWidget(page.findings)
    qtbot.mouseClick(page.findings.finalise_button, Qt.MouseButton.LeftButton)
    required = [i for i in page.checklist.form.visible_items({}) if i.required]
    assert page.findings.problems.count() == len(required)
    entry = page.findings.problems.item(3)
    page.findings.problems.itemClicked.emit(entry)
    assert page.tabs.currentWidget() is page.checklist
    assert page.checklist.current.id == entry.data(Qt.ItemDataRole.UserRole)


def test_reopening_returns_where_the_inspector_stopped(qtbot, window, facility):
    page = open_new_inspection(qtbot, window, facility)
    for _ in range(7):
        qtbot.keyClick(page.checklist.list, Qt.Key.Key_Down)
    stopped_at = page.checklist.current.id
    inspection_id = page.findings.inspection.id
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert window.page is None
    window.open_inspection(inspection_id)
    assert window.page.checklist.current.id == stopped_at


def test_conditional_items_appear_as_answers_change(qtbot, window, facility):
    page = open_new_inspection(qtbot, window, facility)
    checklist = page.checklist
    hidden = "sch.education.inclusive"
    assert not checklist.model.index_of(hidden).isValid()
    checklist.go_to("sch.education.sen_present")
    editor = checklist.value_editors[AnswerKind.CHOICE]
    editor.setCurrentIndex(editor.findData("present"))
    checklist.save_value()
    assert checklist.model.index_of(hidden).isValid()


def test_photo_added_from_a_file_dialog_shows_a_thumbnail(qtbot, window, facility, jpeg, monkeypatch):
    page = open_new_inspection(qtbot, window, facility)
    page.checklist.go_to("sch.security.video")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(jpeg)], ""))
    qtbot.mouseClick(page.checklist.add_photo, Qt.MouseButton.LeftButton)
    assert page.checklist.photo_list.count() == 1
    assert not page.checklist.photo_list.item(0).icon().isNull()


def test_a_bad_photo_is_told_not_raised(qtbot, window, facility, tmp_path):
    page = open_new_inspection(qtbot, window, facility)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 broken")
    page.checklist.add_photos([bad])
    assert window.banner.isVisible() and "broken.jpg" in window.banner.text()


def test_import_runs_in_the_background_with_per_row_errors(qtbot, window, store, tmp_path):
    path = tmp_path / "reg.csv"
    path.write_text(
        "name_kk,name_ru,kind,region\nЖаңа мектеп,Новая школа,school,ALA\nҚате,Ошибка,school,Луна\n",
        encoding="utf-8",
    )
    job = window.import_file(path)
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert "Луна" in window.banner.text()
    assert store.facilities.search("жаңа мектеп")


def test_a_broken_form_is_listed_with_its_error_and_the_rest_work(qtbot, store, language, tmp_path):
    import shutil

    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.desktop.ui.shell.main_window import MainWindow
    from tests.conftest import ROOT

    folder = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", folder)
    (folder / "camp.v1.yaml").write_text(
        "id: camp\nversion: 1\nkind: camp\nsurprise: key\n", encoding="utf-8"
    )
    main = MainWindow(store, FormCatalogue.load(folder), language)
    qtbot.addWidget(main)
    lines = [main.forms_list.item(i).text() for i in range(main.forms_list.count())]
    broken = [line for line in lines if line.startswith("✘")]
    assert len(broken) == 1 and "camp.v1.yaml" in broken[0] and "surprise" in broken[0]
    assert sum(line.startswith("✔") for line in lines) == 3


@pytest.mark.parametrize(
    ("lang", "retired"),
    [("kk", "қолданыстан шығарылған"), ("ru", "выведена из употребления"), ("en", "retired")],
)
def test_a_retired_form_is_listed_as_retired_not_in_use(qtbot, store, language, tmp_path, lang, retired):
    import shutil

    from inspector_app.core.forms.catalogue import FormCatalogue, mark_retired
    from inspector_app.desktop.ui.shell.main_window import MainWindow
    from tests.conftest import ROOT

    folder = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", folder)
    mark_retired(folder, "camp", 1)  # as a sync does when the server retires the version
    language.switch(lang)
    main = MainWindow(store, FormCatalogue.load(folder), language)
    qtbot.addWidget(main)
    lines = [main.forms_list.item(i).text() for i in range(main.forms_list.count())]
    camp = [line for line in lines if "camp v1" in main.forms_list.item(lines.index(line)).toolTip()]
    assert len(camp) == 1 and not camp[0].startswith("✔") and retired in camp[0], camp
    assert sum(line.startswith("✔") and retired not in line for line in lines) == 3


def test_the_other_tabs_are_filled_once_the_window_is_on_screen(
    qtbot, store, language, school_form, facility
):
    from inspector_app.core.domain.models import Inspection, InspectionMode, InspectionType
    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.desktop.ui.shell.main_window import MainWindow
    from tests.conftest import ROOT

    store.inspections.create(
        Inspection(
            "",
            facility.id,
            school_form.id,
            school_form.version,
            school_form.content_hash,
            InspectionType.SCHEDULED,
            InspectionMode.ON_SITE,
            "19-ПР",
            dt.date.today(),
        )
    )
    catalogue = FormCatalogue.deferred(ROOT / "forms")
    main = MainWindow(store, catalogue, language)
    qtbot.addWidget(main)
    assert not catalogue.is_read and main.forms_list.count() == 0
    assert main.inspections_model.rowCount() == 0 and main.register.model.rowCount() > 0
    main.show()
    qtbot.waitUntil(lambda: main.forms_list.count() == 4)
    assert main.inspections_model.rowCount() == 1


def test_a_new_inspection_does_not_wait_for_the_window_to_read_the_checklists(
    qtbot, store, language, facility
):
    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.desktop.ui.shell.main_window import MainWindow
    from tests.conftest import ROOT

    main = MainWindow(store, FormCatalogue.deferred(ROOT / "forms"), language)
    qtbot.addWidget(main)

    def fill(dialog):
        type_text(dialog.number, "18-ПР")
        type_text(dialog.mark, "260310-0118")
        dialog.on_ok_clicked()

    then(fill)
    main.on_register_inspection_requested(facility)  # before the window was ever shown
    assert main.page is not None and main.page.checklist.form.kind is facility.kind


def test_switching_the_interface_language(qtbot, window):
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    assert window.home.tabText(0) != "Facility register"
    assert window.store.reference.profile().language == "kk"
    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    assert window.home.tabText(0) == "Реестр организаций"
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    assert window.home.tabText(0) == "Facility register"


def test_register_columns_are_titled_in_the_interface_language(qtbot, window):
    def titles() -> list[str]:
        header = window.register.table.horizontalHeader()
        return [header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]

    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    qtbot.waitUntil(lambda: titles()[:2] == ["Наименование", "Вид"])
    assert len(titles()) == window.register.model.columnCount()
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    qtbot.waitUntil(lambda: titles()[0] == "Атауы")
    widths = [window.register.table.columnWidth(c) for c in range(len(titles()))]
    window.register.search.setText("мектеп")  # new rows keep the titles and the widths
    assert titles()[0] == "Атауы"
    assert [window.register.table.columnWidth(c) for c in range(len(titles()))] == widths


def test_the_filters_show_their_whole_labels_after_the_language_changes(qtbot, window):
    district = window.register.district
    for code, label in (("ru", "Все районы"), ("kk", "Барлық аудандар")):
        window.language_box.setCurrentIndex(window.language_box.findData(code))
        qtbot.waitUntil(lambda label=label: district.currentText() == label)
        qtbot.wait(50)  # the layout takes the new size hints
        assert district.width() > district.fontMetrics().horizontalAdvance(label)


def test_unlocking_while_the_window_loads(store, store_dir, tmp_path):
    import dataclasses

    from inspector_app.core.domain.errors import UserError
    from inspector_app.core.paths import default_paths
    from inspector_app.desktop.ui.shell.app import unlock_while_loading

    store.close()
    paths = dataclasses.replace(default_paths(), data=tmp_path / "data")
    with pytest.raises(UserError) as caught:
        unlock_while_loading(store_dir, "not my passphrase", paths)
    assert caught.value.code == "store.wrong_passphrase"
    opened, catalogue = unlock_while_loading(store_dir, "correct horse battery", paths)
    assert opened.reference.profile().code == "K07" and len(catalogue.forms) == 4
    opened.close()
