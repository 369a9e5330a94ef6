"""The main window on a laptop screen: size and place kept, the message line, the register's
search, count and "Show more", the inspection left open, words and focus."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QToolButton

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.text import name_sort_key
from inspector_app.core.forms.catalogue import FormCatalogue
from inspector_app.demo.facilities import demo_facilities
from inspector_app.desktop.ui.shell.main_window import MainWindow
from inspector_app.desktop.ui.shell.sign_in import SignInDialog
from tests.conftest import ROOT
from tests.gui.conftest import type_text

LAPTOP = QRect(0, 0, 1366, 728)  # a 1366×768 screen less its task bar


@pytest.fixture
def laptop(monkeypatch):
    monkeypatch.setattr(MainWindow, "screen_area", lambda self: QRect(LAPTOP))


def open_window(qtbot, store, language) -> MainWindow:
    main = MainWindow(store, FormCatalogue.load(ROOT / "forms"), language, auto_sync=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def inside(widget, window) -> bool:
    corner = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(corner, widget.size()))


def test_the_window_fits_a_laptop_screen_and_comes_back_as_it_was_left(
    qtbot, store, language, laptop, facility
):
    main = open_window(qtbot, store, language)
    assert main.isMaximized()  # 1280×800 does not fit: the whole screen instead
    main.showNormal()
    main.resize(1366, LAPTOP.height() - 32)
    main.move(0, 0)
    qtbot.wait(20)
    assert main.minimumSizeHint().width() <= 1366 and main.minimumSizeHint().height() <= 696
    for widget in (main.register.new_button, main.sync_status, main.register.search):
        assert inside(widget, main), widget.objectName()
    main.resize(700, 500)  # within the offscreen screen too, which restoreGeometry keeps to
    main.move(40, 30)
    main.close()
    again = open_window(qtbot, store, language)
    assert not again.isMaximized()
    assert (again.width(), again.height()) == (700, 500)
    assert (again.pos() - QPoint(40, 30)).manhattanLength() <= 4  # give or take the frame
    again.showMaximized()
    again.close()
    assert open_window(qtbot, store, language).isMaximized()


def test_a_window_left_off_screen_is_brought_back_onto_it(qtbot, store, language, laptop):
    main = open_window(qtbot, store, language)
    main.showNormal()
    main.resize(1200, 700)
    main.move(1000, 500)  # as a larger monitor, now unplugged, had it
    main.close()
    again = open_window(qtbot, store, language)
    assert LAPTOP.contains(again.geometry())


def test_the_message_line_closes_by_its_button_and_moves_nothing(qtbot, window):
    window.showNormal()
    window.resize(1366, 696)
    qtbot.wait(20)
    before = window.stack.geometry()
    qtbot.mouseClick(window.sync_button, Qt.MouseButton.LeftButton)  # not enrolled: told so
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert "not enrolled" in window.banner.text()
    assert window.stack.geometry() == before  # nothing moved under the mouse
    close = window.findChild(QToolButton, "banner_close")
    assert close.isVisible() and close.accessibleName() == "Close the message"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible() and window.stack.geometry() == before


def test_a_long_report_shows_its_first_line_and_keeps_the_rest_in_its_tooltip(qtbot, window):
    window.banner.show_message("first line\nsecond line", "import")
    assert window.banner.label.text().startswith("first line") and "second" not in window.banner.label.text()
    assert window.banner.label.toolTip() == "first line\nsecond line"


def test_region_and_district_names_find_facilities(qtbot, window, store):
    store.facilities.upsert_many(demo_facilities(300))
    register = window.register
    for typed in ("Қарағанды", "Карагандинская"):
        register.search.clear()
        type_text(register.search, typed)
        rows = [register.model.row(r) for r in range(register.model.rowCount())]
        assert rows and all(f.region == "KAR" for f in rows), typed
    district = next(f.district for f in demo_facilities(300) if f.district)
    register.search.clear()
    type_text(register.search, district.split()[0])
    rows = [register.model.row(r) for r in range(register.model.rowCount())]
    assert any(f.district == district for f in rows)


def test_new_inspection_needs_a_selected_facility_and_a_sync_keeps_the_selection(qtbot, window, store):
    """Region names refreshed after a sync rebuild the columns: a facility stays selected, and
    the button is enabled only when one is."""
    store.facilities.upsert_many(demo_facilities(50))
    register = window.register
    register.on_region_changed()
    assert register.selected() is not None and register.new_button.isEnabled()
    register.set_regions(store.reference.regions())  # what the window does when a sync ends
    assert register.selected() is not None and register.new_button.isEnabled()
    type_text(register.search, "жоқ мекеме 12345")
    assert register.model.rowCount() == 0 and not register.new_button.isEnabled()


def test_the_register_says_how_many_there_are_and_shows_more(qtbot, window, store):
    store.facilities.upsert_many(demo_facilities(450))
    register = window.register
    register.on_region_changed()
    assert register.count.text() == "Shown: 200 of 450" and register.model.rowCount() == 200
    more = window.findChild(QPushButton, "register_more")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert register.count.text() == "Shown: 400 of 450" and register.model.rowCount() == 400
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert register.count.text() == "Shown: 450" and not more.isVisible()
    type_text(register.search, "мектеп")  # a new search starts at the first 200 again
    assert register.model.rowCount() <= 200


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_register_columns_are_not_cut_at_1366_pixels(qtbot, window, store, lang):
    store.facilities.upsert_many(demo_facilities(300))
    window.language_box.setCurrentIndex(window.language_box.findData(lang))
    window.showNormal()
    window.resize(1366, 696)
    qtbot.wait(50)
    table = window.register.table
    metrics = table.fontMetrics()
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnWidth(0) >= 300
    model = window.register.model
    for column in range(1, model.columnCount()):
        texts = [model.data(model.index(r, column)) for r in range(model.rowCount())]
        texts.append(model.headers.horizontalHeaderItem(column).text())
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        assert widest + 8 <= table.columnWidth(column), (column, texts[-1])


def test_the_draft_open_at_closing_opens_again(qtbot, store, language, inspection):
    main = open_window(qtbot, store, language)
    table = main.inspections
    main.home.setCurrentWidget(table)
    qtbot.waitUntil(lambda: main.inspections_model.rowCount() == 1)
    cell = table.visualRect(main.inspections_model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert main.page is not None
    main.close()
    again = open_window(qtbot, store, language)
    qtbot.waitUntil(lambda: again.page is not None)
    assert again.page.findings.inspection.id == inspection.id
    qtbot.mouseClick(again.page.back, Qt.MouseButton.LeftButton)  # back to the register ...
    assert QApplication.focusWidget() is again.register.table  # where the keyboard goes on
    again.close()
    third = open_window(qtbot, store, language)
    qtbot.wait(100)
    assert third.page is None  # ... is where the next start is


def test_a_finalised_or_deleted_inspection_does_not_open_at_start(qtbot, store, language, inspection):
    store.reference.set_setting("ui.open_inspection", "no-such-inspection")
    main = open_window(qtbot, store, language)
    qtbot.wait(100)
    assert main.page is None and main.stack.currentWidget() is main.home


def test_checklists_are_listed_by_title_version_and_size_without_ids_or_hashes(qtbot, window, catalogue):
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    lines = [window.forms_list.item(i) for i in range(window.forms_list.count())]
    assert len(lines) == len(catalogue.forms)
    for item, form in zip(
        lines, sorted(catalogue.forms, key=lambda f: name_sort_key(f.title.kk)), strict=True
    ):
        assert form.title.kk in item.text() and "1-нұсқа" in item.text()
        assert form.id not in item.text() and form.content_hash[:12] not in item.text()
        assert form.content_hash in item.toolTip()


def test_sign_in_buttons_follow_the_language_and_keep_focus(qtbot, store, store_dir, language):
    store.close()
    language.switch("ru")
    dialog = SignInDialog(store_dir, language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.ok_button.text() == "Открыть"
    dialog.language_box.setFocus()
    qtbot.keyClick(dialog.language_box, Qt.Key.Key_Up)  # Русский -> Қазақша
    qtbot.waitUntil(lambda: language.code == "kk")
    qtbot.wait(20)  # Qt's own texts change after the switch
    assert dialog.ok_button.text() == "Ашу"
    assert QApplication.focusWidget() is dialog.language_box


def test_a_wrong_passphrase_leaves_it_selected_for_typing_again(qtbot, store, store_dir, language):
    store.close()
    dialog = SignInDialog(store_dir, language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    size = dialog.size()
    type_text(dialog.passphrase, "not my passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    qtbot.wait(20)
    assert QApplication.focusWidget() is dialog.passphrase
    assert dialog.passphrase.selectedText() == "not my passphrase"
    assert dialog.size() == size  # the message had its room: the dialog did not grow


def test_the_language_switch_keeps_the_focus_in_the_window(qtbot, window):
    window.activateWindow()
    window.language_box.setFocus()
    qtbot.keyClick(window.language_box, Qt.Key.Key_Up)  # English -> Русский
    qtbot.waitUntil(lambda: window.home.tabText(0) == "Реестр организаций")
    qtbot.wait(20)
    assert QApplication.focusWidget() is window.language_box
    window.register.search.setFocus()
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    qtbot.wait(20)
    assert QApplication.focusWidget() is window.register.search


def test_enrol_dialog_buttons_are_in_the_interface_language(qtbot, window):
    from inspector_app.desktop.ui.sync.enrol_dialog import EnrolDialog

    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    window.language_box.setCurrentIndex(window.language_box.findData("kk"))
    dialog = EnrolDialog(window.sync, "kk", parent=window)
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Бас тарту"


def test_messages_show_dates_as_people_write_them_and_a_fixed_fine_as_one_number():
    assert "05.03.2026" in UserError("order.deadline_past", value=dt.date(2026, 3, 5)).message("ru")
    assert "2026-03-05" not in UserError("date.out_of_range", value=dt.date(2026, 3, 5)).message("kk")
    from inspector_app.core.domain.identifiers import make_valid_12
    from inspector_app.core.domain.measures import validate_measure
    from inspector_app.core.domain.models import (
        IdDocument,
        Localized,
        Measure,
        MeasureKind,
        Offender,
        OffenderKind,
    )
    from inspector_app.core.domain.reference import ARTICLES, MRP_BY_YEAR

    measure = Measure(
        id="",
        inspection_id="i",
        kind=MeasureKind.PROTOCOL,
        finding_ids=["f"],
        article="127-3",
        part="1",
        fine_mrp=7,
        offence_date=dt.date(2025, 3, 4),
        offender=Offender(
            OffenderKind.PERSON,
            "Сәрсенов Ғалым",
            make_valid_12("80010130045"),
            id_document=IdDocument(number="041234567"),
            workplace=Localized("№5 мектеп", "Школа №5"),
        ),
    )
    with pytest.raises(UserError) as caught:
        validate_measure(
            measure,
            articles={a.code: a for a in ARTICLES},
            mrp_by_year=MRP_BY_YEAR,
            today=dt.date(2026, 1, 1),
        )
    assert caught.value.message("ru") == "Штраф по этой статье составляет 10 МРП."
    assert caught.value.message("kk") == "Бұл бап бойынша айыппұл 10 АЕК."
