"""A new password after an administrator reset the user's one: the server lets the user sign
in again only once it is changed. The change runs on a pool thread; the sign-in goes on with
the new password once the dialog is accepted (`new_password`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import passwords
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.desktop.sync import messages  # noqa: F401  (the sync refusals' texts)
from inspector_app.desktop.ui.shared.errors import describe
from inspector_app.desktop.workers.jobs import Job, start

WIDTH = 560
ERROR_STYLE = "color: #b00020"

# which field a refusal belongs beside (others are told below the form)
FIELD_OF = {
    "password.current_missing": "current",
    "password.current_wrong": "current",
    "sync.weak_password": "new",
    "password.repeat_differs": "repeat",
}


class PasswordChangeDialog(QDialog):
    """Asks for the current (reset) password and a new one twice; `change(current, new)`
    runs off the GUI thread and raises a UserError when the server refuses."""

    def __init__(
        self,
        username: str,
        current: str,
        lang: str,
        change: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.username, self.lang, self.change = username, lang, change
        self.job: Job | None = None
        self.new_password = ""
        self.setWindowTitle(self.tr("Change your password"))
        self.fields = {key: QLineEdit() for key in ("current", "new", "repeat")}
        self.errors = {key: self._error_label(f"password_{key}_error") for key in self.fields}
        for key, field in self.fields.items():
            field.setObjectName(f"password_{key}")
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields["current"].setText(current)
        self.error = self._error_label("password_error")
        self._lay_out()
        self.fields["current" if not current else "new"].setFocus()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(False)
        return label

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "Your administrator reset the password of “{0}”. Choose a new one to sign in: "
                "the server accepts it only then."
            ).format(self.username)
        )
        intro.setObjectName("password_intro")
        policy = QLabel(
            self.tr(
                "The new password: at least {0} characters, of at least two kinds (letters, digits, "
                "other signs), and not your user name."
            ).format(passwords.MIN_PASSWORD_CHARS)
        )
        policy.setObjectName("password_policy")
        for label in (intro, policy):
            label.setWordWrap(True)
        form = QFormLayout()
        labels = {
            "current": self.tr("Current (temporary) password"),
            "new": self.tr("New password"),
            "repeat": self.tr("New password again"),
        }
        for key, field in self.fields.items():
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(self.errors[key])
            form.addRow(labels[key], column)
        # buttons of our own: standard ones take Qt's "OK" back at every language change
        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("password_buttons")
        self.ok_button = self.buttons.addButton(
            self.tr("Change password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("password_ok")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("password_cancel")
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = self.main_layout = QVBoxLayout(self)
        for widget in (intro, policy):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setFixedWidth(WIDTH)

    def on_ok_clicked(self) -> None:
        if self.job is not None:
            return None
        self._clear_errors()
        current, new = self.fields["current"].text(), self.fields["new"].text()
        try:
            self._check(current, new, self.fields["repeat"].text())
        except UserError as error:
            return self.on_change_failed(error)
        self.buttons.setEnabled(False)
        self.job = Job(lambda _report: self.change(current, new))
        self.job.finished.connect(self.on_changed)
        self.job.failed.connect(self.on_change_failed)
        start(self.job)

    def _check(self, current: str, new: str, repeat: str) -> None:
        """What can be told before asking the server (raises UserError)."""
        if not current:
            raise UserError("password.current_missing")
        if passwords.is_weak(new, self.username):
            raise UserError("sync.weak_password")
        if new != repeat:
            raise UserError("password.repeat_differs")

    def on_changed(self, _result) -> None:
        self.job = None
        self.new_password = self.fields["new"].text()
        self.accept()

    def on_change_failed(self, error: BaseException) -> None:
        self.job = None
        self.buttons.setEnabled(True)
        code = error.code if isinstance(error, UserError) else ""
        if code == "sync.bad_credentials":  # the user name was right a moment ago
            error, code = UserError("password.current_wrong"), "password.current_wrong"
        key = FIELD_OF.get(code)
        label = self.errors[key] if key else self.error
        label.setText(describe(error, self.lang))
        label.setVisible(True)
        self.main_layout.activate()
        self.adjustSize()  # the message's lines fit
        field = self.fields[key or "current"]
        field.setFocus()  # type again at once, over the old text
        field.selectAll()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.error):
            label.clear()
            label.setVisible(False)

    def reject(self) -> None:
        if self.job is None:  # a change under way ends first: its result must be known
            super().reject()


register_messages(
    {
        "password.current_missing": {
            "kk": "Әкімші берген уақытша құпия сөзді теріңіз.",
            "ru": "Введите временный пароль, который дал администратор.",
            "en": "Type the temporary password your administrator gave you.",
        },
        "password.current_wrong": {
            "kk": "Ағымдағы құпия сөз қате. Әкімші берген уақытша құпия сөзді қайта теріңіз.",
            "ru": "Текущий пароль неверен. Введите ещё раз временный пароль, который дал администратор.",
            "en": "The current password is wrong. Type again the temporary password your administrator "
            "gave you.",
        },
        "password.repeat_differs": {
            "kk": "Жаңа құпия сөз екі рет бірдей терілмеді. Қайта теріңіз.",
            "ru": "Новый пароль введён два раза по-разному. Введите его снова.",
            "en": "The new password was typed differently the second time. Type it again.",
        },
    }
)
