"""Sign-in: unlock the store with the passphrase, or create it on first run."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import InspectorProfile
from inspector_app.core.domain.reference import REGIONS
from inspector_app.desktop.storage.crypto import KEY_NAME, unlock
from inspector_app.desktop.storage.store import (
    Store,
    backups,
    create_store,
    open_store,
    restore_backup,
    store_exists,
)
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.ui.shared.i18n import LANGUAGES, Language
from inspector_app.desktop.workers.jobs import Job, start

ERROR_LINES = 3  # the room kept for a message, so the dialog does not grow when one comes
WIDTH = 560


class SignInDialog(QDialog):
    """Asks for the passphrase (and the profile on first run); `store` is set on success.

    The store is opened on a pool thread: stretching the passphrase takes a moment, and an
    update of the store's schema after an upgrade can take seconds on a large register."""

    def __init__(
        self,
        folder: Path,
        language: Language,
        parent: QWidget | None = None,
        opener: Callable[[Path, str], Store] = open_store,
    ) -> None:
        super().__init__(parent)
        self.folder, self.language, self.opener = folder, language, opener
        self.store: Store | None = None
        self.opening: Job | None = None  # the store being opened, if it is
        self.first_run = not store_exists(folder)
        self._build()
        self.retranslate()
        language.changed.connect(lambda _code: self.retranslate())

    def _build(self) -> None:
        self.language_box = QComboBox()
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex([c for c, _ in LANGUAGES].index(self.language.code))
        self.language_box.setObjectName("language_box")
        self.language_box.currentIndexChanged.connect(self.on_language_box_changed)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.form = QFormLayout()
        self.name, self.position, self.position_ru = QLineEdit(), QLineEdit(), QLineEdit()
        self.body_kk, self.body_ru = QLineEdit(), QLineEdit()
        self.body_kk.setText(
            "Қазақстан Республикасы Оқу-ағарту министрлігінің Бала құқықтарын қорғау комитеті"
        )
        self.body_ru.setText("Комитет по охране прав детей Министерства просвещения Республики Казахстан")
        self.region, self.code = QComboBox(), QLineEdit()
        for region in REGIONS:
            self.region.addItem("", region.code)
        self.passphrase, self.confirm = QLineEdit(), QLineEdit()
        for secret in (self.passphrase, self.confirm):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = {}
        rows = [
            ("name", self.name),
            ("position", self.position),
            ("position_ru", self.position_ru),
            ("body_kk", self.body_kk),
            ("body_ru", self.body_ru),
            ("region", self.region),
            ("code", self.code),
            ("passphrase", self.passphrase),
            ("confirm", self.confirm),
        ]
        field: QWidget
        for key, field in rows:
            if self.first_run or key == "passphrase":
                self.labels[key] = QLabel()
                self.form.addRow(self.labels[key], field)
        for field, name in (
            (self.name, "name"),
            (self.position, "position"),
            (self.position_ru, "position_ru"),
            (self.body_kk, "body_kk"),
            (self.body_ru, "body_ru"),
            (self.region, "region"),
            (self.code, "code"),
            (self.passphrase, "passphrase"),
            (self.confirm, "confirm"),
        ):
            field.setObjectName(name)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * ERROR_LINES)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.busy_text = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no measure of how far: it just moves
        widget: QWidget
        for widget in (self.busy_text, self.busy, self.restore_button):  # their room is kept
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.setVisible(False)
        # a button of our own: a standard one takes Qt's "OK" back at every language change
        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("buttons")
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")
        self.buttons.accepted.connect(self.on_ok_clicked)
        layout = QVBoxLayout(self)
        for widget in (self.language_box, self.title):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        for widget in (self.error, self.restore_button, self.busy_text, self.busy, self.buttons):
            layout.addWidget(widget)
        self.setFixedWidth(WIDTH)
        self.ok_button.setDefault(True)  # Enter opens (once the button is in the dialog)
        self.passphrase.setFocus()

    def on_language_box_changed(self, index: int) -> None:
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        self.language.switch(self.language_box.itemData(index))
        if focused is not None:  # the texts change after this returns: focus stays where it was
            QTimer.singleShot(0, focused, focused.setFocus)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Field Inspector — sign in"))
        self.title.setText(
            self.tr("Create your encrypted workspace") if self.first_run else self.tr("Enter your passphrase")
        )
        texts = {
            "name": self.tr("Full name"),
            "position": self.tr("Position (Kazakh)"),
            "position_ru": self.tr("Position (Russian)"),
            "body_kk": self.tr("Body (Kazakh)"),
            "body_ru": self.tr("Body (Russian)"),
            "region": self.tr("Region"),
            "code": self.tr("Inspector code"),
            "passphrase": self.tr("Passphrase"),
            "confirm": self.tr("Repeat passphrase"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        for index, region in enumerate(REGIONS):
            self.region.setItemText(index, region.name.get(self.language.code))
        self.restore_button.setText(self.tr("Restore the newest backup"))
        self.busy_text.setText(
            self.tr("Opening the workspace… After an update of the app this can take a minute.")
        )
        self.ok_button.setText(self.tr("Create") if self.first_run else self.tr("Open"))

    def on_ok_clicked(self) -> None:
        if self.opening is not None:
            return None
        self.error.clear()
        try:
            open_it = (
                self._creation()
                if self.first_run
                else partial(self.opener, self.folder, self.passphrase.text())
            )
        except UserError as error:
            return self.on_open_failed(error)
        self._set_busy(True)
        self.opening = Job(lambda _report: open_it())
        self.opening.finished.connect(self.on_opened)
        self.opening.failed.connect(self.on_open_failed)
        start(self.opening)

    def on_opened(self, store: Store) -> None:
        self.opening = None
        self.store = store
        self.accept()

    def on_open_failed(self, error: Exception) -> None:
        self.opening = None
        self._set_busy(False)
        self.error.setText(describe(error, self.language.code))
        corrupt = isinstance(error, UserError) and error.code == "store.corrupt"
        self.restore_button.setVisible(corrupt and bool(backups(self.folder)))
        wrong = self._field_at_fault(error)
        wrong.setFocus()  # type again at once, over the old text
        wrong.selectAll()

    def _field_at_fault(self, error: Exception) -> QLineEdit:
        code = error.code if isinstance(error, UserError) else ""
        if code == "signin.passphrases_differ":
            return self.confirm
        if code == "signin.profile_incomplete":
            return self.name if not self.name.text().strip() else self.code
        return self.passphrase

    def reject(self) -> None:
        if self.opening is None:  # an opening under way ends with the store open: wait for it
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy_text.setVisible(busy)
        self.busy.setVisible(busy)
        items = (self.form.itemAt(i) for i in range(self.form.count()))
        rows = [w for item in items if item is not None and (w := item.widget()) is not None]
        for widget in (self.buttons, self.language_box, *rows):
            widget.setEnabled(not busy)

    def _creation(self) -> Callable[[], Store]:
        """What creates the store, once the form is checked here (raises UserError)."""
        if self.passphrase.text() != self.confirm.text():
            raise UserError("signin.passphrases_differ")
        if not self.name.text().strip() or not self.code.text().strip():
            raise UserError("signin.profile_incomplete")
        profile = InspectorProfile(
            name=self.name.text().strip(),
            position=self.position.text().strip() or self.position_ru.text().strip(),
            position_kk=self.position.text().strip(),
            position_ru=self.position_ru.text().strip(),
            body_kk=self.body_kk.text().strip(),
            body_ru=self.body_ru.text().strip(),
            region=self.region.currentData(),
            code=self.code.text().strip().upper(),
            language=self.language.code,
        )
        return partial(create_store, self.folder, self.passphrase.text(), profile)

    def on_restore_clicked(self) -> None:
        """Put the newest backup in place of the damaged store (checked first, on a thread:
        the passphrase is stretched and every file read)."""
        if self.opening is not None:
            return
        folder, passphrase = self.folder, self.passphrase.text()
        self._set_busy(True)
        self.opening = Job(
            lambda _report: restore_backup(folder, backups(folder)[0], unlock(folder / KEY_NAME, passphrase))
        )
        self.opening.finished.connect(self.on_restored)
        self.opening.failed.connect(self.on_open_failed)
        start(self.opening)

    def on_restored(self, aside: Path | None) -> None:
        self.opening = None
        self._set_busy(False)
        self.restore_button.setVisible(False)
        self.error.setText(
            self.tr(
                "The copy is restored; the damaged file was kept as {0}. Enter your passphrase again."
            ).format(aside.name if aside else "")
        )


register_messages(
    {
        "signin.passphrases_differ": {
            "kk": "Екі құпия фраза сәйкес келмейді. Қайта теріңіз.",
            "ru": "Парольные фразы не совпадают. Введите их снова.",
            "en": "The two passphrases differ. Type them again.",
        },
        "signin.profile_incomplete": {
            "kk": "Аты-жөніңізді және инспектор кодын толтырыңыз.",
            "ru": "Заполните ФИО и код инспектора.",
            "en": "Fill in your full name and inspector code.",
        },
    }
)
