"""Interface translations: every text of the code translated, and real widgets switching language."""

from __future__ import annotations

import ast
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from inspector_app.desktop.ui.shared import i18n_build
from inspector_app.desktop.ui.shared.i18n import Language
from inspector_app.desktop.ui.shared.i18n_build import LOCALES, TRANSLATIONS, read_messages, ts_path

ROOT = Path(__file__).resolve().parents[2]
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"


@pytest.fixture
def language(qapp):
    """The shipped fonts, and a language that is English again after the test."""
    from inspector_app.desktop.ui.shell.app import load_fonts

    font = QApplication.font()
    load_fonts(ROOT / "resources" / "fonts")
    chosen = Language(TRANSLATIONS, "en")
    yield chosen
    chosen.switch("en")
    QApplication.setFont(font)


def tr_literals() -> set[tuple[str, str]]:
    """(class, text) of every tr("…") with a literal text in desktop/ui/ and desktop/workers/, f-strings included."""
    found = set()
    for folder in i18n_build.SOURCE_FOLDERS:
        for path in folder.rglob("*.py"):
            for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(cls, ast.ClassDef):
                    found |= {
                        (cls.name, call.args[0].value)
                        for call in ast.walk(cls)
                        if isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr"
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                    }
    return found


# --- the translation files --------------------------------------------------------------------
def test_build_check_passes():
    assert i18n_build.check() == []


def test_every_text_of_the_code_has_a_translation_in_both_languages():
    literals = tr_literals()
    assert ("SignInDialog", "Passphrase") in literals and ("InspectionPage", "act No.") in literals
    for code in LOCALES:
        translated = {m.key for m in read_messages(ts_path(code)) if not m.unfinished and all(m.translations)}
        assert literals - translated == set(), code


def test_files_declare_their_language_and_plural_forms():
    for code, forms in (("kk", 2), ("ru", 3)):
        root = ET.parse(ts_path(code)).getroot()
        assert (root.get("language"), root.get("sourcelanguage")) == (LOCALES[code], "en")
        plurals = [m for m in read_messages(ts_path(code)) if m.key == ("RegisterView", "Shown: %n")]
        assert len(plurals) == 1 and len(plurals[0].translations) == forms


def test_check_reports_an_untranslated_text_and_a_stale_qm(tmp_path):
    for code in LOCALES:
        shutil.copy(ts_path(code), tmp_path)
        shutil.copy(i18n_build.qm_path(code), tmp_path)
    ts = ts_path("ru", tmp_path)
    tree = ET.parse(ts)
    message = next(m for m in tree.getroot().iter("message") if m.findtext("source") == "Passphrase")
    message.find("translation").text = ""
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    found = i18n_build.check(tmp_path)
    assert any("[SignInDialog] 'Passphrase' has no finished translation" in line for line in found)
    assert any(line.startswith("inspector_ru.qm is not compiled") for line in found)
    assert not any("inspector_kk" in line for line in found)


def test_placeholders_must_survive_translation():
    message = i18n_build.Message(
        "MainWindow", "Imported: %1, rows with errors: %2", ("Импортировано: %1, строк с ошибками",), False
    )
    assert "placeholders differ" in i18n_build.problems([message], "x.ts")[0]


# --- at run time --------------------------------------------------------------------------------
def test_plural_forms_follow_each_language(language):
    shown = lambda n: QCoreApplication.translate("RegisterView", "Shown: %n", "", n)  # noqa: E731
    language.switch("ru")
    assert [shown(n) for n in (1, 3, 5, 21, 111)] == [
        "Показана 1 организация",
        "Показаны 3 организации",
        "Показано 5 организаций",
        "Показана 21 организация",
        "Показано 111 организаций",
    ]
    language.switch("kk")
    assert [shown(n) for n in (1, 7)] == ["1 ұйым көрсетілді", "7 ұйым көрсетілді"]
    language.switch("en")
    assert shown(7) == "Shown: 7"


def test_texts_passed_through_variables_are_translated(language):
    language.switch("kk")
    assert QCoreApplication.translate("RegisterView", "high") == "жоғары"
    assert QCoreApplication.translate("MainWindow", "Unavailable") == "Қолжетімсіз"


def test_qt_standard_buttons_follow_the_language(language, qtbot):
    language.switch("ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


EXPECTED_SIGN_IN = {
    "kk": (
        "Көшпелі инспектор — кіру",
        "Шифрланған жұмыс кеңістігін құрыңыз",
        "Құпия фраза",
        "Аты-жөні",
        "Өңір",
        "Құру",
    ),
    "ru": (
        "Выездной инспектор — вход",
        "Создайте зашифрованное рабочее пространство",
        "Парольная фраза",
        "ФИО",
        "Регион",
        "Создать",
    ),
    "en": (
        "Field Inspector — sign in",
        "Create your encrypted workspace",
        "Passphrase",
        "Full name",
        "Region",
        "Create",
    ),
}


def sign_in_texts(dialog) -> tuple[str, ...]:
    return (
        dialog.windowTitle(),
        dialog.title.text(),
        dialog.labels["passphrase"].text(),
        dialog.labels["name"].text(),
        dialog.labels["region"].text(),
        dialog.ok_button.text(),
    )


def test_sign_in_dialog_switches_language_and_renders_kazakh(language, qtbot, tmp_path):
    from inspector_app.desktop.ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(tmp_path / "store", language)
    qtbot.addWidget(dialog)
    for code in ("kk", "ru", "en"):
        dialog.language_box.setCurrentIndex(dialog.language_box.findData(code))  # as the user does
        assert language.code == code
        assert sign_in_texts(dialog) == EXPECTED_SIGN_IN[code]
        if code != "en":
            assert dialog.grab().save(str(tmp_path / f"sign_in_{code}.png"))
    metrics = QFontMetrics(dialog.labels["passphrase"].font())
    assert QApplication.font().family() == "DejaVu Sans"
    assert all(metrics.inFontUcs4(ord(letter)) for letter in KAZAKH_LETTERS)


def test_sign_in_dialog_opens_in_the_current_language(language, qtbot, store, store_dir):
    from inspector_app.desktop.ui.shell.sign_in import SignInDialog

    language.switch("ru")
    dialog = SignInDialog(store_dir, language)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Введите парольную фразу"
    assert dialog.ok_button.text() == "Открыть"


def test_main_window_and_inspection_follow_the_language(language, qtbot, store, catalogue, inspection):
    from inspector_app.desktop.ui.shell.main_window import MainWindow

    language.switch("kk")
    window = MainWindow(store, catalogue, language)
    qtbot.addWidget(window)
    assert [window.home.tabText(i) for i in range(3)] == [
        "Ұйымдар тізілімі",
        "Тексерулер",
        "Тексеру парақтары",
    ]
    window.open_inspection(inspection.id)
    assert window.page.tabs.tabText(0) == "Тексеру парағы"
    assert "акт № 17 · жоба" in window.page.title.text()
    window.language_box.setCurrentIndex(window.language_box.findData("ru"))
    QApplication.processEvents()  # Qt posts LanguageChange to every widget
    assert window.page.tabs.tabText(1) == "Нарушения и меры"
    assert (
        window.page.checklist.buttons[next(iter(window.page.checklist.buttons))].text()
        == "Соответствует  [1]"
    )
    assert window.register.new_button.text() == "Новая проверка…"
    assert store.reference.profile().language == "ru"
